#include "core/model/task.h"

#include "core/model/jsonhelpers.h"

namespace Madf {

QJsonObject Task::toJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("type"), type},
        {QStringLiteral("data"), QJsonObject::fromVariantMap(data)},
        {QStringLiteral("priority"), priority},
        {QStringLiteral("created_at"), JsonHelpers::dateTimeToJson(createdAt)},
        {QStringLiteral("assigned_to"), JsonHelpers::stringOrNull(assignedTo)},
    };
}

Task Task::fromJson(const QJsonObject &json)
{
    Task task;
    task.id = json.value(QStringLiteral("id")).toString();
    task.type = json.value(QStringLiteral("type")).toString();
    task.data = json.value(QStringLiteral("data")).toObject().toVariantMap();
    task.priority = json.value(QStringLiteral("priority")).toInt();
    task.createdAt = JsonHelpers::dateTimeFromJson(json.value(QStringLiteral("created_at")));
    task.assignedTo = json.value(QStringLiteral("assigned_to")).toString();
    return task;
}

bool Task::operator==(const Task &other) const
{
    return id == other.id && type == other.type && JsonHelpers::sameJsonMap(data, other.data)
        && priority == other.priority && createdAt == other.createdAt && assignedTo == other.assignedTo;
}

} // namespace Madf
