#include "core/llm/openaiformat.h"
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

QList<QByteArray> recordedLines(const QString &fileName)
{
    QList<QByteArray> lines;
    for (const QByteArray &line : recorded(fileName).split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines;
}

// The SSE framing OpenAI uses on the wire, with a keep-alive comment and CRLF
// line ends mixed in, as proxies produce them.
QByteArray frameOpenAi(const QList<QByteArray> &chunks, bool done)
{
    QByteArray stream = ": keep-alive\r\n\r\n";
    for (const QByteArray &chunk : chunks)
        stream += "data: " + chunk + "\r\n\r\n";
    if (done)
        stream += "data: [DONE]\n\n";
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
    const OpenAiFormat format;
    const auto decoder = format.streamDecoder();
    SseParser parser;
    StreamOutcome out;
    for (qsizetype i = 0; i < stream.size(); i += chunkSize) {
        const QByteArrayView piece = QByteArrayView(stream).sliced(i, qMin(chunkSize, stream.size() - i));
        for (const SseEvent &event : parser.feed(piece)) {
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

LlmRequest chatRequest(const QString &model)
{
    LlmRequest request;
    request.model = model;
    request.messages = {LlmMessage{QStringLiteral("user"), QStringLiteral("Name the capital of Denmark.")}};
    request.maxTokens = 200;
    request.stream = false;
    return request;
}

QJsonObject jsonBody(const HttpRequestSpec &spec)
{
    return QJsonDocument::fromJson(spec.body).object();
}

QJsonArray userOnly()
{
    return QJsonArray{QJsonObject{{"role", "user"}, {"content", "Name the capital of Denmark."}}};
}

QByteArray header(const HttpRequestSpec &spec, const QByteArray &name)
{
    for (const auto &[key, value] : spec.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

bool hasHeader(const HttpRequestSpec &spec, const QByteArray &name)
{
    for (const auto &[key, value] : spec.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

class TestOpenAiFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestBody_data();
    void requestBody();
    void requestHeaders_data();
    void requestHeaders();
    void recordedCompletion();
    void parseReply_data();
    void parseReply();
    void malformedReply_data();
    void malformedReply();
    void recordedAzureStream_data();
    void recordedAzureStream();
    void streamCutBeforeUsage();
    void inStreamError_data();
    void inStreamError();
    void streamFinishReasons_data();
    void streamFinishReasons();
    void models();
    void factory();
};

void TestOpenAiFormat::requestBody_data()
{
    QTest::addColumn<LlmRequest>("request");
    QTest::addColumn<QJsonObject>("expected");

    {
        LlmRequest r = chatRequest(QStringLiteral("gpt-4o"));
        r.system = QStringLiteral("Answer in one line.");
        r.temperature = 0.25;
        r.stream = true;
        QJsonArray messages{QJsonObject{{"role", "system"}, {"content", "Answer in one line."}}};
        messages.append(userOnly().first());
        QTest::newRow("streaming, system first, temperature")
            << r << QJsonObject{{"model", "gpt-4o"}, {"messages", messages}, {"temperature", 0.25},
                                {"max_tokens", 200}, {"stream", true},
                                {"stream_options", QJsonObject{{"include_usage", true}}}};
    }
    QTest::newRow("non-streaming, no system, no temperature")
        << chatRequest(QStringLiteral("llama3.1:8b"))
        << QJsonObject{{"model", "llama3.1:8b"}, {"messages", userOnly()}, {"max_tokens", 200}, {"stream", false}};
    {
        LlmRequest r = chatRequest(QStringLiteral("my-azure-deployment"));
        r.extraBody.insert(QStringLiteral("max_tokens_field"), QStringLiteral("max_completion_tokens"));
        QTest::newRow("max_completion_tokens via extraBody, helper key not sent")
            << r << QJsonObject{{"model", "my-azure-deployment"}, {"messages", userOnly()},
                                {"max_completion_tokens", 200}, {"stream", false}};
    }
    for (const char *model : {"o1-mini", "o3", "o4-mini", "gpt-5-nano", "GPT-5"}) {
        QTest::addRow("max_completion_tokens by model name %s", model)
            << chatRequest(QLatin1String(model))
            << QJsonObject{{"model", model}, {"messages", userOnly()}, {"max_completion_tokens", 200},
                           {"stream", false}};
    }
    {
        LlmRequest r = chatRequest(QStringLiteral("o3-mini"));
        r.extraBody.insert(QStringLiteral("max_tokens_field"), QStringLiteral("max_tokens"));
        QTest::newRow("extraBody max_tokens_field beats the model-name rule")
            << r << QJsonObject{{"model", "o3-mini"}, {"messages", userOnly()}, {"max_tokens", 200}, {"stream", false}};
    }
    {
        LlmRequest r = chatRequest(QStringLiteral("gpt-5-mini"));
        r.temperature = 0.7;
        r.extraBody.insert(QStringLiteral("temperature"), QVariant());
        QTest::newRow("temperature dropped by a null in extraBody")
            << r << QJsonObject{{"model", "gpt-5-mini"}, {"messages", userOnly()}, {"max_completion_tokens", 200},
                                {"stream", false}};
    }
    {
        LlmRequest r = chatRequest(QStringLiteral("gpt-4o"));
        r.temperature = 0.7;
        r.extraBody.insert(QStringLiteral("temperature"), QVariant::fromValue(nullptr));
        r.extraBody.insert(QStringLiteral("top_p"), 0.5);
        r.extraBody.insert(QStringLiteral("max_tokens"), 50);
        r.extraBody.insert(QStringLiteral("reasoning_effort"), QStringLiteral("low"));
        QTest::newRow("extraBody adds and overrides, nullptr drops")
            << r << QJsonObject{{"model", "gpt-4o"}, {"messages", userOnly()}, {"max_tokens", 50}, {"top_p", 0.5},
                                {"reasoning_effort", "low"}, {"stream", false}};
    }
    {
        LlmRequest r = chatRequest(QStringLiteral("gpt-4o"));
        r.messages.append(LlmMessage{QStringLiteral("assistant"), QStringLiteral("Copenhagen.")});
        r.messages.append(LlmMessage{QStringLiteral("user"), QStringLiteral("And of Sweden?")});
        QJsonArray messages = userOnly();
        messages.append(QJsonObject{{"role", "assistant"}, {"content", "Copenhagen."}});
        messages.append(QJsonObject{{"role", "user"}, {"content", "And of Sweden?"}});
        QTest::newRow("conversation keeps order")
            << r << QJsonObject{{"model", "gpt-4o"}, {"messages", messages}, {"max_tokens", 200}, {"stream", false}};
    }
}

void TestOpenAiFormat::requestBody()
{
    QFETCH(LlmRequest, request);
    QFETCH(QJsonObject, expected);

    const HttpRequestSpec spec = OpenAiFormat().buildRequest(request);
    QCOMPARE(spec.method, QByteArray("POST"));
    QCOMPARE(spec.path, QStringLiteral("/chat/completions"));
    QCOMPARE(jsonBody(spec), expected);
}

void TestOpenAiFormat::requestHeaders_data()
{
    QTest::addColumn<QString>("apiKey");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("accept");

    QTest::newRow("key, streaming") << QStringLiteral("sk-test-123") << true << QByteArray("Bearer sk-test-123")
                                    << QByteArray("text/event-stream");
    QTest::newRow("key, not streaming") << QStringLiteral("sk-test-123") << false
                                        << QByteArray("Bearer sk-test-123") << QByteArray("application/json");
    QTest::newRow("no key (Ollama)") << QString() << true << QByteArray() << QByteArray("text/event-stream");
}

void TestOpenAiFormat::requestHeaders()
{
    QFETCH(QString, apiKey);
    QFETCH(bool, stream);
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, accept);

    LlmRequest r = chatRequest(QStringLiteral("gpt-4o"));
    r.apiKey = apiKey;
    r.stream = stream;
    const HttpRequestSpec spec = OpenAiFormat().buildRequest(r);
    QCOMPARE(hasHeader(spec, "Authorization"), !authorization.isEmpty());
    QCOMPARE(header(spec, "Authorization"), authorization);
    QCOMPARE(header(spec, "Content-Type"), QByteArray("application/json"));
    QCOMPARE(header(spec, "Accept"), accept);
    QVERIFY(!hasHeader(spec, "x-api-key"));
    QVERIFY(!spec.body.contains(apiKey.toUtf8()) || apiKey.isEmpty());
}

void TestOpenAiFormat::recordedCompletion()
{
    const QByteArray body = recorded(QStringLiteral("openai-chat-completion.json"));
    QVERIFY(!body.isEmpty());
    QString malformed;
    const ParsedReply reply = OpenAiFormat().parseReply(body, &malformed);
    QVERIFY2(malformed.isEmpty(), qPrintable(malformed));
    QVERIFY(reply.text.startsWith(QStringLiteral("**Holiday Name:** Galaxy Day")));
    QVERIFY(reply.text.endsWith(QStringLiteral("to look up and dream beyond our world.")));
    QVERIFY(reply.text.contains(QChar(0x2014))); // the escaped em dash is decoded
    QCOMPARE(reply.finishReason, QStringLiteral("stop"));
    QVERIFY(reply.hasUsage);
    QCOMPARE(reply.usage.promptTokens, 16);
    QCOMPARE(reply.usage.completionTokens, 363);
    QCOMPARE(reply.usage.totalTokens(), 379);
    QCOMPARE(reply.usage.cachedPromptTokens, 0);
    QCOMPARE(reply.usage.reasoningTokens, 0);
    QVERIFY(!reply.usage.estimated);
    QCOMPARE(reply.requestId, QStringLiteral("chatcmpl-D8Z5f52zQqikDBEKQMQoYcWMcWPeU"));
    QCOMPARE(reply.model, QStringLiteral("gpt-4.1-nano-2025-04-14"));
}

void TestOpenAiFormat::parseReply_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("finishReason");
    QTest::addColumn<bool>("hasUsage");
    QTest::addColumn<qint64>("prompt");
    QTest::addColumn<qint64>("cached");
    QTest::addColumn<qint64>("completion");
    QTest::addColumn<qint64>("reasoning");

    QTest::newRow("cached and reasoning tokens")
        << QByteArray(R"({"id":"c1","model":"o3","choices":[{"index":0,"message":{"role":"assistant","content":"Oslo"},
            "finish_reason":"stop"}],"usage":{"prompt_tokens":2006,"completion_tokens":1300,"total_tokens":3306,
            "prompt_tokens_details":{"cached_tokens":1920},"completion_tokens_details":{"reasoning_tokens":1024}}})")
        << QStringLiteral("Oslo") << QStringLiteral("stop") << true << qint64(2006) << qint64(1920) << qint64(1300)
        << qint64(1024);
    QTest::newRow("llama.cpp timings ignored")
        << QByteArray(R"({"choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"finish_reason":"length"}],
            "usage":{"prompt_tokens":12,"completion_tokens":4,"total_tokens":16},
            "timings":{"prompt_n":12,"prompt_ms":30.5,"predicted_n":4,"predicted_ms":80.1,"predicted_per_second":49.9}})")
        << QStringLiteral("Hi") << QStringLiteral("length") << true << qint64(12) << qint64(0) << qint64(4) << qint64(0);
    QTest::newRow("Ollama prompt_tokens 0 kept")
        << QByteArray(R"({"id":"chatcmpl-1","object":"chat.completion","model":"llama3.1:8b","choices":[{"index":0,
            "message":{"role":"assistant","content":"Yes."},"finish_reason":"stop"}],
            "usage":{"prompt_tokens":0,"completion_tokens":3,"total_tokens":3}})")
        << QStringLiteral("Yes.") << QStringLiteral("stop") << true << qint64(0) << qint64(0) << qint64(3) << qint64(0);
    QTest::newRow("no usage")
        << QByteArray(R"({"choices":[{"index":0,"message":{"content":"x"},"finish_reason":"content_filter"}]})")
        << QStringLiteral("x") << QStringLiteral("content_filter") << false << qint64(0) << qint64(0) << qint64(0)
        << qint64(0);
    QTest::newRow("null content with tool calls")
        << QByteArray(R"({"choices":[{"index":0,"message":{"content":null,"tool_calls":[]},"finish_reason":"tool_calls"}],
            "usage":{"prompt_tokens":5,"completion_tokens":7}})")
        << QString() << QStringLiteral("tool_calls") << true << qint64(5) << qint64(0) << qint64(7) << qint64(0);
    QTest::newRow("legacy function_call reason")
        << QByteArray(R"({"choices":[{"index":0,"message":{"content":""},"finish_reason":"function_call"}]})")
        << QString() << QStringLiteral("tool_calls") << false << qint64(0) << qint64(0) << qint64(0) << qint64(0);
    QTest::newRow("content as parts")
        << QByteArray(R"({"choices":[{"index":0,"message":{"content":[{"type":"text","text":"A"},{"type":"text","text":"B"}]},
            "finish_reason":"eos"}]})")
        << QStringLiteral("AB") << QStringLiteral("stop") << false << qint64(0) << qint64(0) << qint64(0) << qint64(0);
    QTest::newRow("choice 0 out of order")
        << QByteArray(R"({"choices":[{"index":1,"message":{"content":"second"},"finish_reason":"stop"},
            {"index":0,"message":{"content":"first"},"finish_reason":"length"}]})")
        << QStringLiteral("first") << QStringLiteral("length") << false << qint64(0) << qint64(0) << qint64(0)
        << qint64(0);
}

