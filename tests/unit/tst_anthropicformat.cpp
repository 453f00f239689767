#include "core/llm/anthropicformat.h"
#include "core/llm/sseparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Madf;

Q_DECLARE_METATYPE(Madf::LlmRequest)
Q_DECLARE_METATYPE(Madf::LlmErrorKind)

// Madf::toString(LlmErrorKind) returns a QString, which QCOMPARE's own toString
// lookup cannot use: compare the names, which also reads well on failure.
#define QCOMPARE_KIND(actual, expected) QCOMPARE(Madf::toString(actual), Madf::toString(expected))

namespace {

QByteArray recorded(const QString &fileName)
{
    QFile file(QStringLiteral(MADF_SHARED_DIR "/reference/recorded/") + fileName);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QByteArray> recordedEvents()
{
    QList<QByteArray> lines;
    for (const QByteArray &line : recorded(QStringLiteral("anthropic-stream.events.jsonl")).split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines;
}

// Anthropic's framing: `event: <type>` then `data: <json>` then a blank line.
// JSON written over several lines becomes several `data:` lines, as SSE allows.
QByteArray frame(const QList<QByteArray> &events)
{
    QByteArray stream;
    for (const QByteArray &data : events) {
        const QByteArray type = QJsonDocument::fromJson(data).object().value(QLatin1String("type")).toString().toUtf8();
        stream += "event: " + type + "\n";
        for (const QByteArray &line : data.split('\n'))
            stream += "data: " + line + "\n";
        stream += "\n";
    }
    return stream;
}

struct StreamOutcome
{
    QString deltas;
    ParsedReply reply;
    ApiError error;
    bool complete = false;
};

StreamOutcome decode(const QByteArray &stream, qsizetype chunkSize)
{
    const auto decoder = AnthropicFormat().streamDecoder();
    SseParser parser;
    StreamOutcome out;
    for (qsizetype i = 0; i < stream.size(); i += chunkSize) {
        for (const SseEvent &event : parser.feed(QByteArrayView(stream).sliced(i, qMin(chunkSize, stream.size() - i)))) {
            ApiError error;
            out.deltas += decoder->onEvent(event, &error);
            if (error.kind != LlmErrorKind::None && out.error.kind == LlmErrorKind::None)
                out.error = error;
        }
    }
    out.reply = decoder->reply();
    out.complete = decoder->isComplete();
    return out;
}

LlmRequest chatRequest()
{
    LlmRequest request;
    request.model = QStringLiteral("claude-3-5-sonnet-latest");
    request.messages = {LlmMessage{QStringLiteral("user"), QStringLiteral("Hello, how are you?")}};
    request.maxTokens = 300;
    request.stream = false;
    return request;
}

QJsonArray userOnly()
{
    return QJsonArray{QJsonObject{{"role", "user"}, {"content", "Hello, how are you?"}}};
}

QByteArray header(const HttpRequestSpec &spec, const QByteArray &name, bool *found = nullptr)
{
    for (const auto &[key, value] : spec.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            if (found)
                *found = true;
            return value;
        }
    }
    if (found)
        *found = false;
    return QByteArray();
}

const QString kRecordedText = QStringLiteral(
    "Hello! I'm doing well, thank you for asking. How are you doing today? Is there anything I can help you with?");

} // namespace

class TestAnthropicFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestBody_data();
    void requestBody();
    void requestHeaders_data();
    void requestHeaders();
    void recordedMessage();
    void parseReply_data();
    void parseReply();
    void malformedReply_data();
    void malformedReply();
    void recordedStream_data();
    void recordedStream();
    void cumulativeOutputTokensAreNotAdded();
    void streamCutBeforeMessageDelta();
    void midStreamError_data();
    void midStreamError();
    void nonTextDeltasIgnored();
    void models();
};

