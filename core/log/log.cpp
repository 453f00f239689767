#include "core/log/log.h"

#include "core/log/redactor.h"

#include <spdlog/logger.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QReadWriteLock>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <utility>
#include <vector>

namespace Madf::Log {

namespace {

constexpr const char *DefaultPattern = "[%Y-%m-%d %H:%M:%S.%e] [%^%l%$] [%t] %v";
constexpr const char *EnvLevelVariable = "MADF_LOG_LEVEL";

struct State
{
    QReadWriteLock lock;
    std::shared_ptr<spdlog::logger> logger; // null until setup() or the first message
    QtMessageHandler previousHandler = nullptr;
    bool handlerInstalled = false;
    bool exitFlushRegistered = false;
    Redactor redactor;
};

State &state()
{
    // Never destroyed: Qt can still emit warnings while statics are torn down at exit.
    static State *s = new State;
    return *s;
}

spdlog::level::level_enum toSpdlog(Level level)
{
    switch (level) {
    case Level::Trace: return spdlog::level::trace;
    case Level::Debug: return spdlog::level::debug;
    case Level::Info: return spdlog::level::info;
    case Level::Warning: return spdlog::level::warn;
    case Level::Error: return spdlog::level::err;
    case Level::Critical: return spdlog::level::critical;
    case Level::Off: return spdlog::level::off;
    }
    return spdlog::level::info;
}

Level fromSpdlog(spdlog::level::level_enum level)
{
    switch (level) {
    case spdlog::level::trace: return Level::Trace;
    case spdlog::level::debug: return Level::Debug;
    case spdlog::level::info: return Level::Info;
    case spdlog::level::warn: return Level::Warning;
    case spdlog::level::err: return Level::Error;
    case spdlog::level::critical: return Level::Critical;
    default: return Level::Off;
    }
}

std::optional<Level> environmentLevel()
{
    const QByteArray value = qgetenv(EnvLevelVariable);
    if (value.isEmpty())
        return std::nullopt;
    return levelFromString(QString::fromLocal8Bit(value));
}

std::shared_ptr<spdlog::logger> makeLogger(std::vector<spdlog::sink_ptr> sinks, Level level,
                                           const QString &pattern)
{
    auto logger = std::make_shared<spdlog::logger>("madf", sinks.begin(), sinks.end());
    try {
        logger->set_pattern(pattern.isEmpty() ? std::string(DefaultPattern) : pattern.toStdString());
    } catch (const spdlog::spdlog_ex &) {
        logger->set_pattern(DefaultPattern);
    }
    logger->set_level(toSpdlog(level));
    // Users tail the file while a document is generated; debug and trace stay buffered for speed.
    logger->flush_on(spdlog::level::info);
    return logger;
}

std::shared_ptr<spdlog::logger> currentLogger()
{
    State &s = state();
    {
        QReadLocker locker(&s.lock);
        if (s.logger)
            return s.logger;
    }
    QWriteLocker locker(&s.lock);
    if (!s.logger) {
        s.logger = makeLogger({std::make_shared<spdlog::sinks::stderr_color_sink_mt>()},
                              environmentLevel().value_or(Level::Info), {});
    }
    return s.logger;
}

void write(spdlog::level::level_enum level, const char *category, const QString &message)
{
    const std::shared_ptr<spdlog::logger> logger = currentLogger();
    if (!logger->should_log(level))
        return;
    QString line = message;
    if (category && *category && qstrcmp(category, "default") != 0)
        line = u'[' + QLatin1String(category) + QLatin1String("] ") + message;
    // The one place text enters the sinks, so redacting here covers stderr and the file alike.
    const QByteArray utf8 = state().redactor.redact(line).toUtf8();
    // The string_view overload: a message is never taken as a format string ("{}" in JSON).
    logger->log(level, spdlog::string_view_t(utf8.constData(), size_t(utf8.size())));
}

void qtMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // Something inside the logger emitting a Qt message would recurse forever.
    static thread_local bool inHandler = false;
    if (inHandler) {
        std::fprintf(stderr, "%s\n", qPrintable(Redactor::redactPatterns(message)));
        return;
    }
    inHandler = true;
    spdlog::level::level_enum level = spdlog::level::info;
    switch (type) {
    case QtDebugMsg: level = spdlog::level::debug; break;
    case QtInfoMsg: level = spdlog::level::info; break;
    case QtWarningMsg: level = spdlog::level::warn; break;
    case QtCriticalMsg: level = spdlog::level::err; break;
    case QtFatalMsg: level = spdlog::level::critical; break;
    }
    write(level, context.category, message);
    if (type == QtFatalMsg)
        flush(); // Qt aborts as soon as we return
    inHandler = false;
}

} // namespace

std::optional<Level> levelFromString(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"trace") return Level::Trace;
    if (n == u"debug") return Level::Debug;
    if (n == u"info") return Level::Info;
    if (n == u"warning" || n == u"warn") return Level::Warning;
    if (n == u"error" || n == u"err") return Level::Error;
    if (n == u"critical" || n == u"fatal") return Level::Critical;
    if (n == u"off") return Level::Off;
    return std::nullopt;
}

