#include "slack/SocketModeClient.h"

#include "slack/SlackWebApi.h"
#include "slack/SocketLink.h"
#include "util/Json.h"
#include "util/Logging.h"

#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <deque>

namespace socketscope {

QString clientStateName(ClientState state)
{
    switch (state) {
    case ClientState::Idle: return QStringLiteral("idle");
    case ClientState::Connecting: return QStringLiteral("connecting");
    case ClientState::Connected: return QStringLiteral("connected");
    case ClientState::Reconnecting: return QStringLiteral("reconnecting");
    case ClientState::BackingOff: return QStringLiteral("backing off");
    case ClientState::Stopped: return QStringLiteral("stopped");
    }
    return {};
}

namespace {

constexpr int kAckUpdateDelayMs = 250;   // ack timestamps ride along with the next commit, or after this
// Journaled envelopes reach the capture's tables in one transaction at most every kApplyEveryMs (see
// CaptureStore::journalEnvelopes), and at the latest kApplyLatestMs after their acks.
constexpr int kApplyEveryMs = 10;
constexpr int kApplyLatestMs = 50;
constexpr int kMaxJournaledBeforeApply = 1024;
// Envelopes per commit. A burst arrives faster than one transaction per envelope allows, so envelopes are
// group-committed; capping the group keeps the first envelope of a burst from waiting for the last one.
constexpr int kMaxCommitBatch = 256;
constexpr int kMaxPendingAfterFlush = 4 * kMaxCommitBatch;
constexpr int kTooManyBackoffMaxMs = 5 * 60 * 1000;
constexpr int kMaxDeferredAcks = 10000; // committed envelopes waiting for a link to carry their ack
// Acks written to a link whose peer then vanished (TCP closed without a close frame, or a dead link) may
// never have arrived: those written this recently are sent again on the next live link. Slack's ack
// deadline is 3 s; a second ack for an envelope is ignored.
constexpr qint64 kResendAcksWithinUs = 3'000'000;
constexpr size_t kMaxRecentAcksPerLink = 20000;

bool isPlainId(const QString &id)
{
    return std::all_of(id.begin(), id.end(), [](QChar c) {
        return (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('-') || c == QLatin1Char('_')
               || c == QLatin1Char('.');
    });
}

QByteArray ackFrame(const QString &envelopeId, const QJsonObject &payload = {})
{
    if (payload.isEmpty() && isPlainId(envelopeId))
        return QByteArrayLiteral("{\"envelope_id\":\"") + envelopeId.toLatin1() + QByteArrayLiteral("\"}");
    QJsonObject ack{{QStringLiteral("envelope_id"), envelopeId}};
    if (!payload.isEmpty())
        ack.insert(QStringLiteral("payload"), payload);
    return json::compact(ack);
}

// acked_us = receipt + the monotonic time since, so ack latency (acked_us - received_us) stays a true
// duration when the wall clock steps (NTP, suspend) between receipt and ack.
qint64 ackedAtUs(const Envelope &e)
{
    if (e.receivedSteadyUs <= 0)
        return json::nowUs();
    return e.receivedUs + std::max<qint64>(0, json::steadyUs() - e.receivedSteadyUs);
}

} // namespace

class SocketModeClient::Private
{
public:
    Private(SocketModeClient *q, CaptureStore *store, ClientOptions options)
        : q(q), store(store), opt(std::move(options)), api(opt.apiUrl)
    {
        api.setTimeoutMs(opt.apiTimeoutMs);
        if (opt.proxyFor)
            api.setProxy(opt.proxyFor(opt.apiUrl));
        else if (opt.proxy)
            api.setProxy(*opt.proxy);
        if (opt.sslConfiguration)
            api.setSslConfiguration(*opt.sslConfiguration);
        flushTimer.setSingleShot(true);
        flushTimer.setInterval(0);
        ackUpdateTimer.setSingleShot(true);
        ackUpdateTimer.setInterval(kAckUpdateDelayMs);
        applyTimer.setSingleShot(true);
        retryTimer.setSingleShot(true);
        // A coarse timer may fire 5 % early; Retry-After must never be undercut.
        retryTimer.setTimerType(Qt::PreciseTimer);
    }

    SocketModeClient *q;
    CaptureStore *store;
    ClientOptions opt;
    SlackWebApi api;

    QHash<int, SocketLink *> links;
    int nextLinkId = 1;
    int activeLinkId = 0;
    ClientState state = ClientState::Idle;
    qint64 sessionId = 0;
    int reconnects = 0;
    int helloCount = 0;
    int numConnections = 0;
    qint64 envelopeCount = 0;
    bool openInFlight = false;
    bool stopping = false;
    bool captureFailed = false; // the capture refused a write: nothing more is committed or acked
    int consecutiveFailures = 0;
    int tooManyStrikes = 0;
    QString lastFailure;

