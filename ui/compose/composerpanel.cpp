#include "composerpanel.h"

#include "stringlisteditor.h"

#include "ui/theme/theme.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Madf::Ui {

namespace {
QComboBox *editableCombo(const QStringList &items, QWidget *parent)
{
    auto *c = new QComboBox(parent);
    c->setEditable(true);
    c->addItems(items);
    c->setInsertPolicy(QComboBox::NoInsert);
    return c;
}
} // namespace

ComposerPanel::ComposerPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    outer->addLayout(form);

    auto addRow = [&](const QString &label, QWidget *field, const QString &key) {
        auto *box = new QWidget(this);
        auto *l = new QVBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        l->setSpacing(2);
        l->addWidget(field);
        auto *error = new QLabel(box);
        error->setWordWrap(true);
        error->setVisible(false);
        Theme::follow(error, [this, error] {
            QPalette pal = error->palette();
            pal.setColor(QPalette::WindowText, Theme::errorText(palette()));
            error->setPalette(pal);
        });
        l->addWidget(error);
        m_errorLabels.insert(key, error);
        auto *lab = new QLabel(label, this);
        lab->setBuddy(field);
        form->addRow(lab, box);
        // The name goes to the widget that takes the focus (a list editor's list).
        const QString name = QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')).trimmed();
        field->setAccessibleName(name);
        if (field->focusProxy())
            field->focusProxy()->setAccessibleName(name);
    };

    m_topic = new QLineEdit(this);
    m_topic->setPlaceholderText(tr("What the document is about (at least 5 characters)"));
    addRow(tr("T&opic:"), m_topic, QStringLiteral("topic"));

    m_type = editableCombo(DocumentRequest::knownDocumentTypes(), this);
    addRow(tr("Ty&pe:"), m_type, QStringLiteral("document_type"));

    m_length = new QSpinBox(this);
    // A wider range than allowed, so a wrong number is shown with its rule
    // instead of silently clamped.
    m_length->setRange(0, 1000000);
    m_length->setSingleStep(100);
    m_length->setSuffix(tr(" words"));
    m_length->setValue(1000);
    addRow(tr("&Length:"), m_length, QStringLiteral("target_length"));

    m_style = editableCombo({QStringLiteral("formal"), QStringLiteral("conversational"), QStringLiteral("technical"),
                             QStringLiteral("academic"), QStringLiteral("persuasive")},
                            this);
    addRow(tr("St&yle:"), m_style, QStringLiteral("style"));
    m_audience = editableCombo({QStringLiteral("general"), QStringLiteral("experts"), QStringLiteral("executives"),
                                QStringLiteral("beginners"), QStringLiteral("researchers")},
                               this);
    addRow(tr("&Audience:"), m_audience, QStringLiteral("audience"));

    m_requirements = new StringListEditor(tr("requirement"), false, this);
    addRow(tr("&Requirements:"), m_requirements, QStringLiteral("requirements"));
    m_references = new StringListEditor(tr("reference"), true, this);
    addRow(tr("R&eferences:"), m_references, QStringLiteral("references"));
    m_outline = new QPlainTextEdit(this);
    m_outline->setPlaceholderText(tr("Optional: one section title per line"));
    m_outline->setMaximumHeight(80);
    m_outline->setTabChangesFocus(true);
    addRow(tr("O&utline:"), m_outline, QStringLiteral("outline"));

    m_estimate = new QLabel(this);
    m_estimate->setWordWrap(true);
    m_estimate->setAccessibleName(tr("Estimate"));
    outer->addWidget(m_estimate);

    m_generate = new QPushButton(tr("&Generate"), this);
    m_generate->setToolTip(tr("Generate the document (Ctrl+Return)"));
    m_generate->setDefault(true);
    outer->addWidget(m_generate);
    outer->addStretch();
    connect(m_generate, &QPushButton::clicked, this, &ComposerPanel::generate);
    m_shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    m_shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_shortcut, &QShortcut::activated, this, &ComposerPanel::generate);

    // Tab follows the form from top to bottom, each list with its buttons,
    // and ends on Generate.
    QWidget *previous = m_topic;
    for (QWidget *next : std::initializer_list<QWidget *>{m_type, m_length, m_style, m_audience, m_requirements,
                                                          m_references, m_outline, m_generate}) {
        QWidget::setTabOrder(previous, next);
        previous = next->focusProxy() ? next->focusProxy() : next;
        for (QPushButton *b : next->findChildren<QPushButton *>()) {
            QWidget::setTabOrder(previous, b);
            previous = b;
        }
    }

    connect(m_topic, &QLineEdit::textChanged, this, &ComposerPanel::onEdited);
    connect(m_topic, &QLineEdit::editingFinished, this, [this] {
        m_showErrors = true;
        validate();
    });
    connect(m_type, &QComboBox::currentTextChanged, this, &ComposerPanel::onEdited);
    connect(m_length, &QSpinBox::valueChanged, this, &ComposerPanel::onEdited);
    connect(m_style, &QComboBox::currentTextChanged, this, &ComposerPanel::onEdited);
    connect(m_audience, &QComboBox::currentTextChanged, this, &ComposerPanel::onEdited);
    connect(m_requirements, &StringListEditor::changed, this, &ComposerPanel::onEdited);
    connect(m_references, &StringListEditor::changed, this, &ComposerPanel::onEdited);
    connect(m_outline, &QPlainTextEdit::textChanged, this, &ComposerPanel::onEdited);
}

