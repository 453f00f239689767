#include "documentrunner.h"

#include "cli.h"
#include "clisupport.h"
#include "commands.h"

#include "core/orchestration/enginethread.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimer>

#include <csignal>

namespace Madf::Cli {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("Madf::Cli", text); }

// What a progress line shows; a new line only when one of these changes.
struct Shown
{
    QString stage;
    DocumentStatus status = DocumentStatus::Pending;
    std::optional<double> quality;
    int round = 0;
    qint64 tokens = 0;
    qint64 atMs = -100000;
};

struct Tracked
{
    QElapsedTimer clock;
    DocumentProgress progress;
    Shown shown;
    int calls = 0;
    std::optional<RunOutcome> outcome;
};

QString percent(std::optional<double> v)
{
    return v ? QStringLiteral("%1%").arg(*v * 100, 0, 'f', 1) : QStringLiteral("-");
}
} // namespace

int RunOutcome::exitCode() const
{
    switch (document.status) {
    case DocumentStatus::Complete:
        return ExitOk;
    case DocumentStatus::Cancelled:
        return ExitInterrupted;
    case DocumentStatus::Failed: {
        const QString kind = document.metadata.value(QStringLiteral("failure_kind")).toString();
        return kind == QLatin1String("budget") || kind == QLatin1String("timeout") ? ExitInterrupted : ExitFailure;
    }
    default:
        return ExitFailure;
    }
}

QJsonObject RunOutcome::toJson() const
{
    QJsonObject o{
        {QStringLiteral("id"), document.id},
        {QStringLiteral("title"), document.title},
        {QStringLiteral("status"), toString(document.status)},
        {QStringLiteral("quality"), document.qualityScore ? QJsonValue(*document.qualityScore) : QJsonValue()},
        {QStringLiteral("cost"), costUsd},
        {QStringLiteral("cost_is_lower_bound"), costIsLowerBound},
        {QStringLiteral("latency"), latencyMs / 1000.0},
        {QStringLiteral("word_count"), document.wordCount},
        {QStringLiteral("calls"), calls},
    };
    if (document.metadata.contains(QStringLiteral("threshold_met")))
        o.insert(QStringLiteral("threshold_met"), document.metadata.value(QStringLiteral("threshold_met")).toBool());
    if (!document.failureReason.isEmpty())
        o.insert(QStringLiteral("failure_reason"), document.failureReason);
    return o;
}

DocumentRunner::DocumentRunner(const Config &config)
    : m_config(config), m_engine(new EngineThread(config))
{
}

DocumentRunner::~DocumentRunner()
{
    delete m_engine;
}

QList<RunOutcome> DocumentRunner::run(const QList<DocumentRequest> &requests, const QString &batchId,
                                      QString *error)
{
    m_engine->start();
    QStringList ids;
    for (const DocumentRequest &r : requests)
        ids << m_engine->createDocument(r, batchId);
    return wait(ids, error, false);
}

QList<RunOutcome> DocumentRunner::resume(QString *error)
{
    m_engine->start();
    return wait({}, error, true);
}