QString levelToString(Level level)
{
    static const std::array<QString, 7> names = {
        QStringLiteral("trace"), QStringLiteral("debug"), QStringLiteral("info"),
        QStringLiteral("warning"), QStringLiteral("error"), QStringLiteral("critical"),
        QStringLiteral("off")};
    return names.at(size_t(level));
}

QStringList levelNames()
{
    QStringList names;
    for (Level l : {Level::Trace, Level::Debug, Level::Info, Level::Warning, Level::Error,
                    Level::Critical, Level::Off})
        names << levelToString(l);
    return names;
}

bool setup(const Settings &settings)
{
    State &s = state();
    QStringList problems;

    std::optional<Level> level = levelFromString(settings.level);
    if (!level) {
        problems << QStringLiteral("unknown log level \"%1\" (expected one of %2); using info")
                        .arg(settings.level, levelNames().join(QLatin1String(", ")));
    }
    // The environment wins so that a user can turn on debug output without editing a file.
    const QByteArray envValue = qgetenv(EnvLevelVariable);
    if (!envValue.isEmpty()) {
        if (const std::optional<Level> envLevel = environmentLevel())
            level = envLevel;
        else
            problems << QStringLiteral("ignoring %1=\"%2\": not a log level")
                            .arg(QLatin1String(EnvLevelVariable), QString::fromLocal8Bit(envValue));
    }

    s.redactor.addSecretsFromEnvironment(QProcessEnvironment::systemEnvironment());

    std::vector<spdlog::sink_ptr> sinks;
    if (settings.toStderr)
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    bool fileOpened = true;
    if (!settings.filePath.isEmpty()) {
        try {
            // spdlog counts rotated files on top of the current one; our maxFiles counts them all.
            sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                QFile::encodeName(QDir::cleanPath(settings.filePath)).toStdString(),
                size_t(qMax<qint64>(settings.maxFileBytes, 1)), size_t(qMax(settings.maxFiles, 1) - 1)));
        } catch (const spdlog::spdlog_ex &e) {
            fileOpened = false;
            problems << QStringLiteral("cannot open log file %1: %2")
                            .arg(settings.filePath, QString::fromLocal8Bit(e.what()));
            // Without this the reason would go nowhere.
            if (!settings.toStderr)
                sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
        }
    }

    std::shared_ptr<spdlog::logger> previous;
    bool installHandler = false;
    {
        QWriteLocker locker(&s.lock);
        previous = std::exchange(s.logger, makeLogger(std::move(sinks), level.value_or(Level::Info),
                                                      settings.pattern));
        installHandler = !s.handlerInstalled;
        s.handlerInstalled = true;
        if (!s.exitFlushRegistered) {
            s.exitFlushRegistered = true;
            std::atexit([] { flush(); });
        }
    }
    if (previous)
        previous->flush();
    if (installHandler)
        s.previousHandler = qInstallMessageHandler(qtMessageHandler);

    for (const QString &problem : std::as_const(problems))
        warning(problem);
    return problems.isEmpty() && fileOpened;
}

void shutdown()
{
    State &s = state();
    std::shared_ptr<spdlog::logger> previous;
    bool restoreHandler = false;
    {
        QWriteLocker locker(&s.lock);
        previous = std::exchange(s.logger, nullptr);
        restoreHandler = s.handlerInstalled;
        s.handlerInstalled = false;
    }
    if (restoreHandler)
        qInstallMessageHandler(std::exchange(s.previousHandler, nullptr));
    if (previous)
        previous->flush();
}

void flush()
{
    State &s = state();
    std::shared_ptr<spdlog::logger> logger;
    {
        QReadLocker locker(&s.lock);
        logger = s.logger;
    }
    if (logger)
        logger->flush();
}

bool setLevel(const QString &name)
{
    const std::optional<Level> level = levelFromString(name);
    if (!level)
        return false;
    setLevel(*level);
    return true;
}

void setLevel(Level level)
{
    currentLogger()->set_level(toSpdlog(level));
}

Level level()
{
    return fromSpdlog(currentLogger()->level());
}

bool isEnabled(Level level)
{
    return level != Level::Off && currentLogger()->should_log(toSpdlog(level));
}

void registerSecret(const QString &value)
{
    state().redactor.addSecret(value);
}

void clearSecrets()
{
    state().redactor.clear();
}

QString redact(const QString &text)
{
    return state().redactor.redact(text);
}

void trace(const QString &message) { write(spdlog::level::trace, nullptr, message); }
void debug(const QString &message) { write(spdlog::level::debug, nullptr, message); }
void info(const QString &message) { write(spdlog::level::info, nullptr, message); }
void warning(const QString &message) { write(spdlog::level::warn, nullptr, message); }
void error(const QString &message) { write(spdlog::level::err, nullptr, message); }
void critical(const QString &message) { write(spdlog::level::critical, nullptr, message); }

QString defaultLogFilePath(const QString &stateDir)
{
    return QDir::cleanPath(stateDir + QLatin1String("/logs/madf.log"));
}

} // namespace Madf::Log
