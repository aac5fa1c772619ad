#include "answers/ChatPostMessageSender.h"

#include "answers/ReplyComposer.h"
#include "util/Json.h"
#include "util/Logging.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

namespace socketscope {

ChatPostMessageSender::ChatPostMessageSender(QUrl apiBaseUrl, QObject *parent)
    : QObject(parent), m_baseUrl(std::move(apiBaseUrl)), m_nam(new QNetworkAccessManager(this))
{
    if (!m_baseUrl.path().endsWith(QLatin1Char('/')))
        m_baseUrl.setPath(m_baseUrl.path() + QLatin1Char('/'));
}

Error ChatPostMessageSender::errorFor(const QString &slackError, const QString &channel, const QJsonObject &reply)
{
    const QString e = slackError;
    auto make = [&e](const QString &message, const QString &fix) { return Error{e, message, fix}; };
    if (e == QLatin1String("channel_not_found"))
        return make(QStringLiteral("Slack cannot find channel %1 (or the bot cannot see it: private channels are "
                                   "invisible until the bot is a member).").arg(channel),
                    QStringLiteral("Use the channel ID (C…/G…/D…), not its name, and invite the bot with /invite @<bot> "
                                   "in private channels."));
    if (e == QLatin1String("not_in_channel"))
        return make(QStringLiteral("The bot is not a member of channel %1.").arg(channel),
                    QStringLiteral("Invite it: type /invite @<bot name> in the channel."));
    if (e == QLatin1String("is_archived"))
        return make(QStringLiteral("Channel %1 is archived.").arg(channel), QStringLiteral("Unarchive it or answer elsewhere."));
    if (e == QLatin1String("msg_too_long"))
        return make(QStringLiteral("The message text is too long for Slack (more than 40,000 characters)."),
                    QStringLiteral("Shorten it, or split the table into several messages."));
    if (e == QLatin1String("no_text"))
        return make(QStringLiteral("The message has neither text nor blocks."), QStringLiteral("Add a text or blocks."));
    if (e == QLatin1String("invalid_blocks") || e == QLatin1String("invalid_blocks_format"))
        return make(QStringLiteral("Slack refused the blocks (%1).").arg(e),
                    QStringLiteral("Check the Block Kit JSON in Block Kit Builder."));
    if (e == QLatin1String("too_many_attachments"))
        return make(QStringLiteral("Too many attachments (Slack allows 100)."), QStringLiteral("Send fewer attachments."));
    if (e == QLatin1String("rate_limited") || e == QLatin1String("ratelimited"))
        return make(QStringLiteral("Slack rate-limited the bot (about one message per second per channel)."),
                    QStringLiteral("Wait a moment and send again."));
    if (e == QLatin1String("invalid_auth"))
        return make(QStringLiteral("Slack does not accept the bot token (invalid_auth)."),
                    QStringLiteral("Copy the Bot User OAuth Token (xoxb-…) from the Slack app's Install App page into "
                                   "the profile or SOCKETSCOPE_SLACK_BOT_TOKEN."));
    if (e == QLatin1String("not_authed"))
        return make(QStringLiteral("No bot token was sent (not_authed)."),
                    QStringLiteral("Set the bot token (xoxb-…) in the profile or SOCKETSCOPE_SLACK_BOT_TOKEN."));
    if (e == QLatin1String("token_revoked") || e == QLatin1String("account_inactive") || e == QLatin1String("token_expired"))
        return make(QStringLiteral("The bot token no longer works (%1): the app was uninstalled, the token rotated or revoked.").arg(e),
                    QStringLiteral("Reinstall the app and copy the new Bot User OAuth Token."));
    if (e == QLatin1String("missing_scope"))
        return make(QStringLiteral("The bot token lacks a scope (needed: %1).")
                        .arg(reply.value(QLatin1String("needed")).toString(QStringLiteral("chat:write"))),
                    QStringLiteral("Add the scope under OAuth & Permissions → Bot Token Scopes and reinstall the app."));
    if (e == QLatin1String("not_allowed_token_type"))
        return make(QStringLiteral("This token type cannot post messages."),
                    QStringLiteral("Use the Bot User OAuth Token (xoxb-…), not the app-level token (xapp-…)."));
    if (e.startsWith(QLatin1String("restricted_action")) || e == QLatin1String("no_permission") || e == QLatin1String("ekm_access_denied"))
        return make(QStringLiteral("The workspace does not let the bot post there (%1).").arg(e),
                    QStringLiteral("Ask a workspace admin about posting permissions in that channel."));
    if (e == QLatin1String("invalid_arguments"))
        return make(QStringLiteral("Slack rejected the arguments (invalid_arguments)."),
                    QStringLiteral("Check the channel ID and the message JSON."));
    return make(QStringLiteral("chat.postMessage failed: %1.").arg(e), QString());
}

void ChatPostMessageSender::post(const QString &channel, const QJsonObject &message, CaptureStore *store,
                                 qint64 envelopeRowId, QObject *context, Callback callback)
{
    if (m_token.isEmpty()) {
        callback(errorFor(QStringLiteral("not_authed"), channel));
        return;
    }
    if (m_token.startsWith(QLatin1String("xapp-"))) {
        // Refused here: sending an app-level token to chat.postMessage only spreads the secret.
        callback(errorFor(QStringLiteral("not_allowed_token_type"), channel));
        return;
    }
    if (channel.trimmed().isEmpty()) {
        callback(Error{QStringLiteral("no_channel"), QStringLiteral("No channel to post to."),
                       QStringLiteral("Pick the envelope's channel or type a channel ID (C…).")});
        return;
    }
    auto valid = ReplyComposer::validate(message);
    if (!valid) {
        callback(valid.error());
        return;
    }
    QNetworkRequest request(m_baseUrl.resolved(QUrl(QStringLiteral("chat.postMessage"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json; charset=utf-8"));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(m_timeoutMs);
    if (m_ssl)
        request.setSslConfiguration(*m_ssl);
    qCInfo(lcAnswers) << "chat.postMessage to" << channel;

    QElapsedTimer timer;
    timer.start();
    const qint64 startedUs = json::nowUs();
    QNetworkReply *reply = m_nam->post(request, json::compact(ReplyComposer::forChatPostMessage(message, channel)));
    QPointer<QObject> guard(context);
    const int timeoutMs = m_timeoutMs;
    connect(reply, &QNetworkReply::finished, this, [=] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
        const qint64 latencyUs = timer.nsecsElapsed() / 1000;
        Result<PostedMessage> result = [&]() -> Result<PostedMessage> {
            if (status == 0) {
                const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError
                                      || reply->error() == QNetworkReply::TimeoutError;
                return Error{timedOut ? QStringLiteral("timeout") : QStringLiteral("network_error"),
                             timedOut ? QStringLiteral("Slack did not answer within %1 ms.").arg(timeoutMs)
                                      : QStringLiteral("No answer from Slack: %1.").arg(reply->errorString()),
                             QStringLiteral("Check the Slack API URL and the network path (proxy, TLS).")};
            }
            if (status == 429)
                return errorFor(QStringLiteral("ratelimited"), channel);
            auto json = json::parseObject(body, QStringLiteral("chat.postMessage's answer"));
            if (!json)
                return json.error();
            if (!json->value(QLatin1String("ok")).toBool())
                return errorFor(json->value(QLatin1String("error")).toString(QStringLiteral("unknown_error")), channel, json.value());
            PostedMessage posted;
            posted.channel = json->value(QLatin1String("channel")).toString(channel);
            posted.ts = json->value(QLatin1String("ts")).toString();
            posted.latencyUs = latencyUs;
            return posted;
        }();
        if (store && envelopeRowId > 0) {
            DeliveryRecord record;
            record.envelopeRowId = envelopeRowId;
            record.atUs = startedUs;
            record.kind = kDeliveryKind;
            record.target = QStringLiteral("chat.postMessage %1").arg(channel);
            record.statusCode = status;
            record.latencyUs = latencyUs;
            record.outcome = result ? QStringLiteral("ok ts=%1").arg(result->ts) : result.error().code;
            auto id = store->recordDelivery(record);
            if (result) {
                if (id)
                    result.value().deliveryId = id.value();
                else
                    result.value().recordError = id.error();
            }
        }
        qCInfo(lcAnswers) << "chat.postMessage to" << channel << "→" << (result ? QStringLiteral("ok") : result.error().code);
        if (guard)
            callback(result);
    });
}

} // namespace socketscope

#include "moc_ChatPostMessageSender.cpp"
