#pragma once

#include "capture/CaptureStore.h"
#include "nautobot/ChatOpsBridge.h"
#include "slack/Envelope.h"
#include "util/Result.h"

#include <QNetworkProxy>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <memory>

namespace socketscope {

struct ClientOptions
{
    QUrl apiUrl{QStringLiteral("https://slack.com/api/")};
    QString appToken;               // xapp-…; a secret: never logged, never stored
    QString mode = QStringLiteral("dedicated"); // dedicated | bridge
    BridgeOptions bridge;           // used in bridge mode: Nautobot URL, signing secret, ack budget
    bool debugReconnects = false;   // appends debug_reconnects=true to the WebSocket URL
    int pingIntervalMs = 5000;      // client ping cadence
    int livenessWindowMs = 15000;   // no pong and no frame for this long = link is dead
    int backoffInitialMs = 1000;
    int backoffMaxMs = 60000;
    int giveUpAfterFailures = 0;    // consecutive failed attempts before giving up; 0 = never
    // After a replacement's hello the old link stays open, still acking, until Slack closes it; only after
    // this grace period does SocketScope close it. Closing it ourselves earlier would drop envelopes Slack
    // already sent on it (QWebSocket discards data frames that arrive after our Close frame).
    int oldLinkDrainMs = 15000;
    int oldLinkCloseTimeoutMs = 2000;
    int handshakeTimeoutMs = 15000;
    int helloTimeoutMs = 10000;
    int apiTimeoutMs = 10000;
    int maxConnections = 10;        // Slack's per-app limit; at it, close before reopening
    int tooManyWebsocketsBackoffMs = 30000;
    qint64 maxIncomingMessageBytes = 8 * 1024 * 1024;
    std::optional<QNetworkProxy> proxy;               // unset = application proxy factory
    // Per-URL proxy choice (the Web API host and the wss host may differ under NO_PROXY); wins over `proxy`.
    std::function<QNetworkProxy(const QUrl &)> proxyFor;
    std::optional<QSslConfiguration> sslConfiguration; // unset = Qt default (system CAs)
};

enum class ClientState { Idle, Connecting, Connected, Reconnecting, BackingOff, Stopped };
QString clientStateName(ClientState state);

// Owns the links and the reconnect policy. Each envelope is committed to the capture store and
// only then acked. Lives in one thread together with its CaptureStore (the GUI uses a worker thread).
class SocketModeClient : public QObject
{
    Q_OBJECT
public:
    SocketModeClient(CaptureStore *store, ClientOptions options, QObject *parent = nullptr);
    ~SocketModeClient() override;

    void start();
    void stop(const QString &reason = QStringLiteral("stopped by operator"));

    ClientState state() const;
    qint64 sessionId() const;
    int liveLinkCount() const;      // links that received hello and are open
    int numConnections() const;     // last hello.num_connections
    int reconnectCount() const;
    qint64 envelopeCount() const;   // envelopes committed in this session

Q_SIGNALS:
    void stateChanged(socketscope::ClientState state, const QString &detail);
    // The envelopes have capture rows now. Dedicated mode with an ack journal: after their acks (ackedUs
    // set); otherwise after the commit, before or at the ack.
    void envelopesCommitted(const QVector<socketscope::Envelope> &envelopes);
    void envelopesAcked(const QVector<socketscope::AckUpdate> &acks);
    void linkEvent(const socketscope::LinkEvent &event);
    void helloReceived(int linkId, int numConnections, const QString &host);
    void warning(const QString &text);                 // operator-facing, e.g. shared app
    void malformedFrame(int linkId, const QString &problem); // kept in the capture; raw bytes not re-emitted
    void deliveryUpdated(qint64 rowId, const QString &status); // Bridge mode: a re-delivery's outcome
    void fatalError(const socketscope::Error &error);  // session stopped: auth/config (exit 3)
    void gaveUp(const socketscope::Error &error);      // session stopped: network (exit 4)
    void stopped();

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace socketscope

Q_DECLARE_METATYPE(socketscope::LinkEvent)
Q_DECLARE_METATYPE(socketscope::Error)
Q_DECLARE_METATYPE(socketscope::ClientState)
Q_DECLARE_METATYPE(socketscope::AckUpdate)
