#pragma once

#include "slack/Envelope.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace socketscope {

struct LinkSettings
{
    int pingIntervalMs = 5000;
    int livenessWindowMs = 15000;
    int handshakeTimeoutMs = 15000;
    int helloTimeoutMs = 10000;
    qint64 maxIncomingMessageBytes = 8 * 1024 * 1024;
};

// One Socket Mode WebSocket. Parses frames, pings the server and declares itself dead when neither
// a pong nor any frame arrives within the liveness window. The reconnect policy lives in
// SocketModeClient; a link only reports what happened to it.
class SocketLink : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Opening, Open, Live, Closing, Closed };
    Q_ENUM(State)

    SocketLink(int id, LinkSettings settings, QObject *parent = nullptr);
    ~SocketLink() override;

    int id() const { return m_id; }
    State state() const { return m_state; }
    bool canSend() const { return m_state == State::Open || m_state == State::Live; }
    bool isRetiring() const { return m_retiring; }
    // Closed by neither side's close handshake (TCP dropped, or the link died): what was written to it
    // last may never have arrived.
    bool peerVanished() const { return m_state == State::Closed && !m_peerSentClose && !m_closedByUs; }
    void setRetiring() { m_retiring = true; }
    QString host() const { return m_host; }
    qint64 openedUs() const { return m_openedUs; }

    void setProxy(const QNetworkProxy &proxy) { m_socket.setProxy(proxy); }
    void setSslConfiguration(const QSslConfiguration &configuration) { m_socket.setSslConfiguration(configuration); }

    void open(const QUrl &url);
    bool sendText(const QByteArray &frame);
    void flush(); // hands what sendText queued to the kernel now
    // Close handshake; aborts the TCP connection if the server has not closed within timeoutMs.
    void close(const QString &why, int timeoutMs);
    void abort(const QString &why);

Q_SIGNALS:
    void opened(int linkId);
    void hello(int linkId, const socketscope::Frame &frame);
    void disconnectRequested(int linkId, const QString &reason);
    void envelopeReceived(int linkId, const socketscope::Envelope &envelope);
    void malformedFrame(int linkId, const QString &problem, const QByteArray &raw);
    void dead(int linkId, const QString &why);       // liveness failed; the link aborts itself
    void closed(int linkId, const QString &why);      // always the last signal

private:
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void onBinary(const QByteArray &bytes);
    void onError(QAbstractSocket::SocketError error);
    void onPingTick();
    void markActivity();
    void finish(const QString &why);
    QString closeDescription() const;

    const int m_id;
    const LinkSettings m_settings;
    QWebSocket m_socket;
    QTimer m_pingTimer;
    QTimer m_deadlineTimer; // handshake, hello, liveness and close deadlines share one timer
    QElapsedTimer m_sinceActivity;
    State m_state = State::Idle;
    bool m_retiring = false;
    bool m_peerSentClose = false; // a close frame arrived (QWebSocket's closeCode() cannot tell)
    bool m_closedByUs = false;    // close() sent our close frame
    bool m_aborting = false;      // abort() is tearing the connection down
    QString m_host;
    QString m_closeWhy;
    QString m_errorText;
    qint64 m_openedUs = 0;
};

} // namespace socketscope
