// Every doctor check against the Slack and Nautobot simulators over real sockets on 127.0.0.1:
// the healthy case, each failure a check names, dependency skipping, concurrency, time limits and
// the redaction of the report renderers.
#include "NetFixtures.h"
#include "doctor/ChatOpsChecks.h"
#include "doctor/Doctor.h"
#include "doctor/DoctorChecks.h"
#include "doctor/DoctorContext.h"
#include "doctor/DoctorReport.h"
#include "secrets/SecretResolver.h"
#include "secrets/SecretStore.h"
#include "support/NautobotHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>
#include <memory>

using namespace socketscope;
namespace DC = socketscope::DoctorChecks;

namespace {

using Env = QHash<QString, QString>;

// A check with a scripted outcome after a delay, to test the runner without a network.
class ScriptedCheck final : public DoctorCheck
{
public:
    ScriptedCheck(const QString &id, QStringList deps, int delayMs, CheckStatus status, QString detail = {},
                  QStringList after = {})
        : DoctorCheck({id, QStringLiteral("Scripted %1").arg(id), std::move(deps), std::move(after)})
        , m_delayMs(delayMs)
        , m_status(status)
        , m_detail(std::move(detail))
    {}
    int runs = 0;

protected:
    void run() override
    {
        ++runs;
        if (m_delayMs < 0)
            return; // never answers
        QTimer::singleShot(m_delayMs, scope(), [this] {
            finish({m_status, m_detail.isEmpty() ? QStringLiteral("scripted") : m_detail,
                    m_status == CheckStatus::Fail || m_status == CheckStatus::Warn ? QStringLiteral("scripted fix")
                                                                                   : QString()});
        });
    }

private:
    int m_delayMs;
    CheckStatus m_status;
    QString m_detail;
};

DoctorReport runToEnd(Doctor &doctor, int timeoutMs = 30000)
{
    QSignalSpy spy(&doctor, &Doctor::finished);
    doctor.start();
    if (!spy.wait(timeoutMs) && spy.isEmpty())
        return {};
    return spy.first().first().value<DoctorReport>();
}

} // namespace

class TestDoctor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void healthy_everyCheckPassesOrIsSkippedForAReason();
    void healthy_probeLinkIsClosedRightAfterHello();
    void appToken_invalidAuth_failsAndSkipsSocket();
    void appToken_missingScope_namesConnectionsWrite();
    void appToken_botTokenInItsPlace_formatFails();
    void appToken_missing_failsAndOtherSecretsSayWhatToSet();
    void socket_linkDisabled_failsWithSocketModeFix();
    void socket_ghostConnections_warnsAboutOtherConsumers();
    void socket_tooManyWebsockets_fails();
    void botToken_wrongToken_failsAndSkipsScopes();
    void botScopes_missing_listsThem();
    void botScopes_headerAbsent_warns();
    void proxy_profileProxyCarriesEveryHop();
    void proxy_deadProxy_failsSlackAndNautobot();
    void nautobot_notConfigured_skipsWithVariableName();
    void nautobot_refused_failsAndSkipsDependants();
    void nautobot_untrustedCertificate_failsNamingCaBundle();
    void nautobot_htmlLoginPage_fails();
    void nautobotToken_expired_namesExpiry();
    void nautobotToken_invalid_namesInvalid();
    void chatOps_notInstalled_failsAppAndEndpoints();
    void chatOps_oldVersion_warnsBelow313();
    void celery_noWorkers_fails();
    void endpoints_slackDisabled_fails404();
    void endpoints_slow_warnsAboutOperationTimeout();
    void endpoints_silent_failsWithTimeout();
    void signature_wrongSecret_fails401();
    void grants_none_failsDenyAll();
    void grants_missingChannelType_fails();
    void grants_otherWorkspace_fails();
    void grants_nameLikeValues_warn();
    void grants_commandFromPrefixedSlashCommand();
    void commandLog_problems_warnWithNewestDetails();

    void runner_failedDependency_skipsAndNamesIt();
    void runner_runsAfterWaitsButDoesNotSkip();
    void runner_independentChecksOverlap();
    void runner_realChecksOverlap();
    void runner_checkTimeout_fails();
    void runner_dependencyCycle_skipsAndFinishes();
    void runner_cancel_finishesWithCancelledReport();
    void runner_progressSignalsPerCheck();

    void context_profileWithEnvironmentSecrets_keychainNotNeeded();
    void context_invalidProfile_isConfigError();
    void context_badUrlVariable_isConfigError();

    void report_markdownAndJson_oneEntryPerCheck();
    void report_neverContainsSecrets();

private:
    Env healthyEnv() const;
    DoctorContext contextFrom(const Env &env) const;
    DoctorReport run(const Env &env, int networkTimeoutMs = 5000, int chatOpsTimeoutMs = 2000);
    DoctorReport run() { return run(healthyEnv()); }
    static const CheckResult &get(const DoctorReport &report, const QString &id);

    std::unique_ptr<NautobotHarness> m_h;
};

void TestDoctor::init()
{
    m_h = std::make_unique<NautobotHarness>();
    QVERIFY(m_h->start());
}

void TestDoctor::cleanup()
{
    m_h.reset();
}

Env TestDoctor::healthyEnv() const
{
    return Env{
        {QStringLiteral("SOCKETSCOPE_SLACK_API_URL"), m_h->slack.apiUrl().toString()},
        {QStringLiteral("SOCKETSCOPE_NAUTOBOT_URL"), m_h->nautobot.baseUrl().toString()},
        {QStringLiteral("SOCKETSCOPE_SLACK_APP_TOKEN"), m_h->slack.config().appToken},
        {QStringLiteral("SOCKETSCOPE_SLACK_BOT_TOKEN"), m_h->slack.config().botToken},
        {QStringLiteral("SOCKETSCOPE_SLACK_SIGNING_SECRET"), QString::fromLatin1(m_h->nautobot.config().signingSecret)},
        {QStringLiteral("SOCKETSCOPE_NAUTOBOT_TOKEN"), m_h->nautobot.config().token}};
}

DoctorContext TestDoctor::contextFrom(const Env &env) const
{
    auto built = DoctorContext::fromEnvironment([env](const QString &name) { return env.value(name); });
    if (!built)
        qFatal("context: %s", qPrintable(built.error().message));
    return built.value();
}

DoctorReport TestDoctor::run(const Env &env, int networkTimeoutMs, int chatOpsTimeoutMs)
{
    DoctorContext context = contextFrom(env);
    context.networkTimeoutMs = networkTimeoutMs;
    context.chatOpsTimeoutMs = chatOpsTimeoutMs;
    Doctor doctor(context);
    const DoctorReport report = runToEnd(doctor);
    if (report.results.size() != DC::standardIds().size())
        qWarning("report has %d of %d checks", int(report.results.size()), int(DC::standardIds().size()));
    return report;
}

