#include "chartcard.h"
#include "dashboardpages.h"

#include <QHBoxLayout>

namespace Madf::Ui {

DashboardPage::DashboardPage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
}

ChartCard *DashboardPage::addCard()
{
    auto *card = new ChartCard(this);
    static_cast<QHBoxLayout *>(layout())->addWidget(card, 1);
    m_cards.append(card);
    connect(card, &ChartCard::paletteApplied, this, &DashboardPage::restyle, Qt::UniqueConnection);
    return card;
}

void DashboardPage::applyPalette()
{
    for (ChartCard *card : std::as_const(m_cards))
        card->applyPalette();
    restyle();
}

QString DashboardPage::noDocuments(const PageContext &context, const QString &what) const
{
    if (context.totalDocuments == 0)
        return what;
    return tr("No documents finished in %1 — choose a longer window.").arg(context.windowName);
}

QString DashboardPage::noCalls(const PageContext &context, const QString &what) const
{
    if (context.totalCalls == 0)
        return what;
    return tr("No model calls in %1 — choose a longer window.").arg(context.windowName);
}

} // namespace Madf::Ui