    QVector<Envelope> pending;
    QVector<AckUpdate> pendingAckUpdates;
    QVector<Envelope> deferredAcks; // committed while no link could carry the ack (rowId, id, receipt)
    struct SentAck
    {
        qint64 atSteadyUs;
        QString envelopeId;
    };
    QHash<int, std::deque<SentAck>> recentAcks; // per link, the last kResendAcksWithinUs of acks written to it
    QStringList acksToResend;                // from a link that vanished; already recorded as acked
    QVector<Envelope> journaled; // committed to the ack journal and acked; their rows come with the next apply
    qint64 lastApplySteadyUs = 0;
    QTimer flushTimer;
    QTimer ackUpdateTimer;
    QTimer applyTimer;
    QTimer retryTimer;

    void setState(ClientState s, const QString &detail)
    {
        if (state == s && detail.isEmpty())
            return;
        state = s;
        Q_EMIT q->stateChanged(s, detail);
    }

    void record(int linkId, const QString &kind, const QString &detail)
    {
        LinkEvent event{sessionId, linkId, json::nowUs(), kind, detail};
        if (auto r = store->recordLinkEvent(event); !r)
            qCWarning(lcSlack) << "could not record link event:" << r.error().message;
        Q_EMIT q->linkEvent(event);
    }

    SocketLink *activeLink() const
    {
        SocketLink *link = links.value(activeLinkId);
        if (link && link->canSend())
            return link;
        // Fall back to the newest link that can still send.
        SocketLink *best = nullptr;
        for (SocketLink *l : links) {
            if (l->state() == SocketLink::State::Live && (!best || l->id() > best->id()))
                best = l;
        }
        return best;
    }

    // The receiving link, unless a replacement has taken over: Slack may close a retiring link at any
    // moment, and a frame written into a socket the server is closing is lost. The SDKs likewise ack on
    // their current connection after a swap (reference §4).
    SocketLink *ackLinkFor(int receivingLinkId) const
    {
        SocketLink *receiving = links.value(receivingLinkId);
        if (receiving && receiving->canSend() && !receiving->isRetiring())
            return receiving;
        if (SocketLink *current = activeLink())
            return current;
        return receiving && receiving->canSend() ? receiving : nullptr;
    }

    int liveLinks() const
    {
        return static_cast<int>(std::count_if(links.cbegin(), links.cend(), [](const SocketLink *l) {
            return l->state() == SocketLink::State::Live;
        }));
    }

    bool hasPendingReplacement() const
    {
        if (openInFlight || retryTimer.isActive())
            return true;
        return std::any_of(links.cbegin(), links.cend(), [](const SocketLink *l) {
            return l->state() == SocketLink::State::Opening || l->state() == SocketLink::State::Open;
        });
    }

    // Exponential backoff with full jitter (AWS architecture blog's "full jitter").
    int backoffMs() const
    {
        const int exponent = std::min(consecutiveFailures, 16);
        const qint64 cap = std::min<qint64>(opt.backoffMaxMs, qint64(opt.backoffInitialMs) << std::max(0, exponent - 1));
        return int(QRandomGenerator::global()->bounded(cap + 1));
    }

    void requestLink(const QString &why)
    {
        if (stopping || openInFlight)
            return;
        retryTimer.stop();
        openInFlight = true;
        record(0, QStringLiteral("open_requested"), why);
        api.openConnection(opt.appToken, q, [this](const ApiReply &reply) { onOpenReply(reply); });
    }

    void scheduleLink(int delayMs, const QString &why)
    {
        if (stopping)
            return;
        if (liveLinks() == 0)
            setState(ClientState::BackingOff, QStringLiteral("next attempt in %1 s: %2")
                                                  .arg(QString::number(delayMs / 1000.0, 'f', 1), why));
        retryTimer.disconnect();
        QObject::connect(&retryTimer, &QTimer::timeout, q, [this, why] { requestLink(why); });
        retryTimer.start(delayMs);
    }

