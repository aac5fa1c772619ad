#pragma once

#include "HttpServer.h"

#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QVector>

namespace socketscope::sim {

struct SlackSimConfig;

// One message chat.postMessage accepted.
struct PostedChatMessage
{
    QString channel;
    QString ts;
    QJsonObject args; // the request's arguments (text, blocks, thread_ts, …), token removed
};

// Slack's chat.postMessage, minimal: bot token (Bearer or "token" field), channel required (an ID;
// unknown shapes → channel_not_found; channels the bot was removed from → not_in_channel), text or
// blocks required (no_text), text ≤ 40,000 characters (msg_too_long), blocks an array (invalid_blocks).
class ChatPostMessageRoute
{
public:
    explicit ChatPostMessageRoute(const SlackSimConfig &config);

    void registerOn(HttpServer &server);
    HttpResponse handle(const HttpRequest &request);

    void setBotInChannel(const QString &channel, bool member);
    const QVector<PostedChatMessage> &log() const { return m_log; }
    static constexpr int kLogLimit = 10000;

private:
    const SlackSimConfig &m_config;
    QSet<QString> m_notMember;
    QVector<PostedChatMessage> m_log;
    qint64 m_lastTsUs = 0;
};

} // namespace socketscope::sim