void TestOpenAiFormat::parseReply()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    QFETCH(QString, finishReason);
    QFETCH(bool, hasUsage);
    QFETCH(qint64, prompt);
    QFETCH(qint64, cached);
    QFETCH(qint64, completion);
    QFETCH(qint64, reasoning);

    QString malformed;
    const ParsedReply reply = OpenAiFormat().parseReply(body, &malformed);
    QVERIFY2(malformed.isEmpty(), qPrintable(malformed));
    QCOMPARE(reply.text, text);
    QCOMPARE(reply.finishReason, finishReason);
    QCOMPARE(reply.hasUsage, hasUsage);
    QCOMPARE(reply.usage.promptTokens, prompt);
    QCOMPARE(reply.usage.cachedPromptTokens, cached);
    QCOMPARE(reply.usage.uncachedPromptTokens(), prompt - cached);
    QCOMPARE(reply.usage.completionTokens, completion);
    QCOMPARE(reply.usage.reasoningTokens, reasoning);
}

void TestOpenAiFormat::malformedReply_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("HTML") << QByteArray("<html><body>502 Bad Gateway</body></html>");
    QTest::newRow("truncated JSON") << QByteArray(R"({"choices":[{"index":0,"message":{"content":"Hel)");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("no choices") << QByteArray(R"({"id":"x","choices":[]})");
    QTest::newRow("error object in a 200") << QByteArray(R"({"error":{"message":"upstream failed","type":"server_error"}})");
}

