#pragma once

// Internal to core/model: the conversions every model type shares, so that
// they all write timestamps, optional strings and maps the same way.

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QVariantMap>

namespace Madf::JsonHelpers {

/** ISO 8601 in UTC with milliseconds ("2024-05-01T10:00:00.123Z"); null when invalid. */
QJsonValue dateTimeToJson(const QDateTime &dateTime);
/** Reads dateTimeToJson()'s form; a time without an offset (as Python's
 *  naive datetimes write it) is taken as UTC. */
QDateTime dateTimeFromJson(const QJsonValue &value);

/** Null for an empty string, so that "not set" reads as the framework's None. */
QJsonValue stringOrNull(const QString &text);

QJsonArray stringListToJson(const QStringList &list);
/** An array of strings; a lone string counts as a list of one. */
QStringList stringListFromJson(const QJsonValue &value);

/** Equal as they would be stored: a QStringList and the QVariantList it
 *  becomes after a JSON round trip compare equal. */
bool sameJsonMap(const QVariantMap &a, const QVariantMap &b);

} // namespace Madf::JsonHelpers
