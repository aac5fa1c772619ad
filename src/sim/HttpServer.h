#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrlQuery>
#include <QVector>

#include <functional>

class QJsonObject;
class QTcpServer;

namespace socketscope::sim {

struct HttpRequest
{
    QByteArray method;   // upper case as sent: GET, POST, …
    QByteArray target;   // raw request target, e.g. /api/auth.test?x=1
    QString path;        // decoded path without query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-cased; repeated headers joined with ", "
    QByteArray body;
    QHostAddress peer;

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    // Form fields from an application/x-www-form-urlencoded body (empty for other bodies).
    QUrlQuery formFields() const;
};

struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Extensions for peers that misbehave on purpose (Nautobot side):
    QByteArray reason;    // status-line reason phrase; empty = the standard one (Django puts 401 causes here)
    int delayMs = 0;      // answer this much later; later pipelined requests wait in order
    bool never = false;   // never answer (the connection stays open until the client or idle timeout ends it)

    static HttpResponse json(const QJsonObject &object, int status = 200);
    static HttpResponse text(const QByteArray &body, int status = 200);
    HttpResponse &withHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }
};

using HttpHandler = std::function<HttpResponse(const HttpRequest &)>;

// A minimal HTTP/1.1 server on QTcpServer: request line, headers, Content-Length bodies,
// keep-alive and pipelining, routed by method + path. It exists so the Slack Web API side and,
// later, a Nautobot REST side can share one port: each module registers its own routes.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        int maxHeaderBytes = 32 * 1024;
        int maxBodyBytes = 4 * 1024 * 1024;
        int idleTimeoutMs = 60000;
        int maxConnections = 256;
    };

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    Result<void> listen(const QHostAddress &address, quint16 port);
    quint16 port() const;
    QHostAddress address() const;
    const Limits &limits() const { return m_limits; }
    void setLimits(const Limits &limits) { m_limits = limits; }

    // Exact path. An empty method matches any method (the handler decides, e.g. Slack's
    // insecure_request for GET). A path registered only for other methods answers 405.
    void addRoute(const QByteArray &method, const QString &path, HttpHandler handler);
    // Every path starting with prefix; the longest matching prefix wins, exact routes first.
    void addPrefixRoute(const QByteArray &method, const QString &prefix, HttpHandler handler);

    HttpResponse dispatch(const HttpRequest &request) const;
    int openConnectionCount() const { return m_openConnections; }

private:
    struct Route
    {
        QByteArray method;
        QString path;
        bool prefix = false;
        HttpHandler handler;
    };
    void onNewConnection();

    QTcpServer *m_server = nullptr;
    QVector<Route> m_routes;
    Limits m_limits;
    int m_openConnections = 0;
};

QByteArray httpReasonPhrase(int status);

} // namespace socketscope::sim
