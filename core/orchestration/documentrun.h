#pragma once

#include "engineevents.h"
#include "stepcall.h"
#include "workflow.h"

#include "core/agents/documentcontext.h"
#include "core/config/config.h"
#include "core/model/document.h"
#include "core/quality/qualityreport.h"
#include "core/storage/storerecords.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

namespace Madf {

struct EngineServices;
class StageRunner;
class StoreWriter;

/** Why a document failed, as its metadata "failure_kind" says. */
enum class FailureKind { Agent, Budget, Timeout, InvalidRequest, Workflow };
QString toString(FailureKind kind);

/** One document's life as a state machine driven by events: PENDING →
 *  RESEARCHING → OUTLINING → WRITING → EDITING → VERIFYING → (REVISING →
 *  VERIFYING)* → COMPLETE | FAILED | CANCELLED.
 *
 *  The workflow's stages start as soon as the stages they depend on are done
 *  (or skipped); each stage issues its model calls as StepCalls, all at once
 *  when the stage is parallel (and `enable_parallel` is on), one at a time
 *  otherwise. Every finished step is saved (DocumentStore::saveStep, by its
 *  step key) as it completes; a resumed run is given the steps saved before
 *  and replays them instead of calling the model again.
 *
 *  A required step that fails (after its one repair request) fails the
 *  document; an optional stage that fails is skipped with a note. The budget,
 *  the document timeout and cancel() stop the document at once, keeping its
 *  partial work (in document() and in the store). */
class DocumentRun : public QObject
{
    Q_OBJECT
public:
    DocumentRun(EngineServices *services, Config config, Workflow workflow, DocumentRequest request,
                QString documentId, QString batchId, QObject *parent = nullptr);
    ~DocumentRun() override;

    /** Steps completed by an earlier run of this document (resume). */
    void setCompletedSteps(const QList<StepRecord> &steps);
    /** The document as stored before (resume): keeps its creation time, and
     *  counts what its calls cost (`spent`) and how long it ran
     *  (`earlierMs`) before the interruption in its cost and latency. */
    void setStoredDocument(const Document &document, const CallTotals &spent = {}, qint64 earlierMs = 0);
    /** The run's config as YAML (without secrets), when the caller has it
     *  already: it is saved with the document. Made here otherwise. */
    void setConfigText(const QString &yaml) { m_configText = yaml; }

    void start();
    /** Stops at once: calls aborted, status CANCELLED, partial work kept. */
    void cancel();
    /** The engine is shutting down: calls are aborted but the stored status
     *  stays as it is, so resumeInterrupted() continues the document later. */
    void abandon();

    QString id() const { return m_doc.id; }
    QString batchId() const { return m_batchId; }
    DocumentStatus status() const { return m_doc.status; }
    bool isFinished() const { return isTerminal(m_doc.status); }
    /** The document as it stands: the sections written so far. */
    const Document &document() const { return m_doc; }
    /** Steps replayed from the store instead of being called (resume). */
    int replayedSteps() const { return m_replayed; }

    // For the stage runners ------------------------------------------------
    DocumentContext &context() { return m_ctx; }
    const Config &config() const { return m_config; }
    const Workflow &workflow() const { return m_workflow; }
    EngineServices *services() const { return m_services; }

    /** Runs one step for `stage`; `done` is called only when it succeeded
     *  (failures are handled here: skip the stage or fail the document). */
    void issue(StageRunner *stage, StepSpec spec, std::function<void(const StepOutcome &)> done);
    void setStatus(DocumentStatus status, const QString &stage);
    /** A section's text changed (outline order index). */
    void sectionChanged(int index);
    void outlineReady();
    void addPlannedSteps(int steps);
    void stageFinished(StageRunner *stage);
    /** A verification round's verdict: stored, reported, added to "rounds". */
    void recordRound(int round, const QualityReport &report);
    void setMetadata(const QString &key, const QVariant &value);
    /** A remark for the user, kept in the metadata "notes" list. */
    void addNote(const QString &note);
    /** The verified quality the document is delivered with. */
    void setQuality(const QualityReport &report);
    /** Fails the document from a stage (a problem no step reported). */
    void failFromStage(FailureKind kind, const QString &reason);

