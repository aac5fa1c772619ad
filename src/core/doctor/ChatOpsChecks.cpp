#include "doctor/ChatOpsChecks.h"

#include "doctor/DoctorChecks.h"
#include "doctor/DoctorContext.h"
#include "doctor/HttpProbe.h"
#include "doctor/NautobotAccess.h"
#include "nautobot/SlackSignature.h"
#include "util/Json.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <memory>

namespace socketscope {

namespace {

const QString kSlashCommandPath = QStringLiteral("api/plugins/chatops/slack/slash_command/");
// Slack gives up on a webhook after 3 s (operation_timeout); warn well before that.
constexpr qint64 kSlowAnswerMs = 2000;

QString enableSlackFix()
{
    return QStringLiteral(
        "In nautobot_config.py set PLUGINS_CONFIG[\"nautobot_chatops\"][\"enable_slack\"] = True (since "
        "ChatOps 3.0 also Admin → Config → nautobot_chatops__enable_slack; PLUGINS_CONFIG wins), make "
        "sure \"nautobot_chatops\" is in PLUGINS, and restart Nautobot.");
}

QString describeRow(const QJsonObject &row)
{
    return QStringLiteral("%1: %2 %3 by %4 (%5): \"%6\"")
        .arg(row.value(QLatin1String("start_time")).toString(), row.value(QLatin1String("command")).toString(),
             row.value(QLatin1String("subcommand")).toString(), row.value(QLatin1String("user_name")).toString(),
             row.value(QLatin1String("user_id")).toString(), row.value(QLatin1String("details")).toString());
}

} // namespace

SlackEndpointsEnabledCheck::SlackEndpointsEnabledCheck()
    : DoctorCheck({DoctorChecks::kSlackEndpoints,
                   QStringLiteral("ChatOps Slack endpoints enabled"),
                   {DoctorChecks::kNautobotReachable},
                   {}})
{}

void SlackEndpointsEnabledCheck::run()
{
    const QUrl url = context().profile.nautobotUrl.resolved(QUrl(kSlashCommandPath));
    const int timeoutMs = context().chatOpsTimeoutMs;
    HttpProbe::send(
        scope(), context(), "POST", url, {{"Content-Type", "application/x-www-form-urlencoded"}}, {}, timeoutMs,
        [this, url, timeoutMs](const HttpProbeAnswer &a) {
            const QString where = url.path();
            if (a.status == 401) {
                const QString summary =
                    QStringLiteral("POST %1 without a signature: 401 \"%2\" in %3 ms, so the Slack "
                                   "endpoints are enabled (SocketScope replay and Bridge deliver here).")
                        .arg(where, QString::fromLatin1(a.reason))
                        .arg(a.latencyMs);
                if (a.latencyMs > kSlowAnswerMs) {
                    warn(summary +
                             QStringLiteral(" That is slow: Slack gives up on webhooks after 3 s (operation_timeout)."),
                         QStringLiteral(
                             "Look at the load of Nautobot's web service, database and Redis; the ChatOps views "
                             "check grants, write the command log and enqueue before answering."));
                    return;
                }
                pass(summary);
                return;
            }
            if (a.status == 404) {
                fail(QStringLiteral(
                         "POST %1: 404 — enable_slack is False or the ChatOps app is not installed, so Nautobot "
                         "has no Slack endpoints.")
                         .arg(where),
                     enableSlackFix());
                return;
            }
            if (a.status == 0) {
                fail(QStringLiteral("POST %1: %2.%3")
                         .arg(where, HttpProbe::describeFailure(a, timeoutMs),
                              a.timedOut ? QStringLiteral(" Slack would report operation_timeout for such a delivery.")
                                         : QString()),
                     QStringLiteral(
                         "Check Nautobot's web service (workers busy or hung), its database and Redis, and any "
                         "proxy between SocketScope and Nautobot."));
                return;
            }
            if (a.status >= 300 && a.status < 400) {
                fail(QStringLiteral("POST %1: HTTP %2 redirect to %3.")
                         .arg(where)
                         .arg(a.status)
                         .arg(QString::fromUtf8(a.header("location"))),
                     QStringLiteral(
                         "The ChatOps URLs need the trailing slash and must not sit behind a login redirect; use "
                         "the Nautobot root URL the redirect names."));
                return;
            }
            fail(QStringLiteral("POST %1: unexpected HTTP %2 \"%3\" (%4).")
                     .arg(where)
                     .arg(a.status)
                     .arg(QString::fromLatin1(a.reason), json::excerpt(a.body, 80)),
                 QStringLiteral(
                     "An unsigned request must get 401 from ChatOps; check that no proxy answers instead and see "
                     "Nautobot's web service log."));
        });
}

SigningSecretMatchesCheck::SigningSecretMatchesCheck()
    : DoctorCheck({DoctorChecks::kSignature,
                   QStringLiteral("Signing secret matches Nautobot's"),
                   {DoctorChecks::kSlackEndpoints, DoctorChecks::kSigningSecret},
                   {}})
{}

void SigningSecretMatchesCheck::run()
{
    const QUrl url = context().profile.nautobotUrl.resolved(QUrl(kSlashCommandPath));
    // No `command` field: ChatOps checks the signature, then stops with "No command specified".
    const QByteArray body = QByteArrayLiteral("text=socketscope-doctor-probe");
    const QByteArray timestamp = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    const QByteArray signature =
        SlackSignature::sign(context().secret(SecretKind::SlackSigningSecret).value().toUtf8(), timestamp, body);
    const int timeoutMs = context().chatOpsTimeoutMs;
    HttpProbe::send(
        scope(), context(), "POST", url,
        {{"Content-Type", "application/x-www-form-urlencoded"},
         {"X-Slack-Request-Timestamp", timestamp},
         {"X-Slack-Signature", signature}},
        body, timeoutMs, [this, url, timeoutMs](const HttpProbeAnswer &a) {
            const QString where = url.path();
            if (a.status == 200 && a.body.contains("No command specified")) {
                pass(QStringLiteral("A signed POST %1 without a command got 200 \"No command specified\": Nautobot's "
                                    "slack_signing_secret matches.")
                         .arg(where));
                return;
            }
            const QString fix =
                QStringLiteral("Copy the signing secret from the Slack app settings, Basic Information → App "
                               "Credentials → Signing Secret, "
                               "into Nautobot's PLUGINS_CONFIG[\"nautobot_chatops\"][\"slack_signing_secret\"] (the "
                               "SLACK_SIGNING_SECRET "
                               "environment variable of the web service) and into SocketScope (keychain or "
                               "SOCKETSCOPE_SLACK_SIGNING_SECRET), then restart Nautobot.");
            if (a.status == 401) {
                fail(QStringLiteral("A signed POST %1 got 401 \"%2\": Nautobot's slack_signing_secret differs from "
                                    "SocketScope's, so replayed and bridged commands are refused.")
                         .arg(where, a.reason.isEmpty() ? QStringLiteral("Incorrect signature")
                                                        : QString::fromLatin1(a.reason)),
                     fix);
                return;
            }
            if (a.status == 0) {
                fail(QStringLiteral("A signed POST %1: %2.").arg(where, HttpProbe::describeFailure(a, timeoutMs)),
                     QStringLiteral(
                         "Check Nautobot's web service, database and Redis; the unsigned probe worked, so the "
                         "path is open."));
                return;
            }
            if (a.status >= 500) {
                fail(QStringLiteral(
                         "A signed POST %1 made Nautobot fail with HTTP %2; an unset slack_signing_secret (None) "
                         "raises there.")
                         .arg(where)
                         .arg(a.status),
                     fix);
                return;
            }
            fail(QStringLiteral("A signed POST %1 got HTTP %2 (\"%3\") instead of 200 \"No command specified\".")
                     .arg(where)
                     .arg(a.status)
                     .arg(json::excerpt(a.body, 80)),
                 fix);
        });
}

AccessGrantsCheck::AccessGrantsCheck()
    : DoctorCheck({DoctorChecks::kAccessGrants,
                   QStringLiteral("Access grants allow the slash command"),
                   {DoctorChecks::kChatOpsApp},
                   {DoctorChecks::kBotToken}})
{}

QString AccessGrantsCheck::chatOpsCommand(const QString &slashCommand)
{
    QString name = slashCommand.trimmed();
    while (name.startsWith(QLatin1Char('/')))
        name.remove(0, 1);
    // ChatOps command names never contain '-', so a prefix such as "network2-" ends at the last one.
    const int dash = name.lastIndexOf(QLatin1Char('-'));
    if (dash >= 0)
        name = name.mid(dash + 1);
    return name.isEmpty() ? QStringLiteral("nautobot") : name;
}

bool AccessGrantsCheck::looksLikeSlackId(const QString &value)
{
    static const QRegularExpression id(QStringLiteral("^[TCGDUWE][A-Z0-9]{2,}$"));
    return id.match(value).hasMatch();
}

void AccessGrantsCheck::run()
{
    const QString command = chatOpsCommand(context().profile.slashCommand);
    const QString slash = context().profile.slashCommand;
    NautobotClient *client = NautobotAccess::client(scope(), context());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
    client->getAll(
        QStringLiteral("api/plugins/chatops/accessgrant/"), query, scope(),
        [this, command, slash](const Result<NautobotList> &list) {
            if (!list) {
                fail(QStringLiteral("The access grants could not be read: %1").arg(list.error().message),
                     list.error().code == QLatin1String("nautobot_permission_denied")
                         ? QStringLiteral("Give the token's user the permission nautobot_chatops.view_accessgrant.")
                         : list.error().fix);
                return;
            }
            const QStringList types{QStringLiteral("organization"), QStringLiteral("channel"), QStringLiteral("user")};
            QHash<QString, QStringList> valuesByType;
            QStringList nameLike;
            for (const QJsonObject &grant : list->results) {
                const QString grantCommand = grant.value(QLatin1String("command")).toString();
                if (grantCommand != QLatin1String("*") && grantCommand != command)
                    continue;
                const QString type = grant.value(QLatin1String("grant_type")).toString();
                const QString value = grant.value(QLatin1String("value")).toString();
                valuesByType[type].append(value);
                if (value != QLatin1String("*") && !looksLikeSlackId(value))
                    nameLike.append(QStringLiteral("%1 \"%2\"").arg(type, value));
            }
            const QString grantsUi = QStringLiteral("In Nautobot, Plugins → Chatops → Access Grants "
                                                    "(/plugins/chatops/access-grant/)");
            QStringList missing;
            for (const QString &type : types) {
                if (valuesByType.value(type).isEmpty())
                    missing.append(type);
            }
            if (missing.size() == types.size()) {
                fail(QStringLiteral(
                         "No access grant covers %1 (command \"%2\" or \"*\"; %3 grant(s) in total). ChatOps denies "
                         "everything by default, so every %1 is answered \"not permitted\" and logged as blocked.")
                         .arg(slash, command)
                         .arg(list->results.size()),
                     QStringLiteral("%1: add grants with command \"%2\" (or \"*\") and subcommand \"*\" of each type: "
                                    "organization (value: the workspace ID T…, or *), channel (C…/G…, or *) and user "
                                    "(U…/W…, or *).")
                         .arg(grantsUi, command));
                return;
            }
            if (!missing.isEmpty()) {
                fail(QStringLiteral(
                         "Grants for \"%1\" exist, but none of type %2; organization, channel and user grants "
                         "must all match, so %3 is denied for everyone.")
                         .arg(command, missing.join(QStringLiteral(", ")), slash),
                     QStringLiteral("%1: add a grant of type %2 for command \"%3\" (value: a Slack ID, or * for all).")
                         .arg(grantsUi, missing.join(QStringLiteral(" and ")), command));
                return;
            }
            const QString teamId = facts().teamId;
            const QStringList orgValues = valuesByType.value(QStringLiteral("organization"));
            if (!teamId.isEmpty() && !orgValues.contains(QStringLiteral("*")) && !orgValues.contains(teamId)) {
                fail(QStringLiteral("The organization grants for \"%1\" name %2, but the bot's workspace is %3 (from "
                                    "auth.test), so %4 is denied there.")
                         .arg(command, orgValues.join(QStringLiteral(", ")), teamId, slash),
                     QStringLiteral("%1: add an organization grant for command \"%2\" with value %3 (or *).")
                         .arg(grantsUi, command, teamId));
                return;
            }
            QStringList summary;
            for (const QString &type : types)
                summary.append(
                    QStringLiteral("%1 (%2)").arg(type, valuesByType.value(type).join(QStringLiteral(", "))));
            const QString found =
                QStringLiteral("Grants for \"%1\": %2.").arg(command, summary.join(QStringLiteral("; ")));
            if (!nameLike.isEmpty()) {
                warn(found + QStringLiteral(" These values look like names, not Slack IDs, and never match: %1.")
                                 .arg(nameLike.join(QStringLiteral(", "))),
                     QStringLiteral(
                         "%1: grants match Slack IDs only — replace each name with the ID (workspace T…, channel "
                         "C…/G…, user U…/W…; in Slack: channel or profile → ⋮ → Copy ID), or use * for all.")
                         .arg(grantsUi));
                return;
            }
            pass(found +
                 (teamId.isEmpty() ? QString() : QStringLiteral(" The bot's workspace %1 is covered.").arg(teamId)));
        });
}

CommandLogCheck::CommandLogCheck()
    : DoctorCheck({DoctorChecks::kCommandLog,
                   QStringLiteral("No recent blocked or errored commands"),
                   {DoctorChecks::kChatOpsApp},
                   {}})
{}

void CommandLogCheck::run()
{
    NautobotClient *client = NautobotAccess::client(scope(), context());
    const QString since = QDateTime::currentDateTimeUtc().addDays(-kLookbackDays).toString(Qt::ISODate);
    struct Found
    {
        int pending = 2;
        std::optional<Error> error;
        QHash<QString, QPair<int, QVector<QJsonObject>>> byStatus; // status → (count, newest rows)
    };
    auto found = std::make_shared<Found>();
    auto conclude = [this, found] {
        if (--found->pending > 0)
            return;
        if (found->error) {
            fail(QStringLiteral("The command log could not be read: %1").arg(found->error->message),
                 found->error->code == QLatin1String("nautobot_permission_denied")
                     ? QStringLiteral("Give the token's user the permission nautobot_chatops.view_commandlog.")
                     : found->error->fix);
            return;
        }
        const auto blocked = found->byStatus.value(QStringLiteral("blocked"));
        const auto errored = found->byStatus.value(QStringLiteral("errored"));
        if (blocked.first == 0 && errored.first == 0) {
            pass(QStringLiteral("No blocked or errored commands in the last %1 days.").arg(kLookbackDays));
            return;
        }
        QStringList parts;
        QStringList fixes;
        if (blocked.first > 0) {
            parts.append(
                QStringLiteral("%1 blocked, newest %2").arg(blocked.first).arg(describeRow(blocked.second.first())));
            fixes.append(QStringLiteral("Blocked: in Nautobot, Plugins → Chatops → Access Grants, add a grant for the "
                                        "organization, channel or user the details name (by Slack ID)."));
        }
        if (errored.first > 0) {
            parts.append(
                QStringLiteral("%1 errored, newest %2").arg(errored.first).arg(describeRow(errored.second.first())));
            fixes.append(
                QStringLiteral("Errored: read the Celery worker's log for the exception; database errors such as "
                               "\"server closed the connection\" are fixed in nautobot-chatops 3.1.3 (#355), "
                               "otherwise restart the worker."));
        }
        warn(QStringLiteral("In the last %1 days: %2.").arg(kLookbackDays).arg(parts.join(QStringLiteral("; "))),
             fixes.join(QLatin1Char(' ')));
    };
    for (const QString &status : {QStringLiteral("blocked"), QStringLiteral("errored")}) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("status"), status);
        query.addQueryItem(QStringLiteral("start_time__gte"), since);
        query.addQueryItem(QStringLiteral("sort"), QStringLiteral("-start_time"));
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("3"));
        // One page: "count" gives the total, the page the newest rows.
        client->get(QStringLiteral("api/plugins/chatops/commandlog/"), query, scope(),
                    [found, status, conclude](const Result<NautobotReply> &reply) {
                        if (!reply) {
                            if (!found->error)
                                found->error = reply.error();
                        } else {
                            QVector<QJsonObject> rows;
                            for (const QJsonValue &row : reply->json.value(QLatin1String("results")).toArray())
                                rows.append(row.toObject());
                            const int count = reply->json.value(QLatin1String("count")).toInt(rows.size());
                            found->byStatus.insert(status, {rows.isEmpty() ? 0 : count, rows});
                        }
                        conclude();
                    });
    }
}

} // namespace socketscope
