#pragma once

// Shared by the tst_orchestrator*.cpp integration tests: a configuration on
// the simulated provider, a request, and a recorder of the engine's signals.

#include "core/config/config.h"
#include "core/model/document.h"
#include "core/model/documentrequest.h"
#include "core/orchestration/documentorchestrator.h"
#include "core/quality/qualityreport.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTest>

namespace OrchTest {

using namespace Madf;

/** Every agent on the simulated provider at `speed` (0 = instant), state in `stateDir`. */
inline Config simulatedConfig(const QString &stateDir, double speed = 0)
{
    Config c = Config::defaults();
    c.storage.statePath = stateDir;
    c.providers[QStringLiteral("simulated")].speed = speed;
    for (AgentConfig &a : c.agents)
        a.modelConfig.provider = QStringLiteral("simulated");
    c.orchestrator.timeout = 120;
    c.orchestrator.qualityThreshold = 0.0;  // one verification round unless a test wants more
    return c;
}

inline DocumentRequest request(const QString &topic = QStringLiteral("The history of the printing press"),
                               const QString &type = QStringLiteral("article"), int words = 600)
{
    DocumentRequest r;
    r.topic = topic;
    r.documentType = type;
    r.targetLength = words;
    r.requirements = {QStringLiteral("Explain the role of Gutenberg")};
    return r;
}

/** Collects what an orchestrator reports. */
class Recorder : public QObject
{
public:
    explicit Recorder(DocumentOrchestrator *o)
    {
        connect(o, &DocumentOrchestrator::documentFinished, this,
                [this](const Document &d) { finished.insert(d.id, d); });
        connect(o, &DocumentOrchestrator::callRecorded, this, [this](const CallRecordEvent &c) { calls << c; });
        connect(o, &DocumentOrchestrator::taskCompleted, this,
                [this](const QString &doc, const QString &key, const QString &) { completed[doc] << key; });
        connect(o, &DocumentOrchestrator::stageCompleted, this,
                [this](const QString &doc, const QString &stage) { stages[doc] << stage; });
        connect(o, &DocumentOrchestrator::qualityReported, this,
                [this](const QString &doc, const QualityReport &r) { reports[doc] << r; });
        connect(o, &DocumentOrchestrator::textStreamed, this,
                [this](const QString &doc, const QString &, const QString &delta) { streamed[doc] += delta.size(); });
        connect(o, &DocumentOrchestrator::progressChanged, this,
                [this](const DocumentProgress &p) { statuses[p.documentId] << p.status; });
    }

    bool waitFinished(const QString &id, int timeoutMs = 60000)
    {
        return QTest::qWaitFor([&] { return finished.contains(id); }, timeoutMs);
    }

    QList<CallRecordEvent> callsOf(const QString &doc) const
    {
        QList<CallRecordEvent> out;
        for (const CallRecordEvent &c : calls)
            if (c.documentId == doc)
                out << c;
        return out;
    }

    QHash<QString, Document> finished;
    QList<CallRecordEvent> calls;
    QHash<QString, QStringList> completed;
    QHash<QString, QStringList> stages;
    QHash<QString, QList<QualityReport>> reports;
    QHash<QString, qsizetype> streamed;
    QHash<QString, QList<DocumentStatus>> statuses;
};

} // namespace OrchTest