    void onOpenReply(const ApiReply &reply)
    {
        openInFlight = false;
        if (stopping)
            return;
        if (!reply.ok()) {
            onOpenFailure(reply.failure());
            return;
        }
        QUrl url(reply.json().value(QLatin1String("url")).toString());
        if (!url.isValid() || (url.scheme() != QLatin1String("wss") && url.scheme() != QLatin1String("ws"))) {
            ApiFailure failure;
            failure.action = ApiFailureAction::Transient;
            failure.error = {QStringLiteral("bad_url"),
                             QStringLiteral("apps.connections.open returned no usable WebSocket URL."),
                             QStringLiteral("Check that the Slack API URL points at Slack.")};
            onOpenFailure(failure);
            return;
        }
        if (opt.debugReconnects) {
            QUrlQuery query(url);
            query.addQueryItem(QStringLiteral("debug_reconnects"), QStringLiteral("true"));
            url.setQuery(query);
        }
        openLink(url);
    }

    void onOpenFailure(const ApiFailure &failure)
    {
        ++consecutiveFailures;
        lastFailure = failure.error.message;
        record(0, QStringLiteral("open_failed"), failure.error.message);
        switch (failure.action) {
        case ApiFailureAction::Fatal:
        case ApiFailureAction::ClientBug:
            failFatal(failure.error);
            return;
        default:
            break;
        }
        if (shouldGiveUp(failure.error))
            return;
        int delay = backoffMs();
        if (failure.action == ApiFailureAction::RateLimited || failure.action == ApiFailureAction::RetrySlowly)
            delay = std::max(delay, failure.retryAfterMs);
        Q_EMIT q->warning(failure.error.toString());
        scheduleLink(delay, failure.error.message);
    }

    bool shouldGiveUp(const Error &error)
    {
        if (opt.giveUpAfterFailures <= 0 || consecutiveFailures < opt.giveUpAfterFailures)
            return false;
        Error gaveUp{QStringLiteral("gave_up"),
                     QStringLiteral("Gave up after %1 failed connection attempts. Last: %2")
                         .arg(consecutiveFailures)
                         .arg(error.message),
                     error.fix};
        stopWith(gaveUp.message);
        Q_EMIT q->gaveUp(gaveUp);
        return true;
    }

    void failFatal(const Error &error)
    {
        stopWith(error.message);
        Q_EMIT q->fatalError(error);
    }

    void openLink(const QUrl &url)
    {
        LinkSettings settings;
        settings.pingIntervalMs = opt.pingIntervalMs;
        settings.livenessWindowMs = opt.livenessWindowMs;
        settings.handshakeTimeoutMs = opt.handshakeTimeoutMs;
        settings.helloTimeoutMs = opt.helloTimeoutMs;
        settings.maxIncomingMessageBytes = opt.maxIncomingMessageBytes;
        auto *link = new SocketLink(nextLinkId++, settings, q);
        if (opt.proxyFor)
            link->setProxy(opt.proxyFor(url));
        else if (opt.proxy)
            link->setProxy(*opt.proxy);
        if (opt.sslConfiguration)
            link->setSslConfiguration(*opt.sslConfiguration);
        links.insert(link->id(), link);
        QObject::connect(link, &SocketLink::opened, q, [this](int id) { record(id, QStringLiteral("open"), {}); });
        QObject::connect(link, &SocketLink::hello, q, [this](int id, const Frame &f) { onHello(id, f); });
        QObject::connect(link, &SocketLink::disconnectRequested, q,
                         [this](int id, const QString &reason) { onDisconnectFrame(id, reason); });
        QObject::connect(link, &SocketLink::envelopeReceived, q,
                         [this](int id, const Envelope &e) { onEnvelope(id, e); });
        QObject::connect(link, &SocketLink::malformedFrame, q,
                         [this](int id, const QString &problem, const QByteArray &raw) { onMalformed(id, problem, raw); });
        QObject::connect(link, &SocketLink::dead, q,
                         [this](int id, const QString &why) { record(id, QStringLiteral("dead"), why); });
        QObject::connect(link, &SocketLink::closed, q, [this](int id, const QString &why) { onLinkClosed(id, why); });
        // The ticket is one-time and opaque; only the host is recorded.
        record(link->id(), QStringLiteral("opening"), url.host() + (url.port() > 0 ? QStringLiteral(":%1").arg(url.port()) : QString()));
        link->open(url);
    }