const CheckResult &TestDoctor::get(const DoctorReport &report, const QString &id)
{
    static CheckResult missing;
    const CheckResult *r = report.find(id);
    if (!r) {
        missing = CheckResult{};
        missing.id = QStringLiteral("<missing %1>").arg(id);
        missing.status = CheckStatus::Fail;
        return missing;
    }
    return *r;
}

#define QCOMPARE_STATUS(report_, checkId_, expected_)                                                                  \
    do {                                                                                                               \
        const CheckResult &r_ = get(report_, checkId_);                                                                \
        if (r_.status != (expected_))                                                                                  \
            qWarning().noquote() << r_.id << checkStatusName(r_.status) << r_.detail << "| fix:" << r_.fix;            \
        QCOMPARE(checkStatusName(r_.status), checkStatusName(expected_));                                              \
    } while (false)

// ---- healthy ----

void TestDoctor::healthy_everyCheckPassesOrIsSkippedForAReason()
{
    const DoctorReport report = run();
    QCOMPARE(report.results.size(), DC::standardIds().size());
    for (const CheckResult &r : report.results) {
        if (r.id == DC::kKeychain || r.id == DC::kCaBundle) {
            QCOMPARE_STATUS(report, r.id, CheckStatus::Skipped);
            QVERIFY2(!r.detail.isEmpty(), qPrintable(r.id));
            continue;
        }
        QCOMPARE_STATUS(report, r.id, CheckStatus::Pass);
    }
    QVERIFY(get(report, DC::kKeychain).detail.contains(QLatin1String("environment variable")));
    QVERIFY(get(report, DC::kAppTokenSecret).detail.contains(QLatin1String("SOCKETSCOPE_SLACK_APP_TOKEN")));
    QVERIFY(get(report, DC::kSocket).detail.contains(QLatin1String("num_connections = 1")));
    QVERIFY(get(report, DC::kNautobotReachable).detail.contains(QLatin1String("API-Version 3.1")));
    QVERIFY(get(report, DC::kChatOpsApp).detail.contains(QLatin1String("4.1.0")));
    QVERIFY(get(report, DC::kBotToken).detail.contains(m_h->slack.config().teamId));
    QVERIFY(get(report, DC::kAccessGrants).detail.contains(QLatin1String("covered")));
    QCOMPARE(report.overall(), CheckStatus::Pass);
    QVERIFY(!report.hasFailures());
    // The order of the report is the order of the check list, whatever the finishing order was.
    QStringList ids;
    for (const CheckResult &r : report.results)
        ids << r.id;
    QCOMPARE(ids, DC::standardIds());
    // The probes ran no command: no command log row, no reply.
    QVERIFY(m_h->nautobot.commandLog().isEmpty());
    QVERIFY(m_h->nautobot.replies().isEmpty());
}

void TestDoctor::healthy_probeLinkIsClosedRightAfterHello()
{
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kSocket, CheckStatus::Pass);
    QCOMPARE(m_h->slack.stats().linksOpened, 1);
    QCOMPARE(m_h->slack.stats().connectionsOpenCalls, 1); // one apps.connections.open per run (Tier 1)
    QTRY_COMPARE_WITH_TIMEOUT(m_h->slack.liveLinkCount(), 0, 3000);
}

// ---- Slack app token and socket ----

void TestDoctor::appToken_invalidAuth_failsAndSkipsSocket()
{
    m_h->slack.setOpenError(QStringLiteral("invalid_auth"));
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kAppToken, CheckStatus::Fail);
    QVERIFY(get(report, DC::kAppToken).detail.contains(QLatin1String("invalid_auth")));
    QVERIFY(get(report, DC::kAppToken).fix.contains(QLatin1String("App-Level Tokens")));
    QCOMPARE_STATUS(report, DC::kSocket, CheckStatus::Skipped);
    QVERIFY(get(report, DC::kSocket).detail.contains(DC::kAppToken));
    QVERIFY(get(report, DC::kSocket).detail.contains(QLatin1String("failed")));
    QCOMPARE_STATUS(report, DC::kBotToken, CheckStatus::Pass); // independent checks still run
}

void TestDoctor::appToken_missingScope_namesConnectionsWrite()
{
    m_h->slack.setOpenError(QStringLiteral("missing_scope"));
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kAppToken, CheckStatus::Fail);
    QVERIFY(get(report, DC::kAppToken).detail.contains(QLatin1String("missing_scope")));
    QVERIFY(get(report, DC::kAppToken).fix.contains(QLatin1String("connections:write")));
}

void TestDoctor::appToken_botTokenInItsPlace_formatFails()
{
    Env env = healthyEnv();
    env[QStringLiteral("SOCKETSCOPE_SLACK_APP_TOKEN")] = m_h->slack.config().botToken;
    const DoctorReport report = run(env);
    QCOMPARE_STATUS(report, DC::kAppTokenSecret, CheckStatus::Fail);
    QVERIFY(get(report, DC::kAppTokenSecret).detail.contains(QLatin1String("bot token")));
    QVERIFY(get(report, DC::kAppTokenSecret).fix.contains(QLatin1String("App-Level Tokens")));
    QCOMPARE_STATUS(report, DC::kAppToken, CheckStatus::Skipped);
    QCOMPARE_STATUS(report, DC::kSocket, CheckStatus::Skipped);
    QVERIFY(get(report, DC::kSocket).detail.contains(QLatin1String("was skipped")));
    QCOMPARE(m_h->slack.stats().connectionsOpenCalls, 0);
}

void TestDoctor::appToken_missing_failsAndOtherSecretsSayWhatToSet()
{
    const Env env{{QStringLiteral("SOCKETSCOPE_SLACK_API_URL"), m_h->slack.apiUrl().toString()}};
    const DoctorReport report = run(env);
    QCOMPARE_STATUS(report, DC::kAppTokenSecret, CheckStatus::Fail);
    QVERIFY(get(report, DC::kAppTokenSecret).fix.contains(QLatin1String("SOCKETSCOPE_SLACK_APP_TOKEN")));
    QCOMPARE_STATUS(report, DC::kBotTokenSecret, CheckStatus::Skipped);
    QVERIFY(get(report, DC::kBotTokenSecret).detail.contains(QLatin1String("SOCKETSCOPE_SLACK_BOT_TOKEN")));
    QCOMPARE_STATUS(report, DC::kSigningSecret, CheckStatus::Skipped);
    QVERIFY(get(report, DC::kSigningSecret).detail.contains(QLatin1String("SOCKETSCOPE_SLACK_SIGNING_SECRET")));
    QCOMPARE_STATUS(report, DC::kNautobotTokenSecret, CheckStatus::Skipped);
    QVERIFY(get(report, DC::kNautobotTokenSecret).detail.contains(QLatin1String("SOCKETSCOPE_NAUTOBOT_TOKEN")));
    QCOMPARE_STATUS(report, DC::kKeychain, CheckStatus::Skipped); // no profile: the keychain is never needed
    QCOMPARE_STATUS(report, DC::kNautobotReachable, CheckStatus::Skipped);
}

