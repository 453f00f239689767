#include "core/llm/sseparser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using Madf::SseEvent;
using Madf::SseParser;

namespace {

SseEvent ev(const QByteArray &data, const QByteArray &event = {}, const QByteArray &id = {})
{
    return SseEvent{event, data, id};
}

QList<SseEvent> parseInChunks(const QByteArray &stream, qsizetype chunkSize, bool *pending = nullptr)
{
    SseParser parser;
    QList<SseEvent> events;
    for (qsizetype i = 0; i < stream.size(); i += chunkSize)
        events += parser.feed(QByteArrayView(stream).sliced(i, qMin(chunkSize, stream.size() - i)));
    if (pending)
        *pending = parser.hasPendingData();
    return events;
}

QList<QByteArray> readJsonLines(const QString &fileName)
{
    QFile file(QStringLiteral(MADF_SHARED_DIR "/reference/recorded/") + fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines;
}

QString describe(const QList<SseEvent> &events)
{
    QStringList parts;
    for (const SseEvent &e : events)
        parts << QStringLiteral("{event=%1 data=%2 id=%3}")
                     .arg(QString::fromUtf8(e.event), QString::fromUtf8(e.data), QString::fromUtf8(e.id));
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesWireFormat_data();
    void parsesWireFormat();
    void splitAtEveryByte_data() { parsesWireFormat_data(); }
    void splitAtEveryByte();
    void cutStreamIsDetectedAndDiscarded_data();
    void cutStreamIsDetectedAndDiscarded();
    void lastEventIdPersistsAcrossEvents();
    void recordedOpenAiStream_data();
    void recordedOpenAiStream();
    void recordedAnthropicStream_data();
    void recordedAnthropicStream();
    void longLineInTinyReadsIsLinear();
};

void TestSseParser::parsesWireFormat_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QList<SseEvent>>("expected");

    QTest::newRow("LF") << QByteArray("data: a\n\ndata: b\n\n") << QList<SseEvent>{ev("a"), ev("b")};
    QTest::newRow("CRLF") << QByteArray("data: a\r\n\r\ndata: b\r\n\r\n") << QList<SseEvent>{ev("a"), ev("b")};
    QTest::newRow("CR") << QByteArray("data: a\r\rdata: b\r\r") << QList<SseEvent>{ev("a"), ev("b")};
    QTest::newRow("mixed line ends") << QByteArray("data: a\r\ndata: b\rdata: c\n\r\n")
                                     << QList<SseEvent>{ev("a\nb\nc")};
    QTest::newRow("comment keep-alives") << QByteArray(": keep-alive\n\n:\n\ndata: x\n: in between\n\n")
                                         << QList<SseEvent>{ev("x")};
    QTest::newRow("only comments") << QByteArray(": ping\n\n: ping\n\n") << QList<SseEvent>{};
    QTest::newRow("multi-line data") << QByteArray("data: {\"a\":\ndata:  1}\ndata\n\n")
                                     << QList<SseEvent>{ev("{\"a\":\n 1}\n")};
    QTest::newRow("space after colon optional") << QByteArray("data:x\n\ndata: x\n\ndata:  x\n\n")
                                                << QList<SseEvent>{ev("x"), ev("x"), ev(" x")};
    QTest::newRow("colon inside value") << QByteArray("data: {\"k\": \"v:w\"}\n\n")
                                        << QList<SseEvent>{ev("{\"k\": \"v:w\"}")};
    QTest::newRow("field without colon") << QByteArray("data\n\ndata\ndata\n\n")
                                         << QList<SseEvent>{ev(""), ev("\n")};
    QTest::newRow("empty data dispatches") << QByteArray("data:\n\n") << QList<SseEvent>{ev("")};
    QTest::newRow("event names") << QByteArray("event: message_start\ndata: {}\n\nevent:ping\ndata: p\n\ndata: plain\n\n")
                                 << QList<SseEvent>{ev("{}", "message_start"), ev("p", "ping"), ev("plain")};
    QTest::newRow("event without data is dropped") << QByteArray("event: lonely\n\ndata: d\n\n")
                                                   << QList<SseEvent>{ev("d")};
    QTest::newRow("retry and unknown fields ignored") << QByteArray("retry: 3000\nfoo: bar\ndata: d\nretry\n\n")
                                                      << QList<SseEvent>{ev("d")};
    QTest::newRow("BOM at start") << QByteArray("\xEF\xBB\xBF" "data: a\n\n") << QList<SseEvent>{ev("a")};
    QTest::newRow("BOM only stripped once") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF" "data: a\n\ndata: b\n\n")
                                            << QList<SseEvent>{ev("b")};
    QTest::newRow("id field") << QByteArray("id: 7\ndata: a\n\ndata: b\n\nid\ndata: c\n\n")
                              << QList<SseEvent>{ev("a", {}, "7"), ev("b", {}, "7"), ev("c")};
    QTest::newRow("id with NUL ignored") << QByteArray("id: 1\n\nid: 2\0x\ndata: a\n\n", 24)
                                         << QList<SseEvent>{ev("a", {}, "1")};
    QTest::newRow("OpenAI framing") << QByteArray("data: {\"x\":1}\n\ndata: [DONE]\n\n")
                                    << QList<SseEvent>{ev("{\"x\":1}"), ev("[DONE]")};
    QTest::newRow("UTF-8 payload") << QByteArray("data: h\xC3\xA9llo \xE2\x80\x94 \xF0\x9F\x98\x80\n\n")
                                   << QList<SseEvent>{ev("h\xC3\xA9llo \xE2\x80\x94 \xF0\x9F\x98\x80")};
}

void TestSseParser::parsesWireFormat()
{
    QFETCH(QByteArray, stream);
    QFETCH(QList<SseEvent>, expected);

    SseParser parser;
    const QList<SseEvent> events = parser.feed(stream);
    QCOMPARE(describe(events), describe(expected));
    QCOMPARE(events, expected);
    QVERIFY(!parser.hasPendingData());
    QVERIFY(!parser.finish());
}

void TestSseParser::splitAtEveryByte()
{
    QFETCH(QByteArray, stream);
    QFETCH(QList<SseEvent>, expected);

    // Two reads split at every position, CR|LF included.
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        SseParser parser;
        QList<SseEvent> events = parser.feed(QByteArrayView(stream).first(cut));
        events += parser.feed(QByteArrayView(stream).sliced(cut));
        QVERIFY2(events == expected, qPrintable(QStringLiteral("split at %1: %2").arg(cut).arg(describe(events))));
        QVERIFY(!parser.hasPendingData());
    }
    // And every byte on its own.
    QCOMPARE(describe(parseInChunks(stream, 1)), describe(expected));
}

