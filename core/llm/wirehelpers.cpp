#include "core/llm/wirehelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace Madf::Wire {

QJsonObject parseObject(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return {};
    }
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("not a JSON object");
        return {};
    }
    return doc.object();
}

QString text(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double d = value.toDouble();
        return d == std::floor(d) ? QString::number(qint64(d)) : QString::number(d);
    }
    return QString();
}

qint64 count(const QJsonValue &value)
{
    return value.isDouble() ? qMax<qint64>(0, qint64(value.toDouble())) : 0;
}

void mergeExtraBody(QJsonObject &body, const QVariantMap &extra, const QStringList &skip)
{
    for (auto it = extra.cbegin(); it != extra.cend(); ++it) {
        if (skip.contains(it.key()))
            continue;
        const QJsonValue value = QJsonValue::fromVariant(it.value());
        if (value.isNull() || value.isUndefined())
            body.remove(it.key());
        else
            body.insert(it.key(), value);
    }
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

namespace {

ApiError make(LlmErrorKind kind, bool retryable)
{
    ApiError e;
    e.kind = kind;
    e.retryable = retryable;
    return e;
}

// For errors that came without a meaningful HTTP status (inside a stream).
ApiError classifyByType(const QString &type, const QString &code, bool overloadedText)
{
    const auto is = [&](const char *name) {
        return type.compare(QLatin1String(name), Qt::CaseInsensitive) == 0
            || code.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
    };
    if (is("insufficient_quota") || is("billing_error"))
        return make(LlmErrorKind::QuotaExceeded, false);
    if (is("invalid_request_error") || is("request_too_large") || is("context_length_exceeded"))
        return make(LlmErrorKind::InvalidRequest, false);
    if (is("authentication_error") || is("invalid_api_key"))
        return make(LlmErrorKind::Auth, false);
    if (is("permission_error"))
        return make(LlmErrorKind::PermissionDenied, false);
    if (is("not_found_error") || is("model_not_found"))
        return make(LlmErrorKind::NotFound, false);
    if (is("rate_limit_error") || is("rate_limit_exceeded") || is("tokens") || is("requests"))
        return make(LlmErrorKind::RateLimited, true);
    if (is("overloaded_error") || overloadedText)
        return make(LlmErrorKind::Overloaded, true);
    if (is("timeout_error"))
        return make(LlmErrorKind::Timeout, true);
    // api_error, server_error and anything new: the server failed mid-reply.
    return make(LlmErrorKind::ServerError, true);
}

} // namespace

ApiError classify(int httpStatus, const QString &type, const QString &code, const QString &message)
{
    const auto is = [&](const char *name) {
        return type.compare(QLatin1String(name), Qt::CaseInsensitive) == 0
            || code.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
    };
    // Anthropic reports an empty balance as a 400 invalid_request_error; telling
    // the user "billing" beats "invalid request", and neither is retried.
    const bool quota = is("insufficient_quota") || is("billing_error")
        || message.contains(QLatin1String("credit balance is too low"), Qt::CaseInsensitive);
    const bool overloadedType = is("overloaded_error");
    const bool overloadedText = message.contains(QLatin1String("overloaded"), Qt::CaseInsensitive);

    int status = httpStatus;
    // Some servers (vLLM, LiteLLM) put the HTTP status in the code of an in-stream error.
    if ((status < 400 || status > 599) && code.size() == 3) {
        bool ok = false;
        const int fromCode = code.toInt(&ok);
        if (ok && fromCode >= 400 && fromCode <= 599)
            status = fromCode;
    }

    ApiError e;
    switch (status) {
    case 400:
    case 413:
    case 422:
        e = make(quota ? LlmErrorKind::QuotaExceeded : LlmErrorKind::InvalidRequest, false);
        break;
    case 401: e = make(LlmErrorKind::Auth, false); break;
    case 402: e = make(LlmErrorKind::QuotaExceeded, false); break; // OpenRouter: no credits left
    case 403: e = make(LlmErrorKind::PermissionDenied, false); break;
    case 404:
    case 410: e = make(LlmErrorKind::NotFound, false); break;
    case 408: e = make(LlmErrorKind::Timeout, true); break;
    case 409: e = make(LlmErrorKind::ServerError, true); break;
    case 429:
        e = quota ? make(LlmErrorKind::QuotaExceeded, false) : make(LlmErrorKind::RateLimited, true);
        break;
    case 503:
        e = make(overloadedType || overloadedText ? LlmErrorKind::Overloaded : LlmErrorKind::ServerError, true);
        break;
    case 529: e = make(LlmErrorKind::Overloaded, true); break;
    default:
        if (status >= 500 && status <= 599)
            e = make(overloadedType ? LlmErrorKind::Overloaded : LlmErrorKind::ServerError, true);
        else if (status >= 400 && status <= 499)
            e = make(quota ? LlmErrorKind::QuotaExceeded : LlmErrorKind::InvalidRequest, false);
        else
            e = classifyByType(type, code, overloadedText);
        break;
    }
    e.type = type;
    e.code = code;
    e.message = message;
    return e;
}

bool errorFields(const QJsonObject &object, QString *message, QString *type, QString *code)
{
    const QJsonValue error = object.value(QLatin1String("error"));
    if (error.isObject()) {
        const QJsonObject o = error.toObject();
        *message = text(o.value(QLatin1String("message")));
        *type = text(o.value(QLatin1String("type")));
        *code = text(o.value(QLatin1String("code")));
        return true;
    }
    if (error.isString()) {
        *message = error.toString();
        return true;
    }
    if (object.value(QLatin1String("object")).toString() == QLatin1String("error")) {
        *message = text(object.value(QLatin1String("message")));
        *type = text(object.value(QLatin1String("type")));
        *code = text(object.value(QLatin1String("code")));
        return true;
    }
    const QJsonValue detail = object.value(QLatin1String("detail"));
    if (detail.isString()) {
        *message = detail.toString();
        return true;
    }
    if (object.value(QLatin1String("message")).isString()) {
        *message = object.value(QLatin1String("message")).toString();
        return true;
    }
    return false;
}

QString statusLine(int httpStatus)
{
    const char *reason = nullptr;
    switch (httpStatus) {
    case 400: reason = "Bad Request"; break;
    case 401: reason = "Unauthorized"; break;
    case 402: reason = "Payment Required"; break;
    case 403: reason = "Forbidden"; break;
    case 404: reason = "Not Found"; break;
    case 405: reason = "Method Not Allowed"; break;
    case 408: reason = "Request Timeout"; break;
    case 409: reason = "Conflict"; break;
    case 410: reason = "Gone"; break;
    case 413: reason = "Content Too Large"; break;
    case 422: reason = "Unprocessable Content"; break;
    case 429: reason = "Too Many Requests"; break;
    case 500: reason = "Internal Server Error"; break;
    case 502: reason = "Bad Gateway"; break;
    case 503: reason = "Service Unavailable"; break;
    case 504: reason = "Gateway Timeout"; break;
    case 529: reason = "Overloaded"; break;
    default: break;
    }
    return reason ? QStringLiteral("HTTP %1 %2").arg(httpStatus).arg(QLatin1String(reason))
                  : QStringLiteral("HTTP %1").arg(httpStatus);
}

ApiError httpError(int httpStatus, const QByteArray &body, const HttpHeaders &headers)
{
    QString message;
    QString type;
    QString code;
    const QJsonObject object = parseObject(body, nullptr);
    errorFields(object, &message, &type, &code);
    if (message.trimmed().isEmpty())
        message = statusLine(httpStatus);

    ApiError e = classify(httpStatus, type, code, message);
    if (const auto shouldRetry = headerValue(headers, "x-should-retry")) {
        if (shouldRetry->compare("true", Qt::CaseInsensitive) == 0)
            e.retryable = true;
        else if (shouldRetry->compare("false", Qt::CaseInsensitive) == 0)
            e.retryable = false;
    }
    return e;
}

QStringList modelIds(const QByteArray &body)
{
    const QJsonObject object = parseObject(body, nullptr);
    QJsonArray list = object.value(QLatin1String("data")).toArray();
    if (list.isEmpty())
        list = object.value(QLatin1String("models")).toArray(); // Ollama /api/tags
    QStringList ids;
    for (const QJsonValue &entry : std::as_const(list)) {
        const QJsonObject model = entry.toObject();
        QString id = model.value(QLatin1String("id")).toString();
        if (id.isEmpty())
            id = model.value(QLatin1String("name")).toString();
        if (id.isEmpty())
            id = model.value(QLatin1String("model")).toString();
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    return ids;
}

} // namespace Madf::Wire
