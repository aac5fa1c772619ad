#pragma once

#include "capture/CaptureStore.h"
#include "nautobot/ChatOpsDelivery.h"
#include "slack/Envelope.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QQueue>
#include <QUrl>

#include <functional>

class QTimer;

namespace socketscope {

struct BridgeOptions
{
    QUrl nautobotUrl;
    QByteArray signingSecret;    // a secret: never logged
    int ackBudgetMs = 2500;      // from receipt; Slack's deadline is 3 s
    int maxConcurrent = 6;       // deliveries in flight (QNetworkAccessManager opens 6 connections per host)
    int maxQueued = 2000;        // waiting deliveries; beyond this an envelope is acked and not delivered
    int maxQueueWaitMs = 10000;  // a delivery that waited longer is dropped: its user has long seen a timeout
    int deliveryTimeoutMs = 10000;
};

// Bridge mode: every committed envelope is re-delivered, signed, to Nautobot's ChatOps endpoints so
// users still get answers while the operator watches. The ack never waits past the budget: if
// Nautobot has not answered by then, the envelope is acked empty and the delivery carries on.
class ChatOpsBridge : public QObject
{
    Q_OBJECT
public:
    // Called exactly once per envelope, within the budget, with the ack payload (empty = bare ack).
    using AckFn = std::function<void(const QJsonObject &payload)>;

    explicit ChatOpsBridge(BridgeOptions options, QObject *parent = nullptr);
    ~ChatOpsBridge() override;

    static Result<void> validate(const BridgeOptions &options);

    void submit(const Envelope &envelope, AckFn ack);
    // Acks everything still waiting (bare) and abandons queued deliveries.
    void shutdown();

    int inFlight() const { return m_running; }
    int queued() const { return int(m_queue.size()); }

    // What goes back in the ack for an answer (reference §9: BOLTPY wraps a non-JSON body as {"text": …}).
    static QJsonObject ackPayloadFor(const Envelope &envelope, const DeliveryOutcome &outcome);

Q_SIGNALS:
    // One per envelope, when its delivery finished (or was given up); for the capture and the table.
    void deliveryFinished(const socketscope::DeliveryRecord &record, const QString &statusSummary);

private:
    struct Job
    {
        quint64 id = 0;
        Envelope envelope;
        AckFn ack;
        QTimer *deadline = nullptr;
        bool acked = false;
        qint64 queuedAtMs = 0;
    };

    void startNext();
    void dropStale();
    void ackJob(Job &job, const QJsonObject &payload, const QString &why);
    void finish(quint64 id, const Result<DeliveryOutcome> &result);
    void record(const Job &job, int status, qint64 latencyUs, const QString &outcome, const QString &summary);

    BridgeOptions m_options;
    ChatOpsDelivery m_delivery;
    QHash<quint64, Job> m_jobs;
    QQueue<quint64> m_queue;
    quint64 m_nextId = 1;
    int m_running = 0;
    QTimer *m_sweep = nullptr;
};

} // namespace socketscope
