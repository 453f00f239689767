#include "core/storage/storethread.h"

#include "core/log/log.h"
#include "core/storage/documentstore.h"

#include <QElapsedTimer>
#include <QSet>
#include <QThread>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>

namespace Madf {

struct StoreThread::Shared
{
    std::mutex mutex;
    std::condition_variable wake;    ///< the store's thread: work or stop
    std::condition_variable saved;   ///< waiters: a commit happened
    std::deque<Batch> queue;
    qsizetype queuedWrites = 0;
    quint64 submitted = 0;            ///< number of the last batch queued
    quint64 committed = 0;            ///< number of the last batch saved
    bool urgent = false;
    bool stop = false;
    /** What the store's thread is doing. Waking it is a system call that
     *  cost the engine more than handing over the batch: only a thread
     *  with nothing to do, or a timed wait an urgent batch cuts short, is
     *  woken. A timed wait ends by itself. */
    enum class State { Working, Idle, Pausing } state = State::Working;
    Committed onCommitted;
    QThread *thread = nullptr;
};

StoreThread::StoreThread() = default;

StoreThread::~StoreThread()
{
    close();
}

bool StoreThread::open(const QString &dbPath, Committed committed, QString *error)
{
    close();
    m_shared = std::make_shared<Shared>();
    m_shared->onCommitted = std::move(committed);
    std::promise<QString> opened;
    std::future<QString> outcome = opened.get_future();
    // The connection is made in the thread that uses it (Qt's rule).
    m_shared->thread = QThread::create([shared = m_shared, dbPath, opened = std::move(opened)]() mutable {
        DocumentStore store;
        QString why;
        const bool ok = store.open(dbPath, &why);
        opened.set_value(ok ? QString() : why);
        if (ok)
            loop(*shared, store);
    });
    m_shared->thread->setObjectName(QStringLiteral("madf-store"));
    m_shared->thread->start();
    const QString why = outcome.get();
    if (!why.isEmpty()) {
        m_shared->thread->wait();
        delete m_shared->thread;
        m_shared.reset();
        if (error)
            *error = why;
        return false;
    }
    if (error)
        error->clear();
    return true;
}

void StoreThread::close()
{
    if (!m_shared)
        return;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->stop = true;
    }
    m_shared->wake.notify_one();
    m_shared->thread->wait();
    delete m_shared->thread;
    m_shared.reset();
}

bool StoreThread::isOpen() const
{
    return m_shared != nullptr;
}

quint64 StoreThread::submit(Batch batch, bool urgent)
{
    if (!m_shared || batch.empty())
        return 0;
    Shared &s = *m_shared;
    quint64 number = 0;
    bool wake = false;
    {
        std::unique_lock lock(s.mutex);
        // Back pressure: only when the disk has fallen far behind.
        s.saved.wait(lock, [&] { return s.queuedWrites < kMaxQueuedWrites; });
        s.queuedWrites += qsizetype(batch.size());
        s.queue.push_back(std::move(batch));
        number = ++s.submitted;
        s.urgent = s.urgent || urgent;
        wake = s.state == Shared::State::Idle || (urgent && s.state == Shared::State::Pausing);
    }
    if (wake)
        s.wake.notify_one();
    return number;
}

void StoreThread::waitUntilSaved(quint64 number)
{
    if (!m_shared || number == 0)
        return;
    Shared &s = *m_shared;
    std::unique_lock lock(s.mutex);
    if (s.committed >= number)
        return;
    s.urgent = true;
    const bool wake = s.state != Shared::State::Working;
    lock.unlock();
    if (wake)
        s.wake.notify_one();
    lock.lock();
    s.saved.wait(lock, [&] { return s.committed >= number; });
}

quint64 StoreThread::saved() const
{
    if (!m_shared)
        return 0;
    std::lock_guard lock(m_shared->mutex);
    return m_shared->committed;
}

void StoreThread::loop(Shared &s, DocumentStore &store)
{
    QElapsedTimer sinceCommit;   // invalid until the first commit
    for (;;) {
        std::deque<Batch> work;
        quint64 last = 0;
        {
            std::unique_lock lock(s.mutex);
            for (;;) {
                if (s.queue.empty()) {
                    if (s.stop)
                        return;
                    s.state = Shared::State::Idle;
                    s.wake.wait(lock);
                    s.state = Shared::State::Working;
                    continue;
                }
                const qint64 since = sinceCommit.isValid() ? sinceCommit.elapsed() : kMinCommitIntervalMs;
                if (s.urgent || s.stop || since >= kMinCommitIntervalMs)
                    break;
                s.state = Shared::State::Pausing;
                s.wake.wait_for(lock, std::chrono::milliseconds(kMinCommitIntervalMs - since));
                s.state = Shared::State::Working;
            }
            work.swap(s.queue);
            s.urgent = false;
            last = s.submitted;
        }

        QString error;
        const bool grouped = store.begin(&error);
        if (!grouped)   // each write then commits on its own
            Log::warning(QStringLiteral("writes are not grouped: %1").arg(error));
        // From the last write back: which ones a later one replaces.
        qsizetype writes = 0;
        QSet<QString> replacedLater;
        for (auto batch = work.rbegin(); batch != work.rend(); ++batch) {
            for (auto entry = batch->rbegin(); entry != batch->rend(); ++entry) {
                if (entry->key.isEmpty())
                    continue;
                if ((entry->flags & Entry::Replaceable) && replacedLater.contains(entry->key))
                    entry->write = nullptr;
                if (entry->flags & Entry::Replaces)
                    replacedLater.insert(entry->key);
            }
        }
        for (const Batch &batch : work) {
            for (const Entry &entry : batch)
                if (entry.write)
                    entry.write(store);
            writes += qsizetype(batch.size());
        }
        if (grouped && !store.commit(&error)) {
            // The transaction is rolled back whole: saved one by one
            // instead, so that only what cannot be saved is lost (and said).
            Log::warning(QStringLiteral("the documents database could not save the latest changes together (%1);"
                                        " saving them one by one")
                             .arg(error));
            for (const Batch &batch : work)
                for (const Entry &entry : batch)
                    if (entry.write)
                        entry.write(store);
        }
        sinceCommit.start();
        work.clear();   // the captured data goes here, not under the lock

        {
            std::lock_guard lock(s.mutex);
            s.committed = last;
            s.queuedWrites -= writes;
        }
        s.saved.notify_all();
        if (s.onCommitted)
            s.onCommitted(last);
    }
}

} // namespace Madf
