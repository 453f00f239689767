#include "deadlinequeue.h"

#include <QSocketNotifier>
#include <QTimer>

#include <chrono>

#ifdef Q_OS_LINUX
#include <sys/timerfd.h>
#include <unistd.h>
#endif

namespace Madf::Test {

qint64 DeadlineQueue::nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

DeadlineQueue::DeadlineQueue(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_LINUX
    // steady_clock is CLOCK_MONOTONIC on Linux: the timerfd shares nowNs()'s clock.
    m_timerFd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (m_timerFd >= 0) {
        m_notifier = new QSocketNotifier(m_timerFd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            quint64 expirations = 0;
            [[maybe_unused]] const auto n = ::read(m_timerFd, &expirations, sizeof expirations);
            m_armedNs = -1;
            runDue();
        });
        return;
    }
#endif
    m_fallback = new QTimer(this);
    m_fallback->setSingleShot(true);
    m_fallback->setTimerType(Qt::PreciseTimer);
    connect(m_fallback, &QTimer::timeout, this, [this] {
        m_armedNs = -1;
        runDue();
    });
}

DeadlineQueue::~DeadlineQueue()
{
#ifdef Q_OS_LINUX
    delete m_notifier;
    if (m_timerFd >= 0)
        ::close(m_timerFd);
#endif
}

DeadlineQueue::Key DeadlineQueue::schedule(qint64 deadlineNs, QObject *context, std::function<void()> fn)
{
    const Key key{deadlineNs, ++m_serial};
    m_entries.emplace(key, Entry{context, std::move(fn)});
    arm();
    return key;
}

void DeadlineQueue::cancel(const Key &key)
{
    m_entries.erase(key);
    // The timer stays armed: waking for nothing is cheaper than re-arming now.
}

void DeadlineQueue::runDue()
{
    qint64 now = nowNs();
    while (!m_entries.empty()) {
        auto it = m_entries.begin();
        if (it->first.first > now) {
            now = nowNs(); // the callbacks took time: more may be due now
            if (it->first.first > now)
                break;
        }
        Entry entry = std::move(it->second);
        m_entries.erase(it);
        if (entry.context)
            entry.fn(); // may schedule or cancel others
    }
    arm();
}

void DeadlineQueue::arm()
{
    if (m_entries.empty())
        return;
    const qint64 next = m_entries.begin()->first.first;
    if (m_armedNs >= 0 && m_armedNs <= next)
        return; // an earlier wake-up is set already; it re-arms for the rest
    m_armedNs = next;
#ifdef Q_OS_LINUX
    if (m_timerFd >= 0) {
        itimerspec spec{};
        // 0 would disarm the timer: a deadline at or before the clock's start is simply due.
        const qint64 at = qMax<qint64>(next, 1);
        spec.it_value.tv_sec = time_t(at / 1000000000);
        spec.it_value.tv_nsec = long(at % 1000000000);
        timerfd_settime(m_timerFd, TFD_TIMER_ABSTIME, &spec, nullptr);
        return;
    }
#endif
    // Qt never fires early; rounding the wait up keeps it so.
    const qint64 waitNs = qMax<qint64>(0, next - nowNs());
    m_fallback->start(int((waitNs + 999999) / 1000000));
}

} // namespace Madf::Test
