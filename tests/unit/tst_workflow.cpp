#include "core/orchestration/workflow.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using Madf::StageKind;
using Madf::Workflow;
using Madf::WorkflowLibrary;

namespace {

const QStringList kAgents{QStringLiteral("research"), QStringLiteral("writing"), QStringLiteral("editing"),
                          QStringLiteral("verification")};

QStringList stageNames(const Workflow &wf)
{
    QStringList names;
    for (const Madf::WorkflowStage &s : wf.stages)
        names << s.name;
    return names;
}

QByteArray minimal(const QByteArray &extraStages = {})
{
    return "stages:\n"
           "  - name: outline\n"
           "  - name: write\n"
           "    depends_on: [outline]\n"
           + extraStages
           + "  - name: finalize\n"
             "    depends_on: [write]\n";
}

void writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

class TestWorkflow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInsLoadAndFollowTheFramework_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QStringList>("order");
        QTest::addColumn<bool>("citations");
        const QStringList article{"research", "outline", "write", "edit", "verify", "finalize"};
        QTest::newRow("article") << "article" << article << false;
        QTest::newRow("paper") << "paper" << article << true;
        QTest::newRow("report") << "report"
                                << QStringList{"research", "outline", "write", "executive_summary", "edit", "verify",
                                               "finalize"}
                                << false;
        QTest::newRow("unknown type uses article") << "haiku" << article << false;
        QTest::newRow("essay uses article") << "essay" << article << false;
        QTest::newRow("type is case-insensitive") << "REPORT" << QStringList{"research", "outline", "write",
                                                                          "executive_summary", "edit", "verify",
                                                                          "finalize"}
                                                  << false;
    }
    void builtInsLoadAndFollowTheFramework()
    {
        QFETCH(QString, type);
        QFETCH(QStringList, order);
        QFETCH(bool, citations);
        QTemporaryDir empty;
        WorkflowLibrary library(empty.path());
        QStringList errors;
        const std::optional<Workflow> wf = library.forType(type, kAgents, &errors);
        QVERIFY2(wf, qPrintable(errors.join('\n')));
        QCOMPARE(stageNames(*wf), order);
        QCOMPARE(wf->requireCitations, citations);
        QCOMPARE(wf->stageOfKind(StageKind::Verify)->agent, QStringLiteral("verification"));
        if (citations)
            QVERIFY(!wf->stageOfKind(StageKind::Research)->optional);
    }

    void userWorkflowDefinesANewTypeAndOverridesBuiltIns()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("memo.yaml"), minimal());
        writeFile(dir.filePath("report.yaml"), "stages:\n"
                                               "  - name: outline\n"
                                               "  - name: write\n    depends_on: [outline]\n"
                                               "  - name: summary\n    kind: executive_summary\n"
                                               "    depends_on: [write]\n    optional: true\n"
                                               "  - name: finalize\n    depends_on: [summary]\n");
        WorkflowLibrary library(dir.path());
        QVERIFY(library.types().contains("memo"));
        QStringList errors;
        std::optional<Workflow> memo = library.forType("memo", kAgents, &errors);
        QVERIFY2(memo, qPrintable(errors.join('\n')));
        QCOMPARE(stageNames(*memo), (QStringList{"outline", "write", "finalize"}));
        QCOMPARE(memo->source, dir.filePath("memo.yaml"));

        std::optional<Workflow> report = library.forType("report", kAgents, &errors);
        QVERIFY2(report, qPrintable(errors.join('\n')));
        QVERIFY(report->has(StageKind::ExecutiveSummary));
        QVERIFY(!report->has(StageKind::Research));
        QVERIFY(report->stage("summary")->optional);
        QCOMPARE(report->stage("summary")->agent, QStringLiteral("writing"));
    }

    void stagesAreSortedByDependency()
    {
        const QByteArray yaml = "stages:\n"
                                "  - name: finalize\n    depends_on: verify\n"
                                "  - name: verify\n    depends_on: [write]\n    parallel: false\n"
                                "  - name: write\n    depends_on: [outline]\n"
                                "  - name: outline\n";
        QStringList errors;
        const std::optional<Workflow> wf = Workflow::parse(yaml, "x.yaml", kAgents, &errors);
        QVERIFY2(wf, qPrintable(errors.join('\n')));
        QCOMPARE(stageNames(*wf), (QStringList{"outline", "write", "verify", "finalize"}));
        QVERIFY(!wf->stage("verify")->parallel);
    }

    void invalidWorkflowsAreRefusedWithFileAndLine_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown kind") << minimal("  - name: polish\n    depends_on: [write]\n")
                                      << "w.yaml:5: error: stage \"polish\": unknown stage kind \"polish\"";
        QTest::newRow("unknown dependency")
            << minimal("  - name: edit\n    depends_on: [drafting]\n")
            << "w.yaml:5: error: stage \"edit\" depends on \"drafting\", which is not a stage";
        QTest::newRow("unknown agent") << minimal("  - name: edit\n    agent: proofreader\n    depends_on: [write]\n")
                                       << "w.yaml:5: error: stage \"edit\": unknown agent \"proofreader\"";
        QTest::newRow("cycle") << QByteArray("stages:\n  - name: outline\n    depends_on: [finalize]\n"
                                             "  - name: write\n    depends_on: [outline]\n"
                                             "  - name: finalize\n    depends_on: [write]\n")
                               << "w.yaml:2: error: the dependencies of outline, write, finalize form a cycle";
        QTest::newRow("bad flag") << minimal("  - name: edit\n    depends_on: [write]\n    optional: perhaps\n")
                                  << "w.yaml:7: error: stage \"edit\": optional must be true or false";
        QTest::newRow("write without outline")
            << QByteArray("stages:\n  - name: write\n  - name: finalize\n    depends_on: [write]\n")
            << "w.yaml:2: error: stage \"write\" (write) must come after an outline stage";
        QTest::newRow("finalize not last") << minimal("  - name: edit\n    depends_on: [write]\n")
                                           << "error: stage \"finalize\" (finalize) must come after \"edit\"";
        QTest::newRow("kind twice")
            << minimal("  - name: edit\n    depends_on: [write]\n  - name: edit2\n    kind: edit\n"
                       "    depends_on: [edit]\n")
            << "stage \"edit2\": a workflow runs each kind once";
        QTest::newRow("citations without research") << QByteArray("require_citations: true\n") + minimal()
                                                    << "require_citations needs a research stage";
        QTest::newRow("syntax") << QByteArray("stages: [\n") << "w.yaml:2: error:";
        QTest::newRow("unknown key") << QByteArray("stagez: []\n") << "w.yaml:1: error: unknown key \"stagez\"";
    }
    void invalidWorkflowsAreRefusedWithFileAndLine()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        QStringList errors;
        QVERIFY(!Workflow::parse(yaml, "w.yaml", kAgents, &errors));
        QVERIFY2(errors.join('\n').contains(expected), qPrintable(errors.join('\n')));
    }

    void brokenUserFileIsReportedNotReplaced()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("article.yaml"), "stages:\n  - name: reserch\n");
        WorkflowLibrary library(dir.path());
        QStringList errors;
        QVERIFY(!library.forType("article", kAgents, &errors));
        QVERIFY2(errors.join('\n').contains(dir.filePath("article.yaml") + ":2: error"), qPrintable(errors.join('\n')));
    }
};

QTEST_GUILESS_MAIN(TestWorkflow)
#include "tst_workflow.moc"
