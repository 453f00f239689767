// The mock LLM server over real loopback HTTP: every endpoint and wire format,
// streaming framing, faults, timing, concurrency and the madf-mock-llm program.
#include "tests/support/mockllmserver.h"
#include "tests/support/testhttpclient.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Madf;
using namespace Madf::Test;

namespace {

const HttpHeaders kAnthropicHeaders{{"anthropic-version", "2023-06-01"}, {"x-api-key", "sk-ant-test"}};

QJsonObject chatBody(const QString &userText, const QJsonObject &extra = {})
{
    QJsonObject body{{"model", "mock-gpt-4o"},
                     {"messages", QJsonArray{QJsonObject{{"role", "system"}, {"content", "You write reports."}},
                                             QJsonObject{{"role", "user"}, {"content", userText}}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    return body;
}

QJsonObject anthropicBody(const QString &userText, const QJsonObject &extra = {})
{
    QJsonObject body{{"model", "mock-claude-3-5-sonnet"},
                     {"max_tokens", 1024},
                     {"system", "You write reports."},
                     {"messages", QJsonArray{QJsonObject{{"role", "user"}, {"content", userText}}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    return body;
}

const QJsonObject eventJson(const SseEvent &event)
{
    return QJsonDocument::fromJson(event.data).object();
}

bool isValidJson(const QByteArray &data)
{
    QJsonParseError error;
    QJsonDocument::fromJson(data, &error);
    return error.error == QJsonParseError::NoError;
}

QString openAiStreamText(const TestHttpReply &reply)
{
    QString text;
    for (const SseEvent &e : reply.events) {
        const QJsonArray choices = eventJson(e).value("choices").toArray();
        if (!choices.isEmpty())
            text += choices.first()["delta"]["content"].toString();
    }
    return text;
}

QString anthropicStreamText(const TestHttpReply &reply)
{
    QString text;
    for (const SseEvent &e : reply.events) {
        if (e.event == "content_block_delta")
            text += eventJson(e)["delta"]["text"].toString();
    }
    return text;
}

QByteArrayList eventNames(const TestHttpReply &reply)
{
    QByteArrayList names;
    for (const SseEvent &e : reply.events) {
        if (names.isEmpty() || names.last() != e.event || e.event != "content_block_delta")
            names << e.event;
    }
    return names;
}

QUrl url(const MockLlmServer &server, const QString &path)
{
    return QUrl(server.baseUrl().toString() + path);
}

} // namespace

class TestMockLlmServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void healthModelsAndTags();
    void openAiChatCompletion_data();
    void openAiChatCompletion();
    void openAiStreaming_data();
    void openAiStreaming();
    void openAiRequestValidation_data();
    void openAiRequestValidation();
    void apiKeyIsCheckedOnlyWhenRequired();
    void anthropicMessage();
    void anthropicStreaming();
    void anthropicRequestValidation_data();
    void anthropicRequestValidation();
    void maxTokensCutsTheReply_data();
    void maxTokensCutsTheReply();
    void contentIsDeterministic();
    void mockReplyDirective_data();
    void mockReplyDirective();
    void usageOverrides();
    void errorFaults_data();
    void errorFaults();
    void faultCountLetsRetriesSucceed();
    void streamCut_data();
    void streamCut();
    void cutPlainReply();
    void streamStallKeepsConnectionOpen();
    void malformedReplies();
    void midstreamErrors();
    void slowHeadersAndDrop();
    void timeToFirstTokenAndPace();
    void requestsAreRecorded();
    void keepAliveAndPipelining();
    void unknownPathAndWrongMethod();
    void peakConcurrencyAcrossManagers();
    void serverInOwnThread();
    void threeHundredConcurrentConnections();
    void executableStartsAndAnswers();

private:
    std::unique_ptr<MockLlmServer> m_server;
};

void TestMockLlmServer::init()
{
    m_server = std::make_unique<MockLlmServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QVERIFY(m_server->port() != 0);
}

void TestMockLlmServer::cleanup()
{
    m_server.reset();
}

void TestMockLlmServer::healthModelsAndTags()
{
    TestHttpClient client;
    const TestHttpReply health = client.get(url(*m_server, "/health"));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json().value("status").toString(), QStringLiteral("ok"));

    m_server->setModels({"alpha", "beta:7b"});
    for (const QString path : {"/v1/models", "/models"}) {
        const TestHttpReply models = client.get(url(*m_server, path));
        QCOMPARE(models.status, 200);
        QCOMPARE(models.json().value("object").toString(), QStringLiteral("list"));
        const QJsonArray data = models.json().value("data").toArray();
        QCOMPARE(data.size(), 2);
        QCOMPARE(data[0]["id"].toString(), QStringLiteral("alpha"));
        QCOMPARE(data[1]["id"].toString(), QStringLiteral("beta:7b"));
        QCOMPARE(data[0]["object"].toString(), QStringLiteral("model"));
        QVERIFY(data[0]["created"].isDouble());
        QVERIFY(!data[0]["owned_by"].toString().isEmpty());
    }

    const TestHttpReply tags = client.get(url(*m_server, "/api/tags"));
    QCOMPARE(tags.status, 200);
    const QJsonArray models = tags.json().value("models").toArray();
    QCOMPARE(models.size(), 2);
    QCOMPARE(models[0]["name"].toString(), QStringLiteral("alpha:latest"));
    QCOMPARE(models[1]["model"].toString(), QStringLiteral("beta:7b"));
    QVERIFY(models[0]["size"].toDouble() > 0);
    QVERIFY(!models[0]["digest"].toString().isEmpty());
    QCOMPARE(models[0]["details"]["format"].toString(), QStringLiteral("gguf"));
}

void TestMockLlmServer::openAiChatCompletion_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("with /v1") << "/v1/chat/completions";
    QTest::newRow("without /v1") << "/chat/completions";
}

void TestMockLlmServer::openAiChatCompletion()
{
    QFETCH(QString, path);
    TestHttpClient client;
    const TestHttpReply reply = client.post(url(*m_server, path), chatBody("Write about rivers."));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.header("content-type").startsWith("application/json"));

    const QJsonObject body = reply.json();
    QVERIFY(body.value("id").toString().startsWith("chatcmpl-"));
    QCOMPARE(body.value("object").toString(), QStringLiteral("chat.completion"));
    QVERIFY(body.value("created").toDouble() > 1.6e9);
    QCOMPARE(body.value("model").toString(), QStringLiteral("mock-gpt-4o"));
    const QJsonObject choice = body.value("choices").toArray().first().toObject();
    QCOMPARE(choice.value("index").toInt(), 0);
    QCOMPARE(choice["message"]["role"].toString(), QStringLiteral("assistant"));
    const QString content = choice["message"]["content"].toString();
    QVERIFY(content.size() > 40);
    QCOMPARE(choice.value("finish_reason").toString(), QStringLiteral("stop"));

    const QJsonObject usage = body.value("usage").toObject();
    const int prompt = usage.value("prompt_tokens").toInt();
    const int completion = usage.value("completion_tokens").toInt();
    QVERIFY(prompt > 0);
    QVERIFY(completion > 30 && completion <= 60);
    QCOMPARE(usage.value("total_tokens").toInt(), prompt + completion);
    QCOMPARE(usage["prompt_tokens_details"]["cached_tokens"].toInt(-1), 0);
    QCOMPARE(usage["completion_tokens_details"]["reasoning_tokens"].toInt(-1), 0);

    // Headers on every reply.
    QVERIFY(reply.header("x-request-id").startsWith("req_"));
    QCOMPARE(reply.header("x-ratelimit-limit-requests"), QByteArray("10000"));
    QCOMPARE(reply.header("x-ratelimit-remaining-requests"), QByteArray("9999"));
    QCOMPARE(reply.header("x-ratelimit-reset-requests"), QByteArray("1s"));
    QCOMPARE(reply.header("x-ratelimit-limit-tokens"), QByteArray("2000000"));
    QCOMPARE(reply.header("x-ratelimit-remaining-tokens").toLongLong(), 2000000 - prompt - completion);
    QCOMPARE(reply.header("x-ratelimit-reset-tokens"), QByteArray("6s"));

    // Remaining requests count down; configured values are sent as given.
    const TestHttpReply second = client.post(url(*m_server, path), chatBody("Again."));
    QCOMPARE(second.header("x-ratelimit-remaining-requests"), QByteArray("9998"));
    QVERIFY(second.header("x-request-id") != reply.header("x-request-id"));
    m_server->setRateLimits({60, 1000, 5, 700, 12, 360000});
    const TestHttpReply third = client.post(url(*m_server, path), chatBody("Again."));
    QCOMPARE(third.header("x-ratelimit-limit-requests"), QByteArray("60"));
    QCOMPARE(third.header("x-ratelimit-remaining-requests"), QByteArray("5"));
    QCOMPARE(third.header("x-ratelimit-remaining-tokens"), QByteArray("700"));
    QCOMPARE(third.header("x-ratelimit-reset-requests"), QByteArray("12ms"));
    QCOMPARE(third.header("x-ratelimit-reset-tokens"), QByteArray("6m0s"));
}

void TestMockLlmServer::openAiStreaming_data()
{
    QTest::addColumn<bool>("includeUsage");
    QTest::newRow("include_usage") << true;
    QTest::newRow("no usage") << false;
}

void TestMockLlmServer::openAiStreaming()
{
    QFETCH(bool, includeUsage);
    TestHttpClient client;
    const QUrl endpoint = url(*m_server, "/v1/chat/completions");
    const TestHttpReply plain = client.post(endpoint, chatBody("Stream about lakes."));
    QJsonObject extra{{"stream", true}};
    if (includeUsage)
        extra.insert("stream_options", QJsonObject{{"include_usage", true}});
    const TestHttpReply reply = client.post(endpoint, chatBody("Stream about lakes.", extra));

    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.error, QNetworkReply::NoError);
    QVERIFY(reply.header("content-type").startsWith("text/event-stream"));
    QVERIFY(reply.header("x-request-id").startsWith("req_"));
    QVERIFY(reply.hasHeader("x-ratelimit-remaining-tokens"));
    QVERIFY(reply.body.startsWith(": keep-alive\n\n"));
    QVERIFY(!reply.ssePending);

    QVERIFY(reply.events.size() > 5);
    QCOMPARE(reply.events.last().data, QByteArray("[DONE]"));
    const QList<SseEvent> chunks = reply.events.first(reply.events.size() - 1);
    for (const SseEvent &e : chunks) {
        QVERIFY(e.event.isEmpty());
        QCOMPARE(eventJson(e).value("object").toString(), QStringLiteral("chat.completion.chunk"));
    }
    // The same prompt gives the same text, streamed or not.
    QCOMPARE(openAiStreamText(reply), plain.json()["choices"][0]["message"]["content"].toString());
    QCOMPARE(eventJson(chunks.first())["choices"][0]["delta"]["role"].toString(), QStringLiteral("assistant"));

    const QJsonObject usageChunk = eventJson(chunks.last());
    if (includeUsage) {
        QCOMPARE(usageChunk.value("choices").toArray().size(), 0);
        QCOMPARE(usageChunk.value("usage").toObject(), plain.json().value("usage").toObject());
        QCOMPARE(eventJson(chunks.at(chunks.size() - 2))["choices"][0]["finish_reason"].toString(), QStringLiteral("stop"));
    } else {
        QCOMPARE(usageChunk["choices"][0]["finish_reason"].toString(), QStringLiteral("stop"));
    }
    // Content chunks carry `usage: null`.
    QVERIFY(eventJson(chunks.at(1)).contains("usage"));
    QVERIFY(eventJson(chunks.at(1)).value("usage").isNull());
}

void TestMockLlmServer::openAiRequestValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("code");

