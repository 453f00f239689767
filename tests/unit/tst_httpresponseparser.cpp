// HttpResponseParser: every framing of an HTTP/1.1 response, fed whole, byte
// by byte and in random pieces (as TCP may deliver it), must give the same
// status, headers and body; malformed replies fail with a clear reason.
#include "core/llm/httpresponseparser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Madf;
using State = HttpResponseParser::State;
using Failure = HttpResponseParser::Failure;

namespace {

/** @p data cut into pieces: whole (0), byte by byte (1), or random sizes from @p seed. */
QList<QByteArray> split(const QByteArray &data, int mode, quint32 seed)
{
    QList<QByteArray> pieces;
    if (mode == 0) {
        pieces << data;
        return pieces;
    }
    QRandomGenerator random(seed);
    qsizetype at = 0;
    while (at < data.size()) {
        const qsizetype n = mode == 1 ? 1 : 1 + random.bounded(qMin<qsizetype>(40, data.size() - at));
        pieces << data.mid(at, n);
        at += n;
    }
    return pieces;
}

struct Outcome
{
    State state = State::Head;
    Failure failure = Failure::None;
    int status = 0;
    QByteArray body;
    bool keepAlive = false;
    HttpHeaders headers;
    QString error;
};

Outcome parse(const QList<QByteArray> &pieces, bool headRequest, bool closeAtEnd)
{
    HttpResponseParser parser;
    parser.startResponse(headRequest);
    Outcome out;
    for (const QByteArray &piece : pieces) {
        parser.feed(piece, &out.body);
        if (parser.state() == State::Complete || parser.state() == State::Error)
            break;
    }
    if (closeAtEnd)
        parser.finishInput();
    out.state = parser.state();
    out.failure = parser.failure();
    out.status = parser.statusCode();
    out.keepAlive = parser.keepAlive();
    out.headers = parser.headers();
    out.error = parser.errorString();
    return out;
}

QByteArray largeHeaderReply()
{
    QByteArray reply = "HTTP/1.1 200 OK\r\n";
    for (int i = 0; i < 1200; ++i)
        reply += "X-Filler-" + QByteArray::number(i) + ": " + QByteArray(50, 'x') + "\r\n";
    return reply + "Content-Length: 2\r\n\r\nok";
}

} // namespace

class TestHttpResponseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framings_data();
    void framings();
    void headersAreCaseInsensitiveAndKeptAsSent();
    void streamedBodyIsHandedOutAsItArrives();
    void pipelinedResponsesKeepTheirLeftover_data();
    void pipelinedResponsesKeepTheirLeftover();
};

