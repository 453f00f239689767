#pragma once

#include <QString>
#include <QStringList>

#include <optional>

/**
 * Process-wide logging for the engine, the CLI and the GUI: one logger that
 * writes to stderr and/or a size-rotated file. Every message, including
 * qDebug/qInfo/qWarning/qCritical once setup() has run, is redacted (API keys,
 * Authorization headers, key-shaped strings) before any output sees it.
 * Thread-safe. Before setup() messages go to stderr at info level (or at
 * MADF_LOG_LEVEL).
 */
namespace Madf::Log {

enum class Level { Trace, Debug, Info, Warning, Error, Critical, Off };

/** What setup() should open and at which level. */
struct Settings
{
    QString level = QStringLiteral("info");     ///< see levelFromString(); MADF_LOG_LEVEL overrides it
    QString filePath;                            ///< empty: no log file
    qint64 maxFileBytes = 5 * 1024 * 1024;       ///< a file is rotated once it would grow past this
    int maxFiles = 3;                            ///< files kept in all, the current one included
    bool toStderr = true;
    QString pattern;                             ///< spdlog pattern; empty: the default one
};

/** Parses trace, debug, info, warning/warn, error/err, critical/fatal, off; case-insensitive. */
std::optional<Level> levelFromString(const QString &name);
QString levelToString(Level level);
/** The canonical level names, for help texts and validation messages. */
QStringList levelNames();

/** Opens the outputs in @p settings, replacing any earlier setup, registers the secrets found
 *  in the environment and routes Qt's messages through the logger. Returns false when part
 *  of @p settings could not be honoured (bad level, unwritable file); the reason is logged
 *  and logging carries on with what could be set up. */
bool setup(const Settings &settings);
/** Flushes and closes the outputs and gives Qt its previous message handler back. */
void shutdown();
void flush();

bool setLevel(const QString &name); ///< false, and no change, for an unknown name
void setLevel(Level level);
Level level();
/** Lets callers skip building a costly message that would be dropped. */
bool isEnabled(Level level);

/** Adds a value (an API key in force) that must never appear in a log; shorter than 4
 *  characters is ignored. */
void registerSecret(const QString &value);
void clearSecrets();
/** @p text as it would be logged. */
QString redact(const QString &text);

void trace(const QString &message);
void debug(const QString &message);
void info(const QString &message);
void warning(const QString &message);
void error(const QString &message);
void critical(const QString &message);

/** Where the log file lives under a state directory: `<stateDir>/logs/madf.log`. */
QString defaultLogFilePath(const QString &stateDir);

} // namespace Madf::Log
