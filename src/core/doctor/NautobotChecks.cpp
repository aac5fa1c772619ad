#include "doctor/NautobotChecks.h"

#include "doctor/DoctorChecks.h"
#include "doctor/DoctorContext.h"
#include "doctor/HttpProbe.h"
#include "doctor/NautobotAccess.h"
#include "nautobot/NautobotClient.h"
#include "util/Json.h"

#include <QVersionNumber>

namespace socketscope {

namespace {

bool isLoopbackHost(const QString &host)
{
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost") || host == QLatin1String("::1");
}

QString chatOpsVersion(const QJsonObject &status)
{
    const QString key = QStringLiteral("nautobot_chatops");
    for (const char *section : {"plugins", "nautobot-apps", "installed-apps"}) {
        const QJsonObject apps = status.value(QLatin1String(section)).toObject();
        if (apps.contains(key))
            return apps.value(key).isString() ? apps.value(key).toString() : QStringLiteral("unknown");
    }
    return QString();
}

} // namespace

NautobotReachableCheck::NautobotReachableCheck()
    : DoctorCheck({DoctorChecks::kNautobotReachable, QStringLiteral("Nautobot reachable (TLS, API version)"), {}, {}})
{}

void NautobotReachableCheck::run()
{
    const QUrl base = context().profile.nautobotUrl;
    if (base.isEmpty()) {
        skip(QStringLiteral("No Nautobot URL configured: set SOCKETSCOPE_NAUTOBOT_URL or the profile's Nautobot URL "
                            "to check the Nautobot side."));
        return;
    }
    const QUrl url = base.resolved(QUrl(QStringLiteral("api/")));
    const QString path = context().proxyChoiceFor(url).describe();
    const int timeoutMs = context().networkTimeoutMs;
    // No token on purpose: Nautobot resolves the API version before authentication, so even the 403
    // carries API-Version, and this check stays independent of the token's health.
    HttpProbe::send(
        scope(), context(), "GET", url, {{"Accept", "application/json"}}, {}, timeoutMs,
        [this, url, path, timeoutMs](const HttpProbeAnswer &a) {
            const QString where = url.toDisplayString();
            if (a.status == 0) {
                const bool tls = !a.sslErrors.isEmpty() || a.error == QNetworkReply::SslHandshakeFailedError;
                fail(QStringLiteral("%1 did not answer: %2 (%3).")
                         .arg(where, HttpProbe::describeFailure(a, timeoutMs), path),
                     tls ? QStringLiteral(
                               "Nautobot's certificate is not trusted or does not match the host name: install "
                               "the issuing CA in the system trust store or set the profile's CA bundle, and use "
                               "the host name the certificate names in the Nautobot URL.")
                         : (context().proxyChoiceFor(url).isDirect()
                                ? QString()
                                : QStringLiteral(
                                      "The request went %1: check that this proxy runs and reaches Nautobot, or "
                                      "exempt the Nautobot host with NO_PROXY. ")
                                      .arg(context().proxyChoiceFor(url).describe())) +
                               QStringLiteral(
                                   "Check the Nautobot URL (scheme, host, port), that the Nautobot web service "
                                   "runs, and the network path (VPN, firewall, proxy; NO_PROXY for internal "
                                   "hosts)."));
                return;
            }
            const QByteArray contentType = a.header("content-type").toLower();
            const bool html = contentType.startsWith("text/html") || a.body.trimmed().startsWith('<');
            if (a.status >= 300 && a.status < 400) {
                const QString location = QString::fromUtf8(a.header("location"));
                fail(
                    QStringLiteral("%1 redirects (HTTP %2) to %3.").arg(where).arg(a.status).arg(location),
                    location.contains(QLatin1String("login"), Qt::CaseInsensitive)
                        ? QStringLiteral("A single-sign-on proxy sits in front of the REST API: let /api/ through with "
                                         "token authentication.")
                        : QStringLiteral(
                              "Use the URL the redirect names as the Nautobot URL (often https instead of http)."));
                return;
            }
            if (html) {
                fail(QStringLiteral("%1 answered HTTP %2 with an HTML page (\"%3\"), not Nautobot's REST API.")
                         .arg(where)
                         .arg(a.status)
                         .arg(json::excerpt(a.body, 60)),
                     QStringLiteral(
                         "A login page or proxy answers instead of the REST API: use the Nautobot root URL and "
                         "let /api/ through the SSO proxy with token authentication (Authorization header)."));
                return;
            }
            const QByteArray version = a.header("api-version");
            if (version.isEmpty()) {
                if (a.status >= 500) {
                    fail(QStringLiteral("%1 failed with HTTP %2.").arg(where).arg(a.status),
                         QStringLiteral("See the Nautobot web service log (and its database/Redis) for the error."));
                } else {
                    fail(
                        QStringLiteral("%1 answered HTTP %2 without an API-Version header: this is not a Nautobot REST "
                                       "API.")
                            .arg(where)
                            .arg(a.status),
                        QStringLiteral(
                            "Set the Nautobot URL to the Nautobot root (e.g. https://nautobot.example.com/), "
                            "without /api/ or a UI path."));
                }
                return;
            }
            facts().apiVersion = version;
            const bool https = url.scheme() == QLatin1String("https");
            const QString summary =
                QStringLiteral("%1 answered HTTP %2 in %3 ms, API-Version %4, %5; %6.")
                    .arg(where)
                    .arg(a.status)
                    .arg(a.latencyMs)
                    .arg(QString::fromLatin1(version),
                         https ? QStringLiteral("TLS certificate verified") : QStringLiteral("plain HTTP"), path);
            if (!https && !isLoopbackHost(url.host())) {
                warn(summary + QStringLiteral(" The API token would travel unencrypted."),
                     QStringLiteral("Serve Nautobot over HTTPS and use the https:// URL."));
                return;
            }
            pass(summary);
        });
}

NautobotTokenCheck::NautobotTokenCheck()
    : DoctorCheck({DoctorChecks::kNautobotToken,
                   QStringLiteral("Nautobot accepts the API token"),
                   {DoctorChecks::kNautobotReachable, DoctorChecks::kNautobotTokenSecret},
                   {}})
{}

void NautobotTokenCheck::run()
{
    NautobotClient *client = NautobotAccess::client(scope(), context());
    client->get(QStringLiteral("api/status/"), {}, scope(), [this](const Result<NautobotReply> &reply) {
        if (!reply) {
            const Error &e = reply.error();
            fail(e.message, e.fix);
            return;
        }
        facts().nautobotStatus = reply->json;
        pass(QStringLiteral("GET api/status/ with the token: Nautobot %1, Python %2, API-Version %3.")
                 .arg(reply->json.value(QLatin1String("nautobot-version")).toString(),
                      reply->json.value(QLatin1String("python-version")).toString(),
                      QString::fromLatin1(reply->apiVersion)));
    });
}

ChatOpsInstalledCheck::ChatOpsInstalledCheck()
    : DoctorCheck({DoctorChecks::kChatOpsApp,
                   QStringLiteral("ChatOps app installed (version)"),
                   {DoctorChecks::kNautobotToken},
                   {}})
{}

void ChatOpsInstalledCheck::run()
{
    const QJsonObject &status = facts().nautobotStatus;
    const QString nautobotVersion = status.value(QLatin1String("nautobot-version")).toString();
    const QString version = chatOpsVersion(status);
    if (version.isEmpty()) {
        fail(QStringLiteral("Nautobot %1 does not list the ChatOps app (nautobot_chatops) in api/status/.")
                 .arg(nautobotVersion),
             QStringLiteral(
                 "pip install nautobot-chatops, add \"nautobot_chatops\" to PLUGINS in nautobot_config.py with "
                 "PLUGINS_CONFIG[\"nautobot_chatops\"] = {\"enable_slack\": True, \"slack_api_token\": …, "
                 "\"slack_app_token\": …, \"slack_signing_secret\": …}, run nautobot-server post_upgrade and "
                 "restart the web service, the Celery worker and the socket worker."));
        return;
    }
    const QVersionNumber v = QVersionNumber::fromString(version);
    if (v.isNull()) {
        warn(QStringLiteral("nautobot_chatops is installed on Nautobot %1, but its version (\"%2\") is not readable.")
                 .arg(nautobotVersion, version),
             QStringLiteral(
                 "Check the installed version with pip show nautobot-chatops; Socket Mode needs 3.1.3 or later."));
        return;
    }
    const QString upgrade = QStringLiteral(
        "Upgrade with pip install --upgrade nautobot-chatops (3.1.3+ for Nautobot 2.x, 4.x for Nautobot 3.x), run "
        "nautobot-server post_upgrade and restart the web service, the Celery worker and nautobot-server "
        "start_slack_socket.");
    if (v < QVersionNumber(1, 10, 0)) {
        fail(QStringLiteral("nautobot_chatops %1 on Nautobot %2 predates Socket Mode (added in 1.10.0).")
                 .arg(version, nautobotVersion),
             upgrade);
        return;
    }
    if (v < QVersionNumber(3, 1, 3)) {
        warn(QStringLiteral("nautobot_chatops %1 on Nautobot %2: Socket Mode has known failures before 3.1.3 "
                            "(SynchronousOnlyOperation, fixed in 3.1.2, issue #348; the socket worker going silent "
                            "after \"server has gone away\", fixed in 3.1.3, issue #355).")
                 .arg(version, nautobotVersion),
             upgrade);
        return;
    }
    pass(QStringLiteral("nautobot_chatops %1 on Nautobot %2.").arg(version, nautobotVersion));
}

CeleryWorkersCheck::CeleryWorkersCheck()
    : DoctorCheck(
          {DoctorChecks::kCeleryWorkers, QStringLiteral("Celery workers running"), {DoctorChecks::kNautobotToken}, {}})
{}

void CeleryWorkersCheck::run()
{
    const QJsonObject &status = facts().nautobotStatus;
    const QJsonValue workers = status.value(QLatin1String("celery-workers-running"));
    if (!workers.isDouble()) {
        warn(
            QStringLiteral("api/status/ has no celery-workers-running field (Nautobot %1), so the workers could not be "
                           "counted.")
                .arg(status.value(QLatin1String("nautobot-version")).toString()),
            QStringLiteral("Check on the Nautobot host that the worker service (nautobot-server celery worker, or "
                           "rqworker on Nautobot 1.x) runs."));
        return;
    }
    const int count = workers.toInt();
    if (count <= 0) {
        fail(QStringLiteral("celery-workers-running = 0: ChatOps enqueues every permitted command, but no worker runs "
                            "it, so no command is ever answered."),
             QStringLiteral("Start the Celery worker (nautobot-server celery worker, usually the nautobot-worker "
                            "service) with the same nautobot_config.py and environment (slack tokens) as the web "
                            "service, and check that Redis (CELERY_BROKER_URL) is reachable."));
        return;
    }
    pass(QStringLiteral("celery-workers-running = %1.").arg(count));
}

} // namespace socketscope
