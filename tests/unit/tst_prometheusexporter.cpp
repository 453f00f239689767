#include "core/config/settingsections.h"
#include "core/metrics/metricsregistry.h"
#include "core/metrics/prometheusexporter.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Madf;
namespace M = Madf::MetricNames;

namespace {

struct Response
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

struct Sample
{
    QString name;
    QMap<QString, QString> labels;
    double value = 0;
};

/** Parses the sample lines of a text exposition, undoing label escapes. */
QList<Sample> parseSamples(const QByteArray &body, QStringList *errors)
{
    static const QRegularExpression line(QStringLiteral(R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$)"));
    static const QRegularExpression label(QStringLiteral(R"re(([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?)re"));
    QList<Sample> samples;
    for (const QString &text : QString::fromUtf8(body).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (text.startsWith(QLatin1Char('#')))
            continue;
        const auto m = line.match(text);
        if (!m.hasMatch()) {
            errors->append(text);
            continue;
        }
        Sample s;
        s.name = m.captured(1);
        const QString v = m.captured(4);
        s.value = v == QLatin1String("+Inf") ? qInf() : v.toDouble();
        const QString labels = m.captured(3);
        qsizetype consumed = 0;
        auto it = label.globalMatch(labels);
        while (it.hasNext()) {
            const auto lm = it.next();
            QString value = lm.captured(2);
            value.replace(QLatin1String("\\n"), QLatin1String("\n"))
                .replace(QLatin1String("\\\""), QLatin1String("\""))
                .replace(QLatin1String("\\\\"), QLatin1String("\\"));
            s.labels.insert(lm.captured(1), value);
            consumed += lm.capturedLength();
        }
        if (consumed != labels.size())
            errors->append(text);
        samples << s;
    }
    return samples;
}

} // namespace

class TestPrometheusExporter : public QObject
{
    Q_OBJECT

private:
    Response get(const QString &path, const QByteArray &verb = "GET");

    MetricsRegistry m_registry;
    std::unique_ptr<PrometheusExporter> m_exporter;
    QNetworkAccessManager m_nam;

private Q_SLOTS:
    void initTestCase();
    void servesMetricsWithContentType();
    void everyMetricHasHelpAndType();
    void countersAndGauges();
    void histogramBucketsAreCumulative();
    void labelValuesAreEscaped();
    void otherPathsAre404_data();
    void otherPathsAre404();
    void postIs405();
    void listensFromConfigAndAnswersHttp10();
    void busyPortIsReported();
};

void TestPrometheusExporter::initTestCase()
{
    m_registry.registerMadfMetrics();
    m_exporter = std::make_unique<PrometheusExporter>(&m_registry);
    QVERIFY2(m_exporter->listen(0), qPrintable(m_exporter->errorString()));
    QVERIFY(m_exporter->port() > 0);
}

Response TestPrometheusExporter::get(const QString &path, const QByteArray &verb)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_exporter->port()).arg(path)));
    QNetworkReply *reply = m_nam.sendCustomRequest(request, verb);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    Response r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.contentType = reply->rawHeader("Content-Type");
    r.body = reply->readAll();
    reply->deleteLater();
    return r;
}

void TestPrometheusExporter::servesMetricsWithContentType()
{
    const Response r = get(QStringLiteral("/metrics"));
    QCOMPARE(r.status, 200);
    QVERIFY2(r.contentType.startsWith("text/plain; version=0.0.4"), r.contentType.constData());
    QVERIFY(r.body.endsWith('\n'));
    // A query string does not change the answer.
    QCOMPARE(get(QStringLiteral("/metrics?x=1")).status, 200);
}

