#include "cli.h"

#include "commands.h"

#include <QCoreApplication>

namespace Madf::Cli {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("Madf::Cli", text); }

struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
};

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {"config", QT_TRANSLATE_NOOP("Madf::Cli", "validate, show or create a configuration file"), configCommand},
        {"providers", QT_TRANSLATE_NOOP("Madf::Cli", "list, test a provider or list its models"), providersCommand},
        {"complete", QT_TRANSLATE_NOOP("Madf::Cli", "one model call through the gateway"), completeCommand},
        {"generate", QT_TRANSLATE_NOOP("Madf::Cli", "generate one document"), generateCommand},
        {"batch", QT_TRANSLATE_NOOP("Madf::Cli", "generate the documents listed in a YAML file"), batchCommand},
        {"history", QT_TRANSLATE_NOOP("Madf::Cli", "list the documents generated so far"), historyCommand},
        {"show", QT_TRANSLATE_NOOP("Madf::Cli", "a document's metadata, quality, sections and calls"), historyCommand},
        {"export", QT_TRANSLATE_NOOP("Madf::Cli", "write a stored document as Markdown or HTML"), historyCommand},
        {"resume", QT_TRANSLATE_NOOP("Madf::Cli", "finish the documents an interruption left"), historyCommand},
        {"bench", QT_TRANSLATE_NOOP("Madf::Cli", "the benchmark: one request N times in a row"), benchCommand},
        {"load-test", QT_TRANSLATE_NOOP("Madf::Cli", "N requests at once"), benchCommand},
    };
    return list;
}

void printHelp()
{
    out() << tr("Usage: madf <command> [options]\n\n"
                "MADF Studio's headless engine: generate and verify documents with a team of LLM agents.\n\n"
                "Commands:\n");
    for (const Command &c : commands())
        out() << QStringLiteral("  %1  %2\n").arg(QString::fromLatin1(c.name), -10).arg(tr(c.summary));
    out() << tr("\nOptions:\n"
                "  -h, --help     show this help (or `madf <command> --help`)\n"
                "  -v, --version  show the version\n\n"
                "Exit status: 0 success, 1 the work failed, 2 bad arguments or invalid\n"
                "configuration, 3 stopped (cancelled, budget or timeout) with the work kept.\n");
    out().flush();
}
} // namespace

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int run(const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("-h") || args.first() == QLatin1String("--help")
        || args.first() == QLatin1String("help")) {
        printHelp();
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == QLatin1String("-v") || args.first() == QLatin1String("--version")) {
        out() << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        out().flush();
        return ExitOk;
    }
    for (const Command &c : commands())
        if (args.first() == QLatin1String(c.name)) {
            const int code = c.run(args);
            out().flush();
            err().flush();
            return code;
        }
    err() << tr("madf: unknown command \"%1\". Run `madf --help` for the list.\n").arg(args.first());
    err().flush();
    return ExitUsage;
}

} // namespace Madf::Cli