void TestDoctor::socket_linkDisabled_failsWithSocketModeFix()
{
    m_h->slack.setLinkDisabled(true);
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kAppToken, CheckStatus::Pass); // Slack documents no open error for this state
    QCOMPARE_STATUS(report, DC::kSocket, CheckStatus::Fail);
    QVERIFY(get(report, DC::kSocket).detail.contains(QLatin1String("link_disabled")));
    QVERIFY(get(report, DC::kSocket).fix.contains(QLatin1String("Enable Socket Mode")));
}

void TestDoctor::socket_ghostConnections_warnsAboutOtherConsumers()
{
    m_h->slack.setGhostConnections(2);
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kSocket, CheckStatus::Warn);
    const CheckResult &r = get(report, DC::kSocket);
    QVERIFY(r.detail.contains(QLatin1String("num_connections = 3")));
    QVERIFY(r.detail.contains(QLatin1String("socket worker")));
    QVERIFY(!r.fix.isEmpty());
    QVERIFY(!report.hasFailures()); // a warning is not a failure
}

void TestDoctor::socket_tooManyWebsockets_fails()
{
    m_h->slack.setGhostConnections(m_h->slack.config().maxConnections);
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kSocket, CheckStatus::Fail);
    QVERIFY(get(report, DC::kSocket).detail.contains(QLatin1String("too_many_websockets")));
    QVERIFY(get(report, DC::kSocket).fix.contains(QLatin1String("start_slack_socket")));
}

// ---- Slack bot token ----

void TestDoctor::botToken_wrongToken_failsAndSkipsScopes()
{
    Env env = healthyEnv();
    env[QStringLiteral("SOCKETSCOPE_SLACK_BOT_TOKEN")] =
        QStringLiteral("xoxb-1000000000001-2000000000002-WrongTokenValue00001");
    const DoctorReport report = run(env);
    QCOMPARE_STATUS(report, DC::kBotTokenSecret, CheckStatus::Pass); // the format is fine
    QCOMPARE_STATUS(report, DC::kBotToken, CheckStatus::Fail);
    QVERIFY(get(report, DC::kBotToken).detail.contains(QLatin1String("invalid_auth")));
    QVERIFY(!get(report, DC::kBotToken).fix.contains(QLatin1String("proxy runs"))); // direct path: no proxy advice
    QVERIFY(get(report, DC::kBotToken).fix.contains(QLatin1String("Bot User OAuth Token")));
    QCOMPARE_STATUS(report, DC::kBotScopes, CheckStatus::Skipped);
    QVERIFY(get(report, DC::kBotScopes).detail.contains(DC::kBotToken));
    // Grants only wait for auth.test (runsAfter); they still run without the team id.
    QCOMPARE_STATUS(report, DC::kAccessGrants, CheckStatus::Pass);
}

void TestDoctor::botScopes_missing_listsThem()
{
    m_h->slack.setBotScopes({QStringLiteral("commands"), QStringLiteral("chat:write"), QStringLiteral("users:read")});
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kBotScopes, CheckStatus::Fail);
    const CheckResult &r = get(report, DC::kBotScopes);
    QVERIFY(r.detail.contains(QLatin1String("files:write")));
    QVERIFY(r.detail.contains(QLatin1String("users:read.email")));
    QVERIFY(!r.detail.contains(QLatin1String("chat:write,")));
    QVERIFY(r.detail.contains(QLatin1String("lacks 8 of the 11")));
    QVERIFY(r.fix.contains(QLatin1String("Bot Token Scopes")));
    QVERIFY(r.fix.contains(QLatin1String("Reinstall")));
}

void TestDoctor::botScopes_headerAbsent_warns()
{
    m_h->slack.setBotScopes({});
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kBotScopes, CheckStatus::Warn);
    QVERIFY(get(report, DC::kBotScopes).detail.contains(QLatin1String("x-oauth-scopes")));
}

// ---- proxy ----

namespace {
DoctorContext throughProxy(DoctorContext context, quint16 port)
{
    context.profile.proxy.kind = ProxySettings::Kind::Http;
    context.profile.proxy.host = QStringLiteral("127.0.0.1");
    context.profile.proxy.port = port;
    context.proxy = std::make_shared<ProxyResolver>(context.profile.proxy, QString(), EnvProxyConfig{});
    return context;
}
} // namespace

void TestDoctor::proxy_profileProxyCarriesEveryHop()
{
    testnet::TunnelProxy proxy;
    QVERIFY(proxy.start());
    DoctorContext context = throughProxy(contextFrom(healthyEnv()), proxy.port());
    context.networkTimeoutMs = 5000;
    Doctor doctor(context);
    const DoctorReport report = runToEnd(doctor);
    QCOMPARE(report.count(CheckStatus::Fail), 0);
    QCOMPARE_STATUS(report, DC::kSocket, CheckStatus::Pass);
    // The WebSocket upgrade went through the proxy as a CONNECT tunnel to the link port.
    QVERIFY2(proxy.tunnels.contains(QStringLiteral("127.0.0.1:%1").arg(m_h->slack.linkPort())),
             qPrintable(proxy.tunnels.join(QLatin1Char(' '))));
    QVERIFY(get(report, DC::kSocket).detail.contains(QStringLiteral("via %1").arg(proxy.url())));
    // Web API and Nautobot (plain http here) were forwarded by the proxy.
    const QString forwards = proxy.forwards.join(QLatin1Char(' '));
    QVERIFY2(forwards.contains(QLatin1String("/api/apps.connections.open")), qPrintable(forwards));
    QVERIFY2(forwards.contains(QLatin1String("/api/status/")), qPrintable(forwards));
    QVERIFY2(forwards.contains(QLatin1String("/api/plugins/chatops/slack/slash_command/")), qPrintable(forwards));
}

