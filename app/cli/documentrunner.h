#pragma once

#include "core/config/config.h"
#include "core/model/document.h"
#include "core/model/documentrequest.h"
#include "core/orchestration/engineevents.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Madf {
class EngineThread;
}

namespace Madf::Cli {

/** One document the CLI ran, as the summaries print it. */
struct RunOutcome
{
    Document document;
    double costUsd = 0;
    bool costIsLowerBound = false;   ///< some call's price was unknown
    qint64 latencyMs = 0;            ///< from the request to documentFinished
    int calls = 0;

    /** 0 COMPLETE, 1 FAILED, 3 CANCELLED or stopped by the budget/timeout. */
    int exitCode() const;
    QJsonObject toJson() const;
};

/** Runs documents through an EngineThread from the CLI: starts the engine,
 *  waits (in this thread's event loop) until every document has finished,
 *  shows progress on stderr at most a few lines a second, and cancels
 *  everything on Ctrl+C so the work so far is kept. */
class DocumentRunner
{
    Q_DECLARE_TR_FUNCTIONS(Madf::Cli)
public:
    explicit DocumentRunner(const Config &config);
    ~DocumentRunner();

    /** Print one progress line per change (default on). */
    void setProgress(bool on) { m_progress = on; }

    /** Runs @p requests at once (with @p batchId) and returns their
     *  outcomes, in request order. Empty with *error set when the engine
     *  could not start. */
    QList<RunOutcome> run(const QList<DocumentRequest> &requests, const QString &batchId, QString *error);
    /** `madf resume`: the interrupted documents, run to their end. */
    QList<RunOutcome> resume(QString *error);

private:
    QList<RunOutcome> wait(const QStringList &ids, QString *error, bool resumeFirst);

    Config m_config;
    EngineThread *m_engine;
    bool m_progress = true;
};

/** A file name made from @p topic: lower case, letters/digits and '-'. */
QString slugFor(const QString &topic);

/** Writes @p document as HTML when @p path ends in .html/.htm, else Markdown. */
bool writeDocument(const Document &document, const QString &path, QString *error);

} // namespace Madf::Cli
