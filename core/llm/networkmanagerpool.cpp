#include "core/llm/networkmanagerpool.h"

#include <QNetworkAccessManager>

namespace Madf {

NetworkManagerPool::~NetworkManagerPool()
{
    // Replies still running belong to their calls, which delete them; the
    // managers go once the event loop has delivered what is pending.
    for (const Slot &slot : std::as_const(m_slots))
        slot.manager->deleteLater();
}

QNetworkAccessManager *NetworkManagerPool::acquire()
{
    Slot *best = nullptr;
    for (Slot &slot : m_slots) {
        if (!best || slot.inFlight < best->inFlight)
            best = &slot;
    }
    if (!best || best->inFlight >= kConnectionsPerManager) {
        // No parent: a manager must outlive its endpoint's owner while replies run.
        auto *manager = new QNetworkAccessManager;
        m_slots.append({manager, 0});
        best = &m_slots.last();
    }
    ++best->inFlight;
    return best->manager;
}

void NetworkManagerPool::release(QNetworkAccessManager *manager)
{
    for (Slot &slot : m_slots) {
        if (slot.manager == manager) {
            slot.inFlight = qMax(0, slot.inFlight - 1);
            return;
        }
    }
}

int NetworkManagerPool::inFlight() const
{
    int total = 0;
    for (const Slot &slot : m_slots)
        total += slot.inFlight;
    return total;
}

} // namespace Madf
