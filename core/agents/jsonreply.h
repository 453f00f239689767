#pragma once

#include "core/agents/parseoutcome.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace Madf {

/** Reading the structured (JSON) replies of models, which wrap their JSON in
 *  reasoning blocks, code fences or prose. Nothing here invents a value: a
 *  reply that does not hold what was asked for gives an error that says
 *  precisely what is wrong, so that a repair request can show it to the model. */

/** `reply` without its reasoning: `<think>…</think>` (and `<thinking>`)
 *  blocks, a closing tag whose opening tag was left out (everything before it
 *  is reasoning) and an opening tag never closed (everything after it). */
QString stripThinking(const QString &reply);

/** The JSON value in `reply`: the whole reply, else the first ```json (or
 *  bare ```) fence that parses, else the first balanced {…} in the prose
 *  (strings and escapes respected), else the first balanced […]. Trailing
 *  commas and other invalid JSON are reported, not repaired. On failure,
 *  `error` says where and what ("trailing comma before '}' at line 3,
 *  column 5"). */
std::optional<QJsonValue> extractJson(const QString &reply, QString *error);

/** extractJson() that also requires an object. Failures are repairable. */
ParseOutcome<QJsonObject> extractJsonObject(const QString &reply);

/** `key` of `object` as a score: a JSON number within 0..1. A missing key,
 *  a string or a value outside the range is an error, never a default. */
std::optional<double> readScore(const QJsonObject &object, const QString &key, QString *error);

/** `key` as a list of strings: each entry trimmed, empty ones dropped. A
 *  missing key or a non-array is an error unless `optional` (then empty);
 *  non-string entries are an error. */
std::optional<QStringList> readStringList(const QJsonObject &object, const QString &key, QString *error,
                                          bool optional = false);

/** `value` as compact JSON text (objects and arrays; scalars as JSON literals). */
QString compactJson(const QJsonValue &value);

} // namespace Madf
