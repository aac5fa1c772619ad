#pragma once
// Shared by bench_side_by_side and bench_soak: waiting on the event loop, /proc figures of a client
// process, machine load, and a paced traffic driver that sends through the simulator and measures
// every envelope on the simulator side (send → ack received), the same way for any client.

#include "SlackSimulator.h"
#include "TrafficPacer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSysInfo>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <unistd.h>

namespace socketscope::bench {

inline void say(const QString &s)
{
    std::fprintf(stderr, "%s\n", qPrintable(s));
    std::fflush(stderr);
}

// Runs the event loop until done() or the timeout; returns done(). It sleeps in the event loop between
// events (a timer wakes it to look at done() again): a loop that spins on processEvents() keeps a whole
// core busy, and on two cores that takes the CPU from the client being measured and shows up as its
// ack latency.
inline bool waitUntil(const std::function<bool()> &done, qint64 timeoutMs)
{
    QElapsedTimer t;
    t.start();
    QTimer recheck;
    recheck.start(2);
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

inline void runFor(qint64 ms)
{
    waitUntil([] { return false; }, ms);
}

inline qint64 percentile(QVector<qint64> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5)));
}

inline qint64 maxOf(const QVector<qint64> &v)
{
    return v.isEmpty() ? 0 : *std::max_element(v.cbegin(), v.cend());
}

// A field of /proc/<pid>/status in kB (VmRSS:, VmHWM:); -1 if unreadable.
inline qint64 procStatusKb(qint64 pid, const char *field)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// utime + stime of a process (all its threads) in milliseconds, from /proc/<pid>/stat; -1 if unreadable.
inline qint64 procCpuMs(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // comm (field 2) may contain spaces; the fields after its closing parenthesis start at field 3.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong(); // fields 14 and 15
    const long hz = sysconf(_SC_CLK_TCK);
    return hz > 0 ? ticks * 1000 / hz : -1;
}

inline QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    const QList<QByteArray> parts = f.readAll().split(' ');
    return parts.size() >= 3 ? QString::fromLatin1(parts.at(0) + ' ' + parts.at(1) + ' ' + parts.at(2)) : QStringLiteral("?");
}

inline QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return QString::fromLatin1(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

// Sends envelopes at a paced rate through SlackSimulator::sendEnvelope and follows each one to its
// ack. Everything is measured on the simulator side, so every client is measured the same way.
class TrafficDriver
{
public:
    struct Phase
    {
        int sent = 0;                   // delivered to a live link
        int undeliverable = 0;          // no live link (or the link's send buffer was full)
        int undeliverableEvents = 0;    //  … of them events_api (Slack retries those later)
        int acked = 0;                  // of `sent`, acked
        int late = 0;                   // acks over the 3 s deadline
        QVector<qint64> latenciesUs;    // per acked envelope of this phase
        qint64 elapsedMs = 0;           // sending time
        double achievedPerSecond() const { return elapsedMs > 0 ? (sent + undeliverable) * 1000.0 / double(elapsedMs) : 0; }
    };

    explicit TrafficDriver(sim::SlackSimulator *simulator) : m_sim(simulator)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(2);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
        QObject::connect(m_sim, &sim::SlackSimulator::envelopeAcked, [this](const QString &id, qint64 latencyUs) {
            const auto it = m_pending.find(id);
            if (it == m_pending.end())
                return; // a Slack retry, or traffic not sent by this driver
            m_pending.erase(it);
            ++m_phase.acked;
            if (latencyUs > 3000000)
                ++m_phase.late;
            m_phase.latenciesUs.append(latencyUs);
        });
    }

    // Starts a new phase: counters reset; envelopes of older phases still unacked are forgotten.
    void start(double perSecond)
    {
        m_phase = Phase{};
        m_pending.clear();
        m_clock.start();
        m_pacer.start(perSecond, m_clock.nsecsElapsed(), 100);
        m_timer.start();
    }
    void stop()
    {
        if (!m_timer.isActive())
            return;
        tick();
        m_timer.stop();
        m_phase.elapsedMs = m_clock.elapsed();
    }
    // Waits (bounded) until every delivered envelope of the phase is acked.
    bool settle(qint64 timeoutMs)
    {
        return waitUntil([this] { return m_pending.isEmpty(); }, timeoutMs);
    }
    const Phase &phase() const { return m_phase; }
    int unacked() const { return int(m_pending.size()); }
    // Unacked envelopes that Slack never retries (slash commands, interactivity): lost for good.
    int unackedNonEvents() const
    {
        return int(std::count_if(m_pending.cbegin(), m_pending.cend(), [](bool isEvent) { return !isEvent; }));
    }

private:
    void tick()
    {
        static const sim::EnvelopeKind kMix[] = {sim::EnvelopeKind::SlashCommand, sim::EnvelopeKind::AppMention,
                                                 sim::EnvelopeKind::BlockActions, sim::EnvelopeKind::Message,
                                                 sim::EnvelopeKind::ViewSubmission};
        const int due = m_pacer.due(m_clock.nsecsElapsed());
        for (int i = 0; i < due; ++i) {
            const sim::EnvelopeKind kind = kMix[m_next++ % 5];
            const bool isEvent = kind == sim::EnvelopeKind::AppMention || kind == sim::EnvelopeKind::Message;
            const QString id = m_sim->sendEnvelope(kind);
            if (id.isEmpty()) {
                ++m_phase.undeliverable;
                m_phase.undeliverableEvents += isEvent ? 1 : 0;
                continue;
            }
            ++m_phase.sent;
            m_pending.insert(id, isEvent);
        }
    }

    sim::SlackSimulator *m_sim;
    QTimer m_timer;
    QElapsedTimer m_clock;
    sim::TrafficPacer m_pacer;
    QHash<QString, bool> m_pending; // envelope id → is an events_api event
    Phase m_phase;
    quint64 m_next = 0;
};

} // namespace socketscope::bench
