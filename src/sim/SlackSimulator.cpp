#include "SlackSimulator.h"

#include "ChatPostMessageRoute.h"
#include "DeliveryLedger.h"
#include "EnvelopeFactory.h"
#include "HttpServer.h"
#include "SimLink.h"
#include "SlackWebApiRoutes.h"
#include "SocketLinkServer.h"
#include "TicketBook.h"
#include "TrafficPacer.h"
#include "ZeroLinkMeter.h"
#include "util/Json.h"
#include "util/Logging.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>
#include <QWebSocket>

namespace socketscope::sim {

namespace {
const EnvelopeKind kTrafficMix[] = {EnvelopeKind::SlashCommand, EnvelopeKind::AppMention, EnvelopeKind::BlockActions,
                                    EnvelopeKind::Message, EnvelopeKind::ViewSubmission};
constexpr int kRetryDeferMs = 100; // no live link for a due retry: look again this much later

QString newEnvelopeId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

class SlackSimulator::Private
{
public:
    Private(SlackSimulator *q, SlackSimConfig config)
        : q(q), config(std::move(config)),
          factory(EnvelopeFactory::Identity{this->config.appId, this->config.teamId, this->config.teamDomain,
                                            this->config.botUserId, this->config.botId, QString()}),
          ledger(DeliveryLedger::Config{this->config.ackDeadlineMs, this->config.retryDelaysMs,
                                        this->config.historyLimit, this->config.latencySampleLimit}),
          http(q), links(&tickets, q), api(this->config, &tickets, [this] { return links.port(); }, q),
          chatPostMessage(this->config)
    {
        clock.start();
    }

    qint64 nowNs() const { return clock.nsecsElapsed(); }
    int liveCount() const;
    SimLink *pickLink();
    void onLinkAccepted(QWebSocket *socket, QTcpSocket *tcp, bool debugReconnects);
    void greet(SimLink *link, bool debugReconnects); // hello, or too_many_websockets
    SimLink *linkById(int id) const;
    void onLinkClosed(SimLink *link);
    void onText(SimLink *link, const QString &text);
    void sendHello(SimLink *link, int numConnections);
    bool sendDisconnectTo(SimLink *link, const QString &reason);
    QString deliver(SimLink *link, EnvelopeKind kind, const QJsonObject &payload, int retryAttempt);
    QString sendNew(EnvelopeKind kind, SimLink *preferred = nullptr);
    void sweepRetries();
    void trafficTick();
    void liveCountChanged() { gapMeter.liveCountChanged(liveCount(), nowNs()); }
    template<typename F>
    void forEachLive(F f)
    {
        const auto snapshot = linkList; // callbacks may close links
        for (const QPointer<SimLink> &link : snapshot) {
            if (link && link->isLive())
                f(link.data());
        }
    }