void TestOpenAiFormat::malformedReply()
{
    QFETCH(QByteArray, body);
    QString malformed;
    const ParsedReply reply = OpenAiFormat().parseReply(body, &malformed);
    QVERIFY(!malformed.isEmpty());
    QVERIFY(reply.text.isEmpty());
    QVERIFY(!reply.hasUsage);
}

void TestOpenAiFormat::recordedAzureStream_data()
{
    QTest::addColumn<qsizetype>("chunkSize");
    QTest::newRow("byte by byte") << qsizetype(1);
    QTest::newRow("7-byte reads") << qsizetype(7);
    QTest::newRow("one read") << qsizetype(1 << 20);
}

void TestOpenAiFormat::recordedAzureStream()
{
    QFETCH(qsizetype, chunkSize);
    const QList<QByteArray> chunks = recordedLines(QStringLiteral("azure-openai-stream.chunks.jsonl"));
    QCOMPARE(chunks.size(), 8);

    const StreamOutcome out = decode(frameOpenAi(chunks, true), chunkSize);
    QCOMPARE_KIND(out.error.kind, LlmErrorKind::None);
    QCOMPARE(out.deltas, QStringLiteral("Capital of Denmark."));
    QCOMPARE(out.reply.text, QStringLiteral("Capital of Denmark."));
    QCOMPARE(out.reply.finishReason, QStringLiteral("stop"));
    QVERIFY(out.complete);
    QVERIFY(out.reply.hasUsage);
    QCOMPARE(out.reply.usage.promptTokens, 15);
    QCOMPARE(out.reply.usage.completionTokens, 78);
    QCOMPARE(out.reply.usage.reasoningTokens, 64);
    QCOMPARE(out.reply.usage.cachedPromptTokens, 0);
    // Azure's first chunk has an empty id and model: the real ones come later.
    QCOMPARE(out.reply.requestId, QStringLiteral("chatcmpl-CYPS1lijGoK8gd9lYzY3r9Sx50nbt"));
    QCOMPARE(out.reply.model, QStringLiteral("gpt-5-nano-2025-08-07"));
}

