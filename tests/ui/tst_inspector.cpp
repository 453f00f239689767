// The Inspector: edits validated by the declarations, presets, YAML files.
#include "ui/settings/fieldeditor.h"
#include "ui/settings/inspectorpanel.h"
#include "ui/settings/sectionform.h"

#include "core/config/configloader.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Madf;
using namespace Madf::Ui;

class TestInspector : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void typedValueIsApplied();
    void invalidValueRejectedOldConfigStays();
    void unknownProviderRejected();
    void presetApplies();
    void importBadYamlKeepsConfig();
    void exportThenImportRoundTrips();
    void formFollowsDeclarations();

private:
    QTemporaryDir m_home;
};

void TestInspector::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_home.filePath("config").toUtf8());
}

static void typeInto(FieldEditor *editor, const QString &text)
{
    auto *edit = qobject_cast<QLineEdit *>(editor->input());
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return); // editingFinished
}

void TestInspector::typedValueIsApplied()
{
    InspectorPanel panel;
    panel.show();
    QSignalSpy changed(&panel, &InspectorPanel::configChanged);
    FieldEditor *editor = panel.form("orchestrator")->editor("max_concurrent_tasks");
    QVERIFY(editor);
    typeInto(editor, "12");
    QCOMPARE(changed.count(), 1);
    QCOMPARE(panel.config().orchestrator.maxConcurrentTasks, 12);
    QVERIFY(editor->error().isEmpty());
}

void TestInspector::invalidValueRejectedOldConfigStays()
{
    InspectorPanel panel;
    panel.show();
    QSignalSpy changed(&panel, &InspectorPanel::configChanged);
    FieldEditor *editor = panel.form("orchestrator")->editor("max_agents");
    typeInto(editor, "0");
    QCOMPARE(changed.count(), 0);
    QCOMPARE(panel.config().orchestrator.maxAgents, 10);
    QVERIFY2(editor->error().contains("1–1,000"), qPrintable(editor->error()));
    // The writing agent's form sits on a tab not shown: edit it as the
    // line edit reports a finished edit.
    FieldEditor *temp = panel.form("writing")->editor("temperature");
    auto *tempEdit = qobject_cast<QLineEdit *>(temp->input());
    tempEdit->setText("hot");
    tempEdit->setModified(true);
    Q_EMIT tempEdit->editingFinished();
    QCOMPARE(panel.config().agents["writing"].modelConfig.temperature, 0.7);
    QVERIFY(temp->error().contains("not a number"));
    // Correcting the value clears the error and applies it.
    typeInto(editor, "25");
    QCOMPARE(panel.config().orchestrator.maxAgents, 25);
    QVERIFY(editor->error().isEmpty());
}

void TestInspector::unknownProviderRejected()
{
    InspectorPanel panel;
    QString error;
    QVERIFY(!panel.applyValue("agents.research.provider", "nowhere", &error));
    QVERIFY(error.contains("not a provider"));
    QCOMPARE(panel.config().agents["research"].modelConfig.provider, QStringLiteral("simulated"));
}

void TestInspector::presetApplies()
{
    InspectorPanel panel;
    QSignalSpy changed(&panel, &InspectorPanel::configChanged);
    QVERIFY(panel.applyPreset("quality"));
    QCOMPARE(panel.config().orchestrator.qualityThreshold, 0.90);
    QCOMPARE(panel.config().orchestrator.retryAttempts, 5);
    QCOMPARE(changed.count(), 1);
    // The form shows the new values.
    auto *edit = qobject_cast<QLineEdit *>(panel.form("orchestrator")->editor("retry_attempts")->input());
    QCOMPARE(edit->text(), QStringLiteral("5"));
    QVERIFY(panel.applyPreset("fast"));
    QCOMPARE(panel.config().orchestrator.qualityThreshold, 0.80);
    QString error;
    QVERIFY(!panel.applyPreset("nonexistent", &error));
    QVERIFY(error.contains("no preset named"));
}

void TestInspector::importBadYamlKeepsConfig()
{
    QTemporaryDir dir;
    QFile f(dir.filePath("bad.yaml"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("orchestrator:\n  max_agents: -1\n");
    f.close();
    InspectorPanel panel;
    panel.applyValue("orchestrator.max_agents", 14);
    QSignalSpy changed(&panel, &InspectorPanel::configChanged);
    QSignalSpy messages(&panel, &InspectorPanel::message);
    panel.importYaml(f.fileName());
    QTRY_COMPARE(messages.count(), 1);
    QVERIFY(messages.first().first().toString().contains("Not imported"));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(panel.config().orchestrator.maxAgents, 14);
}

void TestInspector::exportThenImportRoundTrips()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("out.yaml");
    InspectorPanel panel;
    QVERIFY(panel.applyValue("agents.editing.model", "gpt-3.5-turbo"));
    QVERIFY(panel.applyValue("budget.per_document", 0.25));
    QSignalSpy messages(&panel, &InspectorPanel::message);
    panel.exportYaml(path);
    QTRY_COMPARE(messages.count(), 1);
    QVERIFY(QFile::exists(path));
    InspectorPanel other;
    QSignalSpy changed(&other, &InspectorPanel::configChanged);
    other.importYaml(path);
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(other.config().agents["editing"].modelConfig.model, QStringLiteral("gpt-3.5-turbo"));
    QCOMPARE(other.config().budget.perDocument, 0.25);
}

void TestInspector::formFollowsDeclarations()
{
    InspectorPanel panel;
    // Every declared agent field (but the secret key) has an editor.
    for (const char *key : {"provider", "model", "temperature", "max_tokens", "timeout", "max_retries", "cache_enabled"})
        QVERIFY2(panel.form("research")->editor(key), key);
    QVERIFY(!panel.form("research")->editor("api_key"));
    QVERIFY(panel.form("cache")->editor("ttl_hours"));
}

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