QList<RunOutcome> DocumentRunner::wait(const QStringList &givenIds, QString *error, bool resumeFirst)
{
    QStringList ids = givenIds;
    QHash<QString, Tracked> docs;
    for (const QString &id : ids)
        docs[id].clock.start();
    QEventLoop loop;
    bool failed = false;
    bool resumed = !resumeFirst;
    bool cancelling = false;
    auto done = [&] {
        if (!resumed)
            return false;
        for (const QString &id : ids)
            if (!docs[id].outcome)
                return false;
        return true;
    };
    auto print = [&](const QString &id, Tracked &t, bool force) {
        if (!m_progress)
            return;
        const DocumentProgress &p = t.progress;
        const qint64 now = t.clock.elapsed();
        const bool changed = p.stage != t.shown.stage || p.status != t.shown.status || p.quality != t.shown.quality
                             || p.revisionRound != t.shown.round;
        // Token counts move with every streamed chunk: show them at most once a second.
        if (!force && !changed && (p.tokens == t.shown.tokens || now - t.shown.atMs < 1000))
            return;
        t.shown = {p.stage, p.status, p.quality, p.revisionRound, p.tokens, now};
        const QString who = ids.size() > 1 ? id.left(8) + QLatin1Char(' ') : QString();
        err() << QStringLiteral("[%1s] %2%3 %4/%5 steps · %6 tokens · %7%8 · quality %9%10\n")
                     .arg(now / 1000.0, 0, 'f', 1)
                     .arg(who, p.stage.isEmpty() || isTerminal(p.status) ? toString(p.status) : p.stage)
                     .arg(p.stepsDone)
                     .arg(p.stepsTotal)
                     .arg(p.tokens)
                     .arg(formatCost(p.costUsd), p.costIsLowerBound ? QStringLiteral("+") : QString())
                     .arg(percent(p.quality),
                          p.revisionRound > 0 ? tr(" · revision %1").arg(p.revisionRound) : QString());
        err().flush();
    };

    QObject context;
    QObject::connect(m_engine, &EngineThread::engineStarted, &context, [&](bool ok, const QString &message) {
        if (!ok) {
            failed = true;
            if (error)
                *error = message;
            loop.quit();
        }
    });
    QObject::connect(m_engine, &EngineThread::documentsResumed, &context, [&](const QStringList &resumedIds) {
        ids = resumedIds;
        for (const QString &id : ids)
            docs[id].clock.start();
        resumed = true;
        if (done())
            loop.quit();
    });
    QObject::connect(m_engine, &EngineThread::progressChanged, &context, [&](const DocumentProgress &p) {
        if (!docs.contains(p.documentId))
            return;
        Tracked &t = docs[p.documentId];
        t.progress = p;
        print(p.documentId, t, false);
    });
    QObject::connect(m_engine, &EngineThread::callRecorded, &context, [&](const CallRecordEvent &c) {
        if (docs.contains(c.documentId))
            ++docs[c.documentId].calls;
    });
    QObject::connect(m_engine, &EngineThread::errorOccurred, &context, [&](const QString &id, const QString &msg) {
        if (m_progress && (docs.contains(id) || id.isEmpty()))
            err() << (id.isEmpty() ? QString() : id.left(8) + QLatin1Char(' ')) << msg << '\n';
    });
    QObject::connect(m_engine, &EngineThread::documentFinished, &context, [&](const Document &d) {
        if (!docs.contains(d.id))
            return;
        Tracked &t = docs[d.id];
        RunOutcome o;
        o.document = d;
        o.costUsd = t.progress.costUsd;
        o.costIsLowerBound = t.progress.costIsLowerBound;
        o.latencyMs = t.clock.elapsed();
        o.calls = t.calls;
        t.outcome = o;
        if (m_progress) {
            err() << tr("%1: %2, quality %3, %4, %5 s\n")
                         .arg(d.id.left(8), documentStatusLabel(d.status), percent(d.qualityScore),
                              formatCost(o.costUsd))
                         .arg(o.latencyMs / 1000.0, 0, 'f', 1);
            err().flush();
        }
        if (done())
            loop.quit();
    });
    installInterruptHandler();
    QTimer sigint;
    QObject::connect(&sigint, &QTimer::timeout, &context, [&] {
        if (!interrupted() || cancelling)
            return;
        cancelling = true;
        std::signal(SIGINT, SIG_DFL); // a second Ctrl+C ends at once
        err() << tr("Cancelling… (the work done so far is kept)\n");
        err().flush();
        m_engine->cancelAll();
        if (!resumed) {
            resumed = true;
            if (done())
                loop.quit();
        }
    });
    sigint.start(100);
    if (resumeFirst)
        m_engine->resumeInterrupted();
    if (!done())
        loop.exec();
    sigint.stop();
    std::signal(SIGINT, SIG_DFL);
    if (failed)
        return {};
    QList<RunOutcome> outcomes;
    for (const QString &id : ids)
        outcomes << *docs[id].outcome;
    return outcomes;
}

QString slugFor(const QString &topic)
{
    QString slug = topic.toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^\\w]+")), QStringLiteral("-"));
    slug.replace(QLatin1Char('_'), QLatin1Char('-'));
    slug = slug.left(60);
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("document") : slug;
}

bool writeDocument(const Document &document, const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QString text = suffix == QLatin1String("html") || suffix == QLatin1String("htm") ? document.toHtml()
                                                                                          : document.toMarkdown();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0 || !f.commit()) {
        if (error)
            *error = tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace Madf::Cli
