#include "inspectorpanel.h"

#include "fieldeditor.h"
#include "sectionform.h"
#include "thresholdslider.h"

#include "ui/providers/modelcatalog.h"

#include "core/config/configloader.h"
#include "core/config/configschema.h"
#include "core/config/configwriter.h"
#include "core/config/presets.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Madf::Ui {

namespace {
QWidget *scrollable(QWidget *content)
{
    auto *area = new QScrollArea;
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

QString issuesText(const ConfigIssues &issues)
{
    QStringList lines;
    for (const ConfigIssue &i : issues)
        lines << i.toString();
    return lines.join(QLatin1Char('\n'));
}
} // namespace

InspectorPanel::InspectorPanel(QWidget *parent)
    : QWidget(parent), m_config(Config::defaults())
{
    buildUi();
    refresh();
}

void InspectorPanel::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    auto *presetRow = new QHBoxLayout;
    m_presets = new QComboBox(this);
    m_presets->setAccessibleName(tr("Preset"));
    auto *presetLabel = new QLabel(tr("&Preset:"), this);
    presetLabel->setBuddy(m_presets);
    auto *apply = new QPushButton(tr("&Apply"), this);
    apply->setToolTip(tr("Apply the chosen preset on top of the current settings"));
    connect(apply, &QPushButton::clicked, this, [this] {
        QString error;
        if (!applyPreset(m_presets->currentData().toString(), &error))
            showWarning(tr("Preset"), error);
    });
    presetRow->addWidget(presetLabel);
    presetRow->addWidget(m_presets, 1);
    presetRow->addWidget(apply);
    layout->addLayout(presetRow);

    auto *fileRow = new QHBoxLayout;
    auto *savePreset = new QPushButton(tr("Save as preset…"), this);
    auto *importButton = new QPushButton(tr("Import YAML…"), this);
    auto *exportButton = new QPushButton(tr("Export YAML…"), this);
    connect(savePreset, &QPushButton::clicked, this, &InspectorPanel::onSavePresetClicked);
    connect(importButton, &QPushButton::clicked, this, &InspectorPanel::onImportClicked);
    connect(exportButton, &QPushButton::clicked, this, &InspectorPanel::onExportClicked);
    fileRow->addWidget(savePreset);
    fileRow->addWidget(importButton);
    fileRow->addWidget(exportButton);
    fileRow->addStretch();
    layout->addLayout(fileRow);

    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs, 1);

    auto addForm = [this](const QString &section, const QString &instance, QWidget *parent) {
        auto *form = new SectionForm(*findSection(section), instance, parent);
        connect(form, &SectionForm::valueEdited, this, &InspectorPanel::onValueEdited);
        m_forms.insert(instance.isEmpty() ? section : instance, form);
        return form;
    };

    // Orchestrator, with the threshold shown over the score bands.
    auto *orchestrator = new QWidget;
    auto *orchLayout = new QVBoxLayout(orchestrator);
    m_threshold = new ThresholdSlider(orchestrator);
    connect(m_threshold, &ThresholdSlider::valueChosen, this, [this](double v) {
        applyValue(QStringLiteral("orchestrator.quality_threshold"), v);
    });
    orchLayout->addWidget(m_threshold);
    orchLayout->addWidget(addForm(QStringLiteral("orchestrator"), {}, orchestrator));
    orchLayout->addStretch();
    m_tabs->addTab(scrollable(orchestrator), tr("Orchestrator"));

    auto *agents = new QTabWidget;
    for (const QString &name : Config::standardAgents())
        agents->addTab(scrollable(addForm(QStringLiteral("agents"), name, nullptr)), SectionForm::labelFor(name));
    m_tabs->addTab(agents, tr("Agents"));

    auto group = [&](const QString &title, const QString &section, QWidget *parent) {
        auto *box = new QGroupBox(title, parent);
        auto *l = new QVBoxLayout(box);
        l->addWidget(addForm(section, {}, box));
        return box;
    };
    auto *quality = new QWidget;
    auto *qualityLayout = new QVBoxLayout(quality);
    qualityLayout->addWidget(group(tr("Quality"), QStringLiteral("quality"), quality));
    qualityLayout->addWidget(group(tr("Budget"), QStringLiteral("budget"), quality));
    qualityLayout->addStretch();
    m_tabs->addTab(scrollable(quality), tr("Quality && budget"));

    auto *advanced = new QWidget;
    auto *advancedLayout = new QVBoxLayout(advanced);
    advancedLayout->addWidget(group(tr("Cache"), QStringLiteral("cache"), advanced));
    advancedLayout->addWidget(group(tr("Storage"), QStringLiteral("storage"), advanced));
    advancedLayout->addWidget(group(tr("Logging"), QStringLiteral("logging"), advanced));
    advancedLayout->addWidget(group(tr("Metrics"), QStringLiteral("metrics"), advanced));
    advancedLayout->addStretch();
    m_tabs->addTab(scrollable(advanced), tr("Advanced"));

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    reloadPresets();
}