    void onHello(int id, const Frame &frame)
    {
        SocketLink *link = links.value(id);
        if (!link || stopping)
            return;
        consecutiveFailures = 0;
        numConnections = frame.numConnections;
        if (helloCount++ > 0)
            ++reconnects;
        record(id, QStringLiteral("hello"),
               QStringLiteral("num_connections=%1 host=%2 approximate_connection_time=%3s")
                   .arg(frame.numConnections)
                   .arg(frame.host)
                   .arg(frame.approximateConnectionTimeS));
        // Make before break: the new link takes over; older live links drain, then close.
        for (SocketLink *other : std::as_const(links)) {
            if (other != link && other->state() == SocketLink::State::Live && !other->isRetiring())
                retire(other, QStringLiteral("replaced by link %1").arg(id));
        }
        activeLinkId = id;
        sendDeferredAcks(link);
        setState(ClientState::Connected, QStringLiteral("link %1 live, num_connections=%2").arg(id).arg(numConnections));
        Q_EMIT q->helloReceived(id, frame.numConnections, frame.host);
        if (opt.mode == QLatin1String("dedicated") && frame.numConnections > 1) {
            Q_EMIT q->warning(QStringLiteral(
                "This Slack app has %1 open connections: other consumers (such as Nautobot's socket worker) share it. "
                "Slack gives each envelope to one connection, so commands SocketScope receives get no answer unless "
                "Bridge mode is on. Use a dedicated dev app, or Bridge mode.").arg(frame.numConnections));
        }
    }

    void retire(SocketLink *link, const QString &why)
    {
        link->setRetiring();
        record(link->id(), QStringLiteral("retiring"), why);
        QPointer<SocketLink> guard(link);
        QTimer::singleShot(opt.oldLinkDrainMs, q, [this, guard, why] {
            if (guard && guard->isRetiring())
                guard->close(why, opt.oldLinkCloseTimeoutMs);
        });
    }

    void onDisconnectFrame(int id, const QString &reason)
    {
        SocketLink *link = links.value(id);
        record(id, QStringLiteral("disconnect"), reason.isEmpty() ? QStringLiteral("(no reason)") : reason);
        if (!link || stopping)
            return;
        if (reason == QLatin1String("link_disabled")) {
            failFatal({QStringLiteral("link_disabled"),
                       QStringLiteral("Slack says Socket Mode is switched off for this app (disconnect: link_disabled)."),
                       QStringLiteral("Turn Socket Mode on in the Slack app settings (Settings → Socket Mode), then "
                                      "connect again.")});
            return;
        }
        if (reason == QLatin1String("too_many_websockets")) {
            onTooManyWebsockets(link);
            return;
        }
        // warning, refresh_requested and anything unknown: replace the link, keep this one until then.
        if (link->isRetiring() || hasPendingReplacement())
            return;
        if (numConnections >= opt.maxConnections) {
            // At Slack's limit a second link would be refused: break before make.
            link->close(QStringLiteral("disconnect %1 at the connection limit").arg(reason), opt.oldLinkCloseTimeoutMs);
        }
        setState(ClientState::Reconnecting, QStringLiteral("Slack asked to reconnect (%1)").arg(reason));
        requestLink(QStringLiteral("disconnect %1 on link %2").arg(reason).arg(id));
    }

    void onTooManyWebsockets(SocketLink *link)
    {
        ++tooManyStrikes;
        // This link does not count as live; if an older link is still up, it stays in charge.
        link->close(QStringLiteral("too_many_websockets"), opt.oldLinkCloseTimeoutMs);
        for (SocketLink *other : std::as_const(links)) {
            if (other != link && other->isRetiring() && other->state() == SocketLink::State::Live) {
                // Cannot un-retire cleanly once closing; a live retiring link is still usable.
                activeLinkId = other->id();
            }
        }
        const qint64 base = std::min<qint64>(kTooManyBackoffMaxMs,
                                             qint64(opt.tooManyWebsocketsBackoffMs) << std::min(tooManyStrikes - 1, 8));
        const int delay = int(base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1));
        Q_EMIT q->warning(QStringLiteral(
            "Slack refused another connection: the app already holds its maximum of %1 connections "
            "(num_connections=%2, which can include ghost registrations). Other consumers such as Nautobot socket "
            "workers hold the slots. Retrying in %3 s; stop other consumers or use a dedicated app.")
                              .arg(opt.maxConnections)
                              .arg(numConnections)
                              .arg(delay / 1000));
        if (opt.giveUpAfterFailures > 0 && tooManyStrikes >= opt.giveUpAfterFailures) {
            ++consecutiveFailures;
            shouldGiveUp({QStringLiteral("too_many_websockets"),
                          QStringLiteral("Slack refused the connection: too many WebSockets for this app."),
                          QStringLiteral("Stop other consumers of the app token or use a dedicated Slack app.")});
            return;
        }
        scheduleLink(delay, QStringLiteral("too_many_websockets"));
    }

