#include "providereditor.h"

#include "ui/settings/fieldeditor.h"
#include "ui/settings/sectionform.h"

#include "core/config/config.h"
#include "core/config/configschema.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace Madf::Ui {

namespace {
// The instance name a provider is validated under: any valid name will do.
const QLatin1String kScratch("edited");

// Settings shown under "Limits and timeouts", in this order.
const char *const kSettingKeys[] = {"connect_timeout",  "inactivity_timeout", "max_in_flight",
                                    "requests_per_minute", "tokens_per_minute", "circuit_failures",
                                    "circuit_cooldown", "headers",            "speed"};

QLabel *quietLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setEnabled(false); // the palette's quiet colour
    return label;
}

QStringList lines(const QString &text)
{
    QStringList list;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            list << line.trimmed();
    }
    return list;
}
} // namespace

ProviderEditor::ProviderEditor(QWidget *parent)
    : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    outer->addLayout(m_form);

    auto *nameBox = new QWidget(this);
    auto *nameLayout = new QVBoxLayout(nameBox);
    nameLayout->setContentsMargins(0, 0, 0, 0);
    nameLayout->setSpacing(2);
    m_name = new QLineEdit(nameBox);
    m_name->setToolTip(tr("The name agents use to pick this provider (letters, digits, - and _)."));
    m_nameError = new QLabel(nameBox);
    m_nameError->setWordWrap(true);
    m_nameError->setVisible(false);
    QPalette errorPalette = m_nameError->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_nameError->setPalette(errorPalette);
    nameLayout->addWidget(m_name);
    nameLayout->addWidget(m_nameError);
    m_form->addRow(tr("&Name:"), nameBox);
    connect(m_name, &QLineEdit::textEdited, this, &ProviderEditor::changed);

    m_api = new QComboBox(this);
    m_api->addItem(tr("OpenAI-compatible (Chat Completions)"), QStringLiteral("openai"));
    m_api->setItemData(0, tr("OpenAI, OpenRouter, Ollama, llama.cpp, vLLM, LM Studio, Groq and others"),
                       Qt::ToolTipRole);
    m_api->addItem(tr("Anthropic (Messages)"), QStringLiteral("anthropic"));
    m_api->addItem(tr("Simulated (built in, offline)"), QStringLiteral("simulated"));
    m_api->setToolTip(tr("The wire format the endpoint speaks. OpenAI's is spoken by OpenAI, OpenRouter, Ollama, "
                         "llama.cpp, vLLM, LM Studio, Groq and others."));
    m_api->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_form->addRow(tr("&API:"), m_api);
    connect(m_api, &QComboBox::activated, this, [this] {
        updateRows();
        changed();
    });

    m_urls = new QPlainTextEdit(this);
    m_urls->setTabChangesFocus(true);
    m_urls->setPlaceholderText(tr("https://api.example.com/v1"));
    m_urls->setToolTip(tr("One base URL per line. With several, requests are spread over them as replicas, "
                          "and one that fails is taken out for a while."));
    m_urls->setFixedHeight(m_urls->fontMetrics().lineSpacing() * 3 + 12);
    m_form->addRow(tr("Base &URLs:"), m_urls);
    connect(m_urls, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            changed();
    });

    m_local = new QCheckBox(tr("Runs on this computer: no key needed, its models cost nothing"), this);
    m_form->addRow(QString(), m_local);
    connect(m_local, &QCheckBox::toggled, this, [this] {
        if (!m_loading)
            changed();
    });

    m_keySource = new QComboBox(this);
    m_keySource->addItem(tr("Entered here, kept in the keychain"), int(KeySource::Keychain));
    m_keySource->addItem(tr("Environment variable"), int(KeySource::Environment));
    m_keySource->addItem(tr("No key"), int(KeySource::None));
    m_form->addRow(tr("API &key:"), m_keySource);
    connect(m_keySource, &QComboBox::activated, this, [this] {
        updateRows();
        changed();
    });

    m_keyRow = new QWidget(this);
    auto *keyLayout = new QGridLayout(m_keyRow);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    keyLayout->setVerticalSpacing(2);
    m_key = new QLineEdit(m_keyRow);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Paste the API key"));
    m_key->setAccessibleName(tr("API key"));
    // Never offered to input methods or the clipboard history as text.
    m_key->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_showKey = new QToolButton(m_keyRow);
    m_showKey->setText(tr("Show"));
    m_showKey->setCheckable(true);
    m_showKey->setToolTip(tr("Show or hide the key"));
    connect(m_showKey, &QToolButton::toggled, this, [this](bool on) {
        m_key->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        m_showKey->setText(on ? tr("Hide") : tr("Show"));
    });
    m_keyNotice = quietLabel(m_keyRow);
    keyLayout->addWidget(m_key, 0, 0);
    keyLayout->addWidget(m_showKey, 0, 1);
    keyLayout->addWidget(m_keyNotice, 1, 0, 1, 2);
    m_form->addRow(tr("Key:"), m_keyRow);
    connect(m_key, &QLineEdit::textEdited, this, &ProviderEditor::changed);

    m_envRow = new QWidget(this);
    auto *envLayout = new QVBoxLayout(m_envRow);
    envLayout->setContentsMargins(0, 0, 0, 0);
    envLayout->setSpacing(2);
    m_env = new QLineEdit(m_envRow);
    m_env->setPlaceholderText(QStringLiteral("OPENAI_API_KEY"));
    m_env->setToolTip(tr("The environment variable MADF Studio and `madf` read the key from."));
    m_envStatus = quietLabel(m_envRow);
    envLayout->addWidget(m_env);
    envLayout->addWidget(m_envStatus);
    m_form->addRow(tr("&Variable:"), m_envRow);
    connect(m_env, &QLineEdit::textEdited, this, [this] {
        updateEnvStatus();
        changed();
    });

    m_moreButton = new QToolButton(this);
    m_moreButton->setText(tr("Limits and timeouts"));
    m_moreButton->setCheckable(true);
    m_moreButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_moreButton->setArrowType(Qt::RightArrow);
    m_moreButton->setAutoRaise(true);
    outer->addWidget(m_moreButton);
    m_more = new QWidget(this);
    m_moreForm = new QFormLayout(m_more);
    m_moreForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    buildSettings(m_moreForm);
    m_more->setVisible(false);
    outer->addWidget(m_more);
    outer->addStretch();
    connect(m_moreButton, &QToolButton::toggled, this, [this](bool on) {
        m_more->setVisible(on);
        m_moreButton->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });

    setProvider(ProviderConfig(), KeySource::None, QString());
}

