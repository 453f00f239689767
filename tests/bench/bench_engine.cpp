// bench_engine: what the document engine itself costs, apart from the model.
// Prints figures (medians); never fails on a timing.
//
//  a. Engine CPU per 1,500-word article on the simulated provider at speed 0.
//     The orchestrator runs in this thread, so CLOCK_THREAD_CPUTIME_ID of
//     this thread is the engine's CPU. The simulated "model" also runs in it,
//     and is taken out like this: a first pass records every request the
//     engine makes (LlmClient::requestStarted is not a thing, so the calls,
//     children of the client, are picked up from their ChildAdded events)
//     and the JSON the agents dictate to the simulator; then the simulator's
//     work for exactly those requests (SimulatedProvider::reply, and the
//     SimulatedReplies the agents compute for it) is timed alone and
//     subtracted from the engine's CPU in measured passes that record nothing.
//  b. Throughput at 200 concurrent documents with 50 ms simulated latency per
//     call: calls completed per second against the bound set by
//     max_concurrent_tasks (max_concurrent_tasks / 50 ms).
//  c. Memory per in-flight document beyond its text, at 1,000 concurrent
//     documents: RSS with the documents in flight minus RSS before, minus the
//     text they hold, divided by the documents.
#include "core/agents/documentcontext.h"
#include "core/agents/simulatedreplies.h"
#include "core/config/config.h"
#include "core/llm/llmcall.h"
#include "core/llm/llmclient.h"
#include "core/llm/simulatedprovider.h"
#include "core/llm/tokencounter.h"
#include "core/model/document.h"
#include "core/orchestration/documentorchestrator.h"
#include "core/orchestration/resourcemanager.h"
#include "tests/support/mockllmserver.h"

#include <QChildEvent>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <malloc.h>
#include <unistd.h>

using namespace Madf;

namespace {

qint64 cpuNs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

qint64 threadCpuNs() { return cpuNs(CLOCK_THREAD_CPUTIME_ID); }
qint64 processCpuNs() { return cpuNs(CLOCK_PROCESS_CPUTIME_ID); }

double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n % 2 ? v.at(n / 2) : (v.at(n / 2 - 1) + v.at(n / 2)) / 2;
}

qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

Config engineConfig(const QString &stateDir, double speed, int maxConcurrentTasks)
{
    Config c = Config::defaults();
    c.storage.statePath = stateDir;
    c.providers[QStringLiteral("simulated")].speed = speed;
    for (AgentConfig &a : c.agents) {
        a.modelConfig.provider = QStringLiteral("simulated");
        // Every document asks the model: the cache would measure the cache.
        a.cacheEnabled = false;
    }
    c.orchestrator.maxConcurrentTasks = maxConcurrentTasks;
    c.orchestrator.maxAgents = maxConcurrentTasks;
    c.orchestrator.timeout = 3600;
    c.metrics.enabled = false;
    return c;
}

DocumentRequest article(int i, int words)
{
    static const QStringList topics = {
        QStringLiteral("Tidal energy along the Atlantic coast"), QStringLiteral("Urban beekeeping in northern cities"),
        QStringLiteral("The economics of container shipping"), QStringLiteral("Soil health in regenerative farming"),
        QStringLiteral("Battery recycling for electric vehicles"), QStringLiteral("The history of the printing press"),
    };
    DocumentRequest r;
    r.topic = topics.at(i % topics.size()) + QStringLiteral(" (part %1)").arg(i + 1);
    r.documentType = QStringLiteral("article");
    r.targetLength = words;
    r.requirements = {QStringLiteral("Give concrete examples")};
    return r;
}

/** Runs requests through an orchestrator living in this thread. */
struct Harness
{
    QTemporaryDir dir;
    DocumentOrchestrator *engine = nullptr;
    int finished = 0;
    int complete = 0;
    qint64 calls = 0;
    qint64 textChars = 0;
    bool keepDocuments = false;
    QList<Document> documents;

