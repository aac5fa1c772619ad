#include "HttpConnection.h"

#include "util/Logging.h"

#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace socketscope::sim {

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpServer *server)
    : QObject(nullptr), m_socket(socket), m_server(server), m_idleTimer(new QTimer(this))
{
    socket->setParent(this);
    m_idleTimer->setSingleShot(true);
    m_idleTimer->setInterval(server->limits().idleTimeoutMs);
    connect(m_idleTimer, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->disconnectFromHost();
        finish();
    });
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    connect(socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            qCDebug(lcSim) << "http connection error" << error;
        finish();
    });
    m_idleTimer->start();
    if (socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &HttpConnection::onReadyRead);
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::finish()
{
    if (m_closing && !m_socket)
        return;
    m_closing = true;
    m_idleTimer->stop();
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket = nullptr;
        Q_EMIT finished(); // the server deletes us, and the socket with us
    }
}

void HttpConnection::onReadyRead()
{
    if (!m_socket || m_closing)
        return;
    m_buffer += m_socket->readAll();
    m_idleTimer->start();
    // Bounded: each pass consumes one request or stops.
    for (int i = 0; i < 1000 && !m_closing && !m_waiting; ++i) {
        if (parseOne() != Parse::Done)
            break;
    }
}

void HttpConnection::fail(int status, const QByteArray &why)
{
    HttpResponse response = HttpResponse::text(why + '\n', status);
    respond(response, false);
}

void HttpConnection::respond(const HttpResponse &response, bool keepAlive)
{
    if (!m_socket)
        return;
    const QByteArray reason = response.reason.isEmpty() ? httpReasonPhrase(response.status) : response.reason;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason + "\r\n";
    for (const auto &header : response.headers)
        head += header.first + ": " + header.second + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    head += keepAlive ? QByteArrayLiteral("Connection: keep-alive\r\n") : QByteArrayLiteral("Connection: close\r\n");
    head += "\r\n";
    m_socket->write(head + response.body);
    if (!keepAlive) {
        m_closing = true;
        m_socket->disconnectFromHost(); // flushes pending bytes first
    }
}

HttpConnection::Parse HttpConnection::parseOne()
{
    const int headerEnd = m_buffer.indexOf("\r\n\r\n");
    const int maxHeader = m_server->limits().maxHeaderBytes;
    if (headerEnd < 0) {
        if (m_buffer.size() > maxHeader)
            fail(431, QByteArrayLiteral("request header too large"));
        return m_closing ? Parse::Failed : Parse::NeedMore;
    }
    if (headerEnd > maxHeader) {
        fail(431, QByteArrayLiteral("request header too large"));
        return Parse::Failed;
    }
    const QByteArrayList lines = m_buffer.left(headerEnd).split('\n');
    const QByteArrayList requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        fail(400, QByteArrayLiteral("bad request line"));
        return Parse::Failed;
    }
    HttpRequest request;
    request.method = requestLine.at(0);
    request.target = requestLine.at(1);
    const bool http10 = requestLine.at(2) == "HTTP/1.0";
    for (int i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const int colon = line.indexOf(':');
        if (colon <= 0) {
            fail(400, QByteArrayLiteral("bad header line"));
            return Parse::Failed;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        const auto existing = request.headers.constFind(name);
        request.headers.insert(name, existing == request.headers.constEnd() ? value : *existing + ", " + value);
    }
    if (request.headers.contains("transfer-encoding")) {
        // Clients of this server (Slack SDKs, curl, QNetworkAccessManager) send Content-Length.
        fail(501, QByteArrayLiteral("chunked request bodies are not supported; send Content-Length"));
        return Parse::Failed;
    }
    qint64 length = 0;
    if (request.headers.contains("content-length")) {
        bool ok = false;
        length = request.header("content-length").toLongLong(&ok);
        if (!ok || length < 0) {
            fail(400, QByteArrayLiteral("bad Content-Length"));
            return Parse::Failed;
        }
    }
    if (length > m_server->limits().maxBodyBytes) {
        fail(413, QByteArrayLiteral("request body too large"));
        return Parse::Failed;
    }
    const qint64 total = headerEnd + 4 + length;
    if (m_buffer.size() < total) {
        if (!m_continueSent && request.header("expect").toLower() == "100-continue") {
            m_continueSent = true;
            m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
        }
        return Parse::NeedMore;
    }
    request.body = m_buffer.mid(headerEnd + 4, static_cast<int>(length));
    m_buffer.remove(0, static_cast<int>(total));
    m_continueSent = false;

    const QUrl url = QUrl::fromEncoded(request.target);
    request.path = url.path();
    request.query = QUrlQuery(url);
    request.peer = m_socket->peerAddress();

    const QByteArray connectionHeader = request.header("connection").toLower();
    const bool keepAlive = http10 ? connectionHeader.contains("keep-alive") : !connectionHeader.contains("close");
    const HttpResponse response = m_server->dispatch(request);
    if (response.never || response.delayMs > 0) {
        respondLater(response, keepAlive);
        return Parse::NeedMore;
    }
    respond(response, keepAlive);
    return m_closing ? Parse::Failed : Parse::Done;
}

void HttpConnection::respondLater(const HttpResponse &response, bool keepAlive)
{
    m_waiting = true;
    if (response.never)
        return; // the idle timer or the client ends the connection
    // Precise: a coarse timer may answer 5 % early, and tests measure which side of the delay they land.
    QTimer::singleShot(response.delayMs, Qt::PreciseTimer, this, [this, response, keepAlive] {
        m_waiting = false;
        respond(response, keepAlive);
        if (!m_closing && !m_buffer.isEmpty())
            QTimer::singleShot(0, this, &HttpConnection::onReadyRead);
    });
}

} // namespace socketscope::sim
