#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace socketscope {

enum class SecretKind { SlackAppToken, SlackBotToken, SlackSigningSecret, NautobotToken, ProxyPassword };

QList<SecretKind> allSecretKinds();
// Stable identifier used in keychain keys ("<profile>/<id>"); never translated, never changed.
QString secretKindId(SecretKind kind);
// What the operator calls it, for messages ("Slack app-level token").
QString secretKindLabel(SecretKind kind);
// The SOCKETSCOPE_* variable that overrides the keychain; empty when there is none (proxy password).
QString secretKindEnvVar(SecretKind kind);

} // namespace socketscope

Q_DECLARE_METATYPE(socketscope::SecretKind)
