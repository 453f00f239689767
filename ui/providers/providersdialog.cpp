#include "providersdialog.h"

#include "connectiontest.h"
#include "providerkeys.h"
#include "providertemplates.h"

#include "core/config/secretstore.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QShowEvent>
#include <QSplitter>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace Madf::Ui {

namespace {
const QLatin1String kSimulated("simulated");

enum Column { NameColumn, TypeColumn, KeyColumn, AgentsColumn };

QString normalizedUrl(const QString &text)
{
    QUrl url(text.trimmed());
    if (url.host() == QLatin1String("127.0.0.1") || url.host() == QLatin1String("::1"))
        url.setHost(QStringLiteral("localhost"));
    QString out = url.toString(QUrl::StripTrailingSlash);
    return out;
}

QLabel *wrappingLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

ProvidersDialog::ProvidersDialog(const Config &config, ProviderKeys *keys, QWidget *parent)
    : QDialog(parent)
    , m_config(config)
    , m_keys(keys)
{
    setObjectName(QStringLiteral("ProvidersDialog"));
    setWindowTitle(tr("Providers"));
    m_test = new ConnectionTest(this);
    connect(m_test, &ConnectionTest::finished, this, &ProvidersDialog::onTestFinished);
    m_detector = new LocalServerDetector(this);
    connect(m_detector, &LocalServerDetector::finished, this, &ProvidersDialog::onDetectionFinished);

    for (auto it = config.providers.cbegin(); it != config.providers.cend(); ++it) {
        Entry e;
        e.original = it.key();
        e.config = it.value();
        e.config.name = it.key();
        e.key = keys ? keys->key(it.key()) : QString();
        if (!e.key.isEmpty())
            e.source = ProviderEditor::KeySource::Keychain;
        else if (!e.config.apiKeyEnv.isEmpty())
            e.source = ProviderEditor::KeySource::Environment;
        else if (e.config.local || e.config.api == kSimulated)
            e.source = ProviderEditor::KeySource::None;
        else
            e.source = ProviderEditor::KeySource::Keychain;
        m_entries << e;
    }
    buildUi();
    reloadTree();
    if (keys)
        connect(keys->store(), &SecretStore::persistenceChanged, this, &ProvidersDialog::updateKeyNotice);
    // Open on the provider the agents use, else the first real one.
    QString first;
    for (const AgentConfig &a : config.agents)
        if (a.modelConfig.provider != kSimulated && indexOf(a.modelConfig.provider) >= 0)
            first = a.modelConfig.provider;
    if (first.isEmpty() && !m_entries.isEmpty())
        first = m_entries.first().config.name;
    selectProvider(first);
}

ProvidersDialog::~ProvidersDialog() = default;

void ProvidersDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);

    // Left: the providers, the buttons, and the local servers found.
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_tree = new QTreeWidget(left);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setHeaderLabels({tr("Name"), tr("Type"), tr("Key"), tr("Used by")});
    m_tree->header()->setStretchLastSection(true);
    m_tree->setAccessibleName(tr("Configured providers"));
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { onCurrentRowChanged(item ? m_tree->indexOfTopLevelItem(item) : -1); });
    leftLayout->addWidget(m_tree, 1);

    auto *buttons = new QHBoxLayout;
    m_addButton = new QPushButton(tr("&Add"), left);
    auto *addMenu = new QMenu(m_addButton);
    for (const ProviderTemplate &t : ProviderTemplate::all()) {
        const QString id = t.id;
        addMenu->addAction(t.label, this, [this, id] { addProvider(id); });
    }
    m_addButton->setMenu(addMenu);
    m_removeButton = new QPushButton(tr("&Remove"), left);
    connect(m_removeButton, &QPushButton::clicked, this, [this] { removeProvider(currentProvider()); });
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(buildLocalServers());

    // Right: the form of the selected provider and its connection test.
    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_editor = new ProviderEditor(right);
    connect(m_editor, &ProviderEditor::edited, this, &ProvidersDialog::onEdited);
    auto *scroll = new QScrollArea(right);
    scroll->setWidget(m_editor);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    rightLayout->addWidget(scroll, 1);

    auto *testBox = new QGroupBox(tr("Connection"), right);
    auto *testLayout = new QVBoxLayout(testBox);
    auto *testRow = new QHBoxLayout;
    m_testButton = new QPushButton(tr("&Test connection"), testBox);
    m_testButton->setToolTip(tr("Ask the endpoint for its models with these settings (not saved yet): "
                                "is it there, does it take the key, how fast does it answer"));
    connect(m_testButton, &QPushButton::clicked, this, &ProvidersDialog::testConnection);
    m_testProgress = new QProgressBar(testBox);
    m_testProgress->setRange(0, 0); // busy: a model list has no known length
    m_testProgress->setTextVisible(false);
    m_testProgress->setMaximumWidth(120);
    m_testProgress->setVisible(false);
    m_cancelTestButton = new QPushButton(tr("Cancel test"), testBox);
    m_cancelTestButton->setVisible(false);
    connect(m_cancelTestButton, &QPushButton::clicked, this, &ProvidersDialog::cancelTest);
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testProgress);
    testRow->addWidget(m_cancelTestButton);
    testRow->addStretch();
    testLayout->addLayout(testRow);
    m_testResult = wrappingLabel(testBox);
    m_testResult->setText(tr("Not tested yet."));
    m_testResult->setEnabled(false);
    testLayout->addWidget(m_testResult);
    m_testModels = wrappingLabel(testBox);
    m_testModels->setVisible(false);
    testLayout->addWidget(m_testModels);
    rightLayout->addWidget(testBox);

    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({540, 560});

    m_error = wrappingLabel(this);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_error->setPalette(errorPalette);
    m_error->setVisible(false);
    layout->addWidget(m_error);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, [this] { save(); });
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);
    resize(1120, 640);
}

