#include "verificationstage.h"

#include "engineservices.h"

#include "core/agents/citations.h"
#include "core/quality/qualityassessor.h"

#include <QtMath>

namespace Madf {

namespace {

struct CheckName
{
    VerificationAgent::Check check;
    const char *name;
};

constexpr CheckName kChecks[] = {
    {VerificationAgent::Accuracy, "accuracy"},
    {VerificationAgent::Completeness, "completeness"},
    {VerificationAgent::Quality, "quality"},
};

int citableSources(const DocumentContext &ctx)
{
    int n = 0;
    for (const SourceDoc &s : ctx.sources)
        if (s.error.isEmpty() && !s.text.trimmed().isEmpty())
            ++n;
    return n;
}

bool citesAnything(const Document &doc)
{
    for (const DocumentSection &s : doc.sections)
        if (!Citations::cited(s.content).isEmpty())
            return true;
    return false;
}

// Revisions are rewrites: the agent that wrote the sections makes them.
QString writerOf(const Workflow &workflow)
{
    const WorkflowStage *write = workflow.stageOfKind(StageKind::Write);
    return write ? write->agent : defaultAgentFor(StageKind::Write);
}

} // namespace

VerificationStage::VerificationStage(DocumentRun *run, const WorkflowStage &stage)
    : StageRunner(run, stage)
    , m_agent(stage.agent, agentConfig(stage.agent), run->services()->prompts, isSimulated(stage.agent))
    , m_writerName(writerOf(run->workflow()))
    , m_writer(m_writerName, agentConfig(m_writerName), run->services()->prompts, isSimulated(m_writerName))
{
}

void VerificationStage::start()
{
    verify(0);
}

QString VerificationStage::stepPrefix(int round) const
{
    return round == 0 ? QStringLiteral("verify/") : QStringLiteral("revision/%1/verify/").arg(round);
}

void VerificationStage::verify(int round)
{
    m_run->setStatus(DocumentStatus::Verifying, m_stage.name);
    auto rubric = std::make_shared<ModelRubric>();
    auto countdown = Countdown::make(this, int(std::size(kChecks)), [this, round, rubric] { assess(round, *rubric); });
    for (const CheckName &c : kChecks) {
        const VerificationAgent::Check check = c.check;
        StepSpec spec = makeSpec(stepPrefix(round) + QLatin1String(c.name), QStringLiteral("verification"),
                                 m_stage.agent, &m_agent, m_agent.checkRequest(check, ctx()), 500);
        spec.accept = accepting([this, check, rubric](const LlmResult &r) { return m_agent.parseCheck(check, r, rubric.get()); },
                                [](bool) {});
        issue(spec, [countdown](const StepOutcome &) { countdown->tick(); });
    }
}

void VerificationStage::assess(int round, const ModelRubric &rubric)
{
    const Document doc = m_run->draftDocument();
    const int sources = citableSources(ctx());
    AssessOptions options = AssessOptions::forRequest(ctx().request, sources, config().quality.requireSources);
    const bool citationsRequired = m_run->workflow().requireCitations;
    options.requireCitations = options.requireCitations || citationsRequired;
    QualityReport report = QualityAssessor::assess(doc, ctx().request,
                                                   rubric.isEmpty() ? std::nullopt : std::optional<ModelRubric>(rubric),
                                                   options);
    report.round = round;

    // A paper that cites nothing fails verification whatever its score.
    QStringList extraNotes;
    bool citationsMissing = false;
    bool fixable = true;
    if (citationsRequired && !citesAnything(doc)) {
        citationsMissing = true;
        QualityFinding finding;
        finding.dimension = QualityDimension::Accuracy;
        finding.check = QStringLiteral("citations_required");
        finding.severity = Severity::Critical;
        if (sources > 0) {
            finding.message = tr("No section cites a source: this document type requires citations such as [1].");
            extraNotes << tr("Cite the numbered sources with [n] markers wherever a claim relies on them.");
        } else {
            finding.message = tr("This document type requires citations, but no reference could be read: "
                                 "add references to the request.");
            fixable = false;
        }
        report.findings.prepend(finding);
        m_run->setMetadata(QStringLiteral("citations"),
                           sources > 0 ? QStringLiteral("missing") : QStringLiteral("no_sources"));
    } else if (citationsRequired) {
        m_run->setMetadata(QStringLiteral("citations"), QStringLiteral("ok"));
    }

    m_run->recordRound(round, report);
    const bool passed = report.meets(config().orchestrator.qualityThreshold) && !citationsMissing;
    Version current{round, ctx().sections, ctx().executiveSummary, report};
    if (!m_best || report.overall > m_best->report.overall || passed)
        m_best = current;

    if (passed) {
        conclude(true);
        return;
    }
    // Revising cannot add references the request does not have.
    const bool worthRevising = fixable || !report.meets(config().orchestrator.qualityThreshold);
    if (round < config().orchestrator.retryAttempts && worthRevising) {
        revise(round + 1, report, extraNotes);
        return;
    }
    conclude(false);
}

QMap<int, QStringList> VerificationStage::revisionNotes(const DocumentContext &ctx, const QualityReport &report,
                                                        const QStringList &extraNotes)
{
    QMap<int, QStringList> own;
    QStringList general = extraNotes;
    for (const QualityFinding &f : report.findings) {
        if (f.severity < Severity::Minor || f.message.isEmpty())
            continue;
        int index = -1;
        if (!f.section.isEmpty()) {
            for (int i = 0; i < ctx.sections.size() && index < 0; ++i)
                if (ctx.sections.at(i).title.compare(f.section, Qt::CaseInsensitive) == 0)
                    index = i;
        }
        if (index >= 0)
            own[index] << f.message;
        else
            general << f.message;
    }
    if (general.isEmpty() && own.isEmpty())
        general << tr("Improve accuracy, clarity and coverage of the requirements: the quality score %1 is below "
                      "the threshold.").arg(report.overall, 0, 'f', 2);
    QMap<int, QStringList> notes;
    for (int i = 0; i < ctx.sections.size(); ++i) {
        if (ctx.sections.at(i).content.trimmed().isEmpty())
            continue;
        if (own.contains(i) || !general.isEmpty())
            notes.insert(i, own.value(i) + general);
    }
    return notes;
}

void VerificationStage::revise(int round, const QualityReport &report, const QStringList &extraNotes)
{
    m_run->setStatus(DocumentStatus::Revising, m_stage.name);
    ctx().revisionRound = round;
    const QMap<int, QStringList> notes = revisionNotes(ctx(), report, extraNotes);
    QStringList all;
    for (const QStringList &n : notes)
        for (const QString &line : n)
            if (!all.contains(line))
                all << line;
    ctx().revisionNotes = all;
    m_run->addPlannedSteps(int(notes.size()) + int(std::size(kChecks)));

    auto countdown = Countdown::make(this, int(notes.size()), [this, round] { verify(round); });
    for (auto it = notes.cbegin(); it != notes.cend(); ++it) {
        const int i = it.key();
        const qint64 expected = qint64(qCeil(Document::countWords(ctx().sections.at(i).content) * 1.35 * 1.2)) + 50;
        StepSpec spec = makeSpec(QStringLiteral("revision/%1/section/%2").arg(round).arg(i + 1),
                                 QStringLiteral("revision"), m_writerName, &m_writer,
                                 m_writer.reviseRequest(ctx(), i, it.value()), expected);
        spec.accept = accepting([this, i](const LlmResult &r) { return m_writer.parseRevision(ctx(), i, r); },
                                [this, i](DocumentSection s) {
                                    ctx().sections[i] = s;
                                    m_run->sectionChanged(i);
                                });
        issue(spec, [countdown](const StepOutcome &) { countdown->tick(); });
    }
}

void VerificationStage::conclude(bool thresholdMet)
{
    const Version &best = *m_best;
    if (ctx().sections != best.sections || ctx().executiveSummary != best.executiveSummary) {
        ctx().sections = best.sections;
        ctx().executiveSummary = best.executiveSummary;
        for (int i = 0; i < ctx().sections.size(); ++i)
            m_run->sectionChanged(i);
    }
    m_run->setMetadata(QStringLiteral("threshold_met"), thresholdMet);
    m_run->setMetadata(QStringLiteral("quality_threshold"), config().orchestrator.qualityThreshold);
    m_run->setMetadata(QStringLiteral("best_round"), best.round);
    m_run->setQuality(best.report);
    finish();
}

} // namespace Madf
