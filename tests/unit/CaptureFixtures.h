#pragma once

// Envelope frames in the shapes of /work/shared/reference/slack-socket-mode.md §3.3, shared by the capture,
// redaction and JSONL tests. The "secrets" are fake but shaped like real ones.
#include "slack/Envelope.h"

#include <QByteArray>
#include <QString>

namespace fixtures {

inline const QByteArray kSlashResponseUrl = "https://hooks.slack.com/commands/T111/4863712501879/dOMNffCDfTjlSskBrmB1bOtR";
inline const QByteArray kSlashTriggerId = "4890883491553.4801143489888.910b8eaae200b381834de25310583f74";
inline const QByteArray kLegacyToken = "EidhofDor5uIpqQ9RrtOVdnC";
inline const QByteArray kActionsResponseUrl = "https://hooks.slack.com/actions/T111/111222333/Xq7bT0pL9mN2vR4sK8wY1zC";
inline const QByteArray kWorkflowToken = "xwfp-2222222222-3333333333-AbCdEfGhIjKlMnOpQrStUvWx";
inline const QByteArray kBotTokenInText = "xoxb-1234567890-0987654321-ZyXwVuTsRqPoNmLkJiHgFeDc";

inline QByteArray slashCommand(const QString &envelopeId, const QString &text = QStringLiteral("get-devices location ams01"))
{
    return QStringLiteral(
               R"({"envelope_id":"%1","payload":{"token":"%2","team_id":"T111","team_domain":"xxx","channel_id":"C111","channel_name":"random","user_id":"U111","user_name":"testxyz","command":"/nautobot","text":"%3","api_app_id":"A111","response_url":"%4","trigger_id":"%5"},"type":"slash_commands","accepts_response_payload":true})")
        .arg(envelopeId, QString::fromLatin1(kLegacyToken), text, QString::fromLatin1(kSlashResponseUrl),
             QString::fromLatin1(kSlashTriggerId))
        .toUtf8();
}

inline QByteArray appMention(const QString &envelopeId, const QString &eventId, int retryAttempt = 0)
{
    return QStringLiteral(
               R"({"envelope_id":"%1","payload":{"token":"verification-token","team_id":"T111","api_app_id":"A111","event":{"client_msg_id":"f0582a78-72db-4feb-b2f3-1e47d66365c8","type":"app_mention","text":"<@U111> show me racks","user":"U222","ts":"1610241741.000200","team":"T111","channel":"C222","event_ts":"1610241741.000200"},"type":"event_callback","event_id":"%2","event_time":1610241741,"authorizations":[{"enterprise_id":null,"team_id":"T111","user_id":"U222","is_bot":true,"is_enterprise_install":false}],"is_ext_shared_channel":false,"event_context":"1-app_mention-T111-C111"},"type":"events_api","accepts_response_payload":false,"retry_attempt":%3,"retry_reason":"%4"})")
        .arg(envelopeId, eventId)
        .arg(retryAttempt)
        .arg(retryAttempt > 0 ? QStringLiteral("timeout") : QString())
        .toUtf8();
}

inline QByteArray blockActions(const QString &envelopeId)
{
    return QStringLiteral(
               R"({"envelope_id":"%1","payload":{"type":"block_actions","user":{"id":"U333","username":"test-test-test","name":"test-test-test","team_id":"T111"},"api_app_id":"A111","token":"fixed-value-token-123","container":{"type":"message","message_ts":"1605853634.000400","channel_id":"C111","is_ephemeral":false},"trigger_id":"111.222.xxx","team":{"id":"T111","domain":"test-test-test"},"channel":{"id":"C111","name":"random"},"response_url":"%2","actions":[{"action_id":"nautobot get-devices location","block_id":"b","selected_option":{"value":"7f1e"},"type":"static_select","action_ts":"1605853645.582706"}]},"type":"interactive","accepts_response_payload":false})")
        .arg(envelopeId, QString::fromLatin1(kActionsResponseUrl))
        .toUtf8();
}

// Workflow function event: event.bot_access_token is an xwfp- token (§3.3).
inline QByteArray functionExecuted(const QString &envelopeId, const QString &eventId)
{
    return QStringLiteral(
               R"({"envelope_id":"%1","payload":{"token":"verification-token","team_id":"T111","api_app_id":"A111","event":{"type":"function_executed","function":{"id":"Fn111","callback_id":"lookup_device"},"inputs":{"note":"paste %4 here"},"function_execution_id":"Fx111","bot_access_token":"%3","event_ts":"1700000000.000100"},"type":"event_callback","event_id":"%2","event_time":1700000000},"type":"events_api","accepts_response_payload":false,"retry_attempt":0,"retry_reason":""})")
        .arg(envelopeId, eventId, QString::fromLatin1(kWorkflowToken), QString::fromLatin1(kBotTokenInText))
        .toUtf8();
}

inline socketscope::Envelope envelope(const QByteArray &frame, qint64 receivedUs, qint64 sessionId = 0, int linkId = 1)
{
    socketscope::Envelope e = socketscope::parseFrame(frame, receivedUs).envelope;
    e.sessionId = sessionId;
    e.linkId = linkId;
    return e;
}

} // namespace fixtures