void InspectorPanel::reloadPresets()
{
    const QString current = m_presets->currentData().toString();
    m_presets->clear();
    for (const Presets::Preset &p : Presets::all()) {
        m_presets->addItem(p.builtIn ? p.name : tr("%1 (yours)").arg(p.name), p.name);
        m_presets->setItemData(m_presets->count() - 1, p.description, Qt::ToolTipRole);
    }
    const int index = m_presets->findData(current.isEmpty() ? QStringLiteral("balanced") : current);
    if (index >= 0)
        m_presets->setCurrentIndex(index);
}

void InspectorPanel::setConfig(const Config &config)
{
    m_config = config;
    refresh();
    requestModels();
}

void InspectorPanel::setModelCatalog(ModelCatalog *catalog)
{
    if (m_catalog)
        m_catalog->disconnect(this);
    m_catalog = catalog;
    if (!m_catalog)
        return;
    connect(m_catalog, &ModelCatalog::listingStarted, this, [this](const QString &provider) {
        for (const AgentConfig &a : std::as_const(m_config.agents))
            if (a.modelConfig.provider == provider && form(a.name) && form(a.name)->editor(QStringLiteral("model")))
                form(a.name)->editor(QStringLiteral("model"))->setNote(tr("Listing the models of %1…").arg(provider));
    });
    connect(m_catalog, &ModelCatalog::modelsListed, this, &InspectorPanel::onModelsListed);
    requestModels();
}

void InspectorPanel::requestModels()
{
    if (!m_catalog)
        return;
    QSet<QString> asked;
    for (const AgentConfig &a : std::as_const(m_config.agents)) {
        const QString provider = a.modelConfig.provider;
        if (form(a.name) && !asked.contains(provider)) {
            asked.insert(provider);
            m_catalog->request(provider);
        }
    }
}

void InspectorPanel::onModelsListed(const QString &provider, const QStringList &models, const QString &error)
{
    for (const AgentConfig &a : std::as_const(m_config.agents)) {
        SectionForm *f = a.modelConfig.provider == provider ? form(a.name) : nullptr;
        FieldEditor *editor = f ? f->editor(QStringLiteral("model")) : nullptr;
        if (!editor)
            continue;
        editor->setSuggestions(models);
        if (!error.isEmpty())
            editor->setNote(tr("Could not list the models of %1: %2 Type a model name.").arg(provider, error));
        else if (models.isEmpty())
            editor->setNote(tr("%1 lists no models. Type a model name.").arg(provider));
        else
            editor->setNote(tr("%n model(s) offered by %1", nullptr, int(models.size())).arg(provider));
    }
}

SectionForm *InspectorPanel::form(const QString &sectionOrAgent) const
{
    return m_forms.value(sectionOrAgent);
}

void InspectorPanel::refresh()
{
    for (SectionForm *f : std::as_const(m_forms)) {
        f->refresh(m_config);
        f->setSuggestions(QStringLiteral("provider"), m_config.providers.keys());
    }
    m_threshold->setValue(m_config.orchestrator.qualityThreshold);
}

bool InspectorPanel::applyValue(const QString &keyPath, const QVariant &value, QString *error)
{
    const auto kp = KeyPath::parse(keyPath);
    SectionForm *f = kp ? form(kp->instance.isEmpty() ? kp->section->name : kp->instance) : nullptr;
    FieldEditor *editor = f && kp ? f->editor(kp->field->spec.key) : nullptr;

    Config candidate = m_config;
    ConfigIssues issues = candidate.setValue(keyPath, value);
    if (issues.isEmpty())
        issues = candidate.validate(); // e.g. an agent pointed at a provider that does not exist
    if (!issues.isEmpty()) {
        const QString message = issues.first().message;
        if (editor)
            editor->setError(message);
        if (error)
            *error = message;
        m_status->setText(tr("Not applied: %1").arg(issues.first().toString()));
        return false;
    }
    m_config = candidate;
    if (editor)
        editor->setError({});
    if (keyPath == QLatin1String("orchestrator.quality_threshold"))
        m_threshold->setValue(m_config.orchestrator.qualityThreshold);
    if (f)
        f->refresh(m_config);
    m_status->setText(tr("%1 = %2").arg(keyPath, value.toString()));
    Q_EMIT configChanged(m_config);
    if (kp && kp->field->spec.key == QLatin1String("provider"))
        requestModels(); // the agent's model list is now another endpoint's
    return true;
}