QWidget *ProvidersDialog::buildLocalServers()
{
    auto *group = new QGroupBox(tr("Local servers on this computer"));
    auto *layout = new QVBoxLayout(group);
    m_localStatus = wrappingLabel(group);
    m_localStatus->setEnabled(false);
    m_localStatus->setText(tr("Not looked for yet."));
    layout->addWidget(m_localStatus);
    m_localList = new QVBoxLayout;
    layout->addLayout(m_localList);
    m_scanButton = new QPushButton(tr("&Look again"), group);
    m_scanButton->setToolTip(tr("Look for Ollama (port 11434), LM Studio (1234), llama.cpp (8080) and vLLM (8000) "
                                "on this computer"));
    connect(m_scanButton, &QPushButton::clicked, this, &ProvidersDialog::detectLocalServers);
    auto *row = new QHBoxLayout;
    row->addWidget(m_scanButton);
    row->addStretch();
    layout->addLayout(row);
    return group;
}

void ProvidersDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_detectionStarted)
        detectLocalServers();
    // A provider that still needs its key: the key field is where to start.
    if (m_current >= 0 && m_editor->keySource() == ProviderEditor::KeySource::Keychain && m_editor->key().isEmpty()
        && !m_entries.at(m_current).config.local)
        m_editor->keyEdit()->setFocus();
}

// --- the list -------------------------------------------------------------

void ProvidersDialog::reloadTree()
{
    const QSignalBlocker blocker(m_tree);
    m_tree->clear();
    for (int i = 0; i < m_entries.size(); ++i) {
        m_tree->addTopLevelItem(new QTreeWidgetItem);
        updateRow(i);
    }
    m_tree->resizeColumnToContents(NameColumn);
    m_tree->resizeColumnToContents(TypeColumn);
    m_tree->resizeColumnToContents(KeyColumn);
}

void ProvidersDialog::updateRow(int index)
{
    QTreeWidgetItem *item = m_tree->topLevelItem(index);
    if (!item)
        return;
    const Entry &e = m_entries.at(index);
    QString key;
    if (e.config.api == kSimulated) {
        key = tr("not needed");
    } else {
        switch (e.source) {
        case ProviderEditor::KeySource::Keychain:
            key = !e.key.isEmpty() ? tr("entered") : e.config.local ? tr("not needed") : tr("missing");
            break;
        case ProviderEditor::KeySource::Environment:
            key = qEnvironmentVariableIsEmpty(e.config.apiKeyEnv.toLocal8Bit().constData())
                      ? tr("$%1 (not set)").arg(e.config.apiKeyEnv)
                      : tr("$%1").arg(e.config.apiKeyEnv);
            break;
        case ProviderEditor::KeySource::None:
            key = e.config.local ? tr("not needed") : tr("none");
            break;
        }
    }
    QStringList agents;
    for (const AgentConfig &a : m_config.agents)
        if (!e.original.isEmpty() && a.modelConfig.provider == e.original)
            agents << a.name;
    item->setText(NameColumn, e.config.name.isEmpty() ? tr("(unnamed)") : e.config.name);
    item->setText(TypeColumn, ProviderTemplate::describe(e.config));
    item->setText(KeyColumn, key);
    item->setText(AgentsColumn, agents.isEmpty()                         ? tr("–")
                                : agents.size() == m_config.agents.size() ? tr("all agents")
                                                                          : agents.join(QStringLiteral(", ")));
    item->setToolTip(AgentsColumn, agents.join(QStringLiteral(", ")));
    item->setToolTip(NameColumn, e.config.baseUrls.join(QLatin1Char('\n')));
}

