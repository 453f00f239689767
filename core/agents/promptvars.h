#pragma once

#include "core/agents/documentcontext.h"

#include <QString>
#include <QVariantMap>

namespace Madf {

/** How a document in progress is written into prompt variables: the same
 *  request fields, source list, outline and draft layout for every agent, so
 *  templates can rely on one vocabulary. */
namespace PromptVars {

/** document_id, topic, title, document_type, target_length, style,
 *  audience, requirements ("- " lines), sources (see sourceList()),
 *  is_<type> (true for the document's type: is_report, is_paper, ...). */
QVariantMap common(const DocumentContext &ctx);

/** "[n] Title (location)" per citable source (loaded without error). */
QString sourceList(const DocumentContext &ctx);

/** Numbered outline: "1. Title — plan" with key points below. */
QString outlineList(const DocumentContext &ctx, bool withPlans);

/** The current draft as Markdown: an executive summary when there is one,
 *  then "## n. Title" and the content of each section (numbered from 1). */
QString draft(const DocumentContext &ctx);

/** Words the section should have: the outline's target, else an even share. */
int sectionWords(const DocumentContext &ctx, int sectionIndex);

/** Words for the executive summary: the outline's "Executive Summary"
 *  target, else a tenth of the target length within 80–300. */
int executiveSummaryWords(const DocumentContext &ctx);

/** The document's title: the outline's, else the topic. */
QString title(const DocumentContext &ctx);

} // namespace PromptVars

} // namespace Madf
