#include "SocketLinkServer.h"

#include "HttpServer.h"
#include "TicketBook.h"
#include "util/Logging.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

namespace socketscope::sim {

namespace {
constexpr int kMaxHandshakeBytes = 16 * 1024;
}

SocketLinkServer::SocketLinkServer(TicketBook *tickets, QObject *parent)
    : QObject(parent), m_tickets(tickets), m_tcpServer(new QTcpServer(this)),
      m_wsServer(new QWebSocketServer(QStringLiteral("SocketScope Slack simulator"), QWebSocketServer::NonSecureMode, this))
{
    connect(m_tcpServer, &QTcpServer::newConnection, this, &SocketLinkServer::onNewTcpConnection);
    connect(m_wsServer, &QWebSocketServer::newConnection, this, &SocketLinkServer::onUpgraded);
}

SocketLinkServer::~SocketLinkServer() = default;

Result<void> SocketLinkServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_tcpServer->listen(address, port)) {
        return Error{QStringLiteral("listen_failed"),
                     QStringLiteral("Cannot open the simulator's WebSocket port: %1.").arg(m_tcpServer->errorString()),
                     {}};
    }
    return {};
}

quint16 SocketLinkServer::port() const
{
    return m_tcpServer->serverPort();
}

void SocketLinkServer::onNewTcpConnection()
{
    while (QTcpSocket *tcp = m_tcpServer->nextPendingConnection()) {
        tcp->setParent(this);
        // Nagle would hold a frame written while the last one is unacknowledged until the peer's delayed
        // ACK (40 ms on Linux): a stall of the simulator, not of the client being measured. WebSocket
        // servers built for latency set TCP_NODELAY, as both clients here do on their side.
        tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(tcp, &QTcpSocket::readyRead, this, [this, tcp] { inspectHandshake(tcp); });
        connect(tcp, &QTcpSocket::disconnected, tcp, &QObject::deleteLater);
        // Bounded: a peer that never finishes its handshake is dropped.
        auto *timer = new QTimer(tcp);
        timer->setObjectName(QStringLiteral("simHandshakeTimer"));
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, tcp, [tcp] { tcp->abort(); });
        timer->start(m_handshakeTimeoutMs);
    }
}

void SocketLinkServer::refuse(QTcpSocket *tcp, int status, const QByteArray &why)
{
    ++m_refused;
    disconnect(tcp, &QTcpSocket::readyRead, this, nullptr);
    const QByteArray body = why + '\n';
    tcp->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + httpReasonPhrase(status)
               + "\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size())
               + "\r\nConnection: close\r\n\r\n" + body);
    tcp->disconnectFromHost();
    qCInfo(lcSim) << "WebSocket handshake refused:" << why;
    Q_EMIT handshakeRefused(QString::fromUtf8(why));
}

void SocketLinkServer::inspectHandshake(QTcpSocket *tcp)
{
    const QByteArray head = tcp->peek(kMaxHandshakeBytes + 1);
    const int end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() > kMaxHandshakeBytes)
            refuse(tcp, 431, QByteArrayLiteral("handshake too large"));
        return;
    }
    const QByteArrayList requestLine = head.left(head.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || requestLine.at(0) != "GET") {
        refuse(tcp, 400, QByteArrayLiteral("not a WebSocket handshake"));
        return;
    }
    const QUrl url = QUrl::fromEncoded(requestLine.at(1));
    if (url.path() != QLatin1String("/link/") && url.path() != QLatin1String("/link")) {
        refuse(tcp, 404, QByteArrayLiteral("unknown path"));
        return;
    }
    const QUrlQuery query(url);
    const QString ticket = query.queryItemValue(QStringLiteral("ticket"));
    // The ticket is consumed here: a second handshake with the same URL is refused.
    if (ticket.isEmpty() || !m_tickets->redeem(ticket)) {
        refuse(tcp, 401, QByteArrayLiteral("invalid_ticket: unknown or already used; call apps.connections.open again"));
        return;
    }
    disconnect(tcp, &QTcpSocket::readyRead, this, nullptr);
    disconnect(tcp, &QTcpSocket::disconnected, tcp, &QObject::deleteLater);
    if (QTimer *timer = tcp->findChild<QTimer *>(QStringLiteral("simHandshakeTimer")))
        timer->deleteLater();
    m_pending.insert(tcp->peerPort(),
                     Pending{tcp, query.queryItemValue(QStringLiteral("debug_reconnects")) == QLatin1String("true")});
    connect(tcp, &QObject::destroyed, this, [this, port = tcp->peerPort()] { m_pending.remove(port); });
    m_wsServer->handleConnection(tcp);
}

void SocketLinkServer::onUpgraded()
{
    while (QWebSocket *socket = m_wsServer->nextPendingConnection()) {
        const Pending pending = m_pending.take(socket->peerPort());
        if (!pending.tcp) {
            // Cannot happen with 127.0.0.1 peers; refuse rather than guess.
            socket->abort();
            socket->deleteLater();
            continue;
        }
        Q_EMIT linkAccepted(socket, pending.tcp, pending.debugReconnects);
    }
}

} // namespace socketscope::sim
