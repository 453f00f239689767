#include "batchfile.h"
#include "cli.h"
#include "clisupport.h"
#include "commands.h"
#include "documentrunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QUuid>

namespace Madf::Cli {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("Madf::Cli", text); }

QString usageText()
{
    return tr("Usage: madf batch FILE.yaml [--concurrency N] [--json] [--config FILE]\n"
              "  FILE.yaml: documents: [{topic, type, length, style, audience, requirements: [...], references: [...]}]\n");
}
} // namespace

int batchCommand(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("concurrency"), tr("documents and tasks run at once (orchestrator.max_concurrent_tasks)"),
                 tr("N")});
    if (const int code = parseArgs(p, args, usageText()); code >= 0)
        return code;
    if (p.positionalArguments().size() != 1) {
        err() << tr("madf batch: give exactly one FILE\n") << usageText();
        return ExitUsage;
    }
    std::optional<Config> config = loadConfig(p);
    if (!config)
        return ExitUsage;
    if (p.isSet(QStringLiteral("concurrency"))) {
        bool isNumber = false;
        const int n = p.value(QStringLiteral("concurrency")).toInt(&isNumber);
        const ConfigIssues issues = config->setValue(QStringLiteral("orchestrator.max_concurrent_tasks"),
                                                     isNumber ? QVariant(n) : QVariant(p.value(QStringLiteral("concurrency"))));
        for (const ConfigIssue &i : issues)
            err() << tr("--concurrency: %1\n").arg(i.toString());
        if (hasErrors(issues))
            return ExitUsage;
    }
    QStringList problems;
    const QList<DocumentRequest> requests = readBatchFile(p.positionalArguments().at(0), &problems);
    if (!problems.isEmpty()) {
        for (const QString &problem : std::as_const(problems))
            err() << problem << '\n';
        return ExitUsage;
    }

    const QString batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    DocumentRunner runner(*config);
    QString error;
    const QList<RunOutcome> outcomes = runner.run(requests, batchId, &error);
    if (outcomes.isEmpty()) {
        err() << tr("madf batch: the engine did not start: %1\n").arg(error);
        return ExitFailure;
    }
    int failed = 0, stopped = 0, complete = 0;
    double cost = 0;
    qint64 latency = 0;
    QJsonArray docs;
    const QDir outDir(config->resolvedOutputPath());
    for (const RunOutcome &o : outcomes) {
        cost += o.costUsd;
        latency = qMax(latency, o.latencyMs);
        const int code = o.exitCode();
        failed += code == ExitFailure;
        stopped += code == ExitInterrupted;
        complete += code == ExitOk;
        QJsonObject json = o.toJson();
        if (!o.document.sections.isEmpty()) {
            const QString path = outDir.filePath(slugFor(o.document.request.topic) + QLatin1Char('-')
                                                 + o.document.id.left(8) + QStringLiteral(".md"));
            if (writeDocument(o.document, path, &error))
                json.insert(QStringLiteral("path"), path);
            else
                err() << error << '\n';
        }
        docs.append(json);
    }
    if (p.isSet(QStringLiteral("json"))) {
        printJson({{QStringLiteral("batch_id"), batchId},
                   {QStringLiteral("documents"), docs},
                   {QStringLiteral("complete"), complete},
                   {QStringLiteral("failed"), failed},
                   {QStringLiteral("stopped"), stopped},
                   {QStringLiteral("total_cost"), cost},
                   {QStringLiteral("total_time"), latency / 1000.0}});
    } else {
        out() << QStringLiteral("%1  %2  %3  %4  %5\n")
                     .arg(tr("id"), -36).arg(tr("status"), -9).arg(tr("quality"), 7).arg(tr("cost"), 10)
                     .arg(tr("latency"), 8);
        for (const RunOutcome &o : outcomes)
            out() << QStringLiteral("%1  %2  %3  %4  %5\n")
                         .arg(o.document.id, -36)
                         .arg(toString(o.document.status), -9)
                         .arg(o.document.qualityScore ? QStringLiteral("%1%").arg(*o.document.qualityScore * 100, 0, 'f', 1)
                                                      : QStringLiteral("-"),
                              7)
                         .arg(formatCost(o.costUsd), 10)
                         .arg(QStringLiteral("%1s").arg(o.latencyMs / 1000.0, 0, 'f', 1), 8);
        out() << tr("total: %1 documents, %2 complete, %3 failed, %4 stopped · cost %5 · %6 s\n")
                     .arg(outcomes.size())
                     .arg(complete)
                     .arg(failed)
                     .arg(stopped)
                     .arg(formatCost(cost))
                     .arg(latency / 1000.0, 0, 'f', 1);
    }
    if (failed > 0)
        return ExitFailure;
    return stopped > 0 ? ExitInterrupted : ExitOk;
}

} // namespace Madf::Cli