void TestDoctor::proxy_deadProxy_failsSlackAndNautobot()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    DoctorContext context = throughProxy(contextFrom(healthyEnv()), port);
    context.networkTimeoutMs = 3000;
    Doctor doctor(context);
    const DoctorReport report = runToEnd(doctor);
    QCOMPARE_STATUS(report, DC::kAppToken, CheckStatus::Fail);
    QVERIFY(get(report, DC::kAppToken).detail.contains(QStringLiteral("via http://127.0.0.1:%1").arg(port)));
    QVERIFY2(get(report, DC::kAppToken).fix.contains(QLatin1String("check that this proxy runs")),
             qPrintable(get(report, DC::kAppToken).fix));
    QCOMPARE_STATUS(report, DC::kSocket, CheckStatus::Skipped);
    QCOMPARE_STATUS(report, DC::kNautobotReachable, CheckStatus::Fail);
    QVERIFY2(get(report, DC::kNautobotReachable).detail.contains(QStringLiteral("via http://127.0.0.1:%1").arg(port)),
             qPrintable(get(report, DC::kNautobotReachable).detail));
    QVERIFY(get(report, DC::kNautobotReachable).fix.contains(QLatin1String("check that this proxy runs")));
}

// ---- Nautobot ----

void TestDoctor::nautobot_notConfigured_skipsWithVariableName()
{
    Env env = healthyEnv();
    env.remove(QStringLiteral("SOCKETSCOPE_NAUTOBOT_URL"));
    const DoctorReport report = run(env);
    QCOMPARE_STATUS(report, DC::kNautobotReachable, CheckStatus::Skipped);
    QVERIFY(get(report, DC::kNautobotReachable).detail.contains(QLatin1String("SOCKETSCOPE_NAUTOBOT_URL")));
    for (const QString &id : {DC::kNautobotToken, DC::kChatOpsApp, DC::kCeleryWorkers, DC::kSlackEndpoints,
                              DC::kSignature, DC::kAccessGrants, DC::kCommandLog})
        QCOMPARE_STATUS(report, id, CheckStatus::Skipped);
    QVERIFY(!report.hasFailures());
}

void TestDoctor::nautobot_refused_failsAndSkipsDependants()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there now
    Env env = healthyEnv();
    env[QStringLiteral("SOCKETSCOPE_NAUTOBOT_URL")] = QStringLiteral("http://127.0.0.1:%1/").arg(port);
    const DoctorReport report = run(env);
    QCOMPARE_STATUS(report, DC::kNautobotReachable, CheckStatus::Fail);
    QVERIFY(get(report, DC::kNautobotReachable).detail.contains(QLatin1String("refused")));
    QVERIFY(get(report, DC::kNautobotReachable).fix.contains(QLatin1String("Nautobot URL")));
    QCOMPARE_STATUS(report, DC::kNautobotToken, CheckStatus::Skipped);
    QVERIFY(get(report, DC::kNautobotToken).detail.contains(DC::kNautobotReachable));
    QCOMPARE_STATUS(report, DC::kChatOpsApp, CheckStatus::Skipped);
    QVERIFY(get(report, DC::kChatOpsApp).detail.contains(QLatin1String("was skipped")));
    QCOMPARE_STATUS(report, DC::kSlackEndpoints, CheckStatus::Skipped);
}

void TestDoctor::nautobot_untrustedCertificate_failsNamingCaBundle()
{
    // Nautobot behind a certificate from a private CA the system does not trust (the usual corporate
    // setup): the reachable check fails, says why, and points at the CA bundle.
    testnet::TlsFixture tls;
    QVERIFY2(tls.generate(), qPrintable(tls.error));
    testnet::HttpResponder nautobot;
    nautobot.certificate = tls.serverCert;
    nautobot.key = tls.serverKey;
    QVERIFY(nautobot.start());
    Env env = healthyEnv();
    env[QStringLiteral("SOCKETSCOPE_NAUTOBOT_URL")] = QStringLiteral("https://127.0.0.1:%1/").arg(nautobot.serverPort());
    const DoctorReport report = run(env);
    QCOMPARE_STATUS(report, DC::kNautobotReachable, CheckStatus::Fail);
    const CheckResult reachable = get(report, DC::kNautobotReachable);
    QVERIFY2(reachable.fix.contains(QLatin1String("CA bundle")), qPrintable(reachable.fix));
    QVERIFY2(reachable.fix.contains(QLatin1String("not trusted")), qPrintable(reachable.fix));
    QCOMPARE_STATUS(report, DC::kNautobotToken, CheckStatus::Skipped);
}

void TestDoctor::nautobot_htmlLoginPage_fails()
{
    m_h->nautobot.setRestApiHtml(true);
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kNautobotReachable, CheckStatus::Fail);
    QVERIFY(get(report, DC::kNautobotReachable).detail.contains(QLatin1String("HTML")));
    QVERIFY(get(report, DC::kNautobotReachable).fix.contains(QLatin1String("SSO")));
    QCOMPARE_STATUS(report, DC::kNautobotToken, CheckStatus::Skipped);
}

void TestDoctor::nautobotToken_expired_namesExpiry()
{
    m_h->nautobot.setTokenExpired(true);
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kNautobotReachable, CheckStatus::Pass); // reachability needs no token
    QCOMPARE_STATUS(report, DC::kNautobotToken, CheckStatus::Fail);
    QVERIFY(get(report, DC::kNautobotToken).detail.contains(QLatin1String("expired")));
    QVERIFY(get(report, DC::kNautobotToken).fix.contains(QLatin1String("API Tokens")));
    QCOMPARE_STATUS(report, DC::kChatOpsApp, CheckStatus::Skipped);
    QCOMPARE_STATUS(report, DC::kCeleryWorkers, CheckStatus::Skipped);
    QCOMPARE_STATUS(report, DC::kSlackEndpoints, CheckStatus::Pass); // the webhooks need no token
}

void TestDoctor::nautobotToken_invalid_namesInvalid()
{
    Env env = healthyEnv();
    env[QStringLiteral("SOCKETSCOPE_NAUTOBOT_TOKEN")] = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    const DoctorReport report = run(env);
    QCOMPARE_STATUS(report, DC::kNautobotToken, CheckStatus::Fail);
    QVERIFY(get(report, DC::kNautobotToken).detail.contains(QLatin1String("refused the API token")));
    QVERIFY(get(report, DC::kNautobotToken).detail.contains(QLatin1String("Invalid token")));
}

void TestDoctor::chatOps_notInstalled_failsAppAndEndpoints()
{
    m_h->nautobot.setChatOpsInstalled(false);
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kChatOpsApp, CheckStatus::Fail);
    QVERIFY(get(report, DC::kChatOpsApp).detail.contains(QLatin1String("nautobot_chatops")));
    QVERIFY(get(report, DC::kChatOpsApp).fix.contains(QLatin1String("PLUGINS")));
    QCOMPARE_STATUS(report, DC::kSlackEndpoints, CheckStatus::Fail);
    QVERIFY(get(report, DC::kSlackEndpoints).detail.contains(QLatin1String("404")));
    QCOMPARE_STATUS(report, DC::kAccessGrants, CheckStatus::Skipped);
    QCOMPARE_STATUS(report, DC::kCommandLog, CheckStatus::Skipped);
    QCOMPARE_STATUS(report, DC::kSignature, CheckStatus::Skipped);
}

