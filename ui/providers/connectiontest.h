#pragma once

#include "core/config/config.h"
#include "core/llm/connectionreport.h"

#include <QObject>
#include <QPointer>

namespace Madf {
class LlmClient;
}

namespace Madf::Ui {

/** One "Test connection" of the Providers dialog: the same check as
 *  `madf providers test` (LlmClient::testConnection, i.e. ProviderProbe)
 *  on the settings as edited, not yet saved. Asynchronous; cancel() drops
 *  the request at once. */
class ConnectionTest : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionTest(QObject *parent = nullptr);
    ~ConnectionTest() override;

    /** Tests @p provider of @p config (its key in Config::providerKeys, or
     *  its environment variable); a test still running is cancelled. */
    void start(const Config &config, const QString &provider);
    void cancel();
    bool isRunning() const { return m_client != nullptr; }

    /** One paragraph for the user: reachable, key accepted, latency, how
     *  many models; or the specific error. Plain text. */
    static QString summary(const ConnectionReport &report);

Q_SIGNALS:
    void finished(const Madf::ConnectionReport &report);

private:
    LlmClient *m_client = nullptr;
    quint64 m_run = 0;
};

} // namespace Madf::Ui
