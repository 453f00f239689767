#include "stagetimelineview.h"

#include "ganttchart.h"

#include "core/orchestration/workflow.h"
#include "core/storage/documentstore.h"

#include <QEvent>
#include <QFutureWatcher>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Madf::Ui {

namespace {
struct LoadedCalls
{
    QList<TimelineCall> calls;
    QString error;
};

// The same call seen live and read back from the store.
bool sameCall(const TimelineCall &a, const TimelineCall &b)
{
    return a.stepKey == b.stepKey && qAbs(a.endMs() - b.endMs()) <= 5;
}
} // namespace

StageTimelineView::StageTimelineView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("stageTimelineView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("timelineSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hints = new QLabel(this);
    m_hints->setObjectName(QStringLiteral("timelineHints"));
    m_hints->setWordWrap(true);
    m_hints->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_legend = new QLabel(this);

    m_chart = new GanttChart(&m_timeline);
    m_scroll = new QScrollArea;
    m_scroll->setWidget(m_chart);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFrameShape(QFrame::StyledPanel);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_summary);
    contentLayout->addWidget(m_hints);
    contentLayout->addWidget(m_legend);
    contentLayout->addWidget(m_scroll, 1);

    m_empty = new QLabel;
    m_empty->setObjectName(QStringLiteral("timelineEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false); // the palette's disabled colour: an empty state, not content
    m_empty->setMargin(16);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(content);
    layout->addWidget(m_stack);
    // The dock may be made small: the chart scrolls, the texts are clipped rather than pushing the window taller.
    setMinimumSize(240, 48);
    m_legend->setWordWrap(true);
    updateLegend();
    clear();
}

void StageTimelineView::setDatabasePath(const QString &path)
{
    m_dbPath = path;
}

void StageTimelineView::setContext(const TimelineContext &context)
{
    m_timeline.setContext(context);
    updateAll();
}

void StageTimelineView::setDependencies(const StageDependencies &dependencies)
{
    m_timeline.setDependencies(dependencies);
    updateAll();
}

void StageTimelineView::clear()
{
    ++m_generation;
    m_documentId.clear();
    m_loading = false;
    m_arrivedWhileLoading.clear();
    m_timeline.clear();
    updateAll();
}

StageDependencies StageTimelineView::dependenciesFor(const QString &documentType)
{
    if (documentType.isEmpty())
        return StageDependencies::linear();
    QStringList errors;
    const std::optional<Workflow> workflow = WorkflowLibrary().forType(documentType, {}, &errors);
    return workflow ? StageDependencies::fromWorkflow(*workflow) : StageDependencies::linear();
}

void StageTimelineView::followDocument(const QString &documentId, const QString &documentType)
{
    clear();
    m_documentId = documentId;
    m_timeline.setDependencies(dependenciesFor(documentType));
    updateAll();
}

void StageTimelineView::loadDocument(const QString &documentId, const QString &documentType)
{
    clear();
    m_documentId = documentId;
    m_timeline.setDependencies(dependenciesFor(documentType));
    if (m_dbPath.isEmpty()) {
        updateAll();
        return;
    }
    m_loading = true;
    const int generation = m_generation;
    showEmpty(tr("Reading the document's calls…"));
    auto *watcher = new QFutureWatcher<LoadedCalls>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, documentId] {
        const LoadedCalls result = watcher->result();
        watcher->deleteLater();
        if (generation == m_generation)
            onLoaded(documentId, result.calls, result.error);
    });
    watcher->setFuture(QtConcurrent::run([db = m_dbPath, documentId] {
        LoadedCalls out;
        DocumentStore store;
        if (!store.open(db, &out.error))
            return out;
        for (const CallRecord &r : store.calls(documentId, &out.error))
            out.calls << TimelineCall::fromRecord(r);
        return out;
    }));
}

