#include "core/log/log.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <thread>
#include <vector>

Q_LOGGING_CATEGORY(lcLogTest, "madf.logtest")

namespace {

/** Sends fd 2 to a file for its lifetime, so a test can read what the user's terminal would show. */
class StderrCapture
{
public:
    explicit StderrCapture(const QString &path)
    {
        std::fflush(stderr);
        m_saved = ::dup(STDERR_FILENO);
        const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            ::dup2(fd, STDERR_FILENO);
            ::close(fd);
        }
    }
    ~StderrCapture() { restore(); }
    void restore()
    {
        if (m_saved < 0)
            return;
        std::fflush(stderr);
        ::dup2(m_saved, STDERR_FILENO);
        ::close(m_saved);
        m_saved = -1;
    }

private:
    int m_saved = -1;
};

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

QStringList logFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("madf*.log")}, QDir::Files, QDir::Name);
}

} // namespace

/** The logger as a user meets it: what ends up in the log file and on the terminal. */
class TestLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void secretsNeverReachFileOrStderr();
    void levelFiltering_data();
    void levelFiltering();
    void levelNames_data();
    void levelNames();
    void setLevelAtRuntime();
    void rotationKeepsAtMostMaxFiles_data();
    void rotationKeepsAtMostMaxFiles();
    void bracesAreNotFormatted();
    void noStderrWhenDisabled();
    void unwritableFileFallsBackToStderr();
    void concurrentLoggingStaysRedacted();
    void shutdownClosesFile();
    void defaultLogFilePath();

private:
    Madf::Log::Settings fileSettings(const QString &level) const;

    QTemporaryDir m_dir;
    QByteArray m_savedLevel;
};

void TestLog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // ctest sets MADF_LOG_LEVEL=warning; each test chooses its own.
    m_savedLevel = qgetenv("MADF_LOG_LEVEL");
    qunsetenv("MADF_LOG_LEVEL");
}

void TestLog::cleanup()
{
    Madf::Log::shutdown();
    Madf::Log::clearSecrets();
    qunsetenv("MADF_LOG_LEVEL");
    QDir(m_dir.path()).removeRecursively();
    QDir().mkpath(m_dir.path());
}

void TestLog::cleanupTestCase()
{
    if (!m_savedLevel.isEmpty())
        qputenv("MADF_LOG_LEVEL", m_savedLevel);
}

Madf::Log::Settings TestLog::fileSettings(const QString &level) const
{
    Madf::Log::Settings s;
    s.level = level;
    s.filePath = m_dir.filePath(QStringLiteral("logs/madf.log"));
    s.toStderr = false;
    return s;
}

void TestLog::secretsNeverReachFileOrStderr()
{
    // Values with no recognisable shape: only registration can hide them.
    const QString envKey = QStringLiteral("envkeyvalue7f3a9c2e");
    const QString serviceToken = QStringLiteral("servicetoken5d6e7f8a");
    const QString registered = QStringLiteral("reg(secret)+[1]*?");
    qputenv("OPENAI_API_KEY", envKey.toUtf8());
    qputenv("MADF_TEST_SERVICE_TOKEN", serviceToken.toUtf8());
    qputenv("MADF_TEST_SHORT_SECRET", "abc12");

    Madf::Log::Settings settings = fileSettings(QStringLiteral("debug"));
    settings.toStderr = true;
    const QString stderrPath = m_dir.filePath(QStringLiteral("stderr.txt"));
    {
        StderrCapture capture(stderrPath);
        QVERIFY(Madf::Log::setup(settings));
        Madf::Log::registerSecret(registered);
        Madf::Log::info("info-marker key " + registered + " env " + envKey);
        qWarning().noquote() << "warning-marker" << envKey << "Authorization: Bearer plainbearer";
        qDebug() << "debug-marker" << registered << serviceToken;
        qCCritical(lcLogTest).noquote() << "category-marker x-api-key:" << serviceToken;
        Madf::Log::error(QStringLiteral("short-marker abc12 sk-abcdefghijklmnopqrstuvwx"));
        Madf::Log::shutdown();
        capture.restore();
    }
    qunsetenv("OPENAI_API_KEY");
    qunsetenv("MADF_TEST_SERVICE_TOKEN");
    qunsetenv("MADF_TEST_SHORT_SECRET");

    const QString file = readText(settings.filePath);
    const QString err = readText(stderrPath);
    for (const QString &out : {file, err}) {
        QVERIFY2(out.contains(QLatin1String("info-marker")), qPrintable(out));
        QVERIFY(out.contains(QLatin1String("warning-marker")));
        QVERIFY(out.contains(QLatin1String("debug-marker")));
        QVERIFY(out.contains(QLatin1String("[madf.logtest] category-marker")));
        QVERIFY(out.contains(QLatin1String("Authorization: Bearer [REDACTED]")));
        QVERIFY2(!out.contains(registered), qPrintable(out));
        QVERIFY2(!out.contains(envKey), qPrintable(out));
        QVERIFY2(!out.contains(serviceToken), qPrintable(out));
        QVERIFY(!out.contains(QLatin1String("plainbearer")));
        QVERIFY(!out.contains(QLatin1String("sk-abcdefghijklmnopqrstuvwx")));
        // A 5-character value is not taken from the environment as a secret.
        QVERIFY(out.contains(QLatin1String("short-marker abc12 [REDACTED]")));
        QVERIFY(out.count(QLatin1String("[REDACTED]")) >= 7);
    }
}

