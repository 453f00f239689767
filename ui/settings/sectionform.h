#pragma once

#include "core/config/config.h"

#include <QHash>
#include <QWidget>

namespace Madf {
struct SectionSchema;
}

namespace Madf::Ui {

class FieldEditor;

/** A form for one configuration section (or one named entry of a map
 *  section, such as one agent), built entirely from the declarations: a
 *  field added to the schema appears here with no GUI code. */
class SectionForm : public QWidget
{
    Q_OBJECT
public:
    SectionForm(const SectionSchema &section, const QString &instance, QWidget *parent = nullptr);

    /** Shows the values (and where each came from) of `config`. */
    void refresh(const Config &config);
    void setSuggestions(const QString &key, const QStringList &values);
    FieldEditor *editor(const QString &key) const { return m_editors.value(key); }

    /** An agent's tab title: "research" -> "Research" (translated),
     *  "fact_checker" -> "Fact checker". */
    static QString labelFor(const QString &key);

Q_SIGNALS:
    void valueEdited(FieldEditor *editor, const QString &keyPath, const QVariant &value);

private:
    const SectionSchema &m_section;
    QString m_instance;
    QHash<QString, FieldEditor *> m_editors;
    QHash<QString, QWidget *> m_labels;
};

} // namespace Madf::Ui
