#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;
class QMenu;
class QWidget;

namespace Madf::Ui {

/** The user interface language: the system's by default, or the one chosen
 *  with `--lang` or in Settings > Language (remembered in QSettings). Installs
 *  MADF Studio's own catalogue (compiled in, `:/i18n/madf_<lang>.qm`) and
 *  Qt's (qtbase, for the standard dialogs). */
namespace Language {

/** Language codes with a catalogue, "en" (the source language) first. */
QStringList available();
/** The language's own name ("Deutsch"), the way a user looks for it. */
QString nativeName(const QString &code);

/** The choice stored in the settings; empty means "follow the system". */
QString saved();
void setSaved(const QString &code);

/** `override` if given, else the saved choice, else the first system UI
 *  language with a catalogue, else "en". */
QString resolve(const QString &override = {});

/** Installs the translators for `code` on `app` (replacing earlier ones)
 *  and makes it the default locale; "en" removes them. Returns false when
 *  MADF Studio has no catalogue for `code`. */
bool install(const QString &code);
/** The language installed last ("en" when none). */
QString current();

/** Settings > Language: "System default" and one entry per language; a choice
 *  is saved and applies on the next start (a message says so). */
QMenu *createMenu(QWidget *parent);

} // namespace Language
} // namespace Madf::Ui
