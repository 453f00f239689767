#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>
#include <QVariantMap>

namespace Madf {

/** A unit of work handed to an agent ("research", "write_section", ...). */
struct Task
{
    QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString type;
    QVariantMap data;
    int priority = 0;  ///< higher runs first
    QDateTime createdAt = QDateTime::currentDateTimeUtc();
    QString assignedTo;  ///< agent name; empty while unassigned

    /** Keys: id, type, data, priority, created_at, assigned_to (null when empty). */
    QJsonObject toJson() const;
    static Task fromJson(const QJsonObject &json);

    bool operator==(const Task &other) const;
};

} // namespace Madf
