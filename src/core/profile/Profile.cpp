#include "profile/Profile.h"

namespace socketscope {

namespace {

Error profileError(const QString &code, const QString &message, const QString &fix)
{
    return Error{code, message, fix};
}

// An http(s) URL with a host; anything else would only fail later, at connect time, with a vaguer error.
Result<void> validateHttpUrl(const QUrl &url, const QString &what, const QString &example)
{
    if (!url.isValid()) {
        return profileError(QStringLiteral("bad_url"),
                            what + QStringLiteral(" is not a valid URL (") + url.errorString()
                                + QStringLiteral(")."),
                            QStringLiteral("Enter a full URL such as ") + example + QStringLiteral("."));
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http")) {
        return profileError(QStringLiteral("bad_url"),
                            what + QStringLiteral(" must start with https:// (or http:// for a local "
                                                  "simulator); got scheme \"")
                                + url.scheme() + QStringLiteral("\"."),
                            QStringLiteral("Enter a full URL such as ") + example + QStringLiteral("."));
    }
    if (url.host().isEmpty()) {
        return profileError(QStringLiteral("bad_url"), what + QStringLiteral(" has no host name."),
                            QStringLiteral("Enter a full URL such as ") + example + QStringLiteral("."));
    }
    if (!url.userInfo().isEmpty()) {
        // Credentials in a URL would end up in the settings file in plain text.
        return profileError(QStringLiteral("bad_url"),
                            what + QStringLiteral(" contains a user name or password."),
                            QStringLiteral("Remove the credentials from the URL; tokens go to the keychain."));
    }
    return {};
}

} // namespace

QString proxyKindName(ProxySettings::Kind kind)
{
    switch (kind) {
    case ProxySettings::Kind::System: return QStringLiteral("system");
    case ProxySettings::Kind::None: return QStringLiteral("none");
    case ProxySettings::Kind::Http: return QStringLiteral("http");
    case ProxySettings::Kind::Socks5: return QStringLiteral("socks5");
    }
    return QStringLiteral("system");
}

Result<ProxySettings::Kind> proxyKindFromName(const QString &name)
{
    for (auto k : {ProxySettings::Kind::System, ProxySettings::Kind::None, ProxySettings::Kind::Http,
                   ProxySettings::Kind::Socks5}) {
        if (proxyKindName(k) == name)
            return k;
    }
    return Error{QStringLiteral("bad_proxy_kind"),
                 QStringLiteral("Unknown proxy kind \"") + name + QStringLiteral("\"."),
                 QStringLiteral("Use system, none, http or socks5.")};
}

QString profileModeName(Profile::Mode mode)
{
    return mode == Profile::Mode::Bridge ? QStringLiteral("bridge") : QStringLiteral("dedicated");
}

Result<Profile::Mode> profileModeFromName(const QString &name)
{
    if (name == QLatin1String("dedicated"))
        return Profile::Mode::Dedicated;
    if (name == QLatin1String("bridge"))
        return Profile::Mode::Bridge;
    return Error{QStringLiteral("bad_mode"), QStringLiteral("Unknown mode \"") + name + QStringLiteral("\"."),
                 QStringLiteral("Use dedicated or bridge.")};
}

Result<void> validateProfileName(const QString &name)
{
    if (name.trimmed().isEmpty()) {
        return profileError(QStringLiteral("empty_name"), QStringLiteral("The profile name is empty."),
                            QStringLiteral("Give the profile a name, e.g. the Slack workspace name."));
    }
    if (name != name.trimmed()) {
        return profileError(QStringLiteral("bad_name"),
                            QStringLiteral("The profile name starts or ends with spaces."),
                            QStringLiteral("Remove the leading and trailing spaces."));
    }
    if (name.size() > 64) {
        return profileError(QStringLiteral("bad_name"),
                            QStringLiteral("The profile name is longer than 64 characters."),
                            QStringLiteral("Use a shorter name."));
    }
    for (const QChar c : name) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.category() == QChar::Other_Control) {
            return profileError(QStringLiteral("bad_name"),
                                QStringLiteral("The profile name contains '/', '\\' or a control character."),
                                QStringLiteral("Use letters, digits, spaces, '-', '_' or '.'."));
        }
    }
    return {};
}

Result<void> Profile::validate() const
{
    if (auto r = validateProfileName(name); !r)
        return r;
    if (auto r = validateHttpUrl(slackApiUrl, QStringLiteral("The Slack API URL"),
                                 QStringLiteral("https://slack.com/api/"));
        !r)
        return r;
    if (!nautobotUrl.isEmpty()) {
        if (auto r = validateHttpUrl(nautobotUrl, QStringLiteral("The Nautobot URL"),
                                     QStringLiteral("https://nautobot.example.com/"));
            !r)
            return r;
    }
    if (proxy.isExplicit()) {
        if (proxy.host.trimmed().isEmpty() || proxy.host.contains(QLatin1Char('/'))
            || proxy.host.contains(QLatin1Char(' '))) {
            return profileError(QStringLiteral("bad_proxy"),
                                QStringLiteral("The proxy host is empty or not a host name."),
                                QStringLiteral("Enter only the proxy's host name or IP address, e.g. "
                                               "proxy.example.com, and the port separately."));
        }
        if (proxy.port == 0) {
            return profileError(QStringLiteral("bad_proxy"), QStringLiteral("The proxy port is not set."),
                                QStringLiteral("Enter the proxy port, e.g. 3128 or 8080 (HTTP) or 1080 "
                                               "(SOCKS5)."));
        }
    }
    const QString cmd = slashCommand.trimmed();
    if (cmd.size() < 2 || !cmd.startsWith(QLatin1Char('/')) || cmd.contains(QLatin1Char(' '))
        || cmd != slashCommand) {
        return profileError(QStringLiteral("bad_slash_command"),
                            QStringLiteral("The slash command must start with '/' and contain no spaces."),
                            QStringLiteral("Use the command registered in the Slack app, e.g. /nautobot."));
    }
    return {};
}

bool Profile::operator==(const Profile &o) const
{
    return name == o.name && slackApiUrl == o.slackApiUrl && nautobotUrl == o.nautobotUrl && mode == o.mode
        && proxy == o.proxy && caBundlePath == o.caBundlePath && slashCommand == o.slashCommand;
}

} // namespace socketscope