    const auto json = [](const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); };
    QJsonObject noModel = chatBody("x");
    noModel.remove("model");
    QTest::newRow("model missing") << json(noModel) << "model" << "";
    QTest::newRow("messages empty") << json(chatBody("x", {{"messages", QJsonArray()}})) << "messages" << "";
    QJsonObject noMessages = chatBody("x");
    noMessages.remove("messages");
    QTest::newRow("messages missing") << json(noMessages) << "messages" << "";
    QTest::newRow("both token limits") << json(chatBody("x", {{"max_tokens", 10}, {"max_completion_tokens", 10}}))
                                       << "max_tokens" << "";
    QTest::newRow("reasoning model with max_tokens")
        << json(chatBody("x", {{"model", "o3-mini"}, {"max_tokens", 10}})) << "max_tokens" << "unsupported_parameter";
    QTest::newRow("reasoning model with temperature")
        << json(chatBody("x", {{"model", "gpt-5-nano"}, {"temperature", 0.2}})) << "temperature" << "unsupported_value";
    QTest::newRow("max_tokens zero") << json(chatBody("x", {{"max_tokens", 0}})) << "max_tokens" << "";
    QTest::newRow("not JSON") << QByteArray("{\"model\": ") << "" << "";
}

void TestMockLlmServer::openAiRequestValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, param);
    QFETCH(QString, code);
    TestHttpClient client;
    const TestHttpReply reply = client.send("POST", url(*m_server, "/v1/chat/completions"), body,
                                            {{"content-type", "application/json"}}, 10000);
    QCOMPARE(reply.status, 400);
    const QJsonObject error = reply.json().value("error").toObject();
    QCOMPARE(error.value("type").toString(), QStringLiteral("invalid_request_error"));
    QVERIFY(!error.value("message").toString().isEmpty());
    QCOMPARE(error.value("param").toString(), param);
    QCOMPARE(error.value("code").toString(), code);
    QVERIFY(reply.header("x-request-id").startsWith("req_"));

    if (code == "unsupported_parameter") {
        // Exactly what OpenAI sent in the recording.
        QFile recorded(MADF_SHARED_DIR "/reference/recorded/openai-error-unsupported-parameter.json");
        QVERIFY(recorded.open(QIODevice::ReadOnly));
        QCOMPARE(reply.json(), QJsonDocument::fromJson(recorded.readAll()).object());
    }
}

