#include "core/model/taskresult.h"

#include "core/model/jsonhelpers.h"

namespace Madf {

QJsonObject TaskResult::toJson() const
{
    return QJsonObject {
        {QStringLiteral("task_id"), taskId},
        {QStringLiteral("success"), success},
        {QStringLiteral("data"), QJsonObject::fromVariantMap(data)},
        {QStringLiteral("error"), JsonHelpers::stringOrNull(error)},
        {QStringLiteral("execution_time"), executionTime},
        {QStringLiteral("metadata"), QJsonObject::fromVariantMap(metadata)},
    };
}

TaskResult TaskResult::fromJson(const QJsonObject &json)
{
    TaskResult result;
    result.taskId = json.value(QStringLiteral("task_id")).toString();
    result.success = json.value(QStringLiteral("success")).toBool();
    result.data = json.value(QStringLiteral("data")).toObject().toVariantMap();
    result.error = json.value(QStringLiteral("error")).toString();
    result.executionTime = json.value(QStringLiteral("execution_time")).toDouble();
    result.metadata = json.value(QStringLiteral("metadata")).toObject().toVariantMap();
    return result;
}

bool TaskResult::operator==(const TaskResult &other) const
{
    return taskId == other.taskId && success == other.success && JsonHelpers::sameJsonMap(data, other.data)
        && error == other.error && executionTime == other.executionTime
        && JsonHelpers::sameJsonMap(metadata, other.metadata);
}

} // namespace Madf