    void onEnvelope(int id, Envelope envelope)
    {
        if (stopping && state == ClientState::Stopped)
            return;
        envelope.linkId = id;
        envelope.sessionId = sessionId;
        pending.append(std::move(envelope));
        if (!flushTimer.isActive())
            flushTimer.start();
    }

    void onMalformed(int id, const QString &problem, const QByteArray &raw)
    {
        if (auto r = store->recordMalformedFrame(sessionId, id, json::nowUs(), problem, raw); !r)
            qCWarning(lcSlack) << "could not keep a malformed frame:" << r.error().message;
        Q_EMIT q->malformedFrame(id, problem);
    }

    // Commit, then ack: an acked envelope is never lost. The commit is the ack journal's write in
    // dedicated mode (journalAndAck), a SQLite transaction otherwise (bridge mode, a second writer).
    void flush()
    {
        if (captureFailed)
            pending.clear(); // not committed, so not acked: Slack retries events
        if (pending.isEmpty())
            return;
        bool ok = commitAndAck(takeBatch());
        // Overload (more arrives per pass than one batch): drain everything read so far, so the backlog
        // stays in the kernel's socket buffer instead of growing in this process.
        while (ok && pending.size() > kMaxPendingAfterFlush)
            ok = commitAndAck(takeBatch());
        if (ok && !pending.isEmpty())
            flushTimer.start(); // the rest after the event loop has had a turn (acks go out first)
    }

    // Acks leave now, in one write, instead of on the socket's next write notification.
    void flushLinks()
    {
        for (SocketLink *link : std::as_const(links))
            link->flush();
    }

    QVector<Envelope> takeBatch()
    {
        QVector<Envelope> batch;
        if (pending.size() <= kMaxCommitBatch) {
            batch.swap(pending);
        } else {
            batch = pending.mid(0, kMaxCommitBatch);
            pending.remove(0, kMaxCommitBatch);
        }
        return batch;
    }

    bool commitAndAck(QVector<Envelope> batch)
    {
        if (!bridge && store->hasAckJournal())
            return journalAndAck(std::move(batch));
        auto committed = store->insertEnvelopes(batch, pendingAckUpdates);
        if (!committed) {
            failCommit(committed.error(), batch.size());
            return false;
        }
        pendingAckUpdates.clear();
        envelopeCount += batch.size();
        if (bridge) {
            // Acks follow Nautobot's answer, or the budget's end, whichever comes first.
            Q_EMIT q->envelopesCommitted(batch);
            for (const Envelope &e : std::as_const(batch)) {
                bridge->submit(e, [this, e](const QJsonObject &payload) {
                    if (const qint64 at = sendAck(e, payload); at > 0) {
                        noteAcks({{e.rowId, at}});
                        flushLinks();
                    }
                });
            }
            return true;
        }
        QVector<AckUpdate> acks;
        acks.reserve(batch.size());
        for (Envelope &e : batch) {
            if (const qint64 at = sendAck(e, {}); at > 0) {
                e.ackedUs = at;
                acks.append({e.rowId, at});
            }
        }
        flushLinks(); // before the listeners below (a GUI model) take their time
        Q_EMIT q->envelopesCommitted(batch);
        noteAcks(acks);
        return true;
    }

    // Not committed, so not acked: Slack redelivers events; nothing is claimed that was not kept. The
    // store's code (capture_disk_full, capture_read_only, capture_io_error, …) is kept: it is what tells a
    // front end which fix to offer.
    void failCommit(const Error &error, qsizetype batchSize)
    {
        captureFailed = true;
        const qsizetype notAcked = batchSize + pending.size();
        pending.clear();
        failFatal({error.code,
                   QStringLiteral("Could not write to the capture %1: %2 %3 envelope(s) were not acknowledged, "
                                  "so Slack will retry events.")
                       .arg(store->path(), error.message)
                       .arg(notAcked),
                   error.fix.isEmpty()
                       ? QStringLiteral("Free disk space or choose a writable capture file, then connect again.")
                       : error.fix});
    }

    // Dedicated mode: the journal write is the commit, so the acks leave before SQLite sees the batch.
    bool journalAndAck(QVector<Envelope> batch)
    {
        if (auto r = store->journalEnvelopes(batch); !r) {
            failCommit(r.error(), batch.size());
            return false;
        }
        envelopeCount += batch.size();
        bool allSent = true;
        for (Envelope &e : batch) {
            e.ackedUs = trySendAck(e, {});
            allSent = allSent && e.ackedUs > 0;
        }
        flushLinks();
        store->journalAckTimes(batch);
        journaled += batch;
        // An ack that waits for a link is recorded against its row: that needs the row now. Otherwise the
        // rows are stored right after acks went out, the moment least likely to hold up the next envelope,
        // but at most every kApplyEveryMs; the timer stores the tail of a burst.
        if (!allSent || journaled.size() >= kMaxJournaledBeforeApply
            || json::steadyUs() - lastApplySteadyUs >= kApplyEveryMs * 1000)
            return applyJournaled();
        if (!applyTimer.isActive())
            applyTimer.start(kApplyLatestMs);
        return true;
    }

