#pragma once

#include "llmtypes.h"

#include <QObject>

namespace Madf {

/** One asynchronous model request. Emits `textReceived` as text streams in
 *  and `finished` exactly once. Created by LlmClient::start(); deletes
 *  itself after `finished` unless the owner keeps it (setAutoDelete). */
class LlmCall : public QObject
{
    Q_OBJECT
public:
    const LlmRequest &request() const { return m_request; }
    const LlmResult &result() const { return m_result; }
    bool isFinished() const { return m_finished; }
    void setAutoDelete(bool on) { m_autoDelete = on; }

    /** Aborts at once: no retry, no cost for what never arrived. */
    virtual void cancel() = 0;

Q_SIGNALS:
    void textReceived(const QString &delta);
    /** A retry was scheduled (for progress displays). */
    void retrying(int attempt, Madf::LlmErrorKind kind, qint64 delayMs);
    void finished(const Madf::LlmResult &result);

protected:
    explicit LlmCall(const LlmRequest &request, QObject *parent = nullptr)
        : QObject(parent), m_request(request) {}
    /** Emits finished once and schedules deletion when auto-delete is on. */
    void finish(const LlmResult &result);

    LlmRequest m_request;
    LlmResult m_result;
    bool m_finished = false;
    bool m_autoDelete = true;
};

} // namespace Madf
