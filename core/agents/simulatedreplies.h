#pragma once

#include "core/agents/documentcontext.h"

#include <QJsonObject>
#include <QString>

namespace Madf {

/** What the built-in simulated provider answers to the structured (JSON)
 *  prompts, passed to it in the `SIMULATED_JSON:` marker. Replies are built
 *  from the document in progress, deterministically: the same context always
 *  gives the same reply, different documents different ones. Verification
 *  scores come from the local quality measures of the current draft plus a
 *  hash-based jitter of ±0.05 and a small gain per revision round, so some
 *  documents fall under the threshold, go through revision and improve —
 *  as with a real model, but reproducibly and offline. */
namespace SimulatedReplies {

/** {"questions": [4 questions from the topic, audience and requirements]} */
QJsonObject researchPlan(const DocumentContext &ctx);

/** {"title", "sections": [...]}: the user's outline when given, otherwise the
 *  type's usual sections (executive summary, introduction, ..., conclusion)
 *  with one body section per requirement; about one section per 250 words
 *  (3–12); target_words add up to the target length. */
QJsonObject outline(const DocumentContext &ctx);

/** {"notes": [...]}: sections far from their word target, papers' sections
 *  without citations. */
QJsonObject editStructure(const DocumentContext &ctx);

/** {"claims": [...], "accuracy"} */
QJsonObject accuracy(const DocumentContext &ctx);
/** {"completeness", "missing": [requirements the draft does not cover]} */
QJsonObject completeness(const DocumentContext &ctx);
/** {"coherence", "clarity", "issues"} */
QJsonObject quality(const DocumentContext &ctx);

/** @p reply as the one line of JSON the marker carries. Part of the
 *  simulator's work (a real model needs no marker), so counted as such. */
QString text(const QJsonObject &reply);

/** A stable value in [-0.05, 0.05] for `key` (FNV-1a; same on every run). */
double jitter(const QString &key);

} // namespace SimulatedReplies

} // namespace Madf
