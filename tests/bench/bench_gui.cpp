// bench_gui: does the GUI keep up? Prints figures; never fails on a timing.
//
//  1. Redraw of a 100,000-point chart: a QChartView of 1400x350 rendered
//     into an image (what a repaint costs), for a line and a scatter
//     series, with every point and thinned to the plot's pixel width
//     (Downsample::minMax). Median of several runs, ms. "update" includes
//     replacing the points (and thinning them), as a live chart does.
//  2. GUI-thread stalls while N documents (200 by default) run on the
//     simulated provider with the main window and the dashboard shown: a
//     1 ms heartbeat timer records the gaps between its ticks (a gap is a
//     stall: the event loop could not run it), and QApplication::notify()
//     is timed to name the longest events. Targets: longest stall ≤ 50 ms,
//     p99 ≤ 16 ms.
//
//  bench_gui [--part chart|stall|all] [--docs N] [--speed F] [--concurrency C]
//  (offscreen by default; set QT_QPA_PLATFORM to choose another platform)
#include "ui/dashboard/chartcard.h"
#include "ui/dashboard/dashboardpanel.h"
#include "ui/mainwindow.h"

#include "core/config/config.h"
#include "core/metrics/downsample.h"
#include "core/orchestration/enginethread.h"
#include "core/model/document.h"

#include <QApplication>
#include <QChartView>
#include <QCommandLineParser>
#include <QDateTimeAxis>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QImage>
#include <QLineSeries>
#include <QPainter>
#include <QRandomGenerator>
#include <QScatterSeries>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QValueAxis>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>

using namespace Madf;

namespace {

// CPU time of this thread: what the work costs, whatever else the machine runs.
class CpuTimer
{
public:
    void restart() { m_start = now(); }
    double ms() const { return double(now() - m_start) / 1e6; }

private:
    static qint64 now()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
    }
    qint64 m_start = now();
};

double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[qMin<qsizetype>(v.size() - 1, qsizetype(p / 100.0 * double(v.size())))];
}

/** Times every top-level event the GUI thread dispatches. */
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;

    struct Slow
    {
        double ms;
        double cpuMs;
        QEvent::Type type;
        QByteArray receiver;
    };

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_recording && m_depth > 0 && event->type() == QEvent::Paint) {
            // Which widget's painting the window's repaints are made of.
            QByteArray className = receiver->metaObject()->className();
            for (QObject *p = receiver->parent(); p; p = p->parent()) {
                // The first ancestor of ours names the part of the window.
                const QByteArray parent = p->metaObject()->className();
                if (parent.startsWith("Madf::")) {
                    className += " in " + parent;
                    break;
                }
            }
            QElapsedTimer timer;
            timer.start();
            const bool result = QApplication::notify(receiver, event);
            Total &total = m_paints[className];
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            total.ms += ms;
            total.max = qMax(total.max, ms);
            ++total.count;
            return result;
        }
        if (!m_recording || m_depth > 0 || thread() != QThread::currentThread())
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer timer;
        timer.start();
        CpuTimer cpu;
        // The event and even the receiver (DeferredDelete) may be gone afterwards.
        const QEvent::Type type = event->type();
        const char *className = receiver->metaObject()->className();
        QString objectName = receiver->objectName();
        if (objectName.isEmpty() && receiver->parent()) // a timer or watcher: whose is it?
            objectName = QLatin1String(receiver->parent()->metaObject()->className());
        const bool result = QApplication::notify(receiver, event);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        const double cpuMs = cpu.ms();
        --m_depth;
        QByteArray name = className;
        if (!objectName.isEmpty())
            name += '(' + objectName.toUtf8() + ')';
        Total &total = m_totals[{int(type), name}];
        total.ms += ms;
        ++total.count;
        total.cpuMs += cpuMs;
        total.maxCpu = qMax(total.maxCpu, cpuMs);
        if (ms > 5 || cpuMs > 5)
            m_slow.push_back({ms, cpuMs, type, name});
        return result;
    }

    void setRecording(bool on) { m_recording = on; }
    struct Total
    {
        double ms = 0;
        double max = 0;
        double cpuMs = 0;
        double maxCpu = 0;
        int count = 0;
    };
    std::map<QByteArray, Total> m_paints;
    std::vector<Slow> m_slow;
    std::map<std::pair<int, QByteArray>, Total> m_totals;