void TestMockLlmServer::apiKeyIsCheckedOnlyWhenRequired()
{
    TestHttpClient client;
    const QUrl chat = url(*m_server, "/v1/chat/completions");
    const QUrl messages = url(*m_server, "/v1/messages");
    QCOMPARE(client.post(chat, chatBody("hi")).status, 200);
    QCOMPARE(client.post(messages, anthropicBody("hi"), {{"anthropic-version", "2023-06-01"}}).status, 200);

    m_server->setRequiredApiKey("sk-right");
    for (const HttpHeaders &headers : {HttpHeaders{}, HttpHeaders{{"authorization", "Bearer sk-wrong"}}}) {
        const TestHttpReply denied = client.post(chat, chatBody("hi"), headers);
        QCOMPARE(denied.status, 401);
        QCOMPARE(denied.json()["error"]["type"].toString(), QStringLiteral("invalid_request_error"));
        QCOMPARE(denied.json()["error"]["code"].toString(), QStringLiteral("invalid_api_key"));
        QVERIFY(!denied.json()["error"]["message"].toString().isEmpty());
    }
    QCOMPARE(client.post(chat, chatBody("hi"), {{"authorization", "Bearer sk-right"}}).status, 200);
    QCOMPARE(client.get(url(*m_server, "/v1/models")).status, 401);
    QCOMPARE(client.get(url(*m_server, "/v1/models"), {{"authorization", "Bearer sk-right"}}).status, 200);
    QCOMPARE(client.get(url(*m_server, "/health")).status, 200);

    const TestHttpReply wrong = client.post(messages, anthropicBody("hi"),
                                            {{"anthropic-version", "2023-06-01"}, {"x-api-key", "sk-wrong"}});
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.json().value("type").toString(), QStringLiteral("error"));
    QCOMPARE(wrong.json()["error"]["type"].toString(), QStringLiteral("authentication_error"));
    QVERIFY(wrong.header("request-id").startsWith("req_"));
    QCOMPARE(client.post(messages, anthropicBody("hi"), {{"anthropic-version", "2023-06-01"}, {"x-api-key", "sk-right"}}).status,
             200);
}

void TestMockLlmServer::anthropicMessage()
{
    TestHttpClient client;
    const TestHttpReply reply = client.post(url(*m_server, "/v1/messages"), anthropicBody("Write about rivers."),
                                            kAnthropicHeaders);
    QCOMPARE(reply.status, 200);
    const QJsonObject body = reply.json();
    QVERIFY(body.value("id").toString().startsWith("msg_"));
    QCOMPARE(body.value("type").toString(), QStringLiteral("message"));
    QCOMPARE(body.value("role").toString(), QStringLiteral("assistant"));
    QCOMPARE(body.value("model").toString(), QStringLiteral("mock-claude-3-5-sonnet"));
    QCOMPARE(body["content"][0]["type"].toString(), QStringLiteral("text"));
    QVERIFY(body["content"][0]["text"].toString().size() > 40);
    QCOMPARE(body.value("stop_reason").toString(), QStringLiteral("end_turn"));
    QVERIFY(body.contains("stop_sequence") && body.value("stop_sequence").isNull());
    const QJsonObject usage = body.value("usage").toObject();
    QVERIFY(usage.value("input_tokens").toInt() > 0);
    QVERIFY(usage.value("output_tokens").toInt() > 30);
    QCOMPARE(usage.value("cache_creation_input_tokens").toInt(-1), 0);
    QCOMPARE(usage.value("cache_read_input_tokens").toInt(-1), 0);

    QVERIFY(reply.header("request-id").startsWith("req_"));
    QVERIFY(!reply.hasHeader("x-ratelimit-limit-requests"));
    QCOMPARE(reply.header("anthropic-ratelimit-requests-limit"), QByteArray("10000"));
    QCOMPARE(reply.header("anthropic-ratelimit-requests-remaining"), QByteArray("9999"));
    const QDateTime reset = QDateTime::fromString(QString::fromLatin1(reply.header("anthropic-ratelimit-requests-reset")),
                                                  Qt::ISODate);
    QVERIFY(reset.isValid());
    QVERIFY(qAbs(reset.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QVERIFY(reply.hasHeader("anthropic-ratelimit-tokens-remaining"));
    QVERIFY(reply.hasHeader("anthropic-ratelimit-output-tokens-reset"));
}

void TestMockLlmServer::anthropicStreaming()
{
    TestHttpClient client;
    const QUrl endpoint = url(*m_server, "/v1/messages");
    const TestHttpReply plain = client.post(endpoint, anthropicBody("Stream about lakes."), kAnthropicHeaders);
    const TestHttpReply reply = client.post(endpoint, anthropicBody("Stream about lakes.", {{"stream", true}}),
                                            kAnthropicHeaders);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.header("content-type").startsWith("text/event-stream"));
    QVERIFY(!reply.ssePending);
    const QByteArrayList expected{"message_start", "content_block_start", "ping", "content_block_delta",
                                  "content_block_stop", "message_delta", "message_stop"};
    QCOMPARE(eventNames(reply), expected);
    for (const SseEvent &e : reply.events)
        QCOMPARE(eventJson(e).value("type").toString().toUtf8(), e.event);

    QCOMPARE(anthropicStreamText(reply), plain.json()["content"][0]["text"].toString());
    const QJsonObject start = eventJson(reply.events.first());
    QCOMPARE(start["message"]["usage"]["input_tokens"].toInt(), plain.json()["usage"]["input_tokens"].toInt());
    QCOMPARE(start["message"]["role"].toString(), QStringLiteral("assistant"));
    const QJsonObject delta = eventJson(reply.events.at(reply.events.size() - 2));
    QCOMPARE(delta["delta"]["stop_reason"].toString(), QStringLiteral("end_turn"));
    QCOMPARE(delta["usage"]["output_tokens"].toInt(), plain.json()["usage"]["output_tokens"].toInt());
    for (const SseEvent &e : reply.events) {
        if (e.event == "content_block_delta")
            QCOMPARE(eventJson(e)["delta"]["type"].toString(), QStringLiteral("text_delta"));
    }
}

void TestMockLlmServer::anthropicRequestValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<bool>("withVersion");

    QTest::newRow("anthropic-version missing") << anthropicBody("hi") << false;
    QJsonObject noMax = anthropicBody("hi");
    noMax.remove("max_tokens");
    QTest::newRow("max_tokens missing") << noMax << true;
    QTest::newRow("messages empty") << anthropicBody("hi", {{"messages", QJsonArray()}}) << true;
    QJsonObject noModel = anthropicBody("hi");
    noModel.remove("model");
    QTest::newRow("model missing") << noModel << true;
}

