#pragma once

#include "mockrequestcontext.h"
#include "responseplan.h"

namespace Madf::Test {

/** The Anthropic Messages endpoint of the mock server (`POST /v1/messages`),
 *  plain and streamed with named events. */
class AnthropicHandler
{
public:
    static ResponsePlan messages(const MockRequestContext &context);
};

} // namespace Madf::Test
