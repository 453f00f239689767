// `madf generate`, `batch`, `history`, `show`, `export` on the instant simulator.
#include "clitestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>

class TestCliGenerate : public QObject
{
    Q_OBJECT
private slots:
    void generateWritesDocument();
    void generateJsonAndOut();
    void invalidRequestListsEveryProblem();
    void estimateRunsNothing();
    void batchThenHistoryShowExport();
    void invalidBatchFile();
    void ctrlCCancelsAndKeepsWork();
};

void TestCliGenerate::generateWritesDocument()
{
    QTemporaryDir dir;
    const CliRun r = runMadf({"generate", "--topic", "Tidal energy in small harbours", "--config", writeSimConfig(dir)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString path = r.out.trimmed();
    QCOMPARE(path, dir.filePath("out/tidal-energy-in-small-harbours.md"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(f.readAll()).contains("Tidal energy in small harbours"));
    // Progress went to stderr, one line per stage rather than per chunk.
    QVERIFY(r.err.contains("research"));
    QVERIFY(r.err.count('\n') < 40);
}

void TestCliGenerate::generateJsonAndOut()
{
    QTemporaryDir dir;
    const QString out = dir.filePath("doc.html");
    const CliRun r = runMadf({"generate", "--topic", "Urban beekeeping", "--type", "report", "--length", "500",
                              "--requirement", "mention pollination", "--out", out, "--json", "--config",
                              writeSimConfig(dir)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value("status").toString(), QStringLiteral("complete"));
    QCOMPARE(o.value("path").toString(), out);
    QVERIFY(o.value("quality").toDouble() > 0);
    QVERIFY(!o.value("id").toString().isEmpty());
    QVERIFY(o.contains("cost") && o.contains("latency"));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("<!DOCTYPE html>"));
}

void TestCliGenerate::invalidRequestListsEveryProblem()
{
    QTemporaryDir dir;
    const CliRun r = runMadf({"generate", "--topic", "AI", "--length", "5", "--config", writeSimConfig(dir)});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("topic: \"AI\" is too short"), qPrintable(r.err));
    QVERIFY(r.err.contains("target_length: 5 is out of range"));
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFileInfo::exists(dir.filePath("state/documents.sqlite")));
}

void TestCliGenerate::estimateRunsNothing()
{
    QTemporaryDir dir;
    const CliRun r = runMadf({"generate", "--topic", "Tidal energy in small harbours", "--estimate", "--config",
                              writeSimConfig(dir)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("calls"));
    QVERIFY(!QFileInfo::exists(dir.filePath("out")));
}

void TestCliGenerate::batchThenHistoryShowExport()
{
    QTemporaryDir dir;
    const QString config = writeSimConfig(dir);
    QFile batch(dir.filePath("batch.yaml"));
    QVERIFY(batch.open(QIODevice::WriteOnly));
    batch.write("documents:\n"
                "  - topic: The history of the bicycle\n    type: essay\n    length: 400\n"
                "  - topic: Solar power in cities\n    requirements: [cite sources]\n"
                "  - {topic: Rust for C++ programmers, style: casual, audience: developers}\n");
    batch.close();
    const CliRun r = runMadf({"batch", batch.fileName(), "--concurrency", "4", "--json", "--config", config});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value("complete").toInt(), 3);
    QCOMPARE(o.value("documents").toArray().size(), 3);

    const CliRun history = runMadf({"history", "--config", config});
    QCOMPARE(history.exitCode, 0);
    QCOMPARE(history.out.count('\n'), 3);
    QVERIFY(history.out.contains("Solar power in cities"));
    const CliRun search = runMadf({"history", "--search", "BICYCLE", "--sort", "quality", "--json", "--config", config});
    const QJsonArray found = QJsonDocument::fromJson(search.out.toUtf8()).object().value("documents").toArray();
    QCOMPARE(found.size(), 1);
    const QString id = found.first().toObject().value("id").toString();
    QCOMPARE(runMadf({"history", "--sort", "size", "--config", config}).exitCode, 2);

    const CliRun show = runMadf({"show", id.left(8), "--config", config});
    QVERIFY2(show.exitCode == 0, qPrintable(show.err));
    QVERIFY(show.out.contains("The history of the bicycle"));
    QVERIFY(show.out.contains("sections:"));
    QVERIFY(show.out.contains("calls:"));
    QCOMPARE(runMadf({"show", "00000000-nope", "--config", config}).exitCode, 1);

    const CliRun md = runMadf({"export", id, "--format", "md", "--config", config});
    QCOMPARE(md.exitCode, 0);
    QVERIFY(md.out.startsWith("# The history of the bicycle"));
    const QString html = dir.filePath("bike.html");
    const CliRun toFile = runMadf({"export", id, "--format", "html", "--out", html, "--config", config});
    QCOMPARE(toFile.exitCode, 0);
    QVERIFY(QFileInfo(html).size() > 500);

    // Nothing was interrupted.
    const CliRun resume = runMadf({"resume", "--config", config});
    QCOMPARE(resume.exitCode, 0);
    QVERIFY(resume.out.isEmpty());
}

void TestCliGenerate::invalidBatchFile()
{
    QTemporaryDir dir;
    QFile batch(dir.filePath("bad.yaml"));
    QVERIFY(batch.open(QIODevice::WriteOnly));
    batch.write("documents:\n  - topic: AI\n  - topic: A valid topic here\n    colour: blue\n");
    batch.close();
    const CliRun r = runMadf({"batch", batch.fileName(), "--config", writeSimConfig(dir)});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("documents[0]: topic: \"AI\" is too short"), qPrintable(r.err));
    QVERIFY(r.err.contains("documents[1]: unknown key \"colour\""));
}

void TestCliGenerate::ctrlCCancelsAndKeepsWork()
{
    QTemporaryDir dir;
    // At the simulator's normal speed a document takes long enough to interrupt.
    const QString config = writeSimConfig(dir);
    QFile f(config);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const QByteArray yaml = f.readAll().replace("speed: 0", "speed: 1");
    f.resize(0);
    f.write(yaml);
    f.close();
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("HOME", dir.path());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MADF_BINARY_DIR "/app/madf"),
            {"generate", "--topic", "Tidal energy in small harbours", "--config", config});
    QVERIFY(p.waitForStarted());
    p.setReadChannel(QProcess::StandardError);
    QVERIFY(p.waitForReadyRead(10000)); // the first progress line: the engine runs
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(p.exitCode() == 3, qPrintable(err));
    QVERIFY(err.contains("Cancelling"));
    const CliRun history = runMadf({"history", "--json", "--config", config});
    const QJsonArray docs = QJsonDocument::fromJson(history.out.toUtf8()).object().value("documents").toArray();
    QCOMPARE(docs.size(), 1);
    QCOMPARE(docs.first().toObject().value("status").toString(), QStringLiteral("cancelled"));
}

QTEST_GUILESS_MAIN(TestCliGenerate)
#include "tst_cligenerate.moc"