void TestMockLlmServer::anthropicRequestValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(bool, withVersion);
    TestHttpClient client;
    const TestHttpReply reply = client.post(url(*m_server, "/v1/messages"), body,
                                            withVersion ? kAnthropicHeaders : HttpHeaders{{"x-api-key", "k"}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json().value("type").toString(), QStringLiteral("error"));
    QCOMPARE(reply.json()["error"]["type"].toString(), QStringLiteral("invalid_request_error"));
    QVERIFY(!reply.json()["error"]["message"].toString().isEmpty());
}

void TestMockLlmServer::maxTokensCutsTheReply_data()
{
    QTest::addColumn<bool>("anthropic");
    QTest::addColumn<QString>("limitField");
    QTest::addColumn<bool>("streamed");
    QTest::newRow("openai max_tokens") << false << "max_tokens" << false;
    QTest::newRow("openai max_completion_tokens") << false << "max_completion_tokens" << false;
    QTest::newRow("openai streamed") << false << "max_tokens" << true;
    QTest::newRow("anthropic") << true << "max_tokens" << false;
    QTest::newRow("anthropic streamed") << true << "max_tokens" << true;
}

void TestMockLlmServer::maxTokensCutsTheReply()
{
    QFETCH(bool, anthropic);
    QFETCH(QString, limitField);
    QFETCH(bool, streamed);
    TestHttpClient client;
    const QUrl endpoint = url(*m_server, anthropic ? "/v1/messages" : "/v1/chat/completions");
    const QString prompt = QStringLiteral("Write at length.");

    auto run = [&](int limit, QString *text, QString *reason, int *tokens) {
        QJsonObject extra{{limitField, limit}, {"stream", streamed}};
        if (!anthropic)
            extra.insert("stream_options", QJsonObject{{"include_usage", true}});
        const TestHttpReply reply = anthropic ? client.post(endpoint, anthropicBody(prompt, extra), kAnthropicHeaders)
                                              : client.post(endpoint, chatBody(prompt, extra));
        QCOMPARE(reply.status, 200);
        if (!streamed && anthropic) {
            *text = reply.json()["content"][0]["text"].toString();
            *reason = reply.json()["stop_reason"].toString();
            *tokens = reply.json()["usage"]["output_tokens"].toInt();
        } else if (!streamed) {
            *text = reply.json()["choices"][0]["message"]["content"].toString();
            *reason = reply.json()["choices"][0]["finish_reason"].toString();
            *tokens = reply.json()["usage"]["completion_tokens"].toInt();
        } else if (anthropic) {
            *text = anthropicStreamText(reply);
            const QJsonObject delta = eventJson(reply.events.at(reply.events.size() - 2));
            *reason = delta["delta"]["stop_reason"].toString();
            *tokens = delta["usage"]["output_tokens"].toInt();
        } else {
            *text = openAiStreamText(reply);
            *reason = eventJson(reply.events.at(reply.events.size() - 3))["choices"][0]["finish_reason"].toString();
            *tokens = eventJson(reply.events.at(reply.events.size() - 2))["usage"]["completion_tokens"].toInt();
        }
    };

    QString fullText, fullReason, cutText, cutReason;
    int fullTokens = 0, cutTokens = 0;
    run(4096, &fullText, &fullReason, &fullTokens);
    run(7, &cutText, &cutReason, &cutTokens);
    QCOMPARE(fullReason, anthropic ? QStringLiteral("end_turn") : QStringLiteral("stop"));
    QCOMPARE(cutReason, anthropic ? QStringLiteral("max_tokens") : QStringLiteral("length"));
    QVERIFY(fullTokens > 40 && fullTokens <= 60);
    QVERIFY2(cutTokens > 0 && cutTokens <= 7, qPrintable(QString::number(cutTokens)));
    QVERIFY(fullText.startsWith(cutText));
    QVERIFY(cutText.size() < fullText.size());
}

void TestMockLlmServer::contentIsDeterministic()
{
    TestHttpClient client;
    const QUrl chat = url(*m_server, "/v1/chat/completions");
    auto text = [&](const QString &prompt) {
        return client.post(chat, chatBody(prompt)).json()["choices"][0]["message"]["content"].toString();
    };
    const QString first = text("Describe the harbour.");
    QCOMPARE(text("Describe the harbour."), first);
    QVERIFY(text("Describe the mountain.") != first);

    // Another server instance (as in another test run) answers the same.
    MockLlmServer other;
    QVERIFY(other.start());
    const QString again = client.post(url(other, "/v1/chat/completions"), chatBody("Describe the harbour."))
                              .json()["choices"][0]["message"]["content"].toString();
    QCOMPARE(again, first);

    // It reads like sentences: capitalised, words, a full stop at the end.
    QVERIFY(first.front().isUpper());
    QVERIFY(first.endsWith(QLatin1Char('.')));
    QVERIFY(first.split(QLatin1Char(' ')).size() > 10);
    QVERIFY(!first.contains(QLatin1String("  ")));

    m_server->setDefaultReplyTokens(200);
    const int longer = client.post(chat, chatBody("Describe the harbour.")).json()["usage"]["completion_tokens"].toInt();
    QVERIFY(longer > 150 && longer <= 200);
    const int perRequest = client.post(chat, chatBody("Describe the harbour."), {{"x-mock-reply-tokens", "20"}})
                               .json()["usage"]["completion_tokens"].toInt();
    QVERIFY(perRequest > 10 && perRequest <= 20);
}

