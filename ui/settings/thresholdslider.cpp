#include "thresholdslider.h"

#include <QLabel>
#include <QPainter>
#include <QSlider>
#include <QVBoxLayout>

namespace Madf::Ui {

namespace {
struct Band
{
    double from;
    const char *name;
    const char *action;
    QColor color;
};

// The reference's bands, lowest first.
const Band kBands[] = {
    {0.00, QT_TRANSLATE_NOOP("Madf::Ui::ThresholdSlider", "unacceptable"), QT_TRANSLATE_NOOP("Madf::Ui::ThresholdSlider", "regenerate"), QColor(0xd3, 0x2f, 0x2f)},
    {0.60, QT_TRANSLATE_NOOP("Madf::Ui::ThresholdSlider", "poor"), QT_TRANSLATE_NOOP("Madf::Ui::ThresholdSlider", "revise significantly"), QColor(0xf5, 0x7c, 0x00)},
    {0.75, QT_TRANSLATE_NOOP("Madf::Ui::ThresholdSlider", "fair"), QT_TRANSLATE_NOOP("Madf::Ui::ThresholdSlider", "refine"), QColor(0xfb, 0xc0, 0x2d)},
    {0.85, QT_TRANSLATE_NOOP("Madf::Ui::ThresholdSlider", "good"), QT_TRANSLATE_NOOP("Madf::Ui::ThresholdSlider", "accept"), QColor(0x7c, 0xb3, 0x42)},
    {0.90, QT_TRANSLATE_NOOP("Madf::Ui::ThresholdSlider", "excellent"), QT_TRANSLATE_NOOP("Madf::Ui::ThresholdSlider", "accept"), QColor(0x38, 0x8e, 0x3c)},
};
constexpr int kBandHeight = 8;
} // namespace

ThresholdSlider::ThresholdSlider(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, kBandHeight + 4, 0, 0);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setRange(0, 100);
    m_slider->setPageStep(5);
    m_slider->setAccessibleName(tr("Quality threshold"));
    m_label = new QLabel(this);
    layout->addWidget(m_slider);
    layout->addWidget(m_label);
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        m_label->setText(tr("Threshold %1: %2").arg(v / 100.0, 0, 'f', 2).arg(bandText(v / 100.0)));
        update();
    });
    connect(m_slider, &QSlider::sliderReleased, this, [this] { Q_EMIT valueChosen(value()); });
    connect(m_slider, &QSlider::actionTriggered, this, [this](int action) {
        // Keyboard and page steps commit at once; dragging commits on release.
        if (action != QAbstractSlider::SliderMove)
            QMetaObject::invokeMethod(this, [this] { Q_EMIT valueChosen(value()); }, Qt::QueuedConnection);
    });
}

void ThresholdSlider::setValue(double threshold)
{
    const QSignalBlocker block(m_slider);
    m_slider->setValue(qRound(threshold * 100));
    m_label->setText(tr("Threshold %1: %2").arg(threshold, 0, 'f', 2).arg(bandText(threshold)));
    update();
}

double ThresholdSlider::value() const
{
    return m_slider->value() / 100.0;
}

QString ThresholdSlider::bandText(double score)
{
    const Band *band = &kBands[0];
    for (const Band &b : kBands)
        if (score + 1e-9 >= b.from)
            band = &b;
    return tr("%1 — %2").arg(tr(band->name), tr(band->action));
}

void ThresholdSlider::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const int left = m_slider->x() + 6;
    const int width = m_slider->width() - 12;
    for (size_t i = 0; i < std::size(kBands); ++i) {
        const double from = kBands[i].from;
        const double to = i + 1 < std::size(kBands) ? kBands[i + 1].from : 1.0;
        p.fillRect(QRectF(left + from * width, 0, (to - from) * width, kBandHeight), kBands[i].color);
    }
    p.setPen(QPen(palette().color(QPalette::WindowText), 2));
    const double x = left + value() * width;
    p.drawLine(QPointF(x, 0), QPointF(x, kBandHeight + 2));
}

} // namespace Madf::Ui