void TestAnthropicFormat::requestBody_data()
{
    QTest::addColumn<LlmRequest>("request");
    QTest::addColumn<QJsonObject>("expected");

    {
        LlmRequest r = chatRequest();
        r.system = QStringLiteral("You are terse.");
        r.temperature = 0.5;
        r.stream = true;
        QTest::newRow("streaming with system and temperature")
            << r << QJsonObject{{"model", "claude-3-5-sonnet-latest"}, {"max_tokens", 300}, {"system", "You are terse."},
                                {"messages", userOnly()}, {"temperature", 0.5}, {"stream", true}};
    }
    QTest::newRow("no system, no temperature")
        << chatRequest()
        << QJsonObject{{"model", "claude-3-5-sonnet-latest"}, {"max_tokens", 300}, {"messages", userOnly()},
                       {"stream", false}};
    {
        LlmRequest r = chatRequest();
        r.maxTokens = 0;
        QTest::newRow("max_tokens is required: default sent")
            << r << QJsonObject{{"model", "claude-3-5-sonnet-latest"}, {"max_tokens", 1024}, {"messages", userOnly()},
                                {"stream", false}};
    }
    {
        LlmRequest r = chatRequest();
        r.temperature = 1.0;
        r.extraBody.insert(QStringLiteral("temperature"), QVariant());
        r.extraBody.insert(QStringLiteral("top_k"), 40);
        r.extraBody.insert(QStringLiteral("max_tokens_field"), QStringLiteral("max_completion_tokens"));
        QTest::newRow("extraBody: null drops, values add, helper key never sent")
            << r << QJsonObject{{"model", "claude-3-5-sonnet-latest"}, {"max_tokens", 300}, {"messages", userOnly()},
                                {"top_k", 40}, {"stream", false}};
    }
    {
        LlmRequest r = chatRequest();
        r.system = QStringLiteral("Rule one.");
        r.messages.prepend(LlmMessage{QStringLiteral("system"), QStringLiteral("Rule two.")});
        QTest::newRow("a system-role message joins the system prompt")
            << r << QJsonObject{{"model", "claude-3-5-sonnet-latest"}, {"max_tokens", 300},
                                {"system", "Rule one.\n\nRule two."}, {"messages", userOnly()}, {"stream", false}};
    }
}

void TestAnthropicFormat::requestBody()
{
    QFETCH(LlmRequest, request);
    QFETCH(QJsonObject, expected);

    const HttpRequestSpec spec = AnthropicFormat().buildRequest(request);
    QCOMPARE(spec.method, QByteArray("POST"));
    QCOMPARE(spec.path, QStringLiteral("/v1/messages"));
    QCOMPARE(QJsonDocument::fromJson(spec.body).object(), expected);
}

void TestAnthropicFormat::requestHeaders_data()
{
    QTest::addColumn<QString>("apiKey");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QByteArray>("accept");

    QTest::newRow("key, streaming") << QStringLiteral("sk-ant-test") << true << QByteArray("text/event-stream");
    QTest::newRow("key, not streaming") << QStringLiteral("sk-ant-test") << false << QByteArray("application/json");
    QTest::newRow("no key") << QString() << true << QByteArray("text/event-stream");
}

void TestAnthropicFormat::requestHeaders()
{
    QFETCH(QString, apiKey);
    QFETCH(bool, stream);
    QFETCH(QByteArray, accept);

    LlmRequest r = chatRequest();
    r.apiKey = apiKey;
    r.stream = stream;
    const HttpRequestSpec spec = AnthropicFormat().buildRequest(r);
    bool found = false;
    const QByteArray key = header(spec, "x-api-key", &found);
    QCOMPARE(found, !apiKey.isEmpty());
    QCOMPARE(key, apiKey.toUtf8());
    QCOMPARE(header(spec, "anthropic-version"), QByteArray("2023-06-01"));
    QCOMPARE(header(spec, "content-type"), QByteArray("application/json"));
    QCOMPARE(header(spec, "accept"), accept);
    header(spec, "authorization", &found);
    QVERIFY(!found);
}

