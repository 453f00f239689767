#pragma once

#include "core/metrics/stagetimeline.h"
#include "core/orchestration/engineevents.h"

#include <QWidget>

class QLabel;
class QScrollArea;
class QStackedWidget;

namespace Madf::Ui {

class GanttChart;

/** Where a document's time went: a Gantt chart of its model calls grouped
 *  by stage (queued, retried and running time; the critical path outlined),
 *  with the bottleneck stage named in words and hints on what to change
 *  above it. Follows the document being generated live (calls are appended
 *  as the engine records them) or shows a finished one from the store,
 *  read on the thread pool so the GUI thread never waits on the disk. */
class StageTimelineView : public QWidget
{
    Q_OBJECT
public:
    explicit StageTimelineView(QWidget *parent = nullptr);

    void setDatabasePath(const QString &path);
    /** The settings the hints compare against (max_concurrent_tasks, max_agents). */
    void setContext(const TimelineContext &context);
    void setDependencies(const StageDependencies &dependencies);

    /** Starts afresh for a document being generated: its calls arrive
     *  through onCallRecorded(). @p documentType chooses the workflow whose
     *  stage dependencies the critical path follows (empty: the built-in
     *  order). */
    void followDocument(const QString &documentId, const QString &documentType = {});
    /** Shows a document's stored calls; calls recorded meanwhile are merged. */
    void loadDocument(const QString &documentId, const QString &documentType = {});
    void clear();

    QString documentId() const { return m_documentId; }
    const StageTimeline &timeline() const { return m_timeline; }
    GanttChart *chart() const { return m_chart; }
    QString bottleneckText() const;
    QStringList hintTexts() const;
    bool isShowingEmptyState() const;
    QString emptyText() const;

public Q_SLOTS:
    void onCallRecorded(const Madf::CallRecordEvent &call);

Q_SIGNALS:
    /** The stored calls of @p documentId are shown. */
    void loaded(const QString &documentId, int calls);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onLoaded(const QString &documentId, const QList<TimelineCall> &calls, const QString &error);
    /** The stage dependencies of @p documentType's workflow (reads its file). */
    static StageDependencies dependenciesFor(const QString &documentType);
    void updateAll();
    void updateLegend();
    void showEmpty(const QString &text);

    StageTimeline m_timeline;
    QString m_documentId;
    QString m_dbPath;
    bool m_loading = false;
    QList<TimelineCall> m_arrivedWhileLoading;
    int m_generation = 0;   ///< drops answers to loads that were superseded

    QLabel *m_summary;
    QLabel *m_hints;
    QLabel *m_legend;
    QLabel *m_empty;
    GanttChart *m_chart;
    QScrollArea *m_scroll;
    QStackedWidget *m_stack;
};

} // namespace Madf::Ui
