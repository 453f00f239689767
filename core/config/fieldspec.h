#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

namespace Madf {

/** The value types a configuration field can hold. */
enum class FieldKind { Bool, Int, Double, String, Enum, StringList, StringMap };

/** One configuration field, declared once: its YAML key, label, type,
 *  default, allowed range and help text. The same declaration drives
 *  loading, validation, saving, `madf config show` and the GUI editor.
 *  Label and help hold the English source text (files, docs and logs stay
 *  English); displayLabel() and displayHelp() give the user's language. */
struct FieldSpec
{
    QString key;              ///< YAML key inside its section, snake_case
    QString label;            ///< short human name ("Quality threshold"), for forms
    FieldKind kind = FieldKind::String;
    QVariant defaultValue;    ///< invalid QVariant = "not set" (optional field)
    double minimum = 0;       ///< inclusive, Int and Double only
    double maximum = 0;       ///< inclusive, Int and Double only
    QStringList choices;      ///< Enum only: canonical spellings
    QString help;             ///< one sentence, shown in docs, `config init` and tooltips
    QString unit;             ///< "s", "USD", "tokens"... empty when none
    QString envVar;           ///< environment variable that overrides it, if any
    QStringList aliases;      ///< other accepted YAML keys (e.g. base_url for base_urls)
    bool secret = false;      ///< never saved, never printed, never logged
    bool offersChoices = false; ///< String only: editors offer known values (e.g. an endpoint's models); free text stays allowed

    bool hasRange() const { return kind == FieldKind::Int || kind == FieldKind::Double; }
    bool isOptional() const { return !defaultValue.isValid(); }
    /** "1–1000", "0.0–1.0", "one of: a, b", "true or false", ... */
    QString allowedText() const;
    /** The label translated (context "Madf::ConfigSchema"); from the key when unset. */
    QString displayLabel() const;
    /** The help text translated (context "Madf::ConfigSchema"). */
    QString displayHelp() const;
};

/** `text` (English, declared with QT_TRANSLATE_NOOP("Madf::ConfigSchema", ...))
 *  in the user's language. */
QString translateSchemaText(const QString &text);

/** Where the value in force came from, for `config show` and error messages. */
struct ValueOrigin
{
    enum Kind { Default, File, Environment, Runtime, Preset };
    Kind kind = Default;
    QString source;   ///< file path, variable name or preset name
    int line = 0;     ///< 1-based, File only
    int column = 0;   ///< 1-based, File only

    QString describe() const;
};

} // namespace Madf