    // Gives the journaled envelopes their rows (with the ack times already known), then tells listeners.
    bool applyJournaled()
    {
        applyTimer.stop();
        lastApplySteadyUs = json::steadyUs();
        if (journaled.isEmpty())
            return true;
        QVector<Envelope> batch;
        batch.swap(journaled);
        if (auto r = store->applyJournal(batch, pendingAckUpdates); !r) {
            captureFailed = true;
            pending.clear();
            failFatal({r.error().code,
                       QStringLiteral("Could not write to the capture %1: %2 Envelopes arriving now are not "
                                      "acknowledged, so Slack will retry events. The %3 envelope(s) acknowledged "
                                      "since the last write are safe in its ack journal and are stored the next time "
                                      "the capture is opened for writing.")
                           .arg(store->path(), r.error().message)
                           .arg(batch.size()),
                       r.error().fix.isEmpty()
                           ? QStringLiteral("Free disk space or make the capture writable, then connect again.")
                           : r.error().fix});
            return false;
        }
        pendingAckUpdates.clear();
        QVector<AckUpdate> acks;
        acks.reserve(batch.size());
        for (const Envelope &e : std::as_const(batch)) {
            if (e.ackedUs > 0)
                acks.append({e.rowId, e.ackedUs});
            else
                deferAckWithRecord(e);
        }
        Q_EMIT q->envelopesCommitted(batch);
        if (!acks.isEmpty())
            Q_EMIT q->envelopesAcked(acks); // their times are in the rows already
        return true;
    }

    // Returns when the ack was handed to the socket (µs, measured on the monotonic clock from receipt), or 0
    // when no link could carry it: then the envelope, committed, is acked on the next live link (Slack
    // accepts an ack on any of the app's connections, reference §4). A late ack carries no payload.
    qint64 sendAck(const Envelope &e, const QJsonObject &payload)
    {
        if (const qint64 at = trySendAck(e, payload); at > 0)
            return at;
        deferAckWithRecord(e);
        return 0;
    }

    qint64 trySendAck(const Envelope &e, const QJsonObject &payload)
    {
        if (SocketLink *link = ackLinkFor(e.linkId); link && link->sendText(ackFrame(e.envelopeId, payload))) {
            rememberAck(link->id(), e.envelopeId);
            return ackedAtUs(e);
        }
        return 0;
    }

    void deferAckWithRecord(const Envelope &e)
    {
        record(e.linkId, QStringLiteral("ack_deferred"),
               QStringLiteral("no open link to ack envelope %1; acking on the next live link").arg(e.envelopeId));
        deferAck(e);
    }

    void noteAcks(const QVector<AckUpdate> &acks)
    {
        if (acks.isEmpty())
            return;
        pendingAckUpdates += acks;
        if (!ackUpdateTimer.isActive())
            ackUpdateTimer.start();
        Q_EMIT q->envelopesAcked(acks);
    }

    void onDeliveryFinished(const DeliveryRecord &record, const QString &summary)
    {
        if (auto r = store->recordDelivery(record); !r)
            qCWarning(lcCapture) << "could not record a delivery:" << r.error().message;
        if (auto r = store->setDeliveryStatus(record.envelopeRowId, summary); !r)
            qCWarning(lcCapture) << "could not record a delivery status:" << r.error().message;
        Q_EMIT q->deliveryUpdated(record.envelopeRowId, summary);
    }

    void deferAck(const Envelope &e)
    {
        if (deferredAcks.size() >= kMaxDeferredAcks) {
            const Envelope dropped = deferredAcks.takeFirst();
            record(dropped.linkId, QStringLiteral("ack_failed"),
                   QStringLiteral("gave up acking envelope %1: too many acks waiting for a link").arg(dropped.envelopeId));
        }
        Envelope slim; // the raw frame is not needed to ack
        slim.rowId = e.rowId;
        slim.linkId = e.linkId;
        slim.envelopeId = e.envelopeId;
        slim.receivedUs = e.receivedUs;
        slim.receivedSteadyUs = e.receivedSteadyUs;
        deferredAcks.append(slim);
    }

