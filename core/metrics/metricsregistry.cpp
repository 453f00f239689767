#include "metricsregistry.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QSet>

#include <cmath>
#include <limits>

namespace Madf {

namespace {
Q_LOGGING_CATEGORY(lcMetrics, "madf.metrics")

QByteArray typeName(MetricsRegistry::Type type)
{
    switch (type) {
    case MetricsRegistry::Type::Counter: return QByteArrayLiteral("counter");
    case MetricsRegistry::Type::Gauge: return QByteArrayLiteral("gauge");
    case MetricsRegistry::Type::Histogram: return QByteArrayLiteral("histogram");
    }
    return QByteArrayLiteral("untyped");
}

// HELP text escapes only backslash and newline (the format's rule).
QByteArray escapeHelp(const QString &help)
{
    QByteArray out;
    for (const char c : help.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}
} // namespace

QList<double> MetricsRegistry::stageBuckets()
{
    return {0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};
}

QByteArray MetricsRegistry::escapeLabelValue(const QString &value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray MetricsRegistry::formatValue(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    // Whole numbers read better as 1234 than 1.234e+03; beyond 2^53 'g' is exact enough.
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

QByteArray MetricsRegistry::labelText(const Labels &labels, const QByteArray &extra)
{
    QByteArrayList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts << it.key().toUtf8() + "=\"" + escapeLabelValue(it.value()) + '"';
    if (!extra.isEmpty())
        parts << extra;
    return parts.isEmpty() ? QByteArray() : '{' + parts.join(',') + '}';
}

void MetricsRegistry::registerFamily(Family family)
{
    QMutexLocker lock(&m_mutex);
    if (m_index.contains(family.name))
        return;
    if (family.labelNames.isEmpty()) {
        Series zero;
        zero.bucketCounts.fill(0, family.buckets.size());
        family.series.insert(QByteArray(), zero);
    }
    m_index.insert(family.name, m_families.size());
    m_families.append(std::move(family));
}

void MetricsRegistry::registerCounter(const QString &name, const QString &help, const QStringList &labelNames)
{
    registerFamily(Family{name, help, Type::Counter, labelNames, {}, {}, {}});
}

void MetricsRegistry::registerGauge(const QString &name, const QString &help, const QStringList &labelNames)
{
    registerFamily(Family{name, help, Type::Gauge, labelNames, {}, {}, {}});
}

void MetricsRegistry::registerHistogram(const QString &name, const QString &help, const QList<double> &buckets,
                                        const QStringList &labelNames)
{
    QList<double> bounds;
    for (double b : buckets) {
        if (std::isfinite(b))
            bounds.append(b);
    }
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
    registerFamily(Family{name, help, Type::Histogram, labelNames, bounds, {}, {}});
}

void MetricsRegistry::registerMadfMetrics()
{
    using namespace MetricNames;
    const auto s = [](const char *name) { return QString::fromLatin1(name); };
    registerCounter(s(DocumentsTotal), QStringLiteral("Documents finished, by final status."),
                    {QStringLiteral("status")});
    registerHistogram(s(StageDurationSeconds), QStringLiteral("Time spent in each pipeline stage."),
                      stageBuckets(), {QStringLiteral("stage")});
    registerCounter(s(TokensTotal), QStringLiteral("Model tokens billed, by direction and model."),
                    {QStringLiteral("direction"), QStringLiteral("model")});
    registerCounter(s(CostUsdTotal), QStringLiteral("Known model cost in US dollars, by model."),
                    {QStringLiteral("model")});
    registerCounter(s(CacheHitsTotal), QStringLiteral("Agent calls answered from the response cache."));
    registerCounter(s(CacheMissesTotal), QStringLiteral("Agent calls that had to ask a model."));
    registerCounter(s(ErrorsTotal), QStringLiteral("Failed model calls, by error kind."), {QStringLiteral("kind")});
    registerGauge(s(AgentsInUse), QStringLiteral("Agents of the pool currently working."));
    registerGauge(s(CallsInFlight), QStringLiteral("Model calls currently in progress."));
}

MetricsRegistry::Series *MetricsRegistry::seriesFor(const QString &name, Type type, const Labels &labels)
{
    const auto idx = m_index.value(name, -1);
    if (idx < 0) {
        qCWarning(lcMetrics) << "metric not registered:" << name;
        return nullptr;
    }
    Family &family = m_families[idx];
    if (family.type != type) {
        qCWarning(lcMetrics) << "metric" << name << "is a" << typeName(family.type);
        return nullptr;
    }
    // Unexpected label names would silently split a metric into series no
    // dashboard query matches.
    // Compared name by name (a handful): building two sets for each update
    // was most of what counting a model call cost.
    bool sameNames = true;
    for (auto it = labels.keyBegin(); sameNames && it != labels.keyEnd(); ++it)
        sameNames = family.labelNames.contains(*it);
    for (const QString &labelName : std::as_const(family.labelNames))
        sameNames = sameNames && labels.contains(labelName);
    if (!sameNames) {
        qCWarning(lcMetrics) << "metric" << name << "takes labels" << family.labelNames << "not" << labels.keys();
        return nullptr;
    }
    QByteArray key;
    if (!labels.isEmpty()) {
        // The names are the family's (checked above): the values, in name
        // order and each after its length (so no two sets read the same),
        // identify the series.
        QString values;
        for (const QString &value : labels)
            values += QString::number(value.size()) + QLatin1Char(':') + value;
        auto known = family.keyOfValues.constFind(values);
        if (known == family.keyOfValues.cend())
            known = family.keyOfValues.insert(values, labelText(labels));
        key = *known;
    }
    auto it = family.series.find(key);
    if (it == family.series.end()) {
        Series fresh;
        fresh.labels = labels;
        fresh.bucketCounts.fill(0, family.buckets.size());
        it = family.series.insert(key, fresh);
    }
    return &it.value();
}

void MetricsRegistry::increment(const QString &name, const Labels &labels, double by)
{
    if (!(by >= 0)) {
        qCWarning(lcMetrics) << "counter" << name << "cannot decrease by" << by;
        return;
    }
    QMutexLocker lock(&m_mutex);
    if (Series *s = seriesFor(name, Type::Counter, labels))
        s->value += by;
}

void MetricsRegistry::setGauge(const QString &name, double value, const Labels &labels)
{
    QMutexLocker lock(&m_mutex);
    if (Series *s = seriesFor(name, Type::Gauge, labels))
        s->value = value;
}

void MetricsRegistry::addToGauge(const QString &name, double delta, const Labels &labels)
{
    QMutexLocker lock(&m_mutex);
    if (Series *s = seriesFor(name, Type::Gauge, labels))
        s->value += delta;
}

void MetricsRegistry::observe(const QString &name, double value, const Labels &labels)
{
    QMutexLocker lock(&m_mutex);
    Series *s = seriesFor(name, Type::Histogram, labels);
    if (!s)
        return;
    const QList<double> &bounds = m_families.at(m_index.value(name)).buckets;
    for (qsizetype i = 0; i < bounds.size(); ++i) {
        if (value <= bounds.at(i)) {
            ++s->bucketCounts[i];
            break;
        }
    }
    ++s->count;
    s->sum += value;
}

const MetricsRegistry::Series *MetricsRegistry::findSeries(const QString &name, const Labels &labels) const
{
    const auto idx = m_index.value(name, -1);
    if (idx < 0)
        return nullptr;
    const Family &family = m_families.at(idx);
    const auto it = family.series.constFind(labelText(labels));
    return it == family.series.cend() ? nullptr : &it.value();
}

double MetricsRegistry::value(const QString &name, const Labels &labels) const
{
    QMutexLocker lock(&m_mutex);
    const Series *s = findSeries(name, labels);
    return s ? s->value : 0.0;
}

qint64 MetricsRegistry::histogramCount(const QString &name, const Labels &labels) const
{
    QMutexLocker lock(&m_mutex);
    const Series *s = findSeries(name, labels);
    return s ? s->count : 0;
}

double MetricsRegistry::histogramSum(const QString &name, const Labels &labels) const
{
    QMutexLocker lock(&m_mutex);
    const Series *s = findSeries(name, labels);
    return s ? s->sum : 0.0;
}

QByteArray MetricsRegistry::render() const
{
    QMutexLocker lock(&m_mutex);
    QByteArray out;
    for (const Family &family : m_families) {
        const QByteArray name = family.name.toUtf8();
        out += "# HELP " + name + ' ' + escapeHelp(family.help) + '\n';
        out += "# TYPE " + name + ' ' + typeName(family.type) + '\n';
        for (auto it = family.series.cbegin(); it != family.series.cend(); ++it) {
            const Series &s = it.value();
            if (family.type != Type::Histogram) {
                out += name + it.key() + ' ' + formatValue(s.value) + '\n';
                continue;
            }
            qint64 cumulative = 0;
            for (qsizetype i = 0; i < family.buckets.size(); ++i) {
                cumulative += s.bucketCounts.at(i);
                out += name + "_bucket" + labelText(s.labels, "le=\"" + formatValue(family.buckets.at(i)) + '"')
                     + ' ' + QByteArray::number(cumulative) + '\n';
            }
            out += name + "_bucket" + labelText(s.labels, QByteArrayLiteral("le=\"+Inf\"")) + ' '
                 + QByteArray::number(s.count) + '\n';
            out += name + "_sum" + it.key() + ' ' + formatValue(s.sum) + '\n';
            out += name + "_count" + it.key() + ' ' + QByteArray::number(s.count) + '\n';
        }
    }
    return out;
}

} // namespace Madf
