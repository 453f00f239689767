#pragma once

#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <utility>

class QSocketNotifier;
class QTimer;

namespace Madf::Test {

/** Runs callbacks at deadlines on the monotonic clock (nowNs()), never before
 *  them and, on Linux, within a few microseconds after: one timerfd armed to
 *  the earliest deadline. Qt's timers round every wait up to a whole
 *  millisecond, which would make the mock's latency half a millisecond
 *  longer on average than configured. Elsewhere a Qt timer stands in.
 *  Lives in the thread of its callers. */
class DeadlineQueue : public QObject
{
    Q_OBJECT

public:
    /** A scheduled callback, for cancel(): its deadline and a serial number. */
    using Key = std::pair<qint64, quint64>;

    static qint64 nowNs();

    explicit DeadlineQueue(QObject *parent = nullptr);
    ~DeadlineQueue() override;

    /** Runs @p fn at @p deadlineNs unless @p context has been destroyed by then. */
    Key schedule(qint64 deadlineNs, QObject *context, std::function<void()> fn);
    void cancel(const Key &key);

private:
    struct Entry
    {
        QPointer<QObject> context;
        std::function<void()> fn;
    };

    void runDue();
    void arm();

    std::map<Key, Entry> m_entries;
    quint64 m_serial = 0;
    qint64 m_armedNs = -1;            // deadline the timer is set to; -1: none
    int m_timerFd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_fallback = nullptr;
};

} // namespace Madf::Test
