#include "fieldeditor.h"

#include "ui/theme/theme.h"

#include "core/config/fieldvalue.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QAbstractItemModel>
#include <QVBoxLayout>

namespace Madf::Ui {

FieldEditor::FieldEditor(const FieldSpec &spec, QWidget *parent)
    : QWidget(parent), m_spec(spec)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    QString tip = spec.displayHelp() + QStringLiteral("\n") + tr("Allowed: %1").arg(spec.allowedText());
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
    case FieldKind::String:
        if (spec.offersChoices) {
            // Editable: a model the endpoint did not list can still be typed.
            auto *combo = new QComboBox(this);
            combo->setEditable(true);
            combo->setInsertPolicy(QComboBox::NoInsert);
            combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            combo->setMinimumContentsLength(12);
            combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
            connect(combo, &QComboBox::textActivated, this, &FieldEditor::emitChoice);
            connect(combo->lineEdit(), &QLineEdit::editingFinished, this,
                    [this, combo] { emitChoice(combo->currentText()); });
            m_input = combo;
            break;
        }
        [[fallthrough]];
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
    m_input->setAccessibleName(spec.displayLabel());
    m_input->setAccessibleDescription(spec.displayHelp());
    layout->addWidget(m_input);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    Theme::follow(m_error, [this] {
        QPalette pal = m_error->palette();
        pal.setColor(QPalette::WindowText, Theme::errorText(palette()));
        m_error->setPalette(pal);
    });
    layout->addWidget(m_error);

    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setVisible(false);
    m_note->setEnabled(false); // the palette's quiet colour: information, not an error
    layout->addWidget(m_note);
}

void FieldEditor::emitChoice(const QString &text)
{
    if (m_updating || text == m_shownValue)
        return;
    m_shownValue = text;
    Q_EMIT edited(text);
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
    m_shownValue = value.toString();
    auto *combo = qobject_cast<QComboBox *>(m_input);
    if (auto *box = qobject_cast<QCheckBox *>(m_input))
        box->setChecked(value.toBool());
    else if (combo && combo->isEditable())
        combo->setEditText(m_shownValue); // setCurrentText would only pick a listed item
    else if (combo)
        combo->setCurrentText(m_shownValue);
    else if (auto *edit = qobject_cast<QLineEdit *>(m_input)) {
        edit->setText(FieldValue::toText(m_spec, value));
        edit->setModified(false);
    }
    m_updating = false;
}

void FieldEditor::setSuggestions(const QStringList &values)
{
    if (auto *combo = qobject_cast<QComboBox *>(m_input); combo && combo->isEditable()) {
        m_updating = true;
        const QString text = combo->currentText();
        combo->clear();
        combo->addItems(values);
        combo->setEditText(text);
        m_updating = false;
        return;
    }
    auto *edit = qobject_cast<QLineEdit *>(m_input);
    if (!edit)
        return;
    // A completer keeps free text possible (a model the endpoint did not list).
    auto *completer = new QCompleter(values, edit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    edit->setCompleter(completer);
}

QStringList FieldEditor::suggestions() const
{
    QStringList values;
    if (auto *combo = qobject_cast<QComboBox *>(m_input); combo && combo->isEditable()) {
        for (int i = 0; i < combo->count(); ++i)
            values << combo->itemText(i);
    } else if (auto *edit = qobject_cast<QLineEdit *>(m_input); edit && edit->completer()) {
        QAbstractItemModel *model = edit->completer()->model();
        for (int i = 0; i < model->rowCount(); ++i)
            values << model->index(i, 0).data().toString();
    }
    return values;
}

void FieldEditor::setNote(const QString &text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

QString FieldEditor::note() const
{
    return m_note->text();
}

void FieldEditor::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    m_input->setProperty("invalid", !message.isEmpty());
    m_input->setStyleSheet(message.isEmpty() ? QString()
                                             : QStringLiteral("border: 1px solid %1;")
                                                   .arg(Theme::errorText(palette()).name()));
}

QString FieldEditor::error() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace Madf::Ui