void ProvidersDialog::onCurrentRowChanged(int row)
{
    if (row == m_current)
        return;
    // A result belongs to the provider it was asked for.
    cancelTest();
    m_testResult->setText(tr("Not tested yet."));
    m_testResult->setEnabled(false);
    m_testModels->setVisible(false);
    m_testedModels.clear();
    m_current = row;
    const bool valid = row >= 0 && row < m_entries.size();
    m_editor->setEnabled(valid);
    m_testButton->setEnabled(valid);
    m_removeButton->setEnabled(valid && m_entries.at(row).config.api != kSimulated);
    if (!valid)
        return;
    const Entry &e = m_entries.at(row);
    m_editor->setProvider(e.config, e.source, e.key);
    m_editor->setNameError(nameError(row));
    updateKeyNotice();
}

void ProvidersDialog::onEdited()
{
    if (m_current < 0 || m_current >= m_entries.size())
        return;
    Entry &e = m_entries[m_current];
    e.config = m_editor->provider();
    e.source = m_editor->keySource();
    e.key = m_editor->key();
    m_editor->setNameError(nameError(m_current));
    updateRow(m_current);
    updateKeyNotice();
    m_error->setVisible(false);
}

void ProvidersDialog::updateKeyNotice()
{
    if (m_current < 0 || !m_keys) {
        m_editor->setKeyNotice({}, false);
        return;
    }
    const SecretStore *store = m_keys->store();
    const QString env = m_entries.at(m_current).config.apiKeyEnv;
    switch (store->persistence()) {
    case SecretStore::Persistence::Checking:
        m_editor->setKeyNotice(tr("Checking the desktop keychain…"), false);
        break;
    case SecretStore::Persistence::Persistent:
        m_editor->setKeyNotice(tr("Kept in %1, never in the settings file.").arg(store->backendName()), false);
        break;
    case SecretStore::Persistence::SessionOnly:
        m_editor->setKeyNotice(store->notice() + QLatin1Char(' ') + SecretStore::sessionOnlyHint(env), true);
        break;
    }
}

QString ProvidersDialog::nameError(int index) const
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    const QString name = m_entries.at(index).config.name;
    if (name.isEmpty())
        return tr("A provider needs a name.");
    if (!valid.match(name).hasMatch())
        return tr("\"%1\": use letters, digits, ., - and _ (starting with a letter or digit).").arg(name);
    for (int i = 0; i < m_entries.size(); ++i)
        if (i != index && m_entries.at(i).config.name == name)
            return tr("Another provider is already named \"%1\".").arg(name);
    return {};
}

int ProvidersDialog::indexOf(const QString &name) const
{
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries.at(i).config.name == name)
            return i;
    return -1;
}

QStringList ProvidersDialog::providerNames() const
{
    QStringList names;
    for (const Entry &e : m_entries)
        names << e.config.name;
    return names;
}

QString ProvidersDialog::currentProvider() const
{
    return m_current >= 0 && m_current < m_entries.size() ? m_entries.at(m_current).config.name : QString();
}

bool ProvidersDialog::selectProvider(const QString &name)
{
    const int index = indexOf(name);
    if (index < 0)
        return false;
    m_tree->setCurrentItem(m_tree->topLevelItem(index));
    return true;
}

QString ProvidersDialog::uniqueName(const QString &base) const
{
    QString name = base;
    for (int n = 2; indexOf(name) >= 0; ++n)
        name = QStringLiteral("%1-%2").arg(base).arg(n);
    return name;
}

QString ProvidersDialog::addProvider(const QString &templateId)
{
    const std::optional<ProviderTemplate> t = ProviderTemplate::find(templateId);
    if (!t)
        return {};
    Entry e;
    e.config = t->make(uniqueName(t->id));
    e.source = t->local ? ProviderEditor::KeySource::None : ProviderEditor::KeySource::Keychain;
    m_entries << e;
    m_tree->addTopLevelItem(new QTreeWidgetItem);
    updateRow(int(m_entries.size()) - 1);
    selectProvider(e.config.name);
    rebuildLocalRows();
    m_editor->nameEdit()->setFocus();
    m_editor->nameEdit()->selectAll();
    return e.config.name;
}

