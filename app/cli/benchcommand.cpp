#include "cli.h"
#include "clisupport.h"
#include "commands.h"
#include "documentrunner.h"

#include "core/metrics/statistics.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace Madf::Cli {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("madf", text); }

QString usageText()
{
    return tr("Usage:\n"
              "  madf bench [--iterations N] [--topic TEXT] [--json] [--config FILE]\n"
              "  madf load-test [--concurrent N] [--topic TEXT] [--json] [--config FILE]\n");
}

// The seed's benchmark request.
DocumentRequest benchRequest(const QString &topic)
{
    DocumentRequest r;
    r.topic = topic;
    r.documentType = QStringLiteral("article");
    r.targetLength = 1000;
    return r;
}

int positiveValue(const QCommandLineParser &p, const QString &name, int *value)
{
    bool ok = false;
    *value = p.value(name).toInt(&ok);
    if (!ok || *value < 1 || *value > 1000) {
        err() << tr("--%1: \"%2\" is not a number from 1 to 1000\n").arg(name, p.value(name));
        return ExitUsage;
    }
    return -1;
}

int bench(const Config &config, const DocumentRequest &request, int iterations, bool json)
{
    QList<double> latencies, qualities, costs;
    int complete = 0;
    for (int i = 0; i < iterations; ++i) {
        // One engine per run, as the seed's loop awaits each document in turn.
        DocumentRunner runner(config);
        runner.setProgress(false);
        QString error;
        const QList<RunOutcome> o = runner.run({request}, {}, &error);
        if (o.isEmpty()) {
            err() << tr("madf bench: the engine did not start: %1\n").arg(error);
            return ExitFailure;
        }
        if (interrupted() || o.first().document.status == DocumentStatus::Cancelled)
            return ExitInterrupted;
        latencies << o.first().latencyMs / 1000.0;
        qualities << o.first().document.qualityScore.value_or(0);
        costs << o.first().costUsd;
        complete += o.first().document.status == DocumentStatus::Complete;
        err() << tr("run %1/%2: %3 s, quality %4%\n")
                     .arg(i + 1)
                     .arg(iterations)
                     .arg(latencies.last(), 0, 'f', 2)
                     .arg(qualities.last() * 100, 0, 'f', 1);
        err().flush();
    }
    const double avg = Statistics::mean(latencies);
    const double throughput = avg > 0 ? 3600 / avg : 0;
    if (json) {
        printJson({{QStringLiteral("iterations"), iterations},
                   {QStringLiteral("avg_latency"), avg},
                   {QStringLiteral("std_latency"), Statistics::stdev(latencies)},
                   {QStringLiteral("avg_quality"), Statistics::mean(qualities)},
                   {QStringLiteral("throughput"), throughput},
                   {QStringLiteral("avg_cost"), Statistics::mean(costs)},
                   {QStringLiteral("complete"), complete}});
    } else {
        out() << tr("Average latency: %1s (std %2s)\n").arg(avg, 0, 'f', 2).arg(Statistics::stdev(latencies), 0, 'f', 2)
              << tr("Throughput: %1 docs/hour\n").arg(throughput, 0, 'f', 1)
              << tr("Quality: %1%\n").arg(Statistics::mean(qualities) * 100, 0, 'f', 2)
              << tr("Cost per document: %1\n").arg(formatCost(Statistics::mean(costs)))
              << tr("Complete: %1/%2\n").arg(complete).arg(iterations);
    }
    return complete == iterations ? ExitOk : ExitFailure;
}

int loadTest(const Config &config, const DocumentRequest &request, int concurrent, bool json)
{
    DocumentRunner runner(config);
    runner.setProgress(false);
    QElapsedTimer clock;
    clock.start();
    QString error;
    const QList<RunOutcome> outcomes = runner.run(QList<DocumentRequest>(concurrent, request), {}, &error);
    const double total = clock.elapsed() / 1000.0;
    if (outcomes.isEmpty()) {
        err() << tr("madf load-test: the engine did not start: %1\n").arg(error);
        return ExitFailure;
    }
    const int successful = int(std::count_if(outcomes.begin(), outcomes.end(), [](const RunOutcome &o) {
        return o.document.status == DocumentStatus::Complete;
    }));
    if (json) {
        printJson({{QStringLiteral("concurrent"), concurrent},
                   {QStringLiteral("total_time"), total},
                   {QStringLiteral("avg_time_per_doc"), total / concurrent},
                   {QStringLiteral("successful"), successful}});
    } else {
        out() << tr("Total time: %1s\n").arg(total, 0, 'f', 2)
              << tr("Average time per document: %1s\n").arg(total / concurrent, 0, 'f', 2)
              << tr("Successful: %1/%2\n").arg(successful).arg(concurrent);
    }
    if (interrupted())
        return ExitInterrupted;
    return successful == concurrent ? ExitOk : ExitFailure;
}
} // namespace

int benchCommand(const QStringList &args)
{
    const bool load = args.value(0) == QLatin1String("load-test");
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("topic"), tr("the request's topic"), tr("TEXT"),
                 QStringLiteral("Artificial Intelligence in Healthcare")});
    p.addOption({QStringLiteral("cache"), tr("keep the response cache on (off by default: repeated requests would be "
                                             "answered from it and the figures would measure the cache)")});
    if (load)
        p.addOption({QStringLiteral("concurrent"), tr("documents started at once"), tr("N"), QStringLiteral("10")});
    else
        p.addOption({QStringLiteral("iterations"), tr("documents run one after another"), tr("N"), QStringLiteral("10")});
    if (const int code = parseArgs(p, args, usageText()); code >= 0)
        return code;
    int n = 0;
    if (const int code = positiveValue(p, load ? QStringLiteral("concurrent") : QStringLiteral("iterations"), &n);
        code >= 0)
        return code;
    const DocumentRequest request = benchRequest(p.value(QStringLiteral("topic")));
    for (const RequestError &e : request.validate()) {
        err() << e.message() << '\n';
        return ExitUsage;
    }
    std::optional<Config> config = loadConfig(p);
    if (!config)
        return ExitUsage;
    if (!p.isSet(QStringLiteral("cache")))
        for (AgentConfig &a : config->agents)
            a.cacheEnabled = false;
    const bool json = p.isSet(QStringLiteral("json"));
    return load ? loadTest(*config, request, n, json) : bench(*config, request, n, json);
}

} // namespace Madf::Cli
