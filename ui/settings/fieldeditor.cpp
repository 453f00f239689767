#include "fieldeditor.h"

#include "core/config/fieldvalue.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Madf::Ui {

FieldEditor::FieldEditor(const FieldSpec &spec, QWidget *parent)
    : QWidget(parent), m_spec(spec)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    QString tip = spec.help + QStringLiteral("\n") + tr("Allowed: %1").arg(spec.allowedText());
    if (!spec.envVar.isEmpty())
        tip += QStringLiteral("\n") + tr("Environment variable: %1").arg(spec.envVar);

    switch (spec.kind) {
    case FieldKind::Bool: {
        auto *box = new QCheckBox(this);
        connect(box, &QCheckBox::toggled, this, [this](bool on) {
            if (!m_updating)
                Q_EMIT edited(on);
        });
        m_input = box;
        break;
    }
    case FieldKind::Enum: {
        auto *combo = new QComboBox(this);
        combo->addItems(spec.choices);
        connect(combo, &QComboBox::currentTextChanged, this, [this](const QString &text) {
            if (!m_updating)
                Q_EMIT edited(text);
        });
        m_input = combo;
        break;
    }
    default: {
        // Numbers are typed as text and validated by the configuration, so a
        // value out of range is shown with the range rather than silently
        // clamped by a spin box.
        auto *edit = new QLineEdit(this);
        if (spec.hasRange())
            edit->setPlaceholderText(spec.allowedText());
        else if (spec.kind == FieldKind::StringList)
            edit->setPlaceholderText(tr("comma-separated"));
        connect(edit, &QLineEdit::editingFinished, this, &FieldEditor::emitText);
        m_input = edit;
        break;
    }
    }
    m_input->setToolTip(tip);
    m_input->setAccessibleName(spec.key);
    m_input->setAccessibleDescription(spec.help);
    layout->addWidget(m_input);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    QPalette pal = m_error->palette();
    pal.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_error->setPalette(pal);
    layout->addWidget(m_error);
}

void FieldEditor::emitText()
{
    auto *edit = qobject_cast<QLineEdit *>(m_input);
    if (!m_updating && edit && edit->isModified()) {
        edit->setModified(false);
        Q_EMIT edited(edit->text());
    }
}

void FieldEditor::setValue(const QVariant &value)
{
    m_updating = true;
    if (auto *box = qobject_cast<QCheckBox *>(m_input))
        box->setChecked(value.toBool());
    else if (auto *combo = qobject_cast<QComboBox *>(m_input))
        combo->setCurrentText(value.toString());
    else if (auto *edit = qobject_cast<QLineEdit *>(m_input)) {
        edit->setText(FieldValue::toText(m_spec, value));
        edit->setModified(false);
    }
    m_updating = false;
}

void FieldEditor::setSuggestions(const QStringList &values)
{
    auto *edit = qobject_cast<QLineEdit *>(m_input);
    if (!edit)
        return;
    // A completer keeps free text possible (a model the endpoint did not list).
    auto *completer = new QCompleter(values, edit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    edit->setCompleter(completer);
}

void FieldEditor::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    m_input->setProperty("invalid", !message.isEmpty());
    m_input->setStyleSheet(message.isEmpty() ? QString() : QStringLiteral("border: 1px solid #c62828;"));
}

QString FieldEditor::error() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace Madf::Ui
