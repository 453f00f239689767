#include "resourcemanager.h"

#include "core/loop/deferredcalls.h"

#include <QLoggingCategory>

namespace Madf {

namespace {
Q_LOGGING_CATEGORY(lcResources, "madf.resources")
}

ResourceManager::ResourceManager(int maxAgents, QObject *parent)
    : QObject(parent)
    , m_maxAgents(qMax(1, maxAgents))
{
}

ResourceManager::~ResourceManager() = default;

void ResourceManager::watch(QObject *context)
{
    if (context == this || m_watched.contains(context))
        return;
    m_watched.insert(context);
    // One connection per context, however many requests it makes. By the
    // time destroyed() is emitted its requests' QPointers are null: the
    // pending ones are dropped here, and a slot granted but not yet
    // delivered is given back by deliver(). (Looking through the granted
    // ones too was a good part of what ending each call cost.)
    connect(context, &QObject::destroyed, this, [this, context] {
        m_watched.remove(context);
        if (!m_pending.empty())
            std::erase_if(m_pending, [](const Request &r) { return !r.context; });
    });
}

void ResourceManager::acquire(QObject *context, std::function<void(int slotId)> granted)
{
    if (!context)
        context = this;
    watch(context);
    Request request{context, std::move(granted), {}};
    request.waited.start();
    m_pending.push_back(std::move(request));
    grantWaiting();
}

bool ResourceManager::grantWaiting()
{
    bool changed = false;
    while (inUse() < m_maxAgents && !m_pending.empty()) {
        Request request = std::move(m_pending.front());
        m_pending.pop_front();
        if (!request.context)
            continue;
        const int slotId = m_nextSlotId++;
        m_inUse.insert(slotId);
        ++m_totalAllocations;
        m_peakUsage = qMax(m_peakUsage, inUse());
        m_totalWaitNs += request.waited.nsecsElapsed();
        m_undelivered.insert(slotId, std::move(request));
        // Queued so that no caller is re-entered from its own acquire()/release().
        DeferredCalls::post(this, [this, slotId] { deliver(slotId); });
        changed = true;
    }
    if (changed)
        Q_EMIT usageChanged(inUse(), m_maxAgents);
    return changed;
}

void ResourceManager::deliver(int slotId)
{
    const auto it = m_undelivered.find(slotId);
    if (it == m_undelivered.end())
        return;
    const Request request = std::move(it.value());
    m_undelivered.erase(it);
    if (!request.context) {
        // Its owner went away (or cancelled) between the grant and now.
        release(slotId);
        return;
    }
    request.granted(slotId);
}

void ResourceManager::release(int slotId)
{
    if (!m_inUse.remove(slotId)) {
        qCWarning(lcResources) << "release of a slot not in use:" << slotId;
        return;
    }
    m_undelivered.remove(slotId);
    ++m_totalDeallocations;
    if (!grantWaiting())
        Q_EMIT usageChanged(inUse(), m_maxAgents);
}

void ResourceManager::dropRequestsOf(QObject *context)
{
    std::erase_if(m_pending, [context](const Request &r) { return !r.context || r.context == context; });
    // Granted but not yet delivered: the queued delivery sees a null context
    // and gives the slot back.
    for (auto it = m_undelivered.begin(); it != m_undelivered.end(); ++it) {
        if (it->context == context)
            it->context.clear();
    }
}

void ResourceManager::cancelPending(QObject *context)
{
    if (context)
        dropRequestsOf(context);
}

void ResourceManager::setMaxAgents(int maxAgents)
{
    maxAgents = qMax(1, maxAgents);
    if (maxAgents == m_maxAgents)
        return;
    m_maxAgents = maxAgents;
    if (!grantWaiting())
        Q_EMIT usageChanged(inUse(), m_maxAgents);
}

ResourceManager::Stats ResourceManager::stats() const
{
    Stats s;
    s.maxAgents = m_maxAgents;
    s.inUse = inUse();
    s.available = qMax(0, m_maxAgents - s.inUse);
    s.utilization = double(s.inUse) / double(m_maxAgents);
    s.totalAllocations = m_totalAllocations;
    s.totalDeallocations = m_totalDeallocations;
    s.peakUsage = m_peakUsage;
    s.avgWaitTime = m_totalAllocations > 0 ? double(m_totalWaitNs) / 1e9 / double(m_totalAllocations) : 0.0;
    s.waiting = int(m_pending.size());
    return s;
}

QVariantMap ResourceManager::getStats() const
{
    const Stats s = stats();
    return {
        {QStringLiteral("max_agents"), s.maxAgents},
        {QStringLiteral("available"), s.available},
        {QStringLiteral("in_use"), s.inUse},
        {QStringLiteral("utilization"), s.utilization},
        {QStringLiteral("total_allocations"), s.totalAllocations},
        {QStringLiteral("total_deallocations"), s.totalDeallocations},
        {QStringLiteral("peak_usage"), s.peakUsage},
        {QStringLiteral("avg_wait_time"), s.avgWaitTime},
    };
}

} // namespace Madf
