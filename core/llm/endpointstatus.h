#pragma once

#include "core/llm/circuitbreaker.h"
#include "core/llm/llmtypes.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace Madf {

/** What one replica (base URL) of a provider is doing, for the dashboard and
 *  `madf status`: load, limits, health and the provider's rate budget. */
struct EndpointStatus
{
    QString baseUrl;
    int inFlight = 0;
    int queued = 0;               ///< calls of the provider waiting for a slot on any of its replicas
    int effectiveLimit = 0;       ///< in-flight limit now (adaptive: halved on 429/overload)
    int maxInFlight = 0;          ///< configured max_in_flight
    CircuitState circuitState = CircuitState::Closed;
    int consecutiveFailures = 0;
    std::optional<qint64> remainingRequests; ///< as the provider's headers last said
    std::optional<qint64> remainingTokens;
    qint64 rateLimitWaitMs = 0;   ///< how long a new request would wait for the rate budget
    int networkManagers = 0;      ///< QNetworkAccessManagers in use (https: 6 connections each)
    int connections = 0;          ///< our own keep-alive connections open (plain http)
    LlmErrorKind lastErrorKind = LlmErrorKind::None; ///< of the last failure that counted against it
};

} // namespace Madf

Q_DECLARE_METATYPE(Madf::EndpointStatus)
