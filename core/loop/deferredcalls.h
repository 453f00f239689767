#pragma once

#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>

namespace Madf {

class GlibPassSource;

/**
 * Calls run by this thread's event loop once the code running now has
 * returned: what QMetaObject::invokeMethod(context, call,
 * Qt::QueuedConnection) and QObject::deleteLater() do, but however many are
 * asked for during one pass of the loop, they cost the loop one turn (at
 * most one posted event).
 *
 * Why: each event posted to a thread wakes its event dispatcher, and Qt's
 * GLib dispatcher (the one on Linux desktops) makes a system call for every
 * wake-up. The engine defers a few calls per model call (a granted slot, a
 * finished call and step to delete, a stage's end): at 29 calls a document
 * that was about 150 system calls per document, a tenth of the engine's own
 * CPU time at speed 0 (measured with `bench_engine a`). Where the thread's
 * loop is GLib's, a pass is not even an event: a GLib source runs it
 * (GlibPassSource), and a slice of passes costs the loop's one poll, no
 * eventfd write or read.
 *
 * Calls run in the order they were asked for. A call whose @p context is
 * destroyed before its turn is dropped, as Qt drops the events of a deleted
 * receiver. A pass runs the calls queued before it began; those they queue
 * wait for the next pass. Passes follow one another for at most
 * kSliceMs, then other events (timers, sockets, other threads' news) get
 * their turn: a chain of calls (a document at speed 0 is about 40 passes)
 * costs the loop a turn per slice, not one per pass.
 *
 * One queue per thread, made on first use and gone with its thread (with
 * the application for the main thread). Then, as Qt does at a thread's end,
 * the objects waiting to be deleted are deleted and the calls dropped; what
 * is asked for after that goes through Qt's own posting. Use it only from
 * the thread that owns @p context, and do not move a context to another
 * thread while it has calls waiting.
 *
 * A call must not spin an event loop of its own (no nested loops, as
 * everywhere in the engine): the calls after it, and those queued while it
 * runs, wait until it returns.
 *
 * The order against Qt's own queued events is not kept: a call asked for
 * after a QMetaObject::invokeMethod(…, Qt::QueuedConnection) may run first
 * (in the same slice). Nothing in the engine relies on it.
 */
class DeferredCalls : public QObject
{
    Q_OBJECT
public:
    /** Runs @p call from this thread's event loop, unless @p context (not
     *  null) is destroyed first. */
    static void post(QObject *context, std::function<void()> call);
    /** Deletes @p object from this thread's event loop, unless something
     *  else has deleted it by then. */
    static void deleteLater(QObject *object);
    /** How many calls this thread has waiting. */
    static qsizetype pending();
    /** How long passes may follow one another before the loop's other
     *  events get their turn. */
    static constexpr int kSliceMs = 1;
    /** How many passes this thread has run (for tests and diagnostics). */
    static quint64 passesRun();
    /** Whether this thread's passes run from a GLib source (no posted
     *  event, no system call) rather than from a posted event. */
    static bool runsFromGlibSource();

    ~DeferredCalls() override;

protected:
    bool event(QEvent *event) override;

private:
    DeferredCalls() = default;
    /** This thread's queue; null once the thread is ending. */
    static DeferredCalls *current();
    void add(QObject *context, std::function<void()> call);
    void runPass();
    void runSlice();
    /** Posts the event that runs the next slice, unless a GLib source runs
     *  them or one is posted already. */
    void postPass();
    static bool hasWork(void *self);
    static void runSliceOf(void *self);

    struct Item
    {
        QPointer<QObject> context;
        std::function<void()> call;   ///< empty: delete the context
    };
    std::deque<Item> m_items;
    bool m_passPosted = false;
    bool m_inSlice = false;
    quint64 m_passes = 0;
    GlibPassSource *m_source = nullptr;   ///< runs the passes; null: a posted event does
};

} // namespace Madf
