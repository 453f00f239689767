#pragma once

#include <QWidget>

class QSlider;
class QLabel;

namespace Madf::Ui {

/** The quality threshold as a slider over the framework's score bands
 *  (unacceptable < 0.60 ≤ poor < 0.75 ≤ fair < 0.85 ≤ good < 0.90 ≤ excellent),
 *  so a user sees what a threshold means before choosing it. */
class ThresholdSlider : public QWidget
{
    Q_OBJECT
public:
    explicit ThresholdSlider(QWidget *parent = nullptr);
    void setValue(double threshold);
    double value() const;

    /** "good — accept" for 0.87 */
    static QString bandText(double score);

Q_SIGNALS:
    void valueChosen(double threshold);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QSlider *m_slider;
    QLabel *m_label;
};

} // namespace Madf::Ui
