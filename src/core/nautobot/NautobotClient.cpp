#include "nautobot/NautobotClient.h"

#include "util/Json.h"
#include "util/Logging.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QStringList>

namespace socketscope {

namespace {

const QString kTokenFix = QStringLiteral(
    "Create a token in Nautobot (user menu → Profile → API Tokens; 40 hex characters) and store it in the "
    "profile's keychain entry or SOCKETSCOPE_NAUTOBOT_TOKEN.");

QString detailOf(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    return object.value(QLatin1String("detail")).toString();
}

// "Unknown filter field" answers name the offending query parameters as keys.
QStringList unknownFilters(const QJsonObject &object)
{
    QStringList names;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QJsonArray messages = it.value().toArray();
        for (const QJsonValue &message : messages) {
            if (message.toString().contains(QLatin1String("Unknown filter field"), Qt::CaseInsensitive)) {
                names.append(it.key());
                break;
            }
        }
    }
    return names;
}

} // namespace

NautobotClient::NautobotClient(QUrl baseUrl, QObject *parent)
    : QObject(parent), m_baseUrl(std::move(baseUrl)), m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    if (!m_baseUrl.path().endsWith(QLatin1Char('/')))
        m_baseUrl.setPath(m_baseUrl.path() + QLatin1Char('/'));
}

void NautobotClient::setProxy(const QNetworkProxy &proxy)
{
    m_nam->setProxy(proxy);
}

std::optional<QUrl> NautobotClient::urlFromEnvironment()
{
    const QString env = qEnvironmentVariable("SOCKETSCOPE_NAUTOBOT_URL");
    if (env.isEmpty())
        return std::nullopt;
    auto parsed = parseBaseUrl(env);
    if (!parsed)
        return std::nullopt;
    return parsed.value();
}