void TestHttpResponseParser::framings_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<bool>("headRequest");
    QTest::addColumn<bool>("closeAtEnd");  // the server closes the connection after the bytes
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("failure");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("keepAlive");

    const int complete = int(State::Complete);
    const int error = int(State::Error);
    const int none = int(Failure::None);
    const int malformed = int(Failure::Malformed);

    QTest::newRow("content-length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"ok\": true }")
        << false << false << complete << none << 200 << QByteArray("{\"ok\": true }") << true;
    QTest::newRow("content-length 0")
        << QByteArray("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n") << false << false << complete << none << 201
        << QByteArray() << true;
    QTest::newRow("repeated equal content-length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\ncontent-length: 2\r\n\r\nok") << false << false
        << complete << none << 200 << QByteArray("ok") << true;
    QTest::newRow("chunked with extensions and trailers")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "5;name=value\r\nhello\r\n7 ; ext=\"q\"\r\n, world\r\n0;last\r\nX-Checksum: 12\r\nX-More: a\r\n\r\n")
        << false << false << complete << none << 200 << QByteArray("hello, world") << true;
    QTest::newRow("chunked, upper-case hex and leading zeros")
        << QByteArray("HTTP/1.1 200 OK\r\ntransfer-encoding: gzip, Chunked\r\n\r\n0A\r\n0123456789\r\n000\r\n\r\n")
        << false << false << complete << none << 200 << QByteArray("0123456789") << true;
    QTest::newRow("chunked wins over content-length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
        << false << false << complete << none << 200 << QByteArray("abc") << true;
    QTest::newRow("close-delimited")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the server closes") << false << true
        << complete << none << 200 << QByteArray("until the server closes") << false;
    QTest::newRow("HTTP/1.0 closes by default")
        << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok") << false << false << complete << none << 200
        << QByteArray("ok") << false;
    QTest::newRow("HTTP/1.0 keep-alive")
        << QByteArray("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok") << false << false
        << complete << none << 200 << QByteArray("ok") << true;
    QTest::newRow("connection: close honoured")
        << QByteArray("HTTP/1.1 200 OK\r\nConnection: upgrade, Close\r\nContent-Length: 2\r\n\r\nok") << false << false
        << complete << none << 200 << QByteArray("ok") << false;
    QTest::newRow("100-continue skipped")
        << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                      "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ndone")
        << false << false << complete << none << 200 << QByteArray("done") << true;
    QTest::newRow("204 has no body")
        << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n") << false << false << complete << none
        << 204 << QByteArray() << true;
    QTest::newRow("304 has no body")
        << QByteArray("HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n") << false << false << complete
        << none << 304 << QByteArray() << true;
    QTest::newRow("HEAD has no body")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n") << true << false << complete << none << 200
        << QByteArray() << true;
    QTest::newRow("bare LF line ends")
        << QByteArray("HTTP/1.1 200 OK\nContent-Length: 3\n\nabc") << false << false << complete << none << 200
        << QByteArray("abc") << true;
    QTest::newRow("no reason phrase")
        << QByteArray("HTTP/1.1 429\r\nRetry-After: 1\r\nContent-Length: 2\r\n\r\n{}") << false << false << complete
        << none << 429 << QByteArray("{}") << true;
    QTest::newRow("error status with body")
        << QByteArray("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\nbusy") << false << false
        << complete << none << 503 << QByteArray("busy") << true;

    QTest::newRow("header too large")
        << largeHeaderReply() << false << false << error << int(Failure::HeadTooLarge) << 0 << QByteArray() << false;
    QTest::newRow("endless header without a line end")
        << QByteArray("HTTP/1.1 200 OK\r\nX-Long: ") + QByteArray(70 * 1024, 'y') << false << false << error
        << int(Failure::HeadTooLarge) << 0 << QByteArray() << false;
    QTest::newRow("malformed status code")
        << QByteArray("HTTP/1.1 2OO OK\r\nContent-Length: 0\r\n\r\n") << false << false << error << malformed << 0
        << QByteArray() << false;
    QTest::newRow("not HTTP")
        << QByteArray("ICY 200 OK\r\n\r\n") << false << false << error << malformed << 0 << QByteArray() << false;
    QTest::newRow("HTTP/2 status line")
        << QByteArray("HTTP/2 200\r\n\r\n") << false << false << error << malformed << 0 << QByteArray() << false;
    QTest::newRow("header without colon")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length 2\r\n\r\nok") << false << false << error << malformed << 200
        << QByteArray() << false;
    QTest::newRow("invalid content-length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\nok") << false << false << error << malformed
        << 200 << QByteArray() << false;
    QTest::newRow("conflicting content-lengths")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok") << false << false
        << error << malformed << 200 << QByteArray() << false;
    QTest::newRow("malformed chunk size")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\nzz\r\n") << false << false
        << error << malformed << 200 << QByteArray("abc") << false;
    QTest::newRow("chunk data too long")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n") << false << false
        << error << malformed << 200 << QByteArray("abc") << false;
    QTest::newRow("unexpected protocol switch")
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n") << false << false << error
        << malformed << 101 << QByteArray() << false;
    QTest::newRow("body cut short")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf") << false << true << error
        << int(Failure::Truncated) << 200 << QByteArray("half") << false;
    QTest::newRow("chunked stream cut mid-chunk")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n8\r\ndata: a\n\r\n8\r\ndata") << false
        << true << error << int(Failure::Truncated) << 200 << QByteArray("data: a\ndata") << false;
    QTest::newRow("closed inside the headers")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Le") << false << true << error << int(Failure::Truncated) << 0
        << QByteArray() << false;
}

void TestHttpResponseParser::framings()
{
    QFETCH(QByteArray, reply);
    QFETCH(bool, headRequest);
    QFETCH(bool, closeAtEnd);
    QFETCH(int, state);
    QFETCH(int, failure);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, keepAlive);

    // Whole, byte by byte, and a few random chunkings: all must agree.
    for (int run = 0; run < 8; ++run) {
        const int mode = qMin(run, 2);
        const Outcome out = parse(split(reply, mode, quint32(run * 7919 + 1)), headRequest, closeAtEnd);
        const QByteArray where = "run " + QByteArray::number(run);
        QVERIFY2(int(out.state) == state,
                 QByteArray(where + " state " + QByteArray::number(int(out.state)) + ": " + out.error.toUtf8()));
        QVERIFY2(int(out.failure) == failure, where);
        QVERIFY2(out.status == status, QByteArray(where + " status " + QByteArray::number(out.status)));
        QVERIFY2(out.body == body, QByteArray(where + " body " + out.body));
        if (state == int(State::Complete)) {
            QVERIFY2(out.keepAlive == keepAlive, where);
            QVERIFY2(out.error.isEmpty(), where);
        } else {
            QVERIFY2(!out.keepAlive, where); // a broken response never leaves its connection for reuse
            QVERIFY2(!out.error.isEmpty(), where);
        }
    }
}

