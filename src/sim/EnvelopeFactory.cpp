#include "EnvelopeFactory.h"

#include "SlackSimulator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QUuid>

namespace socketscope::sim {

namespace {

QString randomString(const char *alphabet, int length)
{
    const QByteArray chars(alphabet);
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(chars.at(QRandomGenerator::global()->bounded(chars.size()))));
    return out;
}

QString digits(int length)
{
    return randomString("0123456789", length);
}

QString slackTs(qint64 nowUs, quint64 sequence)
{
    // Slack ts: seconds.microsecond-ish suffix, unique per message.
    return QStringLiteral("%1.%2").arg(nowUs / 1000000).arg((nowUs % 1000000 + sequence) % 1000000, 6, 10, QLatin1Char('0'));
}

QJsonObject plainText(const QString &text)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("plain_text")},
                       {QStringLiteral("text"), text},
                       {QStringLiteral("emoji"), true}};
}

struct Command
{
    const char *text;
};

// What operators type most often in Nautobot ChatOps.
const Command kCommands[] = {
    {"get-devices location ams01"}, {"get-devices role leaf"}, {"get-vlans site ams01"},
    {"get-interface-connections device ams01-leaf-01"}, {"get-circuits provider NTT"},
    {"get-rack ams01 ams01-101"}, {"about"}, {"get-device-facts ams01-edge-01"},
};

} // namespace

EnvelopeFactory::EnvelopeFactory(Identity identity) : m_id(std::move(identity)) {}

QString EnvelopeFactory::envelopeType(EnvelopeKind kind)
{
    switch (kind) {
    case EnvelopeKind::SlashCommand: return QStringLiteral("slash_commands");
    case EnvelopeKind::BlockActions:
    case EnvelopeKind::ViewSubmission: return QStringLiteral("interactive");
    case EnvelopeKind::AppMention:
    case EnvelopeKind::Message: return QStringLiteral("events_api");
    }
    return QStringLiteral("events_api");
}

bool EnvelopeFactory::acceptsResponsePayload(EnvelopeKind kind)
{
    // Observed values (reference §3.3): events false, slash true, view_submission true,
    // block_actions false in the SDK fixtures.
    return kind == EnvelopeKind::SlashCommand || kind == EnvelopeKind::ViewSubmission;
}

QJsonObject EnvelopeFactory::envelope(const QString &envelopeId, EnvelopeKind kind, const QJsonObject &payload,
                                      int retryAttempt)
{
    QJsonObject envelope{{QStringLiteral("envelope_id"), envelopeId},
                         {QStringLiteral("payload"), payload},
                         {QStringLiteral("type"), envelopeType(kind)},
                         {QStringLiteral("accepts_response_payload"), acceptsResponsePayload(kind)}};
    if (envelopeType(kind) == QLatin1String("events_api")) {
        envelope.insert(QStringLiteral("retry_attempt"), retryAttempt);
        envelope.insert(QStringLiteral("retry_reason"), retryAttempt > 0 ? QStringLiteral("timeout") : QString());
    }
    return envelope;
}

QJsonObject EnvelopeFactory::payload(EnvelopeKind kind)
{
    ++m_sequence;
    switch (kind) {
    case EnvelopeKind::SlashCommand: return slashCommand();
    case EnvelopeKind::BlockActions: return blockActions();
    case EnvelopeKind::ViewSubmission: return viewSubmission();
    case EnvelopeKind::AppMention: return appMention();
    case EnvelopeKind::Message: return message();
    }
    return {};
}

EnvelopeFactory::Actor EnvelopeFactory::pickActor()
{
    static const Actor actors[] = {
        {QStringLiteral("U0SIMUSR01"), QStringLiteral("alice.neteng"), QStringLiteral("C0SIMNOC01"), QStringLiteral("noc")},
        {QStringLiteral("U0SIMUSR02"), QStringLiteral("bob.ops"), QStringLiteral("C0SIMNET02"), QStringLiteral("network-changes")},
        {QStringLiteral("U0SIMUSR03"), QStringLiteral("carol.sre"), QStringLiteral("G0SIMPRV03"), QStringLiteral("privategroup")},
        {QStringLiteral("U0SIMUSR04"), QStringLiteral("dave.dc"), QStringLiteral("D0SIMDM004"), QStringLiteral("directmessage")},
    };
    return actors[m_sequence % (sizeof(actors) / sizeof(actors[0]))];
}

