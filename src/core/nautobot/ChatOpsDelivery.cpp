#include "nautobot/ChatOpsDelivery.h"

#include "nautobot/SlackHttpForm.h"
#include "nautobot/SlackSignature.h"
#include "util/Json.h"
#include "util/Logging.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

namespace socketscope {

ChatOpsDelivery::ChatOpsDelivery(QUrl nautobotBaseUrl, QObject *parent)
    : QObject(parent), m_baseUrl(std::move(nautobotBaseUrl)), m_nam(new QNetworkAccessManager(this))
{
    // A redirect is itself the diagnosis (missing trailing slash); Slack would not follow it with a POST.
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    if (!m_baseUrl.path().endsWith(QLatin1Char('/')))
        m_baseUrl.setPath(m_baseUrl.path() + QLatin1Char('/'));
}

void ChatOpsDelivery::deliver(const QByteArray &rawFrame, QObject *context, Callback callback)
{
    if (m_secret.isEmpty()) {
        callback(Error{QStringLiteral("missing_signing_secret"),
                       QStringLiteral("No Slack signing secret is set, so the re-delivery cannot be signed."),
                       QStringLiteral("Copy the Signing Secret from the Slack app (Basic Information → App "
                                      "Credentials) into the profile or SOCKETSCOPE_SLACK_SIGNING_SECRET.")});
        return;
    }
    auto form = SlackHttpForm::fromFrame(rawFrame);
    if (!form) {
        callback(form.error());
        return;
    }
    const SlackHttpRequest &http = form.value();
    QString relative = http.path;
    while (relative.startsWith(QLatin1Char('/')))
        relative.remove(0, 1);
    QNetworkRequest request(m_baseUrl.resolved(QUrl(relative)));
    for (const auto &header : http.headers)
        request.setRawHeader(header.first, header.second);
    const qint64 now = m_clock ? m_clock() : QDateTime::currentSecsSinceEpoch();
    const QByteArray timestamp = QByteArray::number(now);
    request.setRawHeader("X-Slack-Request-Timestamp", timestamp);
    request.setRawHeader("X-Slack-Signature", SlackSignature::sign(m_secret, timestamp, http.body));
    request.setTransferTimeout(m_timeoutMs);
    if (m_ssl)
        request.setSslConfiguration(*m_ssl);
    qCDebug(lcNautobot) << "re-delivering to" << http.path << http.body.size() << "bytes";

    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = m_nam->post(request, http.body);
    QPointer<QObject> guard(context);
    const QString path = http.path;
    const int timeoutMs = m_timeoutMs;
    connect(reply, &QNetworkReply::finished, this, [reply, guard, path, timer, timeoutMs, callback = std::move(callback)] {
        reply->deleteLater();
        if (!guard)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool timedOut = status == 0
                              && (reply->error() == QNetworkReply::OperationCanceledError
                                  || reply->error() == QNetworkReply::TimeoutError);
        DeliveryOutcome outcome =
            interpret(status, reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray(),
                      reply->isOpen() ? reply->readAll() : QByteArray(), path, timedOut, status == 0 ? reply->errorString() : QString(), timeoutMs);
        outcome.latencyUs = timer.nsecsElapsed() / 1000;
        qCInfo(lcNautobot).noquote() << "re-delivery to" << path << "→" << outcome.httpStatus << outcome.meaning;
        callback(outcome);
    });
}

DeliveryOutcome ChatOpsDelivery::interpret(int httpStatus, const QByteArray &reasonPhrase, const QByteArray &body,
                                           const QString &path, bool timedOut, const QString &networkError,
                                           int timeoutMs)
{
    DeliveryOutcome out;
    out.httpStatus = httpStatus;
    out.reasonPhrase = reasonPhrase;
    out.body = body;
    out.bodyExcerpt = json::excerpt(body, 200);
    out.path = path;
    const QString reason = QString::fromUtf8(reasonPhrase);

    if (httpStatus == 0) {
        if (timedOut) {
            out.verdict = DeliveryVerdict::Timeout;
            out.meaning = QStringLiteral("Nautobot did not answer within %1 ms. Slack allows 3 s before users see "
                                         "operation_timeout: the web service, its database or Redis is slow or down.")
                              .arg(timeoutMs);
        } else {
            out.verdict = DeliveryVerdict::NetworkError;
            out.meaning = QStringLiteral("No HTTP answer: %1. Check the Nautobot URL, TLS trust and the network path.")
                              .arg(networkError);
        }
        return out;
    }
    if (httpStatus == 200) {
        const QByteArray trimmed = body.trimmed();
        if (trimmed.isEmpty()) {
            out.verdict = DeliveryVerdict::Accepted;
            out.meaning = QStringLiteral("Accepted: the signature matched and ChatOps took the command (enqueued for "
                                         "a Celery worker, blocked by access grants, or answered with help). The "
                                         "command log shows which.");
        } else if (trimmed == "No command specified") {
            out.verdict = DeliveryVerdict::CommandMissing;
            out.meaning = QStringLiteral("The signature matched, but the form had no \"command\" field (\"No command "
                                         "specified\").");
        } else {
            out.verdict = DeliveryVerdict::AnsweredWithText;
            out.meaning = QStringLiteral("Accepted with a text answer: \"%1\".").arg(out.bodyExcerpt);
        }
        return out;
    }
    if (httpStatus == 401) {
        out.verdict = DeliveryVerdict::BadSignature;
        if (reason.contains(QLatin1String("Incorrect signature"), Qt::CaseInsensitive)) {
            out.meaning = QStringLiteral("Refused: 401 \"%1\" — the signing secret SocketScope used differs from "
                                         "Nautobot's slack_signing_secret. Copy the Signing Secret from the Slack "
                                         "app (Basic Information → App Credentials) into both.")
                              .arg(reason);
        } else if (reason.startsWith(QLatin1String("Missing"), Qt::CaseInsensitive)) {
            out.meaning = QStringLiteral("Refused: 401 \"%1\" — a proxy between here and Nautobot strips the Slack "
                                         "headers.")
                              .arg(reason);
        } else {
            out.meaning = QStringLiteral("Refused: 401%1. Nautobot puts the cause only in the status line, which "
                                         "HTTP/2 and some proxies drop; most likely a wrong signing secret.")
                              .arg(reason.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(reason));
        }
        return out;
    }
    if (httpStatus == 404) {
        out.verdict = DeliveryVerdict::NotFound;
        out.meaning = QStringLiteral("Not found (404) at %1: Slack is disabled in ChatOps (enable_slack false in "
                                     "PLUGINS_CONFIG or Admin Config), the ChatOps app is not installed, or the URL "
                                     "is wrong (the trailing slash is required).")
                          .arg(path);
        return out;
    }
    if (httpStatus >= 300 && httpStatus < 400) {
        out.verdict = DeliveryVerdict::Redirected;
        out.meaning = QStringLiteral("Redirected (%1): the URL lacks its trailing slash or points at a login page; "
                                     "Slack would not re-POST, so users would get no answer.")
                          .arg(httpStatus);
        return out;
    }
    if (httpStatus == 405) {
        out.verdict = DeliveryVerdict::OtherHttp;
        out.meaning = QStringLiteral("Method not allowed (405): the ChatOps endpoints take POST only.");
        return out;
    }
    if (httpStatus >= 500) {
        out.verdict = DeliveryVerdict::ServerError;
        out.meaning = QStringLiteral("Nautobot failed (%1). Known causes: an unhandled interaction type (#148), an "
                                     "unset signing secret (None), a database error. See Nautobot's web log.")
                          .arg(httpStatus);
        return out;
    }
    out.verdict = DeliveryVerdict::OtherHttp;
    out.meaning = QStringLiteral("Unexpected HTTP %1%2.")
                      .arg(httpStatus)
                      .arg(reason.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(reason));
    return out;
}

} // namespace socketscope

// The meta object is compiled here, not in the library-wide moc unit, so linking this class
// does not pull in every other QObject of the core (and their dependencies).
#include "moc_ChatOpsDelivery.cpp"
