#include "nautobot/SlackHttpForm.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace socketscope {

namespace {

const QByteArray kForm = QByteArrayLiteral("application/x-www-form-urlencoded");
const QByteArray kJson = QByteArrayLiteral("application/json");
const QByteArray kUserAgent = QByteArrayLiteral("Slackbot 1.0 (+https://api.slack.com/robots)");

QByteArray encodeComponent(const QString &value)
{
    // Keep spaces out of the percent-encoding so they can become '+', as Slack (and urlencode) do.
    QByteArray encoded = value.toUtf8().toPercentEncoding(QByteArrayLiteral(" "));
    encoded.replace(' ', '+');
    return encoded;
}

// Slash-command payloads are the HTTP form as JSON strings; a few captures show JSON booleans or numbers.
QString formValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        const qint64 i = static_cast<qint64>(d);
        return static_cast<double>(i) == d ? QString::number(i) : QString::number(d, 'g', 17);
    }
    case QJsonValue::String: return value.toString();
    case QJsonValue::Null:
    case QJsonValue::Undefined: return QString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return QString();
}

SlackHttpRequest makeRequest(const QString &path, const QByteArray &contentType, QByteArray body)
{
    SlackHttpRequest request;
    request.path = path;
    request.contentType = contentType;
    request.body = std::move(body);
    request.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    request.headers.append({QByteArrayLiteral("User-Agent"), kUserAgent});
    return request;
}

} // namespace

const QList<QLatin1String> &SlackHttpForm::slashCommandFieldOrder()
{
    static const QList<QLatin1String> order{
        QLatin1String("token"),        QLatin1String("team_id"),         QLatin1String("team_domain"),
        QLatin1String("enterprise_id"), QLatin1String("enterprise_name"), QLatin1String("channel_id"),
        QLatin1String("channel_name"), QLatin1String("user_id"),         QLatin1String("user_name"),
        QLatin1String("command"),      QLatin1String("text"),            QLatin1String("api_app_id"),
        QLatin1String("is_enterprise_install"), QLatin1String("response_url"), QLatin1String("trigger_id")};
    return order;
}

QByteArray SlackHttpForm::formEncode(const QList<QPair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &field : fields) {
        if (!out.isEmpty())
            out += '&';
        out += encodeComponent(field.first);
        out += '=';
        out += encodeComponent(field.second);
    }
    return out;
}

Result<SlackHttpRequest> SlackHttpForm::fromFrame(const QByteArray &rawFrame)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(rawFrame, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error{QStringLiteral("not_json"), QStringLiteral("The captured frame is not a JSON object."), QString()};
    const QJsonObject envelope = doc.object();
    const QString type = envelope.value(QLatin1String("type")).toString();
    const QJsonValue payloadValue = envelope.value(QLatin1String("payload"));
    if (!payloadValue.isObject())
        return Error{QStringLiteral("no_payload"), QStringLiteral("The envelope has no payload object."), QString()};
    const QJsonObject payload = payloadValue.toObject();

    if (type == QLatin1String("slash_commands")) {
        QList<QPair<QString, QString>> fields;
        for (const QLatin1String &key : slashCommandFieldOrder()) {
            if (payload.contains(key))
                fields.append({QString(key), formValue(payload.value(key))});
        }
        for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
            if (!slashCommandFieldOrder().contains(QLatin1String(it.key().toLatin1())))
                fields.append({it.key(), formValue(it.value())});
        }
        return makeRequest(QStringLiteral("/api/plugins/chatops/slack/slash_command/"), kForm, formEncode(fields));
    }
    if (type == QLatin1String("interactive")) {
        const QString json = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
        SlackHttpRequest request = makeRequest(QStringLiteral("/api/plugins/chatops/slack/interaction/"), kForm,
                                               formEncode({{QStringLiteral("payload"), json}}));
        if (payload.value(QLatin1String("type")).toString() == QLatin1String("block_suggestion"))
            request.note = QStringLiteral("Slack sends block_suggestion to the app's Options Load URL, not to the "
                                          "interactivity Request URL.");
        return request;
    }
    if (type == QLatin1String("events_api")) {
        SlackHttpRequest request = makeRequest(QStringLiteral("/api/plugins/chatops/slack/event/"), kJson,
                                               QJsonDocument(payload).toJson(QJsonDocument::Compact));
        const int retry = envelope.value(QLatin1String("retry_attempt")).toInt();
        if (retry > 0) {
            QString reason = envelope.value(QLatin1String("retry_reason")).toString();
            if (reason == QLatin1String("timeout") || reason.isEmpty())
                reason = QStringLiteral("http_timeout");
            request.headers.append({QByteArrayLiteral("X-Slack-Retry-Num"), QByteArray::number(retry)});
            request.headers.append({QByteArrayLiteral("X-Slack-Retry-Reason"), reason.toUtf8()});
        }
        return request;
    }
    return Error{QStringLiteral("no_http_equivalent"),
                 QStringLiteral("Envelope type \"%1\" has no HTTP delivery equivalent.").arg(type), QString()};
}

QString SlackHttpRequest::toDisplayText() const
{
    QString text = QStringLiteral("POST %1 HTTP/1.1\n").arg(path);
    for (const auto &header : headers)
        text += QString::fromUtf8(header.first) + QStringLiteral(": ") + QString::fromUtf8(header.second)
                + QLatin1Char('\n');
    text += QStringLiteral("Content-Length: %1\n\n").arg(body.size());
    text += QString::fromUtf8(body);
    return text;
}

} // namespace socketscope
