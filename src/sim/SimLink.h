#pragma once

#include <QObject>
#include <QPointer>

class QTcpSocket;
class QTimer;
class QWebSocket;

namespace socketscope::sim {

// One accepted Socket Mode WebSocket link, seen from the Slack side: it pings like Slack,
// can go deaf ("stale"), close politely later, or drop the TCP connection without a close frame.
class SimLink : public QObject
{
    Q_OBJECT
public:
    SimLink(int id, QWebSocket *socket, QTcpSocket *tcp, bool debugReconnects, QObject *parent = nullptr);
    ~SimLink() override;

    int id() const { return m_id; }
    bool debugReconnects() const { return m_debugReconnects; }
    bool isOpen() const { return !m_closed; }
    bool isLive() const { return m_live && !m_closed; } // hello sent and still open
    void setLive(bool live) { m_live = live; }
    bool isStale() const { return m_stale; }
    QString host() const;

    bool sendText(const QByteArray &utf8Json); // false when stale or closed (nothing written)
    bool sendBinary(const QByteArray &bytes);
    qint64 bytesToWrite() const;

    void startServerPings(int intervalMs);
    void startLifetime(qint64 lifetimeMs); // emits lifetimeExpired once
    void closeAfter(int delayMs);          // close frame, unless the client closed first
    void abortAfter(int delayMs);          // TCP abort (no close frame), after frames in flight left
    void abortNow();
    // Fault injection: the WebSocket header and the first payloadBytes of a text frame reach the
    // wire, then the TCP connection is aborted (RST) with the rest of the frame never sent.
    void sendPartialTextAndAbort(const QByteArray &utf8Json, int payloadBytes);
    // Fault injection: TCP FIN without a WebSocket close frame (a proxy or load balancer closing).
    void closeWithoutCloseFrame();
    // Deaf: no frames, no pings and no pongs. QWebSocket answers pings by itself while it reads,
    // so the link stops reading the TCP socket (its signals are blocked) until un-staled.
    void setStale(bool stale);

Q_SIGNALS:
    void textReceived(socketscope::sim::SimLink *link, const QString &text);
    void closed(socketscope::sim::SimLink *link);
    void lifetimeExpired(socketscope::sim::SimLink *link);

private:
    void markClosed();

    int m_id;
    QWebSocket *m_socket;
    QPointer<QTcpSocket> m_tcp;
    bool m_debugReconnects;
    bool m_live = false;
    bool m_stale = false;
    bool m_closed = false;
    QTimer *m_pingTimer;
    QTimer *m_staleWatch; // while deaf, notices a peer that went away
};

} // namespace socketscope::sim