private:
    bool m_recording = false;
    int m_depth = 0;
};

QList<QPointF> randomWalk(int n)
{
    QRandomGenerator rng(42);
    QList<QPointF> points;
    points.reserve(n);
    double y = 50;
    const double t0 = 1.7e12;
    for (int i = 0; i < n; ++i) {
        y = qBound(0.0, y + rng.bounded(2.0) - 1.0, 100.0);
        points.append(QPointF(t0 + i * 1000.0, y));
    }
    return points;
}

void benchChart(int points)
{
    std::printf("1. Redraw of a %d-point chart (QChartView 1400x350 rendered to an image), median ms\n", points);
    const QList<QPointF> data = randomWalk(points);
    for (int kind : {0, 1, 2}) {
        const bool scatter = kind > 0, light = kind == 2;
        for (bool thin : {false, true}) {
            QChart *chart = new QChart;
            QXYSeries *series = scatter ? static_cast<QXYSeries *>(new QScatterSeries) : new QLineSeries;
            if (scatter)
                static_cast<QScatterSeries *>(series)->setMarkerSize(6);
            if (light)
                Ui::ChartUtil::useLightMarker(series, 6);
            chart->addSeries(series);
            auto *x = new QDateTimeAxis;
            auto *y = new QValueAxis;
            chart->addAxis(x, Qt::AlignBottom);
            chart->addAxis(y, Qt::AlignLeft);
            series->attachAxis(x);
            series->attachAxis(y);
            x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(data.first().x())),
                        QDateTime::fromMSecsSinceEpoch(qint64(data.last().x())));
            y->setRange(0, 100);
            QChartView view(chart);
            view.resize(1400, 350);
            view.show();
            QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
            auto render = [&] {
                image.fill(Qt::white);
                QPainter painter(&image);
                view.render(&painter);
            };
            auto update = [&] {
                const int width = qMax(100, int(chart->plotArea().width()));
                if (thin)
                    Ui::ChartUtil::setPoints(series, data, width); // as the dashboard does
                else
                    series->replace(data);
                QCoreApplication::processEvents();
                render();
            };
            update(); // layout, first paint
            const int runs = (scatter && !thin) ? 3 : 9;
            QList<double> redraw, updateMs;
            for (int i = 0; i < runs; ++i) {
                QElapsedTimer t;
                t.start();
                render();
                redraw << double(t.nsecsElapsed()) / 1e6;
                t.restart();
                update();
                updateMs << double(t.nsecsElapsed()) / 1e6;
            }
            std::printf("   %-16s %-18s redraw %8.1f ms   update+redraw %8.1f ms   (%lld points drawn)\n",
                        light ? "scatter (light)" : scatter ? "scatter" : "line", thin ? "thinned (min/max)" : "every point",
                        median(redraw), median(updateMs), qlonglong(series->count()));
        }
    }
    QElapsedTimer t;
    t.start();
    QList<double> thinMs;
    for (int i = 0; i < 9; ++i) {
        t.restart();
        const QList<QPointF> out = Downsample::minMax(data, 1300);
        thinMs << double(t.nsecsElapsed()) / 1e6;
    }
    std::printf("   Downsample::minMax of %d points to 1300 buckets alone: %.2f ms\n\n", points, median(thinMs));
}