void TestLog::levelFiltering_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<QByteArray>("envLevel");
    QTest::addColumn<bool>("setupOk");
    QTest::addColumn<bool>("debugShown");
    QTest::addColumn<bool>("infoShown");
    QTest::addColumn<bool>("warningShown");

    QTest::newRow("info") << "info" << QByteArray() << true << false << true << true;
    QTest::newRow("INFO from yaml") << "INFO" << QByteArray() << true << false << true << true;
    QTest::newRow("debug") << "debug" << QByteArray() << true << true << true << true;
    QTest::newRow("warn") << "warn" << QByteArray() << true << false << false << true;
    QTest::newRow("off") << "off" << QByteArray() << true << false << false << false;
    QTest::newRow("env debug overrides info") << "info" << QByteArray("debug") << true << true << true << true;
    QTest::newRow("env error overrides debug") << "debug" << QByteArray("Error") << true << false << false << false;
    QTest::newRow("unknown level: info") << "verbose" << QByteArray() << false << false << true << true;
    QTest::newRow("bad env ignored") << "info" << QByteArray("loud") << false << false << true << true;
}

void TestLog::levelFiltering()
{
    QFETCH(QString, level);
    QFETCH(QByteArray, envLevel);
    QFETCH(bool, setupOk);
    QFETCH(bool, debugShown);
    QFETCH(bool, infoShown);
    QFETCH(bool, warningShown);

    if (!envLevel.isEmpty())
        qputenv("MADF_LOG_LEVEL", envLevel);
    const Madf::Log::Settings settings = fileSettings(level);
    QCOMPARE(Madf::Log::setup(settings), setupOk);
    Madf::Log::debug(QStringLiteral("log-debug-line"));
    qDebug("qt-debug-line");
    Madf::Log::info(QStringLiteral("log-info-line"));
    qInfo("qt-info-line");
    Madf::Log::warning(QStringLiteral("log-warning-line"));
    qWarning("qt-warning-line");
    QCOMPARE(Madf::Log::isEnabled(Madf::Log::Level::Debug), debugShown);
    Madf::Log::shutdown();

    const QString file = readText(settings.filePath);
    QCOMPARE(file.contains(QLatin1String("log-debug-line")), debugShown);
    QCOMPARE(file.contains(QLatin1String("qt-debug-line")), debugShown);
    QCOMPARE(file.contains(QLatin1String("log-info-line")), infoShown);
    QCOMPARE(file.contains(QLatin1String("qt-info-line")), infoShown);
    QCOMPARE(file.contains(QLatin1String("log-warning-line")), warningShown);
    QCOMPARE(file.contains(QLatin1String("qt-warning-line")), warningShown);
    // A setting that could not be honoured says so in the log.
    if (!setupOk)
        QVERIFY2(file.contains(QLatin1String("log level")) || file.contains(QLatin1String("MADF_LOG_LEVEL")),
                 qPrintable(file));
}