void ProviderEditor::buildSettings(QFormLayout *form)
{
    const SectionSchema *section = findSection(QStringLiteral("providers"));
    if (!section)
        return;
    for (const char *key : kSettingKeys) {
        for (const FieldBinding &f : section->fields) {
            if (f.spec.key != QLatin1String(key))
                continue;
            auto *editor = new FieldEditor(f.spec, m_more);
            const QString name = f.spec.key;
            form->addRow(SectionForm::labelFor(name) + (f.spec.unit.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(f.spec.unit)),
                         editor);
            m_settings.insert(name, editor);
            connect(editor, &FieldEditor::edited, this,
                    [this, editor, name](const QVariant &v) { onSettingEdited(editor, name, v); });
        }
    }
}

void ProviderEditor::onSettingEdited(FieldEditor *editor, const QString &key, const QVariant &value)
{
    // The declarations validate (ranges, header syntax); a rejected value
    // shows its allowed range and is not taken.
    Config scratch;
    scratch.providers.insert(kScratch, m_provider);
    const ConfigIssues issues = scratch.setValue(joinKeyPath(QStringLiteral("providers"), kScratch, key), value);
    if (!issues.isEmpty()) {
        editor->setError(issues.first().message);
        return;
    }
    editor->setError({});
    const QString name = m_provider.name;
    m_provider = scratch.providers.value(kScratch);
    m_provider.name = name;
    changed();
}

void ProviderEditor::setProvider(const ProviderConfig &provider, KeySource source, const QString &key)
{
    m_loading = true;
    m_provider = provider;
    m_name->setText(provider.name);
    setNameError({});
    m_api->setCurrentIndex(qMax(0, m_api->findData(provider.api)));
    m_urls->setPlainText(provider.baseUrls.join(QLatin1Char('\n')));
    m_local->setChecked(provider.local);
    m_keySource->setCurrentIndex(m_keySource->findData(int(source)));
    m_key->setText(key);
    m_showKey->setChecked(false);
    m_env->setText(provider.apiKeyEnv);
    const SectionSchema *section = findSection(QStringLiteral("providers"));
    for (const FieldBinding &f : section->fields) {
        if (FieldEditor *editor = m_settings.value(f.spec.key)) {
            editor->setValue(f.get(&provider));
            editor->setError({});
        }
    }
    updateRows();
    updateEnvStatus();
    m_loading = false;
}

ProviderConfig ProviderEditor::provider() const
{
    ProviderConfig p = m_provider;
    p.name = m_name->text().trimmed();
    p.api = m_api->currentData().toString();
    p.baseUrls = lines(m_urls->toPlainText());
    p.local = m_local->isChecked();
    p.apiKeyEnv = m_env->text().trimmed();
    return p;
}

ProviderEditor::KeySource ProviderEditor::keySource() const
{
    return KeySource(m_keySource->currentData().toInt());
}

QString ProviderEditor::key() const
{
    return keySource() == KeySource::Keychain ? m_key->text().trimmed() : QString();
}

void ProviderEditor::setNameError(const QString &message)
{
    m_nameError->setText(message);
    m_nameError->setVisible(!message.isEmpty());
}

void ProviderEditor::setKeyNotice(const QString &text, bool warning)
{
    m_keyNotice->setText(text);
    m_keyNotice->setEnabled(warning); // a warning in the normal colour, a plain note quieter
    m_keyNotice->setVisible(!text.isEmpty());
}

QString ProviderEditor::keyNotice() const
{
    return m_keyNotice->text();
}

void ProviderEditor::updateRows()
{
    const bool simulated = m_api->currentData().toString() == QLatin1String("simulated");
    const KeySource source = keySource();
    m_form->setRowVisible(m_urls, !simulated);
    m_form->setRowVisible(m_local, !simulated);
    m_form->setRowVisible(m_keySource, !simulated);
    m_form->setRowVisible(m_keyRow, !simulated && source == KeySource::Keychain);
    m_form->setRowVisible(m_envRow, !simulated && source == KeySource::Environment);
    // The simulator has a speed and nothing to connect to.
    for (auto it = m_settings.cbegin(); it != m_settings.cend(); ++it)
        m_moreForm->setRowVisible(it.value(), (it.key() == QLatin1String("speed")) == simulated);
}

void ProviderEditor::updateEnvStatus()
{
    const QString name = m_env->text().trimmed();
    if (name.isEmpty())
        m_envStatus->setText(tr("Name the variable that holds the key."));
    else if (qEnvironmentVariableIsEmpty(name.toLocal8Bit().constData()))
        m_envStatus->setText(tr("%1 is not set in MADF Studio's environment: set it before starting MADF Studio.")
                                 .arg(name));
    else
        m_envStatus->setText(tr("%1 is set.").arg(name));
}

void ProviderEditor::changed()
{
    if (!m_loading)
        Q_EMIT edited();
}

} // namespace Madf::Ui