void TestDoctor::chatOps_oldVersion_warnsBelow313()
{
    m_h->nautobot.setChatOpsVersion(QStringLiteral("3.1.2"));
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kChatOpsApp, CheckStatus::Warn);
    QVERIFY(get(report, DC::kChatOpsApp).detail.contains(QLatin1String("3.1.3")));
    QVERIFY(get(report, DC::kChatOpsApp).detail.contains(QLatin1String("#355")));
    QVERIFY(get(report, DC::kChatOpsApp).fix.contains(QLatin1String("pip install --upgrade nautobot-chatops")));
    QCOMPARE_STATUS(report, DC::kAccessGrants, CheckStatus::Pass); // a warning does not skip dependants

    m_h->nautobot.setChatOpsVersion(QStringLiteral("1.9.0"));
    const DoctorReport ancient = run();
    QCOMPARE_STATUS(ancient, DC::kChatOpsApp, CheckStatus::Fail);
    QVERIFY(get(ancient, DC::kChatOpsApp).detail.contains(QLatin1String("1.10.0")));
}

void TestDoctor::celery_noWorkers_fails()
{
    m_h->nautobot.setCeleryWorkers(0);
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kCeleryWorkers, CheckStatus::Fail);
    QVERIFY(get(report, DC::kCeleryWorkers).detail.contains(QLatin1String("celery-workers-running = 0")));
    QVERIFY(get(report, DC::kCeleryWorkers).fix.contains(QLatin1String("celery worker")));
}

void TestDoctor::endpoints_slackDisabled_fails404()
{
    m_h->nautobot.setSlackEnabled(false);
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kSlackEndpoints, CheckStatus::Fail);
    QVERIFY(get(report, DC::kSlackEndpoints).detail.contains(QLatin1String("enable_slack")));
    QVERIFY(get(report, DC::kSlackEndpoints).fix.contains(QLatin1String("\"enable_slack\"] = True")));
    QCOMPARE_STATUS(report, DC::kSignature, CheckStatus::Skipped);
    QVERIFY(get(report, DC::kSignature).detail.contains(DC::kSlackEndpoints));
}

void TestDoctor::endpoints_slow_warnsAboutOperationTimeout()
{
    m_h->nautobot.setChatOpsDelayMs(2300);
    const DoctorReport report = run(healthyEnv(), 8000, 5000);
    QCOMPARE_STATUS(report, DC::kSlackEndpoints, CheckStatus::Warn);
    QVERIFY(get(report, DC::kSlackEndpoints).detail.contains(QLatin1String("operation_timeout")));
    QCOMPARE_STATUS(report, DC::kSignature, CheckStatus::Pass);
}

void TestDoctor::endpoints_silent_failsWithTimeout()
{
    m_h->nautobot.setChatOpsNeverAnswers(true);
    const DoctorReport report = run(healthyEnv(), 2000, 1000);
    QCOMPARE_STATUS(report, DC::kSlackEndpoints, CheckStatus::Fail);
    QVERIFY(get(report, DC::kSlackEndpoints).detail.contains(QLatin1String("no answer within 1000 ms")));
    QVERIFY(get(report, DC::kSlackEndpoints).detail.contains(QLatin1String("operation_timeout")));
    // The ChatOps REST paths are silent too: grants and the command log fail with Nautobot's timeout.
    QCOMPARE_STATUS(report, DC::kAccessGrants, CheckStatus::Fail);
    QCOMPARE_STATUS(report, DC::kNautobotToken, CheckStatus::Pass);
}

void TestDoctor::signature_wrongSecret_fails401()
{
    const Env env = healthyEnv(); // SocketScope keeps the old secret; Nautobot gets another one
    m_h->nautobot.setSigningSecret(QByteArrayLiteral("00000000000000000000000000000000"));
    const DoctorReport report = run(env);
    QCOMPARE_STATUS(report, DC::kSignature, CheckStatus::Fail);
    QVERIFY(get(report, DC::kSignature).detail.contains(QLatin1String("Incorrect signature")));
    QVERIFY(get(report, DC::kSignature).fix.contains(QLatin1String("Signing Secret")));
    QVERIFY(get(report, DC::kSignature).fix.contains(QLatin1String("slack_signing_secret")));
    QCOMPARE(m_h->nautobot.signatureErrors().value(QStringLiteral("incorrect_signature")), 1);
}

void TestDoctor::grants_none_failsDenyAll()
{
    m_h->nautobot.setPermissiveGrants(false);
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kAccessGrants, CheckStatus::Fail);
    QVERIFY(get(report, DC::kAccessGrants).detail.contains(QLatin1String("denies everything by default")));
    QVERIFY(get(report, DC::kAccessGrants).fix.contains(QLatin1String("Access Grants")));
}

void TestDoctor::grants_missingChannelType_fails()
{
    m_h->nautobot.setPermissiveGrants(false);
    m_h->nautobot.addAccessGrant(QStringLiteral("nautobot"), QStringLiteral("*"), QStringLiteral("organization"),
                                 QStringLiteral("*"));
    m_h->nautobot.addAccessGrant(QStringLiteral("nautobot"), QStringLiteral("*"), QStringLiteral("user"),
                                 QStringLiteral("*"));
    // A grant for another command does not count.
    m_h->nautobot.addAccessGrant(QStringLiteral("clear"), QStringLiteral("*"), QStringLiteral("channel"),
                                 QStringLiteral("*"));
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kAccessGrants, CheckStatus::Fail);
    QVERIFY(get(report, DC::kAccessGrants).detail.contains(QLatin1String("none of type channel")));
    QVERIFY(get(report, DC::kAccessGrants).fix.contains(QLatin1String("type channel")));
}

void TestDoctor::grants_otherWorkspace_fails()
{
    m_h->nautobot.setPermissiveGrants(false);
    m_h->nautobot.addAccessGrant(QStringLiteral("*"), QStringLiteral("*"), QStringLiteral("organization"),
                                 QStringLiteral("T0OTHER01"));
    m_h->nautobot.addAccessGrant(QStringLiteral("*"), QStringLiteral("*"), QStringLiteral("channel"),
                                 QStringLiteral("*"));
    m_h->nautobot.addAccessGrant(QStringLiteral("*"), QStringLiteral("*"), QStringLiteral("user"), QStringLiteral("*"));
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kAccessGrants, CheckStatus::Fail);
    QVERIFY(get(report, DC::kAccessGrants).detail.contains(QLatin1String("T0OTHER01")));
    QVERIFY(get(report, DC::kAccessGrants).detail.contains(m_h->slack.config().teamId));
    QVERIFY(get(report, DC::kAccessGrants).fix.contains(m_h->slack.config().teamId));
}

