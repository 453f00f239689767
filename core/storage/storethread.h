#pragma once

#include <QString>
#include <QtGlobal>

#include <functional>
#include <memory>
#include <vector>

namespace Madf {

class DocumentStore;

/**
 * A DocumentStore on a thread of its own, for a writer that must not wait on
 * the disk: the engine hands over batches of writes and goes on at once.
 *
 * Each batch is saved whole, in one transaction, never split: what one
 * event-loop pass of the engine changed (a call's record and the step it
 * completed) lands together or not at all. Batches queued while the thread
 * was busy share that transaction, so a busy engine pays one commit for many
 * batches. An urgent batch is committed as soon as the thread is free; the
 * others wait until minCommitIntervalMs have gone by since the last commit,
 * which is what a kill can lose at most while the engine is that busy (plus
 * what is still queued).
 *
 * A busy engine saves the same document several times within one
 * transaction: each whole save makes the earlier ones of that document
 * pointless (Entry::Replaceable / Entry::Replaces), and only the last runs.
 *
 * Writes are closures run on the store's thread: they must capture their
 * data by value (Qt's implicitly shared types are safe to copy across). A
 * write reports its own failures; it must not throw.
 *
 * The object belongs to the thread that opened it; only the committed
 * callback runs on the store's thread.
 */
class StoreThread
{
public:
    using Write = std::function<void(DocumentStore &)>;
    /** A write, and whether a later one makes it pointless. */
    struct Entry
    {
        enum Flag : quint8 {
            /** Skipped when a later write in the same transaction has the same
             *  key and Replaces (a document saved whole again). */
            Replaceable = 1,
            /** Writes everything an earlier Replaceable write of its key did. */
            Replaces = 2,
        };
        Entry(Write w) : write(std::move(w)) {}   // NOLINT: a plain write converts
        Entry(Write w, QString k, quint8 f) : write(std::move(w)), key(std::move(k)), flags(f) {}

        Write write;
        QString key;
        quint8 flags = 0;
    };
    using Batch = std::vector<Entry>;
    /** Runs on the store's thread after each commit, with the number of the
     *  last batch it saved (batches are numbered from 1 in submit order). */
    using Committed = std::function<void(quint64 lastBatch)>;

    static constexpr qint64 kMinCommitIntervalMs = 20;
    /** Writes queued and not yet saved beyond which submit() waits for the
     *  thread: memory stays bounded when the disk is slower than the engine,
     *  and so does what a kill can lose (a document makes about 70 writes;
     *  the calls whose records are lost are asked again by `madf resume`). */
    static constexpr qsizetype kMaxQueuedWrites = 2000;

    StoreThread();
    /** Saves what is queued, then stops the thread. */
    ~StoreThread();
    StoreThread(const StoreThread &) = delete;
    StoreThread &operator=(const StoreThread &) = delete;

    /** Starts the thread and opens @p dbPath in it; waits for the outcome. */
    bool open(const QString &dbPath, Committed committed, QString *error = nullptr);
    /** Saves what is queued and stops the thread. */
    void close();
    bool isOpen() const;

    /** Queues @p batch; returns its number (0 for an empty batch, or when
     *  the store is not open: nothing is saved then). */
    quint64 submit(Batch batch, bool urgent = false);
    /** Blocks until batch @p number (and every one before it) is saved. */
    void waitUntilSaved(quint64 number);
    /** The number of the last batch saved so far. */
    quint64 saved() const;

private:
    struct Shared;
    static void loop(Shared &s, DocumentStore &store);

    std::shared_ptr<Shared> m_shared;
};

} // namespace Madf
