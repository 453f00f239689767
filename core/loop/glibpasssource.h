#pragma once

namespace Madf {

/**
 * Runs a thread's deferred calls from its GLib main context without a
 * system call. Qt's GLib event dispatcher wakes its thread by writing to an
 * eventfd for every posted event, and once more when events were posted
 * while posted events ran: a DeferredCalls pass posted as an event cost the
 * engine two writes and a read per pass, about 120 system calls per
 * document at speed 0. A GLib source whose prepare() reports the queue
 * non-empty makes the loop's next poll return at once instead (the poll
 * stays), at the default priority, beside Qt's posted events, timers and
 * sockets.
 *
 * It attaches to the thread's default GLib context, which Qt's GLib
 * dispatcher pushes when it is made in that thread (as QThread does); a
 * dispatcher made elsewhere and installed with setEventDispatcher() is not
 * supported.
 *
 * Only for a thread whose Qt event dispatcher is GLib's, and only when the
 * build found GLib; otherwise attach() gives null and DeferredCalls posts
 * an event as before. Used by the thread that attached it, only.
 */
class GlibPassSource
{
public:
    struct Owner
    {
        void *self = nullptr;
        bool (*hasWork)(void *self) = nullptr;
        void (*run)(void *self) = nullptr;   ///< runs passes (DeferredCalls: a slice)
    };

    /** Attached to the calling thread's GLib context; null when that thread
     *  is not run by Qt's GLib dispatcher or GLib was not built in. */
    static GlibPassSource *attach(Owner owner);
    /** Detaches and frees @p source (null is fine). */
    static void detach(GlibPassSource *source);
    /** Whether this build has GLib: without it attach() always gives null. */
    static bool available();

private:
    GlibPassSource() = default;
};

} // namespace Madf
