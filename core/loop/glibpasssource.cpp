#include "core/loop/glibpasssource.h"

#include <QAbstractEventDispatcher>
#include <QThread>

#ifdef MADF_HAVE_GLIB
#include <glib.h>
#endif

namespace Madf {

#ifdef MADF_HAVE_GLIB

namespace {

struct PassSource
{
    GSource source;            // first: GLib allocates and frees the whole struct
    GlibPassSource::Owner owner;
    GMainContext *context;     // referenced: freed after the source, never before
};

gboolean prepare(GSource *source, gint *timeout)
{
    const auto *pass = reinterpret_cast<PassSource *>(source);
    const bool ready = pass->owner.hasWork(pass->owner.self);
    *timeout = ready ? 0 : -1;
    return ready;
}

gboolean check(GSource *source)
{
    const auto *pass = reinterpret_cast<PassSource *>(source);
    return pass->owner.hasWork(pass->owner.self);
}

gboolean dispatch(GSource *source, GSourceFunc, gpointer)
{
    const auto *pass = reinterpret_cast<PassSource *>(source);
    pass->owner.run(pass->owner.self);
    return G_SOURCE_CONTINUE;
}

GSourceFuncs passFuncs = {prepare, check, dispatch, nullptr, nullptr, nullptr};

} // namespace

bool GlibPassSource::available()
{
    return true;
}

GlibPassSource *GlibPassSource::attach(Owner owner)
{
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(QThread::currentThread());
    // QT_NO_GLIB, or a dispatcher of another kind: no GLib loop runs here.
    if (!dispatcher || !dispatcher->inherits("QEventDispatcherGlib"))
        return nullptr;
    // Qt's GLib dispatcher pushes its context as the thread's default.
    GMainContext *context = g_main_context_ref_thread_default();
    auto *pass = reinterpret_cast<PassSource *>(g_source_new(&passFuncs, sizeof(PassSource)));
    pass->owner = owner;
    pass->context = context;
    g_source_set_priority(&pass->source, G_PRIORITY_DEFAULT);
    g_source_set_can_recurse(&pass->source, FALSE);
    g_source_attach(&pass->source, context);
    return reinterpret_cast<GlibPassSource *>(pass);
}

void GlibPassSource::detach(GlibPassSource *source)
{
    if (!source)
        return;
    auto *pass = reinterpret_cast<PassSource *>(source);
    GMainContext *context = pass->context;
    g_source_destroy(&pass->source);
    g_source_unref(&pass->source);
    g_main_context_unref(context);
}

#else

bool GlibPassSource::available()
{
    return false;
}

GlibPassSource *GlibPassSource::attach(Owner)
{
    return nullptr;
}

void GlibPassSource::detach(GlibPassSource *)
{
}

#endif

} // namespace Madf