void TestMockLlmServer::mockReplyDirective_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    QTest::newRow("line") << "Return JSON.\nMOCK_REPLY: {\"verdict\": \"pass\", \"score\": 0.92}\nThanks"
                          << "{\"verdict\": \"pass\", \"score\": 0.92}";
    QTest::newRow("no-space JSON") << "MOCK_REPLY: {\"a\":[1,2,3],\"b\":{\"c\":\"a long value without any spaces at all\"}}"
                                   << "{\"a\":[1,2,3],\"b\":{\"c\":\"a long value without any spaces at all\"}}";
    QTest::newRow("block") << "Write.\nMOCK_REPLY_BEGIN\n# Title\n\n  Indented line — ünïcode 😀\nMOCK_REPLY_END\n"
                           << "# Title\n\n  Indented line — ünïcode 😀";
}

void TestMockLlmServer::mockReplyDirective()
{
    QFETCH(QString, message);
    QFETCH(QString, expected);
    TestHttpClient client;
    const QUrl chat = url(*m_server, "/v1/chat/completions");
    const QUrl messages = url(*m_server, "/v1/messages");

    QCOMPARE(client.post(chat, chatBody(message)).json()["choices"][0]["message"]["content"].toString(), expected);
    QCOMPARE(openAiStreamText(client.post(chat, chatBody(message, {{"stream", true}}))), expected);
    QCOMPARE(client.post(messages, anthropicBody(message), kAnthropicHeaders).json()["content"][0]["text"].toString(),
             expected);
    const TestHttpReply streamed = client.post(messages, anthropicBody(message, {{"stream", true}}), kAnthropicHeaders);
    QCOMPARE(anthropicStreamText(streamed), expected);
    QVERIFY(streamed.events.size() > 4);
}

void TestMockLlmServer::usageOverrides()
{
    TestHttpClient client;
    const HttpHeaders headers{{"x-mock-cached-tokens", "10"}, {"x-mock-reasoning-tokens", "64"},
                              {"x-mock-cache-write-tokens", "5"}};
    const QJsonObject usage = client.post(url(*m_server, "/v1/chat/completions"), chatBody("Cache me."), headers)
                                  .json()
                                  .value("usage")
                                  .toObject();
    QCOMPARE(usage["prompt_tokens_details"]["cached_tokens"].toInt(), 10);
    QCOMPARE(usage["completion_tokens_details"]["reasoning_tokens"].toInt(), 64);
    QVERIFY(usage["completion_tokens"].toInt() > 64);

    HttpHeaders anthropicHeaders = kAnthropicHeaders;
    anthropicHeaders += headers;
    const QJsonObject plain = client.post(url(*m_server, "/v1/messages"), anthropicBody("Cache me."), kAnthropicHeaders)
                                  .json()
                                  .value("usage")
                                  .toObject();
    const QJsonObject cached = client.post(url(*m_server, "/v1/messages"), anthropicBody("Cache me."), anthropicHeaders)
                                   .json()
                                   .value("usage")
                                   .toObject();
    QCOMPARE(cached["cache_read_input_tokens"].toInt(), 10);
    QCOMPARE(cached["cache_creation_input_tokens"].toInt(), 5);
    // Anthropic's input_tokens leave out what was read from or written to the cache.
    QCOMPARE(cached["input_tokens"].toInt(), plain["input_tokens"].toInt() - 15);
}

void TestMockLlmServer::errorFaults_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<bool>("byModel");
    QTest::addColumn<bool>("anthropic");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("shouldRetry");

    QTest::newRow("429") << QByteArray("429") << false << false << 429 << "requests" << "rate_limit_exceeded"
                         << QByteArray("1") << QByteArray();
    QTest::newRow("429 by model") << QByteArray("429") << true << false << 429 << "requests" << "rate_limit_exceeded"
                                  << QByteArray("1") << QByteArray();
    QTest::newRow("429 anthropic") << QByteArray("429") << false << true << 429 << "rate_limit_error" << ""
                                   << QByteArray("1") << QByteArray();
    QTest::newRow("quota") << QByteArray("quota") << false << false << 429 << "insufficient_quota"
                           << "insufficient_quota" << QByteArray() << QByteArray();
    QTest::newRow("quota anthropic") << QByteArray("quota") << false << true << 400 << "invalid_request_error" << ""
                                     << QByteArray() << QByteArray();
    QTest::newRow("500") << QByteArray("500") << false << false << 500 << "server_error" << "" << QByteArray() << QByteArray();
    QTest::newRow("500 anthropic") << QByteArray("500") << false << true << 500 << "api_error" << "" << QByteArray()
                                   << QByteArray();
    QTest::newRow("502") << QByteArray("502") << false << false << 502 << "server_error" << "" << QByteArray() << QByteArray();
    QTest::newRow("503 by model") << QByteArray("503") << true << false << 503 << "server_error" << "" << QByteArray()
                                  << QByteArray();
    QTest::newRow("529 anthropic") << QByteArray("529") << false << true << 529 << "overloaded_error" << ""
                                   << QByteArray() << QByteArray();
    QTest::newRow("529 anthropic by model") << QByteArray("529") << true << true << 529 << "overloaded_error" << ""
                                            << QByteArray() << QByteArray();
    QTest::newRow("401") << QByteArray("401") << false << false << 401 << "invalid_request_error" << "invalid_api_key"
                         << QByteArray() << QByteArray();
    QTest::newRow("401 anthropic") << QByteArray("401") << false << true << 401 << "authentication_error" << ""
                                   << QByteArray() << QByteArray();
    QTest::newRow("403 anthropic") << QByteArray("403") << false << true << 403 << "permission_error" << ""
                                   << QByteArray() << QByteArray();
    QTest::newRow("404") << QByteArray("404") << false << false << 404 << "invalid_request_error" << "model_not_found"
                         << QByteArray() << QByteArray();
    QTest::newRow("404 anthropic") << QByteArray("404") << false << true << 404 << "not_found_error" << ""
                                   << QByteArray() << QByteArray();
    QTest::newRow("400") << QByteArray("400") << false << false << 400 << "invalid_request_error" << "" << QByteArray()
                         << QByteArray();
    QTest::newRow("408") << QByteArray("408") << false << false << 408 << "server_error" << "timeout" << QByteArray()
                         << QByteArray();
    QTest::newRow("409") << QByteArray("409") << false << false << 409 << "invalid_request_error" << "conflict"
                         << QByteArray() << QByteArray();
    QTest::newRow("413 anthropic") << QByteArray("413") << false << true << 413 << "request_too_large" << ""
                                   << QByteArray() << QByteArray();
    QTest::newRow("422") << QByteArray("422") << false << false << 422 << "invalid_request_error"
                         << "unprocessable_entity" << QByteArray() << QByteArray();
    QTest::newRow("should-retry-false") << QByteArray("should-retry-false") << false << false << 500 << "server_error"
                                        << "" << QByteArray() << QByteArray("false");
    QTest::newRow("should-retry-true") << QByteArray("should-retry-true") << true << true << 400
                                       << "invalid_request_error" << "" << QByteArray() << QByteArray("true");
    QTest::newRow("unknown fault") << QByteArray("nonsense") << false << false << 400 << "invalid_request_error" << ""
                                   << QByteArray() << QByteArray();
}

