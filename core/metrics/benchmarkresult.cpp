#include "core/metrics/benchmarkresult.h"

#include "core/metrics/statistics.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace Madf {

namespace {
QList<double> latencies(const QList<BenchmarkSample> &samples)
{
    QList<double> out;
    for (const BenchmarkSample &s : samples)
        out << s.latencySeconds;
    return out;
}

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')))
        return value;
    return QLatin1Char('"') + QString(value).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

QString number(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}
} // namespace

int BenchmarkResult::successes() const
{
    return int(std::count_if(samples.begin(), samples.end(), [](const BenchmarkSample &s) { return s.complete; }));
}

double BenchmarkResult::avgLatency() const
{
    return Statistics::mean(latencies(samples));
}

double BenchmarkResult::stdLatency() const
{
    return Statistics::stdev(latencies(samples));
}

double BenchmarkResult::avgQuality() const
{
    QList<double> values;
    for (const BenchmarkSample &s : samples)
        values << s.quality.value_or(0);
    return Statistics::mean(values);
}

double BenchmarkResult::avgTimePerDocument() const
{
    if (kind == Kind::LoadTest)
        return count > 0 ? totalSeconds / count : 0;
    return avgLatency();
}

double BenchmarkResult::docsPerHour() const
{
    const double perDocument = avgTimePerDocument();
    return perDocument > 0 ? 3600 / perDocument : 0;
}

double BenchmarkResult::costPerDocument() const
{
    QList<double> values;
    for (const BenchmarkSample &s : samples)
        values << s.costUsd;
    return Statistics::mean(values);
}

bool BenchmarkResult::costIsLowerBound() const
{
    return std::any_of(samples.begin(), samples.end(), [](const BenchmarkSample &s) { return s.costIsLowerBound; });
}

QString BenchmarkResult::kindName(Kind kind)
{
    return kind == Kind::LoadTest ? QStringLiteral("load-test") : QStringLiteral("benchmark");
}

std::optional<BenchmarkResult::Kind> BenchmarkResult::kindFromName(const QString &name)
{
    if (name == QLatin1String("benchmark"))
        return Kind::Benchmark;
    if (name == QLatin1String("load-test"))
        return Kind::LoadTest;
    return std::nullopt;
}

QString BenchmarkResult::kindLabel(Kind kind)
{
    return kind == Kind::LoadTest ? tr("Load test") : tr("Benchmark");
}

QJsonObject BenchmarkResult::parametersJson() const
{
    return {{QStringLiteral("kind"), kindName(kind)},
            {kind == Kind::LoadTest ? QStringLiteral("concurrent") : QStringLiteral("iterations"), count},
            {QStringLiteral("topic"), topic}};
}

QJsonObject BenchmarkResult::resultsJson() const
{
    QJsonArray docs;
    for (const BenchmarkSample &s : samples)
        docs.append(QJsonObject{{QStringLiteral("id"), s.documentId},
                                {QStringLiteral("latency"), s.latencySeconds},
                                {QStringLiteral("quality"), s.quality ? QJsonValue(*s.quality) : QJsonValue()},
                                {QStringLiteral("cost"), s.costUsd},
                                {QStringLiteral("cost_is_lower_bound"), s.costIsLowerBound},
                                {QStringLiteral("complete"), s.complete}});
    // The seed's key names where it has them.
    return {{QStringLiteral("avg_latency"), avgLatency()},
            {QStringLiteral("std_latency"), stdLatency()},
            {QStringLiteral("avg_quality"), avgQuality()},
            {QStringLiteral("throughput"), docsPerHour()},
            {QStringLiteral("successful"), successes()},
            {QStringLiteral("avg_cost"), costPerDocument()},
            {QStringLiteral("cost_is_lower_bound"), costIsLowerBound()},
            {QStringLiteral("total_time"), totalSeconds},
            {QStringLiteral("avg_time_per_doc"), avgTimePerDocument()},
            {QStringLiteral("cancelled"), cancelled},
            {QStringLiteral("documents"), docs}};
}

