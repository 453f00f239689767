#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Madf {

struct CallRecord;
struct CallRecordEvent;
enum class StageKind;

/** One model call as the stage timeline draws and measures it, made from a
 *  live CallRecordEvent or from a CallRecord read back from the store.
 *
 *  A call's bar is split in three, in this order:
 *  - queued: waiting for an agent, a slot under max_concurrent_tasks, a rate
 *    limit, and the back-off between attempts (the engine reports them as
 *    one figure, so back-off cannot be told apart from a wait for a slot);
 *  - retried: the attempts before the last. The engine reports only the
 *    attempts' total, so each attempt is taken to have lasted as long as the
 *    others, except that the last one lasted at least until its first token
 *    (firstTokenMs is measured from the start of the last attempt);
 *  - running: the last attempt (the one whose reply was used or whose error
 *    ended the call). */
struct TimelineCall
{
    QString stepKey;       ///< "research/q2", "section/3/draft", "revision/1/section/2"
    QString stage;         ///< research, outline, writing, editing, verification, revision
    QString agent;
    QString provider;
    QString model;
    qint64 startMs = 0;    ///< ms since the epoch when the step asked for an agent
    qint64 queuedMs = 0;
    qint64 totalMs = 0;    ///< from startMs to the end of the call
    qint64 firstTokenMs = -1;
    int attempts = 1;
    bool ok = true;
    bool fromCache = false;
    QString errorKind;     ///< LlmErrorKind's name ("rate_limited"); empty when it succeeded
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    std::optional<double> costUsd;   ///< nullopt: the price is unknown

    qint64 endMs() const { return startMs + totalMs; }
    /** The queued part, never longer than the call. */
    qint64 queuedPartMs() const;
    /** The attempts before the last (0 with one attempt). */
    qint64 retriedPartMs() const;
    /** The last attempt. queued + retried + running = totalMs. */
    qint64 runningPartMs() const;
    bool rateLimited() const;

    static TimelineCall fromEvent(const CallRecordEvent &event);
    /** A stored call has no start time and no stage: the start is its
     *  creation time (taken when the call ended) minus its latency, and the
     *  stage follows from the step key. */
    static TimelineCall fromRecord(const CallRecord &record);
};

/** The stage name the engine records for a step key:
 *  research/… → research, outline → outline, section/… and
 *  executive_summary → writing, edit/… → editing, verify/… and
 *  revision/N/verify/… → verification, revision/N/section/… → revision;
 *  "other" for a key none of these match. */
QString recordStageForStepKey(const QString &stepKey);

/** The workflow stage kind that issues a step key (revisions belong to the
 *  verify stage's quality loop); nullopt for an unknown key. */
std::optional<StageKind> stageKindForStepKey(const QString &stepKey);

} // namespace Madf
