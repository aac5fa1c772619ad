#include "SimLink.h"

#include "util/Logging.h"

#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

#include <memory>

namespace socketscope::sim {

SimLink::SimLink(int id, QWebSocket *socket, QTcpSocket *tcp, bool debugReconnects, QObject *parent)
    : QObject(parent), m_id(id), m_socket(socket), m_tcp(tcp), m_debugReconnects(debugReconnects),
      m_pingTimer(new QTimer(this)), m_staleWatch(new QTimer(this))
{
    m_socket->setParent(this);
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        Q_EMIT textReceived(this, text);
    });
    connect(m_socket, &QWebSocket::disconnected, this, &SimLink::markClosed);
    connect(m_pingTimer, &QTimer::timeout, this, [this] {
        if (!m_stale && !m_closed)
            m_socket->ping(QByteArrayLiteral("Ping from ") + host().toUtf8());
    });
    m_staleWatch->setInterval(200);
    connect(m_staleWatch, &QTimer::timeout, this, [this] {
        if (!m_tcp || m_tcp->state() == QAbstractSocket::UnconnectedState)
            markClosed();
    });
}

SimLink::~SimLink()
{
    if (m_tcp)
        m_tcp->blockSignals(false);
}

QString SimLink::host() const
{
    return QStringLiteral("applink-sim-%1").arg(m_id);
}

void SimLink::markClosed()
{
    if (m_closed)
        return;
    m_closed = true;
    m_pingTimer->stop();
    m_staleWatch->stop();
    Q_EMIT closed(this);
}

bool SimLink::sendText(const QByteArray &utf8Json)
{
    if (m_stale || m_closed)
        return false;
    m_socket->sendTextMessage(QString::fromUtf8(utf8Json));
    return true;
}

bool SimLink::sendBinary(const QByteArray &bytes)
{
    if (m_stale || m_closed)
        return false;
    m_socket->sendBinaryMessage(bytes);
    return true;
}

qint64 SimLink::bytesToWrite() const
{
    return m_tcp ? m_tcp->bytesToWrite() : 0;
}

void SimLink::startServerPings(int intervalMs)
{
    if (intervalMs > 0)
        m_pingTimer->start(intervalMs);
}

void SimLink::startLifetime(qint64 lifetimeMs)
{
    // QTimer takes int milliseconds; clamp absurd lifetimes instead of overflowing.
    const int ms = static_cast<int>(qBound<qint64>(1, lifetimeMs, 24LL * 24 * 3600 * 1000));
    QTimer::singleShot(ms, this, [this] {
        if (!m_closed)
            Q_EMIT lifetimeExpired(this);
    });
}

void SimLink::closeAfter(int delayMs)
{
    QTimer::singleShot(qMax(0, delayMs), this, [this] {
        if (m_closed)
            return;
        if (m_stale) {
            abortNow(); // a deaf link cannot run a close handshake
            return;
        }
        m_socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("link closed by server"));
        // Bounded: if the client never answers the close frame, drop the TCP connection.
        QTimer::singleShot(2000, this, [this] {
            if (!m_closed)
                abortNow();
        });
    });
}

void SimLink::abortAfter(int delayMs)
{
    m_socket->flush();
    QTimer::singleShot(qMax(0, delayMs), this, &SimLink::abortNow);
}

void SimLink::abortNow()
{
    if (m_closed)
        return;
    if (m_tcp) {
        m_tcp->blockSignals(false);
        m_tcp->abort();
    }
    m_socket->abort();
    markClosed();
}

void SimLink::sendPartialTextAndAbort(const QByteArray &utf8Json, int payloadBytes)
{
    if (m_stale || m_closed || !m_tcp)
        return;
    // Whatever QWebSocket queued before goes out first, so earlier frames stay whole.
    m_socket->flush();
    // RFC 6455 §5.2 server frame: FIN + text opcode, no mask, 7/16/64-bit length.
    const quint64 length = static_cast<quint64>(utf8Json.size());
    QByteArray wire;
    wire.append(char(0x81));
    if (length < 126) {
        wire.append(char(length));
    } else if (length <= 0xffff) {
        wire.append(char(126));
        for (int shift = 8; shift >= 0; shift -= 8)
            wire.append(char((length >> shift) & 0xff));
    } else {
        wire.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            wire.append(char((length >> shift) & 0xff));
    }
    wire.append(utf8Json.left(qBound(0, payloadBytes, int(utf8Json.size()) - 1)));
    m_tcp->write(wire);
    m_tcp->flush();
    // abort() discards unsent bytes: wait (bounded) until the partial frame left, then let the
    // client read it before the reset arrives.
    auto *wait = new QTimer(this);
    wait->setInterval(10);
    auto ticks = std::make_shared<int>(0);
    connect(wait, &QTimer::timeout, this, [this, wait, ticks] {
        if ((m_tcp && m_tcp->bytesToWrite() > 0) && ++*ticks < 300) {
            m_tcp->flush();
            return;
        }
        wait->stop();
        wait->deleteLater();
        QTimer::singleShot(50, this, &SimLink::abortNow);
    });
    wait->start();
}

void SimLink::closeWithoutCloseFrame()
{
    if (m_closed || !m_tcp)
        return;
    m_socket->flush();
    m_tcp->blockSignals(false);
    m_tcp->disconnectFromHost(); // FIN after the queued bytes; no close frame
}

void SimLink::setStale(bool stale)
{
    if (m_stale == stale || m_closed)
        return;
    m_stale = stale;
    if (!m_tcp)
        return;
    m_tcp->blockSignals(stale);
    if (stale) {
        m_staleWatch->start();
    } else {
        m_staleWatch->stop();
        if (m_tcp->bytesAvailable() > 0)
            Q_EMIT m_tcp->readyRead(); // what arrived while deaf is read now
        if (m_tcp->state() == QAbstractSocket::UnconnectedState)
            markClosed();
    }
    qCDebug(lcSim) << "link" << m_id << (stale ? "is deaf" : "hears again");
}

} // namespace socketscope::sim