QString EnvelopeFactory::triggerId()
{
    return digits(13) + QLatin1Char('.') + digits(12) + QLatin1Char('.') + randomString("0123456789abcdef", 32);
}

QString EnvelopeFactory::hookUrl(const QString &kind)
{
    return QStringLiteral("%1/hooks/%2/%3/%4/%5")
        .arg(m_id.hooksBaseUrl, kind, m_id.teamId, digits(13),
             randomString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 24));
}

QJsonObject EnvelopeFactory::slashCommand()
{
    const Actor actor = pickActor();
    const Command &command = kCommands[m_sequence % (sizeof(kCommands) / sizeof(kCommands[0]))];
    // The HTTP form body as a JSON object of strings, incl. the string "false" (reference §3.3).
    return QJsonObject{
        {QStringLiteral("token"), QStringLiteral("SimVerificationToken0001")},
        {QStringLiteral("team_id"), m_id.teamId},
        {QStringLiteral("team_domain"), m_id.teamDomain},
        {QStringLiteral("channel_id"), actor.channelId},
        {QStringLiteral("channel_name"), actor.channelName},
        {QStringLiteral("user_id"), actor.userId},
        {QStringLiteral("user_name"), actor.userName},
        {QStringLiteral("command"), QStringLiteral("/nautobot")},
        {QStringLiteral("text"), QString::fromLatin1(command.text)},
        {QStringLiteral("api_app_id"), m_id.appId},
        {QStringLiteral("is_enterprise_install"), QStringLiteral("false")},
        {QStringLiteral("response_url"), hookUrl(QStringLiteral("commands"))},
        {QStringLiteral("trigger_id"), triggerId()},
    };
}

QJsonObject EnvelopeFactory::blockActions()
{
    const Actor actor = pickActor();
    const qint64 nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    const QString messageTs = slackTs(nowUs - 5000000, m_sequence);
    const QString actionId = QStringLiteral("nautobot get-devices location");
    const QJsonObject selected{{QStringLiteral("text"), plainText(QStringLiteral("ams01"))},
                               {QStringLiteral("value"), QStringLiteral("ams01")}};
    const QJsonObject element{{QStringLiteral("type"), QStringLiteral("static_select")},
                              {QStringLiteral("action_id"), actionId},
                              {QStringLiteral("placeholder"), plainText(QStringLiteral("Select a location"))}};
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("block_actions")},
        {QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), actor.userId},
                                             {QStringLiteral("username"), actor.userName},
                                             {QStringLiteral("name"), actor.userName},
                                             {QStringLiteral("team_id"), m_id.teamId}}},
        {QStringLiteral("api_app_id"), m_id.appId},
        {QStringLiteral("token"), QStringLiteral("SimVerificationToken0001")},
        {QStringLiteral("container"), QJsonObject{{QStringLiteral("type"), QStringLiteral("message")},
                                                  {QStringLiteral("message_ts"), messageTs},
                                                  {QStringLiteral("channel_id"), actor.channelId},
                                                  {QStringLiteral("is_ephemeral"), true}}},
        {QStringLiteral("trigger_id"), triggerId()},
        {QStringLiteral("team"), QJsonObject{{QStringLiteral("id"), m_id.teamId}, {QStringLiteral("domain"), m_id.teamDomain}}},
        {QStringLiteral("channel"), QJsonObject{{QStringLiteral("id"), actor.channelId}, {QStringLiteral("name"), actor.channelName}}},
        {QStringLiteral("response_url"), hookUrl(QStringLiteral("actions"))},
        {QStringLiteral("state"), QJsonObject{{QStringLiteral("values"), QJsonObject{
             {QStringLiteral("nautobot"), QJsonObject{{actionId, QJsonObject{{QStringLiteral("type"), QStringLiteral("static_select")},
                                                                               {QStringLiteral("selected_option"), selected}}}}}}}}},
        {QStringLiteral("message"), QJsonObject{{QStringLiteral("bot_id"), m_id.botId},
                                                {QStringLiteral("type"), QStringLiteral("message")},
                                                {QStringLiteral("text"), QStringLiteral("Select a location")},
                                                {QStringLiteral("user"), m_id.botUserId},
                                                {QStringLiteral("ts"), messageTs},
                                                {QStringLiteral("team"), m_id.teamId},
                                                {QStringLiteral("blocks"), QJsonArray{QJsonObject{
                                                     {QStringLiteral("type"), QStringLiteral("actions")},
                                                     {QStringLiteral("block_id"), QStringLiteral("nautobot")},
                                                     {QStringLiteral("elements"), QJsonArray{element}}}}}}},
        {QStringLiteral("actions"), QJsonArray{QJsonObject{
             {QStringLiteral("type"), QStringLiteral("static_select")},
             {QStringLiteral("action_id"), actionId},
             {QStringLiteral("block_id"), QStringLiteral("nautobot")},
             {QStringLiteral("selected_option"), selected},
             {QStringLiteral("placeholder"), plainText(QStringLiteral("Select a location"))},
             {QStringLiteral("action_ts"), slackTs(nowUs, m_sequence)}}}},
    };
}

