#pragma once

#include "stagerunner.h"

#include "core/agents/verificationagent.h"
#include "core/agents/writingagent.h"
#include "core/quality/qualityreport.h"

namespace Madf {

/** Verification and the quality loop. Each round runs the accuracy,
 *  completeness and quality checks in parallel ("verify/<check>", then
 *  "revision/<r>/verify/<check>"), merges them into a ModelRubric and has
 *  QualityAssessor score the document. Below `quality_threshold` (or, when
 *  the workflow requires citations, with no section citing a source) the
 *  findings go back to the writing agent, which rewrites the sections they
 *  concern ("revision/<r>/section/<n>"), and the document is verified again,
 *  up to `retry_attempts` rounds. The best version is kept; every round's
 *  score is recorded. A document that never reaches the threshold completes
 *  with metadata threshold_met = false. */
class VerificationStage : public StageRunner
{
    Q_OBJECT
public:
    VerificationStage(DocumentRun *run, const WorkflowStage &stage);
    void start() override;

    /** The notes for each section to revise (index -> notes), from a report's
     *  findings: those naming a section go to it, the others to every section. */
    static QMap<int, QStringList> revisionNotes(const DocumentContext &ctx, const QualityReport &report,
                                                const QStringList &extraNotes);

private:
    struct Version
    {
        int round = 0;
        QList<DocumentSection> sections;
        QString executiveSummary;
        QualityReport report;
    };

    void verify(int round);
    void assess(int round, const ModelRubric &rubric);
    void revise(int round, const QualityReport &report, const QStringList &extraNotes);
    void conclude(bool thresholdMet);
    QString stepPrefix(int round) const;

    VerificationAgent m_agent;
    QString m_writerName;
    WritingAgent m_writer;
    std::optional<Version> m_best;
};

} // namespace Madf