QString ProvidersDialog::addLocalServer(const LocalServer &server)
{
    const QString name = addProvider(server.kind);
    if (name.isEmpty())
        return {};
    Entry &e = m_entries[indexOf(name)];
    e.config.baseUrls = {server.baseUrl};
    e.config.local = true;
    m_editor->setProvider(e.config, e.source, e.key);
    updateRow(indexOf(name));
    rebuildLocalRows();
    return name;
}

bool ProvidersDialog::removeProvider(const QString &name)
{
    const int index = indexOf(name);
    if (index < 0 || m_entries.at(index).config.api == kSimulated)
        return false;
    const Entry removed = m_entries.takeAt(index);
    if (!removed.original.isEmpty())
        m_removed.insert(removed.original);
    m_current = -1;
    reloadTree();
    QStringList agents;
    for (const AgentConfig &a : m_config.agents)
        if (!removed.original.isEmpty() && a.modelConfig.provider == removed.original)
            agents << a.name;
    if (!agents.isEmpty())
        showError(tr("Removing \"%1\": %2 will use the simulated provider once you save.")
                      .arg(name, agents.join(QStringLiteral(", "))));
    if (!m_entries.isEmpty())
        m_tree->setCurrentItem(m_tree->topLevelItem(qMin(index, int(m_entries.size()) - 1)));
    else
        onCurrentRowChanged(-1);
    rebuildLocalRows();
    return true;
}

// --- applying -------------------------------------------------------------

Config ProvidersDialog::editedConfig() const
{
    Config c = m_config;
    c.providers.clear();
    c.providerKeys.clear();
    QHash<QString, QString> renamed;
    for (const Entry &e : m_entries) {
        c.providers.insert(e.config.name, e.config);
        if (!e.original.isEmpty())
            renamed.insert(e.original, e.config.name);
    }
    for (AgentConfig &a : c.agents) {
        const QString p = a.modelConfig.provider;
        if (renamed.contains(p)) {
            a.modelConfig.provider = renamed.value(p);
        } else if (m_removed.contains(p)) {
            a.modelConfig.provider = kSimulated;
            if (!c.providers.contains(kSimulated))
                c.providers.insert(kSimulated, Config::defaults().providers.value(kSimulated));
        }
    }
    return c;
}

bool ProvidersDialog::save()
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (const QString error = nameError(i); !error.isEmpty()) {
            selectProvider(m_entries.at(i).config.name);
            showError(error);
            return false;
        }
    }
    const Config candidate = editedConfig();
    const ConfigIssues issues = candidate.validate();
    if (!issues.isEmpty()) {
        const QString provider = issues.first().keyPath.section(QLatin1Char('.'), 1, 1);
        if (indexOf(provider) >= 0)
            selectProvider(provider);
        showError(tr("Not saved: %1").arg(issues.first().toString()));
        return false;
    }
    if (m_keys) {
        for (const QString &name : std::as_const(m_removed))
            m_keys->setKey(name, QString());
        for (const Entry &e : std::as_const(m_entries)) {
            if (!e.original.isEmpty())
                m_keys->renameProvider(e.original, e.config.name);
            // An environment variable or no key: a key kept before would silently win.
            m_keys->setKey(e.config.name, e.source == ProviderEditor::KeySource::Keychain ? e.key : QString());
        }
    }
    m_error->setVisible(false);
    Q_EMIT configAccepted(candidate);
    accept();
    return true;
}

QString ProvidersDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ProvidersDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

// --- connection test ------------------------------------------------------

void ProvidersDialog::testConnection()
{
    if (m_current < 0)
        return;
    onEdited(); // the form as it is now, saved or not
    const Entry &e = m_entries.at(m_current);
    const QString name = e.config.name.isEmpty() ? QStringLiteral("unnamed") : e.config.name;
    Config config = Config::defaults();
    config.providers.clear();
    ProviderConfig provider = e.config;
    provider.name = name;
    config.providers.insert(name, provider);
    if (e.source == ProviderEditor::KeySource::Keychain && !e.key.isEmpty())
        config.providerKeys.insert(name, e.key);
    m_testedModels.clear();
    m_testModels->setVisible(false);
    m_testResult->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Testing %1…").arg(provider.baseUrls.value(0, name)));
    setTesting(true);
    m_test->start(config, name);
}

