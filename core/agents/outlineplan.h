#pragma once

#include "core/agents/documentcontext.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Madf {

/** The shape rules of an outline: which sections a document type needs,
 *  reading an outline the user wrote, and word targets that add up to the
 *  document's target length. */
namespace OutlinePlan {

/** The sections a document type needs, in order: a report starts with an
 *  "Executive Summary", a paper with an "Abstract"; every type opens with an
 *  introduction (documentation: an overview) and ends with a conclusion
 *  (report: recommendations too). Unknown types are articles. */
QStringList requiredSections(const QString &documentType);

/** True for "Executive Summary" (any case, with or without numbering). */
bool isExecutiveSummary(const QString &title);

/** Sections of a user-written outline: one per top-level line (Markdown
 *  headings, "-"/"*" bullets or "1." numbering, markers removed); deeper or
 *  indented lines become key points of the section above. A lone top heading
 *  above deeper ones is the title (returned in `title`). */
QList<OutlineSection> parseUserOutline(const QString &text, QString *title = nullptr);

/** Scales the sections' targetWords (a missing or non-positive one counts as
 *  the average of the others) to integers that add up to exactly `total`,
 *  each at least 1. */
void balanceTargets(QList<OutlineSection> *sections, int total);

/** A short section title for a requirement: "Cover the history of X" ->
 *  "History of X" (leading instruction verbs dropped, first letter
 *  capitalised, at most eight words). */
QString titleForRequirement(const QString &requirement);

} // namespace OutlinePlan

} // namespace Madf
