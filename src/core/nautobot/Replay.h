#pragma once

#include "answers/ResponseUrlBudget.h"
#include "capture/CaptureStore.h"
#include "nautobot/ChatOpsDelivery.h"
#include "slack/Envelope.h"
#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QVector>

#include <functional>
#include <optional>

namespace socketscope {

struct ReplayWarning
{
    QString code;    // runs_command | trigger_expired | response_url_expired | response_url_exhausted | edited | no_command
    QString message; // one sentence for the operator
};

// Exactly what a replay will POST to Nautobot ChatOps, built and signed before anything is sent, so
// the operator sees (and may edit) the request first. Holds the signature, never the signing secret.
struct ReplayPlan
{
    qint64 envelopeRowId = 0;
    QString envelopeId;
    QString envelopeType;    // slash_commands | interactive | events_api
    qint64 receivedUs = 0;   // when the envelope arrived (ages of trigger_id / response_url count from here)
    QByteArray frame;        // the envelope frame the request is built from (as captured, or edited)
    bool edited = false;

    QByteArray method = QByteArrayLiteral("POST");
    QUrl url;                // Nautobot base + path
    QString path;            // /api/plugins/chatops/slack/…/
    QList<QPair<QByteArray, QByteArray>> headers; // in order, incl. X-Slack-Request-Timestamp and X-Slack-Signature
    QByteArray body;         // the exact bytes that are signed and sent
    QByteArray timestamp;    // X-Slack-Request-Timestamp
    QByteArray signature;    // X-Slack-Signature (v0=…)
    QString note;            // SlackHttpForm's caveat, may be empty
    QVector<ReplayWarning> warnings;

    // The request as text. masked = true hides the signature, response_url, trigger_id and legacy
    // token (the signing secret is never part of a plan).
    QString displayText(bool masked = true) const;
    QJsonObject payload() const;       // the frame's payload
    QString commandText() const;       // slash_commands: payload "text"; else empty
    bool hasWarning(const QString &code) const;
};

// What one replay did.
struct ReplayResult
{
    DeliveryOutcome outcome;
    qint64 deliveryId = 0;             // the capture's delivery row; 0 when not recorded
    std::optional<Error> recordError;  // the request went out, but recording it failed
};

QString deliveryVerdictName(DeliveryVerdict verdict); // "accepted", "bad_signature", …

// Replays a captured envelope to Nautobot ChatOps as Slack would have POSTed it in webhook mode:
// plan (build + sign + warnings) → optional edits (re-signed) → send (ChatOpsDelivery) → record in
// the capture (kind "replay"). Asynchronous; no nested event loops.
class Replayer : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<ReplayResult> &)>;
    static inline const QString kDeliveryKind = QStringLiteral("replay");
    static constexpr qint64 kTriggerLifetimeUs = 3'000'000; // trigger_id expires after 3 s

    explicit Replayer(QUrl nautobotBaseUrl, QObject *parent = nullptr);

    QUrl nautobotBaseUrl() const { return m_baseUrl; }
    void setSigningSecret(const QByteArray &secret) { m_secret = secret; }
    bool hasSigningSecret() const { return !m_secret.isEmpty(); }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }
    // µs since the epoch; default the system clock. Ages and the signature timestamp come from it.
    void setClock(std::function<qint64()> nowUs) { m_clock = std::move(nowUs); }

    // history: CaptureStore::deliveries(envelope.rowId), for the response_url budget warning.
    Result<ReplayPlan> plan(const Envelope &envelope, const QVector<DeliveryRecord> &history = {}) const;
    // slash_commands only: replace the command text (payload "text"), rebuild and re-sign.
    Result<ReplayPlan> withCommandText(const ReplayPlan &plan, const QString &text,
                                       const QVector<DeliveryRecord> &history = {}) const;
    // Any type: replace the whole payload with operator-edited JSON. It must parse as an object and
    // keep the payload's "type" (block_actions, event_callback, …) unchanged.
    Result<ReplayPlan> withPayloadJson(const ReplayPlan &plan, const QByteArray &payloadJson,
                                       const QVector<DeliveryRecord> &history = {}) const;

    // Sends exactly plan.body with plan's timestamp and signature. store (may be null) records the
    // attempt as a delivery of kind "replay" and sets the envelope's delivery status; it must outlive
    // `context`. Errors (as values) only when nothing was sent.
    void send(const ReplayPlan &plan, CaptureStore *store, QObject *context, Callback callback);

private:
    Result<ReplayPlan> build(const Envelope &envelope, const QByteArray &frame, bool edited,
                             const QVector<DeliveryRecord> &history) const;
    qint64 nowUs() const;

    QUrl m_baseUrl;
    QByteArray m_secret;
    int m_timeoutMs = 10000;
    std::optional<QSslConfiguration> m_ssl;
    std::function<qint64()> m_clock;
};

} // namespace socketscope
