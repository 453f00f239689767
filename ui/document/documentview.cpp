#include "documentview.h"

#include "documentexporter.h"
#include "qualityview.h"
#include "stagestrip.h"

#include "core/model/markdownrenderer.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace Madf::Ui {

DocumentView::DocumentView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);

    auto *bar = new QHBoxLayout;
    m_status = new QLabel(tr("No document"), this);
    m_status->setAccessibleName(tr("Document status"));
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(200);
    m_progress->setAccessibleName(tr("Progress"));
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setToolTip(tr("Copy the document as Markdown"));
    m_export = new QPushButton(tr("E&xport…"), this);
    m_export->setToolTip(tr("Export as Markdown, HTML, PDF or ODT"));
    m_cancel = new QPushButton(tr("Ca&ncel"), this);
    m_cancel->setToolTip(tr("Stop this document; the work done so far is kept"));
    bar->addWidget(m_status, 1);
    bar->addWidget(m_progress);
    bar->addWidget(m_copy);
    bar->addWidget(m_export);
    bar->addWidget(m_cancel);
    layout->addLayout(bar);

    m_stages = new StageStrip(this);
    layout->addWidget(m_stages);

    m_tabs = new QTabWidget(this);
    m_live = new QPlainTextEdit(this);
    m_live->setReadOnly(true);
    m_live->setAccessibleName(tr("Text being written"));
    m_rendered = new QTextBrowser(this);
    m_rendered->setOpenExternalLinks(true);
    m_rendered->setAccessibleName(tr("Rendered document"));
    m_source = new QPlainTextEdit(this);
    m_source->setReadOnly(true);
    m_source->setAccessibleName(tr("Markdown source"));
    m_quality = new QualityView(this);
    m_tabs->addTab(m_live, tr("Live"));
    m_tabs->addTab(m_rendered, tr("Document"));
    m_tabs->addTab(m_source, tr("Markdown"));
    m_tabs->addTab(m_quality, tr("Quality"));
    layout->addWidget(m_tabs, 1);

    // Streaming deltas arrive many times a second; the rendered view is
    // rebuilt at most a few times a second.
    m_renderTimer = new QTimer(this);
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(250);
    connect(m_renderTimer, &QTimer::timeout, this, &DocumentView::render);
    // Streamed text is shown ten times a second, not once per token: a
    // repaint per delta is what made the window stutter with many documents.
    m_liveTimer = new QTimer(this);
    m_liveTimer->setSingleShot(true);
    m_liveTimer->setInterval(100);
    connect(m_liveTimer, &QTimer::timeout, this, &DocumentView::flushLive);

    connect(m_copy, &QPushButton::clicked, this, &DocumentView::copyToClipboard);
    connect(m_export, &QPushButton::clicked, this, &DocumentView::chooseExportFile);
    connect(m_cancel, &QPushButton::clicked, this, [this] { Q_EMIT cancelRequested(m_document.id); });
    m_cancel->setEnabled(false);
    m_copy->setEnabled(false);
    m_export->setEnabled(false);
}

void DocumentView::showDocument(const Document &document, double threshold)
{
    m_document = document;
    m_stages->reset();
    m_live->clear();
    m_pendingLive.clear();
    m_liveEnds.clear();
    m_lastLiveStep.clear();
    m_quality->clear();
    m_quality->setThreshold(threshold);
    const bool running = !isTerminal(document.status);
    m_cancel->setEnabled(running);
    m_copy->setEnabled(true);
    m_export->setEnabled(true);
    m_progress->setVisible(running);
    m_status->setText(tr("%1 — %2").arg(document.title.isEmpty() ? document.request.topic : document.title,
                                        documentStatusLabel(document.status)));
    if (isTerminal(document.status)) {
        for (const QString &s : StageStrip::stages())
            m_stages->setState(s, document.status == DocumentStatus::Complete ? StageStrip::Done : StageStrip::Skipped);
        m_tabs->setCurrentWidget(m_rendered);
    } else {
        m_tabs->setCurrentWidget(m_live);
    }
    render();
}

