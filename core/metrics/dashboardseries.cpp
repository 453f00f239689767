#include "dashboardseries.h"

#include "costtracker.h"

#include <QDateTime>
#include <QJsonArray>

namespace Madf {

QString toString(MetricsWindow window)
{
    switch (window) {
    case MetricsWindow::Last5Minutes: return QStringLiteral("last_5_minutes");
    case MetricsWindow::LastHour: return QStringLiteral("last_hour");
    case MetricsWindow::ThisRun: return QStringLiteral("this_run");
    case MetricsWindow::AllHistory: return QStringLiteral("all");
    }
    return {};
}

namespace {

QString isoTime(double ms)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonArray pointsJson(const QList<QPointF> &points)
{
    QJsonArray out;
    for (const QPointF &p : points)
        out.append(QJsonArray{qint64(p.x()), p.y()});
    return out;
}

QJsonObject stackedJson(const StackedSeries &s)
{
    QJsonObject out;
    for (int k = 0; k < s.keys.size(); ++k) {
        QJsonArray points;
        for (int i = 0; i < s.timesMs.size(); ++i)
            points.append(QJsonArray{qint64(s.timesMs[i]), s.cumulative[k][i]});
        out.insert(s.keys[k], points);
    }
    return out;
}

QByteArray csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text.toUtf8();
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return '"' + quoted.toUtf8() + '"';
}

class CsvWriter
{
public:
    void row(const QString &series, const QString &key, std::optional<double> timeMs, double value)
    {
        m_out += csvField(series) + ',' + csvField(key) + ',';
        if (timeMs)
            m_out += QByteArray::number(qint64(*timeMs)) + ',' + isoTime(*timeMs).toUtf8();
        else
            m_out += ',';
        m_out += ',' + QByteArray::number(value, 'g', 12) + "\r\n";
    }
    void points(const QString &series, const QString &key, const QList<QPointF> &points)
    {
        for (const QPointF &p : points)
            row(series, key, p.x(), p.y());
    }
    void stacked(const QString &series, const StackedSeries &s)
    {
        for (int k = 0; k < s.keys.size(); ++k)
            for (int i = 0; i < s.timesMs.size(); ++i)
                row(series, s.keys[k], s.timesMs[i], s.cumulative[k][i]);
    }
    QByteArray m_out = "series,key,time_ms,time,value\r\n";
};

QString binKey(const HistogramBin &b)
{
    return QStringLiteral("%1-%2").arg(b.from).arg(b.to);
}

} // namespace

QString DashboardSeries::costLabel(double usd) const
{
    QString text = CostTracker::formatUsd(usd);
    if (unknownCostCalls > 0)
        text = tr("at least %1").arg(text);
    if (isSimulated())
        text = tr("%1 (simulated)").arg(text);
    return text;
}

