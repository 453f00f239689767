#pragma once

#include <QHash>
#include <QWidget>

namespace Madf {
class StageTimeline;
}

namespace Madf::Ui {

/** The painted part of the stage timeline: a time axis, then per stage a
 *  header row and one row per call, each call a bar split into queued,
 *  retried and running time; calls on the critical path are outlined and
 *  joined. Reads the StageTimeline it is given (owned by the view) and
 *  follows the palette. Its height grows with the rows; its width follows
 *  the scroll area's viewport. */
class GanttChart : public QWidget
{
    Q_OBJECT
public:
    explicit GanttChart(const StageTimeline *timeline, QWidget *parent = nullptr);

    /** Call after the timeline changed. */
    void refresh();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    /** The call drawn at @p pos (widget coordinates); -1 for none. */
    int callAt(const QPoint &pos) const;
    /** The text of the tooltip for call @p index. */
    QString toolTipFor(int index) const;
    /** Where the bar of call @p index is drawn (empty when it is not). */
    QRect barRect(int index) const;

    /** The colours of the bar parts and the path, for the legend. */
    struct Colors
    {
        QColor queued, running, retried, failed, path, grid, stageBand;
    };
    static Colors colorsFor(const QPalette &palette);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Row
    {
        int call = -1;        ///< -1: a stage header
        QString stage;
    };
    void layoutRows();
    int rowHeight() const;
    int axisHeight() const;
    double pixelsPerMs() const;
    int xFor(qint64 ms) const;
    void paintAxis(QPainter &p, const Colors &c);
    void paintRows(QPainter &p, const Colors &c);
    void paintPathLinks(QPainter &p, const Colors &c);

    const StageTimeline *m_timeline;
    QList<Row> m_rows;
    QHash<int, int> m_rowOfCall;
};

} // namespace Madf::Ui
