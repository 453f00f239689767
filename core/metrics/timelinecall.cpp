#include "core/metrics/timelinecall.h"

#include "core/orchestration/engineevents.h"
#include "core/orchestration/workflow.h"
#include "core/storage/storerecords.h"

namespace Madf {

qint64 TimelineCall::queuedPartMs() const
{
    return qBound<qint64>(0, queuedMs, qMax<qint64>(0, totalMs));
}

qint64 TimelineCall::retriedPartMs() const
{
    const qint64 attemptsMs = qMax<qint64>(0, totalMs - queuedPartMs());
    if (attempts <= 1 || attemptsMs == 0)
        return 0;
    qint64 lastMs = attemptsMs / attempts;
    if (firstTokenMs >= 0)
        lastMs = qMax(lastMs, firstTokenMs);
    return attemptsMs - qMin(lastMs, attemptsMs);
}

qint64 TimelineCall::runningPartMs() const
{
    return qMax<qint64>(0, totalMs - queuedPartMs() - retriedPartMs());
}

bool TimelineCall::rateLimited() const
{
    return errorKind == toString(LlmErrorKind::RateLimited);
}

TimelineCall TimelineCall::fromEvent(const CallRecordEvent &event)
{
    TimelineCall c;
    c.stepKey = event.stepKey;
    c.stage = event.stage.isEmpty() ? recordStageForStepKey(event.stepKey) : event.stage;
    c.agent = event.agent;
    c.provider = event.provider;
    c.model = event.model;
    c.startMs = event.startedAtMs;
    c.queuedMs = event.queuedMs;
    c.totalMs = event.totalMs;
    c.firstTokenMs = event.firstTokenMs;
    c.attempts = qMax(1, event.attempts);
    c.ok = event.ok;
    c.fromCache = event.fromCache;
    c.errorKind = event.ok ? QString() : toString(event.errorKind);
    c.promptTokens = event.usage.promptTokens;
    c.completionTokens = event.usage.completionTokens;
    c.costUsd = event.costUsd;
    return c;
}

TimelineCall TimelineCall::fromRecord(const CallRecord &record)
{
    TimelineCall c;
    c.stepKey = record.stepKey;
    c.stage = recordStageForStepKey(record.stepKey);
    c.agent = record.agent;
    c.provider = record.provider;
    c.model = record.model;
    c.totalMs = record.latencyMs;
    c.startMs = record.createdAt.toMSecsSinceEpoch() - record.latencyMs;
    c.queuedMs = record.queuedMs;
    c.firstTokenMs = record.ttftMs;
    c.attempts = qMax(1, record.attempts);
    c.ok = record.errorKind.isEmpty();
    c.fromCache = record.fromCache;
    c.errorKind = record.errorKind;
    c.promptTokens = record.usage.promptTokens;
    c.completionTokens = record.usage.completionTokens;
    // A cache hit stores what the original call cost (the saving); this one cost nothing.
    c.costUsd = record.fromCache ? std::optional<double>(0.0) : record.costUsd;
    return c;
}

QString recordStageForStepKey(const QString &stepKey)
{
    const QStringList parts = stepKey.split(QLatin1Char('/'));
    const QString head = parts.value(0);
    if (head == QLatin1String("research"))
        return QStringLiteral("research");
    if (head == QLatin1String("outline"))
        return QStringLiteral("outline");
    if (head == QLatin1String("section") || head == QLatin1String("executive_summary"))
        return QStringLiteral("writing");
    if (head == QLatin1String("edit"))
        return QStringLiteral("editing");
    if (head == QLatin1String("verify"))
        return QStringLiteral("verification");
    if (head == QLatin1String("revision"))
        return parts.value(2) == QLatin1String("verify") ? QStringLiteral("verification")
                                                         : QStringLiteral("revision");
    return QStringLiteral("other");
}

std::optional<StageKind> stageKindForStepKey(const QString &stepKey)
{
    const QString head = stepKey.section(QLatin1Char('/'), 0, 0);
    if (head == QLatin1String("research"))
        return StageKind::Research;
    if (head == QLatin1String("outline"))
        return StageKind::Outline;
    if (head == QLatin1String("section"))
        return StageKind::Write;
    if (head == QLatin1String("executive_summary"))
        return StageKind::ExecutiveSummary;
    if (head == QLatin1String("edit"))
        return StageKind::Edit;
    if (head == QLatin1String("verify") || head == QLatin1String("revision"))
        return StageKind::Verify;
    return std::nullopt;
}

} // namespace Madf