void TestPrometheusExporter::everyMetricHasHelpAndType()
{
    const QByteArray body = get(QStringLiteral("/metrics")).body;
    const QList<QPair<const char *, const char *>> expected{
        {M::DocumentsTotal, "counter"},   {M::StageDurationSeconds, "histogram"},
        {M::TokensTotal, "counter"},      {M::CostUsdTotal, "counter"},
        {M::CacheHitsTotal, "counter"},   {M::CacheMissesTotal, "counter"},
        {M::ErrorsTotal, "counter"},      {M::AgentsInUse, "gauge"},
        {M::CallsInFlight, "gauge"}};
    const QList<QByteArray> lines = body.split('\n');
    for (const auto &[name, type] : expected) {
        const QByteArray n(name);
        QVERIFY2(n.startsWith("madf_"), name);
        const QByteArray helpPrefix = "# HELP " + n + ' ';
        const auto helpLine = std::find_if(lines.cbegin(), lines.cend(),
                                           [&](const QByteArray &l) { return l.startsWith(helpPrefix); });
        QVERIFY2(helpLine != lines.cend(), name);
        const qsizetype help = helpLine - lines.cbegin();
        QVERIFY2(lines.at(help).size() > helpPrefix.size() + 5, name);  // a real sentence
        QCOMPARE(lines.value(help + 1), QByteArray("# TYPE " + n + ' ' + type));
    }
    // Unlabelled metrics are there from the start, at 0.
    QVERIFY(lines.contains("madf_cache_hits_total 0"));
    QVERIFY(lines.contains("madf_agents_in_use 0"));
    QStringList errors;
    parseSamples(body, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
}

void TestPrometheusExporter::countersAndGauges()
{
    m_registry.increment(QString::fromLatin1(M::DocumentsTotal), {{QStringLiteral("status"), QStringLiteral("complete")}});
    m_registry.increment(QString::fromLatin1(M::DocumentsTotal), {{QStringLiteral("status"), QStringLiteral("complete")}});
    m_registry.increment(QString::fromLatin1(M::DocumentsTotal), {{QStringLiteral("status"), QStringLiteral("failed")}});
    m_registry.increment(QString::fromLatin1(M::TokensTotal),
                         {{QStringLiteral("direction"), QStringLiteral("input")}, {QStringLiteral("model"), QStringLiteral("gpt-4o")}},
                         1200);
    m_registry.increment(QString::fromLatin1(M::CostUsdTotal), {{QStringLiteral("model"), QStringLiteral("gpt-4o")}}, 0.0125);
    m_registry.increment(QString::fromLatin1(M::CacheHitsTotal));
    m_registry.setGauge(QString::fromLatin1(M::AgentsInUse), 3);
    m_registry.addToGauge(QString::fromLatin1(M::CallsInFlight), 2);
    m_registry.addToGauge(QString::fromLatin1(M::CallsInFlight), -1);
    // Wrong labels are refused rather than creating a stray series.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("takes labels")));
    m_registry.increment(QString::fromLatin1(M::ErrorsTotal), {{QStringLiteral("typo"), QStringLiteral("x")}});

    QStringList errors;
    const QList<Sample> samples = parseSamples(get(QStringLiteral("/metrics")).body, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
    auto find = [&](const QString &name, const QMap<QString, QString> &labels) -> std::optional<double> {
        for (const Sample &s : samples) {
            if (s.name == name && s.labels == labels)
                return s.value;
        }
        return std::nullopt;
    };
    QCOMPARE(find(QStringLiteral("madf_documents_total"), {{QStringLiteral("status"), QStringLiteral("complete")}}), 2.0);
    QCOMPARE(find(QStringLiteral("madf_documents_total"), {{QStringLiteral("status"), QStringLiteral("failed")}}), 1.0);
    QCOMPARE(find(QStringLiteral("madf_tokens_total"),
                  {{QStringLiteral("direction"), QStringLiteral("input")}, {QStringLiteral("model"), QStringLiteral("gpt-4o")}}),
             1200.0);
    QCOMPARE(find(QStringLiteral("madf_cost_usd_total"), {{QStringLiteral("model"), QStringLiteral("gpt-4o")}}), 0.0125);
    QCOMPARE(find(QStringLiteral("madf_cache_hits_total"), {}), 1.0);
    QCOMPARE(find(QStringLiteral("madf_agents_in_use"), {}), 3.0);
    QCOMPARE(find(QStringLiteral("madf_calls_in_flight"), {}), 1.0);
    for (const Sample &s : samples)
        QVERIFY(s.name != QLatin1String("madf_errors_total"));
}

void TestPrometheusExporter::histogramBucketsAreCumulative()
{
    const QString name = QString::fromLatin1(M::StageDurationSeconds);
    const MetricsRegistry::Labels research{{QStringLiteral("stage"), QStringLiteral("research")}};
    for (double s : {0.05, 0.3, 0.3, 4.0, 45.0, 1000.0})
        m_registry.observe(name, s, research);
    QCOMPARE(m_registry.histogramCount(name, research), 6);

    QStringList errors;
    const QList<Sample> samples = parseSamples(get(QStringLiteral("/metrics")).body, &errors);
    QVERIFY(errors.isEmpty());
    QList<QPair<QString, double>> buckets;
    double sum = -1;
    double count = -1;
    for (const Sample &s : samples) {
        if (s.labels.value(QStringLiteral("stage")) != QLatin1String("research"))
            continue;
        if (s.name == name + QLatin1String("_bucket"))
            buckets.append({s.labels.value(QStringLiteral("le")), s.value});
        else if (s.name == name + QLatin1String("_sum"))
            sum = s.value;
        else if (s.name == name + QLatin1String("_count"))
            count = s.value;
    }
    const QStringList bounds{QStringLiteral("0.1"), QStringLiteral("0.25"), QStringLiteral("0.5"), QStringLiteral("1"),
                             QStringLiteral("2.5"), QStringLiteral("5"), QStringLiteral("10"), QStringLiteral("30"),
                             QStringLiteral("60"), QStringLiteral("120"), QStringLiteral("300"), QStringLiteral("+Inf")};
    QCOMPARE(buckets.size(), bounds.size());
    const QList<double> cumulative{1, 1, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6};
    for (int i = 0; i < bounds.size(); ++i) {
        QCOMPARE(buckets.at(i).first, bounds.at(i));
        QCOMPARE(buckets.at(i).second, cumulative.at(i));
        if (i > 0)
            QVERIFY(buckets.at(i).second >= buckets.at(i - 1).second);
    }
    QCOMPARE(count, 6.0);                   // = the +Inf bucket
    QVERIFY(qAbs(sum - 1049.65) < 1e-9);
}

void TestPrometheusExporter::labelValuesAreEscaped()
{
    const QString nasty = QStringLiteral("a\\b \"quoted\"\nnext line é");
    m_registry.increment(QString::fromLatin1(M::ErrorsTotal), {{QStringLiteral("kind"), nasty}});
    const QByteArray body = get(QStringLiteral("/metrics")).body;
    QVERIFY2(body.contains(R"(madf_errors_total{kind="a\\b \"quoted\"\nnext line )"), body.constData());
    QStringList errors;
    const QList<Sample> samples = parseSamples(body, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
    bool found = false;
    for (const Sample &s : samples)
        found = found || (s.name == QLatin1String("madf_errors_total") && s.labels.value(QStringLiteral("kind")) == nasty);
    QVERIFY(found);
    QCOMPARE(MetricsRegistry::escapeLabelValue(QStringLiteral("x\\\"\n")), QByteArray(R"(x\\\"\n)"));
}

void TestPrometheusExporter::otherPathsAre404_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("root") << QStringLiteral("/");
    QTest::newRow("typo") << QStringLiteral("/metric");
    QTest::newRow("deeper") << QStringLiteral("/metrics/extra");
    QTest::newRow("other") << QStringLiteral("/favicon.ico");
}

void TestPrometheusExporter::otherPathsAre404()
{
    QFETCH(QString, path);
    const Response r = get(path);
    QCOMPARE(r.status, 404);
    QVERIFY(!r.body.contains("madf_"));
}

void TestPrometheusExporter::postIs405()
{
    QCOMPARE(get(QStringLiteral("/metrics"), "DELETE").status, 405);
}

void TestPrometheusExporter::listensFromConfigAndAnswersHttp10()
{
    MetricsRegistry registry;
    PrometheusExporter exporter(&registry);
    MetricsConfig config;
    config.port = 0;  // the config itself forbids 0; the exporter takes it for tests
    QVERIFY(exporter.listen(config));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, exporter.port());
    QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
    socket.write("GET /metrics HTTP/1.0\r\n\r\n");
    QTRY_VERIFY(socket.state() == QAbstractSocket::UnconnectedState);
    QVERIFY(socket.readAll().startsWith("HTTP/1.1 200 OK\r\n"));
}

void TestPrometheusExporter::busyPortIsReported()
{
    MetricsRegistry registry;
    PrometheusExporter second(&registry);
    QVERIFY(!second.listen(m_exporter->port()));
    QVERIFY(second.errorString().contains(QString::number(m_exporter->port())));
    QVERIFY(!second.isListening());
}

QTEST_GUILESS_MAIN(TestPrometheusExporter)
#include "tst_prometheusexporter.moc"
