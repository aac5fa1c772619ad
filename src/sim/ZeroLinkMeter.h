#pragma once

#include <QtGlobal>

namespace socketscope::sim {

// Measures time without any live link, from the first hello until stop(). The core promise is
// "no window without a live link" across refresh/warning; tests read this to prove it.
class ZeroLinkMeter
{
public:
    void liveCountChanged(int liveLinks, qint64 nowNs);
    void stop(qint64 nowNs);
    qint64 totalUs(qint64 nowNs) const; // includes a window still open
    int windows() const { return m_windows; }
    bool measuring() const { return m_started && !m_stopped; }

private:
    bool m_started = false;
    bool m_stopped = false;
    bool m_inGap = false;
    qint64 m_gapStartNs = 0;
    qint64 m_totalNs = 0;
    int m_windows = 0;
};

} // namespace socketscope::sim
