#include "endpointspage.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Madf::Ui {

namespace {

QString circuitText(CircuitState state)
{
    switch (state) {
    case CircuitState::Closed: return EndpointsPage::tr("closed (healthy)");
    case CircuitState::Open: return EndpointsPage::tr("open (skipped)");
    case CircuitState::HalfOpen: return EndpointsPage::tr("half-open (probing)");
    }
    return {};
}

QString budgetText(const EndpointStatus &s)
{
    const QLocale locale;
    QStringList parts;
    if (s.remainingRequests)
        parts << EndpointsPage::tr("%1 requests").arg(locale.toString(*s.remainingRequests));
    if (s.remainingTokens)
        parts << EndpointsPage::tr("%1 tokens").arg(locale.toString(*s.remainingTokens));
    QString text = parts.isEmpty() ? EndpointsPage::tr("not announced") : parts.join(QStringLiteral(", "));
    if (s.rateLimitWaitMs > 0)
        text += EndpointsPage::tr("; next call waits %1 s").arg(s.rateLimitWaitMs / 1000.0, 0, 'f', 1);
    return text;
}

} // namespace

EndpointsPage::EndpointsPage(QWidget *parent)
    : DashboardPage(parent), m_note(new QLabel(this)), m_table(new QTableWidget(0, ColumnCount, this))
{
    auto *column = new QWidget(this);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(8, 6, 8, 6);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setHorizontalHeaderLabels({tr("Provider"), tr("Endpoint"), tr("In flight / limit"), tr("Provider queue"),
                                        tr("Circuit"), tr("Failures in a row"), tr("Rate budget left"),
                                        tr("Last error")});
    m_table->horizontalHeaderItem(InFlight)->setToolTip(
        tr("Calls running on this endpoint against its limit now: max_in_flight, halved while the provider "
           "answers 429 or overloaded, and raised again as calls succeed"));
    m_table->horizontalHeaderItem(Queued)->setToolTip(tr("Calls of this provider waiting for a free slot"));
    m_table->horizontalHeaderItem(Circuit)->setToolTip(
        tr("The circuit breaker: open after repeated failures, so calls go to the provider's other endpoints "
           "until a probe succeeds"));
    m_table->horizontalHeaderItem(RateBudget)->setToolTip(
        tr("What the provider's rate-limit headers said was left, and how long a new call would wait for it"));
    m_table->setAccessibleName(tr("Endpoints of the model providers"));
    m_table->setAccessibleDescription(tr("One row per endpoint: its load, limits, circuit breaker and rate budget"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_note);
    layout->addWidget(m_table, 1);
    static_cast<QBoxLayout *>(this->layout())->addWidget(column, 1);
    rebuild();
}

void EndpointsPage::setEndpoints(const QString &provider, const QList<EndpointStatus> &endpoints)
{
    if (endpoints.isEmpty())
        m_byProvider.remove(provider);
    else
        m_byProvider.insert(provider, endpoints);
    rebuild();
}

void EndpointsPage::keepProviders(const QStringList &providers)
{
    bool changed = false;
    for (auto it = m_byProvider.begin(); it != m_byProvider.end();) {
        if (providers.contains(it.key())) {
            ++it;
        } else {
            it = m_byProvider.erase(it);
            changed = true;
        }
    }
    if (changed)
        rebuild();
}

void EndpointsPage::showSeries(const DashboardSeries &, const PageContext &)
{
    // A state, not a series: refreshed by setEndpoints() as the engine reports it.
}

QString EndpointsPage::note() const
{
    return m_note->text();
}

void EndpointsPage::rebuild()
{
    int rows = 0;
    for (const QList<EndpointStatus> &list : std::as_const(m_byProvider))
        rows += int(list.size());
    m_table->setVisible(rows > 0);
    // Alone, the note is the page's empty state, centred like the charts' own.
    m_note->setAlignment(rows > 0 ? Qt::AlignLeft | Qt::AlignTop : Qt::AlignCenter);
    if (rows == 0) {
        m_note->setText(tr("No HTTP provider has been called yet. Once a document calls one (OpenAI, Anthropic, "
                           "Ollama, a llama.cpp or vLLM server…), each of its endpoints shows here with its load, "
                           "limits, circuit breaker and rate budget. The simulated provider runs in the app and "
                           "has no endpoints."));
        m_table->setRowCount(0);
        return;
    }
    int open = 0, busy = 0;
    m_table->setRowCount(rows);
    int row = 0;
    for (auto it = m_byProvider.cbegin(); it != m_byProvider.cend(); ++it) {
        for (const EndpointStatus &s : it.value()) {
            const QString limit = s.effectiveLimit < s.maxInFlight
                ? tr("%1 / %2 (max %3)").arg(s.inFlight).arg(s.effectiveLimit).arg(s.maxInFlight)
                : tr("%1 / %2").arg(s.inFlight).arg(s.effectiveLimit);
            const QStringList cells = {it.key(), s.baseUrl, limit, QString::number(s.queued),
                                       circuitText(s.circuitState), QString::number(s.consecutiveFailures),
                                       budgetText(s),
                                       s.lastErrorKind == LlmErrorKind::None ? tr("none") : toString(s.lastErrorKind)};
            for (int c = 0; c < ColumnCount; ++c) {
                auto *item = new QTableWidgetItem(cells.at(c));
                if (c == InFlight || c == Queued || c == Failures)
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_table->setItem(row, c, item);
            }
            open += s.circuitState != CircuitState::Closed;
            busy += s.inFlight;
            ++row;
        }
    }
    QString note = tr("Endpoints: %1 · providers: %2 · calls in flight: %3").arg(rows).arg(m_byProvider.size()).arg(busy);
    if (open > 0)
        note += QStringLiteral(" · ") + tr("circuits not closed: %1 (their calls go to the other endpoints)").arg(open);
    m_note->setText(note);
}

} // namespace Madf::Ui
