#include "TicketBook.h"

#include <QUuid>

namespace socketscope::sim {

TicketBook::TicketBook(int lifetimeMs, int maxOutstanding) : m_lifetimeMs(lifetimeMs), m_maxOutstanding(maxOutstanding)
{
    m_clock.start();
}

QString TicketBook::issue()
{
    expire();
    if (m_issuedAtMs.size() >= m_maxOutstanding) {
        // Bounded: forget the oldest ticket rather than grow without limit.
        auto oldest = m_issuedAtMs.begin();
        for (auto it = m_issuedAtMs.begin(); it != m_issuedAtMs.end(); ++it) {
            if (it.value() < oldest.value())
                oldest = it;
        }
        m_issuedAtMs.erase(oldest);
    }
    const QString ticket = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_issuedAtMs.insert(ticket, m_clock.elapsed());
    return ticket;
}

bool TicketBook::redeem(const QString &ticket)
{
    expire();
    return m_issuedAtMs.remove(ticket) > 0;
}

void TicketBook::expire()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_issuedAtMs.begin(); it != m_issuedAtMs.end();) {
        if (now - it.value() > m_lifetimeMs)
            it = m_issuedAtMs.erase(it);
        else
            ++it;
    }
}

} // namespace socketscope::sim
