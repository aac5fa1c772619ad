#pragma once

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QVector>

#include <deque>
#include <map>

namespace socketscope::sim {

enum class EnvelopeKind;

// Bookkeeping of deliveries and acks, and the Events API retry schedule. Pure logic on a
// steady clock supplied by the caller (nanoseconds), so it stays testable and cheap at 20k/s.
class DeliveryLedger
{
public:
    struct Config
    {
        int ackDeadlineMs = 3000;
        QVector<int> retryDelaysMs{0, 60000, 300000};
        int historyLimit = 1000000;       // delivered envelope ids remembered for acks
        int latencySampleLimit = 1000000; // newest samples kept
    };
    enum class AckResult { Accepted, Duplicate, Unknown };
    struct DueRetry
    {
        QString eventId;
        EnvelopeKind kind;
        QJsonObject payload;
        int attempt; // retry_attempt to send: 1..retryDelaysMs.size()
    };

    explicit DeliveryLedger(Config config);

    // Call just before the frame is written. eventId is empty for non-events_api envelopes.
    void recordDelivery(const QString &envelopeId, qint64 sentNs, const QString &eventId);
    // Starts the retry clock of an events_api event at its first delivery (or failed attempt).
    void trackEvent(const QString &eventId, EnvelopeKind kind, const QJsonObject &payload, qint64 firstAttemptNs);
    AckResult recordAck(const QString &envelopeId, qint64 ackNs, qint64 *latencyUs);

    // Unacked events whose next retry is due; they leave the schedule until retrySent/retryDeferred.
    QVector<DueRetry> takeDueRetries(qint64 nowNs, int max);
    void retrySent(const QString &eventId, int attempt, qint64 sentNs);
    void retryDeferred(const DueRetry &retry, qint64 nowNs, int deferMs); // no live link to carry it

    int acked() const { return m_acked; }
    int duplicateAcks() const { return m_duplicateAcks; }
    int unknownAcks() const { return m_unknownAcks; }
    int eventsGivenUp() const { return m_givenUp; }
    int pendingEvents() const { return static_cast<int>(m_events.size()); }
    const QVector<qint64> &latenciesUs() const { return m_latenciesUs; }
    QSet<QString> deliveredIds() const;
    QSet<QString> ackedIds() const { return m_ackedIds; }

private:
    struct Delivery
    {
        qint64 sentNs = 0;
        QString eventId;
        bool acked = false;
    };
    struct EventState
    {
        EnvelopeKind kind;
        QJsonObject payload;
        int attempt = 0;   // last retry_attempt delivered
        qint64 dueNs = 0;  // when the next retry (or the give-up check) is due
    };
    void schedule(const QString &eventId, EventState &state, qint64 lastAttemptNs);

    Config m_config;
    QHash<QString, Delivery> m_deliveries;
    std::deque<QString> m_deliveryOrder;
    QSet<QString> m_ackedIds;
    QHash<QString, EventState> m_events;
    std::multimap<qint64, QString> m_schedule; // dueNs → eventId; stale entries skipped lazily
    QVector<qint64> m_latenciesUs;
    int m_acked = 0;
    int m_duplicateAcks = 0;
    int m_unknownAcks = 0;
    int m_givenUp = 0;
};

} // namespace socketscope::sim