QJsonObject BenchmarkResult::toJson() const
{
    QJsonObject o = resultsJson();
    const QJsonObject parameters = parametersJson();
    for (auto it = parameters.constBegin(); it != parameters.constEnd(); ++it)
        o.insert(it.key(), it.value());
    o.insert(QStringLiteral("config"), configName);
    o.insert(QStringLiteral("config_summary"), configSummary);
    o.insert(QStringLiteral("started_at"), startedAt.toUTC().toString(Qt::ISODateWithMs));
    if (id >= 0)
        o.insert(QStringLiteral("id"), id);
    return o;
}

BenchmarkResult BenchmarkResult::fromJson(const QJsonObject &o)
{
    BenchmarkResult r;
    r.id = o.value(QStringLiteral("id")).toInteger(-1);
    r.kind = kindFromName(o.value(QStringLiteral("kind")).toString()).value_or(Kind::Benchmark);
    r.count = o.value(r.kind == Kind::LoadTest ? QStringLiteral("concurrent") : QStringLiteral("iterations")).toInt();
    r.topic = o.value(QStringLiteral("topic")).toString();
    r.configName = o.value(QStringLiteral("config")).toString();
    r.configSummary = o.value(QStringLiteral("config_summary")).toString();
    r.startedAt = QDateTime::fromString(o.value(QStringLiteral("started_at")).toString(), Qt::ISODateWithMs);
    r.totalSeconds = o.value(QStringLiteral("total_time")).toDouble();
    r.cancelled = o.value(QStringLiteral("cancelled")).toBool();
    for (const QJsonValue &v : o.value(QStringLiteral("documents")).toArray()) {
        const QJsonObject d = v.toObject();
        BenchmarkSample s;
        s.documentId = d.value(QStringLiteral("id")).toString();
        s.latencySeconds = d.value(QStringLiteral("latency")).toDouble();
        if (d.value(QStringLiteral("quality")).isDouble())
            s.quality = d.value(QStringLiteral("quality")).toDouble();
        s.costUsd = d.value(QStringLiteral("cost")).toDouble();
        s.costIsLowerBound = d.value(QStringLiteral("cost_is_lower_bound")).toBool();
        s.complete = d.value(QStringLiteral("complete")).toBool();
        r.samples << s;
    }
    return r;
}

QStringList BenchmarkResult::csvHeader()
{
    // Column names stay English: a CSV is read by scripts.
    return {QStringLiteral("started_at"),   QStringLiteral("kind"),         QStringLiteral("config"),
            QStringLiteral("config_summary"), QStringLiteral("n"),          QStringLiteral("avg_latency_s"),
            QStringLiteral("std_latency_s"), QStringLiteral("avg_quality"), QStringLiteral("docs_per_hour"),
            QStringLiteral("successful"),   QStringLiteral("cost_per_document_usd"), QStringLiteral("total_time_s"),
            QStringLiteral("avg_time_per_doc_s"), QStringLiteral("cancelled")};
}

QStringList BenchmarkResult::csvRow() const
{
    return {startedAt.toUTC().toString(Qt::ISODate),
            kindName(kind),
            configName,
            configSummary,
            QString::number(count),
            number(avgLatency(), 3),
            number(stdLatency(), 3),
            number(avgQuality(), 4),
            number(docsPerHour(), 2),
            QString::number(successes()),
            number(costPerDocument(), 6),
            number(totalSeconds, 3),
            number(avgTimePerDocument(), 3),
            cancelled ? QStringLiteral("true") : QStringLiteral("false")};
}

QString BenchmarkResult::toCsv(const QList<BenchmarkResult> &results)
{
    QString out = csvHeader().join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const BenchmarkResult &r : results) {
        QStringList fields;
        for (const QString &f : r.csvRow())
            fields << csvField(f);
        out += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

QByteArray BenchmarkResult::toJsonDocument(const QList<BenchmarkResult> &results)
{
    QJsonArray array;
    for (const BenchmarkResult &r : results)
        array.append(r.toJson());
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace Madf
