#include "editingstage.h"

#include "engineservices.h"

#include <QtMath>

namespace Madf {

EditingStage::EditingStage(DocumentRun *run, const WorkflowStage &stage)
    : StageRunner(run, stage)
    , m_agent(stage.agent, agentConfig(stage.agent), run->services()->prompts, isSimulated(stage.agent))
{
}

void EditingStage::start()
{
    m_run->setStatus(DocumentStatus::Editing, m_stage.name);
    auto notes = std::make_shared<QStringList>();
    StepSpec spec = makeSpec(QStringLiteral("edit/structure"), QStringLiteral("editing"), m_stage.agent, &m_agent,
                             m_agent.structureRequest(ctx()), 80 * qMax(1, int(ctx().sections.size())));
    spec.accept = accepting([this](const LlmResult &r) { return m_agent.parseStructure(ctx(), r); },
                            [notes](QStringList n) { *notes = n; });
    issue(spec, [this, notes](const StepOutcome &) {
        QList<int> sections;
        for (int i = 0; i < ctx().sections.size(); ++i)
            if (!ctx().sections.at(i).content.trimmed().isEmpty())
                sections << i;
        auto countdown = Countdown::make(this, int(sections.size()), [this] { finish(); });
        for (int i : std::as_const(sections)) {
            editSection(i, EditingAgent::Style, notes->value(i), [this, i, countdown] {
                editSection(i, EditingAgent::Polish, {}, [countdown] { countdown->tick(); });
            });
        }
    });
}

void EditingStage::editSection(int index, EditingAgent::Pass pass, const QString &notes, std::function<void()> then)
{
    const QString passName = pass == EditingAgent::Polish ? QStringLiteral("polish") : QStringLiteral("style");
    const qint64 expected = qint64(qCeil(Document::countWords(ctx().sections.at(index).content) * 1.35 * 1.1)) + 50;
    StepSpec spec = makeSpec(QStringLiteral("edit/%1/section/%2").arg(passName).arg(index + 1),
                             QStringLiteral("editing"), m_stage.agent, &m_agent,
                             m_agent.editRequest(pass, ctx(), index, notes), expected);
    spec.accept = [this, index, passName](const LlmResult &reply) {
        ParseOutcome<DocumentSection> edited = m_agent.parseEdit(ctx(), index, reply);
        if (edited.ok()) {
            ctx().sections[index] = *edited.value;
            m_run->sectionChanged(index);
            return StepParse{true, {}, false};
        }
        if (edited.repairable)
            return StepParse{false, edited.error, true};
        // A refused edit is not a failed stage: the section keeps its text.
        m_run->addNote(tr("The %1 edit of section %2 was not applied: %3").arg(passName).arg(index + 1).arg(edited.error));
        return StepParse{true, {}, false};
    };
    issue(spec, [then](const StepOutcome &) { then(); });
}

} // namespace Madf
