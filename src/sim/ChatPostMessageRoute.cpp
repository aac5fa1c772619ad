#include "ChatPostMessageRoute.h"

#include "SlackSimulator.h"
#include "SlackWebApiRoutes.h"
#include "util/Json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace socketscope::sim {

namespace {

HttpResponse slackError(const QString &error)
{
    return HttpResponse::json(QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}});
}

} // namespace

ChatPostMessageRoute::ChatPostMessageRoute(const SlackSimConfig &config) : m_config(config) {}

void ChatPostMessageRoute::registerOn(HttpServer &server)
{
    server.addRoute({}, QStringLiteral("/api/chat.postMessage"), [this](const HttpRequest &request) { return handle(request); });
}

void ChatPostMessageRoute::setBotInChannel(const QString &channel, bool member)
{
    if (member)
        m_notMember.remove(channel);
    else
        m_notMember.insert(channel);
}

HttpResponse ChatPostMessageRoute::handle(const HttpRequest &request)
{
    if (request.method != "POST")
        return slackError(QStringLiteral("invalid_request"));
    const RequestToken token = requestToken(request);
    const QString value = token.bearer.isEmpty() ? token.bodyToken : token.bearer;
    if (value.isEmpty())
        return slackError(QStringLiteral("not_authed"));
    if (value.startsWith(QLatin1String("xapp-")))
        return slackError(QStringLiteral("not_allowed_token_type"));
    if (value != m_config.botToken)
        return slackError(QStringLiteral("invalid_auth"));

    QJsonObject args;
    if (request.header("content-type").toLower().startsWith("application/json")) {
        args = QJsonDocument::fromJson(request.body).object();
    } else {
        const auto items = request.formFields().queryItems(QUrl::FullyDecoded);
        for (const auto &item : items)
            args.insert(item.first, item.second);
        // Form posts carry blocks as a JSON string.
        if (args.value(QLatin1String("blocks")).isString())
            args.insert(QStringLiteral("blocks"), QJsonDocument::fromJson(args.value(QLatin1String("blocks")).toString().toUtf8()).array());
    }
    args.remove(QStringLiteral("token"));

    static const QRegularExpression channelId(QStringLiteral("^[CGD][A-Z0-9]{6,}$"));
    const QString channel = args.value(QLatin1String("channel")).toString();
    if (channel.isEmpty() || !channelId.match(channel).hasMatch())
        return slackError(QStringLiteral("channel_not_found"));
    if (m_notMember.contains(channel))
        return slackError(QStringLiteral("not_in_channel"));
    const QJsonValue blocks = args.value(QLatin1String("blocks"));
    if (!blocks.isUndefined() && !blocks.isArray())
        return slackError(QStringLiteral("invalid_blocks"));
    const QString text = args.value(QLatin1String("text")).toString();
    if (text.isEmpty() && blocks.toArray().isEmpty())
        return slackError(QStringLiteral("no_text"));
    if (text.size() > 40000)
        return slackError(QStringLiteral("msg_too_long"));

    // ts: "<seconds>.<microseconds>", unique per message as Slack's are per channel.
    m_lastTsUs = qMax(m_lastTsUs + 1, json::nowUs());
    const QString ts = QStringLiteral("%1.%2").arg(m_lastTsUs / 1000000).arg(m_lastTsUs % 1000000, 6, 10, QLatin1Char('0'));
    if (m_log.size() >= kLogLimit)
        m_log.removeFirst();
    m_log.append(PostedChatMessage{channel, ts, args});
    QJsonObject message{{QStringLiteral("type"), QStringLiteral("message")}, {QStringLiteral("text"), text},
                        {QStringLiteral("user"), m_config.botUserId}, {QStringLiteral("bot_id"), m_config.botId},
                        {QStringLiteral("ts"), ts}};
    if (blocks.isArray())
        message.insert(QStringLiteral("blocks"), blocks);
    return HttpResponse::json(QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("channel"), channel},
                                          {QStringLiteral("ts"), ts}, {QStringLiteral("message"), message}});
}

} // namespace socketscope::sim
