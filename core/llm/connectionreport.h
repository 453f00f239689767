#pragma once

#include "core/llm/llmtypes.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Madf {

/** What "Test connection" found out about a provider: is it there, does it
 *  take the key, how fast does it answer, which models does it offer. Never
 *  holds the key. */
struct ConnectionReport
{
    QString provider;
    QString baseUrl;                 ///< the replica that answered (or the last one tried)
    bool reachable = false;          ///< an HTTP answer came back
    bool keyAccepted = false;        ///< false on 401/403
    qint64 latencyMs = -1;           ///< request to complete answer; -1 when unreachable
    QStringList models;
    QString error;                   ///< empty when all went well
    LlmErrorKind errorKind = LlmErrorKind::None;

    bool ok() const { return reachable && keyAccepted && error.isEmpty(); }
};

} // namespace Madf

Q_DECLARE_METATYPE(Madf::ConnectionReport)