void TestMockLlmServer::errorFaults()
{
    QFETCH(QByteArray, fault);
    QFETCH(bool, byModel);
    QFETCH(bool, anthropic);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, code);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, shouldRetry);

    TestHttpClient client;
    HttpHeaders headers = anthropic ? kAnthropicHeaders : HttpHeaders{};
    QJsonObject extra;
    if (byModel)
        extra.insert("model", QString(QStringLiteral("mock-fault-") + QString::fromLatin1(fault)));
    else
        headers.append({QByteArrayLiteral("x-mock-fault"), fault});
    const TestHttpReply reply = anthropic
        ? client.post(url(*m_server, "/v1/messages"), anthropicBody("hi", extra), headers)
        : client.post(url(*m_server, "/v1/chat/completions"), chatBody("hi", extra), headers);

    QCOMPARE(reply.status, status);
    const QJsonObject error = reply.json().value("error").toObject();
    QCOMPARE(error.value("type").toString(), type);
    QVERIFY(!error.value("message").toString().isEmpty());
    if (anthropic) {
        QCOMPARE(reply.json().value("type").toString(), QStringLiteral("error"));
        QVERIFY(reply.header("request-id").startsWith("req_"));
        QVERIFY(reply.hasHeader("anthropic-ratelimit-requests-remaining"));
    } else {
        QCOMPARE(error.value("code").toString(), code);
        QVERIFY(reply.header("x-request-id").startsWith("req_"));
        QVERIFY(reply.hasHeader("x-ratelimit-remaining-requests"));
    }
    QCOMPARE(reply.header("retry-after"), retryAfter);
    QCOMPARE(reply.header("x-should-retry"), shouldRetry);
}

void TestMockLlmServer::faultCountLetsRetriesSucceed()
{
    TestHttpClient client;
    const QUrl chat = url(*m_server, "/v1/chat/completions");
    const HttpHeaders headers{{"x-mock-fault", "429"}, {"x-mock-fault-count", "2"}, {"x-mock-fault-key", "job-a"},
                              {"x-mock-retry-after", "7"}, {"x-mock-retry-after-ms", "1500"}};
    const TestHttpReply first = client.post(chat, chatBody("hi"), headers);
    QCOMPARE(first.status, 429);
    QCOMPARE(first.header("retry-after"), QByteArray("7"));
    QCOMPARE(first.header("retry-after-ms"), QByteArray("1500"));
    QCOMPARE(client.post(chat, chatBody("hi"), headers).status, 429);
    QCOMPARE(client.post(chat, chatBody("hi"), headers).status, 200);
    QCOMPARE(client.post(chat, chatBody("hi"), headers).status, 200);

    // Another key counts on its own; reset() starts every count again.
    HttpHeaders otherKey = headers;
    otherKey[2].second = "job-b";
    QCOMPARE(client.post(chat, chatBody("hi"), otherKey).status, 429);
    m_server->reset();
    QCOMPARE(client.post(chat, chatBody("hi"), headers).status, 429);

    // By model name, with the count in a header.
    const QJsonObject faulty = chatBody("hi", {{"model", "mock-fault-503"}});
    QCOMPARE(client.post(chat, faulty, {{"x-mock-fault-count", "1"}}).status, 503);
    QCOMPARE(client.post(chat, faulty, {{"x-mock-fault-count", "1"}}).status, 200);
}

void TestMockLlmServer::streamCut_data()
{
    QTest::addColumn<bool>("anthropic");
    QTest::addColumn<bool>("midEvent");
    QTest::newRow("openai mid-event") << false << true;
    QTest::newRow("openai at boundary") << false << false;
    QTest::newRow("anthropic mid-event") << true << true;
    QTest::newRow("anthropic at boundary") << true << false;
}

void TestMockLlmServer::streamCut()
{
    QFETCH(bool, anthropic);
    QFETCH(bool, midEvent);
    TestHttpClient client;
    HttpHeaders headers = anthropic ? kAnthropicHeaders : HttpHeaders{};
    headers += HttpHeaders{{"x-mock-fault", "cut"}};
    if (!midEvent)
        headers += HttpHeaders{{"x-mock-cut-at", "boundary"}};
    const QJsonObject extra{{"stream", true}, {"stream_options", QJsonObject{{"include_usage", true}}}};
    const TestHttpReply reply = anthropic
        ? client.post(url(*m_server, "/v1/messages"), anthropicBody("hi", {{"stream", true}}), headers)
        : client.post(url(*m_server, "/v1/chat/completions"), chatBody("hi", extra), headers);

    QVERIFY(!reply.timedOut);
    QCOMPARE(reply.status, 200);
    // Some text arrived, but none of the closing events. (Qt 6.4 may even report such a
    // reply as finished without error: the missing terminator is the reliable sign.)
    QVERIFY(!(anthropic ? anthropicStreamText(reply) : openAiStreamText(reply)).isEmpty());
    for (const SseEvent &e : reply.events) {
        QVERIFY(e.data != "[DONE]");
        QVERIFY(e.event != "message_stop" && e.event != "message_delta");
        QVERIFY(!eventJson(e).value("usage").isObject());
    }
    QCOMPARE(reply.ssePending, midEvent);
    QTRY_COMPARE(m_server->currentConcurrent(), 0);
}

void TestMockLlmServer::cutPlainReply()
{
    TestHttpClient client;
    const TestHttpReply reply = client.post(url(*m_server, "/v1/chat/completions"), chatBody("hi"),
                                            {{"x-mock-fault", "cut"}});
    QVERIFY(!reply.timedOut);
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.body.isEmpty());
    QVERIFY(!isValidJson(reply.body));
    QVERIFY(reply.body.size() < reply.header("content-length").toInt());
    QCOMPARE(reply.error, QNetworkReply::RemoteHostClosedError);
}

void TestMockLlmServer::streamStallKeepsConnectionOpen()
{
    TestHttpClient client;
    const TestHttpReply reply = client.send(
        "POST", url(*m_server, "/v1/chat/completions"),
        QJsonDocument(chatBody("hi", {{"stream", true}})).toJson(),
        {{"content-type", "application/json"}, {"x-mock-fault", "stall"}}, 20000, 1000);
    QVERIFY(!reply.timedOut); // the transfer timeout, not our deadline, ended it
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.error != QNetworkReply::NoError);
    QVERIFY(!openAiStreamText(reply).isEmpty());
    QVERIFY(reply.events.last().data != "[DONE]");
    // While stalled the request counted as in progress; the client's abort ended it.
    QCOMPARE(m_server->peakConcurrent(), 1);
    QTRY_COMPARE(m_server->currentConcurrent(), 0);

    // Not streamed: no answer at all.
    const TestHttpReply silent = client.send("POST", url(*m_server, "/v1/chat/completions"),
                                             QJsonDocument(chatBody("hi")).toJson(),
                                             {{"content-type", "application/json"}, {"x-mock-fault", "stall"}}, 20000, 500);
    QCOMPARE(silent.status, 0);
    QVERIFY(silent.error != QNetworkReply::NoError);
}

