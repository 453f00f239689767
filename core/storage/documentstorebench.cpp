// DocumentStore: saved benchmark and load-test runs (table benchmark_runs).
// The figures are recomputed from the samples kept in results_json, so a
// run reads back exactly as it was shown.

#include "core/storage/documentstore.h"

#include "core/storage/storevalues.h"

#include <QSqlQuery>

namespace Madf {

using namespace StoreValues;

qint64 DocumentStore::saveBenchmarkRun(const BenchmarkResult &result, QString *error)
{
    static const QString sql = QStringLiteral(
        "INSERT INTO benchmark_runs (created_at, kind, config_name, config_summary, parameters_json, results_json)"
        " VALUES (?, ?, ?, ?, ?, ?)");
    QVariant id;
    const bool written = run(sql,
                             {toMs(result.startedAt), BenchmarkResult::kindName(result.kind), text(result.configName),
                              text(result.configSummary), jsonText(result.parametersJson()),
                              jsonText(result.resultsJson())},
                             tr("save a %1 run").arg(BenchmarkResult::kindName(result.kind)), error, &id);
    return written ? id.toLongLong() : -1;
}

QList<BenchmarkResult> DocumentStore::benchmarkRuns(int limit, QString *error)
{
    QList<BenchmarkResult> runs;
    QString sql = QStringLiteral("SELECT id, created_at, config_name, config_summary, parameters_json, results_json"
                                 " FROM benchmark_runs ORDER BY created_at DESC, id DESC");
    QVariantList values;
    if (limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        values << limit;
    }
    auto query = exec(sql, values, tr("read the benchmark runs"), error);
    while (query && query->next()) {
        QJsonObject o = jsonObject(query->value(5));
        const QJsonObject parameters = jsonObject(query->value(4));
        for (auto it = parameters.constBegin(); it != parameters.constEnd(); ++it)
            o.insert(it.key(), it.value());
        BenchmarkResult r = BenchmarkResult::fromJson(o);
        r.id = query->value(0).toLongLong();
        r.startedAt = fromMs(query->value(1));
        r.configName = query->value(2).toString();
        r.configSummary = query->value(3).toString();
        runs.append(r);
    }
    return runs;
}

bool DocumentStore::removeBenchmarkRun(qint64 id, QString *error)
{
    auto query = exec(QStringLiteral("DELETE FROM benchmark_runs WHERE id = ?"), {id},
                      tr("delete benchmark run %1").arg(id), error);
    return query && query->numRowsAffected() > 0;
}

} // namespace Madf
