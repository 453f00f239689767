#include "qualityview.h"

#include "core/model/textdiff.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Madf::Ui {

namespace {
const char *const kDimensions[] = {QT_TRANSLATE_NOOP("Madf::Ui::QualityView", "Structural (20%)"),
                                   QT_TRANSLATE_NOOP("Madf::Ui::QualityView", "Content (30%)"),
                                   QT_TRANSLATE_NOOP("Madf::Ui::QualityView", "Accuracy (30%)"),
                                   QT_TRANSLATE_NOOP("Madf::Ui::QualityView", "Completeness (20%)")};
}

QualityView::QualityView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    layout->addWidget(m_summary);

    auto *bars = new QFormLayout;
    for (int i = 0; i < 4; ++i) {
        m_bars[i] = new QProgressBar(this);
        m_bars[i]->setRange(0, 100);
        m_bars[i]->setFormat(QStringLiteral("%v%"));
        m_bars[i]->setAccessibleName(tr(kDimensions[i]));
        bars->addRow(tr(kDimensions[i]), m_bars[i]);
    }
    layout->addLayout(bars);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_findings = new QTreeWidget(split);
    m_findings->setHeaderLabels({tr("Severity"), tr("Dimension"), tr("Finding"), tr("Section")});
    m_findings->setRootIsDecorated(false);
    m_findings->setAccessibleName(tr("Findings"));
    m_findings->header()->setSectionResizeMode(2, QHeaderView::Stretch);

    auto *roundsBox = new QWidget(split);
    auto *roundsLayout = new QHBoxLayout(roundsBox);
    roundsLayout->setContentsMargins(0, 0, 0, 0);
    m_roundList = new QListWidget(roundsBox);
    m_roundList->setAccessibleName(tr("Revision rounds"));
    m_roundList->setMaximumWidth(200);
    m_diff = new QTextBrowser(roundsBox);
    m_diff->setAccessibleName(tr("Changes from the previous round"));
    roundsLayout->addWidget(m_roundList);
    roundsLayout->addWidget(m_diff, 1);
    layout->addWidget(split, 1);
    connect(m_roundList, &QListWidget::currentRowChanged, this, &QualityView::showRound);
    clear();
}

void QualityView::clear()
{
    m_rounds.clear();
    m_roundList->clear();
    m_findings->clear();
    m_diff->clear();
    for (QProgressBar *b : m_bars)
        b->setValue(0);
    m_summary->setText(tr("No quality report yet: documents are scored after verification."));
}

void QualityView::setThreshold(double threshold)
{
    m_threshold = threshold;
}

int QualityView::roundCount() const
{
    return int(m_rounds.size());
}

void QualityView::addRound(const QualityReport &report, const QString &documentText)
{
    auto it = std::find_if(m_rounds.begin(), m_rounds.end(), [&](const Round &r) { return r.report.round == report.round; });
    if (it != m_rounds.end())
        *it = {report, documentText};
    else
        m_rounds.append({report, documentText});
    std::sort(m_rounds.begin(), m_rounds.end(), [](const Round &a, const Round &b) { return a.report.round < b.report.round; });
    m_roundList->clear();
    for (const Round &r : std::as_const(m_rounds)) {
        const QString label = r.report.round == 0 ? tr("Draft: %1").arg(r.report.overall, 0, 'f', 2)
                                                  : tr("Round %1: %2").arg(r.report.round).arg(r.report.overall, 0, 'f', 2);
        m_roundList->addItem(label + (r.report.meets(m_threshold) ? QStringLiteral(" ✓") : QString()));
    }
    m_roundList->setCurrentRow(int(m_rounds.size()) - 1);
}

void QualityView::showRound(int index)
{
    if (index < 0 || index >= m_rounds.size())
        return;
    const QualityReport &r = m_rounds[index].report;
    const bool met = r.meets(m_threshold);
    m_summary->setText(tr("<b>%1</b> — %2 (%3). Threshold %4: <b>%5</b>%6")
                           .arg(r.overall, 0, 'f', 2)
                           .arg(r.band().verdictLabel(), r.band().actionLabel())
                           .arg(m_threshold, 0, 'f', 2)
                           .arg(met ? tr("met") : tr("not met"))
                           .arg(r.rubricAvailable ? QString()
                                                  : tr("<br><i>Accuracy was not verified by a model: "
                                                       "the rubric was missing or unreadable.</i>")));
    const double dims[] = {r.structural, r.content, r.accuracy, r.completeness};
    for (int i = 0; i < 4; ++i)
        m_bars[i]->setValue(qRound(dims[i] * 100));
    m_findings->clear();
    for (const QualityFinding &f : r.findings) {
        auto *item = new QTreeWidgetItem(m_findings, {toString(f.severity), f.dimension, f.message, f.section});
        item->setToolTip(2, f.message);
    }
    if (index == 0)
        m_diff->setPlainText(tr("The first draft: select a later round to see what its revision changed."));
    else
        m_diff->setHtml(diffToHtml(diffWords(m_rounds[index - 1].text, m_rounds[index].text)));
}

QString QualityView::findingsText() const
{
    QStringList lines;
    for (int i = 0; i < m_findings->topLevelItemCount(); ++i)
        lines << m_findings->topLevelItem(i)->text(2);
    return lines.join(QLatin1Char('\n'));
}

} // namespace Madf::Ui
