#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

// Test support: answers every HTTP request on 127.0.0.1 with one canned response (or never, to
// provoke a timeout). For wire-level faults the simulator should not have to fake.
class CannedHttpServer : public QTcpServer
{
public:
    QByteArray response;      // full HTTP response bytes; empty = never answer
    int requests = 0;
    QByteArray lastRequest;

    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1/api/").arg(serverPort()); }

    static QByteArray reply(int status, const QByteArray &contentType, const QByteArray &body,
                            const QByteArray &extraHeaders = {})
    {
        return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType +
               "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders +
               "Connection: close\r\n\r\n" + body;
    }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            lastRequest += socket->readAll();
            if (!lastRequest.contains("\r\n\r\n"))
                return;
            ++requests;
            if (!response.isEmpty()) {
                socket->write(response);
                socket->disconnectFromHost();
            }
        });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
};
