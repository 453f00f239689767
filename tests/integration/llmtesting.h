#pragma once

// Helpers shared by the LLM gateway's integration tests (tst_llm*.cpp).

#include "core/config/config.h"
#include "core/llm/llmclient.h"

#include <QEventLoop>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <optional>

// QCOMPARE cannot print an LlmErrorKind (ADL finds Madf::toString, which returns a QString).
#define QCOMPARE_KIND(actual, expected) QCOMPARE(Madf::toString(actual), Madf::toString(expected))

namespace Madf::Test {

/** A config with one provider @p name speaking @p api at @p baseUrls; local,
 *  so no key is needed, and short timeouts so failures come fast. */
inline Config llmConfig(const QString &name, const QStringList &baseUrls, const QString &api = QStringLiteral("openai"),
                        const QMap<QString, QString> &headers = {})
{
    Config config = Config::defaults();
    ProviderConfig p;
    p.name = name;
    p.api = api;
    p.baseUrls = baseUrls;
    p.local = true;
    p.headers = headers;
    p.connectTimeout = 5;
    p.inactivityTimeout = 10;
    config.providers.insert(name, p);
    return config;
}

inline LlmRequest llmRequest(const QString &provider, const QString &text, bool stream = false,
                             const QString &model = QStringLiteral("mock-gpt-4o"))
{
    LlmRequest r;
    r.provider = provider;
    r.model = model;
    r.system = QStringLiteral("You write reports.");
    r.messages = {{QStringLiteral("user"), text}};
    r.stream = stream;
    r.maxTokens = 256;
    r.timeoutMs = 30000;
    return r;
}

/** Runs @p call to its end; nullopt when it did not finish within @p ms. */
inline std::optional<LlmResult> waitForResult(LlmCall *call, int ms = 30000)
{
    std::optional<LlmResult> result;
    // A real event loop, not qWaitFor's 10 ms naps: tests measure latencies with it.
    QEventLoop loop;
    QObject::connect(call, &LlmCall::finished, &loop, [&](const LlmResult &r) {
        result = r;
        loop.quit();
    });
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    if (!call->isFinished())
        loop.exec();
    return result;
}

inline std::optional<LlmResult> runCall(LlmClient &client, const LlmRequest &request, int ms = 30000)
{
    return waitForResult(client.start(request), ms);
}

} // namespace Madf::Test
