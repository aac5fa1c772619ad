#pragma once

#include "EnvelopeFactory.h"
#include "HttpServer.h"
#include "NautobotSimulator.h"
#include "SlackSimulator.h"
#include "SlackWebApiRoutes.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <functional>
#include <memory>
#include <optional>

// Test support: the Slack simulator and the Nautobot simulator on one 127.0.0.1 port, as
// `socketscope-cli sim` serves them, plus helpers to wait for asynchronous answers.
struct NautobotHarness
{
    explicit NautobotHarness(socketscope::sim::NautobotSimConfig config = {})
        : slack(socketscope::sim::SlackSimConfig{}), nautobot(std::move(config))
    {
        nautobot.registerOn(slack.httpServer());
    }

    bool start()
    {
        if (!slack.listen(0).ok())
            return false;
        const auto &c = slack.config();
        factory = std::make_unique<socketscope::sim::EnvelopeFactory>(socketscope::sim::EnvelopeFactory::Identity{
            c.appId, c.teamId, c.teamDomain, c.botUserId, c.botId,
            QStringLiteral("http://127.0.0.1:%1").arg(slack.httpPort())});
        return true;
    }

    // A captured frame as the Socket Mode link would have carried it.
    QByteArray frame(socketscope::sim::EnvelopeKind kind, const QString &envelopeId = QStringLiteral("env-1"))
    {
        return QJsonDocument(socketscope::sim::EnvelopeFactory::envelope(envelopeId, kind, factory->payload(kind)))
            .toJson(QJsonDocument::Compact);
    }

    QUrl url(const QString &path) const { return nautobot.baseUrl().resolved(QUrl(path)); }

    socketscope::sim::SlackSimulator slack;
    socketscope::sim::NautobotSimulator nautobot;
    std::unique_ptr<socketscope::sim::EnvelopeFactory> factory;
};

// Runs the event loop until the callback fired or the deadline passed.
template<typename T>
std::optional<socketscope::Result<T>> awaitResult(const std::function<void(std::function<void(const socketscope::Result<T> &)>)> &start,
                                                  int timeoutMs = 10000)
{
    std::optional<socketscope::Result<T>> out;
    start([&out](const socketscope::Result<T> &result) { out.emplace(result); });
    QDeadlineTimer deadline(timeoutMs);
    while (!out && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    return out;
}

// One raw HTTP exchange, for checks below the client classes (headers, status lines).
struct RawAnswer
{
    int status = 0;
    QByteArray reason;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
};

inline RawAnswer rawRequest(const QByteArray &verb, const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers = {},
                            const QByteArray &body = {}, int timeoutMs = 10000)
{
    QNetworkAccessManager nam;
    nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    QNetworkRequest request(url);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, body);
    QDeadlineTimer deadline(timeoutMs + 1000);
    while (!reply->isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    RawAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    answer.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        answer.headers.insert(pair.first.toLower(), pair.second);
    delete reply;
    return answer;
}