    SlackSimulator *q;
    SlackSimConfig config;
    QElapsedTimer clock;
    TicketBook tickets;
    EnvelopeFactory factory;
    DeliveryLedger ledger;
    ZeroLinkMeter gapMeter;
    HttpServer http;
    SocketLinkServer links;
    SlackWebApiRoutes api;
    ChatPostMessageRoute chatPostMessage;
    QVector<QPointer<SimLink>> linkList;
    int nextLinkId = 0;
    int roundRobin = 0;
    int ghosts = 0;
    int helloDelayMs = 0;
    bool linkDisabled = false;
    bool malformedInterleave = false;
    int malformedCursor = 0;
    quint64 trafficCount = 0;
    TrafficPacer pacer;
    QTimer *trafficTimer = nullptr;
    QTimer *retryTimer = nullptr;
    SimStats counters; // only the plain counters; the rest is computed in stats()
};

int SlackSimulator::Private::liveCount() const
{
    int count = 0;
    for (const QPointer<SimLink> &link : linkList) {
        if (link && link->isLive())
            ++count;
    }
    return count;
}

SimLink *SlackSimulator::Private::linkById(int id) const
{
    for (const QPointer<SimLink> &link : linkList) {
        if (link && link->id() == id && link->isOpen())
            return link.data();
    }
    return nullptr;
}

SimLink *SlackSimulator::Private::pickLink()
{
    // Like Slack: any live link may get any envelope. Deaf links and links whose send buffer
    // is far behind are skipped, so a slow client cannot make the simulator grow without bound.
    const int n = linkList.size();
    for (int i = 0; i < n; ++i) {
        SimLink *link = linkList.at((roundRobin + i) % n);
        if (link && link->isLive() && !link->isStale() && link->bytesToWrite() < config.maxLinkSendBufferBytes) {
            roundRobin = (roundRobin + i + 1) % n;
            return link;
        }
    }
    return nullptr;
}

void SlackSimulator::Private::sendHello(SimLink *link, int numConnections)
{
    const QJsonObject hello{
        {QStringLiteral("type"), QStringLiteral("hello")},
        {QStringLiteral("num_connections"), numConnections},
        {QStringLiteral("debug_info"),
         QJsonObject{{QStringLiteral("host"), link->host()},
                     {QStringLiteral("started"), QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz"))},
                     {QStringLiteral("build_number"), config.buildNumber},
                     {QStringLiteral("approximate_connection_time"),
                      link->debugReconnects() ? config.debugReconnectsConnectionTimeS : config.approximateConnectionTimeS}}},
        {QStringLiteral("connection_info"), QJsonObject{{QStringLiteral("app_id"), config.appId}}},
    };
    link->sendText(json::compact(hello));
    Q_EMIT q->helloSent(link->id(), numConnections);
}

bool SlackSimulator::Private::sendDisconnectTo(SimLink *link, const QString &reason)
{
    const QJsonObject frame{{QStringLiteral("type"), QStringLiteral("disconnect")},
                            {QStringLiteral("reason"), reason},
                            {QStringLiteral("debug_info"), QJsonObject{{QStringLiteral("host"), link->host()}}}};
    if (!link->sendText(json::compact(frame)))
        return false;
    ++counters.disconnectsSent;
    qCInfo(lcSim) << "link" << link->id() << "sent disconnect" << reason;
    return true;
}

void SlackSimulator::Private::onLinkAccepted(QWebSocket *socket, QTcpSocket *tcp, bool debugReconnects)
{
    auto *link = new SimLink(++nextLinkId, socket, tcp, debugReconnects, q);
    linkList.append(link);
    ++counters.linksOpened;
    QObject::connect(link, &SimLink::textReceived, q, [this](SimLink *l, const QString &text) { onText(l, text); });
    QObject::connect(link, &SimLink::closed, q, [this](SimLink *l) { onLinkClosed(l); });
    QObject::connect(link, &SimLink::lifetimeExpired, q, [this](SimLink *l) {
        // Slack recycles links after about approximate_connection_time.
        if (sendDisconnectTo(l, QStringLiteral("refresh_requested")))
            l->closeAfter(config.refreshCloseDelayMs);
    });
    Q_EMIT q->linkOpened(link->id());

    if (linkDisabled) {
        // Socket Mode is off: the link never becomes usable (no hello), it is told why and closed.
        sendDisconnectTo(link, QStringLiteral("link_disabled"));
        link->closeAfter(config.linkDisabledCloseDelayMs);
        return;
    }
    if (helloDelayMs != 0) {
        // A late (or missing) hello: the link is open but not live, so no envelopes go to it.
        if (helloDelayMs > 0) {
            QPointer<SimLink> guard(link);
            QTimer::singleShot(helloDelayMs, q, [this, guard, debugReconnects] {
                if (guard && guard->isOpen())
                    greet(guard, debugReconnects);
            });
        }
        return;
    }
    greet(link, debugReconnects);
}

void SlackSimulator::Private::greet(SimLink *link, bool debugReconnects)
{
    const int connections = liveCount() + ghosts + 1;
    if (connections > config.maxConnections) {
        // As observed: hello, then disconnect too_many_websockets, then close code 1006.
        ++counters.tooManyWebsocketsRejected;
        sendHello(link, connections);
        sendDisconnectTo(link, QStringLiteral("too_many_websockets"));
        link->abortAfter(config.tooManyWebsocketsAbortDelayMs);
        return;
    }
    sendHello(link, connections);
    link->setLive(true);
    link->startServerPings(config.serverPingIntervalMs);
    const int lifetimeS = debugReconnects ? config.debugReconnectsConnectionTimeS : config.approximateConnectionTimeS;
    link->startLifetime(static_cast<qint64>(lifetimeS * 1000.0 * config.connectionTimeScale));
    qCInfo(lcSim) << "link" << link->id() << "live; num_connections" << connections
                  << (debugReconnects ? "(debug_reconnects)" : "");
    liveCountChanged();
}

void SlackSimulator::Private::onLinkClosed(SimLink *link)
{
    linkList.removeAll(link);
    link->setLive(false);
    liveCountChanged();
    qCInfo(lcSim) << "link" << link->id() << "closed";
    Q_EMIT q->linkClosed(link->id());
    link->deleteLater();
}

void SlackSimulator::Private::onText(SimLink *link, const QString &text)
{
    Q_UNUSED(link) // acks are accepted on any live link
    const qint64 now = nowNs();
    const auto parsed = json::parseObject(text.toUtf8(), QStringLiteral("Ack frame"));
    const QJsonValue id = parsed ? parsed->value(QStringLiteral("envelope_id")) : QJsonValue();
    const QJsonValue payload = parsed ? parsed->value(QStringLiteral("payload")) : QJsonValue();
    if (!parsed || !id.isString() || id.toString().isEmpty() || !(payload.isUndefined() || payload.isObject())) {
        ++counters.malformedAcks;
        qCInfo(lcSim) << "malformed ack frame:" << (parsed ? QStringLiteral("bad envelope_id or payload") : parsed.error().message);
        return;
    }
    qint64 latencyUs = 0;
    const QString envelopeId = id.toString();
    if (ledger.recordAck(envelopeId, now, &latencyUs) == DeliveryLedger::AckResult::Accepted)
        Q_EMIT q->envelopeAcked(envelopeId, latencyUs);
}

QString SlackSimulator::Private::deliver(SimLink *link, EnvelopeKind kind, const QJsonObject &payload, int retryAttempt)
{
    const QString envelopeId = newEnvelopeId();
    const QByteArray frame = json::compact(EnvelopeFactory::envelope(envelopeId, kind, payload, retryAttempt));
    const QString eventId = EnvelopeFactory::envelopeType(kind) == QLatin1String("events_api")
                                ? payload.value(QStringLiteral("event_id")).toString()
                                : QString();
    const qint64 sentNs = nowNs();
    ledger.recordDelivery(envelopeId, sentNs, eventId);
    link->sendText(frame);
    ++counters.sent;
    if (retryAttempt > 0)
        ++counters.retriesSent;
    Q_EMIT q->envelopeSent(envelopeId, EnvelopeFactory::envelopeType(kind), retryAttempt);
    return envelopeId;
}

QString SlackSimulator::Private::sendNew(EnvelopeKind kind, SimLink *preferred)
{
    const QJsonObject payload = factory.payload(kind);
    const bool isEvent = EnvelopeFactory::envelopeType(kind) == QLatin1String("events_api");
    SimLink *link = preferred ? preferred : pickLink();
    if (!link) {
        // Slack retries events later; interactivity and slash commands are simply lost.
        ++counters.undeliverable;
        if (isEvent)
            ledger.trackEvent(payload.value(QStringLiteral("event_id")).toString(), kind, payload, nowNs());
        return {};
    }
    if (malformedInterleave && config.malformedEvery > 0 && ++malformedCursor % config.malformedEvery == 0) {
        const auto bad = SlackSimulator::malformedFrames();
        const auto &frame = bad.at((malformedCursor / config.malformedEvery) % bad.size());
        if (frame.first ? link->sendBinary(frame.second) : link->sendText(frame.second))
            ++counters.malformedFramesSent;
    }
    const QString envelopeId = deliver(link, kind, payload, 0);
    if (isEvent)
        ledger.trackEvent(payload.value(QStringLiteral("event_id")).toString(), kind, payload, nowNs());
    return envelopeId;
}

void SlackSimulator::Private::sweepRetries()
{
    const QVector<DeliveryLedger::DueRetry> due = ledger.takeDueRetries(nowNs(), 10000);
    for (const DeliveryLedger::DueRetry &retry : due) {
        SimLink *link = pickLink();
        if (!link) {
            ledger.retryDeferred(retry, nowNs(), kRetryDeferMs);
            continue;
        }
        // Same payload (same event_id), new envelope id, retry_attempt n, retry_reason "timeout".
        deliver(link, retry.kind, retry.payload, retry.attempt);
        ledger.retrySent(retry.eventId, retry.attempt, nowNs());
    }
}

void SlackSimulator::Private::trafficTick()
{
    const qint64 skippedBefore = pacer.skipped();
    const int count = pacer.due(nowNs());
    counters.trafficSkipped += static_cast<int>(pacer.skipped() - skippedBefore);
    for (int i = 0; i < count; ++i)
        sendNew(kTrafficMix[trafficCount++ % (sizeof(kTrafficMix) / sizeof(kTrafficMix[0]))]);
}

SlackSimulator::SlackSimulator(SlackSimConfig config, QObject *parent)
    : QObject(parent), d(new Private(this, std::move(config)))
{
    d->api.registerOn(d->http);
    d->chatPostMessage.registerOn(d->http);
    connect(&d->api, &SlackWebApiRoutes::connectionsOpenCalled, this, &SlackSimulator::connectionsOpenCalled);
    connect(&d->api, &SlackWebApiRoutes::responseUrlPosted, this, &SlackSimulator::responseUrlPosted);
    connect(&d->links, &SocketLinkServer::linkAccepted, this,
            [this](QWebSocket *socket, QTcpSocket *tcp, bool debugReconnects) { d->onLinkAccepted(socket, tcp, debugReconnects); });
    connect(&d->links, &SocketLinkServer::handshakeRefused, this, &SlackSimulator::handshakeRefused);
    d->trafficTimer = new QTimer(this);
    d->trafficTimer->setTimerType(Qt::PreciseTimer);
    d->trafficTimer->setInterval(10);
    connect(d->trafficTimer, &QTimer::timeout, this, [this] { d->trafficTick(); });
    d->retryTimer = new QTimer(this);
    d->retryTimer->setInterval(qBound(5, d->config.ackDeadlineMs / 10, 250));
    connect(d->retryTimer, &QTimer::timeout, this, [this] { d->sweepRetries(); });
}

SlackSimulator::~SlackSimulator()
{
    for (const QPointer<SimLink> &link : std::as_const(d->linkList)) {
        if (link)
            link->disconnect(this);
    }
    delete d;
}

Result<void> SlackSimulator::listen(quint16 httpPort)
{
    const QHostAddress loopback(QHostAddress::LocalHost);
    if (auto result = d->http.listen(loopback, httpPort); !result)
        return result;
    if (auto result = d->links.listen(loopback, 0); !result)
        return result;
    d->factory.setHooksBaseUrl(QStringLiteral("http://127.0.0.1:%1").arg(d->http.port()));
    d->retryTimer->start();
    qCInfo(lcSim) << "Slack simulator on http://127.0.0.1:" << d->http.port() << "(WebSocket port" << d->links.port() << ")";
    return {};
}

quint16 SlackSimulator::httpPort() const
{
    return d->http.port();
}

quint16 SlackSimulator::linkPort() const
{
    return d->links.port();
}

QUrl SlackSimulator::apiUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api/").arg(d->http.port()));
}

const SlackSimConfig &SlackSimulator::config() const
{
    return d->config;
}

HttpServer &SlackSimulator::httpServer()
{
    return d->http;
}

void SlackSimulator::runScenario(Scenario scenario)
{
    qCInfo(lcSim) << "scenario" << scenarioName(scenario);
    switch (scenario) {
    case Scenario::Normal:
        setOpenError({});
        setRateLimited(0, 0);
        setStale(false);
        setGhostConnections(0);
        setLinkDisabled(false);
        d->malformedInterleave = false;
        break;
    case Scenario::Refresh:
        d->forEachLive([this](SimLink *link) {
            if (d->sendDisconnectTo(link, QStringLiteral("refresh_requested")))
                link->closeAfter(d->config.refreshCloseDelayMs);
        });
        break;
    case Scenario::Warning:
        d->forEachLive([this](SimLink *link) {
            if (d->sendDisconnectTo(link, QStringLiteral("warning")))
                link->closeAfter(d->config.warningCloseDelayMs);
        });
        break;
    case Scenario::Drop:
        abortLinks();
        break;
    case Scenario::Stale:
        setStale(true);
        break;
    case Scenario::Malformed:
        d->malformedInterleave = true;
        sendMalformedFrames();
        break;
    case Scenario::RateLimited:
        setRateLimited(d->config.rateLimitRetryAfterS, d->config.rateLimitedOpens);
        break;
    case Scenario::InvalidAuth:
        setOpenError(QStringLiteral("invalid_auth"));
        break;
    case Scenario::LinkDisabled:
        setLinkDisabled(true);
        break;
    case Scenario::TooManyWebsockets:
        // Other clients hold every slot; the live links get a warning (as in node-slack-sdk
        // #1654), so a reconnecting client meets hello + disconnect too_many_websockets.
        setGhostConnections(d->config.maxConnections);
        d->forEachLive([this](SimLink *link) {
            if (d->sendDisconnectTo(link, QStringLiteral("warning")))
                link->closeAfter(d->config.warningCloseDelayMs);
        });
        break;
    }
}

void SlackSimulator::sendDisconnect(const QString &reason)
{
    d->forEachLive([this, &reason](SimLink *link) { d->sendDisconnectTo(link, reason); });
}

void SlackSimulator::abortLinks()
{
    d->forEachLive([](SimLink *link) { link->abortNow(); });
}

void SlackSimulator::setStale(bool stale)
{
    // Links that exist now go deaf; links opened later work, so a client that replaces a
    // deaf link recovers (the real "connected but deaf" case).
    d->forEachLive([stale](SimLink *link) { link->setStale(stale); });
}

void SlackSimulator::setOpenError(const QString &slackError)
{
    d->api.setOpenError(slackError);
}

void SlackSimulator::setRateLimited(int retryAfterSeconds, int times)
{
    d->api.setRateLimited(retryAfterSeconds, times);
}

void SlackSimulator::setBotScopes(const QStringList &scopes)
{
    d->api.setGrantedBotScopes(scopes);
}

void SlackSimulator::setGhostConnections(int count)
{
    d->ghosts = qBound(0, count, d->config.maxConnections);
}

void SlackSimulator::setLinkDisabled(bool disabled)
{
    if (d->linkDisabled == disabled)
        return;
    d->linkDisabled = disabled;
    if (!disabled)
        return;
    d->forEachLive([this](SimLink *link) {
        if (d->sendDisconnectTo(link, QStringLiteral("link_disabled")))
            link->closeAfter(d->config.linkDisabledCloseDelayMs);
        else
            link->abortNow();
    });
}

void SlackSimulator::sendRawFrame(const QByteArray &frame)
{
    if (SimLink *link = d->pickLink())
        link->sendText(frame);
}

void SlackSimulator::sendPartialFrameAndAbort(const QByteArray &frame, int payloadBytes)
{
    if (SimLink *link = d->pickLink())
        link->sendPartialTextAndAbort(frame, payloadBytes);
}

void SlackSimulator::closeLinksWithoutCloseFrame()
{
    d->forEachLive([](SimLink *link) { link->closeWithoutCloseFrame(); });
}

void SlackSimulator::setLinkStale(int linkId, bool stale)
{
    if (SimLink *link = d->linkById(linkId))
        link->setStale(stale);
}

void SlackSimulator::setHelloDelay(int delayMs)
{
    d->helloDelayMs = delayMs < 0 ? -1 : delayMs;
}

QString SlackSimulator::sendEnvelopeToLink(int linkId, EnvelopeKind kind)
{
    SimLink *link = d->linkById(linkId);
    if (!link || link->isStale())
        return {};
    const QJsonObject payload = d->factory.payload(kind);
    const QString envelopeId = d->deliver(link, kind, payload, 0);
    if (EnvelopeFactory::envelopeType(kind) == QLatin1String("events_api"))
        d->ledger.trackEvent(payload.value(QStringLiteral("event_id")).toString(), kind, payload, d->nowNs());
    return envelopeId;
}

void SlackSimulator::setOpenHttpFailure(int status, const QByteArray &contentType, const QByteArray &body, int times)
{
    HttpResponse response;
    response.status = status > 0 ? status : 200;
    response.never = status <= 0;
    response.body = body;
    if (!contentType.isEmpty())
        response.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    d->api.setOpenHttpFailure(response, times);
}

QVector<QPair<bool, QByteArray>> SlackSimulator::malformedFrames()
{
    // What clients must tolerate (reference §3): garbage, non-objects, envelopes without a usable
    // id, the empty frames Slack often sends, and binary frames.
    return {
        {false, QByteArrayLiteral("this is not json {")},
        {false, QByteArrayLiteral("[\"an\",\"array\"]")},
        {false, QByteArrayLiteral("{\"type\":\"events_api\",\"payload\":{},\"accepts_response_payload\":false}")},
        {false, QByteArrayLiteral("{\"envelope_id\":12345,\"type\":\"slash_commands\",\"payload\":{}}")},
        {false, QByteArray()},
        {true, QByteArrayLiteral("\x00\x01binary\xff")},
    };
}

void SlackSimulator::sendMalformedFrames()
{
    const auto frames = malformedFrames();
    d->forEachLive([this, &frames](SimLink *link) {
        if (link->isStale())
            return;
        int i = 0;
        for (const auto &frame : frames) {
            if (frame.first ? link->sendBinary(frame.second) : link->sendText(frame.second))
                ++d->counters.malformedFramesSent;
            d->sendNew(kTrafficMix[i++ % (sizeof(kTrafficMix) / sizeof(kTrafficMix[0]))], link);
        }
    });
}

QString SlackSimulator::sendEnvelope(EnvelopeKind kind)
{
    return d->sendNew(kind);
}

void SlackSimulator::sendBurst(int count)
{
    const int bounded = qBound(0, count, 1000000);
    for (int i = 0; i < bounded; ++i)
        d->sendNew(kTrafficMix[d->trafficCount++ % (sizeof(kTrafficMix) / sizeof(kTrafficMix[0]))]);
}

void SlackSimulator::startTraffic(double perSecond)
{
    if (perSecond <= 0) {
        stopTraffic();
        return;
    }
    d->pacer.start(qMin(perSecond, 100000.0), d->nowNs());
    d->trafficTimer->start();
}

void SlackSimulator::stopTraffic()
{
    d->trafficTimer->stop();
}

void SlackSimulator::stopGapMeasurement()
{
    d->gapMeter.stop(d->nowNs());
}

SimStats SlackSimulator::stats() const
{
    SimStats s = d->counters;
    s.connectionsOpenCalls = d->api.openCalls();
    s.liveLinks = d->liveCount();
    s.acked = d->ledger.acked();
    s.duplicateAcks = d->ledger.duplicateAcks();
    s.unknownAcks = d->ledger.unknownAcks();
    s.ackLatenciesUs = d->ledger.latenciesUs();
    s.eventsGivenUp = d->ledger.eventsGivenUp();
    s.pendingEvents = d->ledger.pendingEvents();
    s.zeroLinkUs = d->gapMeter.totalUs(d->nowNs());
    s.zeroLinkWindows = d->gapMeter.windows();
    s.handshakesRefused = d->links.refusedHandshakes();
    s.responseUrlPosts = d->api.responseUrlPosts();
    return s;
}

QVector<PostedChatMessage> SlackSimulator::chatPostMessageLog() const
{
    return d->chatPostMessage.log();
}

void SlackSimulator::setBotInChannel(const QString &channelId, bool member)
{
    d->chatPostMessage.setBotInChannel(channelId, member);
}

QVector<ResponseUrlPost> SlackSimulator::responseUrlPostLog() const
{
    return d->api.responseUrlPostLog();
}

QSet<QString> SlackSimulator::sentEnvelopeIds() const
{
    return d->ledger.deliveredIds();
}

QSet<QString> SlackSimulator::ackedEnvelopeIds() const
{
    return d->ledger.ackedIds();
}

int SlackSimulator::liveLinkCount() const
{
    return d->liveCount();
}

} // namespace socketscope::sim