QJsonObject EnvelopeFactory::viewSubmission()
{
    const Actor actor = pickActor();
    const QString viewId = QStringLiteral("V0SIM") + randomString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 6);
    const QJsonObject inputBlock{{QStringLiteral("type"), QStringLiteral("input")},
                                 {QStringLiteral("block_id"), QStringLiteral("device")},
                                 {QStringLiteral("label"), plainText(QStringLiteral("Device name"))},
                                 {QStringLiteral("element"), QJsonObject{{QStringLiteral("type"), QStringLiteral("plain_text_input")},
                                                                         {QStringLiteral("action_id"), QStringLiteral("device")}}}};
    const QJsonObject view{
        {QStringLiteral("id"), viewId},
        {QStringLiteral("team_id"), m_id.teamId},
        {QStringLiteral("type"), QStringLiteral("modal")},
        {QStringLiteral("blocks"), QJsonArray{inputBlock}},
        // Nautobot ChatOps keeps the command and the channel in private_metadata.
        {QStringLiteral("private_metadata"), QStringLiteral("{\"channel_id\": \"%1\"}").arg(actor.channelId)},
        {QStringLiteral("callback_id"), QStringLiteral("nautobot get-device-facts")},
        {QStringLiteral("state"), QJsonObject{{QStringLiteral("values"), QJsonObject{
             {QStringLiteral("device"), QJsonObject{{QStringLiteral("device"), QJsonObject{
                 {QStringLiteral("type"), QStringLiteral("plain_text_input")},
                 {QStringLiteral("value"), QStringLiteral("ams01-edge-01")}}}}}}}}},
        {QStringLiteral("hash"), QString(digits(9) + QLatin1Char('.') + randomString("0123456789abcdef", 8))},
        {QStringLiteral("title"), plainText(QStringLiteral("get-device-facts"))},
        {QStringLiteral("clear_on_close"), false},
        {QStringLiteral("notify_on_close"), false},
        {QStringLiteral("close"), QJsonValue::Null},
        {QStringLiteral("submit"), plainText(QStringLiteral("Submit"))},
        {QStringLiteral("previous_view_id"), QJsonValue::Null},
        {QStringLiteral("root_view_id"), viewId},
        {QStringLiteral("app_id"), m_id.appId},
        {QStringLiteral("external_id"), QString()},
        {QStringLiteral("app_installed_team_id"), m_id.teamId},
        {QStringLiteral("bot_id"), m_id.botId},
    };
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("view_submission")},
        {QStringLiteral("team"), QJsonObject{{QStringLiteral("id"), m_id.teamId}, {QStringLiteral("domain"), m_id.teamDomain}}},
        {QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), actor.userId},
                                             {QStringLiteral("username"), actor.userName},
                                             {QStringLiteral("name"), actor.userName},
                                             {QStringLiteral("team_id"), m_id.teamId}}},
        {QStringLiteral("api_app_id"), m_id.appId},
        {QStringLiteral("token"), QStringLiteral("SimVerificationToken0001")},
        {QStringLiteral("trigger_id"), triggerId()},
        {QStringLiteral("view"), view},
        {QStringLiteral("response_urls"), QJsonArray{}},
    };
}

