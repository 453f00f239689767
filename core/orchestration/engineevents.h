#pragma once

#include "core/llm/llmtypes.h"
#include "core/model/documentstatus.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Madf {

/** One agent call as the timeline and the dashboard see it. */
struct CallRecordEvent
{
    QString documentId;
    QString stepKey;          ///< "research/q2", "section/3/draft", "verify/accuracy", "revision/1/section/2"
    QString stage;            ///< research, outline, writing, editing, verification, revision, finalize
    QString agent;
    QString provider;
    QString model;
    qint64 startedAtMs = 0;   ///< ms since epoch when the step asked for an agent
    qint64 queuedMs = 0;      ///< waiting for an agent, a concurrency slot or a rate limit, plus back-off
    qint64 firstTokenMs = -1;
    qint64 totalMs = 0;
    int attempts = 0;
    bool ok = false;
    bool fromCache = false;
    bool simulated = false;
    LlmErrorKind errorKind = LlmErrorKind::None;
    TokenUsage usage;
    std::optional<double> costUsd;   ///< unknown price = nullopt, never 0
};

/** A document's progress, for progress bars and the stage strip. */
struct DocumentProgress
{
    QString documentId;
    DocumentStatus status = DocumentStatus::Pending;
    QString stage;            ///< current stage name
    int stepsDone = 0;
    int stepsTotal = 0;       ///< estimate; grows when revisions are added
    qint64 tokens = 0;
    double costUsd = 0;
    bool costIsLowerBound = false;
    std::optional<double> quality;
    int revisionRound = 0;
};

} // namespace Madf

Q_DECLARE_METATYPE(Madf::CallRecordEvent)
Q_DECLARE_METATYPE(Madf::DocumentProgress)
