#pragma once
// Real network peers for network-path tests, all on 127.0.0.1 and port 0: an HTTP proxy (CONNECT
// tunnels and absolute-form forwarding, optional Basic auth) that records what it carried, an HTTP(S)
// responder, and a throwaway CA + server certificate made with the openssl CLI at test time.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QPointer>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace testnet {

// ---------------------------------------------------------------------------------------------------
class TunnelProxy : public QObject
{
    Q_OBJECT
public:
    QStringList tunnels;      // "host:port" of every CONNECT that was accepted
    QStringList forwards;     // absolute URLs of every forwarded plain-HTTP request
    int challenges = 0;       // 407 answers sent
    QByteArray requiredAuth;  // e.g. "Basic YWxpY2U6cHc="; empty = no authentication

    bool start()
    {
        connect(&m_server, &QTcpServer::newConnection, this, &TunnelProxy::onNewConnection);
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }
    QString url() const { return QStringLiteral("http://127.0.0.1:") + QString::number(port()); }

    ~TunnelProxy() override
    {
        // A socket emits disconnected() from ~QAbstractSocket, when it is no longer a QTcpSocket: the
        // session lambdas must not see that (UBSan: downcast of a QAbstractSocket via QPointer<QTcpSocket>).
        const auto sockets = findChildren<QAbstractSocket *>() + m_server.findChildren<QAbstractSocket *>();
        for (QAbstractSocket *socket : sockets)
            socket->disconnect(this);
    }

private:
    struct Session
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
        QByteArray head;
        bool piping = false;
    };

    void onNewConnection()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            auto s = std::make_shared<Session>();
            s->client = client;
            connect(client, &QTcpSocket::readyRead, this, [this, s] { onClientData(s); });
            connect(client, &QTcpSocket::disconnected, this, [s] {
                if (s->upstream)
                    s->upstream->disconnectFromHost();
                if (s->client)
                    s->client->deleteLater();
            });
        }
    }

    static QByteArray header(const QList<QByteArray> &lines, const QByteArray &name)
    {
        for (const QByteArray &l : lines) {
            const int colon = l.indexOf(':');
            if (colon > 0 && l.left(colon).trimmed().toLower() == name.toLower())
                return l.mid(colon + 1).trimmed();
        }
        return QByteArray();
    }

    void onClientData(const std::shared_ptr<Session> &s)
    {
        if (s->piping) {
            if (s->upstream)
                s->upstream->write(s->client->readAll());
            return;
        }
        s->head += s->client->readAll();
        const int end = s->head.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray rest = s->head.mid(end + 4);
        const QList<QByteArray> lines = s->head.left(end).split('\n');
        s->head.clear();
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() < 3) {
            s->client->disconnectFromHost();
            return;
        }
        if (!requiredAuth.isEmpty() && header(lines, "Proxy-Authorization") != requiredAuth) {
            ++challenges;
            s->client->write("HTTP/1.1 407 Proxy Authentication Required\r\n"
                             "Proxy-Authenticate: Basic realm=\"socketscope-test\"\r\n"
                             "Content-Length: 0\r\n\r\n");
            return; // the client may retry on the same connection
        }
        const QByteArray method = requestLine.at(0);
        const QByteArray target = requestLine.at(1);
        QString host;
        quint16 port = 0;
        QByteArray upstreamPrefix;
        if (method == "CONNECT") {
            const int colon = target.lastIndexOf(':');
            host = QString::fromLatin1(target.left(colon));
            port = quint16(target.mid(colon + 1).toUInt());
            tunnels << QString::fromLatin1(target);
        } else {
            const QUrl url(QString::fromLatin1(target));
            if (!url.isValid() || url.scheme() != QLatin1String("http")) {
                s->client->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                s->client->disconnectFromHost();
                return;
            }
            host = url.host();
            port = quint16(url.port(80));
            forwards << url.toString();
            upstreamPrefix = method + ' ' + url.path(QUrl::FullyEncoded).toLatin1()
                + (url.hasQuery() ? '?' + url.query(QUrl::FullyEncoded).toLatin1() : QByteArray()) + ' '
                + requestLine.at(2).trimmed() + "\r\n";
            for (int i = 1; i < lines.size(); ++i) {
                const QByteArray l = lines.at(i).trimmed();
                if (!l.toLower().startsWith("proxy-"))
                    upstreamPrefix += l + "\r\n";
            }
            upstreamPrefix += "\r\n";
        }
        auto *up = new QTcpSocket(s->client);
        s->upstream = up;
        const bool isConnect = method == "CONNECT";
        connect(up, &QTcpSocket::connected, this, [s, isConnect, upstreamPrefix, rest] {
            if (isConnect)
                s->client->write("HTTP/1.1 200 Connection established\r\n\r\n");
            else
                s->upstream->write(upstreamPrefix);
            s->piping = true;
            if (!rest.isEmpty())
                s->upstream->write(rest);
            if (s->client->bytesAvailable() > 0)
                s->upstream->write(s->client->readAll());
        });
        connect(up, &QTcpSocket::readyRead, this, [s] {
            if (s->client)
                s->client->write(s->upstream->readAll());
        });
        connect(up, &QTcpSocket::disconnected, this, [s] {
            if (s->client)
                s->client->disconnectFromHost();
        });
        connect(up, &QTcpSocket::errorOccurred, this, [s](QAbstractSocket::SocketError) {
            if (s->client && !s->piping) {
                s->client->write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                s->client->disconnectFromHost();
            }
        });
        up->connectToHost(host, port);
    }

    QTcpServer m_server;
};