void TestAnthropicFormat::recordedMessage()
{
    const QByteArray body = recorded(QStringLiteral("anthropic-message.json"));
    QVERIFY(!body.isEmpty());
    QString malformed;
    const ParsedReply reply = AnthropicFormat().parseReply(body, &malformed);
    QVERIFY2(malformed.isEmpty(), qPrintable(malformed));
    QCOMPARE(reply.text, QStringLiteral("Hello!"));
    QCOMPARE(reply.finishReason, QStringLiteral("stop"));
    QVERIFY(reply.hasUsage);
    QCOMPARE(reply.usage.promptTokens, 10);
    QCOMPARE(reply.usage.cachedPromptTokens, 0);
    QCOMPARE(reply.usage.cacheWriteTokens, 0);
    QCOMPARE(reply.usage.completionTokens, 5);
    QCOMPARE(reply.requestId, QStringLiteral("msg_01TestTextResponse"));
    QCOMPARE(reply.model, QStringLiteral("claude-opus-4-7"));
}

void TestAnthropicFormat::parseReply_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("finishReason");
    QTest::addColumn<qint64>("prompt");
    QTest::addColumn<qint64>("cacheRead");
    QTest::addColumn<qint64>("cacheWrite");
    QTest::addColumn<qint64>("uncached");
    QTest::addColumn<qint64>("completion");

    QTest::newRow("cache read and write folded into prompt")
        << QByteArray(R"({"id":"m1","type":"message","role":"assistant","model":"claude-3-5-sonnet",
            "content":[{"type":"text","text":"Sure."}],"stop_reason":"end_turn","stop_sequence":null,
            "usage":{"input_tokens":100,"cache_creation_input_tokens":500,"cache_read_input_tokens":2000,
            "cache_creation":{"ephemeral_5m_input_tokens":500,"ephemeral_1h_input_tokens":0},"output_tokens":50}})")
        << QStringLiteral("Sure.") << QStringLiteral("stop") << qint64(2600) << qint64(2000) << qint64(500)
        << qint64(100) << qint64(50);
    QTest::newRow("max_tokens becomes length")
        << QByteArray(R"({"content":[{"type":"text","text":"Cut"}],"stop_reason":"max_tokens","usage":{"input_tokens":7,"output_tokens":300}})")
        << QStringLiteral("Cut") << QStringLiteral("length") << qint64(7) << qint64(0) << qint64(0) << qint64(7)
        << qint64(300);
    QTest::newRow("stop_sequence becomes stop")
        << QByteArray(R"({"content":[{"type":"text","text":"A"}],"stop_reason":"stop_sequence","usage":{"input_tokens":1,"output_tokens":1}})")
        << QStringLiteral("A") << QStringLiteral("stop") << qint64(1) << qint64(0) << qint64(0) << qint64(1) << qint64(1);
    QTest::newRow("tool_use kept, text blocks joined, others skipped")
        << QByteArray(R"({"content":[{"type":"thinking","thinking":"hmm","signature":"x"},{"type":"text","text":"One "},
            {"type":"tool_use","id":"t","name":"f","input":{}},{"type":"text","text":"two"}],"stop_reason":"tool_use",
            "usage":{"input_tokens":3,"output_tokens":4}})")
        << QStringLiteral("One two") << QStringLiteral("tool_use") << qint64(3) << qint64(0) << qint64(0) << qint64(3)
        << qint64(4);
    QTest::newRow("refusal kept")
        << QByteArray(R"({"content":[],"stop_reason":"refusal","usage":{"input_tokens":9,"output_tokens":0}})")
        << QString() << QStringLiteral("refusal") << qint64(9) << qint64(0) << qint64(0) << qint64(9) << qint64(0);
}

void TestAnthropicFormat::parseReply()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    QFETCH(QString, finishReason);
    QFETCH(qint64, prompt);
    QFETCH(qint64, cacheRead);
    QFETCH(qint64, cacheWrite);
    QFETCH(qint64, uncached);
    QFETCH(qint64, completion);

    QString malformed;
    const ParsedReply reply = AnthropicFormat().parseReply(body, &malformed);
    QVERIFY2(malformed.isEmpty(), qPrintable(malformed));
    QCOMPARE(reply.text, text);
    QCOMPARE(reply.finishReason, finishReason);
    QVERIFY(reply.hasUsage);
    QCOMPARE(reply.usage.promptTokens, prompt);
    QCOMPARE(reply.usage.cachedPromptTokens, cacheRead);
    QCOMPARE(reply.usage.cacheWriteTokens, cacheWrite);
    QCOMPARE(reply.usage.uncachedPromptTokens(), uncached);
    QCOMPARE(reply.usage.completionTokens, completion);
}

