#include "SlackWebApiRoutes.h"

#include "SlackSimulator.h"
#include "TicketBook.h"
#include "util/Json.h"
#include "util/Logging.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace socketscope::sim {

RequestToken requestToken(const HttpRequest &request)
{
    RequestToken token;
    const QByteArray authorization = request.header("authorization");
    if (authorization.toLower().startsWith("bearer "))
        token.bearer = QString::fromUtf8(authorization.mid(7).trimmed());
    token.bodyToken = request.formFields().queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    if (token.bodyToken.isEmpty() && request.header("content-type").toLower().startsWith("application/json")) {
        const QJsonDocument doc = QJsonDocument::fromJson(request.body);
        token.bodyToken = doc.object().value(QStringLiteral("token")).toString();
    }
    if (token.bodyToken.isEmpty())
        token.bodyToken = request.query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    return token;
}

SlackWebApiRoutes::SlackWebApiRoutes(const SlackSimConfig &config, TicketBook *tickets,
                                     std::function<quint16()> linkPort, QObject *parent)
    : QObject(parent), m_config(config), m_tickets(tickets), m_linkPort(std::move(linkPort))
{
}

void SlackWebApiRoutes::registerOn(HttpServer &server)
{
    // Any method: the handlers answer like Slack (insecure_request for GET) instead of 405.
    server.addRoute({}, QStringLiteral("/api/apps.connections.open"),
                    [this](const HttpRequest &request) { return connectionsOpen(request); });
    server.addRoute({}, QStringLiteral("/api/auth.test"), [this](const HttpRequest &request) { return authTest(request); });
    server.addPrefixRoute({}, QStringLiteral("/api/"), [](const HttpRequest &) {
        return HttpResponse::json(QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), QStringLiteral("unknown_method")}});
    });
    server.addPrefixRoute("POST", QStringLiteral("/hooks/"), [this](const HttpRequest &request) { return responseUrl(request); });
}

void SlackWebApiRoutes::setRateLimited(int retryAfterSeconds, int times)
{
    m_retryAfterSeconds = qMax(0, retryAfterSeconds);
    m_rateLimitedTimes = qMax(0, times);
}

void SlackWebApiRoutes::setOpenHttpFailure(const HttpResponse &response, int times)
{
    m_httpFailure = response;
    m_httpFailureTimes = qMax(0, times);
}

