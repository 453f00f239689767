#pragma once

#include "core/config/agentconfig.h"
#include "core/llm/llmtypes.h"

#include <QVariantMap>

namespace Madf {

class PromptLibrary;

/** What the four agents share: their configuration and how they turn a prompt
 *  template into an LlmRequest with the agent's model, temperature, token
 *  limit, timeout and retries. Agents are stateless request builders and reply
 *  parsers; the orchestrator runs the calls. */
class Agent
{
public:
    /** `simulated`: the agent's provider is the built-in simulator; requests
     *  then carry a `SIMULATED_JSON:` line telling it what shape to return
     *  (never sent to a real model). */
    Agent(QString name, AgentConfig config, const PromptLibrary *prompts, bool simulated);
    virtual ~Agent() = default;

    const QString &name() const { return m_name; }
    const AgentConfig &config() const { return m_config; }
    bool isSimulated() const { return m_simulated; }

    /** One retry of a reply that could not be parsed: shows the model its
     *  reply and the error, asks for valid JSON only (the repair-json
     *  prompt, with the original system prompt as the shape to follow). The
     *  model, limits and the simulator marker of `original` are kept. */
    LlmRequest repairRequest(const LlmRequest &original, const QString &badReply, const QString &error) const;

    /** Prompts whose reply is JSON: research-plan, outline, edit-structure,
     *  verify-* and repair-json. Their requests do not stream (a partial
     *  JSON object is of no use to anyone); every prose prompt streams so
     *  the text can be shown as it comes. */
    static bool isJsonPrompt(const QString &prompt);

protected:
    /** Renders `<prompt>` (system and user parts) with `vars` into a request
     *  with the agent's provider, model, temperature, max_tokens, timeout
     *  (ms) and max_retries; `stream` per isJsonPrompt(); tag
     *  "<document_id>/<agent>/<prompt>". `simulatedJson`, when given and the
     *  provider is simulated, is added as the `SIMULATED_JSON: ...` marker
     *  line. `maxTokens` 0 = the agent's. `fitVariable` names the one bulky
     *  variable (a draft, passages) that is shortened on paragraph
     *  boundaries so the input stays within the model's context window less
     *  the reply's reserve; max_tokens is lowered to what the window leaves. */
    LlmRequest makeRequest(const QString &prompt, const QVariantMap &vars, const QString &simulatedJson = {},
                           int maxTokens = 0, const QString &fitVariable = {}) const;

    /** Tokens the input of one request may use with `maxTokens` for the reply. */
    int inputTokenBudget(int maxTokens = 0) const;

    QString m_name;
    AgentConfig m_config;
    const PromptLibrary *m_prompts;
    bool m_simulated;

private:
    LlmRequest baseRequest(int maxTokens) const;
    /** `inputTokens`: the request's system and user text, when already counted (-1: count them). */
    void capReply(LlmRequest *request, int inputTokens = -1) const;
};

} // namespace Madf