Result<QUrl> NautobotClient::parseBaseUrl(const QString &text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
        || url.host().isEmpty()) {
        return Error{QStringLiteral("bad_nautobot_url"),
                     QStringLiteral("\"%1\" is not a usable Nautobot URL.").arg(text),
                     QStringLiteral("Use the Nautobot root URL, e.g. https://nautobot.example.com/.")};
    }
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    // People paste the API root; every path here is relative to the Nautobot root.
    if (path.endsWith(QLatin1String("/api/")))
        path.chop(4);
    url.setPath(path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QUrl NautobotClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QString relative = path;
    while (relative.startsWith(QLatin1Char('/')))
        relative.remove(0, 1);
    QUrl url = m_baseUrl.resolved(QUrl(relative));
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

void NautobotClient::get(const QString &path, const QUrlQuery &query, QObject *context, ReplyCallback callback)
{
    send(QByteArrayLiteral("GET"), urlFor(path, query), {}, context, std::move(callback));
}

void NautobotClient::patch(const QString &path, const QJsonObject &body, QObject *context, ReplyCallback callback)
{
    send(QByteArrayLiteral("PATCH"), urlFor(path, {}), json::compact(body), context, std::move(callback));
}

void NautobotClient::post(const QString &path, const QJsonObject &body, QObject *context, ReplyCallback callback)
{
    send(QByteArrayLiteral("POST"), urlFor(path, {}), json::compact(body), context, std::move(callback));
}

void NautobotClient::deleteObject(const QString &path, QObject *context, ReplyCallback callback)
{
    send(QByteArrayLiteral("DELETE"), urlFor(path, {}), {}, context, std::move(callback));
}

void NautobotClient::getAll(const QString &path, const QUrlQuery &query, QObject *context, ListCallback callback)
{
    fetchPage(urlFor(path, query), NautobotList{}, m_maxPages, context, std::move(callback));
}

void NautobotClient::fetchPage(const QUrl &url, NautobotList list, int pagesLeft, QObject *context,
                               ListCallback callback)
{
    QPointer<QObject> guard(context);
    send(QByteArrayLiteral("GET"), url, {}, context,
         [this, url, list = std::move(list), pagesLeft, guard, callback = std::move(callback)](
             const Result<NautobotReply> &reply) mutable {
             if (!reply) {
                 callback(reply.error());
                 return;
             }
             const QJsonObject &page = reply->json;
             if (!page.value(QLatin1String("results")).isArray()) {
                 callback(Error{QStringLiteral("nautobot_not_a_list"),
                                QStringLiteral("%1 did not answer with a paginated list (no \"results\").")
                                    .arg(url.path()),
                                QStringLiteral("Use a list endpoint such as api/dcim/devices/.")});
                 return;
             }
             const QJsonArray results = page.value(QLatin1String("results")).toArray();
             for (const QJsonValue &row : results)
                 list.results.append(row.toObject());
             list.count = page.value(QLatin1String("count")).toInt();
             list.apiVersion = reply->apiVersion;
             ++list.pages;
             const QString next = page.value(QLatin1String("next")).toString();
             if (next.isEmpty() || results.isEmpty()) {
                 callback(std::move(list));
                 return;
             }
             if (pagesLeft <= 1) {
                 list.truncated = true;
                 callback(std::move(list));
                 return;
             }
             // Behind a proxy Nautobot may build "next" with the wrong scheme or host; the token must
             // only ever go to the configured origin, so keep only path and query.
             const QUrl nextUrl(next);
             QUrl sameOrigin = m_baseUrl;
             sameOrigin.setPath(nextUrl.path());
             sameOrigin.setQuery(nextUrl.query(QUrl::FullyEncoded), QUrl::StrictMode);
             if (sameOrigin == url) {
                 callback(Error{QStringLiteral("nautobot_pagination_loop"),
                                QStringLiteral("Nautobot's \"next\" link points at the page just fetched."),
                                QStringLiteral("Report this Nautobot answer; the list cannot be followed.")});
                 return;
             }
             if (!guard)
                 return;
             fetchPage(sameOrigin, std::move(list), pagesLeft - 1, guard.data(), std::move(callback));
         });
}

void NautobotClient::send(const QByteArray &verb, const QUrl &url, const QByteArray &body, QObject *context,
                          ReplyCallback callback)
{
    QNetworkRequest request(url);
    QByteArray accept = QByteArrayLiteral("application/json");
    if (!m_apiVersion.isEmpty())
        accept += "; version=" + m_apiVersion.toUtf8();
    request.setRawHeader("Accept", accept);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Token " + m_token.toUtf8());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("SocketScope/" SOCKETSCOPE_VERSION));
    request.setTransferTimeout(m_timeoutMs);
    if (m_ssl)
        request.setSslConfiguration(*m_ssl);
    qCDebug(lcNautobot) << verb << url.path(); // no query: filter values may identify users

    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = m_nam->sendCustomRequest(request, verb, body);
    QPointer<QObject> guard(context);
    const QString what = QString::fromLatin1(verb) + QLatin1Char(' ') + url.path();
    const int timeoutMs = m_timeoutMs;
    connect(reply, &QNetworkReply::finished, this,
            [reply, guard, what, timer, timeoutMs, callback = std::move(callback)] {
                reply->deleteLater();
                if (!guard)
                    return;
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QByteArray bytes = reply->isOpen() ? reply->readAll() : QByteArray(); // closed after a timeout
                const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
                if (status == 204) {
                    NautobotReply answer;
                    answer.httpStatus = status;
                    answer.apiVersion = reply->rawHeader("API-Version");
                    answer.latencyUs = timer.nsecsElapsed() / 1000;
                    callback(std::move(answer));
                    return;
                }
                if (status >= 200 && status < 300) {
                    auto parsed = json::parseObject(bytes, what + QStringLiteral("'s answer"));
                    if (!parsed) {
                        callback(classify(what, status, bytes, contentType, {}, 0, {}, timeoutMs));
                        return;
                    }
                    NautobotReply answer;
                    answer.httpStatus = status;
                    answer.apiVersion = reply->rawHeader("API-Version");
                    answer.json = parsed.value();
                    answer.latencyUs = timer.nsecsElapsed() / 1000;
                    callback(std::move(answer));
                    return;
                }
                callback(classify(what, status, bytes, contentType, reply->rawHeader("Location"),
                                  status == 0 ? static_cast<int>(reply->error()) : 0, reply->errorString(),
                                  timeoutMs));
            });
}

Error NautobotClient::classify(const QString &what, int httpStatus, const QByteArray &body,
                               const QByteArray &contentType, const QByteArray &location, int networkError,
                               const QString &networkErrorText, int timeoutMs)
{
    if (httpStatus == 0) {
        switch (static_cast<QNetworkReply::NetworkError>(networkError)) {
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError:
            return {QStringLiteral("timeout"),
                    QStringLiteral("%1: Nautobot did not answer within %2 ms.").arg(what).arg(timeoutMs),
                    QStringLiteral("Check that Nautobot (web service, database) is up and not overloaded; "
                                   "raise the timeout for slow instances.")};
        case QNetworkReply::SslHandshakeFailedError:
        case QNetworkReply::InsecureRedirectError:
            return {QStringLiteral("tls"),
                    QStringLiteral("%1: TLS failed: %2.").arg(what, networkErrorText),
                    QStringLiteral("Check the certificate chain (a private CA must be in the system trust store) "
                                   "and that the URL's host name matches the certificate.")};
        case QNetworkReply::ConnectionRefusedError:
            return {QStringLiteral("connection_refused"),
                    QStringLiteral("%1: connection refused.").arg(what),
                    QStringLiteral("Check the Nautobot URL's host and port and that the web service runs.")};
        case QNetworkReply::HostNotFoundError:
            return {QStringLiteral("host_not_found"), QStringLiteral("%1: host not found.").arg(what),
                    QStringLiteral("Check the Nautobot URL's host name and DNS.")};
        default:
            return {QStringLiteral("network"), QStringLiteral("%1: network error: %2.").arg(what, networkErrorText),
                    QStringLiteral("Check the network path (VPN, proxy) to Nautobot.")};
        }
    }
    const QString detail = detailOf(body);
    const QString excerpt = json::excerpt(body, 100);
    const bool html = body.trimmed().startsWith('<') || contentType.toLower().startsWith("text/html");
    if (httpStatus >= 200 && httpStatus < 300) {
        if (html) {
            return {QStringLiteral("not_json"),
                    QStringLiteral("%1: Nautobot answered with an HTML page, not JSON (\"%2\").").arg(what, excerpt),
                    QStringLiteral("A login page or proxy answered instead of the REST API: check that the URL is "
                                   "the Nautobot root and that the proxy passes the Authorization header.")};
        }
        return {QStringLiteral("not_json"),
                QStringLiteral("%1: the answer is not a JSON object (\"%2\").").arg(what, excerpt),
                QStringLiteral("Check that the URL points at Nautobot.")};
    }
    if (httpStatus >= 300 && httpStatus < 400) {
        const QString target = QString::fromUtf8(location);
        if (target.contains(QLatin1String("login"), Qt::CaseInsensitive)) {
            return {QStringLiteral("nautobot_login_redirect"),
                    QStringLiteral("%1: redirected to a login page (%2).").arg(what).arg(httpStatus),
                    QStringLiteral("A single-sign-on proxy intercepts the REST API, or the token was not "
                                   "accepted; let /api/ through with token authentication.")};
        }
        return {QStringLiteral("nautobot_redirect"),
                QStringLiteral("%1: HTTP %2 redirect to %3.").arg(what).arg(httpStatus).arg(target),
                QStringLiteral("Nautobot URLs need the trailing slash (…/devices/, not …/devices); if the "
                               "redirect goes to https, use https in the Nautobot URL.")};
    }
    if (httpStatus == 403) {
        if (detail.contains(QLatin1String("credentials were not provided"), Qt::CaseInsensitive)) {
            return {QStringLiteral("nautobot_token_missing"),
                    QStringLiteral("%1: Nautobot got no API token (403 \"%2\").").arg(what, detail), kTokenFix};
        }
        if (detail.contains(QLatin1String("expired"), Qt::CaseInsensitive)) {
            return {QStringLiteral("nautobot_token_expired"),
                    QStringLiteral("%1: the Nautobot API token has expired (403 \"%2\").").arg(what, detail),
                    QStringLiteral("Create a new token or extend its expiry in Nautobot (Profile → API Tokens), "
                                   "then update the keychain entry or SOCKETSCOPE_NAUTOBOT_TOKEN.")};
        }
        if (detail.contains(QLatin1String("Invalid token"), Qt::CaseInsensitive)
            || detail.contains(QLatin1String("token header"), Qt::CaseInsensitive)) {
            return {QStringLiteral("nautobot_token_invalid"),
                    QStringLiteral("%1: Nautobot refused the API token (403 \"%2\").").arg(what, detail), kTokenFix};
        }
        if (detail.contains(QLatin1String("permission"), Qt::CaseInsensitive)) {
            return {QStringLiteral("nautobot_permission_denied"),
                    QStringLiteral("%1: the token's user may not do this (403 \"%2\").").arg(what, detail),
                    QStringLiteral("Writes need a token with write enabled; reads and writes need matching "
                                   "ObjectPermissions for the token's user.")};
        }
        return {QStringLiteral("nautobot_forbidden"),
                QStringLiteral("%1: HTTP 403 (\"%2\").").arg(what, detail.isEmpty() ? excerpt : detail),
                QStringLiteral("Check the token and the user's permissions; a proxy or WAF may also refuse.")};
    }
    if (httpStatus == 401) {
        return {QStringLiteral("nautobot_unauthorized"),
                QStringLiteral("%1: HTTP 401 (\"%2\").").arg(what, excerpt),
                QStringLiteral("Nautobot itself answers 403 for token problems; a 401 usually comes from a proxy "
                               "in front of it that wants its own credentials.")};
    }
    if (httpStatus == 404) {
        return {QStringLiteral("nautobot_not_found"),
                QStringLiteral("%1: not found (404%2).")
                    .arg(what, detail.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(detail)),
                QStringLiteral("Check the Nautobot URL (the root, without /api/) and the object ID; paths under "
                               "/api/plugins/chatops/ need the ChatOps app installed.")};
    }
    if (httpStatus == 406) {
        return {QStringLiteral("nautobot_version_unsupported"),
                QStringLiteral("%1: Nautobot does not offer the requested API version (406 \"%2\").")
                    .arg(what, detail),
                QStringLiteral("Pick one of the versions Nautobot lists, or leave the API version empty to use "
                               "the server's default.")};
    }
    if (httpStatus == 400) {
        const QJsonObject object = QJsonDocument::fromJson(body).object();
        const QStringList unknown = unknownFilters(object);
        if (!unknown.isEmpty()) {
            return {QStringLiteral("nautobot_unknown_filter"),
                    QStringLiteral("%1: Nautobot does not know the filter %2.")
                        .arg(what, unknown.join(QStringLiteral(", "))),
                    QStringLiteral("Nautobot 2.0 removed v1 filters (site=, *_id=, brief=); use location=, "
                                   "role= and names or UUIDs.")};
        }
        return {QStringLiteral("nautobot_bad_request"),
                QStringLiteral("%1: Nautobot refused the request (400 %2).").arg(what, excerpt),
                QStringLiteral("Correct the fields Nautobot names.")};
    }
    if (httpStatus >= 500) {
        return {QStringLiteral("nautobot_server_error"),
                QStringLiteral("%1: Nautobot failed with HTTP %2 (\"%3\").").arg(what).arg(httpStatus).arg(excerpt),
                QStringLiteral("See Nautobot's web service log for the exception.")};
    }
    if (html) {
        return {QStringLiteral("not_json"),
                QStringLiteral("%1: HTTP %2 with an HTML page (\"%3\").").arg(what).arg(httpStatus).arg(excerpt),
                QStringLiteral("A proxy or login page answered instead of Nautobot's REST API.")};
    }
    return {QStringLiteral("http_%1").arg(httpStatus),
            QStringLiteral("%1: HTTP %2 (\"%3\").").arg(what).arg(httpStatus).arg(detail.isEmpty() ? excerpt : detail),
            QString()};
}

} // namespace socketscope

// The meta object is compiled here, not in the library-wide moc unit, so linking this class
// does not pull in every other QObject of the core (and their dependencies).
#include "moc_NautobotClient.cpp"
