// bench_llmclient: what the LLM gateway costs and how close it gets to the
// ideal throughput, against the mock LLM server running in its own thread.
// Prints figures; never fails on a timing.
//
//  1. Client CPU per non-streamed call at zero server latency: CPU time of
//     the client (engine) thread, median of 5 runs; also all client-side
//     threads (Qt's HTTP threads included), i.e. the process minus the mock,
//     and the mock server's thread.
//  2. Throughput at 1, 8, 64 and 256 concurrent calls with 50 ms server
//     latency, as a fraction of the ideal (concurrency / 50 ms), with the
//     CPU the engine thread and the mock used per call. Each concurrency runs
//     a number of rounds (a round: as many calls as the concurrency) on warm
//     connections; all calls of the first round start at once, so the more
//     rounds, the smaller the share of that first wave and of the last
//     round's tail: the figure approaches the steady state.
//
//  `--rounds N` sets the rounds at 64 (default 40; earlier versions of this
//  bench ran 10) and, up to 10, at 256. `--qnam` sends plain http through
//  QNetworkAccessManager (the https path) instead of the gateway's own
//  HTTP/1.1 transport, for comparison.
#include "core/config/config.h"
#include "core/llm/httpexchange.h"
#include "core/llm/llmclient.h"
#include "tests/support/mockllmserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <unistd.h>

using namespace Madf;

namespace {

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

qint64 processCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// CPU of the threads named @p name (from /proc), in ns.
qint64 namedThreadsCpuNs(const QByteArray &name)
{
    const long ticks = sysconf(_SC_CLK_TCK);
    qint64 total = 0;
    const QStringList tasks = QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tid : tasks) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(tid));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != name)
            continue;
        QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(tid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
        if (fields.size() > 13)
            total += (fields.at(11).toLongLong() + fields.at(12).toLongLong()) * 1000000000 / ticks;
    }
    return total;
}

LlmRequest benchRequest()
{
    LlmRequest r;
    r.provider = QStringLiteral("mock");
    r.model = QStringLiteral("mock-gpt-4o");
    r.system = QStringLiteral("You write reports.");
    r.messages = {{QStringLiteral("user"), QStringLiteral("Write one paragraph about harbour logistics.")}};
    r.stream = false;
    r.maxTokens = 64;
    r.maxRetries = 0;
    r.timeoutMs = 60000;
    return r;
}

/** Keeps @p concurrency calls running until @p total have finished; returns
 *  the wall time in ms, counts failures and collects each call's duration. */
qint64 runClosedLoop(LlmClient &client, int concurrency, int total, int *failures, QList<double> *callMs = nullptr)
{
    QEventLoop loop;
    int started = 0;
    int finished = 0;
    *failures = 0;
    const LlmRequest request = benchRequest();
    std::function<void()> startOne = [&] {
        ++started;
        LlmCall *call = client.start(request);
        QObject::connect(call, &LlmCall::finished, &client, [&](const LlmResult &r) {
            if (!r.ok())
                ++*failures;
            if (callMs)
                callMs->append(double(r.timings.totalMs));
            if (++finished == total)
                loop.quit();
            else if (started < total)
                startOne();
        });
    };
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < qMin(concurrency, total); ++i)
        startOne();
    loop.exec();
    return timer.elapsed();
}

Config benchConfig(const QString &baseUrl, int maxInFlight)
{
    Config config = Config::defaults();
    ProviderConfig p;
    p.name = QStringLiteral("mock");
    p.api = QStringLiteral("openai");
    p.baseUrls = {baseUrl};
    p.local = true;
    p.maxInFlight = maxInFlight;
    p.inactivityTimeout = 60;
    config.providers.insert(p.name, p);
    return config;
}

double percentile(QList<double> values, int percent)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(qMin(values.size() - 1, values.size() * percent / 100));
}

double median(const QList<double> &values)
{
    return percentile(values, 50);
}

void cpuPerCall(const QString &baseUrl)
{
    constexpr int kCalls = 1000;
    std::printf("\n1. Client CPU per non-streamed call, zero server latency (median of 5 runs of %d calls)\n", kCalls);
    std::printf("   %-12s %22s %26s %18s %10s\n", "concurrency", "engine thread us/call", "all client threads us/call",
                "mock thread us/call", "calls/s");
    for (int concurrency : {1, 16}) {
        LlmClient client(benchConfig(baseUrl, 16));
        int failures = 0;
        runClosedLoop(client, concurrency, 100, &failures); // warm up: connections, managers, caches
        QList<double> engine, all, server, rate;
        for (int run = 0; run < 5; ++run) {
            const int calls = kCalls;
            const qint64 thread0 = threadCpuNs();
            const qint64 process0 = processCpuNs();
            const qint64 mock0 = namedThreadsCpuNs("MockLlmServer");
            const qint64 wall = runClosedLoop(client, concurrency, calls, &failures);
            const qint64 thread = threadCpuNs() - thread0;
            const qint64 mock = namedThreadsCpuNs("MockLlmServer") - mock0;
            const qint64 clientSide = (processCpuNs() - process0) - mock;
            engine << double(thread) / calls / 1000.0;
            all << double(clientSide) / calls / 1000.0;
            server << double(mock) / calls / 1000.0;
            rate << calls * 1000.0 / double(qMax<qint64>(1, wall));
            if (failures)
                std::printf("   (%d calls failed)\n", failures);
        }
        std::printf("   %-12d %22.0f %26.0f %18.0f %10.0f\n", concurrency, median(engine), median(all), median(server),
                    median(rate));
    }
}