void TestOpenAiFormat::streamCutBeforeUsage()
{
    QList<QByteArray> chunks = recordedLines(QStringLiteral("azure-openai-stream.chunks.jsonl"));
    chunks.removeLast(); // the usage chunk never came, nor [DONE]
    const StreamOutcome out = decode(frameOpenAi(chunks, false), 5);
    QCOMPARE_KIND(out.error.kind, LlmErrorKind::None);
    QCOMPARE(out.reply.text, QStringLiteral("Capital of Denmark."));
    QVERIFY(!out.complete);
    QVERIFY(!out.reply.hasUsage);
    QCOMPARE(out.reply.usage, TokenUsage());

    // Cut even earlier: the text so far is kept, the stream is not complete.
    const StreamOutcome early = decode(frameOpenAi(chunks.mid(0, 4), false), 64);
    QCOMPARE(early.reply.text, QStringLiteral("Capital of"));
    QVERIFY(early.reply.finishReason.isEmpty());
    QVERIFY(!early.complete);
}

void TestOpenAiFormat::inStreamError_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<LlmErrorKind>("kind");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<QString>("message");

    QTest::newRow("server_error")
        << QByteArray(R"({"error":{"message":"The server had an error while processing your request.","type":"server_error","code":null}})")
        << LlmErrorKind::ServerError << true << QStringLiteral("The server had an error while processing your request.");
    QTest::newRow("rate limit")
        << QByteArray(R"({"error":{"message":"Rate limit reached","type":"tokens","code":"rate_limit_exceeded"}})")
        << LlmErrorKind::RateLimited << true << QStringLiteral("Rate limit reached");
    QTest::newRow("overloaded message")
        << QByteArray(R"({"error":{"message":"The engine is currently overloaded","type":"server_error"}})")
        << LlmErrorKind::Overloaded << true << QStringLiteral("The engine is currently overloaded");
    QTest::newRow("vLLM error object with numeric code")
        << QByteArray(R"({"object":"error","message":"context too long","type":"BadRequestError","code":400})")
        << LlmErrorKind::InvalidRequest << false << QStringLiteral("context too long");
    QTest::newRow("plain string error")
        << QByteArray(R"({"error":"model crashed"})") << LlmErrorKind::ServerError << true
        << QStringLiteral("model crashed");
    QTest::newRow("not JSON") << QByteArray("{\"choices\":[{\"delta\":{\"content\":\"x") << LlmErrorKind::MalformedReply
                              << false << QString();
}