QString SlackWebApiRoutes::urlAppId(const QString &appId)
{
    return QString::fromLatin1(QCryptographicHash::hash(appId.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QStringList SlackWebApiRoutes::botScopes()
{
    // The Nautobot ChatOps Slack app manifest's bot scopes.
    return {QStringLiteral("commands"),         QStringLiteral("chat:write"),     QStringLiteral("channels:read"),
            QStringLiteral("files:write"),      QStringLiteral("incoming-webhook"), QStringLiteral("users:read"),
            QStringLiteral("users:read.email"), QStringLiteral("app_mentions:read"), QStringLiteral("groups:read"),
            QStringLiteral("im:read"),          QStringLiteral("mpim:read")};
}

HttpResponse SlackWebApiRoutes::openFailed(const QString &error)
{
    QJsonObject body{{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}};
    if (error == QLatin1String("missing_scope")) {
        body.insert(QStringLiteral("needed"), QStringLiteral("connections:write"));
        body.insert(QStringLiteral("provided"), QStringLiteral("authorizations:read"));
    }
    qCInfo(lcSim) << "apps.connections.open refused:" << error;
    Q_EMIT connectionsOpenCalled(false, error);
    return HttpResponse::json(body);
}

HttpResponse SlackWebApiRoutes::connectionsOpen(const HttpRequest &request)
{
    ++m_openCalls;
    if (request.method != "POST")
        return openFailed(QStringLiteral("insecure_request"));
    const RequestToken token = requestToken(request);
    if (token.bearer.isEmpty()) {
        // The app token must be in the Authorization header; as a POST field it is "not provided".
        return openFailed(token.bodyToken.isEmpty() ? QStringLiteral("not_authed") : QStringLiteral("missing_args"));
    }
    if (token.bearer.startsWith(QLatin1String("xoxb-")) || token.bearer.startsWith(QLatin1String("xoxp-")))
        return openFailed(QStringLiteral("not_allowed_token_type"));
    if (token.bearer != m_config.appToken)
        return openFailed(QStringLiteral("invalid_auth"));
    if (m_httpFailureTimes > 0) {
        --m_httpFailureTimes;
        qCInfo(lcSim) << "apps.connections.open answers HTTP" << m_httpFailure.status << (m_httpFailure.never ? "(never)" : "");
        Q_EMIT connectionsOpenCalled(false, QStringLiteral("http_%1").arg(m_httpFailure.status));
        return m_httpFailure;
    }
    if (m_rateLimitedTimes > 0) {
        --m_rateLimitedTimes;
        qCInfo(lcSim) << "apps.connections.open rate limited, Retry-After" << m_retryAfterSeconds;
        Q_EMIT connectionsOpenCalled(false, QStringLiteral("ratelimited"));
        return HttpResponse::json(QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), QStringLiteral("ratelimited")}}, 429)
            .withHeader("Retry-After", QByteArray::number(m_retryAfterSeconds));
    }
    if (!m_openError.isEmpty())
        return openFailed(m_openError);

    const QString url = QStringLiteral("ws://127.0.0.1:%1/link/?ticket=%2&app_id=%3")
                            .arg(m_linkPort())
                            .arg(m_tickets->issue(), urlAppId(m_config.appId));
    Q_EMIT connectionsOpenCalled(true, {});
    return HttpResponse::json(QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("url"), url}})
        .withHeader("x-oauth-scopes", "connections:write")
        .withHeader("x-accepted-oauth-scopes", "connections:write");
}

HttpResponse SlackWebApiRoutes::authTest(const HttpRequest &request)
{
    const RequestToken token = requestToken(request);
    const QString value = token.bearer.isEmpty() ? token.bodyToken : token.bearer;
    auto fail = [](const QString &error) {
        return HttpResponse::json(QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}});
    };
    if (value.isEmpty())
        return fail(QStringLiteral("not_authed"));
    // Only the bot token is answered; auth.test with an xapp- token is UNVERIFIED at Slack.
    if (value != m_config.botToken)
        return fail(QStringLiteral("invalid_auth"));
    HttpResponse answer = HttpResponse::json(QJsonObject{
                                  {QStringLiteral("ok"), true},
                                  {QStringLiteral("url"), QStringLiteral("https://%1.slack.com/").arg(m_config.teamDomain)},
                                  {QStringLiteral("team"), m_config.teamName},
                                  {QStringLiteral("user"), m_config.botUserName},
                                  {QStringLiteral("team_id"), m_config.teamId},
                                  {QStringLiteral("user_id"), m_config.botUserId},
                                  {QStringLiteral("bot_id"), m_config.botId},
                                  {QStringLiteral("is_enterprise_install"), false},
                              });
    if (!m_grantedBotScopes.isEmpty())
        answer.withHeader("x-oauth-scopes", m_grantedBotScopes.join(QLatin1Char(',')).toUtf8());
    return answer;
}

HttpResponse SlackWebApiRoutes::responseUrl(const HttpRequest &request)
{
    ++m_responseUrlPosts;
    if (m_responseUrlLog.size() >= kResponseUrlLogLimit)
        m_responseUrlLog.removeFirst();
    m_responseUrlLog.append(ResponseUrlPost{request.path, request.header("content-type"), request.body, json::nowUs()});
    // The path holds the response_url secret: never logged.
    Q_EMIT responseUrlPosted(request.path, request.body);
    return HttpResponse::json(QJsonObject{{QStringLiteral("ok"), true}});
}

} // namespace socketscope::sim
