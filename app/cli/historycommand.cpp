#include "cli.h"
#include "clisupport.h"
#include "commands.h"
#include "documentrunner.h"

#include "core/storage/documentstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace Madf::Cli {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("Madf::Cli", text); }

QString usageText()
{
    return tr("Usage:\n"
              "  madf history [--search TEXT] [--sort date|quality|cost|latency] [--limit N] [--json]\n"
              "  madf show ID [--json]\n"
              "  madf export ID --format md|html [--out FILE]\n"
              "  madf resume [--json]   (writes each resumed document to the output folder)\n"
              "  (each takes --config FILE)\n");
}

// The engine's database (DocumentOrchestrator uses the same name).
QString databasePath(const Config &config)
{
    return QDir(config.resolvedStatePath()).filePath(QStringLiteral("documents.sqlite"));
}

bool openStore(DocumentStore &store, const Config &config)
{
    QString error;
    if (!store.open(databasePath(config), &error)) {
        err() << error << '\n';
        return false;
    }
    return true;
}

QString quality(std::optional<double> q)
{
    return q ? QStringLiteral("%1%").arg(*q * 100, 0, 'f', 1) : QStringLiteral("-");
}

/** The document whose id is, or starts with, @p id (the tables print 8 characters). */
std::optional<Document> findDocument(DocumentStore &store, const QString &id, QString *fullId)
{
    if (std::optional<Document> d = store.document(id)) {
        *fullId = id;
        return d;
    }
    QStringList matches;
    for (const DocumentSummary &s : store.list())
        if (s.id.startsWith(id))
            matches << s.id;
    if (matches.size() != 1 || id.size() < 4) {
        err() << (matches.size() > 1 ? tr("madf: \"%1\" matches %2 documents; give more of the id\n").arg(id).arg(matches.size())
                                     : tr("madf: no document \"%1\" (see `madf history`)\n").arg(id));
        return std::nullopt;
    }
    *fullId = matches.first();
    return store.document(*fullId);
}

int history(const QCommandLineParser &p, const Config &config)
{
    HistoryQuery q;
    q.text = p.value(QStringLiteral("search"));
    const QString sort = p.value(QStringLiteral("sort"));
    if (sort == QLatin1String("quality"))
        q.sortBy = HistoryQuery::SortKey::Quality;
    else if (sort == QLatin1String("cost"))
        q.sortBy = HistoryQuery::SortKey::Cost;
    else if (sort == QLatin1String("latency"))
        q.sortBy = HistoryQuery::SortKey::Latency;
    else if (!sort.isEmpty() && sort != QLatin1String("date")) {
        err() << tr("--sort: \"%1\" is not one of date, quality, cost, latency\n").arg(sort);
        return ExitUsage;
    }
    if (p.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        q.limit = p.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || q.limit < 0) {
            err() << tr("--limit: \"%1\" is not a whole number\n").arg(p.value(QStringLiteral("limit")));
            return ExitUsage;
        }
    }
    DocumentStore store;
    if (!openStore(store, config))
        return ExitFailure;
    QString error;
    const QList<DocumentSummary> rows = store.list(q, &error);
    if (!error.isEmpty()) {
        err() << error << '\n';
        return ExitFailure;
    }
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const DocumentSummary &s : rows)
            array.append(QJsonObject{
                {QStringLiteral("id"), s.id},
                {QStringLiteral("title"), s.title},
                {QStringLiteral("topic"), s.topic},
                {QStringLiteral("status"), toString(s.status)},
                {QStringLiteral("quality"), s.qualityScore ? QJsonValue(*s.qualityScore) : QJsonValue()},
                {QStringLiteral("cost"), s.costUsd},
                {QStringLiteral("latency"), s.latencyMs / 1000.0},
                {QStringLiteral("word_count"), s.wordCount},
                {QStringLiteral("created_at"), s.createdAt.toString(Qt::ISODate)},
            });
        printJson({{QStringLiteral("documents"), array}});
        return ExitOk;
    }
    for (const DocumentSummary &s : rows)
        out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                     .arg(s.id.left(8), s.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm")))
                     .arg(toString(s.status), -9)
                     .arg(quality(s.qualityScore), 6)
                     .arg(formatCost(s.costUsd), 10)
                     .arg(QStringLiteral("%1s").arg(s.latencyMs / 1000.0, 0, 'f', 1), 7)
                     .arg(s.title);
    if (rows.isEmpty())
        err() << tr("no documents\n");
    return ExitOk;
}

