#pragma once

#include "stagerunner.h"

#include "core/agents/editingagent.h"

namespace Madf {

/** Editing: a structure pass over the whole document (step
 *  "edit/structure"), then for every section, in parallel, a style pass that
 *  applies the structure notes ("edit/style/section/<n>") followed by a
 *  polish pass ("edit/polish/section/<n>"). An edit the agent refuses (one
 *  that would lose half the section) leaves the section as it was, with a
 *  note in the document's metadata. */
class EditingStage : public StageRunner
{
    Q_OBJECT
public:
    EditingStage(DocumentRun *run, const WorkflowStage &stage);
    void start() override;

private:
    void editSection(int index, EditingAgent::Pass pass, const QString &notes, std::function<void()> then);

    EditingAgent m_agent;
};

} // namespace Madf
