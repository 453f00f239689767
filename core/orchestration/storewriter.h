#pragma once

#include "core/storage/storethread.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <map>

namespace Madf {

class DocumentStore;

/** The engine's writes to the documents database. They are done by a
 *  StoreThread, so the engine thread never waits on the disk (nor spends its
 *  time building the JSON the rows hold).
 *
 *  Writes are grouped per event-loop pass: the first write of a pass opens a
 *  batch, which is handed to the store's thread as soon as control is back
 *  in the event loop (or at once by whenSaved()). A batch is saved in one
 *  transaction, whole: what one reply changes (the call's record, what was
 *  paid, and the step it completed) lands together or not at all. A process
 *  killed in between loses both, so `madf resume` asks again instead of
 *  paying for a call whose step it cannot replay, or replaying a step whose
 *  call is not on the bill. While the engine is busy, batches share a commit
 *  (see StoreThread): a kill then loses at most what the last
 *  StoreThread::kMinCommitIntervalMs completed, plus what was still queued;
 *  those calls count as in flight at the kill and are asked again by `madf
 *  resume`, as a call cut off mid-reply is.
 *
 *  Writes are closures run on the store's thread: they capture their data by
 *  value. Lives in the engine thread. */
class StoreWriter : public QObject
{
    Q_OBJECT
public:
    /** Saves a value through the store; false with *error on failure. */
    using Write = std::function<bool(DocumentStore &store, QString *error)>;

    explicit StoreWriter(QObject *parent = nullptr);
    /** Hands over what is pending and waits until it is saved. */
    ~StoreWriter() override;

    /** Opens the writing connection to @p dbPath on the store's thread. */
    bool open(const QString &dbPath, QString *error = nullptr);
    bool isOpen() const { return m_thread.isOpen(); }

    /** Queues @p write in this pass's batch. A failure is logged with
     *  @p what ("a step", a string literal) and @p documentId. @p flags
     *  (StoreThread::Entry::Flag) say whether a later whole save of the same
     *  document makes it pointless, or makes the earlier ones so. Does
     *  nothing when the store is not open. */
    void write(const char *what, const QString &documentId, Write write, quint8 flags = 0);
    /** Has @p save run once, just before this pass's batch is handed over,
     *  however often @p owner asks for it during the pass: a document whose
     *  status, stage and text change several times in one pass is written
     *  once. @p save queues its writes with write(). Never runs when the
     *  store is not open. */
    void saveBeforeHandOff(const void *owner, std::function<void()> save);
    /** Runs @p owner's pending save now, if any (it is going away). */
    void saveNow(const void *owner);
    /** Hands over everything written so far and calls @p then (in this
     *  thread, from the event loop, unless @p context is gone by then) once
     *  it is saved: before telling another thread or process that something
     *  is saved (a document finished). Calls @p then at once when the store
     *  is not open. */
    void whenSaved(QObject *context, std::function<void()> then);
    /** Hands over everything written so far and blocks until it is saved:
     *  before reading it back through another connection (resume). */
    void drain();

private:
    void queueHandOff();
    void handOff(bool urgent);
    void onCommitted(quint64 generation, quint64 lastBatch);

    StoreThread m_thread;
    StoreThread::Batch m_batch;
    bool m_handOffQueued = false;
    quint64 m_lastBatch = 0;   ///< number of the last batch handed over
    quint64 m_generation = 0;  ///< of the store's thread: batch numbers start again with each
    QHash<const void *, std::function<void()>> m_pendingSaves;
    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void()> then;
    };
    std::multimap<quint64, Waiter> m_waiters;   ///< by the batch they wait for, in the order they asked
};

} // namespace Madf
