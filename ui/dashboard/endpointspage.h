#pragma once

#include "dashboardpages.h"

#include "core/llm/endpointstatus.h"

#include <QMap>

class QLabel;
class QTableWidget;

namespace Madf::Ui {

/** The dashboard's Endpoints tab: what each replica (base URL) of each HTTP
 *  provider is doing now — calls in flight against its limit (halved while
 *  the provider pushes back), calls queued, the circuit breaker, the rate
 *  budget the provider's headers announced, and the last error that counted
 *  against it. A table, not a chart: it is a state, refreshed as the engine
 *  reports it (at most ten times a second per provider), not a time series,
 *  so the time window does not apply. */
class EndpointsPage : public DashboardPage
{
    Q_OBJECT
public:
    enum Column { Provider, Endpoint, InFlight, Queued, Circuit, Failures, RateBudget, LastError, ColumnCount };

    explicit EndpointsPage(QWidget *parent = nullptr);

    /** The endpoints of @p provider as the engine last reported them. */
    void setEndpoints(const QString &provider, const QList<EndpointStatus> &endpoints);
    /** Forgets providers no longer configured. */
    void keepProviders(const QStringList &providers);
    void showSeries(const DashboardSeries &series, const PageContext &context) override;

    QTableWidget *table() const { return m_table; }
    /** What the page says above the table (or instead of it). */
    QString note() const;

private:
    void rebuild();

    QLabel *m_note;
    QTableWidget *m_table;
    QMap<QString, QList<EndpointStatus>> m_byProvider;
};

} // namespace Madf::Ui
