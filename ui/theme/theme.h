#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>

#include <functional>

class QWidget;

namespace Madf::Ui {

/** Colours that follow the system palette: MADF Studio's own accents (errors,
 *  the simulated-provider banner, stage states) in a light and a dark
 *  variant, chosen from the palette in force, so text stays readable in a
 *  dark theme. Also a dark palette for `madf-studio --dark`. */
namespace Theme {

/** True when the palette draws light text on a dark window. */
bool isDark(const QPalette &palette);

/** Text colour for an error message on the window background. */
QColor errorText(const QPalette &palette);
/** Window and text colours of a notice banner (a warm yellow, or a dark amber). */
QPalette noticePalette(const QPalette &base);

/** WCAG contrast ratio of two colours, 1 (none) to 21 (black on white). */
double contrast(const QColor &a, const QColor &b);

/** MADF Studio's icon, at each size it is drawn in (16 to 256 px). */
QIcon appIcon();

/** A dark Fusion palette, for `--dark` and for tests. */
QPalette darkPalette();

/** Calls `apply` now and again whenever the application palette changes
 *  (the user switches the desktop theme), for as long as `widget` lives. */
void follow(QWidget *widget, std::function<void()> apply);

} // namespace Theme
} // namespace Madf::Ui