void ProvidersDialog::cancelTest()
{
    if (!m_test->isRunning())
        return;
    m_test->cancel();
    setTesting(false);
    m_testResult->setText(tr("Test cancelled."));
    m_testResult->setEnabled(false);
}

bool ProvidersDialog::isTesting() const
{
    return m_test->isRunning();
}

QString ProvidersDialog::testResult() const
{
    return m_testResult->text();
}

void ProvidersDialog::setTesting(bool testing)
{
    m_testButton->setEnabled(!testing && m_current >= 0);
    m_testProgress->setVisible(testing);
    m_cancelTestButton->setVisible(testing);
}

void ProvidersDialog::onTestFinished(const ConnectionReport &report)
{
    setTesting(false);
    m_testResult->setEnabled(true);
    m_testResult->setText((report.ok() ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + ConnectionTest::summary(report));
    m_testResult->setStyleSheet(report.ok() ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;"));
    m_testedModels = report.models;
    if (!report.models.isEmpty()) {
        constexpr int shown = 12;
        QString text = tr("Models: %1").arg(report.models.mid(0, shown).join(QStringLiteral(", ")));
        if (report.models.size() > shown)
            text += tr(" and %n more", nullptr, int(report.models.size() - shown));
        m_testModels->setText(text);
        m_testModels->setVisible(true);
    }
    Q_EMIT testFinished(report);
}

// --- local servers --------------------------------------------------------

void ProvidersDialog::detectLocalServers()
{
    m_detectionStarted = true;
    QStringList where;
    for (const LocalServerDetector::Candidate &c : m_detector->candidates())
        where << tr("%1 (port %2)").arg(LocalServerDetector::labelFor(c.kind)).arg(c.port);
    m_localStatus->setText(tr("Looking for %1…").arg(where.join(QStringLiteral(", "))));
    m_localStatus->setVisible(true);
    m_scanButton->setEnabled(false);
    m_detector->start();
}

void ProvidersDialog::onDetectionFinished(const QList<LocalServer> &servers)
{
    m_servers = servers;
    m_scanButton->setEnabled(true);
    if (servers.isEmpty()) {
        QStringList where;
        for (const LocalServerDetector::Candidate &c : m_detector->candidates())
            where << tr("%1 %2").arg(LocalServerDetector::labelFor(c.kind)).arg(c.port);
        m_localStatus->setText(tr("None found on the usual ports (%1). Start one, then look again.")
                                   .arg(where.join(QStringLiteral(", "))));
    }
    m_localStatus->setVisible(servers.isEmpty()); // the list says it all
    rebuildLocalRows();
    Q_EMIT localServersDetected(servers);
}

QString ProvidersDialog::configuredAs(const QString &baseUrl) const
{
    const QString wanted = normalizedUrl(baseUrl);
    for (const Entry &e : m_entries)
        for (const QString &url : e.config.baseUrls)
            if (normalizedUrl(url) == wanted)
                return e.config.name;
    return {};
}

void ProvidersDialog::rebuildLocalRows()
{
    while (QLayoutItem *item = m_localList->takeAt(0)) {
        // Later: this may run from the clicked() of a button in the row.
        if (QWidget *w = item->widget()) {
            w->hide();
            w->deleteLater();
        }
        delete item;
    }
    for (const LocalServer &server : std::as_const(m_servers)) {
        auto *row = new QWidget;
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        QString text = tr("<b>%1</b> at %2 · %n model(s)", nullptr, int(server.models.size()))
                           .arg(server.label().toHtmlEscaped(), server.address());
        if (!server.ready)
            text += tr(" · still loading");
        auto *label = new QLabel(text, row);
        label->setToolTip(server.models.join(QLatin1Char('\n')));
        layout->addWidget(label, 1);
        const QString existing = configuredAs(server.baseUrl);
        if (existing.isEmpty()) {
            auto *add = new QPushButton(tr("Add"), row);
            add->setToolTip(tr("Add %1 as a provider").arg(server.baseUrl));
            connect(add, &QPushButton::clicked, this, [this, server] { addLocalServer(server); });
            layout->addWidget(add);
        } else {
            auto *as = new QLabel(tr("configured as %1").arg(existing), row);
            as->setEnabled(false);
            layout->addWidget(as);
        }
        m_localList->addWidget(row);
    }
}

} // namespace Madf::Ui
