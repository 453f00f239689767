// The Inspector's per-agent model field: an editable list filled in the
// background from the agent's endpoint (the mock LLM server), refilled when
// the agent's provider changes, and still open to any typed name.
#include "tests/support/mockllmserver.h"

#include "ui/providers/modelcatalog.h"
#include "ui/settings/fieldeditor.h"
#include "ui/settings/inspectorpanel.h"
#include "ui/settings/sectionform.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace Madf;
using namespace Madf::Ui;
using Madf::Test::MockLlmServer;

class TestInspectorModels : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void modelListComesFromTheEndpoint();
    void typedNameAndPickedNameBothApply();
    void providerChangeRefillsTheList();
    void unreachableEndpointLeavesFreeText();
    void newSettingsFetchAgain();

private:
    Config config() const;
    static QComboBox *modelCombo(InspectorPanel &panel, const QString &agent);

    QTemporaryDir m_dir;
    std::unique_ptr<MockLlmServer> m_mock;
};

void TestInspectorModels::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_dir.filePath("config").toUtf8());
}

void TestInspectorModels::init()
{
    m_mock = std::make_unique<MockLlmServer>();
    QVERIFY(m_mock->start());
    m_mock->setModels({QStringLiteral("llama3.2"), QStringLiteral("qwen2.5:7b"), QStringLiteral("phi4")});
}

void TestInspectorModels::cleanup()
{
    m_mock.reset();
}

Config TestInspectorModels::config() const
{
    Config c = Config::defaults();
    ProviderConfig p;
    p.name = QStringLiteral("mock");
    p.api = QStringLiteral("openai");
    p.baseUrls = {m_mock->openAiBaseUrl().toString()};
    p.local = true;
    c.providers.insert(p.name, p);
    c.agents["research"].modelConfig.provider = p.name;
    c.agents["research"].modelConfig.model = QStringLiteral("llama3.2");
    c.agents["writing"].modelConfig.provider = p.name;
    return c;
}

QComboBox *TestInspectorModels::modelCombo(InspectorPanel &panel, const QString &agent)
{
    FieldEditor *editor = panel.form(agent)->editor(QStringLiteral("model"));
    return editor ? qobject_cast<QComboBox *>(editor->input()) : nullptr;
}

void TestInspectorModels::modelListComesFromTheEndpoint()
{
    ModelCatalog catalog;
    catalog.setConfig(config());
    InspectorPanel panel;
    panel.setModelCatalog(&catalog);
    panel.setConfig(config());
    QComboBox *combo = modelCombo(panel, "research");
    QVERIFY(combo);
    QVERIFY(combo->isEditable()); // free text stays possible
    QCOMPARE(combo->currentText(), QStringLiteral("llama3.2"));
    QTRY_COMPARE(combo->count(), 3);
    QCOMPARE(combo->itemText(1), QStringLiteral("qwen2.5:7b"));
    FieldEditor *editor = panel.form("research")->editor("model");
    QVERIFY2(editor->note().contains("3 model"), qPrintable(editor->note()));
    QVERIFY(editor->note().contains("mock"));
    // The writing agent uses the same endpoint: one request serves both.
    QTRY_COMPARE(modelCombo(panel, "writing")->count(), 3);
    QCOMPARE(m_mock->requestCount("/v1/models"), 1);
    // Filling the list never changed the value in force.
    QCOMPARE(combo->currentText(), QStringLiteral("llama3.2"));
    QCOMPARE(panel.config().agents["research"].modelConfig.model, QStringLiteral("llama3.2"));
    // The simulated agents list the simulator's models.
    QTRY_VERIFY(modelCombo(panel, "editing")->count() > 0);
}

void TestInspectorModels::typedNameAndPickedNameBothApply()
{
    ModelCatalog catalog;
    catalog.setConfig(config());
    InspectorPanel panel;
    panel.setModelCatalog(&catalog);
    panel.setConfig(config());
    panel.show();
    QComboBox *combo = modelCombo(panel, "research");
    QTRY_COMPARE(combo->count(), 3);
    QSignalSpy changed(&panel, &InspectorPanel::configChanged);

    // A name the endpoint did not list: a fine-tune, a model still downloading.
    combo->lineEdit()->selectAll();
    QTest::keyClicks(combo->lineEdit(), "my-fine-tune");
    QTest::keyClick(combo->lineEdit(), Qt::Key_Return);
    QCOMPARE(panel.config().agents["research"].modelConfig.model, QStringLiteral("my-fine-tune"));
    QCOMPARE(changed.count(), 1);

    // Picking a listed one.
    Q_EMIT combo->textActivated(QStringLiteral("phi4"));
    QCOMPARE(panel.config().agents["research"].modelConfig.model, QStringLiteral("phi4"));
    QCOMPARE(changed.count(), 2);
}

void TestInspectorModels::providerChangeRefillsTheList()
{
    ModelCatalog catalog;
    catalog.setConfig(config());
    InspectorPanel panel;
    panel.setModelCatalog(&catalog);
    panel.setConfig(config());
    connect(&panel, &InspectorPanel::configChanged, &catalog, &ModelCatalog::setConfig);
    QComboBox *editing = modelCombo(panel, "editing");
    QTRY_VERIFY(editing->count() > 0);
    QVERIFY(editing->findText("qwen2.5:7b") < 0);
    QVERIFY(panel.applyValue("agents.editing.provider", "mock"));
    QTRY_VERIFY(editing->findText("qwen2.5:7b") >= 0);
    QCOMPARE(editing->count(), 3);
}

void TestInspectorModels::unreachableEndpointLeavesFreeText()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    Config c = config();
    c.providers["mock"].baseUrls = {QStringLiteral("http://127.0.0.1:%1/v1").arg(port)};
    ModelCatalog catalog;
    catalog.setConfig(c);
    InspectorPanel panel;
    panel.setModelCatalog(&catalog);
    panel.setConfig(c);
    FieldEditor *editor = panel.form("research")->editor("model");
    QTRY_VERIFY_WITH_TIMEOUT(editor->note().contains("Could not list"), 15000);
    QVERIFY(editor->note().contains("Type a model name"));
    QCOMPARE(modelCombo(panel, "research")->count(), 0);
    QVERIFY(panel.applyValue("agents.research.model", "llama3.2:70b"));
}

void TestInspectorModels::newSettingsFetchAgain()
{
    ModelCatalog catalog;
    catalog.setConfig(config());
    QSignalSpy listed(&catalog, &ModelCatalog::modelsListed);
    catalog.request("mock");
    QVERIFY(listed.wait(15000));
    catalog.request("mock"); // from the cache
    QTRY_COMPARE(listed.count(), 2);
    QCOMPARE(m_mock->requestCount("/v1/models"), 1);

    MockLlmServer other;
    QVERIFY(other.start());
    other.setModels({QStringLiteral("gemma2")});
    Config moved = config();
    moved.providers["mock"].baseUrls = {other.openAiBaseUrl().toString()};
    catalog.setConfig(moved);
    catalog.request("mock");
    QTRY_COMPARE(listed.count(), 3);
    QCOMPARE(listed.last().at(1).toStringList(), QStringList{"gemma2"});
}

QTEST_MAIN(TestInspectorModels)
#include "tst_inspectormodels.moc"
