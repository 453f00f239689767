#include "storewriter.h"

#include "engineservices.h"

#include "core/log/log.h"
#include "core/storage/documentstore.h"

namespace Madf {

StoreWriter::StoreWriter(QObject *parent)
    : QObject(parent)
{
}

StoreWriter::~StoreWriter()
{
    flush();
}

void StoreWriter::setStore(DocumentStore *store)
{
    flush();
    m_store = store;
}

DocumentStore *StoreWriter::forWriting()
{
    if (!m_store || !m_store->isOpen())
        return nullptr;
    if (!m_open) {
        QString error;
        if (!m_store->begin(&error)) {
            // Each write then commits on its own, as without grouping.
            Log::warning(QStringLiteral("writes are not grouped: %1").arg(error));
            return m_store;
        }
        m_open = true;
        QMetaObject::invokeMethod(this, &StoreWriter::flush, Qt::QueuedConnection);
    }
    return m_store;
}

void StoreWriter::saveBeforeCommit(const void *owner, std::function<void()> write)
{
    if (!forWriting())
        return;
    if (!m_open) {
        write();
        return;
    }
    m_pendingSaves.insert(owner, std::move(write));
}

void StoreWriter::saveNow(const void *owner)
{
    const std::function<void()> write = m_pendingSaves.take(owner);
    if (write)
        write();
}

void StoreWriter::flush()
{
    if (!m_open)
        return;
    // A save may ask for another one: run them until none is left.
    while (!m_pendingSaves.isEmpty()) {
        const QHash<const void *, std::function<void()>> saves = std::exchange(m_pendingSaves, {});
        for (const std::function<void()> &write : saves)
            write();
    }
    m_open = false;
    QString error;
    if (!m_store->commit(&error))
        Log::warning(QStringLiteral("the documents database could not save the latest changes: %1").arg(error));
}

DocumentStore *EngineServices::writableStore() const
{
    return writer ? writer->forWriting() : nullptr;
}

} // namespace Madf
