#include "theme.h"

#include <QEvent>
#include <QWidget>

#include <cmath>

namespace Madf::Ui::Theme {

namespace {
/** Re-applies custom colours when the application palette changes. */
class PaletteFollower : public QObject
{
public:
    PaletteFollower(QWidget *widget, std::function<void()> apply)
        : QObject(widget), m_apply(std::move(apply))
    {
        widget->installEventFilter(this);
    }

    bool eventFilter(QObject *, QEvent *event) override
    {
        // A new application palette reaches a child widget as PaletteChange
        // (propagated from its window). Queued: when the event arrives, the
        // widgets around may not have taken the new palette yet; once per
        // burst. `apply` sets the same palette again at most once more, and
        // an unchanged palette sends no further event.
        const QEvent::Type type = event->type();
        if ((type == QEvent::ApplicationPaletteChange || type == QEvent::PaletteChange) && !m_pending) {
            m_pending = true;
            QMetaObject::invokeMethod(this, [this] {
                m_pending = false;
                m_apply();
            }, Qt::QueuedConnection);
        }
        return false;
    }

private:
    std::function<void()> m_apply;
    bool m_pending = false;
};

double luminance(const QColor &c)
{
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QColor errorText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
}

QPalette noticePalette(const QPalette &base)
{
    QPalette p = base;
    const bool dark = isDark(base);
    p.setColor(QPalette::Window, dark ? QColor(0x4a, 0x3b, 0x08) : QColor(0xff, 0xf3, 0xcd));
    p.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xe6, 0x9c) : QColor(0x5c, 0x45, 0x00));
    return p;
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QIcon appIcon()
{
    // PNGs rendered for each size (small ones are not just scaled down), so
    // no SVG icon engine is needed at run time.
    QIcon icon;
    for (const int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/madf/icons/madf-studio-%1.png").arg(size), QSize(size, size));
    return icon;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2e), base(0x1e, 0x1e, 0x21), text(0xe8, 0xe8, 0xea);
    const QColor disabled(0x8a, 0x8a, 0x90);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x39));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x45, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3a, 0x3e));
    p.setColor(QPalette::Mid, QColor(0x25, 0x25, 0x28));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb7, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xff));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

void follow(QWidget *widget, std::function<void()> apply)
{
    apply();
    new PaletteFollower(widget, std::move(apply));
}

} // namespace Madf::Ui::Theme