void throughput(Test::MockLlmServer &mock, const QString &baseUrl, int roundsAt64)
{
    constexpr int latencyMs = 50;
    mock.setTimeToFirstTokenMs(latencyMs);
    std::printf("\n2. Throughput with %d ms server latency, as a fraction of the ideal (concurrency / latency)\n",
                latencyMs);
    std::printf("   (call ms: the duration of one call as the client saw it, median and 90th percentile; ideal %d)\n",
                latencyMs);
    std::printf("   (rounds: calls / concurrency, on warm connections; more rounds approach the steady state)\n");
    std::printf("   %-12s %7s %8s %10s %12s %12s %10s %12s %14s %12s %12s\n", "concurrency", "rounds", "calls", "wall ms",
                "calls/s", "ideal/s", "fraction", "peak at mock", "engine us/call", "mock us/call", "call ms p50/90");
    LlmClient client(benchConfig(baseUrl, 256));
    for (int concurrency : {1, 8, 64, 256}) {
        const int rounds = concurrency == 64 ? roundsAt64 : concurrency > 64 ? qMin(roundsAt64, 10) : 20;
        const int total = concurrency * rounds;
        int failures = 0;
        // Reset first: the mock frees its records, and its next allocations pay for that.
        mock.reset();
        runClosedLoop(client, concurrency, concurrency * 2, &failures); // warm up the connections
        const qint64 thread0 = threadCpuNs();
        const qint64 mock0 = namedThreadsCpuNs("MockLlmServer");
        QList<double> callMs;
        const qint64 wall = runClosedLoop(client, concurrency, total, &failures, &callMs);
        const double engineUs = double(threadCpuNs() - thread0) / total / 1000.0;
        const double mockUs = double(namedThreadsCpuNs("MockLlmServer") - mock0) / total / 1000.0;
        const double achieved = total * 1000.0 / double(qMax<qint64>(1, wall));
        const double ideal = concurrency * 1000.0 / latencyMs;
        std::printf("   %-12d %7d %8d %10lld %12.0f %12.0f %9.1f%% %12d %14.0f %12.0f %9.0f/%.0f%s\n", concurrency,
                    rounds, total, wall, achieved, ideal, 100.0 * achieved / ideal, mock.peakConcurrent(), engineUs, mockUs, median(callMs),
                    percentile(callMs, 90),
                    failures ? qPrintable(QStringLiteral("  (%1 failed)").arg(failures)) : "");
    }
    mock.setTimeToFirstTokenMs(0);
}


} // namespace

int main(int argc, char **argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    QCoreApplication app(argc, argv);
    const bool qnam = app.arguments().contains(QStringLiteral("--qnam"));
    const qsizetype roundsArg = app.arguments().indexOf(QStringLiteral("--rounds"));
    const int roundsAt64 = roundsArg >= 0 ? qMax(1, app.arguments().value(roundsArg + 1).toInt()) : 40;
    HttpExchange::setNetworkAccessManagerForced(qnam);
    Test::MockLlmServer mock;
    if (!mock.startInThread()) {
        std::fprintf(stderr, "mock server: %s\n", qPrintable(mock.errorString()));
        return 1;
    }
    // The mock counts its rate-limit headers down per request; the client would
    // rightly hold at "0 remaining". A bench sends more than the default allows.
    Test::MockRateLimits limits;
    limits.requestsLimit = 1000000000;
    limits.tokensLimit = 1000000000000;
    mock.setRateLimits(limits);
    const QString baseUrl = mock.openAiBaseUrl().toString();
    std::printf("bench_llmclient: LlmClient against the mock LLM server (own thread) at %s, %s\n", qPrintable(baseUrl),
                qnam ? "through QNetworkAccessManager (--qnam)" : "over the gateway's own HTTP/1.1 transport");
    cpuPerCall(baseUrl);
    throughput(mock, baseUrl, roundsAt64);
    std::printf("\n");
    return 0;
}
