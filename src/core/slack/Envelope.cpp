#include "slack/Envelope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace socketscope {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// Text shown in the table: short, single line.
QString summarise(QString text)
{
    text = text.simplified();
    constexpr int kMax = 200;
    if (text.size() > kMax)
        text = text.left(kMax) + QStringLiteral("…");
    return text;
}

void fillSlashCommand(Envelope &e, const QJsonObject &p)
{
    e.subtype = str(p, "command");
    e.teamId = str(p, "team_id");
    e.channelId = str(p, "channel_id");
    e.userId = str(p, "user_id");
    e.text = summarise(str(p, "text"));
}

void fillInteractive(Envelope &e, const QJsonObject &p)
{
    e.subtype = str(p, "type");
    e.teamId = p.value(QLatin1String("team")).toObject().value(QLatin1String("id")).toString();
    e.userId = p.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString();
    e.channelId = p.value(QLatin1String("channel")).toObject().value(QLatin1String("id")).toString();
    if (e.channelId.isEmpty())
        e.channelId = p.value(QLatin1String("container")).toObject().value(QLatin1String("channel_id")).toString();
    const QJsonArray actions = p.value(QLatin1String("actions")).toArray();
    if (!actions.isEmpty()) {
        const QJsonObject action = actions.first().toObject();
        QString value = action.value(QLatin1String("value")).toString();
        if (value.isEmpty())
            value = action.value(QLatin1String("selected_option")).toObject().value(QLatin1String("value")).toString();
        e.text = summarise(str(action, "action_id") + QLatin1Char(' ') + value);
    } else if (p.contains(QLatin1String("view"))) {
        const QJsonObject view = p.value(QLatin1String("view")).toObject();
        e.text = summarise(str(view, "callback_id"));
    } else {
        e.text = summarise(str(p, "callback_id"));
    }
}

void fillEvent(Envelope &e, const QJsonObject &p)
{
    const QJsonObject event = p.value(QLatin1String("event")).toObject();
    e.subtype = str(event, "type");
    e.eventId = str(p, "event_id");
    e.teamId = str(p, "team_id");
    e.channelId = str(event, "channel");
    e.userId = str(event, "user");
    e.text = summarise(str(event, "text"));
}

} // namespace

Frame parseFrame(const QByteArray &bytes, qint64 receivedUs)
{
    Frame frame;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        frame.problem = QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return frame;
    }
    if (!doc.isObject()) {
        frame.problem = doc.isArray() ? QStringLiteral("a JSON array, not an object") : QStringLiteral("not a JSON object");
        return frame;
    }
    const QJsonObject o = doc.object();
    const QJsonValue typeValue = o.value(QLatin1String("type"));
    const QString type = typeValue.toString();

    if (o.contains(QLatin1String("envelope_id"))) {
        const QJsonValue idValue = o.value(QLatin1String("envelope_id"));
        if (!idValue.isString() || idValue.toString().isEmpty()) {
            frame.problem = QStringLiteral("envelope_id is not a non-empty string");
            return frame;
        }
        Envelope &e = frame.envelope;
        e.envelopeId = idValue.toString();
        e.type = typeValue.isString() ? type : QStringLiteral("(unknown)");
        e.receivedUs = receivedUs;
        e.raw = bytes;
        e.acceptsResponsePayload = o.value(QLatin1String("accepts_response_payload")).toBool();
        e.retryAttempt = o.value(QLatin1String("retry_attempt")).toInt();
        e.retryReason = o.value(QLatin1String("retry_reason")).toString();
        const QJsonObject payload = o.value(QLatin1String("payload")).toObject();
        if (type == QLatin1String("slash_commands"))
            fillSlashCommand(e, payload);
        else if (type == QLatin1String("interactive"))
            fillInteractive(e, payload);
        else if (type == QLatin1String("events_api"))
            fillEvent(e, payload);
        frame.kind = Frame::Kind::Envelope;
        return frame;
    }
    if (type == QLatin1String("hello")) {
        frame.kind = Frame::Kind::Hello;
        frame.numConnections = o.value(QLatin1String("num_connections")).toInt();
        const QJsonObject debug = o.value(QLatin1String("debug_info")).toObject();
        frame.host = str(debug, "host");
        frame.approximateConnectionTimeS = debug.value(QLatin1String("approximate_connection_time")).toInt();
        frame.appId = o.value(QLatin1String("connection_info")).toObject().value(QLatin1String("app_id")).toString();
        return frame;
    }
    if (type == QLatin1String("disconnect")) {
        frame.kind = Frame::Kind::Disconnect;
        frame.reason = str(o, "reason");
        frame.host = o.value(QLatin1String("debug_info")).toObject().value(QLatin1String("host")).toString();
        return frame;
    }
    frame.problem = type.isEmpty() ? QStringLiteral("JSON object without type or envelope_id")
                                   : QStringLiteral("unknown message type \"%1\" without envelope_id").arg(type);
    return frame;
}

} // namespace socketscope
