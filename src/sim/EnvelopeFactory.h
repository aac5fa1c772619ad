#pragma once

#include <QJsonObject>
#include <QString>

namespace socketscope::sim {

enum class EnvelopeKind;

// Builds envelopes shaped like Slack's (see reference/slack-socket-mode.md §3.3) for the
// /nautobot commands an operator would see from Nautobot ChatOps. Secret-looking fields
// (response_url, trigger_id) point back at the simulator's own HTTP port.
class EnvelopeFactory
{
public:
    struct Identity
    {
        QString appId;
        QString teamId;
        QString teamDomain;
        QString botUserId;
        QString botId;
        QString hooksBaseUrl; // http://127.0.0.1:<port>
    };

    explicit EnvelopeFactory(Identity identity);
    void setHooksBaseUrl(const QString &url) { m_id.hooksBaseUrl = url; }
    const Identity &identity() const { return m_id; }

    static QString envelopeType(EnvelopeKind kind); // events_api | slash_commands | interactive
    static bool acceptsResponsePayload(EnvelopeKind kind);

    // A fresh payload (new trigger_id, response_url, event_id, timestamps) for one user action.
    QJsonObject payload(EnvelopeKind kind);

    // The envelope around a payload. events_api envelopes carry retry_attempt/retry_reason.
    static QJsonObject envelope(const QString &envelopeId, EnvelopeKind kind, const QJsonObject &payload,
                                int retryAttempt = 0);

private:
    struct Actor
    {
        QString userId;
        QString userName;
        QString channelId;
        QString channelName;
    };
    Actor pickActor();
    QString triggerId();
    QString hookUrl(const QString &kind);
    QJsonObject slashCommand();
    QJsonObject blockActions();
    QJsonObject viewSubmission();
    QJsonObject eventCallback(const QJsonObject &event, const QString &channelId);
    QJsonObject appMention();
    QJsonObject message();

    Identity m_id;
    quint64 m_sequence = 0;
};

} // namespace socketscope::sim
