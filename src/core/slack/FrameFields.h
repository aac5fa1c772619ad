#pragma once

// What parseFrame reads from a frame, and the two readers that fill it: Qt's QJsonDocument (the
// reference semantics) and RapidJSON's SAX reader (fast, 3.5-4.2 us for a 1 KB frame instead of
// 14-16 us). Internal to src/core/slack; Envelope.cpp turns Fields into a Frame.

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace socketscope::frame {

// The values parseFrame reads, as Qt's accessors give them: absent or another type reads as empty,
// 0 or false; with duplicate keys the last one counts (as in QJsonObject).
struct ActionFields
{
    QString actionId;
    QString value;
    QString selectedOptionValue;
};

struct EventFields
{
    QString type;
    QString channel;
    QString user;
    QString text;
};

struct PayloadFields
{
    QString command, teamId, channelId, userId, text, type, callbackId, eventId; // payload.<key>
    QString teamObjectId, userObjectId, channelObjectId; // payload.team.id, payload.user.id, payload.channel.id
    QString containerChannelId;
    bool hasActions = false; // payload.actions is a non-empty array
    ActionFields firstAction; // payload.actions[0], if it is an object
    bool hasView = false; // payload contains "view", whatever its value
    QString viewCallbackId;
    EventFields event;
};

struct Fields
{
    bool hasEnvelopeId = false;
    bool envelopeIdIsString = false;
    QString envelopeId;
    bool typeIsString = false;
    QString type;
    bool acceptsResponsePayload = false;
    int retryAttempt = 0;
    QString retryReason;
    int numConnections = 0;
    QString reason;
    QString debugHost; // debug_info.host
    int approximateConnectionTimeS = 0; // debug_info.approximate_connection_time
    QString appId; // connection_info.app_id
    PayloadFields payload;
};

// Reads fields from a parsed object, as QJsonObject's accessors give them.
Fields fieldsOf(const QJsonObject &o);

// Reads fields with RapidJSON. False when the frame needs Qt's verdict (see FrameFields.cpp): then
// nothing in `fields` may be used. isArray: the frame is a JSON array (fields stay empty).
bool readFieldsFast(const QByteArray &bytes, Fields &fields, bool &isArray);

} // namespace socketscope::frame
