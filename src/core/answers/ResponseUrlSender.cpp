#include "answers/ResponseUrlSender.h"

#include "answers/ReplyComposer.h"
#include "util/Json.h"
#include "util/Logging.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

namespace socketscope {

ResponseUrlSender::ResponseUrlSender(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    // A redirect would carry the secret URL's answer somewhere else; Slack does not redirect these.
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

qint64 ResponseUrlSender::nowUs() const
{
    return m_clock ? m_clock() : json::nowUs();
}

QString ResponseUrlSender::inFlightKey(qint64 rowId, const QString &responseUrl)
{
    return QString::number(rowId) + QLatin1Char('#') + ResponseUrlBudget::fingerprint(responseUrl);
}

Result<QString> ResponseUrlSender::responseUrlOf(const Envelope &envelope)
{
    const QJsonObject payload = QJsonDocument::fromJson(envelope.raw).object().value(QLatin1String("payload")).toObject();
    QString url = payload.value(QLatin1String("response_url")).toString();
    if (url.isEmpty())
        url = payload.value(QLatin1String("response_urls")).toArray().at(0).toObject().value(QLatin1String("response_url")).toString();
    if (url.isEmpty()) {
        return Error{QStringLiteral("no_response_url"),
                     QStringLiteral("This %1 envelope carries no response_url.").arg(envelope.type),
                     QStringLiteral("Answer with chat.postMessage in its channel instead (needs the bot token).")};
    }
    if (url.contains(QStringLiteral("…[redacted]"))) {
        return Error{QStringLiteral("response_url_redacted"),
                     QStringLiteral("This envelope's response_url was redacted when it was exported, so it cannot be used."),
                     QStringLiteral("Answer with chat.postMessage, or capture the command live.")};
    }
    const QUrl parsed(url);
    if (!parsed.isValid() || (parsed.scheme() != QLatin1String("https") && parsed.scheme() != QLatin1String("http"))) {
        return Error{QStringLiteral("bad_response_url"), QStringLiteral("The envelope's response_url is not an http(s) URL."), {}};
    }
    return url;
}

Result<ResponseUrlBudgetState> ResponseUrlSender::budget(const Envelope &envelope, const CaptureStore &store) const
{
    auto url = responseUrlOf(envelope);
    if (!url)
        return url.error();
    auto history = store.deliveries(envelope.rowId);
    if (!history)
        return history.error();
    return ResponseUrlBudget::compute(url.value(), envelope.receivedUs, history.value(), nowUs(),
                                      m_inFlight.value(inFlightKey(envelope.rowId, url.value())));
}

void ResponseUrlSender::send(const Envelope &envelope, const QJsonObject &message, CaptureStore *store,
                             QObject *context, Callback callback)
{
    if (!store) {
        // Without the capture the budget could not survive a restart: refuse rather than guess.
        callback(Error{QStringLiteral("no_capture"), QStringLiteral("Hand-answers need the capture to count response_url uses."),
                       QStringLiteral("Open the capture the envelope came from.")});
        return;
    }
    auto url = responseUrlOf(envelope);
    if (!url) {
        callback(url.error());
        return;
    }
    auto valid = ReplyComposer::validate(message);
    if (!valid) {
        callback(valid.error());
        return;
    }
    auto state = budget(envelope, *store);
    if (!state) {
        callback(state.error());
        return;
    }
    auto allowed = state->check();
    if (!allowed) {
        qCInfo(lcAnswers) << "hand-answer for" << envelope.envelopeId << "refused before sending:" << allowed.error().code;
        callback(allowed.error());
        return;
    }

    QNetworkRequest request{QUrl(url.value())};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json; charset=utf-8"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("SocketScope/" SOCKETSCOPE_VERSION));
    request.setTransferTimeout(m_timeoutMs);
    if (m_ssl)
        request.setSslConfiguration(*m_ssl);
    const QString key = inFlightKey(envelope.rowId, url.value());
    ++m_inFlight[key];
    qCInfo(lcAnswers) << "hand-answer via response_url for" << envelope.envelopeId; // never the URL

    QElapsedTimer timer;
    timer.start();
    const qint64 startedUs = nowUs();
    QNetworkReply *reply = m_nam->post(request, QJsonDocument(message).toJson(QJsonDocument::Compact));
    QPointer<QObject> guard(context);
    const int timeoutMs = m_timeoutMs;
    const QString responseUrl = url.value();
    const Envelope env = envelope;
    connect(reply, &QNetworkReply::finished, this, [=] {
        reply->deleteLater();
        if (--m_inFlight[key] <= 0)
            m_inFlight.remove(key);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool timedOut = status == 0
                              && (reply->error() == QNetworkReply::OperationCanceledError
                                  || reply->error() == QNetworkReply::TimeoutError);
        ResponseUrlOutcome outcome = interpret(status, reply->isOpen() ? reply->readAll() : QByteArray(),
                                               status == 0 ? reply->errorString() : QString(), timedOut, timeoutMs);
        outcome.latencyUs = timer.nsecsElapsed() / 1000;
        // Recorded even when the caller has gone: the use happened and the budget must know.
        DeliveryRecord record;
        record.envelopeRowId = env.rowId;
        record.atUs = startedUs;
        record.kind = ResponseUrlBudget::kDeliveryKind;
        record.target = ResponseUrlBudget::storedTarget(responseUrl);
        record.statusCode = outcome.httpStatus;
        record.latencyUs = outcome.latencyUs;
        record.outcome = outcome.delivered ? QStringLiteral("%1 delivered").arg(outcome.httpStatus)
                                           : QStringLiteral("%1 %2").arg(outcome.httpStatus).arg(
                                                 outcome.slackError.isEmpty() ? QStringLiteral("failed") : outcome.slackError);
        auto id = store->recordDelivery(record);
        if (id)
            outcome.deliveryId = id.value();
        else
            outcome.recordError = id.error();
        auto history = store->deliveries(env.rowId);
        outcome.budgetAfter = ResponseUrlBudget::compute(responseUrl, env.receivedUs,
                                                         history ? history.value() : QVector<DeliveryRecord>(), nowUs(),
                                                         m_inFlight.value(key));
        qCInfo(lcAnswers) << "hand-answer for" << env.envelopeId << "→" << outcome.httpStatus << outcome.slackError;
        if (guard)
            callback(outcome);
    });
}

ResponseUrlOutcome ResponseUrlSender::interpret(int httpStatus, const QByteArray &body, const QString &networkError,
                                                bool timedOut, int timeoutMs)
{
    ResponseUrlOutcome out;
    out.httpStatus = httpStatus;
    out.bodyExcerpt = json::excerpt(body, 200);
    if (httpStatus == 0) {
        out.meaning = timedOut ? QStringLiteral("Slack did not answer within %1 ms; the answer may or may not have arrived.").arg(timeoutMs)
                               : QStringLiteral("No HTTP answer: %1. Check the network path to Slack (proxy, TLS).").arg(networkError);
        return out;
    }
    // Slack answers "ok" as text, or an error word; some deployments answer JSON {"ok":false,"error":…}.
    const QByteArray trimmed = body.trimmed();
    const QJsonObject json = QJsonDocument::fromJson(trimmed).object();
    if (json.contains(QLatin1String("ok")) && !json.value(QLatin1String("ok")).toBool())
        out.slackError = json.value(QLatin1String("error")).toString(QStringLiteral("unknown_error"));
    else if (httpStatus >= 400 && !trimmed.isEmpty() && !trimmed.startsWith('{') && !trimmed.startsWith('<') && trimmed.size() < 64)
        out.slackError = QString::fromUtf8(trimmed);
    out.delivered = httpStatus >= 200 && httpStatus < 300 && out.slackError.isEmpty();
    if (out.delivered) {
        out.meaning = QStringLiteral("Delivered: Slack accepted the answer.");
    } else if (out.slackError == QLatin1String("expired_url")) {
        out.meaning = QStringLiteral("Slack says the response_url expired (30 minutes). Use chat.postMessage instead.");
    } else if (out.slackError == QLatin1String("used_url")) {
        out.meaning = QStringLiteral("Slack says the response_url was used up (5 answers, including Nautobot's). Use chat.postMessage instead.");
    } else if (out.slackError == QLatin1String("invalid_blocks") || out.slackError == QLatin1String("invalid_blocks_format")) {
        out.meaning = QStringLiteral("Slack refused the blocks (%1): check the Block Kit JSON in Block Kit Builder.").arg(out.slackError);
    } else if (out.slackError == QLatin1String("no_text")) {
        out.meaning = QStringLiteral("Slack says the message has no text.");
    } else {
        out.meaning = QStringLiteral("Slack refused the answer: HTTP %1%2.")
                          .arg(httpStatus)
                          .arg(out.slackError.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(out.slackError));
    }
    return out;
}

} // namespace socketscope

#include "moc_ResponseUrlSender.cpp"
