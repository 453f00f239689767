#pragma once

#include "mockrequestcontext.h"
#include "responseplan.h"

namespace Madf::Test {

/** The OpenAI-compatible endpoints of the mock server: Chat Completions
 *  (plain and streamed), the model list, Ollama's /api/tags and /health. */
class OpenAiHandler
{
public:
    static ResponsePlan chatCompletions(const MockRequestContext &context);
    static ResponsePlan models(const MockRequestContext &context);
    static ResponsePlan ollamaTags(const MockRequestContext &context);
    static ResponsePlan health(const MockRequestContext &context);

    /** 401 when the server requires a key and `Authorization: Bearer <key>` does not carry it. */
    static std::optional<ResponsePlan> checkAuthorization(const MockRequestContext &context);
};

} // namespace Madf::Test
