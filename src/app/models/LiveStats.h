#pragma once

#include "capture/CaptureStore.h"

#include <QVector>

#include <deque>

namespace socketscope {

// Envelope rate over a sliding window and ack-latency percentiles over the newest acks.
// Bounded memory: at most kMaxSamples latencies and one timestamp per envelope in the window.
class LiveStats
{
public:
    static constexpr int kMaxSamples = 5000;
    static constexpr qint64 kRateWindowUs = 5'000'000;

    void addEnvelopes(int count, qint64 nowUs);
    void addAckLatency(qint64 latencyUs);
    void clear();

    double ratePerSecond(qint64 nowUs);
    qint64 percentileUs(double p) const; // -1 when no samples
    QVector<qint64> latencies() const { return QVector<qint64>(m_latencies.begin(), m_latencies.end()); }
    qint64 total() const { return m_total; }

private:
    std::deque<std::pair<qint64, int>> m_arrivals; // (time, count)
    std::deque<qint64> m_latencies;
    qint64 m_total = 0;
};

} // namespace socketscope
