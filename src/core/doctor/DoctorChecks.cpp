#include "doctor/DoctorChecks.h"

#include "doctor/ChatOpsChecks.h"
#include "doctor/NautobotChecks.h"
#include "doctor/SecretChecks.h"
#include "doctor/SlackChecks.h"

namespace socketscope {

namespace DoctorChecks {

std::vector<std::unique_ptr<DoctorCheck>> standard()
{
    std::vector<std::unique_ptr<DoctorCheck>> checks;
    checks.push_back(std::make_unique<KeychainReachableCheck>());
    checks.push_back(std::make_unique<SecretPresentCheck>(kAppTokenSecret, SecretKind::SlackAppToken,
                                                          QStringLiteral("the Socket Mode connection"), true));
    checks.push_back(std::make_unique<SecretPresentCheck>(kBotTokenSecret, SecretKind::SlackBotToken,
                                                          QStringLiteral("auth.test and the bot scopes"), false));
    checks.push_back(std::make_unique<SecretPresentCheck>(kSigningSecret, SecretKind::SlackSigningSecret,
                                                          QStringLiteral("the signature checks against Nautobot"),
                                                          false));
    checks.push_back(std::make_unique<SecretPresentCheck>(
        kNautobotTokenSecret, SecretKind::NautobotToken,
        QStringLiteral("the Nautobot token, app, worker, grant and command log checks"), false));
    checks.push_back(std::make_unique<CaBundleCheck>());
    checks.push_back(std::make_unique<AppTokenAcceptedCheck>());
    checks.push_back(std::make_unique<SocketHelloCheck>());
    checks.push_back(std::make_unique<BotTokenAuthCheck>());
    checks.push_back(std::make_unique<BotScopesCheck>());
    checks.push_back(std::make_unique<NautobotReachableCheck>());
    checks.push_back(std::make_unique<NautobotTokenCheck>());
    checks.push_back(std::make_unique<ChatOpsInstalledCheck>());
    checks.push_back(std::make_unique<CeleryWorkersCheck>());
    checks.push_back(std::make_unique<SlackEndpointsEnabledCheck>());
    checks.push_back(std::make_unique<SigningSecretMatchesCheck>());
    checks.push_back(std::make_unique<AccessGrantsCheck>());
    checks.push_back(std::make_unique<CommandLogCheck>());
    return checks;
}

QStringList standardIds()
{
    QStringList ids;
    for (const auto &check : standard())
        ids.append(check->id());
    return ids;
}

QStringList manifestBotScopes()
{
    return {QStringLiteral("commands"),         QStringLiteral("chat:write"),        QStringLiteral("channels:read"),
            QStringLiteral("files:write"),      QStringLiteral("incoming-webhook"),  QStringLiteral("users:read"),
            QStringLiteral("users:read.email"), QStringLiteral("app_mentions:read"), QStringLiteral("groups:read"),
            QStringLiteral("im:read"),          QStringLiteral("mpim:read")};
}

} // namespace DoctorChecks

} // namespace socketscope
