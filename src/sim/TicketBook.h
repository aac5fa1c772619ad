#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

namespace socketscope::sim {

// One-time tickets for WebSocket URLs. Every official SDK calls apps.connections.open for each
// (re)connect and reusing an old URL is a known client bug, so a ticket opens exactly one link.
class TicketBook
{
public:
    explicit TicketBook(int lifetimeMs = 5 * 60 * 1000, int maxOutstanding = 10000);

    QString issue();
    // Consumes the ticket: true once for an issued, unexpired ticket, false afterwards.
    bool redeem(const QString &ticket);
    int outstanding() const { return static_cast<int>(m_issuedAtMs.size()); }

private:
    void expire();

    QElapsedTimer m_clock;
    QHash<QString, qint64> m_issuedAtMs;
    int m_lifetimeMs;
    int m_maxOutstanding;
};

} // namespace socketscope::sim
