#include "slack/Envelope.h"

#include "slack/FrameFields.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace socketscope {

namespace {

using frame::ActionFields;
using frame::Fields;
using frame::PayloadFields;

// Text shown in the table: short, single line.
QString summarise(QString text)
{
    text = text.simplified();
    constexpr int kMax = 200;
    if (text.size() > kMax)
        text = text.left(kMax) + QStringLiteral("…");
    return text;
}

void fillSlashCommand(Envelope &e, const PayloadFields &p)
{
    e.subtype = p.command;
    e.teamId = p.teamId;
    e.channelId = p.channelId;
    e.userId = p.userId;
    e.text = summarise(p.text);
}

void fillInteractive(Envelope &e, const PayloadFields &p)
{
    e.subtype = p.type;
    e.teamId = p.teamObjectId;
    e.userId = p.userObjectId;
    e.channelId = p.channelObjectId;
    if (e.channelId.isEmpty())
        e.channelId = p.containerChannelId;
    if (p.hasActions) {
        const ActionFields &action = p.firstAction;
        const QString &value = action.value.isEmpty() ? action.selectedOptionValue : action.value;
        e.text = summarise(action.actionId + QLatin1Char(' ') + value);
    } else if (p.hasView) {
        e.text = summarise(p.viewCallbackId);
    } else {
        e.text = summarise(p.callbackId);
    }
}

void fillEvent(Envelope &e, const PayloadFields &p)
{
    e.subtype = p.event.type;
    e.eventId = p.eventId;
    e.teamId = p.teamId;
    e.channelId = p.event.channel;
    e.userId = p.event.user;
    e.text = summarise(p.event.text);
}

Frame malformed(const QString &problem)
{
    Frame frame;
    frame.problem = problem;
    return frame;
}

Frame frameFrom(const Fields &f, const QByteArray &bytes, qint64 receivedUs)
{
    Frame frame;
    if (f.hasEnvelopeId) {
        if (!f.envelopeIdIsString || f.envelopeId.isEmpty())
            return malformed(QStringLiteral("envelope_id is not a non-empty string"));
        Envelope &e = frame.envelope;
        e.envelopeId = f.envelopeId;
        e.type = f.typeIsString ? f.type : QStringLiteral("(unknown)");
        e.receivedUs = receivedUs;
        e.raw = bytes;
        e.acceptsResponsePayload = f.acceptsResponsePayload;
        e.retryAttempt = f.retryAttempt;
        e.retryReason = f.retryReason;
        if (f.type == QLatin1String("slash_commands"))
            fillSlashCommand(e, f.payload);
        else if (f.type == QLatin1String("interactive"))
            fillInteractive(e, f.payload);
        else if (f.type == QLatin1String("events_api"))
            fillEvent(e, f.payload);
        frame.kind = Frame::Kind::Envelope;
        return frame;
    }
    if (f.type == QLatin1String("hello")) {
        frame.kind = Frame::Kind::Hello;
        frame.numConnections = f.numConnections;
        frame.host = f.debugHost;
        frame.approximateConnectionTimeS = f.approximateConnectionTimeS;
        frame.appId = f.appId;
        return frame;
    }
    if (f.type == QLatin1String("disconnect")) {
        frame.kind = Frame::Kind::Disconnect;
        frame.reason = f.reason;
        frame.host = f.debugHost;
        return frame;
    }
    return malformed(f.type.isEmpty() ? QStringLiteral("JSON object without type or envelope_id")
                                      : QStringLiteral("unknown message type \"%1\" without envelope_id").arg(f.type));
}

// Frames the fast reader leaves to Qt: Qt decides what is valid and words the error.
Frame parseWithQt(const QByteArray &bytes, qint64 receivedUs)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return malformed(QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!doc.isObject())
        return malformed(doc.isArray() ? QStringLiteral("a JSON array, not an object") : QStringLiteral("not a JSON object"));
    return frameFrom(frame::fieldsOf(doc.object()), bytes, receivedUs);
}

} // namespace

Frame parseFrame(const QByteArray &bytes, qint64 receivedUs)
{
    Fields fields;
    bool isArray = false;
    if (!frame::readFieldsFast(bytes, fields, isArray))
        return parseWithQt(bytes, receivedUs);
    if (isArray)
        return malformed(QStringLiteral("a JSON array, not an object"));
    return frameFrom(fields, bytes, receivedUs);
}

} // namespace socketscope
