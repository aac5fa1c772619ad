#include "nautobot/Replay.h"

#include "answers/JsonInput.h"
#include "capture/Redactor.h"
#include "nautobot/SlackHttpForm.h"
#include "nautobot/SlackSignature.h"
#include "util/Json.h"
#include "util/Logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

namespace socketscope {

namespace {

QJsonObject frameObject(const QByteArray &frame)
{
    return QJsonDocument::fromJson(frame).object();
}

QByteArray withPayload(const QByteArray &frame, const QJsonObject &payload)
{
    QJsonObject envelope = frameObject(frame);
    envelope.insert(QStringLiteral("payload"), payload);
    return QJsonDocument(envelope).toJson(QJsonDocument::Compact);
}

Envelope envelopeOf(const ReplayPlan &plan)
{
    Envelope e;
    e.rowId = plan.envelopeRowId;
    e.envelopeId = plan.envelopeId;
    e.type = plan.envelopeType;
    e.receivedUs = plan.receivedUs;
    e.raw = plan.frame;
    return e;
}

// The response_urls a payload carries: slash commands and block_actions have one; view
// submissions from modals with response_url_enabled carry response_urls[].
QStringList responseUrlsOf(const QJsonObject &payload)
{
    QStringList urls;
    const QString single = payload.value(QLatin1String("response_url")).toString();
    if (!single.isEmpty())
        urls.append(single);
    const QJsonArray many = payload.value(QLatin1String("response_urls")).toArray();
    for (const QJsonValue &v : many) {
        const QString url = v.toObject().value(QLatin1String("response_url")).toString();
        if (!url.isEmpty())
            urls.append(url);
    }
    return urls;
}

} // namespace

QString deliveryVerdictName(DeliveryVerdict verdict)
{
    switch (verdict) {
    case DeliveryVerdict::Accepted: return QStringLiteral("accepted");
    case DeliveryVerdict::AnsweredWithText: return QStringLiteral("answered_with_text");
    case DeliveryVerdict::CommandMissing: return QStringLiteral("command_missing");
    case DeliveryVerdict::BadSignature: return QStringLiteral("bad_signature");
    case DeliveryVerdict::NotFound: return QStringLiteral("not_found");
    case DeliveryVerdict::Redirected: return QStringLiteral("redirected");
    case DeliveryVerdict::ServerError: return QStringLiteral("server_error");
    case DeliveryVerdict::Timeout: return QStringLiteral("timeout");
    case DeliveryVerdict::NetworkError: return QStringLiteral("network_error");
    case DeliveryVerdict::OtherHttp: return QStringLiteral("other_http");
    }
    return QStringLiteral("other_http");
}

QJsonObject ReplayPlan::payload() const
{
    return frameObject(frame).value(QLatin1String("payload")).toObject();
}

QString ReplayPlan::commandText() const
{
    return envelopeType == QLatin1String("slash_commands") ? payload().value(QLatin1String("text")).toString() : QString();
}

bool ReplayPlan::hasWarning(const QString &code) const
{
    return std::any_of(warnings.cbegin(), warnings.cend(), [&code](const ReplayWarning &w) { return w.code == code; });
}

QString ReplayPlan::displayText(bool masked) const
{
    QString text = QStringLiteral("%1 %2 HTTP/1.1\n").arg(QString::fromLatin1(method), url.toString());
    for (const auto &header : headers) {
        QString value = QString::fromUtf8(header.second);
        if (masked && header.first.compare("X-Slack-Signature", Qt::CaseInsensitive) == 0)
            value = QStringLiteral("v0=") + Redactor::marker();
        text += QString::fromUtf8(header.first) + QStringLiteral(": ") + value + QLatin1Char('\n');
    }
    text += QStringLiteral("Content-Length: %1\n\n").arg(body.size());
    if (!masked) {
        text += QString::fromUtf8(body);
        return text;
    }
    const bool form = std::any_of(headers.cbegin(), headers.cend(), [](const auto &h) {
        return h.first.compare("Content-Type", Qt::CaseInsensitive) == 0
               && h.second.startsWith("application/x-www-form-urlencoded");
    });
    text += QString::fromUtf8(form ? Redactor::redactFormBody(body) : Redactor::redactJson(body));
    return text;
}

Replayer::Replayer(QUrl nautobotBaseUrl, QObject *parent) : QObject(parent), m_baseUrl(std::move(nautobotBaseUrl))
{
    if (!m_baseUrl.path().endsWith(QLatin1Char('/')))
        m_baseUrl.setPath(m_baseUrl.path() + QLatin1Char('/'));
}

qint64 Replayer::nowUs() const
{
    return m_clock ? m_clock() : json::nowUs();
}

Result<ReplayPlan> Replayer::plan(const Envelope &envelope, const QVector<DeliveryRecord> &history) const
{
    return build(envelope, envelope.raw, false, history);
}

Result<ReplayPlan> Replayer::withCommandText(const ReplayPlan &plan, const QString &text,
                                             const QVector<DeliveryRecord> &history) const
{
    if (plan.envelopeType != QLatin1String("slash_commands")) {
        return Error{QStringLiteral("not_slash_command"),
                     QStringLiteral("Only slash commands have a command text; this is a %1 envelope.").arg(plan.envelopeType),
                     QStringLiteral("Edit the payload JSON instead.")};
    }
    QJsonObject payload = plan.payload();
    payload.insert(QStringLiteral("text"), text);
    return build(envelopeOf(plan), withPayload(plan.frame, payload), true, history);
}

Result<ReplayPlan> Replayer::withPayloadJson(const ReplayPlan &plan, const QByteArray &payloadJson,
                                             const QVector<DeliveryRecord> &history) const
{
    auto doc = answers::parseOperatorJson(payloadJson, QStringLiteral("The edited payload"));
    if (!doc)
        return doc.error();
    if (!doc->isObject()) {
        return Error{QStringLiteral("payload_not_object"), QStringLiteral("The edited payload must be a JSON object."),
                     QStringLiteral("Wrap the fields in { … }.")};
    }
    const QJsonObject edited = doc->object();
    const QJsonValue originalType = plan.payload().value(QLatin1String("type"));
    if (!originalType.isUndefined()) {
        if (!edited.contains(QLatin1String("type"))) {
            return Error{QStringLiteral("payload_type_missing"),
                         QStringLiteral("The edited payload has no \"type\"; it must stay \"%1\".").arg(originalType.toString()),
                         QStringLiteral("Put \"type\": \"%1\" back.").arg(originalType.toString())};
        }
        if (edited.value(QLatin1String("type")) != originalType) {
            return Error{QStringLiteral("payload_type_changed"),
                         QStringLiteral("The edited payload changes \"type\" from \"%1\" to \"%2\"; ChatOps would "
                                        "handle it as a different kind of request.")
                             .arg(originalType.toString(), edited.value(QLatin1String("type")).toVariant().toString()),
                         QStringLiteral("Keep \"type\": \"%1\".").arg(originalType.toString())};
        }
    }
    return build(envelopeOf(plan), withPayload(plan.frame, edited), true, history);
}

Result<ReplayPlan> Replayer::build(const Envelope &envelope, const QByteArray &frame, bool edited,
                                   const QVector<DeliveryRecord> &history) const
{
    if (m_secret.isEmpty()) {
        return Error{QStringLiteral("missing_signing_secret"),
                     QStringLiteral("No Slack signing secret is set, so the replay cannot be signed."),
                     QStringLiteral("Copy the Signing Secret from the Slack app (Basic Information → App "
                                    "Credentials) into the profile or SOCKETSCOPE_SLACK_SIGNING_SECRET.")};
    }
    auto form = SlackHttpForm::fromFrame(frame);
    if (!form)
        return form.error();
    const SlackHttpRequest &http = form.value();

    ReplayPlan plan;
    plan.envelopeRowId = envelope.rowId;
    plan.envelopeId = envelope.envelopeId;
    plan.envelopeType = frameObject(frame).value(QLatin1String("type")).toString();
    plan.receivedUs = envelope.receivedUs;
    plan.frame = frame;
    plan.edited = edited;
    plan.path = http.path;
    plan.url = m_baseUrl.resolved(QUrl(http.path.mid(1)));
    plan.body = http.body;
    plan.note = http.note;
    plan.headers = http.headers;
    const qint64 now = nowUs();
    plan.timestamp = QByteArray::number(now / 1'000'000);
    plan.signature = SlackSignature::sign(m_secret, plan.timestamp, plan.body);
    plan.headers.append({QByteArrayLiteral("X-Slack-Request-Timestamp"), plan.timestamp});
    plan.headers.append({QByteArrayLiteral("X-Slack-Signature"), plan.signature});

    plan.warnings.append({QStringLiteral("runs_command"),
                          QStringLiteral("A replay really runs the command: Nautobot checks the access grants, writes "
                                         "the command log and really posts to the channel or user.")});
    if (edited) {
        plan.warnings.append({QStringLiteral("edited"),
                              QStringLiteral("The payload was edited: Slack never sent this request.")});
    }
    const QJsonObject payload = plan.payload();
    if (plan.envelopeType == QLatin1String("slash_commands") && payload.value(QLatin1String("command")).toString().isEmpty()) {
        plan.warnings.append({QStringLiteral("no_command"),
                              QStringLiteral("The payload has no \"command\": ChatOps will only answer \"No command "
                                             "specified\" (a safe signature probe).")});
    }
    const qint64 ageUs = envelope.receivedUs > 0 ? now - envelope.receivedUs : 0;
    if (!payload.value(QLatin1String("trigger_id")).toString().isEmpty() && ageUs > kTriggerLifetimeUs) {
        plan.warnings.append({QStringLiteral("trigger_expired"),
                              QStringLiteral("The trigger_id is %1 s old and Slack lets it live 3 s: commands that "
                                             "open a modal (e.g. get-devices name) will fail with trigger_expired.")
                                  .arg(ageUs / 1'000'000)});
    }
    const QStringList urls = responseUrlsOf(payload);
    if (!urls.isEmpty() && envelope.receivedUs > 0) {
        const ResponseUrlBudgetState budget = ResponseUrlBudget::compute(urls.first(), envelope.receivedUs, history, now);
        if (budget.expired()) {
            plan.warnings.append({QStringLiteral("response_url_expired"),
                                  QStringLiteral("The response_url is %1 min old (Slack accepts answers for 30 min): "
                                                 "Nautobot's replies through it will fail; only chat.postMessage "
                                                 "answers will arrive.")
                                      .arg(ageUs / 60'000'000)});
        } else if (budget.exhausted()) {
            plan.warnings.append({QStringLiteral("response_url_exhausted"),
                                  QStringLiteral("The response_url has been used %1 times already (Slack allows 5): "
                                                 "Nautobot's replies through it will fail.")
                                      .arg(budget.usedByAnswers + budget.usedByNautobot)});
        }
    }
    return plan;
}

void Replayer::send(const ReplayPlan &plan, CaptureStore *store, QObject *context, Callback callback)
{
    if (m_secret.isEmpty() || SlackSignature::sign(m_secret, plan.timestamp, plan.body) != plan.signature) {
        // The shown request must be the sent one: a plan signed with another secret is stale.
        callback(Error{QStringLiteral("plan_stale"),
                       QStringLiteral("The replay plan was signed with a different signing secret than the one set now."),
                       QStringLiteral("Build the plan again.")});
        return;
    }
    auto *delivery = new ChatOpsDelivery(m_baseUrl, this);
    delivery->setSigningSecret(m_secret);
    delivery->setTimeoutMs(m_timeoutMs);
    if (m_ssl)
        delivery->setSslConfiguration(*m_ssl);
    const qint64 timestamp = plan.timestamp.toLongLong();
    delivery->setTimestampSource([timestamp] { return timestamp; });
    const qint64 rowId = plan.envelopeRowId;
    const bool edited = plan.edited;
    const qint64 startedUs = nowUs();
    QPointer<QObject> guard(context);
    delivery->deliver(plan.frame, this, [=](const Result<DeliveryOutcome> &result) {
        delivery->deleteLater();
        if (!guard)
            return;
        if (!result) {
            callback(result.error());
            return;
        }
        ReplayResult out;
        out.outcome = result.value();
        const DeliveryOutcome &o = out.outcome;
        if (store && rowId > 0) {
            DeliveryRecord record;
            record.envelopeRowId = rowId;
            record.atUs = startedUs;
            record.kind = kDeliveryKind;
            record.target = o.path;
            record.statusCode = o.httpStatus;
            record.latencyUs = o.latencyUs;
            record.outcome = QStringLiteral("%1%2 %3: %4")
                                 .arg(edited ? QStringLiteral("(edited) ") : QString())
                                 .arg(o.httpStatus)
                                 .arg(deliveryVerdictName(o.verdict), Redactor::redactText(o.meaning));
            auto id = store->recordDelivery(record);
            if (id) {
                out.deliveryId = id.value();
                auto statusSet = store->setDeliveryStatus(
                    rowId, QStringLiteral("replay %1 %2").arg(o.httpStatus).arg(deliveryVerdictName(o.verdict)));
                if (!statusSet)
                    out.recordError = statusSet.error();
            } else {
                out.recordError = id.error();
            }
        }
        qCInfo(lcNautobot).noquote() << "replay of" << plan.envelopeId << "→" << o.httpStatus << deliveryVerdictName(o.verdict);
        callback(out);
    });
}

} // namespace socketscope

#include "moc_Replay.cpp"
