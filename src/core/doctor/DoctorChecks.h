#pragma once

#include "doctor/DoctorCheck.h"

#include <memory>
#include <vector>

namespace socketscope {

// The standard check set and the ids a front end or test can rely on.
namespace DoctorChecks {

inline const QString kKeychain = QStringLiteral("keychain");
inline const QString kCaBundle = QStringLiteral("tls.ca_bundle");
inline const QString kAppTokenSecret = QStringLiteral("secret.slack_app_token");
inline const QString kBotTokenSecret = QStringLiteral("secret.slack_bot_token");
inline const QString kSigningSecret = QStringLiteral("secret.slack_signing_secret");
inline const QString kNautobotTokenSecret = QStringLiteral("secret.nautobot_token");
inline const QString kAppToken = QStringLiteral("slack.app_token");
inline const QString kSocket = QStringLiteral("slack.socket");
inline const QString kBotToken = QStringLiteral("slack.bot_token");
inline const QString kBotScopes = QStringLiteral("slack.bot_scopes");
inline const QString kNautobotReachable = QStringLiteral("nautobot.reachable");
inline const QString kNautobotToken = QStringLiteral("nautobot.token");
inline const QString kChatOpsApp = QStringLiteral("nautobot.chatops_app");
inline const QString kCeleryWorkers = QStringLiteral("nautobot.celery_workers");
inline const QString kSlackEndpoints = QStringLiteral("chatops.slack_endpoints");
inline const QString kSignature = QStringLiteral("chatops.signing_secret");
inline const QString kAccessGrants = QStringLiteral("chatops.access_grants");
inline const QString kCommandLog = QStringLiteral("chatops.command_log");

// Every check, in report order.
std::vector<std::unique_ptr<DoctorCheck>> standard();
QStringList standardIds();

// The bot scopes of the Nautobot ChatOps Slack app manifest (setup_files/nautobot_slack_manifest.yml).
QStringList manifestBotScopes();

} // namespace DoctorChecks

} // namespace socketscope
