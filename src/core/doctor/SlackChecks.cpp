#include "doctor/SlackChecks.h"

#include "doctor/DoctorChecks.h"
#include "doctor/DoctorContext.h"
#include "slack/SlackWebApi.h"
#include "slack/SocketLink.h"

#include <QPointer>
#include <memory>

namespace socketscope {

namespace {

// Slack's documented cap on concurrent Socket Mode connections per app.
constexpr int kMaxConnectionsPerApp = 10;

SlackWebApi *webApi(QObject *scope, const DoctorContext &context)
{
    auto *api = new SlackWebApi(context.profile.slackApiUrl, scope);
    api->setProxy(context.proxyFor(context.profile.slackApiUrl));
    if (context.profile.slackApiUrl.scheme() == QLatin1String("https"))
        api->setSslConfiguration(context.tls);
    api->setTimeoutMs(context.networkTimeoutMs);
    return api;
}

// A failure below HTTP (refused, DNS, timeout) on a proxied path is most often the proxy itself.
QString proxyFirst(const DoctorContext &context, const QUrl &url, const ApiReply &reply, const QString &fix)
{
    const ProxyChoice choice = context.proxyChoiceFor(url);
    if (reply.httpStatus != 0 || choice.isDirect())
        return fix;
    return QStringLiteral("The request went %1: check that this proxy runs and lets the connection through, or "
                          "correct the profile's proxy setting (or HTTPS_PROXY/NO_PROXY). ")
               .arg(choice.describe()) +
           fix;
}

QString proxyNote(const DoctorContext &context, const QUrl &url)
{
    const ProxyChoice choice = context.proxyChoiceFor(url);
    QString note = choice.describe();
    if (choice.problem)
        note += QStringLiteral(" — the configured proxy was not usable: ") + choice.problem->message;
    return note;
}

} // namespace

AppTokenAcceptedCheck::AppTokenAcceptedCheck()
    : DoctorCheck({DoctorChecks::kAppToken,
                   QStringLiteral("Slack accepts the app-level token"),
                   {DoctorChecks::kAppTokenSecret},
                   {}})
{}

void AppTokenAcceptedCheck::run()
{
    const QUrl apiUrl = context().profile.slackApiUrl;
    SlackWebApi *api = webApi(scope(), context());
    const QString path = proxyNote(context(), apiUrl);
    api->openConnection(
        context().secret(SecretKind::SlackAppToken).value(), scope(), [this, path](const ApiReply &reply) {
            if (!reply.ok()) {
                const Error &e = reply.failure().error;
                QString fix = e.fix;
                if (e.code == QLatin1String("invalid_auth") || e.code == QLatin1String("token_revoked") ||
                    e.code == QLatin1String("account_inactive") || e.code == QLatin1String("token_expired")) {
                    fix = QStringLiteral(
                        "In the Slack app settings, Basic Information → App-Level Tokens: generate a new "
                        "token with the connections:write scope and store it (keychain or "
                        "SOCKETSCOPE_SLACK_APP_TOKEN).");
                } else if (e.code == QLatin1String("missing_scope")) {
                    fix = QStringLiteral(
                        "In the Slack app settings, Basic Information → App-Level Tokens: the token needs "
                        "the connections:write scope; create a new token with it.");
                } else if (e.code == QLatin1String("not_allowed_token_type")) {
                    fix = QStringLiteral(
                        "Use the app-level token (xapp-…) from Basic Information → App-Level Tokens, not "
                        "the bot (xoxb-) or user (xoxp-) token.");
                } else if (fix.isEmpty()) {
                    fix = QStringLiteral("Check the Slack API URL and the network path (%1).").arg(path);
                }
                fix = proxyFirst(context(), context().profile.slackApiUrl, reply, fix);
                fail(QStringLiteral("%1 (Web API %2, %3)")
                         .arg(e.message, context().profile.slackApiUrl.toDisplayString(), path),
                     fix);
                return;
            }
            const QUrl url(reply.json().value(QLatin1String("url")).toString());
            if (!url.isValid() || (url.scheme() != QLatin1String("wss") && url.scheme() != QLatin1String("ws"))) {
                fail(QStringLiteral("apps.connections.open answered ok but without a WebSocket URL."),
                     QStringLiteral(
                         "Check that the Slack API URL points at Slack's Web API (https://slack.com/api/) and "
                         "that no proxy rewrites its answers."));
                return;
            }
            facts().socketUrl = url;
            pass(QStringLiteral("apps.connections.open accepted the token: Socket Mode is on and the token has "
                                "connections:write. WebSocket host %1; Web API %2.")
                     .arg(url.host(), path));
        });
}

SocketHelloCheck::SocketHelloCheck()
    : DoctorCheck({DoctorChecks::kSocket,
                   QStringLiteral("WebSocket opens and Slack says hello"),
                   {DoctorChecks::kAppToken},
                   {}})
{}

void SocketHelloCheck::run()
{
    const QUrl url = facts().socketUrl;
    // The ticket is single use: whatever happens next, no later check may reuse it.
    facts().socketUrl = QUrl();
    if (!url.isValid()) {
        fail(QStringLiteral("No WebSocket URL from apps.connections.open."),
             QStringLiteral("Run the check again; if it persists, the Slack API URL does not point at Slack."));
        return;
    }
    LinkSettings settings;
    settings.handshakeTimeoutMs = context().networkTimeoutMs;
    settings.helloTimeoutMs = context().networkTimeoutMs;
    settings.pingIntervalMs = 60000; // the probe lives a few hundred ms; no pings needed
    settings.livenessWindowMs = 120000;
    auto *link = new SocketLink(1, settings, scope());
    link->setProxy(context().proxyFor(url));
    if (url.scheme() == QLatin1String("wss"))
        link->setSslConfiguration(context().tls);
    const QString path = proxyNote(context(), url);

    struct Seen
    {
        bool hello = false;
        Frame helloFrame;
        QStringList disconnects;
        int envelopes = 0;
    };
    auto seen = std::make_shared<Seen>();
    QObject::connect(link, &SocketLink::hello, scope(), [link, seen](int, const Frame &frame) {
        seen->hello = true;
        seen->helloFrame = frame;
        // Close at once: Slack hands each envelope to one of the app's connections, and a probe must
        // not take commands away from the real consumer.
        link->close(QStringLiteral("doctor probe done"), 2000);
    });
    QObject::connect(link, &SocketLink::disconnectRequested, scope(),
                     [seen](int, const QString &reason) { seen->disconnects.append(reason); });
    // Envelopes that reach the probe are deliberately not acked: events_api deliveries are then retried
    // to the other connections instead of being swallowed here.
    QObject::connect(link, &SocketLink::envelopeReceived, scope(),
                     [seen](int, const Envelope &) { ++seen->envelopes; });
    QObject::connect(link, &SocketLink::closed, scope(), [this, seen, path, url](int, const QString &why) {
        if (seen->disconnects.contains(QLatin1String("link_disabled"))) {
            fail(QStringLiteral(
                     "Slack answered the WebSocket with disconnect link_disabled: Socket Mode is switched off "
                     "for this app."),
                 QStringLiteral("In the Slack app settings, Socket Mode → turn on \"Enable Socket Mode\" (or set "
                                "settings.socket_mode_enabled: true in the app manifest)."));
            return;
        }
        if (!seen->hello) {
            fail(QStringLiteral("The WebSocket to %1 did not reach hello: %2 (path: %3).").arg(url.host(), why, path),
                 QStringLiteral("Allow outbound WebSocket (wss, port 443) to wss-primary.slack.com and "
                                "wss-backup.slack.com; behind a proxy, set the profile's proxy or HTTPS_PROXY/"
                                "https_proxy so the upgrade is tunnelled with CONNECT, and add the proxy's CA bundle "
                                "if it inspects TLS."));
            return;
        }
        const int n = seen->helloFrame.numConnections;
        const QString base =
            QStringLiteral("hello from %1 (app %2) via %3; num_connections = %4 including this probe")
                .arg(seen->helloFrame.host.isEmpty() ? url.host() : seen->helloFrame.host,
                     seen->helloFrame.appId.isEmpty() ? QStringLiteral("?") : seen->helloFrame.appId, path)
                .arg(n);
        const QString stray = seen->envelopes > 0
                                  ? QStringLiteral(" %1 envelope(s) reached the probe in its short life and were left "
                                                   "unacked so that Slack retries events to the other connections.")
                                        .arg(seen->envelopes)
                                  : QString();
        if (seen->disconnects.contains(QLatin1String("too_many_websockets")) || n > kMaxConnectionsPerApp) {
            fail(base +
                     QStringLiteral(". Slack refused more connections (too_many_websockets): the app already holds "
                                    "the maximum of %1.")
                         .arg(kMaxConnectionsPerApp) +
                     stray,
                 QStringLiteral(
                     "Stop surplus Socket Mode clients of this app (old `nautobot-server start_slack_socket` "
                     "processes, SocketScope listen sessions, other SDK bots); each app may hold at most 10."));
            return;
        }
        if (n > 1) {
            warn(base +
                     QStringLiteral(". %1 other connection(s) share this app, such as Nautobot's socket worker "
                                    "(nautobot-server start_slack_socket); Slack gives each envelope to one of them.")
                         .arg(n - 1) +
                     stray,
                 QStringLiteral("Nothing to change if the others are Nautobot's socket workers. Before running "
                                "SocketScope listen on this app, use a dedicated development Slack app or Bridge mode, "
                                "or users' commands that reach SocketScope go unanswered."));
            return;
        }
        pass(base + QStringLiteral(". No other consumer (such as Nautobot's socket worker) is connected right now.") +
             stray);
    });
    link->open(url);
}

BotTokenAuthCheck::BotTokenAuthCheck()
    : DoctorCheck({DoctorChecks::kBotToken,
                   QStringLiteral("Slack accepts the bot token (auth.test)"),
                   {DoctorChecks::kBotTokenSecret},
                   {}})
{}

void BotTokenAuthCheck::run()
{
    SlackWebApi *api = webApi(scope(), context());
    api->authTest(context().secret(SecretKind::SlackBotToken).value(), scope(), [this](const ApiReply &reply) {
        if (!reply.ok()) {
            const Error &e = reply.failure().error;
            QString fix = e.fix;
            if (e.code == QLatin1String("invalid_auth") || e.code == QLatin1String("token_revoked") ||
                e.code == QLatin1String("account_inactive") || e.code == QLatin1String("not_authed")) {
                fix = QStringLiteral("In the Slack app settings, OAuth & Permissions → Bot User OAuth Token: copy the "
                                     "current xoxb- token (reinstall the app if it was revoked) and store it in the "
                                     "keychain or SOCKETSCOPE_SLACK_BOT_TOKEN; Nautobot's slack_api_token must be the "
                                     "same token.");
            }
            fix = proxyFirst(context(), context().profile.slackApiUrl, reply, fix);
            fail(QStringLiteral("auth.test with the bot token failed: %1").arg(e.message), fix);
            return;
        }
        const QJsonObject &json = reply.json();
        DoctorFacts &f = facts();
        f.teamId = json.value(QLatin1String("team_id")).toString();
        f.teamName = json.value(QLatin1String("team")).toString();
        f.botUserId = json.value(QLatin1String("user_id")).toString();
        const QString header = QString::fromUtf8(reply.oauthScopes).trimmed();
        f.botScopesKnown = !header.isEmpty();
        f.botScopes.clear();
        for (const QString &scope : header.split(QLatin1Char(','), Qt::SkipEmptyParts))
            f.botScopes.append(scope.trimmed());
        pass(QStringLiteral("auth.test: bot user %1 (%2) in workspace %3 (%4).")
                 .arg(json.value(QLatin1String("user")).toString(), f.botUserId, f.teamName, f.teamId));
    });
}

BotScopesCheck::BotScopesCheck()
    : DoctorCheck({DoctorChecks::kBotScopes,
                   QStringLiteral("Bot token has the ChatOps manifest scopes"),
                   {DoctorChecks::kBotToken},
                   {}})
{}

void BotScopesCheck::run()
{
    const QStringList wanted = DoctorChecks::manifestBotScopes();
    if (!facts().botScopesKnown) {
        warn(QStringLiteral("Slack's auth.test answer carried no x-oauth-scopes header, so the bot scopes could not be "
                            "compared with the manifest."),
             QStringLiteral("Compare the Slack app's OAuth & Permissions → Bot Token Scopes with: %1.")
                 .arg(wanted.join(QStringLiteral(", "))));
        return;
    }
    QStringList missing;
    for (const QString &scope : wanted) {
        if (!facts().botScopes.contains(scope))
            missing.append(scope);
    }
    if (!missing.isEmpty()) {
        fail(QStringLiteral("The bot token lacks %1 of the %2 ChatOps manifest scopes: %3.")
                 .arg(missing.size())
                 .arg(wanted.size())
                 .arg(missing.join(QStringLiteral(", "))),
             QStringLiteral("In the Slack app settings, OAuth & Permissions → Scopes → Bot Token Scopes: add %1, then "
                            "reinstall the app to the workspace (Install App → Reinstall) and give Nautobot "
                            "(slack_api_token) and SocketScope the new xoxb- token.")
                 .arg(missing.join(QStringLiteral(", "))));
        return;
    }
    pass(QStringLiteral("All %1 manifest scopes are granted (%2 scopes in total).")
             .arg(wanted.size())
             .arg(facts().botScopes.size()));
}

} // namespace socketscope