int show(const QString &id, bool json, const Config &config)
{
    DocumentStore store;
    if (!openStore(store, config))
        return ExitFailure;
    QString fullId;
    const std::optional<Document> d = findDocument(store, id, &fullId);
    if (!d)
        return ExitFailure;
    const DocumentRow row = store.documentRow(fullId).value_or(DocumentRow{});
    const QList<CallRecord> calls = store.calls(fullId);
    if (json) {
        QJsonObject o = d->toJson();
        o.insert(QStringLiteral("cost"), row.costUsd);
        o.insert(QStringLiteral("latency"), row.latencyMs / 1000.0);
        o.insert(QStringLiteral("calls"), int(calls.size()));
        o.insert(QStringLiteral("batch_id"), row.batchId);
        printJson(o);
        return ExitOk;
    }
    out() << tr("id:       %1\n").arg(d->id) << tr("title:    %1\n").arg(d->title)
          << tr("topic:    %1\n").arg(d->request.topic)
          << tr("type:     %1, %2 words asked, %3 written\n")
                 .arg(d->request.effectiveType())
                 .arg(d->request.targetLength)
                 .arg(d->wordCount)
          << tr("status:   %1\n").arg(toString(d->status)) << tr("quality:  %1\n").arg(quality(d->qualityScore));
    if (d->metadata.contains(QStringLiteral("threshold_met")))
        out() << tr("threshold met: %1\n").arg(d->metadata.value(QStringLiteral("threshold_met")).toBool() ? tr("yes") : tr("no"));
    if (!d->failureReason.isEmpty())
        out() << tr("failure:  %1\n").arg(d->failureReason);
    out() << tr("created:  %1\n").arg(d->createdAt.toLocalTime().toString(Qt::ISODate))
          << tr("calls:    %1 · cost %2 · %3 s\n").arg(calls.size()).arg(formatCost(row.costUsd)).arg(row.latencyMs / 1000.0, 0, 'f', 1)
          << tr("sections: %1\n").arg(d->sections.size());
    int n = 0;
    for (const DocumentSection &s : d->orderedSections())
        out() << QStringLiteral("  %1. %2 (%3 words)\n").arg(++n).arg(s.title).arg(Document::countWords(s.content));
    return ExitOk;
}

int exportDocument(const QString &id, const QString &format, const QString &outPath, const Config &config)
{
    if (format != QLatin1String("md") && format != QLatin1String("html")) {
        err() << tr("--format: give md or html\n");
        return ExitUsage;
    }
    DocumentStore store;
    if (!openStore(store, config))
        return ExitFailure;
    QString fullId;
    const std::optional<Document> d = findDocument(store, id, &fullId);
    if (!d)
        return ExitFailure;
    if (outPath.isEmpty()) {
        out() << (format == QLatin1String("html") ? d->toHtml() : d->toMarkdown());
        return ExitOk;
    }
    // The format decides, whatever the file's extension.
    const QString path = QFileInfo(outPath).suffix().isEmpty() ? outPath + QLatin1Char('.') + format : outPath;
    const QString text = format == QLatin1String("html") ? d->toHtml() : d->toMarkdown();
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0) {
        err() << tr("cannot write %1: %2\n").arg(path, f.errorString());
        return ExitFailure;
    }
    out() << path << '\n';
    return ExitOk;
}

int resume(bool json, const Config &config)
{
    DocumentRunner runner(config);
    QString error;
    const QList<RunOutcome> outcomes = runner.resume(&error);
    if (!error.isEmpty()) {
        err() << tr("madf resume: the engine did not start: %1\n").arg(error);
        return ExitFailure;
    }
    int failed = 0, stopped = 0;
    QJsonArray array;
    const QDir outDir(config.resolvedOutputPath());
    for (const RunOutcome &o : outcomes) {
        failed += o.exitCode() == ExitFailure;
        stopped += o.exitCode() == ExitInterrupted;
        QJsonObject object = o.toJson();
        // The interrupted command never wrote its file: written here, named as
        // `madf batch` names its files.
        QString path;
        if (!o.document.sections.isEmpty()) {
            path = outDir.filePath(slugFor(o.document.request.topic) + QLatin1Char('-') + o.document.id.left(8)
                                   + QStringLiteral(".md"));
            if (writeDocument(o.document, path, &error))
                object.insert(QStringLiteral("path"), path);
            else
                err() << error << '\n';
        }
        array.append(object);
        if (!json)
            out() << o.document.id << ' ' << toString(o.document.status)
                  << (object.contains(QStringLiteral("path")) ? QLatin1Char(' ') + path : QString()) << '\n';
    }
    if (json)
        printJson({{QStringLiteral("documents"), array}});
    else if (outcomes.isEmpty())
        err() << tr("nothing to resume\n");
    return failed > 0 ? ExitFailure : stopped > 0 ? ExitInterrupted : ExitOk;
}
} // namespace

int historyCommand(const QStringList &args)
{
    const QString name = args.value(0);
    QCommandLineParser p;
    addCommonOptions(p);
    if (name == QLatin1String("history")) {
        p.addOptions({{QStringLiteral("search"), tr("only titles/topics with this text"), tr("TEXT")},
                      {QStringLiteral("sort"), tr("date, quality, cost or latency"), tr("KEY")},
                      {QStringLiteral("limit"), tr("at most N rows"), tr("N")}});
    } else if (name == QLatin1String("export")) {
        p.addOptions({{QStringLiteral("format"), tr("md or html"), tr("FORMAT"), QStringLiteral("md")},
                      {QStringLiteral("out"), tr("file to write (default: stdout)"), tr("FILE")}});
    }
    if (const int code = parseArgs(p, args, usageText()); code >= 0)
        return code;
    const QStringList pos = p.positionalArguments();
    const bool needsId = name == QLatin1String("show") || name == QLatin1String("export");
    if (pos.size() != (needsId ? 1 : 0)) {
        err() << (needsId ? tr("madf %1: give one document ID\n").arg(name) : tr("madf %1: unexpected argument\n").arg(name))
              << usageText();
        return ExitUsage;
    }
    const std::optional<Config> config = loadConfig(p);
    if (!config)
        return ExitUsage;
    const bool json = p.isSet(QStringLiteral("json"));
    if (name == QLatin1String("history"))
        return history(p, *config);
    if (name == QLatin1String("show"))
        return show(pos.first(), json, *config);
    if (name == QLatin1String("export"))
        return exportDocument(pos.first(), p.value(QStringLiteral("format")), p.value(QStringLiteral("out")), *config);
    return resume(json, *config);
}

} // namespace Madf::Cli
