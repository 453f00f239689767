#include "documentrun.h"

// DocumentRun's bookkeeping: what it saves, reports and shows while it runs.

#include "engineservices.h"
#include "runestimator.h"

#include "core/agents/documentassembler.h"
#include "core/config/configwriter.h"
#include "core/log/log.h"
#include "core/metrics/costtracker.h"
#include "core/storage/documentstore.h"

#include <QJsonObject>

namespace Madf {

void DocumentRun::sectionChanged(int index)
{
    if (index >= 0 && index < m_ctx.sections.size())
        Q_EMIT sectionUpdated(id(), index, m_ctx.sections.at(index));
}

void DocumentRun::outlineReady()
{
    emitProgress();
}

void DocumentRun::addPlannedSteps(int steps)
{
    m_extraSteps += steps;
    emitProgress();
}

int DocumentRun::plannedSteps() const
{
    const int sections = m_ctx.sections.isEmpty() ? RunEstimator::expectedSections(m_ctx.request)
                                                  : int(m_ctx.sections.size());
    int total = 0;
    for (const PlannedPhase &p : RunEstimator::plan(m_ctx.request, m_config, m_workflow, sections))
        total += p.calls;
    return total + m_extraSteps;
}

void DocumentRun::recordRound(int round, const QualityReport &report)
{
    const QJsonObject json = report.toJson();
    if (m_services->store && m_services->store->isOpen()) {
        m_services->store->saveQualityReport(id(), round, json);
        m_services->store->saveRevision(id(), round, draftDocument(), json, report.overall);
    }
    QVariantList rounds = m_doc.metadata.value(QStringLiteral("rounds")).toList();
    rounds << QVariantMap{{QStringLiteral("round"), round}, {QStringLiteral("score"), report.overall}};
    m_doc.metadata.insert(QStringLiteral("rounds"), rounds);
    m_quality = report.overall;
    Q_EMIT qualityReported(id(), report);
    emitProgress();
}

void DocumentRun::setMetadata(const QString &key, const QVariant &value)
{
    m_doc.metadata.insert(key, value);
}

void DocumentRun::addNote(const QString &note)
{
    QStringList notes = m_doc.metadata.value(QStringLiteral("notes")).toStringList();
    if (!notes.contains(note))
        notes << note;
    m_doc.metadata.insert(QStringLiteral("notes"), notes);
}

void DocumentRun::setQuality(const QualityReport &report)
{
    m_quality = report.overall;
    m_doc.qualityScore = report.overall;
    m_doc.metadata.insert(QStringLiteral("quality"),
                          QVariantMap{{QStringLiteral("overall"), report.overall},
                                      {QStringLiteral("verdict"), report.verdict()},
                                      {QStringLiteral("action"), report.action()},
                                      {QStringLiteral("round"), report.round}});
}

Document DocumentRun::draftDocument() const
{
    Document doc = m_doc;
    DocumentAssembler::assembleInto(m_ctx, &doc);
    return doc;
}

void DocumentRun::refresh()
{
    DocumentAssembler::assembleInto(m_ctx, &m_doc);
    m_doc.touch();
}

void DocumentRun::save()
{
    refresh();
    if (!m_services->store || !m_services->store->isOpen())
        return;
    DocumentRow row;
    row.costUsd = m_services->costs->forDocument(id()).usd;
    row.latencyMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    row.batchId = m_batchId;
    if (!m_configSaved) {
        // Written without secrets; resume reads it back.
        row.configJson = QString::fromUtf8(ConfigWriter::toYaml(m_config));
        m_configSaved = true;
    }
    QString error;
    if (!m_services->store->saveDocument(m_doc, row, &error))
        Log::warning(QStringLiteral("document %1 could not be saved: %2").arg(id(), error));
}

void DocumentRun::emitProgress()
{
    const CostTotals cost = m_services->costs->forDocument(id());
    DocumentProgress p;
    p.documentId = id();
    p.status = m_doc.status;
    p.stage = m_stage;
    p.stepsDone = m_stepsDone;
    p.stepsTotal = qMax(m_stepsDone, plannedSteps());
    p.tokens = cost.tokensIn + cost.tokensOut;
    p.costUsd = cost.usd;
    p.costIsLowerBound = cost.totalIsLowerBound();
    p.quality = m_quality;
    p.revisionRound = m_ctx.revisionRound;
    Q_EMIT progressChanged(p);
}

} // namespace Madf
