#include "core/llm/llmtypes.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace Madf {

namespace {

constexpr std::array<std::pair<LlmErrorKind, const char *>, 14> kNames {{
    {LlmErrorKind::None, "none"},
    {LlmErrorKind::Timeout, "timeout"},
    {LlmErrorKind::RateLimited, "rate_limited"},
    {LlmErrorKind::QuotaExceeded, "quota_exceeded"},
    {LlmErrorKind::Auth, "auth"},
    {LlmErrorKind::PermissionDenied, "permission_denied"},
    {LlmErrorKind::NotFound, "not_found"},
    {LlmErrorKind::InvalidRequest, "invalid_request"},
    {LlmErrorKind::ServerError, "server_error"},
    {LlmErrorKind::Overloaded, "overloaded"},
    {LlmErrorKind::Network, "network"},
    {LlmErrorKind::MalformedReply, "malformed_reply"},
    {LlmErrorKind::Cancelled, "cancelled"},
    {LlmErrorKind::NoProvider, "no_provider"},
}};

constexpr char kContext[] = "Madf::LlmErrorKind";

// Short, and each says whether we retry and what the user can do.
constexpr std::array<std::pair<LlmErrorKind, const char *>, 13> kAdvice {{
    {LlmErrorKind::Timeout, QT_TRANSLATE_NOOP("Madf::LlmErrorKind",
        "The provider did not answer in time. Retried automatically; if it keeps happening, "
        "raise the timeout or check that the endpoint is up.")},
    {LlmErrorKind::RateLimited, QT_TRANSLATE_NOOP("Madf::LlmErrorKind",
        "The provider's rate limit was reached. Retried after the delay it asked for; "
        "if it persists, run fewer agents at once.")},
    {LlmErrorKind::QuotaExceeded, QT_TRANSLATE_NOOP("Madf::LlmErrorKind",
        "Your account is out of credit or over its spending limit: check billing with the provider. "
        "Not retried.")},
    {LlmErrorKind::Auth, QT_TRANSLATE_NOOP("Madf::LlmErrorKind",
        "The provider rejected the API key: check the key configured for this provider. Not retried.")},
    {LlmErrorKind::PermissionDenied, QT_TRANSLATE_NOOP("Madf::LlmErrorKind",
        "The key is not allowed to use this model or endpoint: check its permissions with the provider. "
        "Not retried.")},
    {LlmErrorKind::NotFound, QT_TRANSLATE_NOOP("Madf::LlmErrorKind",
        "The model or endpoint does not exist: check the model name and the base URL. Not retried.")},
    {LlmErrorKind::InvalidRequest, QT_TRANSLATE_NOOP("Madf::LlmErrorKind",
        "The provider rejected the request (an unsupported parameter, or a prompt too long): "
        "check the model's options. Not retried.")},
    {LlmErrorKind::ServerError, QT_TRANSLATE_NOOP("Madf::LlmErrorKind",
        "The provider had an internal error. Retried automatically.")},
    {LlmErrorKind::Overloaded, QT_TRANSLATE_NOOP("Madf::LlmErrorKind",
        "The provider is overloaded. Retried automatically; if it persists, try later or use another model.")},
    {LlmErrorKind::Network, QT_TRANSLATE_NOOP("Madf::LlmErrorKind",
        "The provider could not be reached (connection refused, DNS or TLS failure): "
        "check the base URL and the network.")},
    {LlmErrorKind::MalformedReply, QT_TRANSLATE_NOOP("Madf::LlmErrorKind",
        "The reply could not be understood: check that the endpoint speaks the configured API "
        "(openai or anthropic).")},
    {LlmErrorKind::Cancelled, QT_TRANSLATE_NOOP("Madf::LlmErrorKind",
        "The request was cancelled. Not retried and not billed.")},
    {LlmErrorKind::NoProvider, QT_TRANSLATE_NOOP("Madf::LlmErrorKind",
        "No usable provider is configured for this agent: add the provider and its API key in the settings.")},
}};

} // namespace

QString toString(LlmErrorKind kind)
{
    for (const auto &[value, name] : kNames) {
        if (value == kind)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("none");
}

LlmErrorKind llmErrorKindFromString(const QString &name, bool *ok)
{
    QString key = name.trimmed().toLower();
    // American spelling, as some tools write it.
    if (key == QLatin1String("canceled"))
        key = QStringLiteral("cancelled");
    for (const auto &[value, text] : kNames) {
        if (key == QLatin1String(text)) {
            if (ok)
                *ok = true;
            return value;
        }
    }
    if (ok)
        *ok = false;
    return LlmErrorKind::None;
}

QString llmErrorAdvice(LlmErrorKind kind)
{
    for (const auto &[value, text] : kAdvice) {
        if (value == kind)
            return QCoreApplication::translate(kContext, text);
    }
    return QString();
}

} // namespace Madf