void TestDoctor::grants_nameLikeValues_warn()
{
    m_h->nautobot.setPermissiveGrants(false);
    m_h->nautobot.addAccessGrant(QStringLiteral("nautobot"), QStringLiteral("*"), QStringLiteral("organization"),
                                 QStringLiteral("*"));
    m_h->nautobot.addAccessGrant(QStringLiteral("nautobot"), QStringLiteral("*"), QStringLiteral("channel"),
                                 QStringLiteral("*"));
    m_h->nautobot.addAccessGrant(QStringLiteral("nautobot"), QStringLiteral("*"), QStringLiteral("channel"),
                                 QStringLiteral("network-ops"));
    m_h->nautobot.addAccessGrant(QStringLiteral("nautobot"), QStringLiteral("*"), QStringLiteral("user"),
                                 QStringLiteral("U0SIMUSR01"));
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kAccessGrants, CheckStatus::Warn);
    const CheckResult &r = get(report, DC::kAccessGrants);
    QVERIFY(r.detail.contains(QLatin1String("channel \"network-ops\"")));
    QVERIFY(!r.detail.contains(QLatin1String("user \"U0SIMUSR01\""))); // an ID is not flagged
    QVERIFY(r.fix.contains(QLatin1String("Copy ID")));
    QVERIFY(AccessGrantsCheck::looksLikeSlackId(QStringLiteral("C0SIMNET02")));
    QVERIFY(!AccessGrantsCheck::looksLikeSlackId(QStringLiteral("alice")));
    QVERIFY(!AccessGrantsCheck::looksLikeSlackId(QStringLiteral("Tnetworking")));
}

void TestDoctor::grants_commandFromPrefixedSlashCommand()
{
    QCOMPARE(AccessGrantsCheck::chatOpsCommand(QStringLiteral("/nautobot")), QStringLiteral("nautobot"));
    QCOMPARE(AccessGrantsCheck::chatOpsCommand(QStringLiteral("/network2-nautobot")), QStringLiteral("nautobot"));
    QCOMPARE(AccessGrantsCheck::chatOpsCommand(QStringLiteral("nautobot")), QStringLiteral("nautobot"));
}

void TestDoctor::commandLog_problems_warnWithNewestDetails()
{
    m_h->nautobot.setProblemCommandLog(true);
    const DoctorReport report = run();
    QCOMPARE_STATUS(report, DC::kCommandLog, CheckStatus::Warn);
    const CheckResult &r = get(report, DC::kCommandLog);
    QVERIFY(r.detail.contains(QLatin1String("2 blocked")));
    QVERIFY(r.detail.contains(QLatin1String("1 errored")));
    // The newest blocked row (10 minutes ago), not the older one.
    QVERIFY(r.detail.contains(QLatin1String("Not permitted by user U0SIMUSR03")));
    QVERIFY(!r.detail.contains(QLatin1String("network-changes")));
    QVERIFY(r.detail.contains(QLatin1String("OperationalError")));
    QVERIFY(r.fix.contains(QLatin1String("Access Grants")));
    QVERIFY(r.fix.contains(QLatin1String("Celery worker")));
}

// ---- runner ----

void TestDoctor::runner_failedDependency_skipsAndNamesIt()
{
    std::vector<std::unique_ptr<DoctorCheck>> checks;
    checks.push_back(std::make_unique<ScriptedCheck>(QStringLiteral("a"), QStringList{}, 10, CheckStatus::Fail));
    checks.push_back(
        std::make_unique<ScriptedCheck>(QStringLiteral("b"), QStringList{QStringLiteral("a")}, 10, CheckStatus::Pass));
    checks.push_back(
        std::make_unique<ScriptedCheck>(QStringLiteral("c"), QStringList{QStringLiteral("b")}, 10, CheckStatus::Pass));
    checks.push_back(std::make_unique<ScriptedCheck>(QStringLiteral("d"), QStringList{}, 10, CheckStatus::Warn));
    checks.push_back(
        std::make_unique<ScriptedCheck>(QStringLiteral("e"), QStringList{QStringLiteral("d")}, 10, CheckStatus::Pass));
    auto *b = static_cast<ScriptedCheck *>(checks[1].get());
    Doctor doctor(contextFrom({}), std::move(checks));
    const DoctorReport report = runToEnd(doctor);
    QCOMPARE(report.results.size(), 5);
    QCOMPARE_STATUS(report, QStringLiteral("b"), CheckStatus::Skipped);
    QVERIFY(get(report, QStringLiteral("b")).detail.contains(QLatin1String("\"Scripted a\" (a), which failed")));
    QCOMPARE(b->runs, 0); // never started its own work
    QCOMPARE_STATUS(report, QStringLiteral("c"), CheckStatus::Skipped);
    QVERIFY(get(report, QStringLiteral("c")).detail.contains(QLatin1String("(b), which was skipped")));
    QCOMPARE_STATUS(report, QStringLiteral("e"), CheckStatus::Pass); // a warning is no reason to skip
    QCOMPARE(get(report, QStringLiteral("b")).dependsOn, QStringList{QStringLiteral("a")});
}

void TestDoctor::runner_runsAfterWaitsButDoesNotSkip()
{
    std::vector<std::unique_ptr<DoctorCheck>> checks;
    checks.push_back(std::make_unique<ScriptedCheck>(QStringLiteral("slow"), QStringList{}, 200, CheckStatus::Fail));
    checks.push_back(std::make_unique<ScriptedCheck>(QStringLiteral("reader"), QStringList{}, 0, CheckStatus::Pass,
                                                     QString(), QStringList{QStringLiteral("slow")}));
    Doctor doctor(contextFrom({}), std::move(checks));
    QStringList order;
    connect(&doctor, &Doctor::checkStarted, this,
            [&order](const QString &id) { order << QStringLiteral("start:") + id; });
    connect(&doctor, &Doctor::checkFinished, this,
            [&order](const CheckResult &r) { order << QStringLiteral("end:") + r.id; });
    const DoctorReport report = runToEnd(doctor);
    QCOMPARE_STATUS(report, QStringLiteral("reader"), CheckStatus::Pass);
    QVERIFY(order.indexOf(QStringLiteral("end:slow")) < order.indexOf(QStringLiteral("start:reader")));
}

