#include "core/model/jsonhelpers.h"

#include <QTimeZone>

namespace Madf::JsonHelpers {

QJsonValue dateTimeToJson(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return QJsonValue::Null;
    return dateTime.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime dateTimeFromJson(const QJsonValue &value)
{
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return {};
    QDateTime dateTime = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dateTime.isValid())
        return {};
    if (dateTime.timeSpec() == Qt::LocalTime)
        dateTime = QDateTime(dateTime.date(), dateTime.time(), QTimeZone::utc());
    return dateTime.toUTC();
}

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonArray stringListToJson(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList stringListFromJson(const QJsonValue &value)
{
    if (value.isString())
        return {value.toString()};
    QStringList list;
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const QJsonValue &item : array)
        list.append(item.isString() ? item.toString() : item.toVariant().toString());
    return list;
}

bool sameJsonMap(const QVariantMap &a, const QVariantMap &b)
{
    if (a == b)
        return true;
    return QJsonObject::fromVariantMap(a) == QJsonObject::fromVariantMap(b);
}

} // namespace Madf::JsonHelpers