ComposerPanel::~ComposerPanel()
{
    // Children losing focus while being destroyed still emit editingFinished;
    // by then the error labels may be gone.
    for (QObject *child : findChildren<QObject *>())
        disconnect(child, nullptr, this, nullptr);
}

DocumentRequest ComposerPanel::request() const
{
    DocumentRequest r;
    r.topic = m_topic->text().trimmed();
    r.documentType = m_type->currentText().trimmed();
    r.targetLength = m_length->value();
    r.style = m_style->currentText().trimmed();
    r.audience = m_audience->currentText().trimmed();
    r.requirements = m_requirements->items();
    r.references = m_references->items();
    r.outline = m_outline->toPlainText().trimmed();
    return r;
}

void ComposerPanel::setRequest(const DocumentRequest &r)
{
    m_topic->setText(r.topic);
    m_type->setCurrentText(r.documentType);
    m_length->setValue(r.targetLength);
    m_style->setCurrentText(r.style);
    m_audience->setCurrentText(r.audience);
    m_requirements->setItems(r.requirements);
    m_references->setItems(r.references);
    m_outline->setPlainText(r.outline);
}

void ComposerPanel::onEdited()
{
    if (m_showErrors)
        validate();
    Q_EMIT requestChanged(request());
}

bool ComposerPanel::validate()
{
    const QList<RequestError> errors = request().validate();
    markErrors(errors);
    return errors.isEmpty();
}

void ComposerPanel::markErrors(const QList<RequestError> &errors)
{
    for (QLabel *l : std::as_const(m_errorLabels)) {
        l->clear();
        l->setVisible(false);
    }
    m_requirements->setRowError(-1, {});
    m_references->setRowError(-1, {});
    for (const RequestError &e : errors) {
        // "requirements[2]" -> the requirements row 2
        QString key = e.field;
        int row = -1;
        if (const qsizetype bracket = key.indexOf(QLatin1Char('[')); bracket > 0) {
            row = key.mid(bracket + 1, key.size() - bracket - 2).toInt();
            key = key.left(bracket);
        }
        if (key == QLatin1String("requirements"))
            m_requirements->setRowError(row, e.message());
        else if (key == QLatin1String("references"))
            m_references->setRowError(row, e.message());
        if (QLabel *l = m_errorLabels.value(key)) {
            l->setText(l->text().isEmpty() ? e.message() : l->text() + QLatin1Char('\n') + e.message());
            l->setVisible(true);
        }
    }
}

QString ComposerPanel::fieldError(const QString &field) const
{
    QLabel *l = m_errorLabels.value(field);
    return l && !l->isHidden() ? l->text() : QString();
}

void ComposerPanel::setShortcutEnabled(bool on)
{
    m_shortcut->setEnabled(on);
}

void ComposerPanel::setEstimate(const QString &text)
{
    m_estimate->setText(text);
}

void ComposerPanel::generate()
{
    m_showErrors = true;
    if (!validate())
        return;
    Q_EMIT generateRequested(request());
}

} // namespace Madf::Ui
