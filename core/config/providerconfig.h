#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace Madf {

/** A named model endpoint agents refer to: how to talk to it (api style),
 *  where (one or more replica base URLs), which environment variable holds
 *  its key, and how hard it may be driven. */
struct ProviderConfig
{
    QString name;
    QString api = QStringLiteral("openai");   ///< openai | anthropic | simulated
    QStringList baseUrls;
    QString apiKeyEnv;                        ///< e.g. OPENAI_API_KEY; the key itself never lives in YAML
    QMap<QString, QString> headers;           ///< extra request headers
    bool local = false;                       ///< local server: priced at 0 unless `pricing` says otherwise
    int connectTimeout = 5;                   ///< seconds
    int inactivityTimeout = 60;               ///< seconds without a byte before a call fails
    int maxInFlight = 16;                     ///< concurrent requests per base URL
    int requestsPerMinute = 0;                ///< 0 = no limit of our own
    int tokensPerMinute = 0;                  ///< 0 = no limit of our own
    int circuitFailures = 5;                  ///< consecutive failures before a replica is taken out
    int circuitCooldown = 30;                 ///< seconds before a taken-out replica is probed again
    double speed = 1.0;                       ///< simulated only: latency scale, 0 = instant
};

} // namespace Madf
