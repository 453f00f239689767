#include "core/llm/llmcall.h"

#include "core/loop/deferredcalls.h"

#include <QPointer>

namespace Madf {

void LlmCall::finish(const LlmResult &result)
{
    // A late network callback after cancel() (or the reverse) must not report twice.
    if (m_finished)
        return;
    m_finished = true;
    m_result = result;
    // A slot may delete the call outright, or turn auto-delete off to keep it.
    const QPointer<LlmCall> self(this);
    Q_EMIT finished(m_result);
    if (self && m_autoDelete)
        DeferredCalls::deleteLater(this);
}

} // namespace Madf
