#pragma once

#include "core/llm/llmtypes.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Madf {

class TokenCounter;

/** The built-in offline provider (`api: simulated`): what a request gets
 *  back, how long a model of that name would take, and which faults a test
 *  or demo asked for. Pure functions; SimulatedLlmCall plays them out.
 *
 *  The reply is deterministic (seeded by a hash of model, system prompt and
 *  messages) plausible filler, never a pretend answer:
 *  - a line `SIMULATED_JSON: <json>` in the system prompt or a message is
 *    answered with exactly that JSON (the agents tell the simulator the
 *    shape they expect this way);
 *  - "Respond with JSON" or "JSON object" gets a generic JSON object;
 *  - a prompt asking for sections or Markdown gets `## ` sections, named
 *    after the ones it lists when it lists them;
 *  - otherwise prose paragraphs.
 *  Length follows "about N words" (or "N-word", "N paragraphs"), else a
 *  default; max_tokens cuts it (finish reason "length").
 *
 *  Model names `sim-fault-<kind>` (a kind as toString(LlmErrorKind) names
 *  it, e.g. sim-fault-rate_limited) fail every attempt with that kind;
 *  `sim-fault-<kind>-<n>` fails the first n attempts only. */
class SimulatedProvider
{
public:
    /** Time to first token and generation speed of a model, at speed 1. */
    struct LatencyProfile
    {
        int timeToFirstTokenMs = 500;
        double tokensPerSecond = 50;
    };

    struct Reply
    {
        QString text;
        QString finishReason; ///< "stop" or "length"
        int promptTokens = 0;
        int completionTokens = 0;
    };

    struct Fault
    {
        LlmErrorKind kind = LlmErrorKind::None;
        int failingAttempts = -1; ///< -1: every attempt
        QString message;
    };

    static Reply reply(const LlmRequest &request, const TokenCounter &counter);
    static LatencyProfile profile(const QString &model);
    /** The fault a `sim-fault-…` model asks for; nullopt for any other model. */
    static std::optional<Fault> fault(const QString &model);
    /** The models the simulated provider lists (for discovery). */
    static QStringList models();

    /** The SIMULATED_JSON a prompt dictates, if any. */
    static std::optional<QString> dictatedJson(const LlmRequest &request);
    /** Words the prompt asks for: "about N words", "N-word", "N paragraphs"; 0 if unsaid. */
    static int requestedWords(const QString &prompt);
    /** Section names listed in the prompt (list items, or "sections A, B and C"). */
    static QStringList requestedSections(const QString &prompt);
};

} // namespace Madf