QString DocumentView::stageOfStep(const QString &stepKey)
{
    // Step keys start with their stage: "research/q2", "section/3/draft", ...
    const QString head = stepKey.section(QLatin1Char('/'), 0, 0);
    if (head == QLatin1String("section") || head == QLatin1String("write") || head == QLatin1String("summary"))
        return QStringLiteral("writing");
    if (head == QLatin1String("edit"))
        return QStringLiteral("editing");
    if (head == QLatin1String("verify"))
        return QStringLiteral("verification");
    return head;
}

void DocumentView::onProgress(const DocumentProgress &p)
{
    m_progress->setMaximum(qMax(1, p.stepsTotal));
    m_progress->setValue(p.stepsDone);
    QString cost = QStringLiteral("$%1").arg(p.costUsd, 0, 'f', 4);
    if (p.costIsLowerBound)
        cost = tr("at least %1").arg(cost);
    QString text = tr("%1 — %2 · %n tokens · %3", nullptr, int(p.tokens))
                       .arg(m_document.request.topic, documentStatusLabel(p.status), cost);
    if (p.quality)
        text += tr(" · quality %1").arg(*p.quality, 0, 'f', 2);
    if (p.revisionRound > 0)
        text += tr(" · revision %1").arg(p.revisionRound);
    m_status->setText(text);
    if (!p.stage.isEmpty())
        m_stages->setState(stripStage(p.stage), StageStrip::Working);
}

void DocumentView::onStageCompleted(const QString &stage)
{
    m_stages->setState(stripStage(stage), StageStrip::Done);
}

QString DocumentView::stripStage(const QString &stage)
{
    // The engine names stages by workflow kind; the strip by activity.
    static const QHash<QString, QString> names = {
        {QStringLiteral("write"), QStringLiteral("writing")},
        {QStringLiteral("executive_summary"), QStringLiteral("writing")},
        {QStringLiteral("edit"), QStringLiteral("editing")},
        {QStringLiteral("verify"), QStringLiteral("verification")},
        {QStringLiteral("revise"), QStringLiteral("revision")},
        {QStringLiteral("revising"), QStringLiteral("revision")},
    };
    return names.value(stage, stage);
}

void DocumentView::onTaskFailed(const QString &stepKey, const QString &error)
{
    m_stages->setState(stageOfStep(stepKey), StageStrip::Failed, error.left(80));
}

void DocumentView::onTextStreamed(const QString &stepKey, const QString &delta)
{
    m_pendingLive.append({stepKey, delta});
    if (!m_liveTimer->isActive())
        m_liveTimer->start();
}

void DocumentView::flushLive()
{
    m_liveTimer->stop();
    if (m_pendingLive.isEmpty())
        return;
    QScrollBar *sb = m_live->verticalScrollBar();
    const bool atEnd = sb->value() >= sb->maximum() - 4;
    // Steps running in parallel interleave their deltas. Each step gets one
    // section under its heading, and its text grows there: a cursor per step
    // marks where its section ends (the document moves it along as text is
    // inserted before it), so parallel research answers or sections read as
    // whole paragraphs instead of alternating fragments.
    QList<QPair<QString, QString>> bySteps;
    for (const auto &[stepKey, delta] : std::as_const(m_pendingLive)) {
        auto it = std::find_if(bySteps.begin(), bySteps.end(), [&](const auto &p) { return p.first == stepKey; });
        if (it == bySteps.end())
            bySteps.append({stepKey, delta});
        else
            it->second += delta;
    }
    for (const auto &[stepKey, delta] : std::as_const(bySteps)) {
        auto it = m_liveEnds.find(stepKey);
        if (it == m_liveEnds.end()) {
            QTextCursor end(m_live->document());
            end.movePosition(QTextCursor::End);
            // The last section's cursor sits at the end too, and text inserted
            // there would carry it past the new heading: put it back.
            const int lastEnd = m_liveEnds.contains(m_lastLiveStep) ? m_liveEnds[m_lastLiveStep].position() : -1;
            end.insertText(QStringLiteral("%1── %2 ──\n").arg(m_live->document()->isEmpty() ? QString() : QStringLiteral("\n\n"), stepKey));
            if (lastEnd >= 0)
                m_liveEnds[m_lastLiveStep].setPosition(lastEnd);
            it = m_liveEnds.insert(stepKey, end);
            m_lastLiveStep = stepKey;
            m_stages->setState(stageOfStep(stepKey), StageStrip::Working, stepKey.section(QLatin1Char('/'), 1));
        }
        it->insertText(delta);
    }
    m_pendingLive.clear();
    if (atEnd) // follow the text unless the user scrolled up to read
        sb->setValue(sb->maximum());
}

