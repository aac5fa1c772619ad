#pragma once
// Test-side peers of the simulator: plain HTTP calls (QNetworkAccessManager) and a raw
// QWebSocket link client that records every frame, as an independent client would see them.

#include "SlackSimulator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <memory>

namespace simtest {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QHash<QByteArray, QByteArray> headers; // lower-case names
};

inline HttpResult httpCall(QNetworkAccessManager &nam, const QByteArray &verb, const QUrl &url,
                           const QByteArray &authorization, const QByteArray &formBody = {})
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, formBody);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(5000);
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.error = reply->error();
    result.json = QJsonDocument::fromJson(result.body).object();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.insert(pair.first.toLower(), pair.second);
    reply->deleteLater();
    return result;
}

inline HttpResult openConnection(QNetworkAccessManager &nam, const socketscope::sim::SlackSimulator &sim,
                                 const QString &token)
{
    return httpCall(nam, "POST", sim.apiUrl().resolved(QUrl(QStringLiteral("apps.connections.open"))),
                    token.isEmpty() ? QByteArray() : QByteArray("Bearer " + token.toUtf8()));
}

// One WebSocket link as a client sees it.
class LinkClient : public QObject
{
public:
    explicit LinkClient(bool autoAck = false) : m_autoAck(autoAck)
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            texts.append(text);
            const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
            frames.append(object);
            if (m_autoAck && object.value(QStringLiteral("envelope_id")).isString())
                ack(object.value(QStringLiteral("envelope_id")).toString());
        });
        QObject::connect(&socket, &QWebSocket::binaryMessageReceived, this,
                         [this](const QByteArray &bytes) { binaries.append(bytes); });
        QObject::connect(&socket, &QWebSocket::pong, this, [this](quint64, const QByteArray &) { ++pongs; });
        QObject::connect(&socket, &QWebSocket::disconnected, this, [this] { disconnected = true; });
    }

    bool open(const QUrl &url)
    {
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy failed(&socket, &QWebSocket::disconnected);
        socket.open(url);
        QElapsedTimer timer;
        timer.start();
        while (connected.isEmpty() && failed.isEmpty() && timer.elapsed() < 5000)
            QTest::qWait(5);
        return !connected.isEmpty();
    }
    bool openFrom(QNetworkAccessManager &nam, const socketscope::sim::SlackSimulator &sim, const QString &suffix = {})
    {
        const HttpResult result = openConnection(nam, sim, sim.config().appToken);
        if (!result.json.value(QStringLiteral("ok")).toBool())
            return false;
        url = QUrl(result.json.value(QStringLiteral("url")).toString() + suffix);
        return open(url) && waitForType(QStringLiteral("hello"));
    }

    void ack(const QString &envelopeId)
    {
        socket.sendTextMessage(QStringLiteral("{\"envelope_id\":\"%1\",\"payload\":{}}").arg(envelopeId));
    }

    QVector<QJsonObject> ofType(const QString &type) const
    {
        QVector<QJsonObject> out;
        for (const QJsonObject &frame : frames) {
            if (frame.value(QStringLiteral("type")).toString() == type)
                out.append(frame);
        }
        return out;
    }
    bool waitForType(const QString &type, int count = 1, int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (ofType(type).size() < count && timer.elapsed() < timeoutMs)
            QTest::qWait(10);
        return ofType(type).size() >= count;
    }
    bool waitDisconnected(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!disconnected && timer.elapsed() < timeoutMs)
            QTest::qWait(10);
        return disconnected;
    }

    QWebSocket socket;
    QUrl url;
    QStringList texts;
    QVector<QJsonObject> frames;
    QVector<QByteArray> binaries;
    int pongs = 0;
    bool disconnected = false;

private:
    bool m_autoAck;
};

} // namespace simtest
