#pragma once

#include "HttpServer.h"

#include <QObject>
#include <QString>
#include <QVector>

#include <functional>

namespace socketscope::sim {

struct SlackSimConfig;
class TicketBook;

// One POST to a response_url path, as the simulated Slack received it. The path carries the
// response_url's secret part: keep it in memory, never log it.
struct ResponseUrlPost
{
    QString path;
    QByteArray contentType;
    QByteArray body;
    qint64 receivedUs = 0; // system clock
};

// Slack's Web API as far as Socket Mode needs it: apps.connections.open (app token → one-time
// WebSocket URL) and auth.test (bot token → identity and scopes), with Slack's error codes.
// Also accepts response_url posts under /hooks/ so hand-answers have a peer.
class SlackWebApiRoutes : public QObject
{
    Q_OBJECT
public:
    // linkPort: the WebSocket port to put into issued URLs.
    SlackWebApiRoutes(const SlackSimConfig &config, TicketBook *tickets, std::function<quint16()> linkPort,
                      QObject *parent = nullptr);

    void registerOn(HttpServer &server);

    void setOpenError(const QString &slackError) { m_openError = slackError; }
    QString openError() const { return m_openError; }
    void setRateLimited(int retryAfterSeconds, int times);
    void setOpenHttpFailure(const HttpResponse &response, int times);
    int openCalls() const { return m_openCalls; }
    int responseUrlPosts() const { return m_responseUrlPosts; }
    // The newest posts (at most kResponseUrlLogLimit), oldest first.
    const QVector<ResponseUrlPost> &responseUrlPostLog() const { return m_responseUrlLog; }
    static constexpr int kResponseUrlLogLimit = 10000;

    // The opaque 64-hex app_id Slack puts into the WebSocket URL (not the A… app id).
    static QString urlAppId(const QString &appId);
    static QStringList botScopes();
    // Extension: the scopes auth.test reports for the bot token (default botScopes()); an empty
    // list sends no x-oauth-scopes header at all.
    void setGrantedBotScopes(const QStringList &scopes) { m_grantedBotScopes = scopes; }

Q_SIGNALS:
    void connectionsOpenCalled(bool ok, const QString &error);
    void responseUrlPosted(const QString &path, const QByteArray &body);

private:
    HttpResponse connectionsOpen(const HttpRequest &request);
    HttpResponse authTest(const HttpRequest &request);
    HttpResponse responseUrl(const HttpRequest &request);
    HttpResponse openFailed(const QString &error);

    const SlackSimConfig &m_config;
    TicketBook *m_tickets;
    std::function<quint16()> m_linkPort;
    QString m_openError;
    QStringList m_grantedBotScopes = botScopes();
    int m_rateLimitedTimes = 0;
    HttpResponse m_httpFailure;
    int m_httpFailureTimes = 0;
    int m_retryAfterSeconds = 0;
    int m_openCalls = 0;
    int m_responseUrlPosts = 0;
    QVector<ResponseUrlPost> m_responseUrlLog;
};

// Token found in a request the way Slack reads it: Authorization: Bearer first.
struct RequestToken
{
    QString bearer;     // from the Authorization header
    QString bodyToken;  // from a form/JSON "token" field or the query (Slack refuses it for app tokens)
};
RequestToken requestToken(const HttpRequest &request);

} // namespace socketscope::sim
