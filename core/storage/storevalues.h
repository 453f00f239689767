#pragma once

// Internal to the SQLite stores: how values are written to and read from
// columns, so every table stores times, JSON and "not set" the same way.

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVariant>

#include <optional>

namespace Madf::StoreValues {

/** Milliseconds since the epoch (UTC): sorts and compares as a number. An
 *  invalid time is stored as now. */
qint64 toMs(const QDateTime &dateTime);
/** A UTC QDateTime; an invalid one for NULL. */
QDateTime fromMs(const QVariant &value);

/** Compact JSON text, for run(): UTF-8 (Utf8Text), written by JsonWriter. */
QVariant jsonText(const QJsonObject &object);
/** JSON text made already (Document::toJsonText()), for run(). */
QVariant jsonText(QByteArray text);
/** The object in @p value; an empty one for NULL or text that is not an object. */
QJsonObject jsonObject(const QVariant &value);

/** Never NULL: Qt binds a null QString as SQL NULL, which a NOT NULL
 *  column refuses, so a null string goes in as ''. */
QVariant text(const QString &text);
/** The same for a long text (a model's output): bound as UTF-8 (Utf8Text). */
QVariant longText(const QString &text);
/** NULL for an empty string. */
QVariant textOrNull(const QString &text);
/** NULL for nullopt. */
QVariant realOrNull(const std::optional<double> &value);
std::optional<double> optionalReal(const QVariant &value);

} // namespace Madf::StoreValues
