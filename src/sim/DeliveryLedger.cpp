#include "DeliveryLedger.h"

namespace socketscope::sim {

namespace {
constexpr qint64 kNsPerMs = 1000000;
}

DeliveryLedger::DeliveryLedger(Config config) : m_config(std::move(config)) {}

void DeliveryLedger::recordDelivery(const QString &envelopeId, qint64 sentNs, const QString &eventId)
{
    m_deliveries.insert(envelopeId, Delivery{sentNs, eventId, false});
    m_deliveryOrder.push_back(envelopeId);
    while (static_cast<int>(m_deliveryOrder.size()) > m_config.historyLimit) {
        const QString oldest = m_deliveryOrder.front();
        m_deliveryOrder.pop_front();
        m_deliveries.remove(oldest);
        m_ackedIds.remove(oldest);
    }
}

void DeliveryLedger::trackEvent(const QString &eventId, EnvelopeKind kind, const QJsonObject &payload, qint64 firstAttemptNs)
{
    EventState &state = m_events[eventId];
    state.kind = kind;
    state.payload = payload;
    state.attempt = 0;
    schedule(eventId, state, firstAttemptNs);
}

void DeliveryLedger::schedule(const QString &eventId, EventState &state, qint64 lastAttemptNs)
{
    // Retry n is due ackDeadline after the previous attempt plus retryDelaysMs[n-1]; after the
    // last retry only the give-up check (one more deadline) remains.
    qint64 delayMs = m_config.ackDeadlineMs;
    if (state.attempt < m_config.retryDelaysMs.size())
        delayMs += m_config.retryDelaysMs.at(state.attempt);
    state.dueNs = lastAttemptNs + delayMs * kNsPerMs;
    m_schedule.emplace(state.dueNs, eventId);
}

DeliveryLedger::AckResult DeliveryLedger::recordAck(const QString &envelopeId, qint64 ackNs, qint64 *latencyUs)
{
    auto it = m_deliveries.find(envelopeId);
    if (it == m_deliveries.end()) {
        ++m_unknownAcks;
        return AckResult::Unknown;
    }
    if (it->acked) {
        ++m_duplicateAcks;
        return AckResult::Duplicate;
    }
    it->acked = true;
    ++m_acked;
    m_ackedIds.insert(envelopeId);
    const qint64 latency = (ackNs - it->sentNs) / 1000;
    if (latencyUs)
        *latencyUs = latency;
    if (m_latenciesUs.size() >= m_config.latencySampleLimit)
        m_latenciesUs.remove(0, m_latenciesUs.size() / 2); // amortised: keep the newest half
    m_latenciesUs.append(latency);
    if (!it->eventId.isEmpty())
        m_events.remove(it->eventId); // an ack of any delivery of the event ends its retries
    return AckResult::Accepted;
}

QVector<DeliveryLedger::DueRetry> DeliveryLedger::takeDueRetries(qint64 nowNs, int max)
{
    QVector<DueRetry> due;
    while (!m_schedule.empty() && due.size() < max) {
        auto first = m_schedule.begin();
        if (first->first > nowNs)
            break;
        const QString eventId = first->second;
        const qint64 dueNs = first->first;
        m_schedule.erase(first);
        auto state = m_events.find(eventId);
        if (state == m_events.end() || state->dueNs != dueNs)
            continue; // acked or rescheduled since
        if (state->attempt >= m_config.retryDelaysMs.size()) {
            ++m_givenUp; // Slack stops after the last retry
            m_events.erase(state);
            continue;
        }
        due.append(DueRetry{eventId, state->kind, state->payload, state->attempt + 1});
        state->dueNs = -1; // off the schedule until retrySent/retryDeferred
    }
    return due;
}

void DeliveryLedger::retrySent(const QString &eventId, int attempt, qint64 sentNs)
{
    auto state = m_events.find(eventId);
    if (state == m_events.end())
        return;
    state->attempt = attempt;
    schedule(eventId, *state, sentNs);
}

void DeliveryLedger::retryDeferred(const DueRetry &retry, qint64 nowNs, int deferMs)
{
    auto state = m_events.find(retry.eventId);
    if (state == m_events.end())
        return;
    state->dueNs = nowNs + deferMs * kNsPerMs;
    m_schedule.emplace(state->dueNs, retry.eventId);
}

QSet<QString> DeliveryLedger::deliveredIds() const
{
    QSet<QString> ids;
    ids.reserve(m_deliveries.size());
    for (auto it = m_deliveries.constBegin(); it != m_deliveries.constEnd(); ++it)
        ids.insert(it.key());
    return ids;
}

} // namespace socketscope::sim