    void rememberAck(int linkId, const QString &envelopeId)
    {
        std::deque<SentAck> &sent = recentAcks[linkId];
        const qint64 now = json::steadyUs();
        while (!sent.empty()
               && (now - sent.front().atSteadyUs > kResendAcksWithinUs || sent.size() >= kMaxRecentAcksPerLink))
            sent.pop_front();
        sent.push_back({now, envelopeId});
    }

    // The link's peer vanished: its recent acks go again on the next live link.
    void resendRecentAcks(int linkId)
    {
        const std::deque<SentAck> sent = recentAcks.take(linkId);
        const qint64 now = json::steadyUs();
        for (const SentAck &a : sent) {
            if (now - a.atSteadyUs <= kResendAcksWithinUs)
                acksToResend.append(a.envelopeId);
        }
    }

    void sendDeferredAcks(SocketLink *link)
    {
        if (!acksToResend.isEmpty()) {
            int sent = 0;
            for (; sent < acksToResend.size(); ++sent) {
                if (!link->sendText(ackFrame(acksToResend.at(sent))))
                    break;
                rememberAck(link->id(), acksToResend.at(sent));
            }
            record(link->id(), QStringLiteral("acks_resent"),
                   QStringLiteral("%1 ack(s) written to a link that vanished, sent again").arg(sent));
            acksToResend.remove(0, sent);
            if (!acksToResend.isEmpty())
                return; // the link went away already; keep the rest for the next one
        }
        if (deferredAcks.isEmpty())
            return;
        QVector<AckUpdate> acks;
        for (const Envelope &e : std::as_const(deferredAcks)) {
            if (!link->sendText(ackFrame(e.envelopeId)))
                return; // the link went away already; keep them for the next one
            rememberAck(link->id(), e.envelopeId);
            acks.append({e.rowId, ackedAtUs(e)});
        }
        record(link->id(), QStringLiteral("acks_sent_late"), QStringLiteral("%1 envelope(s)").arg(acks.size()));
        deferredAcks.clear();
        pendingAckUpdates += acks;
        if (!ackUpdateTimer.isActive())
            ackUpdateTimer.start();
        Q_EMIT q->envelopesAcked(acks);
    }

    void writeAckUpdates()
    {
        if (pendingAckUpdates.isEmpty())
            return;
        if (auto r = store->applyAcks(pendingAckUpdates); !r)
            qCWarning(lcCapture) << "could not record ack times:" << r.error().message;
        pendingAckUpdates.clear();
    }

    void onLinkClosed(int id, const QString &why)
    {
        SocketLink *link = links.take(id);
        if (!link)
            return;
        const bool wasLive = link->isRetiring() || id == activeLinkId;
        const bool neverLive = link->openedUs() > 0 && id != activeLinkId && !link->isRetiring();
        const bool acksMayBeLost = link->peerVanished();
        link->deleteLater();
        record(id, QStringLiteral("closed"), why);
        if (stopping) {
            recentAcks.remove(id);
            if (links.isEmpty())
                finishStop();
            return;
        }
        if (acksMayBeLost)
            resendRecentAcks(id);
        else
            recentAcks.remove(id);
        if (id == activeLinkId)
            activeLinkId = 0;
        if (liveLinks() > 0) {
            if (activeLinkId == 0)
                activeLinkId = activeLink() ? activeLink()->id() : 0;
            if (SocketLink *current = activeLink())
                sendDeferredAcks(current);
            return;
        }
        if (hasPendingReplacement()) {
            if (liveLinks() == 0)
                setState(ClientState::Reconnecting, why);
            return;
        }
        // No live link and nothing on the way: reconnect.
        if (neverLive && !wasLive) {
            ++consecutiveFailures;
            if (shouldGiveUp({QStringLiteral("link_failed"), why, QStringLiteral("Check the network path to Slack's WebSocket hosts (wss-*.slack.com:443), proxy and TLS settings.")}))
                return;
            setState(ClientState::Reconnecting, why);
            scheduleLink(backoffMs(), why);
            return;
        }
        setState(ClientState::Reconnecting, QStringLiteral("link %1 lost: %2").arg(id).arg(why));
        requestLink(QStringLiteral("link %1 lost: %2").arg(id).arg(why));
    }

    void stopWith(const QString &reason)
    {
        if (stopping)
            return;
        stopping = true;
        retryTimer.stop();
        flushTimer.stop();
        while (!pending.isEmpty())
            flush();
        applyJournaled();
        if (bridge)
            bridge->shutdown(); // acks what still waits for Nautobot, before the links close
        endReason = reason;
        if (links.isEmpty()) {
            finishStop();
            return;
        }
        const auto current = links.values();
        for (SocketLink *link : current)
            link->close(reason, opt.oldLinkCloseTimeoutMs);
    }