void TestAnthropicFormat::malformedReply_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not JSON") << QByteArray("upstream connect error");
    QTest::newRow("no content") << QByteArray(R"({"id":"m","type":"message"})");
    QTest::newRow("error body in a 200")
        << QByteArray(R"({"type":"error","error":{"type":"api_error","message":"Internal server error"}})");
}

void TestAnthropicFormat::malformedReply()
{
    QFETCH(QByteArray, body);
    QString malformed;
    const ParsedReply reply = AnthropicFormat().parseReply(body, &malformed);
    QVERIFY(!malformed.isEmpty());
    QVERIFY(!reply.hasUsage);
}

void TestAnthropicFormat::recordedStream_data()
{
    QTest::addColumn<qsizetype>("chunkSize");
    QTest::newRow("byte by byte") << qsizetype(1);
    QTest::newRow("13-byte reads") << qsizetype(13);
    QTest::newRow("one read") << qsizetype(1 << 20);
}

void TestAnthropicFormat::recordedStream()
{
    QFETCH(qsizetype, chunkSize);
    const QList<QByteArray> events = recordedEvents();
    QCOMPARE(events.size(), 12);

    const StreamOutcome out = decode(frame(events), chunkSize);
    QCOMPARE_KIND(out.error.kind, LlmErrorKind::None); // the ping in the middle is no error
    QCOMPARE(out.deltas, kRecordedText);
    QCOMPARE(out.reply.text, kRecordedText);
    QCOMPARE(out.reply.finishReason, QStringLiteral("stop"));
    QVERIFY(out.complete);
    QVERIFY(out.reply.hasUsage);
    QCOMPARE(out.reply.usage.promptTokens, 12);
    QCOMPARE(out.reply.usage.completionTokens, 30); // cumulative: not 1 + 30
    QCOMPARE(out.reply.usage.cachedPromptTokens, 0);
    QCOMPARE(out.reply.requestId, QStringLiteral("msg_01QC4g3HwBThD4BaNtBckFDJ"));
    QCOMPARE(out.reply.model, QStringLiteral("claude-sonnet-4-5-20250929"));
}

void TestAnthropicFormat::cumulativeOutputTokensAreNotAdded()
{
    const QList<QByteArray> events{
        R"({"type":"message_start","message":{"id":"m","model":"c","content":[],"usage":{"input_tokens":40,
            "cache_read_input_tokens":1000,"cache_creation_input_tokens":200,"output_tokens":1}}})",
        R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a"}})",
        R"({"type":"message_delta","delta":{"stop_reason":null},"usage":{"output_tokens":10}})",
        R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"b"}})",
        R"({"type":"message_delta","delta":{"stop_reason":"max_tokens"},"usage":{"output_tokens":25}})",
        R"({"type":"message_stop"})"};
    const StreamOutcome out = decode(frame(events), 1 << 20);
    QCOMPARE(out.reply.text, QStringLiteral("ab"));
    QCOMPARE(out.reply.finishReason, QStringLiteral("length"));
    QCOMPARE(out.reply.usage.completionTokens, 25);
    // Cache figures from message_start survive a message_delta that does not repeat them.
    QCOMPARE(out.reply.usage.promptTokens, 1240);
    QCOMPARE(out.reply.usage.cachedPromptTokens, 1000);
    QCOMPARE(out.reply.usage.cacheWriteTokens, 200);
    QVERIFY(out.complete);
}

void TestAnthropicFormat::streamCutBeforeMessageDelta()
{
    const QList<QByteArray> events = recordedEvents().mid(0, 6); // up to "'m doing well, thank you for asking"
    const StreamOutcome out = decode(frame(events), 10);
    QCOMPARE_KIND(out.error.kind, LlmErrorKind::None);
    QCOMPARE(out.reply.text, QStringLiteral("Hello! I'm doing well, thank you for asking"));
    QVERIFY(!out.complete);
    QVERIFY(!out.reply.hasUsage);
    QVERIFY(out.reply.finishReason.isEmpty());
    QCOMPARE(out.reply.usage.promptTokens, 12); // known from message_start, for the estimate
}

