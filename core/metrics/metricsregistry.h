#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace Madf {

/** Names of the metrics MADF Studio exports (units as suffixes). */
namespace MetricNames {
inline constexpr char DocumentsTotal[] = "madf_documents_total";             ///< counter {status}
inline constexpr char StageDurationSeconds[] = "madf_stage_duration_seconds"; ///< histogram {stage}
inline constexpr char TokensTotal[] = "madf_tokens_total";                   ///< counter {direction, model}
inline constexpr char CostUsdTotal[] = "madf_cost_usd_total";                ///< counter {model}
inline constexpr char CacheHitsTotal[] = "madf_cache_hits_total";            ///< counter
inline constexpr char CacheMissesTotal[] = "madf_cache_misses_total";        ///< counter
inline constexpr char ErrorsTotal[] = "madf_errors_total";                   ///< counter {kind}
inline constexpr char AgentsInUse[] = "madf_agents_in_use";                  ///< gauge
inline constexpr char CallsInFlight[] = "madf_calls_in_flight";              ///< gauge
} // namespace MetricNames

/** Counters, gauges and histograms with labels, rendered in the Prometheus
 *  text exposition format 0.0.4 (what PrometheusExporter serves). The
 *  engine feeds it; it holds numbers only, no history.
 *
 *  Metrics are registered first (name, help, label names), then updated by
 *  name with label values keyed by label name. Updating an unregistered
 *  metric or the wrong type is a programming error: it is logged and
 *  ignored. Thread-safe. */
class MetricsRegistry
{
public:
    enum class Type { Counter, Gauge, Histogram };
    using Labels = QMap<QString, QString>;

    /** Upper bounds of madf_stage_duration_seconds, in seconds (+Inf implied). */
    static QList<double> stageBuckets();

    MetricsRegistry() = default;
    Q_DISABLE_COPY_MOVE(MetricsRegistry)

    /** A metric without label names starts with one series at 0, so that
     *  scrapers see it before anything happens. Registering a name twice
     *  keeps the first registration. */
    void registerCounter(const QString &name, const QString &help, const QStringList &labelNames = {});
    void registerGauge(const QString &name, const QString &help, const QStringList &labelNames = {});
    void registerHistogram(const QString &name, const QString &help, const QList<double> &buckets,
                           const QStringList &labelNames = {});
    /** Registers every metric of MetricNames with its help text. */
    void registerMadfMetrics();

    void increment(const QString &name, const Labels &labels = {}, double by = 1);
    void setGauge(const QString &name, double value, const Labels &labels = {});
    void addToGauge(const QString &name, double delta, const Labels &labels = {});
    void observe(const QString &name, double value, const Labels &labels = {});

    /** Current value of a counter or gauge series; 0 when absent. */
    double value(const QString &name, const Labels &labels = {}) const;
    /** Observations and their sum for one histogram series. */
    qint64 histogramCount(const QString &name, const Labels &labels = {}) const;
    double histogramSum(const QString &name, const Labels &labels = {}) const;

    /** Every metric in registration order, series sorted by labels. */
    QByteArray render() const;
    static QByteArray contentType() { return QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"); }

    /** Escapes a label value: backslash, double quote and newline. */
    static QByteArray escapeLabelValue(const QString &value);
    /** A sample value as Prometheus writes it: integers plainly, +Inf, NaN. */
    static QByteArray formatValue(double value);

private:
    struct Series
    {
        Labels labels;
        double value = 0;                 // counter/gauge
        QList<qint64> bucketCounts;       // histogram, per bound (not cumulative)
        qint64 count = 0;
        double sum = 0;
    };
    struct Family
    {
        QString name;
        QString help;
        Type type = Type::Counter;
        QStringList labelNames;
        QList<double> buckets;
        QMap<QByteArray, Series> series;  // by labelText(): sorted, canonical
        /** labelText() of each set of label values seen: an update looks its
         *  series up without escaping and joining its labels again. */
        QHash<QString, QByteArray> keyOfValues;
    };

    void registerFamily(Family family);
    Series *seriesFor(const QString &name, Type type, const Labels &labels);  // m_mutex held
    const Series *findSeries(const QString &name, const Labels &labels) const;
    static QByteArray labelText(const Labels &labels, const QByteArray &extra = {});

    mutable QMutex m_mutex;
    QList<Family> m_families;
    QHash<QString, qsizetype> m_index;
};

} // namespace Madf
