#include "ZeroLinkMeter.h"

namespace socketscope::sim {

void ZeroLinkMeter::liveCountChanged(int liveLinks, qint64 nowNs)
{
    if (m_stopped)
        return;
    if (!m_started) {
        if (liveLinks > 0)
            m_started = true;
        return;
    }
    if (liveLinks == 0 && !m_inGap) {
        m_inGap = true;
        m_gapStartNs = nowNs;
        ++m_windows;
    } else if (liveLinks > 0 && m_inGap) {
        m_inGap = false;
        m_totalNs += nowNs - m_gapStartNs;
    }
}

void ZeroLinkMeter::stop(qint64 nowNs)
{
    if (m_stopped)
        return;
    if (m_inGap) {
        m_totalNs += nowNs - m_gapStartNs;
        m_inGap = false;
    }
    m_stopped = true;
}

qint64 ZeroLinkMeter::totalUs(qint64 nowNs) const
{
    qint64 total = m_totalNs;
    if (m_inGap && !m_stopped)
        total += nowNs - m_gapStartNs;
    return total / 1000;
}

} // namespace socketscope::sim
