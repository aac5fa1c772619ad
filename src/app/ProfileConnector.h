#pragma once

#include "profile/Profile.h"
#include "slack/SocketModeClient.h"
#include "util/Result.h"

#include <QObject>

#include <functional>

namespace socketscope {

class SecretResolver;

// Turns a saved profile into ClientOptions for a real connection, without blocking: the app token
// (and in bridge mode the signing secret, and the proxy password when the proxy has a user) come from
// SecretResolver (environment variable first, then the keychain). Endpoint variables
// (SOCKETSCOPE_SLACK_API_URL, SOCKETSCOPE_NAUTOBOT_URL) override the profile as everywhere else.
class ProfileConnector : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<ClientOptions>)>;
    explicit ProfileConnector(SecretResolver *resolver, QObject *parent = nullptr);

    // mode: "dedicated" | "bridge" (the connection bar's choice). The callback runs later, while
    // `context` is alive. Errors carry the message and the fix (missing token, keychain unreachable).
    void prepare(const Profile &profile, const QString &mode, const QObject *context, Callback done);

    // The WebSocket URL the proxy is chosen for: Slack's wss host, or the simulator's own host.
    static QUrl socketUrlFor(const QUrl &apiUrl);

private:
    SecretResolver *m_resolver;
};

} // namespace socketscope