void TestOpenAiFormat::inStreamError()
{
    QFETCH(QByteArray, line);
    QFETCH(LlmErrorKind, kind);
    QFETCH(bool, retryable);
    QFETCH(QString, message);

    QList<QByteArray> chunks = recordedLines(QStringLiteral("azure-openai-stream.chunks.jsonl")).mid(0, 4);
    chunks.append(line);
    const StreamOutcome out = decode(frameOpenAi(chunks, false), 3);
    QCOMPARE_KIND(out.error.kind, kind);
    QCOMPARE(out.error.retryable, retryable);
    if (!message.isEmpty())
        QCOMPARE(out.error.message, message);
    QCOMPARE(out.reply.text, QStringLiteral("Capital of")); // what arrived before the error
    QVERIFY(!out.reply.hasUsage);
    QVERIFY(!out.complete);
}

void TestOpenAiFormat::streamFinishReasons_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("expected");
    QTest::newRow("stop") << QStringLiteral("stop") << QStringLiteral("stop");
    QTest::newRow("length") << QStringLiteral("length") << QStringLiteral("length");
    QTest::newRow("content_filter") << QStringLiteral("content_filter") << QStringLiteral("content_filter");
    QTest::newRow("tool_calls") << QStringLiteral("tool_calls") << QStringLiteral("tool_calls");
    QTest::newRow("function_call") << QStringLiteral("function_call") << QStringLiteral("tool_calls");
    QTest::newRow("eos (older servers)") << QStringLiteral("eos") << QStringLiteral("stop");
    QTest::newRow("unknown kept") << QStringLiteral("abort") << QStringLiteral("abort");
}

