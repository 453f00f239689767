#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Madf {

/** One document a benchmark or load test ran. */
struct BenchmarkSample
{
    QString documentId;
    double latencySeconds = 0;      ///< from the request to the finished document
    std::optional<double> quality;  ///< nullopt: never scored
    double costUsd = 0;
    bool costIsLowerBound = false;  ///< some call's price was unknown
    bool complete = false;          ///< status COMPLETE

    bool operator==(const BenchmarkSample &) const = default;
};

/**
 * The figures of one run of the performance guide's benchmark (N documents
 * one after another) or load test (N documents at once), with the samples
 * they are computed from, so a saved run can be re-read, compared and
 * exported.
 *
 * The figures follow the seed's scripts:
 * - average and standard deviation (n − 1) of the documents' latencies;
 * - average quality over every document run, an unscored one counting 0;
 * - benchmark: time per document = the average latency, and
 *   docs/hour = 3600 / that (the seed's `3600 / mean(latencies)`);
 * - load test: time per document = total time / N, and docs/hour =
 *   3600 / that (N documents in the total time);
 * - successes = documents that ended COMPLETE;
 * - cost per document = the average known cost.
 */
struct BenchmarkResult
{
    Q_DECLARE_TR_FUNCTIONS(Madf::BenchmarkResult)

public:
    enum class Kind { Benchmark, LoadTest };

    qint64 id = -1;                ///< the store's row id; -1 until saved
    Kind kind = Kind::Benchmark;
    QString configName;            ///< "current", "preset: fast", "fast.yaml"
    QString configSummary;         ///< models and the knobs that matter, one line
    int count = 0;                 ///< iterations (benchmark) or documents at once (load test)
    QString topic;
    QDateTime startedAt;
    double totalSeconds = 0;       ///< wall time of the whole run
    bool cancelled = false;
    QList<BenchmarkSample> samples;

    int successes() const;
    double avgLatency() const;     ///< seconds
    double stdLatency() const;     ///< seconds
    double avgQuality() const;     ///< 0..1
    double avgTimePerDocument() const;
    double docsPerHour() const;
    double costPerDocument() const;
    bool costIsLowerBound() const;

    /** "benchmark" / "load-test". */
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    /** "Benchmark" / "Load test", translated. */
    static QString kindLabel(Kind kind);

    /** kind, count and topic. */
    QJsonObject parametersJson() const;
    /** The figures, the flags and the samples. */
    QJsonObject resultsJson() const;
    /** Everything, for export: config, parameters and results. */
    QJsonObject toJson() const;
    /** Reads toJson()'s output (or the parts the store keeps). */
    static BenchmarkResult fromJson(const QJsonObject &object);

    static QStringList csvHeader();
    QStringList csvRow() const;
    /** A header line and one line per run (RFC 4180 quoting). */
    static QString toCsv(const QList<BenchmarkResult> &results);
    /** A JSON array of toJson(), indented. */
    static QByteArray toJsonDocument(const QList<BenchmarkResult> &results);
};

} // namespace Madf
