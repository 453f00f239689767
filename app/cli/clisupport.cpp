#include "clisupport.h"

#include "cli.h"
#include "commands.h"

#include "core/config/configloader.h"
#include "core/log/logsetup.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QProcessEnvironment>

#include <atomic>
#include <csignal>

namespace Madf::Cli {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("Madf::Cli", text); }

std::atomic_bool s_interrupted{false};

extern "C" void onSigint(int)
{
    s_interrupted = true;
}
} // namespace

void addCommonOptions(QCommandLineParser &parser, bool json)
{
    parser.addOption({QStringLiteral("config"), tr("configuration file"), tr("FILE")});
    if (json)
        parser.addOption({QStringLiteral("json"), tr("print one JSON object on stdout")});
    parser.addHelpOption();
}

int parseArgs(QCommandLineParser &parser, const QStringList &args, const QString &usageText)
{
    if (!parser.parse(args)) {
        err() << parser.errorText() << '\n' << usageText;
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // The parser's own usage line names the program only: keep its option list.
        const QString help = parser.helpText();
        const qsizetype options = help.indexOf(QLatin1String("\nOptions:"));
        out() << usageText << (options >= 0 ? help.mid(options) : QString());
        return ExitOk;
    }
    return -1;
}

std::optional<Config> loadConfig(const QCommandLineParser &parser)
{
    const ConfigLoadResult r =
        ConfigLoader::loadEffective(parser.value(QStringLiteral("config")), QProcessEnvironment::systemEnvironment());
    for (const ConfigIssue &i : r.issues)
        err() << i.toString() << '\n';
    err().flush();
    if (!r.ok())
        return std::nullopt;
    Madf::Log::setupFromConfig(r.config);
    return r.config;
}

QString formatCost(std::optional<double> usd)
{
    if (!usd)
        return tr("unknown");
    if (*usd == 0)
        return QStringLiteral("$0.00");
    return QStringLiteral("$%1").arg(*usd, 0, 'f', *usd < 0.01 ? 6 : 4);
}

void printJson(const QJsonObject &object)
{
    out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    out().flush();
}

void installInterruptHandler()
{
    s_interrupted = false;
    std::signal(SIGINT, onSigint);
}

bool interrupted()
{
    return s_interrupted;
}

} // namespace Madf::Cli
