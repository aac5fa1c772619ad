#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace socketscope {

// One Socket Mode envelope as captured: the exact frame plus the fields the inspector shows.
struct Envelope
{
    qint64 rowId = 0;          // capture row id, set by CaptureStore::insertEnvelopes
    qint64 sessionId = 0;
    int linkId = 0;            // SocketModeClient's link number (1, 2, …) within a session
    QString envelopeId;
    QString type;              // events_api | slash_commands | interactive | any unknown type kept raw
    QString subtype;           // slash command ("/nautobot"), event type ("app_mention") or interactive type
    QString teamId;
    QString channelId;
    QString userId;
    QString text;              // short summary: command text, message text, action value
    QString eventId;           // events_api payload.event_id (dedupe key)
    int retryAttempt = 0;
    QString retryReason;
    bool acceptsResponsePayload = false;
    bool duplicate = false;    // same event_id (or envelope_id) seen before in this capture
    qint64 receivedUs = 0;     // µs since epoch, when the frame arrived
    qint64 receivedSteadyUs = 0; // the same moment on the monotonic clock (not stored): ack latency base
    qint64 committedUs = 0;    // when the capture transaction holding it committed
    qint64 ackedUs = 0;        // when the ack frame was handed to the socket; 0 = not acked
    QString deliveryStatus;    // Bridge/replay outcome summary; empty when none
    QByteArray raw;            // the frame exactly as received (UTF-8 JSON)

    qint64 ackLatencyUs() const { return ackedUs > 0 ? ackedUs - receivedUs : -1; }
};

// What one text frame from Slack turned out to be.
struct Frame
{
    enum class Kind { Hello, Disconnect, Envelope, Malformed };
    Kind kind = Kind::Malformed;

    // Hello
    int numConnections = 0;
    QString host;
    QString appId;
    int approximateConnectionTimeS = 0;

    // Disconnect
    QString reason;

    // Envelope (kind == Envelope)
    Envelope envelope;

    // Malformed: why it could not be used; the raw bytes are kept by the caller
    QString problem;
};

// Parses one text frame. Never throws; anything unusable is Kind::Malformed with a reason.
// An object with an envelope_id is an Envelope even if its type is unknown (kept raw).
Frame parseFrame(const QByteArray &bytes, qint64 receivedUs);

} // namespace socketscope

Q_DECLARE_METATYPE(socketscope::Envelope)