// ---------------------------------------------------------------------------------------------------
// Answers every request with 200 "ok"; TLS when given a certificate and key.
class HttpResponder : public QTcpServer
{
    Q_OBJECT
public:
    int hits = 0;
    QSslCertificate certificate;
    QSslKey key;

    bool start() { return listen(QHostAddress::LocalHost, 0); }

protected:
    void incomingConnection(qintptr fd) override
    {
        QTcpSocket *sock;
        if (!certificate.isNull()) {
            auto *ssl = new QSslSocket(this);
            ssl->setLocalCertificate(certificate);
            ssl->setPrivateKey(key);
            sock = ssl;
        } else {
            sock = new QTcpSocket(this);
        }
        if (!sock->setSocketDescriptor(fd)) {
            delete sock;
            return;
        }
        auto buffer = std::make_shared<QByteArray>();
        connect(sock, &QTcpSocket::readyRead, this, [this, sock, buffer] {
            *buffer += sock->readAll();
            if (!buffer->contains("\r\n\r\n"))
                return;
            buffer->clear();
            ++hits;
            sock->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                        "Connection: close\r\n\r\nok");
            sock->disconnectFromHost();
        });
        connect(sock, &QTcpSocket::disconnected, sock, &QObject::deleteLater);
        if (auto *ssl = qobject_cast<QSslSocket *>(sock))
            ssl->startServerEncryption();
    }
};

// ---------------------------------------------------------------------------------------------------
// A private CA and a server certificate for 127.0.0.1/localhost signed by it, valid for two days.
struct TlsFixture
{
    QTemporaryDir dir;
    QString caPath;
    QSslCertificate serverCert;
    QSslKey serverKey;
    QString error;

    bool generate()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty()) {
            error = QStringLiteral("openssl not found: install the Debian package openssl");
            return false;
        }
        const QString d = dir.path();
        QFile ext(d + QStringLiteral("/server.ext"));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                  "extendedKeyUsage=serverAuth\n");
        ext.close();
        const QList<QStringList> steps{
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), d + QStringLiteral("/ca.key"), QStringLiteral("-out"),
             d + QStringLiteral("/ca.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
             QStringLiteral("/CN=SocketScope Test CA/O=SocketScope Tests"), QStringLiteral("-addext"),
             QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
             QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
            {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
             QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
             d + QStringLiteral("/server.key"), QStringLiteral("-out"), d + QStringLiteral("/server.csr"),
             QStringLiteral("-subj"), QStringLiteral("/CN=SocketScope Test Server/O=SocketScope Tests")},
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), d + QStringLiteral("/server.csr"),
             QStringLiteral("-CA"), d + QStringLiteral("/ca.pem"), QStringLiteral("-CAkey"),
             d + QStringLiteral("/ca.key"), QStringLiteral("-CAcreateserial"), QStringLiteral("-out"),
             d + QStringLiteral("/server.pem"), QStringLiteral("-days"), QStringLiteral("2"),
             QStringLiteral("-extfile"), d + QStringLiteral("/server.ext")}};
        for (const QStringList &args : steps) {
            QProcess p;
            p.start(openssl, args);
            if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
                error = QStringLiteral("openssl ") + args.first() + QStringLiteral(" failed: ")
                    + QString::fromLocal8Bit(p.readAllStandardError());
                return false;
            }
        }
        caPath = d + QStringLiteral("/ca.pem");
        QFile cert(d + QStringLiteral("/server.pem"));
        QFile key(d + QStringLiteral("/server.key"));
        if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
            return false;
        serverCert = QSslCertificate(cert.readAll(), QSsl::Pem);
        serverKey = QSslKey(key.readAll(), QSsl::Ec, QSsl::Pem);
        if (serverCert.isNull() || serverKey.isNull()) {
            error = QStringLiteral("generated certificate or key does not load");
            return false;
        }
        return true;
    }
};

} // namespace testnet
