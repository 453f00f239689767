#pragma once

#include <QJsonObject>
#include <QString>
#include <QVariantMap>

namespace Madf {

/** What an agent reports back for one Task. */
struct TaskResult
{
    QString taskId;
    bool success = false;
    QVariantMap data;
    QString error;             ///< for people; empty on success
    double executionTime = 0;  ///< seconds
    QVariantMap metadata;

    /** Keys: task_id, success, data, error (null when empty), execution_time, metadata. */
    QJsonObject toJson() const;
    static TaskResult fromJson(const QJsonObject &json);

    bool operator==(const TaskResult &other) const;
};

} // namespace Madf
