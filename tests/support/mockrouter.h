#pragma once

#include "responseplan.h"

#include <QJsonObject>

namespace Madf::Test {

struct HttpRequest;
class MockServerState;

/** Maps a request to the reply of the endpoint it names, then adds what every
 *  reply carries: request id, rate-limit headers and the generic faults. */
class MockRouter
{
public:
    static ResponsePlan route(const HttpRequest &request, const QJsonObject &json, bool jsonValid, qint64 serial,
                              MockServerState &state);
};

} // namespace Madf::Test
