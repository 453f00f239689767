#pragma once

// Internal to core/llm: pieces the OpenAI and Anthropic formats share.

#include "core/llm/wireformat.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QVariantMap>

namespace Madf::Wire {

/** The JSON object in @p body; an empty object and *error set otherwise. */
QJsonObject parseObject(const QByteArray &body, QString *error);

/** A string, or a number written as text (some servers send numeric codes). */
QString text(const QJsonValue &value);

/** A token count; 0 when absent, null or not a number. */
qint64 count(const QJsonValue &value);

/** Merges per-model options into the body, top-level keys replacing ours.
 *  A null value removes the key (e.g. `temperature: null` for models that
 *  reject it). Keys in @p skip are helpers for us, never sent. */
void mergeExtraBody(QJsonObject &body, const QVariantMap &extra, const QStringList &skip = {});

QByteArray toJson(const QJsonObject &object);

/** Classifies an error from the HTTP status (0 when it came inside a 2xx
 *  stream) and the provider's error type, code and message. */
ApiError classify(int httpStatus, const QString &type, const QString &code, const QString &message);

/** An error body in any of the shapes seen in the wild: OpenAI's
 *  {"error":{message,type,code}}, Anthropic's {"type":"error","error":{type,message}},
 *  Ollama's {"error":"text"}, vLLM's {"object":"error",...}, FastAPI's {"detail":...}.
 *  Returns false when @p object holds no error. */
bool errorFields(const QJsonObject &object, QString *message, QString *type, QString *code);

/** parseError() of both formats: body + status + `x-should-retry`. */
ApiError httpError(int httpStatus, const QByteArray &body, const HttpHeaders &headers);

/** "HTTP 503 Service Unavailable": the message when the body says nothing. */
QString statusLine(int httpStatus);

/** Ids from OpenAI/Anthropic {data:[{id}]} or Ollama {models:[{name}]}. */
QStringList modelIds(const QByteArray &body);

} // namespace Madf::Wire
