#pragma once

#include "slack/SlackApiError.h"

#include <QJsonObject>
#include <QNetworkProxy>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <optional>
#include <variant>

class QNetworkAccessManager;
class QNetworkReply;

namespace socketscope {

// The answer of one Web API call: the JSON object of an ok:true reply, or a classified failure.
struct ApiReply
{
    std::variant<QJsonObject, ApiFailure> outcome;
    QByteArray oauthScopes; // x-oauth-scopes response header, if any
    int httpStatus = 0;

    bool ok() const { return outcome.index() == 0; }
    const QJsonObject &json() const { return std::get<0>(outcome); }
    const ApiFailure &failure() const { return std::get<1>(outcome); }
};

// Slack Web API calls SocketScope needs. Tokens go in the Authorization header only and are never logged.
class SlackWebApi : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const ApiReply &)>;

    explicit SlackWebApi(QUrl apiBaseUrl, QObject *parent = nullptr);

    QUrl apiBaseUrl() const { return m_baseUrl; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setProxy(const QNetworkProxy &proxy);
    void setSslConfiguration(const QSslConfiguration &configuration);

    // POST apps.connections.open with the app-level token; on success json()["url"] is the wss URL.
    void openConnection(const QString &appToken, QObject *context, Callback callback);
    // POST auth.test with any token.
    void authTest(const QString &token, QObject *context, Callback callback);

    // The base URL from SOCKETSCOPE_SLACK_API_URL, or https://slack.com/api/.
    static QUrl defaultBaseUrl();
    // Normalises a user-given base URL (adds the trailing slash); error if not http(s).
    static Result<QUrl> parseBaseUrl(const QString &text);

private:
    void post(const QString &method, const QString &token, QObject *context, Callback callback);
    ApiReply interpret(const QString &method, QNetworkReply *reply) const;

    QUrl m_baseUrl;
    QNetworkAccessManager *m_nam;
    int m_timeoutMs = 10000;
    std::optional<QSslConfiguration> m_ssl;
};

} // namespace socketscope