void DocumentView::onSectionUpdated(int index, const DocumentSection &section)
{
    while (m_document.sections.size() <= index)
        m_document.sections.append(DocumentSection{});
    m_document.sections[index] = section;
    scheduleRender();
}

void DocumentView::onQualityReport(const QualityReport &report)
{
    m_quality->addRound(report, m_document.toMarkdown());
}

void DocumentView::onFinished(const Document &document)
{
    m_document = document;
    m_cancel->setEnabled(false);
    m_progress->setVisible(false);
    const bool complete = document.status == DocumentStatus::Complete;
    // Whatever was still marked working is over now.
    for (const QString &s : StageStrip::stages())
        if (m_stages->state(s) == StageStrip::Working)
            m_stages->setState(s, complete ? StageStrip::Done : StageStrip::Failed);
    m_stages->setState(QStringLiteral("finalize"), complete ? StageStrip::Done : StageStrip::Failed);
    QString text = tr("%1 — %2").arg(document.title, documentStatusLabel(document.status));
    if (document.qualityScore)
        text += tr(" · quality %1").arg(*document.qualityScore, 0, 'f', 2);
    if (document.metadata.value(QStringLiteral("threshold_met")).toBool() == false
        && document.status == DocumentStatus::Complete && document.metadata.contains(QStringLiteral("threshold_met")))
        text += tr(" · threshold not met");
    if (!document.failureReason.isEmpty())
        text += QStringLiteral(" · ") + document.failureReason;
    m_status->setText(text);
    render();
    m_tabs->setCurrentWidget(m_rendered);
}

void DocumentView::scheduleRender()
{
    if (!m_renderTimer->isActive())
        m_renderTimer->start();
}

void DocumentView::render()
{
    const QString markdown = m_document.toMarkdown();
    m_source->setPlainText(markdown);
    const int scroll = m_rendered->verticalScrollBar()->value();
    m_rendered->setHtml(m_document.toHtml());
    m_rendered->verticalScrollBar()->setValue(scroll);
}

QString DocumentView::renderedText() const
{
    return m_rendered->toPlainText();
}

QString DocumentView::liveText() const
{
    const_cast<DocumentView *>(this)->flushLive(); // what the user sees within 100 ms
    return m_live->toPlainText();
}

void DocumentView::copyToClipboard()
{
    QApplication::clipboard()->setText(m_document.toMarkdown());
}

void DocumentView::exportTo(const QString &path)
{
    const auto format = DocumentExporter::formatFor(path);
    if (!format) {
        Q_EMIT exported(path, tr("Unknown file type: use .md, .html, .pdf or .odt"));
        return;
    }
    DocumentExporter::exportAsync(m_document, path, *format, this,
                                  [this, path](const QString &error) { Q_EMIT exported(path, error); });
}

void DocumentView::chooseExportFile()
{
    auto *dialog = new QFileDialog(this, tr("Export document"), m_document.title + QStringLiteral(".md"),
                                   DocumentExporter::fileFilter());
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString &filter) {
        const QString suffix = filter.section(QStringLiteral("*."), 1).section(QLatin1Char(')'), 0, 0);
        dialog->setDefaultSuffix(suffix);
    });
    dialog->setDefaultSuffix(QStringLiteral("md"));
    connect(dialog, &QFileDialog::fileSelected, this, &DocumentView::exportTo);
    dialog->open();
}

} // namespace Madf::Ui