void TestMockLlmServer::malformedReplies()
{
    TestHttpClient client;
    const HttpHeaders fault{{"x-mock-fault", "malformed"}};
    const TestHttpReply plain = client.post(url(*m_server, "/v1/chat/completions"), chatBody("hi"), fault);
    QCOMPARE(plain.status, 200);
    QVERIFY(!plain.body.isEmpty());
    QVERIFY(!isValidJson(plain.body));

    const TestHttpReply stream = client.post(url(*m_server, "/v1/chat/completions"), chatBody("hi", {{"stream", true}}),
                                             fault);
    QCOMPARE(stream.status, 200);
    int invalid = 0;
    for (const SseEvent &e : stream.events)
        invalid += (e.data != "[DONE]" && !isValidJson(e.data)) ? 1 : 0;
    QCOMPARE(invalid, 1);

    const TestHttpReply anthropic = client.post(url(*m_server, "/v1/messages"), anthropicBody("hi", {{"stream", true}}),
                                                kAnthropicHeaders + fault);
    invalid = 0;
    for (const SseEvent &e : anthropic.events)
        invalid += isValidJson(e.data) ? 0 : 1;
    QCOMPARE(invalid, 1);
}

void TestMockLlmServer::midstreamErrors()
{
    TestHttpClient client;
    const HttpHeaders fault{{"x-mock-fault", "midstream-error"}};
    const TestHttpReply openai = client.post(url(*m_server, "/v1/chat/completions"),
                                             chatBody("hi", {{"stream", true}}), fault);
    QCOMPARE(openai.status, 200);
    QVERIFY(!openAiStreamText(openai).isEmpty());
    QCOMPARE(eventJson(openai.events.last())["error"]["type"].toString(), QStringLiteral("server_error"));
    for (const SseEvent &e : openai.events)
        QVERIFY(e.data != "[DONE]");

    const TestHttpReply anthropic = client.post(url(*m_server, "/v1/messages"), anthropicBody("hi", {{"stream", true}}),
                                                kAnthropicHeaders + fault);
    QCOMPARE(anthropic.status, 200);
    QVERIFY(!anthropicStreamText(anthropic).isEmpty());
    QCOMPARE(anthropic.events.last().event, QByteArray("error"));
    QCOMPARE(eventJson(anthropic.events.last())["error"]["type"].toString(), QStringLiteral("overloaded_error"));
    QVERIFY(!eventNames(anthropic).contains("message_stop"));

    // Not streamed, the overload comes as a status.
    QCOMPARE(client.post(url(*m_server, "/v1/messages"), anthropicBody("hi"), kAnthropicHeaders + fault).status, 529);
    QCOMPARE(client.post(url(*m_server, "/v1/chat/completions"), chatBody("hi"), fault).status, 503);
}

void TestMockLlmServer::slowHeadersAndDrop()
{
    TestHttpClient client;
    const TestHttpReply slow = client.post(url(*m_server, "/v1/chat/completions"), chatBody("hi"),
                                           {{"x-mock-fault", "slow-headers"}, {"x-mock-delay-ms", "400"}});
    QCOMPARE(slow.status, 200);
    QVERIFY2(slow.elapsedMs >= 350, qPrintable(QString::number(slow.elapsedMs)));

    const TestHttpReply dropped = client.post(url(*m_server, "/v1/chat/completions"), chatBody("hi"),
                                              {{"x-mock-fault", "drop"}});
    QVERIFY(!dropped.timedOut);
    QCOMPARE(dropped.status, 0);
    QVERIFY(dropped.error != QNetworkReply::NoError);
    QVERIFY(dropped.body.isEmpty());
}

void TestMockLlmServer::timeToFirstTokenAndPace()
{
    TestHttpClient client;
    m_server->setTimeToFirstTokenMs(300);
    const TestHttpReply plain = client.post(url(*m_server, "/v1/chat/completions"), chatBody("hi"));
    QCOMPARE(plain.status, 200);
    QVERIFY2(plain.elapsedMs >= 280, qPrintable(QString::number(plain.elapsedMs)));

    // Streamed: the first event waits for the first token, the rest follow at the pace.
    const TestHttpReply stream = client.post(url(*m_server, "/v1/chat/completions"), chatBody("hi", {{"stream", true}}),
                                             {{"x-mock-tps", "200"}});
    QVERIFY2(stream.firstEventMs >= 280, qPrintable(QString::number(stream.firstEventMs)));
    QVERIFY2(stream.elapsedMs >= stream.firstEventMs + 150, qPrintable(QString::number(stream.elapsedMs)));

    // Per-request override: no wait at first token, 100 tokens/s over ~60 tokens.
    const TestHttpReply paced = client.post(url(*m_server, "/v1/messages"), anthropicBody("hi", {{"stream", true}}),
                                            kAnthropicHeaders + HttpHeaders{{"x-mock-ttft-ms", "0"}, {"x-mock-tps", "100"}});
    const int tokens = eventJson(paced.events.at(paced.events.size() - 2))["usage"]["output_tokens"].toInt();
    QVERIFY(tokens > 40);
    QVERIFY2(paced.elapsedMs >= (tokens - 1) * 10 - 30, qPrintable(QString::number(paced.elapsedMs)));
}

void TestMockLlmServer::requestsAreRecorded()
{
    TestHttpClient client;
    QSignalSpy received(m_server.get(), &MockLlmServer::requestReceived);
    client.post(url(*m_server, "/v1/chat/completions?trace=1"), chatBody("Recorded prompt"), {{"X-Custom-Thing", "Value"}});
    client.get(url(*m_server, "/health"));
    client.get(url(*m_server, "/health"));

    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(m_server->requestCount("/health"), 2);
    QCOMPARE(m_server->requestCount("/v1/chat/completions"), 1);
    QCOMPARE(received.size(), 3);
    const QList<RecordedRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 3);
    const RecordedRequest &chat = requests.first();
    QCOMPARE(chat.method, QByteArray("POST"));
    QCOMPARE(chat.path, QByteArray("/v1/chat/completions"));
    QCOMPARE(chat.query, QByteArray("trace=1"));
    QCOMPARE(chat.header("x-custom-thing"), QByteArray("Value"));
    QCOMPARE(chat.json["messages"][1]["content"].toString(), QStringLiteral("Recorded prompt"));
    QCOMPARE(QJsonDocument::fromJson(chat.body).object(), chat.json);
    QCOMPARE(received.first().first().value<RecordedRequest>().path, QByteArray("/v1/chat/completions"));
    QCOMPARE(m_server->lastRequest().method, QByteArray("GET"));

    m_server->reset();
    QCOMPARE(m_server->requestCount(), 0);
    QVERIFY(m_server->requests().isEmpty());
}