void TestDoctor::runner_independentChecksOverlap()
{
    std::vector<std::unique_ptr<DoctorCheck>> checks;
    checks.push_back(std::make_unique<ScriptedCheck>(QStringLiteral("x"), QStringList{}, 400, CheckStatus::Pass));
    checks.push_back(std::make_unique<ScriptedCheck>(QStringLiteral("y"), QStringList{}, 400, CheckStatus::Pass));
    Doctor doctor(contextFrom({}), std::move(checks));
    QStringList order;
    connect(&doctor, &Doctor::checkStarted, this,
            [&order](const QString &id) { order << QStringLiteral("start:") + id; });
    connect(&doctor, &Doctor::checkFinished, this,
            [&order](const CheckResult &r) { order << QStringLiteral("end:") + r.id; });
    QElapsedTimer clock;
    clock.start();
    const DoctorReport report = runToEnd(doctor);
    QCOMPARE(report.results.size(), 2);
    QCOMPARE(order.mid(0, 2), (QStringList{QStringLiteral("start:x"), QStringLiteral("start:y")}));
    QVERIFY2(clock.elapsed() < 750, qPrintable(QString::number(clock.elapsed()))); // not 800 ms in sequence
    QVERIFY(get(report, QStringLiteral("x")).durationMs >= 390);
}

void TestDoctor::runner_realChecksOverlap()
{
    // Every /api/plugins/chatops/ answer is 700 ms late; the grants and the command log checks are
    // independent, so they must be in flight at the same time.
    m_h->nautobot.setChatOpsDelayMs(700);
    DoctorContext context = contextFrom(healthyEnv());
    Doctor doctor(context);
    QStringList order;
    connect(&doctor, &Doctor::checkStarted, this,
            [&order](const QString &id) { order << QStringLiteral("start:") + id; });
    connect(&doctor, &Doctor::checkFinished, this,
            [&order](const CheckResult &r) { order << QStringLiteral("end:") + r.id; });
    const DoctorReport report = runToEnd(doctor);
    QCOMPARE_STATUS(report, DC::kAccessGrants, CheckStatus::Pass);
    QCOMPARE_STATUS(report, DC::kCommandLog, CheckStatus::Pass);
    const int grantsEnd = order.indexOf(QStringLiteral("end:") + DC::kAccessGrants);
    const int logEnd = order.indexOf(QStringLiteral("end:") + DC::kCommandLog);
    QVERIFY(order.indexOf(QStringLiteral("start:") + DC::kAccessGrants) < logEnd);
    QVERIFY(order.indexOf(QStringLiteral("start:") + DC::kCommandLog) < grantsEnd);
    // Slack and Nautobot sides overlap too.
    QVERIFY(order.indexOf(QStringLiteral("start:") + DC::kNautobotReachable) <
            order.indexOf(QStringLiteral("end:") + DC::kAppToken));
}

void TestDoctor::runner_checkTimeout_fails()
{
    std::vector<std::unique_ptr<DoctorCheck>> checks;
    checks.push_back(std::make_unique<ScriptedCheck>(QStringLiteral("hang"), QStringList{}, -1, CheckStatus::Pass));
    checks.push_back(std::make_unique<ScriptedCheck>(QStringLiteral("after"), QStringList{QStringLiteral("hang")}, 0,
                                                     CheckStatus::Pass));
    Doctor doctor(contextFrom({}), std::move(checks));
    doctor.setCheckTimeoutMs(300);
    const DoctorReport report = runToEnd(doctor, 5000);
    QCOMPARE_STATUS(report, QStringLiteral("hang"), CheckStatus::Fail);
    QVERIFY(get(report, QStringLiteral("hang")).detail.contains(QLatin1String("did not finish within 0.3 s")));
    QVERIFY(!get(report, QStringLiteral("hang")).fix.isEmpty());
    QCOMPARE_STATUS(report, QStringLiteral("after"), CheckStatus::Skipped);
}

void TestDoctor::runner_dependencyCycle_skipsAndFinishes()
{
    std::vector<std::unique_ptr<DoctorCheck>> checks;
    checks.push_back(
        std::make_unique<ScriptedCheck>(QStringLiteral("p"), QStringList{QStringLiteral("q")}, 0, CheckStatus::Pass));
    checks.push_back(
        std::make_unique<ScriptedCheck>(QStringLiteral("q"), QStringList{QStringLiteral("p")}, 0, CheckStatus::Pass));
    checks.push_back(std::make_unique<ScriptedCheck>(QStringLiteral("free"), QStringList{}, 0, CheckStatus::Pass));
    Doctor doctor(contextFrom({}), std::move(checks));
    const DoctorReport report = runToEnd(doctor, 5000);
    QCOMPARE(report.results.size(), 3);
    QCOMPARE_STATUS(report, QStringLiteral("p"), CheckStatus::Skipped);
    QCOMPARE_STATUS(report, QStringLiteral("q"), CheckStatus::Skipped);
    QCOMPARE_STATUS(report, QStringLiteral("free"), CheckStatus::Pass);
}

void TestDoctor::runner_cancel_finishesWithCancelledReport()
{
    std::vector<std::unique_ptr<DoctorCheck>> checks;
    checks.push_back(std::make_unique<ScriptedCheck>(QStringLiteral("long"), QStringList{}, 5000, CheckStatus::Pass));
    checks.push_back(std::make_unique<ScriptedCheck>(QStringLiteral("next"), QStringList{QStringLiteral("long")}, 0,
                                                     CheckStatus::Pass));
    Doctor doctor(contextFrom({}), std::move(checks));
    QSignalSpy finished(&doctor, &Doctor::finished);
    doctor.start();
    QTimer::singleShot(100, &doctor, [&doctor] { doctor.cancel(); });
    QVERIFY(finished.wait(2000));
    const DoctorReport report = finished.first().first().value<DoctorReport>();
    QVERIFY(report.cancelled);
    QCOMPARE(report.results.size(), 2);
    QCOMPARE_STATUS(report, QStringLiteral("long"), CheckStatus::Skipped);
    QVERIFY(get(report, QStringLiteral("long")).detail.contains(QLatin1String("Cancelled")));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
}

void TestDoctor::runner_progressSignalsPerCheck()
{
    Doctor doctor(contextFrom(healthyEnv()));
    QSignalSpy started(&doctor, &Doctor::checkStarted);
    QSignalSpy finishedOne(&doctor, &Doctor::checkFinished);
    QCOMPARE(doctor.checks().size(), DC::standardIds().size());
    QCOMPARE(doctor.checks().first().id, DC::kKeychain);
    const DoctorReport report = runToEnd(doctor);
    QCOMPARE(started.size(), DC::standardIds().size());
    QCOMPARE(finishedOne.size(), DC::standardIds().size());
    QSet<QString> ids;
    for (const auto &args : finishedOne)
        ids.insert(args.first().value<CheckResult>().id);
    QCOMPARE(ids.size(), DC::standardIds().size());
}

// ---- context ----

