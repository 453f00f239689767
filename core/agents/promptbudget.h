#pragma once

#include "core/agents/documentcontext.h"

#include <QString>

namespace Madf {

// Keeping every prompt within its model's context window: how large the
// window is, how much of it the input may use once the reply is reserved,
// and how to shorten a text to a token budget without cutting mid-thought.

/** Tokens of `text` for `model`: TokenCounter's calibrated estimate. */
int estimateTokens(const QString &text, const QString &model);

/** The model's context window in tokens: gpt-4 8192, gpt-4-32k 32768,
 *  gpt-4-turbo / gpt-4o / gpt-4.1 128k, gpt-3.5-turbo 16k, claude-* 200k;
 *  any other model 8192 (the safe guess). */
int modelContextWindow(const QString &model);

/** Tokens of the reply kept free in the window: `maxTokens`, but never more
 *  than half the window (gpt-4 with max_tokens 8000 would leave no room for
 *  the input otherwise). */
int replyReserve(const QString &model, int maxTokens);

/** Tokens of a `window` kept free for the estimate's error and the chat
 *  framing: 5 % plus 32. */
int replyMargin(int window);

/** Tokens the whole input (system + user) may use: the window less the
 *  reply reserve and a safety margin for the estimate's error. */
int inputBudget(const QString &model, int maxTokens);

/** `text` if it fits in `maxTokens`; otherwise its leading paragraphs that
 *  fit (the first paragraph cut at a sentence, then a word, boundary when
 *  even it is too long), followed by a "[…]" line so the model knows text
 *  was left out. Empty for a budget under 1. */
QString fitToTokens(const QString &text, int maxTokens, const QString &model);

/** The paragraphs (and list items) of the research `brief` most relevant to
 *  `section` (BM25 against its title, plan and key points; only those
 *  scoring at least 30 % of the best) that fit in `maxTokens`, in their
 *  original order. When no paragraph shares a term
 *  with the section, the brief's opening paragraphs are used. Headings are
 *  left out. Never longer than the budget. */
QString compactForSection(const QString &brief, const OutlineSection &section, int maxTokens,
                          const QString &model = {});

} // namespace Madf
