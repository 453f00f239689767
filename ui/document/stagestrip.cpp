#include "stagestrip.h"

#include <QHBoxLayout>
#include <QCoreApplication>
#include <QLabel>

namespace Madf::Ui {

namespace {
QString stageTitle(const QString &stage)
{
    static const QHash<QString, const char *> titles = {
        {QStringLiteral("research"), QT_TRANSLATE_NOOP("Madf::Ui::StageStrip", "Research")},
        {QStringLiteral("outline"), QT_TRANSLATE_NOOP("Madf::Ui::StageStrip", "Outline")},
        {QStringLiteral("writing"), QT_TRANSLATE_NOOP("Madf::Ui::StageStrip", "Writing")},
        {QStringLiteral("editing"), QT_TRANSLATE_NOOP("Madf::Ui::StageStrip", "Editing")},
        {QStringLiteral("verification"), QT_TRANSLATE_NOOP("Madf::Ui::StageStrip", "Verification")},
        {QStringLiteral("revision"), QT_TRANSLATE_NOOP("Madf::Ui::StageStrip", "Revision")},
        {QStringLiteral("finalize"), QT_TRANSLATE_NOOP("Madf::Ui::StageStrip", "Finalize")},
    };
    return QCoreApplication::translate("Madf::Ui::StageStrip", titles.value(stage, "?"));
}
} // namespace

StageStrip::StageStrip(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    for (const QString &s : stages()) {
        auto *label = new QLabel(this);
        label->setAlignment(Qt::AlignCenter);
        // Narrower than the text when the window is: the text is elided then.
        label->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("○ Wwww…")));
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // the stretch below decides the width
        label->setAutoFillBackground(true);
        label->setMargin(4);
        // Shares in proportion to the titles: a long one ("Überarbeitung")
        // gets more room than a short one before anything is elided.
        layout->addWidget(label, fontMetrics().horizontalAdvance(QStringLiteral("○ ") + stageTitle(s)));
        m_labels.insert(s, label);
    }
    reset();
}

QStringList StageStrip::stages()
{
    return {QStringLiteral("research"), QStringLiteral("outline"), QStringLiteral("writing"),
            QStringLiteral("editing"), QStringLiteral("verification"), QStringLiteral("revision"),
            QStringLiteral("finalize")};
}

void StageStrip::reset()
{
    for (const QString &s : stages())
        setState(s, Waiting);
}

void StageStrip::setState(const QString &stage, State state, const QString &detail)
{
    QLabel *label = m_labels.value(stage);
    if (!label)
        return;
    m_states.insert(stage, state);
    // Colour for a glance, a symbol and words for screen readers and for
    // people who do not tell the colours apart.
    static const char *words[] = {QT_TRANSLATE_NOOP("Madf::Ui::StageStrip", "waiting"),
                                  QT_TRANSLATE_NOOP("Madf::Ui::StageStrip", "working"),
                                  QT_TRANSLATE_NOOP("Madf::Ui::StageStrip", "done"),
                                  QT_TRANSLATE_NOOP("Madf::Ui::StageStrip", "failed"),
                                  QT_TRANSLATE_NOOP("Madf::Ui::StageStrip", "skipped")};
    static const QColor colors[] = {QColor(0, 0, 0, 0), QColor(0x42, 0xa5, 0xf5, 90), QColor(0x66, 0xbb, 0x6a, 90),
                                    QColor(0xef, 0x53, 0x50, 110), QColor(0x9e, 0x9e, 0x9e, 60)};
    QPalette pal = label->palette();
    pal.setColor(QPalette::Window, colors[state]);
    label->setPalette(pal);
    m_details.insert(stage, detail);
    showText(stage);
    const QString word = tr(words[state]);
    label->setAccessibleName(tr("%1: %2").arg(stageTitle(stage), word));
    label->setToolTip(tr("%1: %2").arg(stageTitle(stage), detail.isEmpty() ? word : word + QStringLiteral(" — ") + detail));
}

void StageStrip::showText(const QString &stage)
{
    static const char *symbols[] = {"○", "◐", "●", "✕", "–"};
    QLabel *label = m_labels.value(stage);
    const QString title = QStringLiteral("%1 %2").arg(QString::fromUtf8(symbols[state(stage)]), stageTitle(stage));
    const QString detail = m_details.value(stage);
    const int width = label->contentsRect().width() - 2 * label->margin();
    const QFontMetrics metrics = label->fontMetrics();
    auto fit = [&](const QString &line) { return width > 0 ? metrics.elidedText(line, Qt::ElideRight, width) : line; };
    label->setText(fit(title) + (detail.isEmpty() ? QString() : QStringLiteral("\n") + fit(detail)));
}

void StageStrip::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // The labels are laid out by now; their widths decide the elision.
    for (const QString &s : stages())
        showText(s);
}

} // namespace Madf::Ui
