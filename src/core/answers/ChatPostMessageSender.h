#pragma once

#include "capture/CaptureStore.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace socketscope {

struct PostedMessage
{
    QString channel;
    QString ts;                       // the message's timestamp id (for threads and updates)
    qint64 latencyUs = 0;
    qint64 deliveryId = 0;            // capture row; 0 when not recorded
    std::optional<Error> recordError;
};

// chat.postMessage with the bot token against the Slack Web API base URL (SOCKETSCOPE_SLACK_API_URL
// or the profile's): the hand-answer when a response_url is gone or the envelope had none. Slack's
// error codes become errors that name the fix (invite the bot, shorten the text, fix the token, …).
class ChatPostMessageSender : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<PostedMessage> &)>;
    static inline const QString kDeliveryKind = QStringLiteral("chat.postMessage");

    // apiBaseUrl: e.g. https://slack.com/api/ (trailing slash added when missing).
    explicit ChatPostMessageSender(QUrl apiBaseUrl, QObject *parent = nullptr);

    void setBotToken(const QString &token) { m_token = token; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }

    // message: a ReplyComposer message (response_type etc. are dropped). store may be null; when set,
    // the attempt is recorded for envelopeRowId (kind "chat.postMessage"); store must outlive this sender.
    void post(const QString &channel, const QJsonObject &message, CaptureStore *store, qint64 envelopeRowId,
              QObject *context, Callback callback);

    // Slack's error code → an Error naming the cause and the fix. reply: the whole answer (needed,
    // provided, …) for missing_scope.
    static Error errorFor(const QString &slackError, const QString &channel, const QJsonObject &reply = {});

private:
    QUrl m_baseUrl;
    QNetworkAccessManager *m_nam;
    QString m_token;
    int m_timeoutMs = 10000;
    std::optional<QSslConfiguration> m_ssl;
};

} // namespace socketscope
