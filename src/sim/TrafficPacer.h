#pragma once

#include <QtGlobal>

#include <cmath>

namespace socketscope::sim {

// How many envelopes a traffic tick must send to hold a rate. After a stall it catches up by at
// most maxBurstMs worth of envelopes and forgets the rest, so a slow moment never turns into a storm.
class TrafficPacer
{
public:
    void start(double perSecond, qint64 nowNs, int maxBurstMs = 100)
    {
        m_perSecond = perSecond;
        m_startNs = nowNs;
        m_sent = 0;
        m_skipped = 0;
        m_maxBurst = qMax<qint64>(1, static_cast<qint64>(std::ceil(perSecond * maxBurstMs / 1000.0)));
    }
    double perSecond() const { return m_perSecond; }
    // Envelopes the rate called for that were never sent because a stall outlasted one burst.
    qint64 skipped() const { return m_skipped; }

    int due(qint64 nowNs)
    {
        if (m_perSecond <= 0)
            return 0;
        const auto expected = static_cast<qint64>(std::floor(m_perSecond * static_cast<double>(nowNs - m_startNs) / 1e9));
        qint64 count = expected - m_sent;
        if (count > m_maxBurst) {
            m_skipped += count - m_maxBurst; // drop the backlog beyond one burst
            m_sent = expected - m_maxBurst;
            count = m_maxBurst;
        }
        m_sent += qMax<qint64>(0, count);
        return static_cast<int>(qMax<qint64>(0, count));
    }

private:
    double m_perSecond = 0;
    qint64 m_startNs = 0;
    qint64 m_sent = 0; // sent or skipped
    qint64 m_skipped = 0;
    qint64 m_maxBurst = 1;
};

} // namespace socketscope::sim