QJsonObject EnvelopeFactory::eventCallback(const QJsonObject &event, const QString &channelId)
{
    const QString type = event.value(QStringLiteral("type")).toString();
    return QJsonObject{
        {QStringLiteral("token"), QStringLiteral("SimVerificationToken0001")},
        {QStringLiteral("team_id"), m_id.teamId},
        {QStringLiteral("api_app_id"), m_id.appId},
        {QStringLiteral("event"), event},
        {QStringLiteral("type"), QStringLiteral("event_callback")},
        {QStringLiteral("event_id"), QString(QStringLiteral("Ev0") + randomString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 9))},
        {QStringLiteral("event_time"), QDateTime::currentSecsSinceEpoch()},
        {QStringLiteral("authorizations"), QJsonArray{QJsonObject{{QStringLiteral("enterprise_id"), QJsonValue::Null},
                                                                  {QStringLiteral("team_id"), m_id.teamId},
                                                                  {QStringLiteral("user_id"), m_id.botUserId},
                                                                  {QStringLiteral("is_bot"), true},
                                                                  {QStringLiteral("is_enterprise_install"), false}}}},
        {QStringLiteral("is_ext_shared_channel"), false},
        {QStringLiteral("event_context"), QStringLiteral("4-%1-%2-%3").arg(type, m_id.teamId, channelId)},
    };
}

QJsonObject EnvelopeFactory::appMention()
{
    const Actor actor = pickActor();
    const QString ts = slackTs(QDateTime::currentMSecsSinceEpoch() * 1000, m_sequence);
    const QString text = QStringLiteral("<@%1> get-devices location ams01").arg(m_id.botUserId);
    const QJsonObject event{
        {QStringLiteral("client_msg_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("type"), QStringLiteral("app_mention")},
        {QStringLiteral("text"), text},
        {QStringLiteral("user"), actor.userId},
        {QStringLiteral("ts"), ts},
        {QStringLiteral("team"), m_id.teamId},
        {QStringLiteral("blocks"), QJsonArray{QJsonObject{
             {QStringLiteral("type"), QStringLiteral("rich_text")},
             {QStringLiteral("block_id"), randomString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 4)},
             {QStringLiteral("elements"), QJsonArray{QJsonObject{
                  {QStringLiteral("type"), QStringLiteral("rich_text_section")},
                  {QStringLiteral("elements"), QJsonArray{
                       QJsonObject{{QStringLiteral("type"), QStringLiteral("user")}, {QStringLiteral("user_id"), m_id.botUserId}},
                       QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), QStringLiteral(" get-devices location ams01")}}}}}}}}}},
        {QStringLiteral("channel"), actor.channelId},
        {QStringLiteral("event_ts"), ts},
    };
    return eventCallback(event, actor.channelId);
}

QJsonObject EnvelopeFactory::message()
{
    const Actor actor = pickActor();
    const QString ts = slackTs(QDateTime::currentMSecsSinceEpoch() * 1000, m_sequence);
    const QJsonObject event{
        {QStringLiteral("client_msg_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("type"), QStringLiteral("message")},
        {QStringLiteral("text"), QStringLiteral("nautobot get-vlans site ams01")},
        {QStringLiteral("user"), actor.userId},
        {QStringLiteral("ts"), ts},
        {QStringLiteral("team"), m_id.teamId},
        {QStringLiteral("channel"), QStringLiteral("D0SIMDM004")},
        {QStringLiteral("event_ts"), ts},
        {QStringLiteral("channel_type"), QStringLiteral("im")},
    };
    return eventCallback(event, QStringLiteral("D0SIMDM004"));
}

} // namespace socketscope::sim
