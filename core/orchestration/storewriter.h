#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>

class QTimer;

namespace Madf {

class DocumentStore;

/** The engine's writes to the documents database, grouped per event-loop
 *  pass: the first write of a pass opens a transaction, which is committed
 *  as soon as control is back in the event loop (or at once by flush()).
 *  When the engine is busy (passes follow each other without a pause, as
 *  with a fast model or many documents), the commit waits until
 *  kMinCommitIntervalMs have gone by since the previous one, so that a
 *  burst of passes shares one commit: each commit writes the WAL frames of
 *  every page it touched, and the documents' rows were rewritten once per
 *  pass. A transaction still only ends between passes, never inside one.
 *
 *  What one reply changes is then saved together or not at all: the call's
 *  record (what was paid) and the step it completed. A process killed in
 *  between loses both, so `madf resume` asks again instead of paying for a
 *  call whose step it cannot replay, or replaying a step whose call is not
 *  on the bill. And a burst of writes (many documents at once) costs one
 *  commit instead of one per statement.
 *
 *  A kill loses at most what the last kMinCommitIntervalMs completed, and
 *  only while the engine is that busy: those calls count as in flight at
 *  the kill and are asked again by `madf resume`, as a call cut off
 *  mid-reply is. An idle engine commits each pass at once, as before.
 *
 *  Lives in the engine thread, like the store. */
class StoreWriter : public QObject
{
    Q_OBJECT
public:
    explicit StoreWriter(QObject *parent = nullptr);
    /** Commits what is open. */
    ~StoreWriter() override;

    void setStore(DocumentStore *store);
    /** The store for reading; null when there is none. */
    DocumentStore *store() const { return m_store; }
    /** The store, within this pass's transaction; null when there is no
     *  open store. */
    DocumentStore *forWriting();
    /** Has @p write run once, just before this pass's transaction is
     *  committed, however often @p owner asks for it during the pass: a
     *  document whose status, stage and text change several times in one
     *  pass is written once. Runs it at once when writes cannot be grouped;
     *  never when there is no store. */
    void saveBeforeCommit(const void *owner, std::function<void()> write);
    /** Runs @p owner's pending save now, if any (it is going away). */
    void saveNow(const void *owner);
    /** Runs the pending saves and commits the open transaction now: before
     *  telling another thread or process that something is saved (a
     *  document finished). */
    void flush();

    /** Shortest time between two commits while passes follow each other. */
    static constexpr qint64 kMinCommitIntervalMs = 20;

private:
    void scheduleCommit();

    DocumentStore *m_store = nullptr;
    bool m_open = false;
    QElapsedTimer m_sinceCommit;   ///< invalid until the first commit
    QTimer *m_commitTimer = nullptr;
    QHash<const void *, std::function<void()>> m_pendingSaves;
};

} // namespace Madf
