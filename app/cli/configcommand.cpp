#include "cli.h"
#include "commands.h"

#include "core/config/configloader.h"
#include "core/config/configreference.h"
#include "core/config/configwriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

namespace Madf::Cli {

namespace {
QString tr(const char *text, int n = -1) { return QCoreApplication::translate("Madf::Cli", text, nullptr, n); }

void printIssues(const ConfigIssues &issues)
{
    for (const ConfigIssue &i : issues)
        err() << i.toString() << '\n';
}

int usage(const QString &message)
{
    err() << message << '\n'
          << tr("Usage:\n"
                "  madf config validate FILE\n"
                "  madf config show [--effective] [--config FILE]\n"
                "  madf config init [FILE] [--force]   (FILE \"-\" writes to stdout)\n"
                "  madf config reference               (every key, default and range, in Markdown)\n");
    return ExitUsage;
}

int validate(const QStringList &args)
{
    if (args.size() != 1)
        return usage(tr("madf config validate: give exactly one FILE"));
    const ConfigLoadResult r = ConfigLoader::fromFile(args.first(), Config::defaults());
    printIssues(r.issues);
    const auto errors = std::count_if(r.issues.begin(), r.issues.end(),
                                      [](const ConfigIssue &i) { return i.severity == ConfigIssue::Error; });
    if (errors > 0) {
        err() << tr("%1: %n error(s), the file is not valid", int(errors)).arg(args.first()) << '\n';
        return ExitUsage;
    }
    out() << tr("%1: valid (%n warning(s))", int(r.issues.size())).arg(args.first()) << '\n';
    return ExitOk;
}

int show(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("effective"), tr("every value in force, not only those that differ from the defaults")});
    p.addOption({QStringLiteral("config"), tr("configuration file"), tr("FILE")});
    if (!p.parse(QStringList{QStringLiteral("show")} + args))
        return usage(p.errorText());
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QString how;
    const QString path = ConfigLoader::locate(p.value(QStringLiteral("config")), env, &how);
    const ConfigLoadResult r = ConfigLoader::loadEffective(p.value(QStringLiteral("config")), env);
    printIssues(r.issues);
    if (!r.ok())
        return ExitUsage;
    out() << "# " << (path.isEmpty() ? tr("no config file: built-in defaults")
                                    : tr("config file: %1 (chosen by %2)").arg(path, how))
          << '\n';
    if (!p.isSet(QStringLiteral("effective")))
        out() << tr("# values that differ from the built-in defaults; --effective shows all") << '\n';
    out() << QString::fromUtf8(ConfigWriter::toYaml(
        r.config, ConfigWriter::Options{!p.isSet(QStringLiteral("effective")), false, true, true}));
    return ExitOk;
}

int init(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("force"), tr("overwrite an existing file")});
    p.addPositionalArgument(QStringLiteral("FILE"), tr("where to write"));
    if (!p.parse(QStringList{QStringLiteral("init")} + args) || p.positionalArguments().size() > 1)
        return usage(p.errorText());
    const QByteArray yaml = ConfigWriter::starterYaml();
    const QString path = p.positionalArguments().value(0, ConfigLoader::userConfigPath());
    if (path == QLatin1String("-")) {
        out() << QString::fromUtf8(yaml);
        return ExitOk;
    }
    if (QFileInfo::exists(path) && !p.isSet(QStringLiteral("force"))) {
        err() << tr("%1 exists; nothing written (use --force to replace it)").arg(path) << '\n';
        return ExitFailure;
    }
    QString error;
    if (!ConfigWriter::writeFile(path, yaml, &error)) {
        err() << error << '\n';
        return ExitFailure;
    }
    out() << path << '\n';
    return ExitOk;
}
} // namespace

int configCommand(const QStringList &args)
{
    const QString sub = args.value(1);
    const QStringList rest = args.mid(2);
    if (sub == QLatin1String("validate"))
        return validate(rest);
    if (sub == QLatin1String("show"))
        return show(rest);
    if (sub == QLatin1String("init"))
        return init(rest);
    if (sub == QLatin1String("reference")) {
        out() << configReferenceMarkdown();
        return ExitOk;
    }
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        usage({});
        return ExitOk;
    }
    return usage(sub.isEmpty() ? tr("madf config: give a subcommand")
                               : tr("madf config: unknown subcommand \"%1\"").arg(sub));
}

} // namespace Madf::Cli