void benchDashboard(int docs, const QString &shotsDir)
{
    std::printf("3. Dashboard redraw per tab after %d documents' events (23 calls each), 1400x350, median CPU ms\n", docs);
    Ui::DashboardPanel panel;
    panel.resize(1400, 350);
    panel.show();
    QRandomGenerator rng(7);
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - qint64(docs) * 1000;
    panel.timeline().setRunStartMs(start - 1000);
    panel.timeline().setLimits(20, 20);
    const QStringList models = {QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini"), QStringLiteral("claude-3-5-sonnet")};
    const QStringList agents = {QStringLiteral("research"), QStringLiteral("writing"), QStringLiteral("editing"),
                                QStringLiteral("verification")};
    for (int d = 0; d < docs; ++d) {
        const QString id = QStringLiteral("doc%1").arg(d);
        const qint64 t = start + d * 1000;
        panel.timeline().addDocumentStarted(id, t - 20000 - rng.bounded(20000));
        for (int c = 0; c < 23; ++c) {
            CallRecordEvent e;
            e.documentId = id;
            e.agent = agents[c % agents.size()];
            e.model = models[c % models.size()];
            e.startedAtMs = t - rng.bounded(20000);
            e.totalMs = 500 + rng.bounded(3000);
            e.queuedMs = rng.bounded(2000);
            e.firstTokenMs = 200 + rng.bounded(800);
            e.ok = rng.bounded(50) != 0;
            e.errorKind = e.ok ? LlmErrorKind::None : LlmErrorKind::RateLimited;
            e.simulated = true;
            e.usage.completionTokens = 300;
            e.costUsd = 0.001 * rng.bounded(10);
            panel.onCallRecorded(e);
        }
        panel.timeline().addResourceStats({{"max_agents", 20}, {"in_use", int(rng.bounded(20))}}, t);
        panel.timeline().addInFlightSample(int(rng.bounded(20)), t);
        Document doc;
        doc.id = id;
        doc.status = DocumentStatus::Complete;
        doc.qualityScore = 0.7 + rng.bounded(0.3);
        panel.timeline().addDocument(doc, t);
    }
    const QStringList names = {"latency", "first token", "quality", "utilization", "cost", "cache/throughput", "errors"};
    QImage image(panel.size(), QImage::Format_ARGB32_Premultiplied);
    for (int page = 0; page < names.size(); ++page) {
        panel.setCurrentPage(page);
        QList<double> series, draw, events, paint;
        for (int i = 0; i < 7; ++i) {
            CpuTimer t;
            const DashboardSeries s = panel.currentSeries();
            series << t.ms();
            t.restart();
            panel.refreshNow();
            draw << t.ms();
            t.restart();
            QCoreApplication::processEvents();
            events << t.ms();
            t.restart();
            QPainter painter(&image);
            panel.render(&painter);
            painter.end();
            paint << t.ms();
            QThread::msleep(30); // the clock moves, as between two ticks
        }
        if (!shotsDir.isEmpty())
            panel.grab().save(QStringLiteral("%1/dashboard-%2.png").arg(shotsDir).arg(page));
        std::printf("   %-17s series() %5.1f   redraw %5.1f   pending events %5.1f   paint %5.1f   total %5.1f\n",
                    qPrintable(names[page]), median(series), median(draw), median(events), median(paint),
                    median(draw) + median(events) + median(paint));
    }
    std::printf("\n");
}

int benchStall(TimedApplication &app, int docs, double speed, int concurrency)
{
    std::printf("2. GUI-thread stalls while %d documents run on the simulated provider (speed %.3g, "
                "max_concurrent_tasks %d), main window 1600x1000 with the dashboard docked\n",
                docs, speed, concurrency);
    QTemporaryDir state;
    Config config = Config::defaults();
    config.storage.statePath = state.path();
    config.providers[QStringLiteral("simulated")].speed = speed;
    config.orchestrator.maxConcurrentTasks = concurrency;
    config.orchestrator.maxAgents = qMax(config.orchestrator.maxAgents, concurrency * 2);
    config.orchestrator.timeout = 0; // 200 documents queue for a while: no per-document deadline
    for (AgentConfig &agent : config.agents)
        agent.cacheEnabled = false;  // every call is a real (simulated) call

    Ui::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    window.dashboardDock()->show();
    window.setConfig(config, state.filePath(QStringLiteral("config.yaml")));
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 1500)
        app.processEvents(QEventLoop::AllEvents, 50);

    int finished = 0, complete = 0;
    QObject::connect(window.engine(), &EngineThread::documentFinished, &window, [&](const Document &d) {
        ++finished;
        complete += d.status == DocumentStatus::Complete ? 1 : 0;
    });
    std::map<QByteArray, int> signalCounts;
    QObject::connect(window.engine(), &EngineThread::textStreamed, &window, [&] { ++signalCounts["textStreamed"]; });
    QObject::connect(window.engine(), &EngineThread::callRecorded, &window, [&] { ++signalCounts["callRecorded"]; });
    QObject::connect(window.engine(), &EngineThread::progressChanged, &window, [&] { ++signalCounts["progressChanged"]; });
    QObject::connect(window.engine(), &EngineThread::resourceStatsChanged, &window,
                     [&] { ++signalCounts["resourceStatsChanged"]; });

    QList<double> gaps;
    gaps.reserve(1 << 20);
    QElapsedTimer clock;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(1);
    qint64 last = 0;
    QObject::connect(&heartbeat, &QTimer::timeout, &window, [&] {
        const qint64 now = clock.nsecsElapsed();
        gaps << double(now - last) / 1e6;
        last = now;
    });

    // The machine's own noise: the same heartbeat with nothing running.
    QList<double> baseline;
    {
        QElapsedTimer idle;
        QTimer beat;
        beat.setTimerType(Qt::PreciseTimer);
        beat.setInterval(1);
        qint64 previous = 0;
        QObject::connect(&beat, &QTimer::timeout, &window, [&] {
            const qint64 t = idle.nsecsElapsed();
            baseline << qMax(0.0, double(t - previous) / 1e6 - 1.0);
            previous = t;
        });
        QEventLoop loop;
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        idle.start();
        beat.start();
        loop.exec();
    }
    std::printf("   baseline, window idle for 5 s: stall max %.1f ms, p99 %.2f ms (the machine's scheduling noise)\n",
                baseline.isEmpty() ? 0 : *std::max_element(baseline.cbegin(), baseline.cend()),
                percentile(baseline, 99));

    // Starting them is one call per document from here (a user starts one
    // per click, a batch file through the CLI): timed on its own.
    QElapsedTimer starting;
    starting.start();
    for (int i = 0; i < docs; ++i) {
        DocumentRequest request;
        request.topic = QStringLiteral("Benchmark topic %1").arg(i + 1);
        window.generate(request);
    }
    const double startingMs = double(starting.nsecsElapsed()) / 1e6;
    app.setRecording(true);
    clock.start();
    heartbeat.start();
    const int redrawsBefore = window.dashboard()->redrawCount();
    // The application's own event loop, as in the app (no busy polling).
    QEventLoop loop;
    QObject::connect(window.engine(), &EngineThread::documentFinished, &loop, [&] {
        if (finished >= docs)
            loop.quit();
    }, Qt::QueuedConnection);
    QTimer::singleShot(15 * 60 * 1000, &loop, &QEventLoop::quit);
    loop.exec();
    heartbeat.stop();
    app.setRecording(false);
    const double seconds = double(clock.elapsed()) / 1000.0;

    // A tick that is due 1 ms after the last: the stall is what exceeds it.
    QList<double> stalls;
    stalls.reserve(gaps.size());
    for (double g : gaps)
        stalls << qMax(0.0, g - 1.0);
    const auto over = [&stalls](double ms) { return std::count_if(stalls.cbegin(), stalls.cend(), [ms](double s) { return s > ms; }); };
    std::printf("   %d of %d documents finished (%d complete) in %.1f s; %lld heartbeats; dashboard redraws: %d\n",
                finished, docs, complete, seconds, qlonglong(gaps.size()),
                window.dashboard()->redrawCount() - redrawsBefore);
    std::printf("   MainWindow::generate() x %d before the measurement: %.0f ms (%.2f ms each)\n", docs, startingMs,
                startingMs / docs);
    std::printf("   engine signals received:");
    for (const auto &[name, count] : signalCounts)
        std::printf(" %s %d;", name.constData(), count);
    std::printf("\n   stall: max %.1f ms, p99 %.2f ms, p99.9 %.1f ms, median %.2f ms; stalls > 16 ms: %lld, > 50 ms: %lld\n",
                stalls.isEmpty() ? 0 : *std::max_element(stalls.cbegin(), stalls.cend()), percentile(stalls, 99),
                percentile(stalls, 99.9), percentile(stalls, 50), qlonglong(over(16)), qlonglong(over(50)));
    const auto printSlow = [&app](const char *title) {
        std::printf("   %s:\n", title);
        for (size_t i = 0; i < qMin<size_t>(6, app.m_slow.size()); ++i)
            std::printf("     %7.1f ms wall, %6.1f ms CPU  event type %d  to %s\n", app.m_slow[i].ms,
                        app.m_slow[i].cpuMs, int(app.m_slow[i].type), app.m_slow[i].receiver.constData());
    };
    std::sort(app.m_slow.begin(), app.m_slow.end(), [](const auto &a, const auto &b) { return a.ms > b.ms; });
    printSlow("longest events by wall time (the thread may have waited for a CPU inside them)");
    std::sort(app.m_slow.begin(), app.m_slow.end(), [](const auto &a, const auto &b) { return a.cpuMs > b.cpuMs; });
    printSlow("longest events by CPU time (the work itself)");
    std::vector<std::pair<std::pair<int, QByteArray>, TimedApplication::Total>> totals(app.m_totals.cbegin(),
                                                                                     app.m_totals.cend());
    std::sort(totals.begin(), totals.end(), [](const auto &a, const auto &b) { return a.second.ms > b.second.ms; });
    double busy = 0;
    for (const auto &t : totals)
        busy += t.second.ms;
    double busyCpu = 0;
    for (const auto &t : totals)
        busyCpu += t.second.cpuMs;
    std::printf("   GUI thread in events: %.1f s wall, %.1f s CPU, of %.1f s; most time by event type and receiver:\n",
                busy / 1000, busyCpu / 1000, seconds);
    for (size_t i = 0; i < qMin<size_t>(10, totals.size()); ++i)
        std::printf("     %8.1f ms (CPU %7.1f, max %5.1f) in %6d events  type %d  to %s\n", totals[i].second.ms,
                    totals[i].second.cpuMs, totals[i].second.maxCpu, totals[i].second.count, totals[i].first.first,
                    totals[i].first.second.constData());
    std::vector<std::pair<QByteArray, TimedApplication::Total>> paints(app.m_paints.cbegin(), app.m_paints.cend());
    std::sort(paints.begin(), paints.end(), [](const auto &a, const auto &b) { return a.second.ms > b.second.ms; });
    std::printf("   painting by widget class (inside the window's repaints):\n");
    for (size_t i = 0; i < qMin<size_t>(8, paints.size()); ++i)
        std::printf("     %8.1f ms in %6d paints (max %.1f ms)  %s\n", paints[i].second.ms, paints[i].second.count,
                    paints[i].second.max, paints[i].first.constData());
    window.close();
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("madf-bench-gui"));
    QApplication::setOrganizationName(QStringLiteral("madf-bench"));
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());

    QCommandLineParser args;
    args.addOptions({{QStringLiteral("part"), QStringLiteral("chart, dashboard, stall or all"), QStringLiteral("PART"), QStringLiteral("all")},
                     {QStringLiteral("points"), QStringLiteral("chart points"), QStringLiteral("N"), QStringLiteral("100000")},
                     {QStringLiteral("docs"), QStringLiteral("documents"), QStringLiteral("N"), QStringLiteral("200")},
                     {QStringLiteral("speed"), QStringLiteral("simulated latency scale"), QStringLiteral("F"), QStringLiteral("0.1")},
                     {QStringLiteral("concurrency"), QStringLiteral("max_concurrent_tasks"), QStringLiteral("C"), QStringLiteral("20")},
                     {QStringLiteral("shots"), QStringLiteral("save a PNG of each dashboard tab here (part dashboard)"), QStringLiteral("DIR")}});
    args.addHelpOption();
    args.process(app);
    const QString part = args.value(QStringLiteral("part"));
    std::printf("bench_gui on the %s platform\n\n", qPrintable(QApplication::platformName()));
    if (part == QLatin1String("chart") || part == QLatin1String("all"))
        benchChart(args.value(QStringLiteral("points")).toInt());
    if (part == QLatin1String("dashboard") || part == QLatin1String("all"))
        benchDashboard(args.value(QStringLiteral("docs")).toInt(), args.value(QStringLiteral("shots")));
    if (part == QLatin1String("stall") || part == QLatin1String("all"))
        benchStall(app, args.value(QStringLiteral("docs")).toInt(), args.value(QStringLiteral("speed")).toDouble(),
                   args.value(QStringLiteral("concurrency")).toInt());
    std::fflush(stdout);
    return 0;
}
