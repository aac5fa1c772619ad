#include "slack/SlackWebApi.h"

#include "util/Json.h"
#include "util/Logging.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace socketscope {

namespace {

constexpr int kDefaultRetryAfterS = 30; // python-slack-sdk's default when Retry-After is missing

QString joinScopes(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts << v.toString();
        return parts.join(QLatin1Char(','));
    }
    return value.toString();
}

ApiFailure networkFailure(const QString &method, QNetworkReply *reply)
{
    ApiFailure failure;
    failure.action = ApiFailureAction::Transient;
    const QString host = reply->url().host();
    switch (reply->error()) {
    case QNetworkReply::HostNotFoundError:
        failure.error = {QStringLiteral("dns"),
                         QStringLiteral("%1: the host %2 could not be resolved.").arg(method, host),
                         QStringLiteral("Check DNS and the Slack API URL; behind a proxy, set HTTPS_PROXY or the profile's proxy.")};
        break;
    case QNetworkReply::ConnectionRefusedError:
        failure.error = {QStringLiteral("connection_refused"),
                         QStringLiteral("%1: %2 refused the connection.").arg(method, host),
                         QStringLiteral("Check the Slack API URL and that outbound HTTPS is allowed.")};
        break;
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        failure.error = {QStringLiteral("timeout"),
                         QStringLiteral("%1: no answer from %2 in time.").arg(method, host),
                         QStringLiteral("Check the network path to Slack (firewall, proxy).")};
        break;
    case QNetworkReply::SslHandshakeFailedError:
        failure.error = {QStringLiteral("tls"),
                         QStringLiteral("%1: the TLS handshake with %2 failed: %3").arg(method, host, reply->errorString()),
                         QStringLiteral("If a TLS-inspecting proxy sits in the path, add its CA bundle to the profile.")};
        break;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::ProxyConnectionClosedError:
        failure.error = {QStringLiteral("proxy"),
                         QStringLiteral("%1: the proxy failed: %2").arg(method, reply->errorString()),
                         QStringLiteral("Check the proxy settings (profile, HTTPS_PROXY, NO_PROXY) and its credentials.")};
        break;
    default:
        failure.error = {QStringLiteral("network"),
                         QStringLiteral("%1: network error talking to %2: %3").arg(method, host, reply->errorString()),
                         QStringLiteral("Check the network path to Slack.")};
        break;
    }
    return failure;
}

} // namespace

SlackWebApi::SlackWebApi(QUrl apiBaseUrl, QObject *parent)
    : QObject(parent), m_baseUrl(std::move(apiBaseUrl)), m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

void SlackWebApi::setProxy(const QNetworkProxy &proxy)
{
    m_nam->setProxy(proxy);
}

void SlackWebApi::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_ssl = configuration;
}

QUrl SlackWebApi::defaultBaseUrl()
{
    const QString env = qEnvironmentVariable("SOCKETSCOPE_SLACK_API_URL");
    if (!env.isEmpty()) {
        if (auto parsed = parseBaseUrl(env))
            return parsed.value();
    }
    return QUrl(QStringLiteral("https://slack.com/api/"));
}

Result<QUrl> SlackWebApi::parseBaseUrl(const QString &text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
        || url.host().isEmpty()) {
        return Error{QStringLiteral("bad_api_url"),
                     QStringLiteral("\"%1\" is not a usable Slack API URL.").arg(text),
                     QStringLiteral("Use an http(s) URL such as https://slack.com/api/.")};
    }
    if (!url.path().endsWith(QLatin1Char('/')))
        url.setPath(url.path() + QLatin1Char('/'));
    return url;
}

void SlackWebApi::openConnection(const QString &appToken, QObject *context, Callback callback)
{
    post(QStringLiteral("apps.connections.open"), appToken, context, std::move(callback));
}

void SlackWebApi::authTest(const QString &token, QObject *context, Callback callback)
{
    post(QStringLiteral("auth.test"), token, context, std::move(callback));
}

void SlackWebApi::post(const QString &method, const QString &token, QObject *context, Callback callback)
{
    QNetworkRequest request(m_baseUrl.resolved(QUrl(method)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("SocketScope/" SOCKETSCOPE_VERSION));
    request.setTransferTimeout(m_timeoutMs);
    if (m_ssl)
        request.setSslConfiguration(*m_ssl);
    qCDebug(lcSlack) << "POST" << request.url().toDisplayString();
    QNetworkReply *reply = m_nam->post(request, QByteArray());
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [this, reply, method, guard, callback = std::move(callback)] {
        reply->deleteLater();
        if (!guard)
            return;
        callback(interpret(method, reply));
    });
}

ApiReply SlackWebApi::interpret(const QString &method, QNetworkReply *reply) const
{
    ApiReply result;
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.oauthScopes = reply->rawHeader("x-oauth-scopes");
    // A reply aborted by the transfer timeout is closed; reading it only makes QIODevice complain.
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();

    if (result.httpStatus == 429) {
        bool ok = false;
        int seconds = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
        if (!ok || seconds < 0)
            seconds = kDefaultRetryAfterS;
        ApiFailure failure = classifySlackError(method, QStringLiteral("ratelimited"));
        failure.retryAfterMs = seconds * 1000;
        failure.httpStatus = 429;
        failure.error.message += QStringLiteral(" Retry-After: %1 s.").arg(seconds);
        result.outcome = failure;
        return result;
    }
    if (reply->error() != QNetworkReply::NoError && result.httpStatus == 0) {
        result.outcome = networkFailure(method, reply);
        return result;
    }
    if (result.httpStatus != 200) {
        ApiFailure failure;
        failure.httpStatus = result.httpStatus;
        // 404 means the base URL does not point at a Slack Web API; 5xx is the server's trouble.
        failure.action = (result.httpStatus >= 500) ? ApiFailureAction::Transient : ApiFailureAction::Fatal;
        failure.error = {QStringLiteral("http_%1").arg(result.httpStatus),
                         QStringLiteral("%1 answered HTTP %2 (\"%3\").")
                             .arg(method)
                             .arg(result.httpStatus)
                             .arg(json::excerpt(body, 80)),
                         result.httpStatus >= 500
                             ? QStringLiteral("SocketScope retries with backoff.")
                             : QStringLiteral("Check the Slack API URL (%1); it must end in /api/.")
                                   .arg(m_baseUrl.toDisplayString())};
        result.outcome = failure;
        return result;
    }
    auto parsed = json::parseObject(body, method + QStringLiteral("'s answer"));
    if (!parsed) {
        // HTML from a captive portal or proxy error page: transient, but say what arrived.
        ApiFailure failure;
        failure.action = ApiFailureAction::Transient;
        failure.httpStatus = result.httpStatus;
        failure.error = parsed.error();
        if (failure.error.fix.isEmpty())
            failure.error.fix = QStringLiteral("Check the Slack API URL and any proxy in the path.");
        result.outcome = failure;
        return result;
    }
    const QJsonObject &object = parsed.value();
    if (!object.value(QLatin1String("ok")).toBool()) {
        const QString code = object.value(QLatin1String("error")).toString();
        ApiFailure failure = classifySlackError(method, code, joinScopes(object.value(QLatin1String("needed"))),
                                                joinScopes(object.value(QLatin1String("provided"))));
        failure.httpStatus = result.httpStatus;
        if (failure.action == ApiFailureAction::RetrySlowly)
            failure.retryAfterMs = 5 * 60 * 1000;
        result.outcome = failure;
        return result;
    }
    result.outcome = object;
    return result;
}

} // namespace socketscope
