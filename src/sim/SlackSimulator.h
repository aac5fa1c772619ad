#pragma once
// CONTRACT (written before the implementation): the simulator's public API. Extend, do not break.

#include "util/Result.h"

#include <QHash>
#include <QPair>
#include <QObject>
#include <QSet>
#include <QUrl>
#include <QVector>

#include <optional>

namespace socketscope::sim {

class HttpServer;
struct ResponseUrlPost;
struct PostedChatMessage;

struct SlackSimConfig
{
    QString appToken = QStringLiteral("xapp-1-A0SIMAPP01-1000000000001-5f1d7a0c8e4b9a2d3c6f0e1b7a9d8c4e2f6a0b3c5d7e9f1a2b4c6d8e0f1a3b5c");
    QString botToken = QStringLiteral("xoxb-1000000000001-2000000000002-SimBotTokenValue0001");
    QString appId = QStringLiteral("A0SIMAPP01");
    QString teamId = QStringLiteral("T0SIM0001");
    QString teamDomain = QStringLiteral("socketscope-demo");
    int serverPingIntervalMs = 10000;   // Slack pings clients (control frames)
    int ackDeadlineMs = 3000;           // unacked events_api envelopes are retried after this
    QVector<int> retryDelaysMs{0, 60000, 300000}; // after the deadline: 1st nearly at once, then 1 min, 5 min
    int warningCloseDelayMs = 10000;    // disconnect "warning" → close this much later
    int maxConnections = 10;
    int approximateConnectionTimeS = 18060;
    int debugReconnectsConnectionTimeS = 360;

    // Extensions (not in the first contract)
    QString teamName = QStringLiteral("SocketScope Demo");
    QString botUserName = QStringLiteral("nautobot");
    QString botUserId = QStringLiteral("U0SIMBOT01");
    QString botId = QStringLiteral("B0SIMBOT01");
    int buildNumber = 18;
    // A link is refreshed (disconnect refresh_requested) after approximate_connection_time × this
    // scale; tests use a tiny scale to see the debug_reconnects refresh in milliseconds.
    double connectionTimeScale = 1.0;
    int refreshCloseDelayMs = 2000;       // refresh_requested → server closes this much later
    int linkDisabledCloseDelayMs = 1000;  // link_disabled → server closes this much later
    int tooManyWebsocketsAbortDelayMs = 100; // hello + disconnect, then TCP abort (1006, as observed)
    int rateLimitRetryAfterS = 30;        // Scenario::RateLimited: Retry-After value
    int rateLimitedOpens = 3;             // Scenario::RateLimited: how many opens get 429
    int historyLimit = 1000000;           // envelope ids remembered for ack matching
    int latencySampleLimit = 1000000;     // newest ack latencies kept in SimStats
    qint64 maxLinkSendBufferBytes = 16 * 1024 * 1024; // a link this far behind gets no new envelopes
    int malformedEvery = 10;              // Scenario::Malformed: one bad frame per this many envelopes
};

enum class Scenario {
    Normal,
    Refresh,           // send disconnect refresh_requested to live links
    Warning,           // disconnect warning, close ~warningCloseDelayMs later
    Drop,              // TCP abort of live links
    Stale,             // goes silent: no frames, no pongs (links live now; new links work)
    Malformed,         // bad frames interleaved with envelopes
    RateLimited,       // apps.connections.open → HTTP 429 + Retry-After
    InvalidAuth,       // apps.connections.open → invalid_auth
    LinkDisabled,      // disconnect link_disabled (and open refuses with the same state): live links get
                       // the disconnect and are closed; apps.connections.open still answers ok (Slack
                       // documents no open error for this state) and each new link gets
                       // disconnect link_disabled instead of hello, then is closed. Normal clears it.
    TooManyWebsockets, // hello then disconnect too_many_websockets (ghosts fill every slot; live
                       // links get "warning" first, as seen in node-slack-sdk #1654)
};

std::optional<Scenario> scenarioFromName(const QString &name);
QString scenarioName(Scenario scenario);
QStringList scenarioNames();

enum class EnvelopeKind { SlashCommand, BlockActions, ViewSubmission, AppMention, Message };

struct SimStats
{
    int connectionsOpenCalls = 0;
    int linksOpened = 0;        // WebSocket upgrades accepted
    int liveLinks = 0;          // open links that were sent hello
    int sent = 0;               // envelopes sent (first deliveries + retries)
    int retriesSent = 0;
    int acked = 0;              // distinct envelope ids acked
    int duplicateAcks = 0;
    int malformedAcks = 0;      // ack frames that were not valid
    QVector<qint64> ackLatenciesUs; // per acked envelope: sim send → ack received
    qint64 zeroLinkUs = 0;      // total time with no live link after the first hello (while links were expected)
    int zeroLinkWindows = 0;

