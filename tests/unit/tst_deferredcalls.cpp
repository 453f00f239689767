#include "core/loop/deferredcalls.h"
#include "core/loop/glibpasssource.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

using namespace Madf;

namespace {

/** Counts the events Qt delivers to the deferred-call queues: one per pass
 *  where passes are posted events, none where a GLib source runs them. */
class EventCounter : public QObject
{
public:
    int events = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched->inherits("Madf::DeferredCalls") && event->type() >= QEvent::User)
            ++events;
        return false;
    }
};

/** The posted events a number of passes costs: none with the GLib source. */
int eventsFor(int passes)
{
    return DeferredCalls::runsFromGlibSource() ? 0 : passes;
}

/** On its way out, asks for another object to be deleted (as a document run
 *  stopping its steps does). */
class DeletesAnother : public QObject
{
public:
    QPointer<QObject> other;
    ~DeletesAnother() override { DeferredCalls::deleteLater(other); }
};

/** Runs the event loop until nothing is left for it, or 5 s have gone by. */
void runUntilIdle()
{
    QElapsedTimer clock;
    clock.start();
    while (DeferredCalls::pending() > 0 && clock.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    QCoreApplication::processEvents();
}

} // namespace

class TestDeferredCalls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsLaterInTheOrderAsked();
    void manyCallsCostOnePostedEvent();
    void callsQueuedByACallWaitForTheNextPass();
    void otherEventsRunBetweenPasses();
    void destroyedContextDropsItsCalls();
    void deletesLikeDeleteLater();
    void eachThreadHasItsOwnQueue();
    void deletionsPendingAtAThreadsEndAreDone();
    void passesRunFromGlibWhereQtRunsGlib();
    void aLongChainLetsTimersRun();
};