    /** The document as it would be delivered now (assembled from the context). */
    Document draftDocument() const;

Q_SIGNALS:
    void taskAssigned(const QString &documentId, const QString &stepKey, const QString &agent);
    /** A step gave its agent back to the pool. */
    void agentReleased(const QString &agent);
    void taskCompleted(const QString &documentId, const QString &stepKey, const QString &agent);
    void taskFailed(const QString &documentId, const QString &stepKey, const QString &agent, const QString &error);
    void stageCompleted(const QString &documentId, const QString &stage);
    void qualityReported(const QString &documentId, const Madf::QualityReport &report);
    void errorOccurred(const QString &documentId, const QString &message);
    void textStreamed(const QString &documentId, const QString &stepKey, const QString &delta);
    void sectionUpdated(const QString &documentId, int sectionIndex, const Madf::DocumentSection &section);
    void callRecorded(const Madf::CallRecordEvent &call);
    void progressChanged(const Madf::DocumentProgress &progress);
    void finished(const Madf::Document &document);

private:
    enum class StageState { Waiting, Running, Done, Skipped };
    struct Pending
    {
        QString stage;
        StepSpec spec;
        std::function<void(const StepOutcome &)> done;
    };
    struct Active
    {
        QString stage;
        std::function<void(const StepOutcome &)> done;
        QString agent;      // set once the step holds an agent of the pool
    };

    void onReferencesLoaded(const QList<SourceDoc> &sources);
    void scheduleStages();
    void launch(Pending step);
    bool tryReplay(const Pending &step);
    void onStepFinished(StepCall *call, const StepOutcome &outcome);
    void startWaiting(const QString &stage);
    void forgetActive(const QString &stage);   // one step of `stage` left m_active
    void skipStage(const QString &stage, const QString &reason);
    void stopSteps(const QString &stage = {});
    void complete();
    void fail(FailureKind kind, const QString &reason);
    void end(DocumentStatus status);
    /** Tells the engine the document ended (once it is saved). */
    void announceEnd(qint64 elapsedMs);
    void emitProgress();
    void refresh();
    /** Saves the document (and its row) before this pass's writes are
     *  handed to the store: once, however often it is asked for in the pass. */
    void save();
    /** refresh(), then queue the document's write now. */
    void write();
    /** Queues @p record; with @p outcome (a step that ran), its calls, cache
     *  and repair flags as the record's metadata. */
    void saveStep(StoreWriter *writer, const StepRecord &record, const StepOutcome *outcome = nullptr);
    /** Equal but for status and update time. */
    static bool sameContent(const Document &a, const Document &b);
    bool stageParallel(const QString &stage) const;
    int plannedSteps() const;

    EngineServices *m_services;
    Config m_config;
    Workflow m_workflow;
    QString m_batchId;
    DocumentContext m_ctx;
    Document m_doc;
    QString m_stage;                       // the stage shown as current
    QHash<QString, StageState> m_stages;
    std::map<QString, std::unique_ptr<StageRunner>> m_runners;
    QHash<StepCall *, Active> m_active;
    /** How many of m_active each stage has: asked at each step issued and
     *  ended, instead of walking m_active's buckets each time. */
    QHash<QString, int> m_activeInStage;
    QHash<QString, QList<Pending>> m_waiting;   // steps of serial stages not started yet
    QHash<QString, StepRecord> m_completed;     // from an earlier run
    QHash<QString, QElapsedTimer> m_stageClock;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    int m_stepsDone = 0;
    int m_extraSteps = 0;
    // RunEstimator::plan() for m_plannedFor sections: every call recorded
    // reports progress, and planning again each time was a visible cost.
    mutable int m_plannedFor = -1;
    mutable int m_plannedCalls = 0;
    int m_replayed = 0;
    std::optional<Document> m_written;     // as last written whole to the store
    CallTotals m_spentBefore;              // by the runs this one resumes
    qint64 m_earlierMs = 0;
    bool m_started = false;
    bool m_abandoned = false;
    bool m_configSaved = false;
    QString m_configText;
    std::optional<double> m_quality;
};

} // namespace Madf
