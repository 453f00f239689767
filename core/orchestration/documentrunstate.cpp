#include "documentrun.h"

// DocumentRun's bookkeeping: what it saves, reports and shows while it runs.

#include "engineservices.h"
#include "runestimator.h"
#include "storewriter.h"

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
    if (sections != m_plannedFor) {
        int total = 0;
        for (const PlannedPhase &p : RunEstimator::plan(m_ctx.request, m_config, m_workflow, sections))
            total += p.calls;
        m_plannedFor = sections;
        m_plannedCalls = total;
    }
    return m_plannedCalls + m_extraSteps;
}

void DocumentRun::recordRound(int round, const QualityReport &report)
{
    if (StoreWriter *writer = m_services->storing()) {
        // Turned into JSON on the store's thread.
        writer->write("a revision round", id(),
                      [id = id(), round, report, draft = draftDocument()](DocumentStore &store, QString *error) {
                          return store.saveRound(id, round, draft, report.toJsonText(), report.overall, error);
                      });
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
    StoreWriter *writer = m_services->storing();
    // The first save creates the row the steps and calls refer to (foreign
    // keys): it goes into the batch before them.
    if (writer && m_written) {
        writer->saveBeforeHandOff(this, [this] { write(); });
        return;
    }
    write();
}

void DocumentRun::write()
{
    refresh();
    StoreWriter *writer = m_services->storing();
    if (!writer)
        return;
    DocumentRow row;
    row.costUsd = m_spentBefore.costUsd + m_services->costs->forDocument(id()).usd;
    row.latencyMs = m_earlierMs + (m_clock.isValid() ? m_clock.elapsed() : 0);
    row.batchId = m_batchId;
    // Most saves only move the status on (a stage started or ended):
    // serialising the whole document again each time was most of what
    // saving cost.
    if (m_written && sameContent(*m_written, m_doc)) {
        writer->write("the status", id(),
                      [id = id(), status = m_doc.status, updatedAt = m_doc.updatedAt, row](DocumentStore &store,
                                                                                            QString *error) {
                          return store.saveDocumentState(id, status, updatedAt, row, error);
                      },
                      StoreThread::Entry::Replaceable);
        return;
    }
    if (!m_configSaved) {
        // Written without secrets; resume reads it back.
        row.configJson = m_configText.isEmpty() ? QString::fromUtf8(ConfigWriter::toYaml(m_config)) : m_configText;
        m_configSaved = true;
    }
    // Turned into JSON on the store's thread. A later whole save in the
    // same transaction makes this one pointless, unless it is the first:
    // that one creates the row the steps refer to, and holds the config.
    writer->write(
        "the document", id(),
        [doc = m_doc, row](DocumentStore &store, QString *error) { return store.saveDocument(doc, row, error); },
        StoreThread::Entry::Replaces | (m_written ? StoreThread::Entry::Replaceable : 0));
    m_written = m_doc;
}

bool DocumentRun::sameContent(const Document &a, const Document &b)
{
    return a.title == b.title && a.sections == b.sections && a.qualityScore == b.qualityScore
        && a.wordCount == b.wordCount && a.metadata == b.metadata && a.failureReason == b.failureReason
        && a.createdAt == b.createdAt && a.request == b.request;
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
    p.tokens = m_spentBefore.promptTokens + m_spentBefore.completionTokens + cost.tokensIn + cost.tokensOut;
    p.costUsd = m_spentBefore.costUsd + cost.usd;
    p.costIsLowerBound = cost.totalIsLowerBound() || m_spentBefore.unknownCostCalls > 0;
    p.quality = m_quality;
    p.revisionRound = m_ctx.revisionRound;
    Q_EMIT progressChanged(p);
}

} // namespace Madf
