#pragma once

#include "mockresponses.h"

#include <optional>

namespace Madf::Test {

struct HttpRequest;
class MockServerState;

/** Fault injection of the mock LLM server. A request asks for a fault with the
 *  header `x-mock-fault: <fault>` or the model name `mock-fault-<fault>`;
 *  `x-mock-fault-count: N` limits it to the first N requests with the same
 *  fault (and `x-mock-fault-key`), so that a retry can succeed.
 *
 *  Error faults: 400 401 403 404 408 409 413 422 429 quota 500 502 503 529
 *  should-retry-false should-retry-true. Behaviour faults: stall, cut,
 *  malformed, midstream-error, slow-headers, drop. */
class MockFaults
{
public:
    /** The fault to inject into this request, or empty (none asked, or its count is used up). */
    static QByteArray select(const HttpRequest &request, const QJsonObject &body, MockServerState &state);

    static bool isKnown(const QByteArray &fault);
    /** Faults that change how a stream unfolds, applied by the API handlers. */
    static bool isStreamFault(const QByteArray &fault);

    /** The error reply for an error fault (or an unknown one); nullopt for a behaviour fault. */
    static std::optional<ResponsePlan> errorPlan(const QByteArray &fault, ApiFormat format, bool streamed,
                                                 const HttpRequest &request, const MockLlmConfig &config);

    /** Applies slow-headers and drop to any reply, and stall, cut and malformed
     *  to a reply that is not streamed. */
    static void applyToPlan(const QByteArray &fault, ResponsePlan &plan, const HttpRequest &request,
                            const MockLlmConfig &config);
};

} // namespace Madf::Test
