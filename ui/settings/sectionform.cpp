#include "sectionform.h"

#include "fieldeditor.h"

#include "core/config/configschema.h"

#include <QFormLayout>
#include <QLabel>

namespace Madf::Ui {

SectionForm::SectionForm(const SectionSchema &section, const QString &instance, QWidget *parent)
    : QWidget(parent), m_section(section), m_instance(instance)
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const FieldBinding &f : section.fields) {
        if (f.spec.secret)
            continue; // keys are entered in the Providers dialog, stored in the keychain
        auto *editor = new FieldEditor(f.spec, this);
        auto *label = new QLabel(tr("%1:").arg(f.spec.displayLabel()), this);
        label->setBuddy(editor->input());
        form->addRow(label, editor);
        m_editors.insert(f.spec.key, editor);
        m_labels.insert(f.spec.key, label);
        const QString path = joinKeyPath(section.name, instance, f.spec.key);
        connect(editor, &FieldEditor::edited, this,
                [this, editor, path](const QVariant &v) { Q_EMIT valueEdited(editor, path, v); });
    }
}

QString SectionForm::labelFor(const QString &key)
{
    // The standard agents by their task; an agent of the user's own by its name.
    static const QHash<QString, const char *> agents = {
        {QStringLiteral("research"), QT_TRANSLATE_NOOP("Madf::Ui::SectionForm", "Research")},
        {QStringLiteral("writing"), QT_TRANSLATE_NOOP("Madf::Ui::SectionForm", "Writing")},
        {QStringLiteral("editing"), QT_TRANSLATE_NOOP("Madf::Ui::SectionForm", "Editing")},
        {QStringLiteral("verification"), QT_TRANSLATE_NOOP("Madf::Ui::SectionForm", "Verification")},
    };
    if (const char *title = agents.value(key))
        return tr(title);
    QString label = key;
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!label.isEmpty())
        label[0] = label[0].toUpper();
    return label;
}

void SectionForm::refresh(const Config &config)
{
    const void *obj = m_section.constObject(config, m_instance);
    if (!obj)
        return;
    for (const FieldBinding &f : m_section.fields) {
        FieldEditor *editor = m_editors.value(f.spec.key);
        if (!editor)
            continue;
        editor->setValue(f.get(obj));
        editor->setError({});
        const ValueOrigin origin = config.origin(joinKeyPath(m_section.name, m_instance, f.spec.key));
        m_labels.value(f.spec.key)->setToolTip(
            tr("%1\nCurrent value from: %2").arg(f.spec.displayHelp(), origin.describe()));
    }
}

void SectionForm::setSuggestions(const QString &key, const QStringList &values)
{
    if (FieldEditor *e = m_editors.value(key))
        e->setSuggestions(values);
}

} // namespace Madf::Ui
