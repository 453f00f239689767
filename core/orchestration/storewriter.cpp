#include "storewriter.h"

#include "engineservices.h"

#include "core/log/log.h"
#include "core/loop/deferredcalls.h"
#include "core/storage/documentstore.h"

namespace Madf {

StoreWriter::StoreWriter(QObject *parent)
    : QObject(parent)
{
}

StoreWriter::~StoreWriter()
{
    drain();
    m_thread.close();
}

bool StoreWriter::open(const QString &dbPath, QString *error)
{
    // What the previous connection had is saved, and its waiters told:
    // batch numbers start again with the new thread.
    drain();
    onCommitted(m_generation, m_lastBatch);
    m_lastBatch = 0;
    const quint64 generation = ++m_generation;
    // Called on the store's thread: the news crosses back queued. `this`
    // outlives the thread (the destructor stops it first), and Qt drops
    // what is still posted to an object that is deleted.
    return m_thread.open(
        dbPath,
        [this, generation](quint64 lastBatch) {
            QMetaObject::invokeMethod(
                this, [this, generation, lastBatch] { onCommitted(generation, lastBatch); }, Qt::QueuedConnection);
        },
        error);
}

void StoreWriter::write(const char *what, const QString &documentId, Write write, quint8 flags)
{
    if (!m_thread.isOpen())
        return;
    m_batch.emplace_back(
        [what, documentId, write = std::move(write)](DocumentStore &store) {
            QString error;
            if (!write(store, &error))
                Log::warning(QStringLiteral("the documents database could not save %1 of document %2: %3")
                                 .arg(QLatin1String(what), documentId, error));
        },
        flags ? documentId : QString(), flags);
    queueHandOff();
}

void StoreWriter::queueHandOff()
{
    if (m_handOffQueued)
        return;
    // Handed over from the event loop, so never inside a pass: a call's
    // record and its step stay in one batch.
    m_handOffQueued = true;
    DeferredCalls::post(this, [this] { handOff(false); });
}

void StoreWriter::saveBeforeHandOff(const void *owner, std::function<void()> save)
{
    if (!m_thread.isOpen())
        return;
    m_pendingSaves.insert(owner, std::move(save));
    queueHandOff();
}

void StoreWriter::saveNow(const void *owner)
{
    const std::function<void()> save = m_pendingSaves.take(owner);
    if (save)
        save();
}

void StoreWriter::handOff(bool urgent)
{
    m_handOffQueued = false;
    // A save may ask for another one: run them until none is left.
    while (!m_pendingSaves.isEmpty()) {
        const QHash<const void *, std::function<void()>> saves = std::exchange(m_pendingSaves, {});
        for (const std::function<void()> &save : saves)
            save();
    }
    if (m_batch.empty())
        return;
    const quint64 number = m_thread.submit(std::exchange(m_batch, {}), urgent);
    if (number)
        m_lastBatch = number;
}

void StoreWriter::whenSaved(QObject *context, std::function<void()> then)
{
    handOff(true);
    if (!m_thread.isOpen()) {
        then();
        return;
    }
    // Always from the event loop, never from inside the caller, even when
    // the store's thread was quicker than this line.
    m_waiters.emplace(m_lastBatch, Waiter{context, std::move(then)});
    if (m_lastBatch <= m_thread.saved())
        QMetaObject::invokeMethod(
            this, [this, generation = m_generation, last = m_lastBatch] { onCommitted(generation, last); },
            Qt::QueuedConnection);
}

void StoreWriter::drain()
{
    handOff(true);
    // The waiters hear of it from the queued news, as usual: not from
    // inside whatever called this.
    m_thread.waitUntilSaved(m_lastBatch);
}

void StoreWriter::onCommitted(quint64 generation, quint64 lastBatch)
{
    if (generation != m_generation)
        return;   // news from a connection closed since
    // In the order they asked; a `then` may add waiters.
    while (!m_waiters.empty() && m_waiters.begin()->first <= lastBatch) {
        const Waiter waiter = std::move(m_waiters.begin()->second);
        m_waiters.erase(m_waiters.begin());
        if (waiter.context)
            waiter.then();
    }
}

StoreWriter *EngineServices::storing() const
{
    return writer && writer->isOpen() ? writer : nullptr;
}

} // namespace Madf