void TestSseParser::cutStreamIsDetectedAndDiscarded_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("completeEvents");

    QTest::newRow("half a line") << QByteArray("data: {\"a\":1}\n\ndata: {\"b\"") << 1;
    QTest::newRow("line without blank line") << QByteArray("data: a\n\ndata: b\n") << 1;
    QTest::newRow("event name only") << QByteArray("event: message_delta\n") << 0;
    QTest::newRow("CRLF without blank line") << QByteArray("data: a\r\n") << 0;
    QTest::newRow("partial comment") << QByteArray("data: a\n\n: keep-al") << 1;
}

void TestSseParser::cutStreamIsDetectedAndDiscarded()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, completeEvents);

    SseParser parser;
    QCOMPARE(parser.feed(stream).size(), completeEvents);
    QVERIFY(parser.hasPendingData());
    QVERIFY(parser.finish());
    QVERIFY(!parser.hasPendingData());
    // The parser is ready for a fresh stream: nothing of the cut event leaks into it.
    const QList<SseEvent> next = parser.feed("data: fresh\n\n");
    QCOMPARE(next.size(), 1);
    QCOMPARE(next.first().data, QByteArray("fresh"));
    QVERIFY(next.first().event.isEmpty());
}

void TestSseParser::lastEventIdPersistsAcrossEvents()
{
    SseParser parser;
    QCOMPARE(parser.feed("id: abc\ndata: 1\n\n").first().id, QByteArray("abc"));
    QCOMPARE(parser.feed("data: 2\n\n").first().id, QByteArray("abc"));
    QCOMPARE(parser.lastEventId(), QByteArray("abc"));
    parser.reset();
    QVERIFY(parser.feed("data: 3\n\n").first().id.isEmpty());
}

