#include "ganttchart.h"

#include "ui/theme/theme.h"

#include "core/metrics/stagetimeline.h"

#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <cmath>

namespace Madf::Ui {

namespace {
constexpr int LabelWidth = 190;
constexpr int RightMargin = 16;
constexpr int MinTickSpacing = 90;

// 1, 2, 5 × 10^k ms: the smallest step that leaves room for a label.
qint64 tickStep(qint64 wallMs, int pixels)
{
    const double minStep = double(wallMs) * MinTickSpacing / qMax(1, pixels);
    for (qint64 decade = 1;; decade *= 10)
        for (qint64 f : {1, 2, 5})
            if (double(f * decade) >= minStep)
                return f * decade;
}

QString axisLabel(qint64 ms, qint64 step)
{
    if (ms == 0)
        return QStringLiteral("0");
    if (ms < 1000)
        return GanttChart::tr("%1 ms").arg(ms);
    if (ms < 60000 || step < 1000) {
        const int decimals = step >= 1000 ? 0 : step >= 100 ? 1 : 2;
        return GanttChart::tr("%1 s").arg(ms / 1000.0, 0, 'f', decimals);
    }
    const qint64 seconds = (ms % 60000) / 1000;
    return seconds ? GanttChart::tr("%1 min %2 s").arg(ms / 60000).arg(seconds)
                   : GanttChart::tr("%1 min").arg(ms / 60000);
}

QString money(const std::optional<double> &usd)
{
    return usd ? QStringLiteral("$%1").arg(*usd, 0, 'f', *usd < 0.01 ? 5 : 4) : GanttChart::tr("unknown");
}
} // namespace

GanttChart::GanttChart(const StageTimeline *timeline, QWidget *parent)
    : QWidget(parent), m_timeline(timeline)
{
    setObjectName(QStringLiteral("ganttChart"));
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setAccessibleName(tr("Stage timeline chart"));
}

GanttChart::Colors GanttChart::colorsFor(const QPalette &palette)
{
    // Hues that keep their meaning (and contrast) on a light and a dark base.
    if (Theme::isDark(palette))
        return {QColor(0x6b, 0x72, 0x80), QColor(0x60, 0xa5, 0xfa), QColor(0xfb, 0xbf, 0x24),
                QColor(0xf8, 0x71, 0x71), QColor(0xf4, 0x72, 0xb6), QColor(255, 255, 255, 28),
                QColor(255, 255, 255, 14)};
    return {QColor(0xc3, 0xc8, 0xd0), QColor(0x25, 0x63, 0xeb), QColor(0xea, 0x8c, 0x00),
            QColor(0xdc, 0x26, 0x26), QColor(0xbe, 0x18, 0x5d), QColor(0, 0, 0, 28), QColor(0, 0, 0, 10)};
}

int GanttChart::rowHeight() const
{
    return fontMetrics().height() + 8;
}

int GanttChart::axisHeight() const
{
    return fontMetrics().height() + 12;
}

void GanttChart::refresh()
{
    layoutRows();
    updateGeometry();
    update();
}

void GanttChart::layoutRows()
{
    m_rows.clear();
    m_rowOfCall.clear();
    for (const StageTimeline::StageRows &group : m_timeline->rows()) {
        m_rows.append({-1, group.stage});
        for (int call : group.calls) {
            m_rowOfCall.insert(call, int(m_rows.size()));
            m_rows.append({call, group.stage});
        }
    }
}

QSize GanttChart::sizeHint() const
{
    return {640, axisHeight() + int(m_rows.size()) * rowHeight() + 8};
}

QSize GanttChart::minimumSizeHint() const
{
    return {LabelWidth + 200, sizeHint().height()};
}

double GanttChart::pixelsPerMs() const
{
    const qint64 wall = qMax<qint64>(1, m_timeline->criticalPath().wallMs());
    return double(qMax(1, width() - LabelWidth - RightMargin)) / double(wall);
}

int GanttChart::xFor(qint64 ms) const
{
    return LabelWidth + int(std::lround(double(ms - m_timeline->startMs()) * pixelsPerMs()));
}

QRect GanttChart::barRect(int index) const
{
    const auto it = m_rowOfCall.constFind(index);
    if (it == m_rowOfCall.constEnd() || index < 0 || index >= m_timeline->calls().size())
        return {};
    const TimelineCall &c = m_timeline->calls().at(index);
    const int top = axisHeight() + *it * rowHeight();
    const int x0 = xFor(c.startMs);
    const int x1 = qMax(x0 + 2, xFor(c.endMs()));
    return {x0, top + 4, x1 - x0, rowHeight() - 8};
}

int GanttChart::callAt(const QPoint &pos) const
{
    const int row = (pos.y() - axisHeight()) / qMax(1, rowHeight());
    if (pos.y() < axisHeight() || row < 0 || row >= m_rows.size())
        return -1;
    return m_rows.at(row).call;
}

QString GanttChart::toolTipFor(int index) const
{
    if (index < 0 || index >= m_timeline->calls().size())
        return {};
    const TimelineCall &c = m_timeline->calls().at(index);
    auto d = [](qint64 ms) { return StageTimeline::formatDuration(ms); };
    QStringList lines;
    lines << QStringLiteral("<b>%1</b> · %2").arg(c.stepKey.toHtmlEscaped(), StageTimeline::stageLabel(c.stage));
    lines << tr("Agent %1 · %2 (%3)").arg(c.agent.toHtmlEscaped(), c.model.toHtmlEscaped(), c.provider.toHtmlEscaped());
    lines << tr("Started at +%1, ended at +%2")
                 .arg(d(c.startMs - m_timeline->startMs()), d(c.endMs() - m_timeline->startMs()));
    lines << tr("Queued %1 · retried %2 · running %3 · total %4")
                 .arg(d(c.queuedPartMs()), d(c.retriedPartMs()), d(c.runningPartMs()), d(c.totalMs));
    if (c.firstTokenMs >= 0)
        lines << tr("First token after %1").arg(d(c.firstTokenMs));
    lines << tr("Attempts: %1").arg(c.attempts);
    lines << tr("Tokens: %1 in, %2 out").arg(c.promptTokens).arg(c.completionTokens);
    lines << tr("Cost: %1").arg(money(c.costUsd)) + (c.fromCache ? tr(" (answered from the cache)") : QString());
    if (!c.errorKind.isEmpty())
        lines << tr("Error: %1").arg(c.errorKind);
    if (m_timeline->criticalPath().contains(index))
        lines << tr("<i>On the critical path: it delayed the document's end.</i>");
    return lines.join(QStringLiteral("<br>"));
}

bool GanttChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int call = callAt(help->pos());
        if (call >= 0)
            QToolTip::showText(help->globalPos(), toolTipFor(call), this);
        else
            QToolTip::hideText();
        return true;
    }
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
    return QWidget::event(event);
}

void GanttChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const Colors c = colorsFor(palette());
    p.fillRect(rect(), palette().base());
    if (m_rows.isEmpty())
        return;
    paintAxis(p, c);
    paintRows(p, c);
    paintPathLinks(p, c);
}

void GanttChart::paintAxis(QPainter &p, const Colors &c)
{
    const qint64 wall = m_timeline->criticalPath().wallMs();
    const int pixels = width() - LabelWidth - RightMargin;
    const qint64 step = tickStep(qMax<qint64>(1, wall), pixels);
    const int bottom = axisHeight() + int(m_rows.size()) * rowHeight();
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRect(8, 0, LabelWidth - 16, axisHeight()), Qt::AlignLeft | Qt::AlignVCenter, tr("Step"));
    for (qint64 t = 0; t <= wall; t += step) {
        const int x = xFor(m_timeline->startMs() + t);
        p.setPen(c.grid);
        p.drawLine(x, axisHeight() - 4, x, bottom);
        p.setPen(palette().color(QPalette::Text));
        const QString label = axisLabel(t, step);
        const int w = fontMetrics().horizontalAdvance(label);
        // The last label is kept inside the widget.
        const int left = qMin(x - w / 2, width() - w - 2);
        p.drawText(QRect(qMax(LabelWidth - w / 2, left), 0, w + 2, axisHeight() - 4), Qt::AlignCenter, label);
    }
    p.setPen(c.grid);
    p.drawLine(LabelWidth, axisHeight() - 1, width() - RightMargin, axisHeight() - 1);
}