void TestMockLlmServer::keepAliveAndPipelining()
{
    // Two requests written at once on one connection are both answered, in order.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
                 "GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).count("HTTP/1.1 200 OK") == 2
                                 && received.contains("\"object\":\"list\"}"),
                             5000);
    QVERIFY(received.indexOf("{\"status\":\"ok\"}") < received.indexOf("\"object\":\"list\""));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);

    // Connection: close is honoured.
    socket.write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(m_server->requestCount(), 3);
}

void TestMockLlmServer::unknownPathAndWrongMethod()
{
    TestHttpClient client;
    const TestHttpReply missing = client.get(url(*m_server, "/v2/nothing"));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json()["error"]["type"].toString(), QStringLiteral("invalid_request_error"));
    QCOMPARE(client.get(url(*m_server, "/v1/chat/completions")).status, 405);
}

void TestMockLlmServer::peakConcurrencyAcrossManagers()
{
    // One manager queues beyond 6 connections per host: spread 20 requests over 4.
    m_server->setTimeToFirstTokenMs(600);
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    for (int i = 0; i < 4; ++i)
        managers.push_back(std::make_unique<QNetworkAccessManager>());
    int finished = 0;
    int ok = 0;
    for (int i = 0; i < 20; ++i) {
        QNetworkRequest request(url(*m_server, "/v1/chat/completions"));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply *reply = managers[size_t(i % 4)]->post(
            request, QJsonDocument(chatBody(QStringLiteral("prompt %1").arg(i))).toJson());
        connect(reply, &QNetworkReply::finished, this, [&, reply] {
            ++finished;
            ok += reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200 ? 1 : 0;
            reply->deleteLater();
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, 20, 30000);
    QCOMPARE(ok, 20);
    QCOMPARE(m_server->requestCount(), 20);
    QVERIFY2(m_server->peakConcurrent() > 6, qPrintable(QString::number(m_server->peakConcurrent())));
    QVERIFY(m_server->peakConcurrent() <= 20);
    QTRY_COMPARE(m_server->currentConcurrent(), 0);
}

void TestMockLlmServer::serverInOwnThread()
{
    MockLlmServer threaded;
    QVERIFY(threaded.startInThread());
    threaded.setTimeToFirstTokenMs(50);
    QSignalSpy received(&threaded, &MockLlmServer::requestReceived);
    TestHttpClient client;
    const TestHttpReply reply = client.post(url(threaded, "/v1/chat/completions"),
                                            chatBody("threaded", {{"stream", true}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.events.last().data, QByteArray("[DONE]"));
    QCOMPARE(threaded.requestCount(), 1);
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(threaded.peakConcurrent(), 1);
    threaded.stop();
    QVERIFY(!threaded.isListening());
    QCOMPARE(client.get(url(threaded, "/health")).status, 0);
}

void TestMockLlmServer::threeHundredConcurrentConnections()
{
    // Raw sockets: QNetworkAccessManager would queue beyond 6 per host.
    constexpr int kConnections = 300;
    MockLlmServer server;
    QVERIFY(server.startInThread());
    server.setTimeToFirstTokenMs(1500);
    const QByteArray body = QJsonDocument(chatBody("many")).toJson(QJsonDocument::Compact);
    const QByteArray request = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                               "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;

    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    std::vector<QByteArray> buffers(kConnections);
    int complete = 0;
    for (int i = 0; i < kConnections; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QTcpSocket *s = socket.get();
        connect(s, &QTcpSocket::readyRead, this, [&, s, i] {
            buffers[size_t(i)] += s->readAll();
            const qsizetype end = buffers[size_t(i)].indexOf("\r\n\r\n");
            if (end < 0)
                return;
            static const QRegularExpression length(QStringLiteral("content-length: (\\d+)"));
            const auto match = length.match(QString::fromLatin1(buffers[size_t(i)].first(end)));
            if (match.hasMatch() && buffers[size_t(i)].size() >= end + 4 + match.captured(1).toInt()) {
                if (buffers[size_t(i)].startsWith("HTTP/1.1 200"))
                    ++complete;
                buffers[size_t(i)].clear();
            }
        });
        connect(s, &QTcpSocket::connected, this, [s, &request] { s->write(request); });
        s->connectToHost(QHostAddress::LocalHost, server.port());
        sockets.push_back(std::move(socket));
    }
    QTRY_COMPARE_WITH_TIMEOUT(complete, kConnections, 60000);
    QVERIFY2(server.peakConcurrent() >= kConnections * 9 / 10, qPrintable(QString::number(server.peakConcurrent())));

    // Keep-alive: the same connections carry a second round.
    server.setTimeToFirstTokenMs(0);
    for (auto &socket : sockets) {
        QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
        socket->write(request);
    }
    QTRY_COMPARE_WITH_TIMEOUT(complete, 2 * kConnections, 60000);
    QCOMPARE(server.requestCount(), 2 * kConnections);
    QTRY_COMPARE(server.currentConcurrent(), 0);
}

void TestMockLlmServer::executableStartsAndAnswers()
{
    QProcess process;
    process.setProgram(QStringLiteral(MADF_MOCK_LLM_EXECUTABLE));
    process.setArguments({"--port", "0", "--ttft-ms", "10", "--tokens-per-second", "0", "--host", "127.0.0.1"});
    process.start();
    QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += process.readAllStandardOutput()).contains('\n'), 10000);
    const QRegularExpression line(QStringLiteral("^listening on http://127\\.0\\.0\\.1:(\\d+)\\n"));
    const QRegularExpressionMatch match = line.match(QString::fromLatin1(output));
    QVERIFY2(match.hasMatch(), output.constData());
    const int port = match.captured(1).toInt();
    QVERIFY(port > 0);

    TestHttpClient client;
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    QCOMPARE(client.get(QUrl(base + "/health")).status, 200);
    const TestHttpReply reply = client.post(QUrl(base + "/v1/chat/completions"), chatBody("from a process"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()["object"].toString(), QStringLiteral("chat.completion"));

    process.terminate();
    QVERIFY(process.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(TestMockLlmServer)
#include "tst_mockllmserver.moc"