QJsonObject DashboardSeries::toJson() const
{
    QJsonObject summary{
        {QStringLiteral("documents"), documents},
        {QStringLiteral("completed_documents"), completedDocuments},
        {QStringLiteral("p50_latency_s"), p50Seconds},
        {QStringLiteral("p95_latency_s"), p95Seconds},
        {QStringLiteral("quality_threshold"), qualityThreshold},
        {QStringLiteral("below_threshold"), belowThreshold},
        {QStringLiteral("agent_peak"), agentPeak},
        {QStringLiteral("max_agents"), maxAgents},
        {QStringLiteral("calls_in_flight_peak"), callsInFlightPeak},
        {QStringLiteral("max_concurrent_tasks"), maxConcurrentTasks},
        {QStringLiteral("cost_usd"), costUsd},
        {QStringLiteral("simulated_usd"), simulatedUsd},
        {QStringLiteral("simulated"), isSimulated()},
        {QStringLiteral("unknown_cost_calls"), unknownCostCalls},
        {QStringLiteral("calls"), calls},
        {QStringLiteral("cache_hits"), cacheHits},
        {QStringLiteral("cache_hit_rate"), cacheHitRate()},
        {QStringLiteral("saved_usd"), savedUsd},
        {QStringLiteral("docs_per_hour"), docsPerHour},
        {QStringLiteral("tokens_per_second"), tokensPerSecond},
        {QStringLiteral("output_tokens"), outputTokens},
        {QStringLiteral("failed_calls"), failedCalls},
        {QStringLiteral("total_queued_s"), totalQueuedSeconds},
        {QStringLiteral("p95_queued_s"), queuedP95Seconds},
    };
    QJsonObject errors;
    for (auto it = errorsByKind.cbegin(); it != errorsByKind.cend(); ++it)
        errors.insert(it.key(), it.value());
    summary.insert(QStringLiteral("errors_by_kind"), errors);
    QJsonObject ttftP50;
    for (auto it = ttftP50MsByModel.cbegin(); it != ttftP50MsByModel.cend(); ++it)
        ttftP50.insert(it.key(), it.value());
    summary.insert(QStringLiteral("ttft_p50_ms_by_model"), ttftP50);

    QJsonArray histogram;
    for (const HistogramBin &b : latencyHistogram)
        histogram.append(QJsonObject{{QStringLiteral("from_s"), b.from}, {QStringLiteral("to_s"), b.to},
                                     {QStringLiteral("count"), b.count}});
    QJsonObject ttft;
    for (auto it = ttftMsByModel.cbegin(); it != ttftMsByModel.cend(); ++it)
        ttft.insert(it.key(), pointsJson(it.value()));

    QJsonObject series{
        {QStringLiteral("latency_s"), pointsJson(latencySeconds)},
        {QStringLiteral("latency_p50_s"), pointsJson(latencyP50Seconds)},
        {QStringLiteral("latency_p95_s"), pointsJson(latencyP95Seconds)},
        {QStringLiteral("latency_histogram"), histogram},
        {QStringLiteral("ttft_ms"), ttft},
        {QStringLiteral("quality"), pointsJson(quality)},
        {QStringLiteral("agent_utilization_percent"), pointsJson(agentUtilizationPercent)},
        {QStringLiteral("calls_in_flight"), pointsJson(callsInFlight)},
        {QStringLiteral("cumulative_cost_usd_by_model"), stackedJson(costByModel)},
        {QStringLiteral("cumulative_cost_usd_by_agent"), stackedJson(costByAgent)},
        {QStringLiteral("cache_hit_rate_percent"), pointsJson(cacheHitRatePercent)},
        {QStringLiteral("docs_per_hour"), pointsJson(docsPerHourSeries)},
        {QStringLiteral("tokens_per_second"), pointsJson(tokensPerSecondSeries)},
        {QStringLiteral("queued_s"), pointsJson(queuedSeconds)},
    };
    return QJsonObject{
        {QStringLiteral("window"), toString(window)},
        {QStringLiteral("from_ms"), fromMs},
        {QStringLiteral("to_ms"), toMs},
        {QStringLiteral("from"), isoTime(double(fromMs))},
        {QStringLiteral("to"), isoTime(double(toMs))},
        {QStringLiteral("rolling_count"), rollingCount},
        {QStringLiteral("bucket_s"), bucketSeconds},
        {QStringLiteral("summary"), summary},
        {QStringLiteral("series"), series},
    };
}

QByteArray DashboardSeries::toCsv() const
{
    CsvWriter w;
    const QJsonObject summary = toJson().value(QStringLiteral("summary")).toObject();
    for (auto it = summary.constBegin(); it != summary.constEnd(); ++it)
        if (it.value().isBool())
            w.row(QStringLiteral("summary"), it.key(), std::nullopt, it.value().toBool() ? 1 : 0);
        else if (it.value().isDouble())
            w.row(QStringLiteral("summary"), it.key(), std::nullopt, it.value().toDouble());
    for (auto it = errorsByKind.cbegin(); it != errorsByKind.cend(); ++it)
        w.row(QStringLiteral("errors_by_kind"), it.key(), std::nullopt, it.value());
    w.points(QStringLiteral("latency_s"), {}, latencySeconds);
    w.points(QStringLiteral("latency_p50_s"), {}, latencyP50Seconds);
    w.points(QStringLiteral("latency_p95_s"), {}, latencyP95Seconds);
    for (const HistogramBin &b : latencyHistogram)
        w.row(QStringLiteral("latency_histogram"), binKey(b), std::nullopt, b.count);
    for (auto it = ttftMsByModel.cbegin(); it != ttftMsByModel.cend(); ++it)
        w.points(QStringLiteral("ttft_ms"), it.key(), it.value());
    w.points(QStringLiteral("quality"), {}, quality);
    w.points(QStringLiteral("agent_utilization_percent"), {}, agentUtilizationPercent);
    w.points(QStringLiteral("calls_in_flight"), {}, callsInFlight);
    w.stacked(QStringLiteral("cumulative_cost_usd_by_model"), costByModel);
    w.stacked(QStringLiteral("cumulative_cost_usd_by_agent"), costByAgent);
    w.points(QStringLiteral("cache_hit_rate_percent"), {}, cacheHitRatePercent);
    w.points(QStringLiteral("docs_per_hour"), {}, docsPerHourSeries);
    w.points(QStringLiteral("tokens_per_second"), {}, tokensPerSecondSeries);
    w.points(QStringLiteral("queued_s"), {}, queuedSeconds);
    return w.m_out;
}

} // namespace Madf
