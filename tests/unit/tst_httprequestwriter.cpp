// httpRequestBytes(): what our plain-http transport puts on the wire.
#include "core/llm/httprequestwriter.h"

#include <QTest>
#include <QUrl>

using namespace Madf;

class TestHttpRequestWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void postWithBody();
    void getWithQueryAndIpv6Host();
    void callerCannotBreakTheFraming();
};

void TestHttpRequestWriter::postWithBody()
{
    const QByteArray bytes = httpRequestBytes("POST", QUrl("http://127.0.0.1:8080/v1/chat/completions"),
                                              {{"Authorization", "Bearer sk-1"}, {"Content-Type", "application/json"}},
                                              R"({"model":"m"})");
    const qsizetype headEnd = bytes.indexOf("\r\n\r\n");
    QVERIFY(headEnd > 0);
    const QList<QByteArray> lines = bytes.first(headEnd).split('\n');
    QCOMPARE(lines.first(), QByteArray("POST /v1/chat/completions HTTP/1.1\r"));
    QVERIFY(lines.contains("Host: 127.0.0.1:8080\r"));
    QVERIFY(lines.contains("Authorization: Bearer sk-1\r"));
    QVERIFY(lines.contains("Content-Type: application/json\r"));
    QVERIFY(lines.contains("Content-Length: 13\r"));
    QVERIFY(lines.contains("Connection: keep-alive"));
    QVERIFY(bytes.contains("\r\nUser-Agent: MADF-Studio/"));
    QCOMPARE(bytes.sliced(headEnd + 4), QByteArray(R"({"model":"m"})"));
}

void TestHttpRequestWriter::getWithQueryAndIpv6Host()
{
    const QByteArray bytes = httpRequestBytes("GET", QUrl("http://[::1]/api/tags?x=a%20b"), {{"User-Agent", "mine"}}, {});
    QVERIFY(bytes.startsWith("GET /api/tags?x=a%20b HTTP/1.1\r\nHost: [::1]\r\n"));
    QVERIFY(!bytes.contains("Content-Length"));     // a GET without a body says nothing about one
    QCOMPARE(bytes.count("User-Agent"), 1);         // the caller's wins
    QVERIFY(bytes.endsWith("\r\n\r\n"));
    QVERIFY(httpRequestBytes("GET", QUrl("http://host"), {}, {}).startsWith("GET / HTTP/1.1\r\nHost: host\r\n"));
}

void TestHttpRequestWriter::callerCannotBreakTheFraming()
{
    const QByteArray bytes = httpRequestBytes("POST", QUrl("http://h:81/p"),
                                              {{"Content-Length", "999"}, {"connection", "close"},
                                               {"Transfer-Encoding", "chunked"}, {"HOST", "evil"}},
                                              "ab");
    QCOMPARE(bytes.count("Content-Length"), 1);
    QVERIFY(bytes.contains("Content-Length: 2\r\n"));
    QVERIFY(!bytes.contains("close"));
    QVERIFY(!bytes.contains("chunked"));
    QVERIFY(!bytes.contains("evil"));
    QVERIFY(bytes.contains("Host: h:81\r\n"));
    QVERIFY(bytes.endsWith("\r\n\r\nab"));
}

QTEST_GUILESS_MAIN(TestHttpRequestWriter)
#include "tst_httprequestwriter.moc"