void TestOpenAiFormat::streamFinishReasons()
{
    QFETCH(QString, reason);
    QFETCH(QString, expected);
    const QList<QByteArray> chunks{
        R"({"id":"c","model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}],"usage":null})",
        QByteArray(R"({"id":"c","model":"m","choices":[{"index":0,"delta":{},"finish_reason":")") + reason.toUtf8()
            + R"("}],"usage":null})",
        // llama.cpp sends usage in the same chunk as the finish reason; OpenAI in a last one.
        R"({"id":"c","model":"m","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}})"};
    const StreamOutcome out = decode(frameOpenAi(chunks, true), 1 << 20);
    QCOMPARE(out.reply.finishReason, expected);
    QCOMPARE(out.reply.text, QStringLiteral("Hi"));
    QVERIFY(out.reply.hasUsage);
    QCOMPARE(out.reply.usage.totalTokens(), 4);

    const QByteArray body = R"({"choices":[{"index":0,"message":{"content":"Hi"},"finish_reason":")" + reason.toUtf8()
        + R"("}]})";
    QCOMPARE(OpenAiFormat().parseReply(body, nullptr).finishReason, expected);
}

void TestOpenAiFormat::models()
{
    const OpenAiFormat format;
    const HttpRequestSpec withKey = format.modelsRequest(QStringLiteral("sk-x"));
    QCOMPARE(withKey.method, QByteArray("GET"));
    QCOMPARE(withKey.path, QStringLiteral("/models"));
    QCOMPARE(header(withKey, "Authorization"), QByteArray("Bearer sk-x"));
    QVERIFY(withKey.body.isEmpty());
    QVERIFY(!hasHeader(format.modelsRequest(QString()), "Authorization"));

    QCOMPARE(format.parseModels(R"({"object":"list","data":[{"id":"gpt-4o","object":"model"},{"id":"o3-mini"}]})"),
             QStringList({"gpt-4o", "o3-mini"}));
    QCOMPARE(format.parseModels(R"({"models":[{"name":"llama3.1:8b","model":"llama3.1:8b","size":1},{"name":"qwen2.5:7b"}]})"),
             QStringList({"llama3.1:8b", "qwen2.5:7b"}));
    QVERIFY(format.parseModels("not json").isEmpty());
}

void TestOpenAiFormat::factory()
{
    QCOMPARE(createWireFormat(QStringLiteral("openai"))->name(), QStringLiteral("openai"));
    QCOMPARE(createWireFormat(QStringLiteral(" OpenAI "))->name(), QStringLiteral("openai"));
    QCOMPARE(createWireFormat(QStringLiteral("anthropic"))->name(), QStringLiteral("anthropic"));
    QVERIFY(!createWireFormat(QStringLiteral("gemini")));
    QVERIFY(!createWireFormat(QString()));
}

QTEST_GUILESS_MAIN(TestOpenAiFormat)
#include "tst_openaiformat.moc"
