#pragma once

#include "util/Result.h"

#include <QString>
#include <QUrl>

namespace socketscope {

// How one profile reaches the network. The proxy password is a secret: it lives in the keychain
// (SecretKind::ProxyPassword), never here.
struct ProxySettings
{
    enum class Kind { System, None, Http, Socks5 };
    Kind kind = Kind::System; // System = environment variables, then the OS configuration
    QString host;
    quint16 port = 0;
    QString user;             // empty = no proxy authentication

    bool isExplicit() const { return kind == Kind::Http || kind == Kind::Socks5; }
    bool operator==(const ProxySettings &o) const
    {
        return kind == o.kind && host == o.host && port == o.port && user == o.user;
    }
    bool operator!=(const ProxySettings &o) const { return !(*this == o); }
};

QString proxyKindName(ProxySettings::Kind kind);                 // "system" | "none" | "http" | "socks5"
Result<ProxySettings::Kind> proxyKindFromName(const QString &name);

// One Slack workspace + Nautobot pair the operator works with. A plain value: ProfileStore persists it.
// Holds no secret and no "secret is set" flag either (the keychain is the only truth for that).
struct Profile
{
    enum class Mode { Dedicated, Bridge };

    QString name;
    QUrl slackApiUrl{QStringLiteral("https://slack.com/api/")};
    QUrl nautobotUrl;         // empty until the operator configures Nautobot
    Mode mode = Mode::Dedicated;
    ProxySettings proxy;
    QString caBundlePath;     // optional PEM file or directory, added to the system CAs
    QString slashCommand = QStringLiteral("/nautobot");

    // Checks every field; the first problem is returned with a fix. Does not check name uniqueness.
    Result<void> validate() const;

    bool operator==(const Profile &o) const;
    bool operator!=(const Profile &o) const { return !(*this == o); }
};

QString profileModeName(Profile::Mode mode);                     // "dedicated" | "bridge"
Result<Profile::Mode> profileModeFromName(const QString &name);

// Name rules shared by add and rename. The name is part of the keychain key "<profile>/<kind>",
// so a '/' would make two profiles' keys ambiguous.
Result<void> validateProfileName(const QString &name);

} // namespace socketscope