void TestLog::levelNames_data()
{
    using Madf::Log::Level;
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("expected"); // -1: rejected

    QTest::newRow("trace") << "trace" << int(Level::Trace);
    QTest::newRow("debug") << "Debug" << int(Level::Debug);
    QTest::newRow("info") << "INFO" << int(Level::Info);
    QTest::newRow("warning") << "warning" << int(Level::Warning);
    QTest::newRow("warn") << "WARN" << int(Level::Warning);
    QTest::newRow("error") << "error" << int(Level::Error);
    QTest::newRow("critical") << "critical" << int(Level::Critical);
    QTest::newRow("off") << " off " << int(Level::Off);
    QTest::newRow("empty") << "" << -1;
    QTest::newRow("verbose") << "verbose" << -1;
}

void TestLog::levelNames()
{
    QFETCH(QString, name);
    QFETCH(int, expected);
    const std::optional<Madf::Log::Level> level = Madf::Log::levelFromString(name);
    QCOMPARE(level ? int(*level) : -1, expected);
    if (level)
        QCOMPARE(Madf::Log::levelFromString(Madf::Log::levelToString(*level)), level);
}

void TestLog::setLevelAtRuntime()
{
    const Madf::Log::Settings settings = fileSettings(QStringLiteral("info"));
    QVERIFY(Madf::Log::setup(settings));
    QCOMPARE(Madf::Log::level(), Madf::Log::Level::Info);
    Madf::Log::debug(QStringLiteral("hidden-debug"));
    QVERIFY(Madf::Log::setLevel(QStringLiteral("DEBUG")));
    QCOMPARE(Madf::Log::level(), Madf::Log::Level::Debug);
    Madf::Log::debug(QStringLiteral("shown-debug"));
    QVERIFY(!Madf::Log::setLevel(QStringLiteral("chatty")));
    QCOMPARE(Madf::Log::level(), Madf::Log::Level::Debug);
    Madf::Log::shutdown();

    const QString file = readText(settings.filePath);
    QVERIFY(!file.contains(QLatin1String("hidden-debug")));
    QVERIFY(file.contains(QLatin1String("shown-debug")));
}

void TestLog::rotationKeepsAtMostMaxFiles_data()
{
    QTest::addColumn<int>("maxFiles");
    QTest::newRow("1") << 1;
    QTest::newRow("2") << 2;
    QTest::newRow("3") << 3;
    QTest::newRow("5") << 5;
}

void TestLog::rotationKeepsAtMostMaxFiles()
{
    QFETCH(int, maxFiles);
    const qint64 maxBytes = 4096;
    Madf::Log::Settings settings = fileSettings(QStringLiteral("info"));
    settings.maxFileBytes = maxBytes;
    settings.maxFiles = maxFiles;
    QVERIFY(Madf::Log::setup(settings));
    const QString filler(100, u'x');
    // About 40 KB: ten times one file, more than maxFiles files' worth in every row.
    for (int i = 0; i < 300; ++i)
        Madf::Log::info(QStringLiteral("line %1 ").arg(i, 4, 10, QLatin1Char('0')) + filler);
    Madf::Log::shutdown();

    const QString logDir = QFileInfo(settings.filePath).absolutePath();
    const QStringList files = logFiles(logDir);
    QCOMPARE(files.size(), maxFiles);
    QVERIFY(files.contains(QStringLiteral("madf.log")));
    for (const QString &name : files) {
        const qint64 size = QFileInfo(QDir(logDir).filePath(name)).size();
        QVERIFY2(size > 0 && size <= maxBytes, qPrintable(QStringLiteral("%1: %2 bytes").arg(name).arg(size)));
    }
    // The newest lines are in the current file.
    QVERIFY(readText(settings.filePath).contains(QLatin1String("line 0299")));
}

void TestLog::bracesAreNotFormatted()
{
    const Madf::Log::Settings settings = fileSettings(QStringLiteral("info"));
    QVERIFY(Madf::Log::setup(settings));
    const QString json = QStringLiteral(R"(reply {"choices": [{}], "n": {0} {:>10} %s)");
    Madf::Log::info(json);
    Madf::Log::shutdown();
    QVERIFY(readText(settings.filePath).contains(json));
}