void StageTimelineView::onLoaded(const QString &documentId, const QList<TimelineCall> &calls, const QString &error)
{
    m_loading = false;
    QList<TimelineCall> merged = calls;
    for (const TimelineCall &live : std::as_const(m_arrivedWhileLoading))
        if (std::none_of(calls.begin(), calls.end(), [&](const TimelineCall &c) { return sameCall(c, live); }))
            merged << live;
    m_arrivedWhileLoading.clear();
    m_timeline.setCalls(merged);
    updateAll();
    if (!error.isEmpty() && merged.isEmpty())
        showEmpty(tr("The calls could not be read: %1").arg(error));
    Q_EMIT loaded(documentId, int(merged.size()));
}

void StageTimelineView::onCallRecorded(const CallRecordEvent &call)
{
    if (call.documentId.isEmpty() || call.documentId != m_documentId)
        return;
    if (m_loading) {
        m_arrivedWhileLoading << TimelineCall::fromEvent(call);
        return;
    }
    m_timeline.append(TimelineCall::fromEvent(call));
    updateAll();
}

QString StageTimelineView::bottleneckText() const
{
    const std::optional<Bottleneck> b = m_timeline.bottleneck();
    return b ? b->text : QString();
}

QStringList StageTimelineView::hintTexts() const
{
    QStringList texts;
    for (const TimelineHint &h : m_timeline.hints())
        texts << h.text;
    return texts;
}

bool StageTimelineView::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

QString StageTimelineView::emptyText() const
{
    return m_empty->text();
}

void StageTimelineView::showEmpty(const QString &text)
{
    m_empty->setText(text);
    m_stack->setCurrentWidget(m_empty);
}

void StageTimelineView::updateAll()
{
    m_chart->refresh();
    if (m_timeline.isEmpty()) {
        showEmpty(m_documentId.isEmpty()
                      ? tr("Generate a document, or open one from the history, to see where its time went: one bar "
                           "per model call, grouped by stage, with the critical path and the bottleneck named.")
                      : tr("No model calls recorded for this document yet."));
        return;
    }
    m_stack->setCurrentIndex(1);
    const CriticalPath &path = m_timeline.criticalPath();
    const std::optional<Bottleneck> b = m_timeline.bottleneck();
    const QString facts = tr("Calls: %1 · wall time %2 · %3 calls on the critical path · at most %4 in flight at once")
                              .arg(m_timeline.calls().size())
                              .arg(StageTimeline::formatDuration(path.wallMs()))
                              .arg(path.calls.size())
                              .arg(m_timeline.peakInFlight());
    m_summary->setText(QStringLiteral("<b>%1</b><br>%2").arg((b ? b->text : QString()).toHtmlEscaped(),
                                                            facts.toHtmlEscaped()));
    QStringList items;
    for (const QString &h : hintTexts())
        items << QStringLiteral("<li>%1</li>").arg(h.toHtmlEscaped());
    m_hints->setText(items.isEmpty() ? QString()
                                     : QStringLiteral("<ul style=\"margin-left:-20px\">%1</ul>").arg(items.join(QString())));
    m_hints->setVisible(!items.isEmpty());
}

void StageTimelineView::updateLegend()
{
    const GanttChart::Colors c = GanttChart::colorsFor(palette());
    auto swatch = [](const QColor &color, const QString &label) {
        return QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
            .arg(color.name(), label.toHtmlEscaped());
    };
    m_legend->setText(QStringList{swatch(c.queued, tr("queued")), swatch(c.retried, tr("retried attempts")),
                                  swatch(c.running, tr("running")), swatch(c.failed, tr("failed")),
                                  QStringLiteral("<span style=\"color:%1\">&#9633;</span>&nbsp;%2")
                                      .arg(c.path.name(), tr("critical path").toHtmlEscaped())}
                          .join(QStringLiteral(" &nbsp;&nbsp; ")));
}

void StageTimelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateLegend();
    QWidget::changeEvent(event);
}

} // namespace Madf::Ui
