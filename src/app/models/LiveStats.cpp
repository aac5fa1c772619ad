#include "models/LiveStats.h"

#include <algorithm>

namespace socketscope {

void LiveStats::addEnvelopes(int count, qint64 nowUs)
{
    if (count <= 0)
        return;
    m_total += count;
    if (!m_arrivals.empty() && nowUs - m_arrivals.back().first < 100'000)
        m_arrivals.back().second += count; // one bucket per 100 ms keeps this small at any rate
    else
        m_arrivals.emplace_back(nowUs, count);
}

void LiveStats::addAckLatency(qint64 latencyUs)
{
    if (latencyUs < 0)
        return;
    m_latencies.push_back(latencyUs);
    if (m_latencies.size() > static_cast<size_t>(kMaxSamples))
        m_latencies.pop_front();
}

void LiveStats::clear()
{
    m_arrivals.clear();
    m_latencies.clear();
    m_total = 0;
}

double LiveStats::ratePerSecond(qint64 nowUs)
{
    while (!m_arrivals.empty() && nowUs - m_arrivals.front().first > kRateWindowUs)
        m_arrivals.pop_front();
    int count = 0;
    for (const auto &a : m_arrivals)
        count += a.second;
    return double(count) * 1'000'000.0 / double(kRateWindowUs);
}

qint64 LiveStats::percentileUs(double p) const
{
    if (m_latencies.empty())
        return -1;
    std::vector<qint64> sorted(m_latencies.begin(), m_latencies.end());
    const size_t k = static_cast<size_t>(double(sorted.size() - 1) * p);
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k), sorted.end());
    return sorted[k];
}

} // namespace socketscope
