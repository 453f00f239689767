#include "connectiontest.h"

#include "core/llm/llmclient.h"

namespace Madf::Ui {

ConnectionTest::ConnectionTest(QObject *parent)
    : QObject(parent)
{
}

ConnectionTest::~ConnectionTest()
{
    cancel();
}

void ConnectionTest::start(const Config &config, const QString &provider)
{
    cancel();
    const quint64 run = ++m_run;
    // A client of its own: the settings under test are not saved yet, and
    // deleting it drops the request (cancel).
    m_client = new LlmClient(config, this);
    m_client->testConnection(provider, this, [this, run](const ConnectionReport &report) {
        if (run != m_run)
            return;
        m_client->deleteLater();
        m_client = nullptr;
        Q_EMIT finished(report);
    });
}

void ConnectionTest::cancel()
{
    ++m_run;
    delete m_client;
    m_client = nullptr;
}

QString ConnectionTest::summary(const ConnectionReport &report)
{
    const QString where = report.baseUrl.isEmpty() ? report.provider : report.baseUrl;
    if (report.ok()) {
        return tr("Connected to %1: key accepted, answered in %2 ms, %n model(s) offered.", nullptr,
                  int(report.models.size()))
            .arg(where)
            .arg(report.latencyMs);
    }
    if (!report.reachable)
        return report.error.isEmpty() ? tr("Not reachable: %1").arg(where) : tr("Not reachable. %1").arg(report.error);
    const QString answered = report.latencyMs >= 0 ? tr("%1 answered in %2 ms").arg(where).arg(report.latencyMs)
                                                   : tr("%1 answered").arg(where);
    if (report.errorKind == LlmErrorKind::NoProvider)
        return tr("%1, but no API key is set. %2").arg(answered, report.error);
    if (!report.keyAccepted)
        return tr("%1, but the key was refused (%2): %3").arg(answered, toString(report.errorKind), report.error);
    return tr("%1, but: %2 (%3)").arg(answered, report.error, toString(report.errorKind));
}

} // namespace Madf::Ui
