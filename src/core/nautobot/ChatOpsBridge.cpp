#include "nautobot/ChatOpsBridge.h"

#include "nautobot/SlackHttpForm.h"
#include "util/Json.h"
#include "util/Logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>

namespace socketscope {

ChatOpsBridge::ChatOpsBridge(BridgeOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_delivery(m_options.nautobotUrl)
{
    m_delivery.setSigningSecret(m_options.signingSecret);
    m_delivery.setTimeoutMs(m_options.deliveryTimeoutMs);
    // Queued deliveries age even while none finishes (a silent Nautobot): sweep them once a second.
    m_sweep = new QTimer(this);
    m_sweep->setInterval(1000);
    connect(m_sweep, &QTimer::timeout, this, &ChatOpsBridge::dropStale);
}

ChatOpsBridge::~ChatOpsBridge()
{
    shutdown();
}

Result<void> ChatOpsBridge::validate(const BridgeOptions &options)
{
    if (!options.nautobotUrl.isValid() || options.nautobotUrl.host().isEmpty())
        return Error{QStringLiteral("bridge_no_nautobot"), QStringLiteral("Bridge mode needs Nautobot's URL."),
                     QStringLiteral("Set the profile's Nautobot URL or SOCKETSCOPE_NAUTOBOT_URL.")};
    if (options.signingSecret.isEmpty())
        return Error{QStringLiteral("bridge_no_secret"),
                     QStringLiteral("Bridge mode needs the Slack signing secret to sign re-deliveries."),
                     QStringLiteral("Store it in the profile (Basic Information → App Credentials → Signing Secret) or set "
                                    "SOCKETSCOPE_SLACK_SIGNING_SECRET.")};
    if (options.ackBudgetMs <= 0 || options.ackBudgetMs >= 3000)
        return Error{QStringLiteral("bridge_budget"), QStringLiteral("The ack budget must be between 0 and 3000 ms."), {}};
    return {};
}

QJsonObject ChatOpsBridge::ackPayloadFor(const Envelope &envelope, const DeliveryOutcome &outcome)
{
    if (!envelope.acceptsResponsePayload || outcome.verdict != DeliveryVerdict::AnsweredWithText)
        return {};
    const QByteArray body = outcome.body.trimmed();
    if (body.isEmpty())
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        return doc.object();
    return QJsonObject{{QStringLiteral("text"), QString::fromUtf8(body)}};
}

void ChatOpsBridge::submit(const Envelope &envelope, AckFn ack)
{
    const quint64 id = m_nextId++;
    if (m_queue.size() >= m_options.maxQueued) {
        Job rejected;
        rejected.id = id;
        rejected.envelope = envelope;
        rejected.ack = std::move(ack);
        ackJob(rejected, {}, QStringLiteral("queue full"));
        record(rejected, 0, -1,
               QStringLiteral("Not delivered: %1 deliveries were already waiting for Nautobot (slow or down).")
                   .arg(m_queue.size()),
               QStringLiteral("bridge: not delivered (queue full)"));
        return;
    }
    Job &job = m_jobs[id];
    job.id = id;
    job.envelope = envelope;
    job.ack = std::move(ack);
    // The deadline counts from receipt, not from now: commit time is part of Slack's 3 s.
    const qint64 elapsedMs = (json::nowUs() - envelope.receivedUs) / 1000;
    const int remainingMs = int(std::max<qint64>(0, m_options.ackBudgetMs - elapsedMs));
    job.deadline = new QTimer(this);
    job.deadline->setSingleShot(true);
    job.deadline->setTimerType(Qt::PreciseTimer);
    connect(job.deadline, &QTimer::timeout, this, [this, id] {
        auto it = m_jobs.find(id);
        if (it != m_jobs.end() && !it->acked)
            ackJob(*it, {}, QStringLiteral("budget"));
    });
    job.deadline->start(remainingMs);
    job.queuedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_queue.enqueue(id);
    if (!m_sweep->isActive())
        m_sweep->start();
    startNext();
}

void ChatOpsBridge::ackJob(Job &job, const QJsonObject &payload, const QString &why)
{
    if (job.acked)
        return;
    job.acked = true;
    if (job.deadline) {
        job.deadline->stop();
        job.deadline->deleteLater();
        job.deadline = nullptr;
    }
    qCDebug(lcNautobot) << "bridge ack" << job.envelope.envelopeId << why << (payload.isEmpty() ? "bare" : "with payload");
    // The ack may re-enter (an ack can end the session, which shuts this bridge down): call a local copy.
    const AckFn ack = std::move(job.ack);
    ack(payload);
}

void ChatOpsBridge::startNext()
{
    dropStale();
    while (m_running < m_options.maxConcurrent && !m_queue.isEmpty()) {
        const quint64 id = m_queue.dequeue();
        auto it = m_jobs.find(id);
        if (it == m_jobs.end())
            continue;
        ++m_running;
        m_delivery.deliver(it->envelope.raw, this, [this, id](const Result<DeliveryOutcome> &result) {
            --m_running;
            finish(id, result);
            startNext();
        });
    }
}

void ChatOpsBridge::dropStale()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    while (!m_queue.isEmpty()) {
        auto it = m_jobs.find(m_queue.head());
        if (it != m_jobs.end() && now - it->queuedAtMs <= m_options.maxQueueWaitMs)
            break; // the queue is in arrival order: the rest is younger
        m_queue.dequeue();
        if (it == m_jobs.end())
            continue;
        Job job = std::move(*it);
        m_jobs.erase(it);
        ackJob(job, {}, QStringLiteral("stale"));
        record(job, 0, -1,
               QStringLiteral("Not delivered: waited %1 s for a free connection to Nautobot, which is slow or down "
                              "(%2 deliveries in flight).")
                   .arg((now - job.queuedAtMs) / 1000)
                   .arg(m_running),
               QStringLiteral("bridge: not delivered (Nautobot too slow)"));
    }
    if (m_queue.isEmpty())
        m_sweep->stop();
}

void ChatOpsBridge::finish(quint64 id, const Result<DeliveryOutcome> &result)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    // Out of the table before anything can re-enter (see ackJob).
    Job job = std::move(*it);
    m_jobs.erase(it);
    if (!result) {
        ackJob(job, {}, QStringLiteral("not deliverable"));
        record(job, 0, -1, result.error().toString(), QStringLiteral("bridge: %1").arg(result.error().code));
    } else {
        const DeliveryOutcome &outcome = result.value();
        const bool inTime = !job.acked;
        ackJob(job, inTime ? ackPayloadFor(job.envelope, outcome) : QJsonObject{}, QStringLiteral("answered"));
        QString summary = outcome.httpStatus > 0 ? QStringLiteral("bridge: %1").arg(outcome.httpStatus)
                                                 : QStringLiteral("bridge: no answer");
        if (!inTime)
            summary += QStringLiteral(" (after the ack budget)");
        QString meaning = outcome.meaning;
        if (!inTime)
            meaning += QStringLiteral(" Nautobot answered after the %1 ms ack budget, so the ack went out empty.")
                           .arg(m_options.ackBudgetMs);
        record(job, outcome.httpStatus, outcome.latencyUs, meaning, summary);
    }
}

void ChatOpsBridge::record(const Job &job, int status, qint64 latencyUs, const QString &outcome, const QString &summary)
{
    DeliveryRecord r;
    r.envelopeRowId = job.envelope.rowId;
    r.atUs = json::nowUs();
    r.kind = QStringLiteral("bridge");
    auto request = SlackHttpForm::fromFrame(job.envelope.raw);
    r.target = request ? request.value().path : QString();
    r.statusCode = status;
    r.latencyUs = latencyUs;
    r.outcome = outcome;
    Q_EMIT deliveryFinished(r, summary);
}

void ChatOpsBridge::shutdown()
{
    QHash<quint64, Job> jobs;
    jobs.swap(m_jobs);
    m_queue.clear();
    for (Job &job : jobs)
        ackJob(job, {}, QStringLiteral("shutdown"));
}

} // namespace socketscope
