#include "HttpServer.h"

#include "HttpConnection.h"
#include "util/Json.h"
#include "util/Logging.h"

#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>

namespace socketscope::sim {

QUrlQuery HttpRequest::formFields() const
{
    const QByteArray type = header("content-type").toLower();
    if (!type.startsWith("application/x-www-form-urlencoded"))
        return {};
    // QUrlQuery keeps '+' literally; form encoding means space.
    QByteArray normalised = body;
    normalised.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(normalised));
}

HttpResponse HttpResponse::json(const QJsonObject &object, int status)
{
    HttpResponse response;
    response.status = status;
    response.body = json::compact(object);
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json; charset=utf-8")});
    return response;
}

HttpResponse HttpResponse::text(const QByteArray &body, int status)
{
    HttpResponse response;
    response.status = status;
    response.body = body;
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8")});
    return response;
}

QByteArray httpReasonPhrase(int status)
{
    switch (status) {
    case 100: return QByteArrayLiteral("Continue");
    case 101: return QByteArrayLiteral("Switching Protocols");
    case 200: return QByteArrayLiteral("OK");
    case 204: return QByteArrayLiteral("No Content");
    case 400: return QByteArrayLiteral("Bad Request");
    case 401: return QByteArrayLiteral("Unauthorized");
    case 403: return QByteArrayLiteral("Forbidden");
    case 404: return QByteArrayLiteral("Not Found");
    case 405: return QByteArrayLiteral("Method Not Allowed");
    case 408: return QByteArrayLiteral("Request Timeout");
    case 413: return QByteArrayLiteral("Payload Too Large");
    case 429: return QByteArrayLiteral("Too Many Requests");
    case 431: return QByteArrayLiteral("Request Header Fields Too Large");
    case 500: return QByteArrayLiteral("Internal Server Error");
    case 501: return QByteArrayLiteral("Not Implemented");
    case 503: return QByteArrayLiteral("Service Unavailable");
    default: return QByteArrayLiteral("Status");
    }
}

HttpServer::HttpServer(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer() = default;

Result<void> HttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server->listen(address, port)) {
        return Error{QStringLiteral("listen_failed"),
                     QStringLiteral("Cannot listen on %1:%2: %3.")
                         .arg(address.toString())
                         .arg(port)
                         .arg(m_server->errorString()),
                     QStringLiteral("Pick another port, or 0 for any free port.")};
    }
    return {};
}

quint16 HttpServer::port() const
{
    return m_server->serverPort();
}

QHostAddress HttpServer::address() const
{
    return m_server->serverAddress();
}

void HttpServer::addRoute(const QByteArray &method, const QString &path, HttpHandler handler)
{
    m_routes.append(Route{method, path, false, std::move(handler)});
}

void HttpServer::addPrefixRoute(const QByteArray &method, const QString &prefix, HttpHandler handler)
{
    m_routes.append(Route{method, prefix, true, std::move(handler)});
}

HttpResponse HttpServer::dispatch(const HttpRequest &request) const
{
    QByteArrayList allowed;
    const Route *best = nullptr;
    for (const Route &route : m_routes) {
        const bool pathMatches = route.prefix ? request.path.startsWith(route.path) : request.path == route.path;
        if (!pathMatches)
            continue;
        if (!route.method.isEmpty() && route.method != request.method) {
            allowed.append(route.method);
            continue;
        }
        // Exact beats prefix; among prefixes the longest wins.
        if (!best || (best->prefix && !route.prefix)
            || (best->prefix && route.prefix && route.path.size() > best->path.size()))
            best = &route;
    }
    if (best)
        return best->handler(request);
    if (!allowed.isEmpty())
        return HttpResponse::text(QByteArrayLiteral("method not allowed\n"), 405)
            .withHeader(QByteArrayLiteral("Allow"), allowed.join(", "));
    return HttpResponse::text(QByteArrayLiteral("not found\n"), 404);
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_openConnections >= m_limits.maxConnections) {
            // Bounded: refuse instead of growing without limit.
            socket->write(QByteArrayLiteral("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        ++m_openConnections;
        auto *connection = new HttpConnection(socket, this);
        // Owned by the server: a connection must not outlive the routes and limits it reads.
        connection->setParent(this);
        connect(connection, &HttpConnection::finished, this, [this, connection] {
            --m_openConnections;
            connection->deleteLater();
        });
    }
}

} // namespace socketscope::sim
