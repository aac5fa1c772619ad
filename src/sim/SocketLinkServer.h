#pragma once

#include "util/Result.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>

class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace socketscope::sim {

class TicketBook;

// The WebSocket side on its own ephemeral 127.0.0.1 port. The ticket is checked before the
// upgrade, so an unknown or reused ticket gets an HTTP error instead of a WebSocket (as a
// reused Slack URL fails): QTcpServer accepts, we peek at the request, then hand the socket
// to QWebSocketServer::handleConnection.
class SocketLinkServer : public QObject
{
    Q_OBJECT
public:
    SocketLinkServer(TicketBook *tickets, QObject *parent = nullptr);
    ~SocketLinkServer() override;

    Result<void> listen(const QHostAddress &address, quint16 port = 0);
    quint16 port() const;
    int refusedHandshakes() const { return m_refused; }
    void setHandshakeTimeoutMs(int ms) { m_handshakeTimeoutMs = ms; }

Q_SIGNALS:
    // socket: the upgraded link; tcp: its TCP socket (for stale simulation).
    void linkAccepted(QWebSocket *socket, QTcpSocket *tcp, bool debugReconnects);
    void handshakeRefused(const QString &why);

private:
    struct Pending
    {
        QTcpSocket *tcp = nullptr;
        bool debugReconnects = false;
    };
    void onNewTcpConnection();
    void inspectHandshake(QTcpSocket *tcp);
    void refuse(QTcpSocket *tcp, int status, const QByteArray &why);
    void onUpgraded();

    TicketBook *m_tickets;
    QTcpServer *m_tcpServer;
    QWebSocketServer *m_wsServer;
    QHash<quint16, Pending> m_pending; // by client port: all peers are on 127.0.0.1
    int m_refused = 0;
    int m_handshakeTimeoutMs = 10000;
};

} // namespace socketscope::sim