void TestDeferredCalls::runsLaterInTheOrderAsked()
{
    QObject context;
    QStringList log;
    for (int i = 0; i < 5; ++i)
        DeferredCalls::post(&context, [&log, i] { log << QString::number(i); });
    log << QStringLiteral("caller");
    QCOMPARE(DeferredCalls::pending(), 5);
    runUntilIdle();
    QCOMPARE(log, QStringList({QStringLiteral("caller"), QStringLiteral("0"), QStringLiteral("1"),
                               QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")}));
    QCOMPARE(DeferredCalls::pending(), 0);
}

void TestDeferredCalls::manyCallsCostOnePostedEvent()
{
    EventCounter counter;
    QCoreApplication::instance()->installEventFilter(&counter);
    QObject context;
    int ran = 0;
    const quint64 passes = DeferredCalls::passesRun();
    for (int i = 0; i < 100; ++i)
        DeferredCalls::post(&context, [&ran] { ++ran; });
    runUntilIdle();
    QCoreApplication::instance()->removeEventFilter(&counter);
    QCOMPARE(ran, 100);
    QCOMPARE(DeferredCalls::passesRun() - passes, quint64(1));
    QCOMPARE(counter.events, eventsFor(1));
}

void TestDeferredCalls::callsQueuedByACallWaitForTheNextPass()
{
    EventCounter counter;
    QCoreApplication::instance()->installEventFilter(&counter);
    QObject context;
    const quint64 passes = DeferredCalls::passesRun();
    QStringList log;
    DeferredCalls::post(&context, [&] {
        log << QStringLiteral("first");
        DeferredCalls::post(&context, [&] { log << QStringLiteral("queued by first"); });
        QCOMPARE(DeferredCalls::pending(), 2);   // itself gone; second and the new one wait
    });
    DeferredCalls::post(&context, [&] { log << QStringLiteral("second"); });
    runUntilIdle();
    QCoreApplication::instance()->removeEventFilter(&counter);
    QCOMPARE(log, QStringList({QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("queued by first")}));
    QCOMPARE(DeferredCalls::passesRun() - passes, quint64(2));
    // Both passes in one slice: one turn of the loop.
    QCOMPARE(counter.events, eventsFor(1));
}

void TestDeferredCalls::otherEventsRunBetweenPasses()
{
    // A chain of calls that keeps queueing the next one must not keep the
    // loop from anything else (a cancel from the GUI, a timeout) for more
    // than a slice: here 50 links of 0.2 ms each, 10 ms in all, and an
    // event for Qt to deliver asked for by the second link.
    QObject context;
    QStringList log;
    int left = 50;
    std::function<void()> step = [&] {
        QElapsedTimer busy;
        busy.start();
        while (busy.nsecsElapsed() < 200'000) {
        }
        log << QStringLiteral("step");
        if (log.size() == 2)
            QMetaObject::invokeMethod(&context, [&log] { log << QStringLiteral("queued by Qt"); },
                                      Qt::QueuedConnection);
        if (--left > 0)
            DeferredCalls::post(&context, step);
    };
    DeferredCalls::post(&context, step);
    runUntilIdle();
    QCOMPARE(left, 0);
    const qsizetype qt = log.indexOf(QStringLiteral("queued by Qt"));
    // A slice is 1 ms (5 links); a loaded machine may stretch a link.
    QVERIFY2(qt >= 2 && qt <= 14, qPrintable(QStringLiteral("Qt's event ran at %1 of %2").arg(qt).arg(log.size())));
}

void TestDeferredCalls::destroyedContextDropsItsCalls()
{
    auto gone = std::make_unique<QObject>();
    QObject kept;
    QStringList log;
    DeferredCalls::post(gone.get(), [&log] { log << QStringLiteral("gone"); });
    DeferredCalls::post(&kept, [&log] { log << QStringLiteral("kept"); });
    gone.reset();
    runUntilIdle();
    QCOMPARE(log, QStringList{QStringLiteral("kept")});
}

void TestDeferredCalls::deletesLikeDeleteLater()
{
    QPointer<QObject> object = new QObject;
    DeferredCalls::deleteLater(object);
    QVERIFY(object);   // not inside the caller
    runUntilIdle();
    QVERIFY(!object);

    // Deleted by someone else first (a parent, say), or asked twice: once only.
    QObject parent;
    QPointer<QObject> child = new QObject(&parent);
    DeferredCalls::deleteLater(child);
    DeferredCalls::deleteLater(child);
    delete child.data();
    runUntilIdle();
    QVERIFY(parent.children().isEmpty());
}

void TestDeferredCalls::eachThreadHasItsOwnQueue()
{
    QThread worker;
    worker.start();
    QObject context;
    context.moveToThread(&worker);
    std::atomic<QThread *> ranIn = nullptr;
    std::atomic<bool> neverRuns = false;
    QMetaObject::invokeMethod(&context, [&] {
        DeferredCalls::post(&context, [&] { ranIn = QThread::currentThread(); });
    }, Qt::QueuedConnection);
    QTRY_COMPARE(ranIn.load(), &worker);
    QCOMPARE(DeferredCalls::pending(), 0);   // the main thread's queue saw none of it

    // Queued just before the thread's loop ends: dropped with the thread's
    // queue, never run, nothing left behind.
    QThread *main = QThread::currentThread();
    QMetaObject::invokeMethod(&context, [&] {
        DeferredCalls::post(&context, [&] { neverRuns = true; });
        context.moveToThread(main);   // home again, from the thread it lives in
        QThread::currentThread()->quit();
    }, Qt::BlockingQueuedConnection);
    QVERIFY(worker.wait(5000));
    QVERIFY(!neverRuns);
}

void TestDeferredCalls::deletionsPendingAtAThreadsEndAreDone()
{
    // What deleteLater() would have deleted when the thread ends is deleted,
    // and so is what those deletions ask for in turn (through Qt, the queue
    // being gone by then).
    QThread worker;
    worker.start();
    QObject context;
    context.moveToThread(&worker);
    QPointer<QObject> doomed;
    QPointer<QObject> askedOnTheWayOut;
    QThread *main = QThread::currentThread();
    QMetaObject::invokeMethod(&context, [&] {
        auto *first = new DeletesAnother;
        first->other = new QObject;
        doomed = first;
        askedOnTheWayOut = first->other.data();
        DeferredCalls::deleteLater(first);
        context.moveToThread(main);
        QThread::currentThread()->quit();
    }, Qt::BlockingQueuedConnection);
    QVERIFY(worker.wait(5000));
    QVERIFY(!doomed);
    QVERIFY(!askedOnTheWayOut);
}

// Qt's GLib dispatcher (Debian's Qt) gets the GLib source; QT_NO_GLIB (the
// test runs again with it, see tests/CMakeLists.txt) the posted events.
// Either way a worker thread's loop runs them too.
void TestDeferredCalls::passesRunFromGlibWhereQtRunsGlib()
{
    const bool qtGlib = QAbstractEventDispatcher::instance()->inherits("QEventDispatcherGlib");
    if (qEnvironmentVariableIsSet("QT_NO_GLIB"))
        QVERIFY(!qtGlib);
    // Built without GLib: always posted events.
    const bool glibLoop = qtGlib && GlibPassSource::available();
    QObject context;
    bool ran = false;
    DeferredCalls::post(&context, [&ran] { ran = true; });
    QCOMPARE(DeferredCalls::runsFromGlibSource(), glibLoop);
    // Posted events alone do not run a pass that a GLib source runs.
    QCoreApplication::sendPostedEvents();
    QCOMPARE(ran, !glibLoop);
    runUntilIdle();
    QVERIFY(ran);

    std::atomic<bool> ranThere = false;
    std::atomic<bool> sourceThere = false;
    QScopedPointer<QThread> thread(QThread::create([&] {
        QObject local;
        DeferredCalls::post(&local, [&] {
            ranThere = true;
            QThread::currentThread()->quit();
        });
        sourceThere = DeferredCalls::runsFromGlibSource();
        QEventLoop loop;
        QObject::connect(QThread::currentThread(), &QThread::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        while (!ranThere && loop.processEvents(QEventLoop::WaitForMoreEvents)) {
        }
    }));
    thread->start();
    QVERIFY(thread->wait(10000));
    QVERIFY(ranThere);
    QCOMPARE(bool(sourceThere), glibLoop);
}

// A chain of passes, each queueing the next (a thousand documents at speed
// 0), must not starve timers (a document's timeout): the GLib source is
// ready at every turn of the loop, at the priority of Qt's own timers.
// (Qt's GLib dispatcher hands fired timers to a second source of its own
// until it next delivers posted events, which a pass no longer is; were
// that source's priority below the default, this would fail.)
void TestDeferredCalls::aLongChainLetsTimersRun()
{
    QObject context;
    QEventLoop loop;   // exec(): the flags under which Qt keeps timers at idle priority
    int fired = 0;
    QTimer timer;
    timer.setInterval(10);
    QObject::connect(&timer, &QTimer::timeout, &context, [&fired] { ++fired; });
    QElapsedTimer clock;
    quint64 links = 0;
    std::function<void()> link = [&] {
        ++links;
        if (clock.elapsed() < 300)
            DeferredCalls::post(&context, link);
        else
            loop.quit();
    };
    QTimer::singleShot(0, &context, [&] {
        timer.start();
        clock.start();
        DeferredCalls::post(&context, link);
    });
    loop.exec();
    timer.stop();
    QVERIFY2(links > 100, qPrintable(QString::number(links)));
    // 30 intervals in 300 ms; a starved timer fires once or twice.
    QVERIFY2(fired >= 15, qPrintable(QStringLiteral("the timer fired %1 times in 300 ms (%2 passes)").arg(fired).arg(links)));
}

QTEST_GUILESS_MAIN(TestDeferredCalls)
#include "tst_deferredcalls.moc"
