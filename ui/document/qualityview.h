#pragma once

#include "core/quality/qualityreport.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QTextBrowser;
class QTreeWidget;

namespace Madf::Ui {

/** The quality report: overall score and verdict, the four dimensions, every
 *  component and finding, each revision round's score, and the text diff
 *  between two rounds. */
class QualityView : public QWidget
{
    Q_OBJECT
public:
    explicit QualityView(QWidget *parent = nullptr);

    void clear();
    void setThreshold(double threshold);
    /** Adds (or replaces) the report of round `report.round`, with the text
     *  of the document at that round for the diff. */
    void addRound(const QualityReport &report, const QString &documentText);
    int roundCount() const;
    QString findingsText() const;

private:
    void showRound(int index);

    struct Round { QualityReport report; QString text; };
    QList<Round> m_rounds;
    double m_threshold = 0.85;
    QLabel *m_summary;
    QProgressBar *m_bars[4];
    QTreeWidget *m_findings;
    QListWidget *m_roundList;
    QTextBrowser *m_diff;
};

} // namespace Madf::Ui
