#include "secrets/SecretKind.h"

namespace socketscope {

QList<SecretKind> allSecretKinds()
{
    return {SecretKind::SlackAppToken, SecretKind::SlackBotToken, SecretKind::SlackSigningSecret,
            SecretKind::NautobotToken, SecretKind::ProxyPassword};
}

QString secretKindId(SecretKind kind)
{
    switch (kind) {
    case SecretKind::SlackAppToken: return QStringLiteral("slack_app_token");
    case SecretKind::SlackBotToken: return QStringLiteral("slack_bot_token");
    case SecretKind::SlackSigningSecret: return QStringLiteral("slack_signing_secret");
    case SecretKind::NautobotToken: return QStringLiteral("nautobot_token");
    case SecretKind::ProxyPassword: return QStringLiteral("proxy_password");
    }
    return QString();
}

QString secretKindLabel(SecretKind kind)
{
    switch (kind) {
    case SecretKind::SlackAppToken: return QStringLiteral("Slack app-level token");
    case SecretKind::SlackBotToken: return QStringLiteral("Slack bot token");
    case SecretKind::SlackSigningSecret: return QStringLiteral("Slack signing secret");
    case SecretKind::NautobotToken: return QStringLiteral("Nautobot API token");
    case SecretKind::ProxyPassword: return QStringLiteral("proxy password");
    }
    return QString();
}

QString secretKindEnvVar(SecretKind kind)
{
    switch (kind) {
    case SecretKind::SlackAppToken: return QStringLiteral("SOCKETSCOPE_SLACK_APP_TOKEN");
    case SecretKind::SlackBotToken: return QStringLiteral("SOCKETSCOPE_SLACK_BOT_TOKEN");
    case SecretKind::SlackSigningSecret: return QStringLiteral("SOCKETSCOPE_SLACK_SIGNING_SECRET");
    case SecretKind::NautobotToken: return QStringLiteral("SOCKETSCOPE_NAUTOBOT_TOKEN");
    case SecretKind::ProxyPassword: return QString();
    }
    return QString();
}

} // namespace socketscope
