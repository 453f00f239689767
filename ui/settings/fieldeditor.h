#pragma once

#include "core/config/fieldspec.h"

#include <QWidget>

class QLabel;

namespace Madf::Ui {

/** An editor for one configuration field, chosen from its declaration:
 *  a check box, a number field with its range, a choice list, a text or
 *  list field. It never applies anything itself: it reports `edited` and
 *  shows the error it is given (the allowed range), so a bad value is
 *  visible and never reaches the configuration. */
class FieldEditor : public QWidget
{
    Q_OBJECT
public:
    explicit FieldEditor(const FieldSpec &spec, QWidget *parent = nullptr);

    const FieldSpec &spec() const { return m_spec; }
    void setValue(const QVariant &value);
    /** Offered choices for a text field (provider names, model names): a
     *  field declared `offersChoices` shows them in its editable list, any
     *  other text field completes from them. Free text stays allowed. */
    void setSuggestions(const QStringList &values);
    QStringList suggestions() const;
    /** A quiet line under the editor ("12 models from ollama"); empty hides it. */
    void setNote(const QString &text);
    QString note() const;
    /** Shown under the editor in the error colour; empty clears it. */
    void setError(const QString &message);
    QString error() const;
    /** The widget that takes input (for tests and accessibility). */
    QWidget *input() const { return m_input; }

Q_SIGNALS:
    /** The user changed the value; `value` is raw (text or bool), the
     *  configuration validates it. */
    void edited(const QVariant &value);

private:
    void emitText();
    void emitChoice(const QString &text);

    FieldSpec m_spec;
    QWidget *m_input = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_note = nullptr;
    QString m_shownValue; ///< the value set or last reported (editable lists report each change once)
    bool m_updating = false;
};

} // namespace Madf::Ui
