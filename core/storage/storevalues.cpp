#include "core/storage/storevalues.h"

#include "core/model/jsonwriter.h"
#include "core/storage/sqliteconnection.h"

#include <QJsonDocument>

namespace Madf::StoreValues {

qint64 toMs(const QDateTime &dateTime)
{
    return (dateTime.isValid() ? dateTime : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch();
}

QDateTime fromMs(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant jsonText(const QJsonObject &object)
{
    JsonWriter out;
    out.json(object);
    return jsonText(out.take());
}

QVariant jsonText(QByteArray text)
{
    return QVariant::fromValue(Utf8Text{std::move(text)});
}

QJsonObject jsonObject(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QVariant text(const QString &text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

QVariant longText(const QString &text)
{
    return QVariant::fromValue(Utf8Text{text.toUtf8()});
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QVariant realOrNull(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

std::optional<double> optionalReal(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

} // namespace Madf::StoreValues