void TestDoctor::context_profileWithEnvironmentSecrets_keychainNotNeeded()
{
    // Every secret from the environment: the keychain is never read, even for a profile.
    SecretStore store(QStringLiteral("SocketScopeDoctorTest-unused"), nullptr);
    SecretResolver resolver(&store);
    const Env env = healthyEnv();
    resolver.setEnvironment([env](const QString &name) { return env.value(name); });
    DoctorContextBuilder builder(&resolver);
    builder.setEnvironment([env](const QString &name) { return env.value(name); });
    Profile profile;
    profile.name = QStringLiteral("lab");
    profile.slackApiUrl = QUrl(QStringLiteral("https://slack.example.invalid/api/"));
    profile.nautobotUrl = QUrl(QStringLiteral("https://nautobot.example.invalid/"));
    std::optional<Result<DoctorContext>> built;
    builder.build(profile, this, [&built](Result<DoctorContext> r) { built.emplace(std::move(r)); });
    QTRY_VERIFY_WITH_TIMEOUT(built.has_value(), 5000);
    QVERIFY2(built->ok(), qPrintable(built->ok() ? QString() : built->error().message));
    const DoctorContext &context = built->value();
    QVERIFY(context.fromProfile());
    QVERIFY(!context.keychainNeeded());
    QCOMPARE(context.secret(SecretKind::SlackAppToken).resolved->source, SecretSource::Environment);
    // Endpoint variables override the profile and say so.
    QCOMPARE(context.profile.nautobotUrl, m_h->nautobot.baseUrl());
    QVERIFY(context.overriddenByEnvironment.contains(QStringLiteral("SOCKETSCOPE_NAUTOBOT_URL")));

    Doctor doctor(context);
    const DoctorReport report = runToEnd(doctor);
    QCOMPARE(report.profileName, QStringLiteral("lab"));
    QCOMPARE_STATUS(report, DC::kKeychain, CheckStatus::Skipped);
    QVERIFY(!report.hasFailures());
}

void TestDoctor::context_invalidProfile_isConfigError()
{
    SecretStore store(QStringLiteral("SocketScopeDoctorTest-unused"), nullptr);
    SecretResolver resolver(&store);
    DoctorContextBuilder builder(&resolver);
    Profile profile;
    profile.name = QStringLiteral("bad/name");
    std::optional<Result<DoctorContext>> built;
    builder.build(profile, this, [&built](Result<DoctorContext> r) { built.emplace(std::move(r)); });
    QTRY_VERIFY_WITH_TIMEOUT(built.has_value(), 5000);
    QVERIFY(!built->ok());
    QCOMPARE(built->error().code, QStringLiteral("bad_config"));
}

void TestDoctor::context_badUrlVariable_isConfigError()
{
    auto built = DoctorContext::fromEnvironment([](const QString &name) {
        return name == QLatin1String("SOCKETSCOPE_NAUTOBOT_URL") ? QStringLiteral("ftp://nautobot") : QString();
    });
    QVERIFY(!built);
    QVERIFY(built.error().message.contains(QLatin1String("SOCKETSCOPE_NAUTOBOT_URL")));
}

// ---- report ----

void TestDoctor::report_markdownAndJson_oneEntryPerCheck()
{
    m_h->nautobot.setCeleryWorkers(0);
    const DoctorReport report = run();
    const QString md = DoctorReportFormat::toMarkdown(report);
    for (const QString &id : DC::standardIds())
        QVERIFY2(md.contains(QStringLiteral("`%1`").arg(id)), qPrintable(id));
    QVERIFY(md.contains(QLatin1String("## How to fix")));
    QVERIFY(md.contains(QLatin1String("celery-workers-running = 0")));
    QVERIFY(md.contains(QLatin1String("**fail**")));

    const QJsonObject json = DoctorReportFormat::toJson(report);
    const QJsonDocument roundTrip = QJsonDocument::fromJson(QJsonDocument(json).toJson());
    QVERIFY(roundTrip.isObject());
    const QJsonArray checks = roundTrip.object().value(QLatin1String("checks")).toArray();
    QCOMPARE(checks.size(), DC::standardIds().size());
    QCOMPARE(roundTrip.object().value(QLatin1String("overall")).toString(), QStringLiteral("fail"));
    QCOMPARE(roundTrip.object().value(QLatin1String("summary")).toObject().value(QLatin1String("fail")).toInt(), 1);
    for (const QJsonValue &v : checks) {
        const QJsonObject c = v.toObject();
        QVERIFY(DC::standardIds().contains(c.value(QLatin1String("id")).toString()));
        QVERIFY(!c.value(QLatin1String("status")).toString().isEmpty());
        QVERIFY(c.contains(QLatin1String("fix")));
        QVERIFY(c.contains(QLatin1String("duration_ms")));
    }
}

void TestDoctor::report_neverContainsSecrets()
{
    m_h->nautobot.setProblemCommandLog(true);
    m_h->slack.setGhostConnections(1);
    const Env env = healthyEnv();
    DoctorContext context = contextFrom(env);
    // A check that leaks every secret (and a response_url) into its text, as a careless server echo
    // might: the renderers must still show none of it.
    QString leak;
    for (const QString &secret : context.secretValues())
        leak += secret + QLatin1Char(' ');
    leak += QStringLiteral("https://hooks.slack.com/commands/T0SIM0001/123/abcdefSECRET Authorization: Token "
                           "0123456789abcdef0123456789abcdef01234567");
    auto checks = DC::standard();
    checks.push_back(
        std::make_unique<ScriptedCheck>(QStringLiteral("leaky"), QStringList{}, 0, CheckStatus::Fail, leak));
    Doctor doctor(context, std::move(checks));
    const DoctorReport report = runToEnd(doctor);
    QCOMPARE(report.results.size(), DC::standardIds().size() + 1);
    const QStringList secrets = context.secretValues();
    QCOMPARE(secrets.size(), 4);
    const QString md = DoctorReportFormat::toMarkdown(report, secrets);
    const QString json = QString::fromUtf8(QJsonDocument(DoctorReportFormat::toJson(report, secrets)).toJson());
    for (const QString &text : {md, json}) {
        for (const QString &secret : secrets)
            QVERIFY2(!text.contains(secret), "a secret value is in the rendered report");
        QVERIFY(!text.contains(QLatin1String("abcdefSECRET")));
        QVERIFY(!text.contains(QLatin1String("0123456789abcdef0123456789abcdef01234567")));
        QVERIFY(text.contains(QLatin1String("[redacted]")));
    }
    // Without the leaky check nothing secret was there in the first place: the checks name sources only.
    for (const CheckResult &r : report.results) {
        if (r.id == QLatin1String("leaky"))
            continue;
        for (const QString &secret : secrets) {
            QVERIFY2(!r.detail.contains(secret) && !r.fix.contains(secret), qPrintable(r.id));
        }
    }
}

QTEST_GUILESS_MAIN(TestDoctor)
#include "tst_doctor.moc"