void TestAnthropicFormat::midStreamError_data()
{
    QTest::addColumn<QByteArray>("errorType");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<LlmErrorKind>("kind");
    QTest::addColumn<bool>("retryable");

    QTest::newRow("overloaded_error") << QByteArray("overloaded_error") << QByteArray("Overloaded")
                                      << LlmErrorKind::Overloaded << true;
    QTest::newRow("api_error") << QByteArray("api_error") << QByteArray("Internal server error")
                               << LlmErrorKind::ServerError << true;
    QTest::newRow("rate_limit_error") << QByteArray("rate_limit_error") << QByteArray("Too many tokens")
                                      << LlmErrorKind::RateLimited << true;
    QTest::newRow("invalid_request_error") << QByteArray("invalid_request_error") << QByteArray("Bad input")
                                           << LlmErrorKind::InvalidRequest << false;
    QTest::newRow("a type added later") << QByteArray("brand_new_error") << QByteArray("Something new")
                                        << LlmErrorKind::ServerError << true;
}

void TestAnthropicFormat::midStreamError()
{
    QFETCH(QByteArray, errorType);
    QFETCH(QByteArray, message);
    QFETCH(LlmErrorKind, kind);
    QFETCH(bool, retryable);

    QList<QByteArray> events = recordedEvents().mid(0, 5);
    const QByteArray errorEvent = R"({"type":"error","error":{"type":")" + errorType + R"(","message":")" + message
        + R"("}})";
    events.append(errorEvent);
    const StreamOutcome out = decode(frame(events), 4);
    QCOMPARE_KIND(out.error.kind, kind);
    QCOMPARE(out.error.retryable, retryable);
    QCOMPARE(out.error.type, QString::fromUtf8(errorType));
    QCOMPARE(out.error.message, QString::fromUtf8(message));
    QCOMPARE(out.reply.text, QStringLiteral("Hello! I"));
    QVERIFY(!out.complete);
    QVERIFY(!out.reply.hasUsage);
}

void TestAnthropicFormat::nonTextDeltasIgnored()
{
    const QList<QByteArray> events{
        R"({"type":"message_start","message":{"id":"m","model":"c","content":[],"usage":{"input_tokens":5,"output_tokens":1}}})",
        R"({"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}})",
        R"({"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Let me think"}})",
        R"({"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"abc"}})",
        R"({"type":"content_block_stop","index":0})",
        R"({"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Answer"}})",
        R"({"type":"some_future_event","x":1})",
        R"({"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":9}})",
        R"({"type":"message_stop"})"};
    const StreamOutcome out = decode(frame(events), 1 << 20);
    QCOMPARE_KIND(out.error.kind, LlmErrorKind::None);
    QCOMPARE(out.reply.text, QStringLiteral("Answer"));
    QCOMPARE(out.reply.usage.completionTokens, 9);
    QVERIFY(out.complete);
}

void TestAnthropicFormat::models()
{
    const AnthropicFormat format;
    const HttpRequestSpec spec = format.modelsRequest(QStringLiteral("sk-ant-x"));
    QCOMPARE(spec.method, QByteArray("GET"));
    QCOMPARE(spec.path, QStringLiteral("/v1/models"));
    QCOMPARE(header(spec, "x-api-key"), QByteArray("sk-ant-x"));
    QCOMPARE(header(spec, "anthropic-version"), QByteArray("2023-06-01"));
    QCOMPARE(format.parseModels(R"({"data":[{"type":"model","id":"claude-sonnet-4-5","display_name":"Claude Sonnet 4.5"},
        {"type":"model","id":"claude-3-5-haiku-latest"}],"has_more":false,"first_id":"a","last_id":"b"})"),
             QStringList({"claude-sonnet-4-5", "claude-3-5-haiku-latest"}));
}

QTEST_GUILESS_MAIN(TestAnthropicFormat)
#include "tst_anthropicformat.moc"
