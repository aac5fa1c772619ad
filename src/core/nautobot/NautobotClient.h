#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>
#include <QUrlQuery>
#include <QVector>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace socketscope {

// One answered REST call (2xx with a JSON object body).
struct NautobotReply
{
    int httpStatus = 0;
    QByteArray apiVersion; // API-Version response header
    QJsonObject json;
    qint64 latencyUs = 0;
};

// Every row of a paginated list, gathered by following "next".
struct NautobotList
{
    QVector<QJsonObject> results;
    int count = 0;          // the server's "count"
    int pages = 0;          // pages fetched
    bool truncated = false; // stopped at the page limit before "next" ran out
    QByteArray apiVersion;
};

// Nautobot REST API client: token auth, API version negotiation, pagination, typed errors that
// name cause and fix. Never follows redirects: a 302 from Nautobot means a missing trailing slash
// or a login page, both of which the operator must hear about.
class NautobotClient : public QObject
{
    Q_OBJECT
public:
    using ReplyCallback = std::function<void(const Result<NautobotReply> &)>;
    using ListCallback = std::function<void(const Result<NautobotList> &)>;

    // baseUrl: the Nautobot root (http(s)://host[:port][/prefix]/), not the /api/ URL.
    explicit NautobotClient(QUrl baseUrl, QObject *parent = nullptr);

    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    void setApiVersion(const QString &majorMinor) { m_apiVersion = majorMinor; } // empty = server default
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setMaxPages(int pages) { m_maxPages = qMax(1, pages); }
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }
    // The proxy for every request (e.g. ProxyResolver::proxyForUrl(baseUrl)); default: Qt's application proxy.
    void setProxy(const QNetworkProxy &proxy);

    // path relative to the base URL, e.g. "api/status/" (a leading '/' is ignored).
    void get(const QString &path, const QUrlQuery &query, QObject *context, ReplyCallback callback);
    // GET a list endpoint and follow "next" (at most maxPages pages).
    void getAll(const QString &path, const QUrlQuery &query, QObject *context, ListCallback callback);
    void patch(const QString &path, const QJsonObject &body, QObject *context, ReplyCallback callback);
    void post(const QString &path, const QJsonObject &body, QObject *context, ReplyCallback callback);
    // DELETE answers 204 without a body: the reply then has an empty json object.
    void deleteObject(const QString &path, QObject *context, ReplyCallback callback);

    // SOCKETSCOPE_NAUTOBOT_URL, if set and valid.
    static std::optional<QUrl> urlFromEnvironment();
    // Normalises a user-given base URL (adds the trailing slash, drops a trailing api/).
    static Result<QUrl> parseBaseUrl(const QString &text);

    // The error for an HTTP answer that is not a usable 2xx JSON object (status 0 = network error
    // described by networkError/networkErrorText). Public so front ends and tests share the wording.
    static Error classify(const QString &what, int httpStatus, const QByteArray &body, const QByteArray &contentType,
                          const QByteArray &location, int networkError, const QString &networkErrorText, int timeoutMs);

private:
    void send(const QByteArray &verb, const QUrl &url, const QByteArray &body, QObject *context,
              ReplyCallback callback);
    QUrl urlFor(const QString &path, const QUrlQuery &query) const;
    void fetchPage(const QUrl &url, NautobotList list, int pagesLeft, QObject *context, ListCallback callback);

    QUrl m_baseUrl;
    QNetworkAccessManager *m_nam;
    QString m_token;
    QString m_apiVersion;
    int m_timeoutMs = 15000;
    int m_maxPages = 200;
    std::optional<QSslConfiguration> m_ssl;
};

} // namespace socketscope