void GanttChart::paintRows(QPainter &p, const Colors &c)
{
    const CriticalPath &path = m_timeline->criticalPath();
    const QColor text = palette().color(QPalette::Text);
    const QColor dimText = palette().color(QPalette::Disabled, QPalette::Text);
    QFont bold = font();
    bold.setBold(true);
    for (int r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows.at(r);
        const int top = axisHeight() + r * rowHeight();
        const QRect labelRect(8, top, LabelWidth - 14, rowHeight());
        if (row.call < 0) {
            p.fillRect(QRect(0, top, width(), rowHeight()), c.stageBand);
            p.setFont(bold);
            p.setPen(text);
            const int share = int(std::lround(path.share(row.stage) * 100));
            const QString label = share > 0 ? tr("%1 (%2%)").arg(StageTimeline::stageLabel(row.stage)).arg(share)
                                            : StageTimeline::stageLabel(row.stage);
            p.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter, label);
            p.setFont(font());
            continue;
        }
        const TimelineCall &call = m_timeline->calls().at(row.call);
        const bool onPath = path.contains(row.call);
        p.setFont(onPath ? bold : font());
        p.setPen(!call.ok ? Theme::errorText(palette()) : call.fromCache ? dimText : text);
        QString key = call.stepKey;
        if (call.fromCache)
            key += tr(" (cache)");
        p.drawText(labelRect.adjusted(12, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   fontMetrics().elidedText(key, Qt::ElideMiddle, labelRect.width() - 12));
        p.setFont(font());

        const QRect bar = barRect(row.call);
        int x = bar.left();
        auto segment = [&](qint64 ms, const QColor &color) {
            const int w = int(std::lround(double(ms) * pixelsPerMs()));
            if (w > 0)
                p.fillRect(QRect(x, bar.top(), qMin(w, bar.right() + 1 - x), bar.height()), color);
            x += w;
        };
        segment(call.queuedPartMs(), c.queued);
        segment(call.retriedPartMs(), c.retried);
        const QColor runColor = call.ok ? c.running : c.failed;
        if (x <= bar.right())
            p.fillRect(QRect(x, bar.top(), bar.right() + 1 - x, bar.height()), runColor);
        if (onPath) {
            p.setPen(QPen(c.path, 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(bar.adjusted(-1, -1, 0, 0));
        }
    }
}

void GanttChart::paintPathLinks(QPainter &p, const Colors &c)
{
    // A dashed line from each path call's end to the start of the call that waited for it.
    const QList<int> &calls = m_timeline->criticalPath().calls;
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(c.path, 1, Qt::DashLine));
    for (int i = 1; i < calls.size(); ++i) {
        const QRect from = barRect(calls[i - 1]);
        const QRect to = barRect(calls[i]);
        if (from.isEmpty() || to.isEmpty())
            continue;
        const QPoint a(from.right(), from.center().y());
        const QPoint b(to.left(), to.center().y());
        QPainterPath link(a);
        link.lineTo(QPoint(qMax(a.x(), b.x() - 3), a.y()));
        link.lineTo(QPoint(qMax(a.x(), b.x() - 3), b.y()));
        link.lineTo(b);
        p.drawPath(link);
    }
}

} // namespace Madf::Ui
