#include "core/agents/htmltext.h"
#include "core/agents/referenceloader.h"

#include <QFile>
#include <QHash>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Madf;

namespace {

/** Serves canned HTTP/1.1 responses by path on 127.0.0.1 (one request per
 *  connection). */
class TinyHttpServer : public QObject
{
public:
    TinyHttpServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onRead(socket); });
            }
        });
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
    }

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }

    void route(const QByteArray &path, const QByteArray &status, const QByteArray &headers, const QByteArray &body)
    {
        m_routes.insert(path, "HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: "
                                  + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    }
    /** A route that never answers (for the timeout). */
    void silent(const QByteArray &path) { m_silent.insert(path); }

private:
    void onRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QByteArray path = buffer.split(' ').value(1);
        m_buffers.remove(socket);
        if (m_silent.contains(path))
            return;
        socket->write(m_routes.value(path, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QByteArray, QByteArray> m_routes;
    QSet<QByteArray> m_silent;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

const QByteArray kHtml =
    "<!DOCTYPE html><html><head><title>Fish &amp; Chips</title>"
    "<style>body { color: red; }</style><script>var secret = 1;</script></head>"
    "<body><!-- a comment --><h1>History</h1>\n<p>Fried fish&nbsp;arrived in   1860 &mdash; "
    "in London &#8212; and &#x41;lso Leeds.</p><ul><li>cod</li><li><p>haddock</p></li></ul>"
    "<p>Price &lt; &pound;5</p></body></html>";

} // namespace

class TestReferences : public QObject
{
    Q_OBJECT

private:
    static QList<SourceDoc> loadAll(ReferenceLoader *loader, const QStringList &refs)
    {
        QList<SourceDoc> result;
        bool done = false;
        QObject context;
        loader->load(refs, &context, [&](QList<SourceDoc> docs) {
            result = docs;
            done = true;
        });
        // Never synchronous: the caller's code after load() runs first.
        if (done)
            qFatal("done() was called inside load()");
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 30000); }();
        return result;
    }

private Q_SLOTS:
    void htmlToText()
    {
        const QString text = Madf::htmlToText(QString::fromUtf8(kHtml));
        QVERIFY2(!text.contains('<') || text.contains("Price <"), qPrintable(text));
        QVERIFY(!text.contains("secret"));
        QVERIFY(!text.contains("color"));
        QVERIFY(!text.contains("comment"));
        QVERIFY(text.contains(QString::fromUtf8("Fried fish arrived in 1860 — in London — and Also Leeds.")));
        QVERIFY2(text.contains("- cod\n- haddock"), qPrintable(text));
        QVERIFY(text.contains(QString::fromUtf8("Price < £5")));
        // Headings and paragraphs are separate paragraphs.
        QVERIFY(text.startsWith("History\n\n"));
        QCOMPARE(htmlTitle(QString::fromUtf8(kHtml)), QStringLiteral("Fish & Chips"));
    }

    void entities_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("named") << "a &amp; b &quot;c&quot;" << "a & b \"c\"";
        QTest::newRow("decimal") << "&#169; &#8364;" << QString::fromUtf8("© €");
        QTest::newRow("hex") << "&#x263A;" << QString::fromUtf8("☺");
        QTest::newRow("astral") << "&#128512;" << QString::fromUtf8("😀");
        QTest::newRow("unknown kept") << "&bogus; &" << "&bogus; &";
        QTest::newRow("invalid code point") << "&#0;" << QString(QChar(0xFFFD));
    }
    void entities()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(decodeHtmlEntities(in), out);
    }

    void localFiles()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("notes.txt"), "Plain notes.\n\nSecond paragraph.");
        writeFile(dir.filePath("guide.md"), "# The Guide\n\nSome *markdown*.");
        writeFile(dir.filePath("page.html"), kHtml);
        writeFile(dir.filePath("image.bin"), QByteArray("PNG\0\0\0data", 11));

        ReferenceLoader loader;
        const QList<SourceDoc> docs = loadAll(&loader, {dir.filePath("notes.txt"), dir.filePath("guide.md"),
                                                        dir.filePath("missing.txt"), dir.filePath("page.html"),
                                                        dir.filePath("image.bin")});
        QCOMPARE(docs.size(), 5);
        for (int i = 0; i < docs.size(); ++i)
            QCOMPARE(docs.at(i).number, i + 1);

        QVERIFY(docs.at(0).error.isEmpty());
        QCOMPARE(docs.at(0).text, QStringLiteral("Plain notes.\n\nSecond paragraph."));
        QCOMPARE(docs.at(0).title, QStringLiteral("notes.txt"));
        QCOMPARE(docs.at(0).location, dir.filePath("notes.txt"));

        QCOMPARE(docs.at(1).title, QStringLiteral("The Guide"));
        QVERIFY(docs.at(1).text.contains("Some *markdown*."));

        QVERIFY(docs.at(2).text.isEmpty());
        QVERIFY2(docs.at(2).error.contains("not found"), qPrintable(docs.at(2).error));
        QVERIFY(docs.at(2).error.contains("missing.txt"));

        QVERIFY(docs.at(3).error.isEmpty());
        QCOMPARE(docs.at(3).title, QStringLiteral("Fish & Chips"));
        QVERIFY(!docs.at(3).text.contains("<p>"));
        QVERIFY(!docs.at(3).text.contains("secret"));

        QVERIFY2(docs.at(4).error.contains("not a text file"), qPrintable(docs.at(4).error));
    }

    void tooLargeFile()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("big.txt"), QByteArray(2048, 'a'));
        ReferenceLoader loader;
        loader.setMaxBytes(1024);
        const QList<SourceDoc> docs = loadAll(&loader, {dir.filePath("big.txt")});
        QVERIFY2(docs.first().error.contains("too large"), qPrintable(docs.first().error));
    }

    void nothingToLoad()
    {
        ReferenceLoader loader;
        QVERIFY(loadAll(&loader, {}).isEmpty());
    }

    void urls()
    {
        TinyHttpServer server;
        server.route("/page.html", "200 OK", "Content-Type: text/html; charset=utf-8\r\n", kHtml);
        server.route("/notes", "200 OK", "Content-Type: text/plain; charset=iso-8859-1\r\n", "Caf\xe9 notes.");
        server.route("/moved", "301 Moved Permanently", "Location: /page.html\r\n", "");
        server.route("/image.png", "200 OK", "Content-Type: image/png\r\n", QByteArray("\x89PNG....", 8));
        server.route("/big.txt", "200 OK", "Content-Type: text/plain\r\n", QByteArray(4096, 'x'));

        ReferenceLoader loader;
        loader.setMaxBytes(2048);
        const QList<SourceDoc> docs = loadAll(&loader, {server.url("/page.html"), server.url("/notes"),
                                                        server.url("/moved"), server.url("/image.png"),
                                                        server.url("/big.txt"), server.url("/gone")});
        QCOMPARE(docs.size(), 6);

        QVERIFY2(docs.at(0).error.isEmpty(), qPrintable(docs.at(0).error));
        QCOMPARE(docs.at(0).title, QStringLiteral("Fish & Chips"));
        QVERIFY(docs.at(0).text.contains("Fried fish arrived in 1860"));
        QCOMPARE(docs.at(0).location, server.url("/page.html"));

        QVERIFY(docs.at(1).error.isEmpty());
        QCOMPARE(docs.at(1).text, QString::fromUtf8("Café notes."));

        // Redirects are followed; the location stays what the user wrote.
        QVERIFY2(docs.at(2).error.isEmpty(), qPrintable(docs.at(2).error));
        QVERIFY(docs.at(2).text.contains("Fried fish"));
        QCOMPARE(docs.at(2).location, server.url("/moved"));

        QVERIFY2(docs.at(3).error.contains("image/png"), qPrintable(docs.at(3).error));
        QVERIFY(docs.at(3).text.isEmpty());
        QVERIFY2(docs.at(4).error.contains("too large"), qPrintable(docs.at(4).error));
        QVERIFY2(docs.at(5).error.contains("404"), qPrintable(docs.at(5).error));
    }

    void urlTimeout()
    {
        TinyHttpServer server;
        server.silent("/slow");
        ReferenceLoader loader;
        loader.setTimeoutMs(300);
        const QList<SourceDoc> docs = loadAll(&loader, {server.url("/slow")});
        QVERIFY2(!docs.first().error.isEmpty(), "a page that never answers must fail");
        QVERIFY(docs.first().text.isEmpty());
    }

    void invalidUrl()
    {
        ReferenceLoader loader;
        const QList<SourceDoc> docs = loadAll(&loader, {"http://"});
        QVERIFY2(docs.first().error.contains("invalid URL"), qPrintable(docs.first().error));
    }

    void destroyedContextIsNotCalled()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("a.txt"), "text");
        ReferenceLoader loader;
        bool called = false;
        auto *context = new QObject;
        loader.load({dir.filePath("a.txt")}, context, [&](QList<SourceDoc>) { called = true; });
        delete context;
        // The file is read meanwhile; give the result every chance to arrive.
        QTest::qWait(300);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestReferences)
#include "tst_references.moc"
