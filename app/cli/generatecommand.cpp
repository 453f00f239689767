#include "cli.h"
#include "clisupport.h"
#include "commands.h"
#include "documentrunner.h"

#include "core/config/presets.h"
#include "core/orchestration/runestimator.h"

#include <QCoreApplication>
#include <QDir>

namespace Madf::Cli {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("Madf::Cli", text); }

QString usageText()
{
    return tr("Usage: madf generate --topic TEXT [--type T] [--length WORDS] [--style S] [--audience A]\n"
              "         [--requirement R]... [--reference FILE|URL]... [--outline TEXT] [--preset NAME]\n"
              "         [--out FILE.md|FILE.html] [--estimate] [--json] [--config FILE]\n");
}
} // namespace

int generateCommand(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOptions({
        {QStringLiteral("topic"), tr("what the document is about"), tr("TEXT")},
        {QStringLiteral("type"), tr("article, paper, report, essay, blog, documentation"), tr("TYPE")},
        {QStringLiteral("length"), tr("target length in words"), tr("WORDS")},
        {QStringLiteral("style"), tr("writing style"), tr("STYLE")},
        {QStringLiteral("audience"), tr("intended readers"), tr("AUDIENCE")},
        {QStringLiteral("requirement"), tr("a requirement (repeatable)"), tr("TEXT")},
        {QStringLiteral("reference"), tr("a reference file or URL (repeatable)"), tr("SOURCE")},
        {QStringLiteral("outline"), tr("your own outline"), tr("TEXT")},
        {QStringLiteral("preset"), tr("a preset on top of the configuration"), tr("NAME")},
        {QStringLiteral("out"), tr("where to write the document (.md or .html)"), tr("FILE")},
        {QStringLiteral("estimate"), tr("print the expected calls, tokens, cost and time, and stop")},
    });
    if (const int code = parseArgs(p, args, usageText()); code >= 0)
        return code;
    if (!p.positionalArguments().isEmpty()) {
        err() << tr("madf generate: unexpected argument \"%1\"\n").arg(p.positionalArguments().first()) << usageText();
        return ExitUsage;
    }
    std::optional<Config> config = loadConfig(p);
    if (!config)
        return ExitUsage;
    if (p.isSet(QStringLiteral("preset"))) {
        const ConfigLoadResult r = Presets::apply(p.value(QStringLiteral("preset")), *config);
        for (const ConfigIssue &i : r.issues)
            err() << i.toString() << '\n';
        if (!r.ok())
            return ExitUsage;
        config = r.config;
    }

    DocumentRequest request;
    request.topic = p.value(QStringLiteral("topic"));
    if (p.isSet(QStringLiteral("type")))
        request.documentType = p.value(QStringLiteral("type"));
    if (p.isSet(QStringLiteral("length"))) {
        bool ok = false;
        request.targetLength = p.value(QStringLiteral("length")).toInt(&ok);
        if (!ok) {
            err() << tr("--length: \"%1\" is not a whole number\n").arg(p.value(QStringLiteral("length")));
            return ExitUsage;
        }
    }
    if (p.isSet(QStringLiteral("style")))
        request.style = p.value(QStringLiteral("style"));
    if (p.isSet(QStringLiteral("audience")))
        request.audience = p.value(QStringLiteral("audience"));
    request.requirements = p.values(QStringLiteral("requirement"));
    request.references = p.values(QStringLiteral("reference"));
    request.outline = p.value(QStringLiteral("outline"));
    const QList<RequestError> problems = request.validate();
    if (!problems.isEmpty()) {
        for (const RequestError &e : problems)
            err() << e.message() << '\n';
        err() << tr("madf generate: the request is not valid (%1 problem(s))\n").arg(problems.size());
        return ExitUsage;
    }

    if (p.isSet(QStringLiteral("estimate"))) {
        out() << RunEstimator::estimate(request, *config).describe() << '\n';
        return ExitOk;
    }

    DocumentRunner runner(*config);
    QString error;
    const QList<RunOutcome> outcomes = runner.run({request}, {}, &error);
    if (outcomes.isEmpty()) {
        err() << tr("madf generate: the engine did not start: %1\n").arg(error);
        return ExitFailure;
    }
    const RunOutcome &o = outcomes.first();
    const Document &doc = o.document;
    QString path;
    if (!doc.sections.isEmpty() || doc.status == DocumentStatus::Complete) {
        path = p.isSet(QStringLiteral("out"))
                   ? p.value(QStringLiteral("out"))
                   : QDir(config->resolvedOutputPath()).filePath(slugFor(request.topic) + QStringLiteral(".md"));
        if (!writeDocument(doc, path, &error)) {
            err() << error << '\n';
            return ExitFailure;
        }
    }
    if (doc.metadata.contains(QStringLiteral("threshold_met"))
        && !doc.metadata.value(QStringLiteral("threshold_met")).toBool())
        err() << tr("note: threshold_met false: the quality %1 stayed below the threshold %2\n")
                     .arg(doc.qualityScore.value_or(0), 0, 'f', 2)
                     .arg(config->orchestrator.qualityThreshold, 0, 'f', 2);
    if (!doc.failureReason.isEmpty())
        err() << doc.failureReason << '\n';
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject json = o.toJson();
        json.insert(QStringLiteral("path"), path.isEmpty() ? QJsonValue() : QJsonValue(path));
        printJson(json);
    } else if (!path.isEmpty()) {
        out() << path << '\n';
    }
    return o.exitCode();
}

} // namespace Madf::Cli
