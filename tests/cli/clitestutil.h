#pragma once

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

/** Runs the real `madf` executable, as a user would, with a clean
 *  environment (no user config, no keys) plus `extraEnv`. */
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

/** The environment runMadf() gives `madf`: no user config, no keys, plus `extraEnv`. */
inline QProcessEnvironment madfEnvironment(const QProcessEnvironment &extraEnv = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &k : env.keys())
        if (k.startsWith(QLatin1String("MADF_")) || k.endsWith(QLatin1String("_API_KEY")))
            env.remove(k);
    static QTemporaryDir home; // no user config unless a test writes one
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("HOME"), home.path());
    for (const QString &k : extraEnv.keys())
        env.insert(k, extraEnv.value(k));
    return env;
}

inline QString madfExecutable()
{
    return QStringLiteral(MADF_BINARY_DIR "/app/madf");
}

inline CliRun runMadf(const QStringList &args, const QProcessEnvironment &extraEnv = {},
                      const QByteArray &stdinData = {}, int timeoutMs = 60000)
{
    QProcess p;
    p.setProcessEnvironment(madfEnvironment(extraEnv));
    p.start(madfExecutable(), args);
    if (!p.waitForStarted())
        return {};
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(timeoutMs);
    CliRun r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

inline QString testData(const char *name)
{
    return QStringLiteral(MADF_TEST_DATA_DIR "/") + QLatin1String(name);
}

/** Writes `dir`/madf.yaml: the simulated provider at speed 0 (instant),
 *  state and output under `dir`, plus `extra` YAML; returns its path. */
inline QString writeSimConfig(const QTemporaryDir &dir, const QByteArray &extra = {})
{
    const QString path = dir.filePath(QStringLiteral("madf.yaml"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("providers:\n  simulated:\n    speed: 0\n" + extra);
    f.write("storage:\n  state_path: " + dir.filePath(QStringLiteral("state")).toUtf8()
            + "\n  output_path: " + dir.filePath(QStringLiteral("out")).toUtf8() + "\n");
    return path;
}
