#pragma once

#include "core/config/config.h"
#include "core/metrics/benchmarkresult.h"
#include "core/model/documentrequest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMetaType>
#include <QObject>

namespace Madf {

class EngineThread;
struct Document;

/**
 * The performance guide's benchmark (N documents, each started when the one
 * before has finished) and load test (N documents started at once), run on
 * an EngineThread of the runner's own, so the GUI and the CLI (`madf bench`,
 * `madf load-test`) measure the same way. Never blocks: progress and the
 * result arrive as signals in the thread that owns the runner.
 *
 * The clocks start once the engine is up, so engine start-up is not counted
 * as a document's latency. The response cache is off unless asked for:
 * repeated identical requests would be answered from it and the figures
 * would measure the cache. A cancelled run stops issuing documents, cancels
 * the ones running and ends with `cancelled` set; cancelled documents are
 * not samples.
 */
class BenchmarkRunner : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        BenchmarkResult::Kind kind = BenchmarkResult::Kind::Benchmark;
        int count = 10;                           ///< iterations or documents at once
        DocumentRequest request = seedRequest();
        QString configName;                       ///< shown in the results; "current" when empty
        QString configSummary;                    ///< empty: summary(config)
        bool keepCache = false;
        bool openStore = true;                    ///< record the documents in the history (as any run)
    };

    explicit BenchmarkRunner(QObject *parent = nullptr);
    ~BenchmarkRunner() override;

    /** The seed's benchmark request: an article of 1000 words on @p topic. */
    static DocumentRequest seedRequest(const QString &topic = defaultTopic());
    static QString defaultTopic();
    /** One line: the agents' models and the settings that move the figures. */
    static QString summary(const Config &config);

    /** Starts a run; false (and nothing happens) while one is running. */
    bool start(const Config &config, const Options &options);
    void cancel();
    bool isRunning() const { return m_running; }
    /** The run so far, or the last one. */
    const BenchmarkResult &result() const { return m_result; }

Q_SIGNALS:
    /** A document finished (not cancelled); @p done of @p total measured. */
    void documentMeasured(const Madf::BenchmarkSample &sample, int done, int total);
    void finished(const Madf::BenchmarkResult &result);
    /** The engine did not start; no finished() follows. */
    void failed(const QString &error);

private:
    void onEngineStarted(bool ok, const QString &error);
    void onDocumentFinished(const Document &document);
    void issue();
    void finishLater();
    void finish();

    struct Pending
    {
        QElapsedTimer clock;
        double costUsd = 0;
        bool costIsLowerBound = false;
    };

    EngineThread *m_engine = nullptr;
    Options m_options;
    BenchmarkResult m_result;
    QHash<QString, Pending> m_pending;
    QElapsedTimer m_clock;
    int m_issued = 0;
    bool m_running = false;
    bool m_engineUp = false;
    bool m_finishing = false;
};

} // namespace Madf

Q_DECLARE_METATYPE(Madf::BenchmarkSample)
Q_DECLARE_METATYPE(Madf::BenchmarkResult)