    // Extensions
    int unknownAcks = 0;        // well-formed acks for envelope ids never sent (or forgotten)
    int undeliverable = 0;      // envelopes with no live link to carry them (events_api: retried later)
    int eventsGivenUp = 0;      // events_api events unacked after the last retry
    int pendingEvents = 0;      // events_api events waiting for an ack or a retry
    int handshakesRefused = 0;  // WebSocket upgrades refused (unknown or reused ticket)
    int tooManyWebsocketsRejected = 0;
    int malformedFramesSent = 0;
    int disconnectsSent = 0;
    int responseUrlPosts = 0;
    int trafficSkipped = 0;     // envelopes startTraffic's rate called for but dropped after a stall (> 100 ms)
};

// A Slack Socket Mode endpoint on 127.0.0.1: Web API (apps.connections.open, auth.test)
// over HTTP, and WebSocket links with one-time ticket URLs. A real network peer, not a mock.
class SlackSimulator : public QObject
{
    Q_OBJECT
public:
    explicit SlackSimulator(SlackSimConfig config = {}, QObject *parent = nullptr);
    ~SlackSimulator() override;

    // Listens on 127.0.0.1 only. port 0 = any free port.
    Result<void> listen(quint16 httpPort = 0);
    quint16 httpPort() const;
    QUrl apiUrl() const; // http://127.0.0.1:<port>/api/
    const SlackSimConfig &config() const;

    // Scenarios: applies to the current links and/or the next apps.connections.open as described above.
    void runScenario(Scenario scenario);

    // Fine-grained controls (tests)
    void sendDisconnect(const QString &reason);        // to every live link
    void abortLinks();                                 // TCP abort, no close frame
    void setStale(bool stale);                         // stop all frames and pongs
    void setOpenError(const QString &slackError);      // empty = none; e.g. "invalid_auth"
    void setRateLimited(int retryAfterSeconds, int times);
    void sendRawFrame(const QByteArray &frame);        // to one live link

    // Extensions
    quint16 linkPort() const;                          // the WebSocket port (its own ephemeral port)
    HttpServer &httpServer();                          // other modules (Nautobot side) add routes here
    void stopGapMeasurement();                         // the client went away on purpose: stop counting gaps
    void setGhostConnections(int count);               // slots held by other (ghost) clients of the app
    void setLinkDisabled(bool disabled);               // Socket Mode switched off in the app settings
    // The bot scopes auth.test reports in x-oauth-scopes (default: the ChatOps manifest's); empty = no header.
    void setBotScopes(const QStringList &scopes);
    void sendMalformedFrames();                        // each bad frame kind, each followed by an envelope
    static QVector<QPair<bool, QByteArray>> malformedFrames(); // (binary?, bytes)

    // Fault injection (tests of the client's failure handling)
    // One live link gets the start of a text frame (header + payloadBytes of it), then a TCP reset.
    void sendPartialFrameAndAbort(const QByteArray &frame, int payloadBytes);
    void closeLinksWithoutCloseFrame();                // TCP FIN, no WebSocket close frame
    void setLinkStale(int linkId, bool stale);         // one link deaf (e.g. ignores a close frame)
    // hello on new links this much later; -1 = never (the link stays open and silent). 0 = at once.
    void setHelloDelay(int delayMs);
    // An envelope to one open link by id, even before its hello ("" when the link is gone).
    QString sendEnvelopeToLink(int linkId, EnvelopeKind kind);
    // The next `times` apps.connections.open calls get this HTTP answer instead of Slack's JSON
    // (a 500, a proxy's HTML page, …); status 0 = never answer (the client's timeout must end it).
    void setOpenHttpFailure(int status, const QByteArray &contentType, const QByteArray &body, int times);

    // Traffic to the live links (spread like Slack: any link may get any envelope)
    QString sendEnvelope(EnvelopeKind kind);
    void sendBurst(int count);
    void startTraffic(double perSecond);
    void stopTraffic();

    // Replies posted to response_url paths (by Nautobot's simulated worker or a hand-answer).
    QVector<ResponseUrlPost> responseUrlPostLog() const;
    // Messages chat.postMessage accepted (bot token), and the bot's channel membership for its errors.
    QVector<PostedChatMessage> chatPostMessageLog() const;
    void setBotInChannel(const QString &channelId, bool member);

    SimStats stats() const;
    QSet<QString> sentEnvelopeIds() const;
    QSet<QString> ackedEnvelopeIds() const;
    int liveLinkCount() const;

Q_SIGNALS:
    void linkOpened(int linkId);
    void linkClosed(int linkId);
    void envelopeAcked(const QString &envelopeId, qint64 latencyUs);
    void connectionsOpenCalled(bool ok, const QString &error);
    // Extensions
    void helloSent(int linkId, int numConnections);
    void envelopeSent(const QString &envelopeId, const QString &type, int retryAttempt);
    void handshakeRefused(const QString &why);
    void responseUrlPosted(const QString &path, const QByteArray &body);

private:
    class Private;
    Private *d;
};

} // namespace socketscope::sim