void TestLog::noStderrWhenDisabled()
{
    const Madf::Log::Settings settings = fileSettings(QStringLiteral("info"));
    const QString stderrPath = m_dir.filePath(QStringLiteral("stderr.txt"));
    {
        StderrCapture capture(stderrPath);
        QVERIFY(Madf::Log::setup(settings));
        Madf::Log::warning(QStringLiteral("file-only"));
        qWarning("qt-file-only");
        Madf::Log::shutdown();
    }
    QCOMPARE(readText(stderrPath), QString());
    const QString file = readText(settings.filePath);
    QVERIFY(file.contains(QLatin1String("file-only")));
    QVERIFY(file.contains(QLatin1String("qt-file-only")));
}

void TestLog::unwritableFileFallsBackToStderr()
{
    // A regular file where the log directory should be: no user (not even root) can create it.
    QFile blocker(m_dir.filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    Madf::Log::Settings settings = fileSettings(QStringLiteral("info"));
    settings.filePath = m_dir.filePath(QStringLiteral("blocker/logs/madf.log"));

    const QString stderrPath = m_dir.filePath(QStringLiteral("stderr.txt"));
    {
        StderrCapture capture(stderrPath);
        QVERIFY(!Madf::Log::setup(settings));
        Madf::Log::info(QStringLiteral("still-logged"));
        Madf::Log::shutdown();
    }
    const QString err = readText(stderrPath);
    QVERIFY2(err.contains(QLatin1String("cannot open log file")), qPrintable(err));
    QVERIFY(err.contains(settings.filePath));
    QVERIFY(err.contains(QLatin1String("still-logged")));
}

void TestLog::concurrentLoggingStaysRedacted()
{
    const Madf::Log::Settings settings = fileSettings(QStringLiteral("info"));
    QVERIFY(Madf::Log::setup(settings));
    const QString secret = QStringLiteral("threadedsecret123");
    Madf::Log::registerSecret(secret);

    constexpr int threadCount = 4;
    constexpr int perThread = 250;
    std::vector<std::thread> threads;
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back([t, secret] {
            for (int i = 0; i < perThread; ++i) {
                if (i % 2)
                    Madf::Log::info(QStringLiteral("conc-marker %1/%2 key=%3").arg(t).arg(i).arg(secret));
                else
                    qInfo().noquote() << "conc-marker" << t << i << secret;
                // Registration happens while other threads log.
                Madf::Log::registerSecret(QStringLiteral("late-secret-%1-%2").arg(t).arg(i));
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    Madf::Log::shutdown();

    const QString file = readText(settings.filePath);
    QCOMPARE(file.count(QLatin1String("conc-marker")), threadCount * perThread);
    QCOMPARE(file.count(secret), 0);
    QCOMPARE(file.count(QLatin1String("[REDACTED]")), threadCount * perThread);
}

void TestLog::shutdownClosesFile()
{
    const Madf::Log::Settings settings = fileSettings(QStringLiteral("info"));
    QVERIFY(Madf::Log::setup(settings));
    Madf::Log::warning(QStringLiteral("before-shutdown"));
    Madf::Log::shutdown();

    const QString stderrPath = m_dir.filePath(QStringLiteral("stderr.txt"));
    {
        StderrCapture capture(stderrPath);
        Madf::Log::warning(QStringLiteral("after-shutdown sk-abcdefghijklmnopqrstuvwx"));
        Madf::Log::flush();
    }
    const QString file = readText(settings.filePath);
    QVERIFY(file.contains(QLatin1String("before-shutdown")));
    QVERIFY(!file.contains(QLatin1String("after-shutdown")));
    // Messages are not lost after shutdown: they go to stderr, still redacted.
    const QString err = readText(stderrPath);
    QVERIFY2(err.contains(QLatin1String("after-shutdown [REDACTED]")), qPrintable(err));
}

void TestLog::defaultLogFilePath()
{
    QCOMPARE(Madf::Log::defaultLogFilePath(QStringLiteral("/home/u/.local/state/madf")),
             QStringLiteral("/home/u/.local/state/madf/logs/madf.log"));
    QCOMPARE(Madf::Log::defaultLogFilePath(QStringLiteral("/tmp/state/")),
             QStringLiteral("/tmp/state/logs/madf.log"));
}

QTEST_GUILESS_MAIN(TestLog)
#include "tst_log.moc"
