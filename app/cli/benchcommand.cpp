#include "cli.h"
#include "clisupport.h"
#include "commands.h"

#include "core/orchestration/benchmarkrunner.h"
#include "core/orchestration/documentorchestrator.h"
#include "core/storage/documentstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <csignal>

namespace Madf::Cli {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("Madf::Cli", text); }

QString usageText()
{
    return tr("Usage:\n"
              "  madf bench [--iterations N] [--topic TEXT] [--json] [--config FILE]\n"
              "  madf load-test [--concurrent N] [--topic TEXT] [--json] [--config FILE]\n");
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

// Runs the runner shared with the GUI in this thread's event loop, prints a
// line per measured document (benchmark), cancels it on Ctrl+C and saves a
// run that ended to the documents database, where MADF Studio lists it.
std::optional<BenchmarkResult> runBenchmark(const Config &config, const BenchmarkRunner::Options &options,
                                            const QString &command)
{
    BenchmarkRunner runner;
    QEventLoop loop;
    std::optional<BenchmarkResult> result;
    QObject::connect(&runner, &BenchmarkRunner::failed, &loop, [&](const QString &error) {
        err() << tr("madf %1: the engine did not start: %2\n").arg(command, error);
        loop.quit();
    });
    QObject::connect(&runner, &BenchmarkRunner::finished, &loop, [&](const BenchmarkResult &r) {
        result = r;
        loop.quit();
    });
    if (options.kind == BenchmarkResult::Kind::Benchmark)
        QObject::connect(&runner, &BenchmarkRunner::documentMeasured, &loop,
                         [](const BenchmarkSample &s, int done, int total) {
                             err() << tr("run %1/%2: %3 s, quality %4%\n")
                                          .arg(done)
                                          .arg(total)
                                          .arg(s.latencySeconds, 0, 'f', 2)
                                          .arg(s.quality.value_or(0) * 100, 0, 'f', 1);
                             err().flush();
                         });
    installInterruptHandler();
    QTimer sigint;
    QObject::connect(&sigint, &QTimer::timeout, &loop, [&] {
        if (!interrupted() || runner.result().cancelled)
            return;
        std::signal(SIGINT, SIG_DFL); // a second Ctrl+C ends at once
        err() << tr("Cancelling… (the work done so far is kept)\n");
        err().flush();
        runner.cancel();
    });
    sigint.start(100);
    runner.start(config, options);
    loop.exec();
    sigint.stop();
    std::signal(SIGINT, SIG_DFL);
    if (result && !result->cancelled) {
        DocumentStore store;
        QString error;
        if (!store.open(DocumentOrchestrator::databasePath(config), &error) || store.saveBenchmarkRun(*result, &error) < 0)
            err() << tr("madf %1: the results were not saved: %2\n").arg(command, error);
    }
    return result;
}

int bench(const Config &config, const BenchmarkRunner::Options &options, bool json)
{
    const std::optional<BenchmarkResult> r = runBenchmark(config, options, QStringLiteral("bench"));
    if (!r)
        return ExitFailure;
    if (r->cancelled)
        return ExitInterrupted;
    if (json) {
        printJson({{QStringLiteral("iterations"), r->count},
                   {QStringLiteral("avg_latency"), r->avgLatency()},
                   {QStringLiteral("std_latency"), r->stdLatency()},
                   {QStringLiteral("avg_quality"), r->avgQuality()},
                   {QStringLiteral("throughput"), r->docsPerHour()},
                   {QStringLiteral("avg_cost"), r->costPerDocument()},
                   {QStringLiteral("complete"), r->successes()}});
    } else {
        out() << tr("Average latency: %1s (std %2s)\n").arg(r->avgLatency(), 0, 'f', 2).arg(r->stdLatency(), 0, 'f', 2)
              << tr("Throughput: %1 docs/hour\n").arg(r->docsPerHour(), 0, 'f', 1)
              << tr("Quality: %1%\n").arg(r->avgQuality() * 100, 0, 'f', 2)
              << tr("Cost per document: %1\n").arg(formatCost(r->costPerDocument()))
              << tr("Complete: %1/%2\n").arg(r->successes()).arg(r->count);
    }
    return r->successes() == r->count ? ExitOk : ExitFailure;
}

int loadTest(const Config &config, const BenchmarkRunner::Options &options, bool json)
{
    const std::optional<BenchmarkResult> r = runBenchmark(config, options, QStringLiteral("load-test"));
    if (!r)
        return ExitFailure;
    if (json) {
        printJson({{QStringLiteral("concurrent"), r->count},
                   {QStringLiteral("total_time"), r->totalSeconds},
                   {QStringLiteral("avg_time_per_doc"), r->avgTimePerDocument()},
                   {QStringLiteral("successful"), r->successes()}});
    } else {
        out() << tr("Total time: %1s\n").arg(r->totalSeconds, 0, 'f', 2)
              << tr("Average time per document: %1s\n").arg(r->avgTimePerDocument(), 0, 'f', 2)
              << tr("Successful: %1/%2\n").arg(r->successes()).arg(r->count);
    }
    if (r->cancelled)
        return ExitInterrupted;
    return r->successes() == r->count ? ExitOk : ExitFailure;
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
    BenchmarkRunner::Options options;
    options.kind = load ? BenchmarkResult::Kind::LoadTest : BenchmarkResult::Kind::Benchmark;
    options.count = n;
    options.request = BenchmarkRunner::seedRequest(p.value(QStringLiteral("topic")));
    options.keepCache = p.isSet(QStringLiteral("cache"));
    const DocumentRequest &request = options.request;
    for (const RequestError &e : request.validate()) {
        err() << e.message() << '\n';
        return ExitUsage;
    }
    std::optional<Config> config = loadConfig(p);
    if (!config)
        return ExitUsage;
    options.configName = p.isSet(QStringLiteral("config")) ? QFileInfo(p.value(QStringLiteral("config"))).fileName()
                                                           : QString();
    const bool json = p.isSet(QStringLiteral("json"));
    return load ? loadTest(*config, options, json) : bench(*config, options, json);
}

} // namespace Madf::Cli
