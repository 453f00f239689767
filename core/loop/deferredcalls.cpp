#include "core/loop/deferredcalls.h"

#include "core/loop/glibpasssource.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QScopeGuard>
#include <QEvent>
#include <QThread>

#include <utility>

namespace Madf {

namespace {

thread_local DeferredCalls *t_current = nullptr;
/** Set once this thread's queue has gone: its loop is over, and what is
 *  asked for from now on takes Qt's own way. */
thread_local bool t_ended = false;

QEvent::Type passEventType()
{
    static const auto type = QEvent::Type(QEvent::registerEventType());
    return type;
}

} // namespace

DeferredCalls *DeferredCalls::current()
{
    if (!t_current) {
        // A thread that is ending (its `finished` is being emitted, or
        // objects are being torn down after it) gets no new queue: nothing
        // would run it. Qt's posting still deletes what is asked then.
        if (t_ended || QThread::currentThread()->isFinished())
            return nullptr;
        auto *queue = new DeferredCalls;
        t_current = queue;
        queue->m_source = GlibPassSource::attach({queue, &DeferredCalls::hasWork, &DeferredCalls::runSliceOf});
        // Gone with its thread: a thread's `finished` is emitted in that
        // thread, before it ends. The main thread's goes with the application.
        QThread *thread = QThread::currentThread();
        QCoreApplication *app = QCoreApplication::instance();
        if (app && thread == app->thread())
            queue->setParent(app);
        else
            connect(thread, &QThread::finished, queue, [queue] { delete queue; }, Qt::DirectConnection);
    }
    return t_current;
}

DeferredCalls::~DeferredCalls()
{
    GlibPassSource::detach(std::exchange(m_source, nullptr));
    if (t_current == this) {
        t_current = nullptr;
        t_ended = true;
    }
    // As Qt does with deleteLater() when a thread ends: what was to be
    // deleted is; the calls are dropped, as queued invocations are. A
    // deletion may ask for more: those go Qt's way (see current()).
    while (!m_items.empty()) {
        const Item item = std::move(m_items.front());
        m_items.pop_front();
        if (!item.call && item.context)
            delete item.context.data();
    }
}

void DeferredCalls::post(QObject *context, std::function<void()> call)
{
    Q_ASSERT(context && call);
    if (DeferredCalls *queue = current())
        queue->add(context, std::move(call));
    else
        QMetaObject::invokeMethod(context, std::move(call), Qt::QueuedConnection);
}

void DeferredCalls::deleteLater(QObject *object)
{
    if (!object)
        return;
    if (DeferredCalls *queue = current())
        queue->add(object, nullptr);
    else
        object->deleteLater();
}

qsizetype DeferredCalls::pending()
{
    return t_current ? qsizetype(t_current->m_items.size()) : 0;
}

quint64 DeferredCalls::passesRun()
{
    return t_current ? t_current->m_passes : 0;
}

bool DeferredCalls::runsFromGlibSource()
{
    const DeferredCalls *queue = current();
    return queue && queue->m_source;
}

void DeferredCalls::add(QObject *context, std::function<void()> call)
{
    Q_ASSERT_X(context->thread() == thread(), "DeferredCalls", "used from a thread that does not own the context");
    m_items.push_back(Item{context, std::move(call)});
    // Within a slice, the slice runs it or posts for it when it ends.
    if (!m_inSlice)
        postPass();
}

void DeferredCalls::postPass()
{
    // With a GLib source, its prepare() sees the queue: nothing to post.
    if (m_source || m_passPosted)
        return;
    m_passPosted = true;
    QCoreApplication::postEvent(this, new QEvent(passEventType()));
}

bool DeferredCalls::event(QEvent *event)
{
    if (event->type() != passEventType())
        return QObject::event(event);
    m_passPosted = false;
    runSlice();
    return true;
}

bool DeferredCalls::hasWork(void *self)
{
    return !static_cast<DeferredCalls *>(self)->m_items.empty();
}

void DeferredCalls::runSliceOf(void *self)
{
    static_cast<DeferredCalls *>(self)->runSlice();
}

void DeferredCalls::runSlice()
{
    const QDeadlineTimer slice(kSliceMs, Qt::PreciseTimer);
    {
        m_inSlice = true;
        const auto sliceOver = qScopeGuard([this] { m_inSlice = false; });   // even if a call throws
        do {
            runPass();
        } while (!m_items.empty() && !slice.hasExpired());
    }
    // Left for the next turn of the loop, after its other events.
    if (!m_items.empty())
        postPass();
}

void DeferredCalls::runPass()
{
    ++m_passes;
    // Only what was queued before this pass: calls queued now (by these)
    // wait for the next one.
    for (qsizetype left = qsizetype(m_items.size()); left > 0 && !m_items.empty(); --left) {
        Item item = std::move(m_items.front());
        m_items.pop_front();
        if (!item.context)
            continue;   // destroyed meanwhile
        if (item.call)
            item.call();
        else
            delete item.context.data();
    }
}

} // namespace Madf