void InspectorPanel::onValueEdited(FieldEditor *editor, const QString &keyPath, const QVariant &value)
{
    Q_UNUSED(editor)
    applyValue(keyPath, value);
}

bool InspectorPanel::applyPreset(const QString &name, QString *error)
{
    // Built-in presets are compiled-in resources (memory, not disk); user
    // presets are a few hundred bytes. Reading inline keeps apply atomic.
    const ConfigLoadResult r = Presets::apply(name, m_config);
    if (!r.ok()) {
        if (error)
            *error = issuesText(r.issues);
        return false;
    }
    m_config = r.config;
    refresh();
    const QString text = tr("Preset \"%1\" applied").arg(name);
    m_status->setText(text);
    Q_EMIT message(text);
    Q_EMIT configChanged(m_config);
    requestModels();
    return true;
}

void InspectorPanel::importYaml(const QString &path)
{
    auto *watcher = new QFutureWatcher<ConfigLoadResult>(this);
    const Config base = Config::defaults();
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const ConfigLoadResult r = watcher->result();
        watcher->deleteLater();
        if (!r.ok()) {
            m_status->setText(tr("Not imported: %1 has errors; the settings in force are unchanged.").arg(r.path));
            Q_EMIT message(m_status->text());
            showWarning(tr("Import YAML"), tr("%1 has errors; nothing was changed.").arg(r.path), issuesText(r.issues));
            return;
        }
        m_config = r.config;
        refresh();
        m_status->setText(tr("Imported %1").arg(r.path));
        Q_EMIT configChanged(m_config);
        requestModels();
    });
    watcher->setFuture(QtConcurrent::run([path, base] { return ConfigLoader::fromFile(path, base); }));
}

void InspectorPanel::exportYaml(const QString &path)
{
    auto *watcher = new QFutureWatcher<QString>(this);
    const Config config = m_config;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        m_status->setText(error.isEmpty() ? tr("Exported to %1").arg(path) : error);
        Q_EMIT message(m_status->text());
    });
    watcher->setFuture(QtConcurrent::run([path, config] {
        QString error;
        ConfigWriter::save(path, config, &error, ConfigWriter::Options{false, true, false, false});
        return error;
    }));
}

void InspectorPanel::saveAsPreset(const QString &name, const QString &description)
{
    auto *watcher = new QFutureWatcher<QString>(this);
    const Config config = m_config;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, name] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (!error.isEmpty()) {
            showWarning(tr("Save as preset"), error);
            return;
        }
        reloadPresets();
        m_presets->setCurrentIndex(m_presets->findData(name));
        m_status->setText(tr("Preset \"%1\" saved").arg(name));
        Q_EMIT message(m_status->text());
    });
    watcher->setFuture(QtConcurrent::run([name, description, config] {
        QString error;
        Presets::saveUserPreset(name, description, config, &error);
        return error;
    }));
}

void InspectorPanel::showWarning(const QString &title, const QString &text, const QString &details)
{
    // Window-modal and asynchronous: no nested event loop on the GUI thread.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    if (!details.isEmpty())
        box->setDetailedText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void InspectorPanel::onImportClicked()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import configuration"), {},
                                                      tr("YAML files (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        importYaml(path);
}

void InspectorPanel::onExportClicked()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export configuration"), QStringLiteral("madf.yaml"),
                                                      tr("YAML files (*.yaml *.yml)"));
    if (!path.isEmpty())
        exportYaml(path);
}

void InspectorPanel::onSavePresetClicked()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as preset"),
                                               tr("Name (letters, digits, - and _):"), QLineEdit::Normal, {}, &ok);
    if (!ok || name.isEmpty())
        return;
    const QString description = QInputDialog::getText(this, tr("Save as preset"), tr("One-line description:"),
                                                      QLineEdit::Normal, {}, &ok);
    if (ok)
        saveAsPreset(name, description);
}

} // namespace Madf::Ui