    void finishStop()
    {
        if (state == ClientState::Stopped)
            return;
        applyJournaled();
        writeAckUpdates();
        if (sessionId > 0) {
            if (auto r = store->endSession(sessionId, endReason); !r)
                qCWarning(lcCapture) << "could not end the session:" << r.error().message;
        }
        setState(ClientState::Stopped, endReason);
        Q_EMIT q->stopped();
    }

    QString endReason;
    std::unique_ptr<ChatOpsBridge> bridge;
};

SocketModeClient::SocketModeClient(CaptureStore *store, ClientOptions options, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(this, store, std::move(options)))
{
    qRegisterMetaType<socketscope::Envelope>();
    qRegisterMetaType<QVector<socketscope::Envelope>>();
    qRegisterMetaType<socketscope::LinkEvent>();
    qRegisterMetaType<QVector<socketscope::AckUpdate>>();
    qRegisterMetaType<socketscope::Error>();
    qRegisterMetaType<socketscope::ClientState>();
    connect(&d->flushTimer, &QTimer::timeout, this, [this] { d->flush(); });
    connect(&d->ackUpdateTimer, &QTimer::timeout, this, [this] { d->writeAckUpdates(); });
    connect(&d->applyTimer, &QTimer::timeout, this, [this] { d->applyJournaled(); });
}

SocketModeClient::~SocketModeClient()
{
    // Links are children; make sure nothing calls back into a half-destroyed Private.
    for (SocketLink *link : std::as_const(d->links))
        link->disconnect(this);
    // Destroyed without stop(): what was acked still gets its rows, since the store may serve another
    // client next (the desktop app keeps it across connections). Nobody is told; nobody is listening.
    if (!d->journaled.isEmpty() && !d->captureFailed) {
        if (auto r = d->store->applyJournal(d->journaled, d->pendingAckUpdates); !r)
            qCWarning(lcCapture) << "acked envelopes left in the ack journal for the next open:" << r.error().message;
    }
}

void SocketModeClient::start()
{
    if (d->state != ClientState::Idle)
        return;
    if (d->opt.appToken.isEmpty()) {
        d->stopping = true;
        d->endReason = QStringLiteral("no app token");
        d->setState(ClientState::Stopped, d->endReason);
        Q_EMIT fatalError({QStringLiteral("missing_app_token"), QStringLiteral("No Slack app-level token is configured."),
                           QStringLiteral("Store the xapp- token in the profile (keychain) or set "
                                          "SOCKETSCOPE_SLACK_APP_TOKEN.")});
        Q_EMIT stopped();
        return;
    }
    SessionInfo info;
    info.startedUs = json::nowUs();
    info.source = QStringLiteral("listen");
    info.mode = d->opt.mode;
    info.apiUrl = d->opt.apiUrl.toDisplayString();
    auto session = d->store->beginSession(info);
    if (!session) {
        d->stopping = true;
        d->endReason = session.error().message;
        d->setState(ClientState::Stopped, d->endReason);
        Q_EMIT fatalError(session.error());
        Q_EMIT stopped();
        return;
    }
    d->sessionId = session.value();
    if (d->opt.mode == QLatin1String("bridge")) {
        if (auto valid = ChatOpsBridge::validate(d->opt.bridge); !valid) {
            d->failFatal(valid.error());
            return;
        }
        d->bridge = std::make_unique<ChatOpsBridge>(d->opt.bridge);
        connect(d->bridge.get(), &ChatOpsBridge::deliveryFinished, this,
                [this](const DeliveryRecord &record, const QString &summary) { d->onDeliveryFinished(record, summary); });
    }
    d->setState(ClientState::Connecting, d->opt.apiUrl.toDisplayString());
    d->requestLink(QStringLiteral("start"));
}

void SocketModeClient::stop(const QString &reason)
{
    if (d->state == ClientState::Idle) {
        d->state = ClientState::Stopped;
        Q_EMIT stopped();
        return;
    }
    d->stopWith(reason);
}

ClientState SocketModeClient::state() const { return d->state; }
qint64 SocketModeClient::sessionId() const { return d->sessionId; }
int SocketModeClient::liveLinkCount() const { return d->liveLinks(); }
int SocketModeClient::numConnections() const { return d->numConnections; }
int SocketModeClient::reconnectCount() const { return d->reconnects; }
qint64 SocketModeClient::envelopeCount() const { return d->envelopeCount; }

} // namespace socketscope