void TestHttpResponseParser::headersAreCaseInsensitiveAndKeptAsSent()
{
    HttpResponseParser parser;
    parser.startResponse();
    QByteArray body;
    parser.feed("HTTP/1.1 200 OK\r\nX-Request-ID: req_1\r\ncontent-TYPE:text/event-stream; charset=utf-8\r\n"
                "X-Folded: first\r\n  second\r\nCONTENT-LENGTH:  0 \r\n\r\n",
                &body);
    QCOMPARE(parser.state(), State::Complete);
    QCOMPARE(parser.headers().size(), 4);
    QCOMPARE(parser.headers().first().first, QByteArray("X-Request-ID"));
    QCOMPARE(headerValue(parser.headers(), "x-request-id"), QByteArray("req_1"));
    QCOMPARE(headerValue(parser.headers(), "Content-Type"), QByteArray("text/event-stream; charset=utf-8"));
    QCOMPARE(headerValue(parser.headers(), "x-folded"), QByteArray("first second"));
    QCOMPARE(parser.contentLength(), 0);
}

void TestHttpResponseParser::streamedBodyIsHandedOutAsItArrives()
{
    // An SSE stream must flow token by token: bytes of a chunk are given out before the chunk is whole.
    HttpResponseParser parser;
    parser.startResponse();
    QByteArray body;
    parser.feed("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n", &body);
    QVERIFY(parser.headersComplete());
    QCOMPARE(parser.state(), State::Body);
    QCOMPARE(parser.bodyMode(), HttpResponseParser::BodyMode::Chunked);
    QVERIFY(body.isEmpty());
    const QByteArray event = "data: {\"delta\":\"Hello\"}\n\n";
    parser.feed(QByteArray::number(event.size(), 16) + "\r\n" + event.first(19), &body);
    QCOMPARE(body, event.first(19));
    body.clear();
    parser.feed(event.sliced(19) + "\r\n", &body);
    QCOMPARE(body, event.sliced(19));
    QCOMPARE(parser.state(), State::Body);
    body.clear();
    parser.feed("e\r\ndata: [DONE]\n\n\r\n0\r\n\r\n", &body);
    QCOMPARE(body, QByteArray("data: [DONE]\n\n"));
    QCOMPARE(parser.state(), State::Complete);
    QVERIFY(parser.keepAlive());
    QCOMPARE(parser.bufferedBytes(), 0);
}

void TestHttpResponseParser::pipelinedResponsesKeepTheirLeftover_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("one buffer") << 0;
    QTest::newRow("byte by byte") << 1;
    for (int seed = 1; seed <= 6; ++seed)
        QTest::newRow(qPrintable(QStringLiteral("random %1").arg(seed))) << 100 + seed;
}

void TestHttpResponseParser::pipelinedResponsesKeepTheirLeftover()
{
    QFETCH(int, mode);
    const QByteArray first = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst";
    const QByteArray second = "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nsecond\r\n0\r\n\r\n";
    const QByteArray third = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nthird";
    const QList<QByteArray> pieces = split(first + second + third, qMin(mode, 2), quint32(mode));

    HttpResponseParser parser;
    parser.startResponse();
    QList<QByteArray> bodies;
    QList<int> statuses;
    QByteArray body;
    auto collect = [&] {
        // Each finished response makes way for the next, which starts from the leftover bytes.
        while (parser.state() == State::Complete) {
            bodies << body;
            statuses << parser.statusCode();
            body.clear();
            parser.startResponse();
            parser.feed(QByteArray(), &body);
        }
    };
    for (const QByteArray &piece : pieces) {
        parser.feed(piece, &body);
        QVERIFY2(parser.state() != State::Error, qPrintable(parser.errorString()));
        if (mode == 0 && parser.state() == State::Complete)
            QCOMPARE(parser.bufferedBytes(), second.size() + third.size());
        collect();
    }
    QCOMPARE(statuses, QList<int>({200, 404, 200}));
    QCOMPARE(bodies, QList<QByteArray>({"first", "second", "third"}));
    QCOMPARE(parser.bufferedBytes(), 0);
}

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