    Harness(double speed, int maxConcurrentTasks, bool store)
    {
        engine = new DocumentOrchestrator(engineConfig(dir.path(), speed, maxConcurrentTasks));
        if (store)
            engine->open(nullptr);
        QObject::connect(engine, &DocumentOrchestrator::documentFinished, engine, [this](const Document &d) {
            ++finished;
            complete += d.status == DocumentStatus::Complete;
            textChars += d.toMarkdown().size();
            if (keepDocuments)
                documents << d;
        });
        QObject::connect(engine, &DocumentOrchestrator::callRecorded, engine,
                         [this](const CallRecordEvent &) { ++calls; });
    }
    ~Harness() { delete engine; }

    /** Starts @p requests and waits until they have all finished. */
    void run(const QList<DocumentRequest> &requests, const std::function<void()> &whileRunning = {})
    {
        const int target = finished + int(requests.size());
        for (const DocumentRequest &r : requests)
            engine->createDocument(r);
        if (whileRunning)
            whileRunning();
        while (finished < target)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
};

/** Collects the requests an LlmClient starts: its calls are its children. */
class RequestRecorder : public QObject
{
public:
    QList<LlmRequest> requests;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ChildAdded) {
            // Not constructed yet: read it once the event loop runs again.
            QPointer<QObject> child = static_cast<QChildEvent *>(event)->child();
            QMetaObject::invokeMethod(this, [this, child] {
                if (auto *call = qobject_cast<LlmCall *>(child.data()))
                    requests << call->request();
            }, Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }
};

/** CPU (this thread, ms) of the JSON replies the agents compute for the
 *  simulator (SimulatedReplies) for @p documents: what a real model would
 *  have done. Each document's calls are redone on a context rebuilt from
 *  the finished document: research plan and outline on an empty one, the
 *  structure notes and every verification round's three checks on its final
 *  text (the drafts they saw were of about the same size). */
double simulatedRepliesMs(const QList<Document> &documents)
{
    const qint64 t0 = threadCpuNs();
    qsizetype sink = 0;
    for (const Document &d : documents) {
        DocumentContext ctx;
        ctx.documentId = d.id;
        ctx.request = d.request;
        sink += SimulatedReplies::researchPlan(ctx).size();
        sink += SimulatedReplies::outline(ctx).size();
        ctx.outline.title = d.title;
        for (const DocumentSection &s : d.sections)
            ctx.outline.sections.append({s.title, {}, {}, Document::countWords(s.content)});
        ctx.sections = d.sections;
        sink += SimulatedReplies::editStructure(ctx).size();
        const int rounds = qMax(1, int(d.metadata.value(QStringLiteral("rounds")).toList().size()));
        for (int r = 0; r < rounds; ++r) {
            ctx.revisionRound = r;
            sink += SimulatedReplies::accuracy(ctx).size() + SimulatedReplies::completeness(ctx).size()
                + SimulatedReplies::quality(ctx).size();
        }
    }
    if (sink < 0)
        std::printf("?");
    return (threadCpuNs() - t0) / 1e6;
}

// ---------------------------------------------------------------------------

void engineOverhead()
{
    constexpr int kWords = 1500;
    constexpr int kDocs = 20;
    constexpr int kPasses = 5;
    std::printf("a. Engine CPU per %d-word article (simulated provider, speed 0, %d documents one after another)\n",
                kWords, kDocs);

    // Warm-up and request capture.
    QList<LlmRequest> requests;
    QList<Document> documents;
    {
        Harness h(0, 5, true);
        RequestRecorder recorder;
        h.run({article(1000, kWords)});  // first-use costs (prompts, pricing, ...)
        h.engine->llmClient()->installEventFilter(&recorder);
        h.keepDocuments = true;
        for (int i = 0; i < kDocs; ++i)
            h.run({article(i, kWords)});
        QCoreApplication::processEvents();
        requests = recorder.requests;
        documents = h.documents;
    }
    // The simulator's own work for those requests, timed alone.
    QList<double> replyMs, dictatedMs;
    for (int pass = 0; pass < kPasses; ++pass) {
        const qint64 t0 = threadCpuNs();
        qsizetype sink = 0;
        for (const LlmRequest &r : std::as_const(requests))
            sink += SimulatedProvider::reply(r, TokenCounter::instance()).text.size();
        replyMs << (threadCpuNs() - t0) / 1e6 / kDocs;
        if (sink < 0)
            std::printf("?");
        dictatedMs << simulatedRepliesMs(documents) / kDocs;
    }
    const double model = median(replyMs) + median(dictatedMs);
    std::printf("   simulated model per document: replies %.2f ms + JSON the agents dictate to the simulator %.2f ms\n",
                median(replyMs), median(dictatedMs));

    for (const bool store : {true, false}) {
        QList<double> threadMs, processMs, wallMs;
        double callsPerDoc = 0;
        for (int pass = 0; pass < kPasses; ++pass) {
            Harness h(0, 5, store);
            h.run({article(1000, kWords)});
            const qint64 calls0 = h.calls;
            QElapsedTimer wall;
            wall.start();
            const qint64 t0 = threadCpuNs();
            const qint64 p0 = processCpuNs();
            for (int i = 0; i < kDocs; ++i)
                h.run({article(i, kWords)});
            threadMs << (threadCpuNs() - t0) / 1e6 / kDocs;
            processMs << (processCpuNs() - p0) / 1e6 / kDocs;
            wallMs << wall.nsecsElapsed() / 1e6 / kDocs;
            callsPerDoc = double(h.calls - calls0) / kDocs;
        }
        const double engine = median(threadMs) - model;
        std::printf("   %s: %.1f calls/document; engine thread %.2f ms, process %.2f ms, wall %.2f ms per document\n",
                    store ? "with the documents database" : "in memory (no database)   ", callsPerDoc,
                    median(threadMs), median(processMs), median(wallMs));
        std::printf("      simulated model %.2f ms  =>  engine overhead %.2f ms per document (%.3f ms per call)"
                    "   [target <= 5 ms]\n",
                    model, engine, callsPerDoc > 0 ? engine / callsPerDoc : 0.0);
    }
    std::printf("   (%lld model requests captured for %d documents)\n", qlonglong(requests.size()), kDocs);
}

// ---------------------------------------------------------------------------

// The JSON replies of the mock: its generated text is prose (see tst_orchestratormock).
const QList<QPair<const char *, const char *>> kMockJson{
    {"research-plan", R"({"questions":["How did it start?","Who uses it today?","What changes next?"]})"},
    {"outline", R"({"title":"An overview","sections":[{"title":"Introduction","plan":"Why it matters","key_points":[],"target_words":120},{"title":"How it works","plan":"The mechanics","key_points":[],"target_words":160},{"title":"Conclusion","plan":"What follows","key_points":[],"target_words":120}]})"},
    {"edit-structure", R"({"notes":[]})"},
    {"verify-accuracy", R"({"accuracy":0.9,"claims":[{"text":"It started long ago","verdict":"verified","note":""}]})"},
    {"verify-completeness", R"({"completeness":0.9,"missing":[]})"},
    {"verify-quality", R"({"coherence":0.9,"clarity":0.85,"issues":[]})"},
};

/** Prompt overrides with the mock's MOCK_REPLY lines, in a user prompt folder. */
bool installMockPrompts(const QTemporaryDir &xdg)
{
    const QString folder = xdg.filePath(QStringLiteral("madf/prompts"));
    QDir().mkpath(folder);
    for (const auto &[name, reply] : kMockJson) {
        QFile builtIn(QStringLiteral(":/madf/prompts/%1.md").arg(QLatin1String(name)));
        QFile out(folder + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".md"));
        if (!builtIn.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
            return false;
        out.write(builtIn.readAll() + "\n\nMOCK_REPLY: " + reply + "\n");
    }
    qputenv("XDG_CONFIG_HOME", xdg.path().toUtf8());
    return true;
}

void throughput()
{
    constexpr int kDocs = 200;
    constexpr int kLatencyMs = 50;
    std::printf("\nb. Throughput at %d concurrent documents, %d ms per call (madf-mock-llm in its own thread,"
                " reply sent whole after %d ms)\n",
                kDocs, kLatencyMs, kLatencyMs);
    QTemporaryDir xdg;
    if (!installMockPrompts(xdg)) {
        std::printf("   cannot install the prompt overrides\n");
        return;
    }
    std::printf("   %-20s %8s %9s %13s %10s %13s %16s %9s %8s\n", "max_concurrent_tasks", "bound/s", "calls/s",
                "of the bound", "in flight", "held by mock", "engine CPU/call", "slowest", "wall");
    const QList<int> taskCounts = qEnvironmentVariableIsSet("BENCH_TASKS")
        ? QList<int>{qEnvironmentVariableIntValue("BENCH_TASKS")} : QList<int>{10, 20, 40};
    for (const int tasks : taskCounts) {
        // A server of its own for each run: connections the last engine
        // left behind must not slow this one down.
        Madf::Test::MockLlmServer mock;
        if (!mock.startInThread()) {
            std::printf("   the mock server did not start\n");
            return;
        }
        mock.setTimeToFirstTokenMs(kLatencyMs);
        mock.setTokensPerSecond(0);
        QTemporaryDir dir;
        Config config = engineConfig(dir.path(), 0, tasks);
        ProviderConfig p;
        p.name = QStringLiteral("mock");
        p.api = QStringLiteral("openai");
        p.baseUrls = {mock.openAiBaseUrl().toString()};
        p.local = true;
        p.maxInFlight = 1000;   // the engine's limit is the one measured
        config.providers.insert(p.name, p);
        for (AgentConfig &a : config.agents) {
            a.modelConfig.provider = p.name;
            a.modelConfig.model = QStringLiteral("mock-gpt-4o");
        }
        config.orchestrator.qualityThreshold = 0;
        auto *engine = new DocumentOrchestrator(config);
        engine->open(nullptr);
        int finished = 0;
        QList<qint64> callEndsMs;
        qint64 slowestCallMs = 0;
        QElapsedTimer clock;
        QObject::connect(engine, &DocumentOrchestrator::documentFinished, engine, [&](const Document &) { ++finished; });
        QObject::connect(engine, &DocumentOrchestrator::callRecorded, engine,
                         [&](const CallRecordEvent &c) {
                             callEndsMs << clock.elapsed();
                             slowestCallMs = qMax(slowestCallMs, c.totalMs - c.queuedMs);
                             if (qEnvironmentVariableIsSet("BENCH_DEBUG") && callEndsMs.size() % 50 == 0)
                                 std::printf("t=%lld call %s total %lld queued %lld ttft %lld attempts %d ok %d err %s\n",
                                             qlonglong(clock.elapsed()), qPrintable(c.stepKey), c.totalMs, c.queuedMs, c.firstTokenMs, c.attempts,
                                             int(c.ok), qPrintable(toString(c.errorKind)));
                         });
        // One document first: connections, prompts, first-use costs.
        engine->createDocument(article(999, 400));
        while (finished < 1)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        callEndsMs.clear();
        finished = 0;
        // The time-weighted mean of the calls in flight.
        double inFlightArea = 0;
        qint64 lastChangeNs = 0;
        int inUse = 0;
        QElapsedTimer area;
        QObject::connect(engine->callLimiter(), &ResourceManager::usageChanged, engine, [&](int now, int) {
            const qint64 t = area.nsecsElapsed();
            inFlightArea += double(inUse) * double(t - lastChangeNs);
            lastChangeNs = t;
            inUse = now;
        });
        clock.start();
        area.start();
        const qint64 cpu0 = threadCpuNs();
        const qint64 process0 = processCpuNs();
        for (int i = 0; i < kDocs; ++i)
            engine->createDocument(article(i, 400));
        // The server's view: requests it holds (from received to answered), sampled.
        double serverSum = 0;
        int serverSamples = 0;
        QTimer sampler;
        QObject::connect(&sampler, &QTimer::timeout, engine, [&] {
            serverSum += mock.currentConcurrent();
            ++serverSamples;
        });
        sampler.start(5);
        while (finished < kDocs)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        sampler.stop();

        const double cpuMs = (threadCpuNs() - cpu0) / 1e6;
        const double processMs = (processCpuNs() - process0) / 1e6;
        const qint64 wallMs = clock.elapsed();
        inFlightArea += double(inUse) * double(area.nsecsElapsed() - lastChangeNs);
        // The middle 80 % of the calls: no ramp-up, no tail of the last documents.
        const qsizetype n = callEndsMs.size();
        const qsizetype a = n / 10, b = n - n / 10;
        const double rate = b > a ? double(b - a) / (double(callEndsMs.at(b - 1) - callEndsMs.at(a)) / 1000.0) : 0;
        const double bound = tasks * 1000.0 / kLatencyMs;
        std::printf("   %-20d %8.0f %9.0f %12.1f%% %10.1f %13.1f %13.3f ms %6lld ms %6.1f s   (process incl. mock:"
                    " %.2f ms/call, %.0f%% of a core)\n",
                    tasks, bound, rate, 100 * rate / bound, inFlightArea / double(area.nsecsElapsed()),
                    serverSamples ? serverSum / serverSamples : 0.0, n ? cpuMs / double(n) : 0.0,
                    qlonglong(slowestCallMs), wallMs / 1000.0, n ? processMs / double(n) : 0.0,
                    wallMs > 0 ? 100 * processMs / double(wallMs) : 0.0);
        delete engine;
    }
    std::printf("   (calls/s over the middle 80 %% of the calls; bound = max_concurrent_tasks / %d ms; target >= 90 %%.\n"
                "    in flight: mean calls holding a max_concurrent_tasks slot; held by mock: mean requests the server\n"
                "    was answering (its own view, sampled every 5 ms); slowest: the longest call, queueing excluded)\n",
                kLatencyMs);
}

void memoryPerDocument()
{
    constexpr int kDocs = 1000;
    std::printf("\nc. Memory per in-flight document beyond its text, %d documents at once (simulated provider,"
                " speed 0.01, max_concurrent_tasks 100)\n",
                kDocs);
    Harness h(0.01, 100, true);
    h.run({article(5000, 1500)});
    malloc_trim(0);
    const qint64 baseKb = rssKb();
    QList<QString> ids;
    for (int i = 0; i < kDocs; ++i)
        ids << h.engine->createDocument(article(i, 1500));
    QList<double> perDoc;
    qint64 lastCalls = -1;
    QElapsedTimer sampled;
    sampled.start();
    while (h.finished < 1 + kDocs) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        if (sampled.elapsed() < 1000 || h.finished > 1)
            continue;
        sampled.restart();
        // RSS first: what the measurement allocates must not count.
        const qint64 nowKb = rssKb();
        qint64 textBytes = 0;
        for (const QString &id : std::as_const(ids))
            if (const std::optional<Document> d = h.engine->runningDocument(id))
                textBytes += d->toMarkdown().size() * qint64(sizeof(QChar));
        const double kb = (double(nowKb - baseKb) - textBytes / 1024.0) / kDocs;
        if (h.calls != lastCalls)
            perDoc << kb;
        lastCalls = h.calls;
        std::printf("   %6lld calls done: RSS +%lld KB, text %lld KB => %.1f KB per document\n", qlonglong(h.calls),
                    qlonglong(nowKb - baseKb), qlonglong(textBytes / 1024), kb);
    }
    std::printf("   median %.1f KB, highest %.1f KB per document beyond its text   [target <= 300 KB]\n",
                median(perDoc), perDoc.isEmpty() ? 0.0 : *std::max_element(perDoc.begin(), perDoc.end()));
}

/** For `perf record`: documents one after another, nothing else. */
void profileLoop(int documents)
{
    Harness h(0, 5, true);
    for (int i = 0; i < documents; ++i)
        h.run({article(i, 1500)});
    std::printf("%d documents, %lld calls\n", documents, qlonglong(h.calls));
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("MADF_LOG_LEVEL", "warning");
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const QStringList args = app.arguments().mid(1);
    if (args.value(0) == QLatin1String("--profile")) {
        profileLoop(args.value(1, QStringLiteral("100")).toInt());
        return 0;
    }
    std::printf("bench_engine (parts: a b c; default all)\n");
    if (args.isEmpty() || args.contains(QLatin1String("a")))
        engineOverhead();
    if (args.isEmpty() || args.contains(QLatin1String("b")))
        throughput();
    if (args.isEmpty() || args.contains(QLatin1String("c")))
        memoryPerDocument();
    return 0;
}