void TestSseParser::recordedOpenAiStream_data()
{
    QTest::addColumn<QByteArray>("lineEnd");
    QTest::newRow("LF") << QByteArray("\n");
    QTest::newRow("CRLF") << QByteArray("\r\n");
    QTest::newRow("CR") << QByteArray("\r");
}

void TestSseParser::recordedOpenAiStream()
{
    QFETCH(QByteArray, lineEnd);
    const QList<QByteArray> chunks = readJsonLines(QStringLiteral("azure-openai-stream.chunks.jsonl"));
    QVERIFY(chunks.size() >= 5);

    QByteArray stream = ": keep-alive" + lineEnd + lineEnd;
    QList<SseEvent> expected;
    for (const QByteArray &chunk : chunks) {
        stream += "data: " + chunk + lineEnd + lineEnd;
        expected.append(ev(chunk));
    }
    stream += "data: [DONE]" + lineEnd + lineEnd;
    expected.append(ev("[DONE]"));

    for (int size = 1; size <= 64; ++size) {
        bool pending = true;
        const QList<SseEvent> events = parseInChunks(stream, size, &pending);
        QVERIFY2(events == expected, qPrintable(QStringLiteral("chunk size %1").arg(size)));
        QVERIFY(!pending);

        QString text;
        for (const SseEvent &e : events) {
            if (e.data == "[DONE]")
                continue;
            const QJsonObject chunk = QJsonDocument::fromJson(e.data).object();
            const auto choices = chunk.value(QLatin1String("choices")).toArray();
            if (!choices.isEmpty())
                text += choices.first()[QLatin1String("delta")][QLatin1String("content")].toString();
        }
        QCOMPARE(text, QStringLiteral("Capital of Denmark."));
    }
}

void TestSseParser::recordedAnthropicStream_data()
{
    recordedOpenAiStream_data();
}

void TestSseParser::recordedAnthropicStream()
{
    QFETCH(QByteArray, lineEnd);
    const QList<QByteArray> lines = readJsonLines(QStringLiteral("anthropic-stream.events.jsonl"));
    QVERIFY(lines.size() >= 5);

    QByteArray stream;
    QList<SseEvent> expected;
    for (const QByteArray &line : lines) {
        const QByteArray type = QJsonDocument::fromJson(line).object().value(QLatin1String("type")).toString().toUtf8();
        QVERIFY(!type.isEmpty());
        stream += "event: " + type + lineEnd + "data: " + line + lineEnd + lineEnd;
        expected.append(ev(line, type));
    }

    for (int size = 1; size <= 64; ++size) {
        bool pending = true;
        const QList<SseEvent> events = parseInChunks(stream, size, &pending);
        QVERIFY2(events == expected, qPrintable(QStringLiteral("chunk size %1").arg(size)));
        QVERIFY(!pending);

        QString text;
        int outputTokens = -1;
        for (const SseEvent &e : events) {
            const QJsonObject obj = QJsonDocument::fromJson(e.data).object();
            if (e.event == "content_block_delta")
                text += obj[QLatin1String("delta")][QLatin1String("text")].toString();
            else if (e.event == "message_delta")
                outputTokens = obj[QLatin1String("usage")][QLatin1String("output_tokens")].toInt();
        }
        QCOMPARE(text, QStringLiteral("Hello! I'm doing well, thank you for asking. How are you doing today?"
                                      " Is there anything I can help you with?"));
        QCOMPARE(outputTokens, 30);
    }

    // Cut before message_stop: the last event is lost and the cut is visible.
    const QByteArray cut = stream.first(stream.size() - lineEnd.size());
    bool pending = false;
    const QList<SseEvent> events = parseInChunks(cut, 7, &pending);
    QCOMPARE(events.size(), expected.size() - 1);
    QVERIFY(pending);
}

void TestSseParser::longLineInTinyReadsIsLinear()
{
    // 4 MiB in 64-byte reads: a parser that re-scans its buffer would do ~1.3e11 byte
    // visits here and take minutes; a linear one takes milliseconds.
    const QByteArray payload(4 * 1024 * 1024, 'x');
    const QByteArray stream = "data: " + payload + "\n\n";
    QElapsedTimer timer;
    timer.start();
    const QList<SseEvent> events = parseInChunks(stream, 64);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().data.size(), payload.size());
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
