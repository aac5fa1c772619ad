// socketscope-cli sim: the built-in Slack Socket Mode simulator as a standalone process.
#include "CliOutput.h"
#include "Commands.h"
#include "HttpServer.h"
#include "NautobotSimulator.h"
#include "SlackSimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <csignal>

#include <unistd.h>

namespace socketscope::cli {

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    // Async-signal-safe: only write(2); the event loop does the rest.
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// SIGINT/SIGTERM end the event loop cleanly (links closed, summary printed).
bool installQuitOnSignals()
{
    if (::pipe(g_signalPipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(), [notifier] {
        char byte = 0;
        [[maybe_unused]] const auto readBytes = ::read(g_signalPipe[0], &byte, 1);
        notifier->setEnabled(false);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &action, nullptr) == 0 && ::sigaction(SIGTERM, &action, nullptr) == 0;
}

QString summary(const sim::SimStats &stats)
{
    QVector<qint64> latencies = stats.ackLatenciesUs;
    std::sort(latencies.begin(), latencies.end());
    auto percentileMs = [&latencies](double p) {
        if (latencies.isEmpty())
            return 0.0;
        const int index = std::min(static_cast<int>(latencies.size()) - 1, static_cast<int>(p * latencies.size()));
        return static_cast<double>(latencies.at(index)) / 1000.0;
    };
    return QStringLiteral("links opened %1, live %2 | sent %3 (retries %4), acked %5, duplicate acks %6, malformed acks %7"
                          " | ack p50 %8 ms, p99 %9 ms | time without a live link %10 ms in %11 windows")
        .arg(stats.linksOpened)
        .arg(stats.liveLinks)
        .arg(stats.sent)
        .arg(stats.retriesSent)
        .arg(stats.acked)
        .arg(stats.duplicateAcks)
        .arg(stats.malformedAcks)
        .arg(percentileMs(0.50), 0, 'f', 2)
        .arg(percentileMs(0.99), 0, 'f', 2)
        .arg(static_cast<double>(stats.zeroLinkUs) / 1000.0, 0, 'f', 1)
        .arg(stats.zeroLinkWindows);
}

// Fixed test values so that `sim --print-env` in one shell and the simulator in another agree.
// They open nothing but this simulator; they are not secrets.
const QString kSimNautobotToken = QStringLiteral("5050c0de5050c0de5050c0de5050c0de5050c0de");
const QByteArray kSimSigningSecret = QByteArrayLiteral("51a9c0de51a9c0de51a9c0de51a9c0de");

const QStringList &nautobotFailureNames()
{
    static const QStringList names{QStringLiteral("celery"),       QStringLiteral("no-chatops"),
                                   QStringLiteral("old-chatops"),  QStringLiteral("slack-disabled"),
                                   QStringLiteral("no-grants"),    QStringLiteral("problem-log"),
                                   QStringLiteral("token-expired"), QStringLiteral("html"),
                                   QStringLiteral("slow=MS"),      QStringLiteral("silent")};
    return names;
}

// Applies one --nautobot-fail value; an error names the valid ones.
Result<void> applyNautobotFailure(sim::NautobotSimulator &nautobot, const QString &value)
{
    if (value == QLatin1String("celery"))
        nautobot.setCeleryWorkers(0);
    else if (value == QLatin1String("no-chatops"))
        nautobot.setChatOpsInstalled(false);
    else if (value == QLatin1String("old-chatops"))
        nautobot.setChatOpsVersion(QStringLiteral("3.1.0"));
    else if (value == QLatin1String("slack-disabled"))
        nautobot.setSlackEnabled(false);
    else if (value == QLatin1String("no-grants"))
        nautobot.setPermissiveGrants(false);
    else if (value == QLatin1String("problem-log"))
        nautobot.setProblemCommandLog(true);
    else if (value == QLatin1String("token-expired"))
        nautobot.setTokenExpired(true);
    else if (value == QLatin1String("html"))
        nautobot.setRestApiHtml(true);
    else if (value == QLatin1String("silent"))
        nautobot.setChatOpsNeverAnswers(true);
    else if (value.startsWith(QLatin1String("slow="))) {
        bool ok = false;
        const int ms = value.mid(5).toInt(&ok);
        if (!ok || ms < 0 || ms > 600000)
            return Error{QStringLiteral("usage"), QStringLiteral("--nautobot-fail=slow=MS needs MS in 0..600000."), QString()};
        nautobot.setChatOpsDelayMs(ms);
    } else {
        return Error{QStringLiteral("usage"),
                     QStringLiteral("unknown --nautobot-fail value '%1'. Valid: %2.")
                         .arg(value, nautobotFailureNames().join(QStringLiteral(", "))),
                     QString()};
    }
    return {};
}

QString envLines(const sim::SlackSimulator &slack, const sim::NautobotSimulator &nautobot)
{
    return QStringLiteral("export SOCKETSCOPE_SLACK_API_URL=%1\n"
                          "export SOCKETSCOPE_NAUTOBOT_URL=%2\n"
                          "export SOCKETSCOPE_SLACK_APP_TOKEN=%3\n"
                          "export SOCKETSCOPE_SLACK_BOT_TOKEN=%4\n"
                          "export SOCKETSCOPE_SLACK_SIGNING_SECRET=%5\n"
                          "export SOCKETSCOPE_NAUTOBOT_TOKEN=%6")
        .arg(slack.apiUrl().toString(), nautobot.baseUrl().toString(), slack.config().appToken, slack.config().botToken,
             QString::fromLatin1(nautobot.config().signingSecret), nautobot.config().token);
}

} // namespace

int runSim(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs the built-in Slack Socket Mode simulator on 127.0.0.1: apps.connections.open and auth.test\n"
        "on the HTTP port, one-time WebSocket links on a second, ephemeral port, and /nautobot envelopes.\n"
        "Point 'socketscope-cli listen' (or any Slack SDK) at it:\n"
        "  SOCKETSCOPE_SLACK_API_URL=http://127.0.0.1:<port>/api/\n"
        "  SOCKETSCOPE_SLACK_APP_TOKEN=$(socketscope-cli sim --print-token)\n"
        "The simulator's token is a fixed demo value, not a secret.\n\n"
        "Scenarios (--scenario): applied once, --scenario-delay seconds after start (default 5);\n"
        "with --scenario-every SEC they are applied again every SEC seconds. State scenarios\n"
        "(stale, malformed, ratelimited, invalid_auth, link_disabled, too_many_websockets) stay in\n"
        "effect; event scenarios (refresh, warning, drop) act on the links live at that moment.\n"
        "link_disabled: live links get 'disconnect link_disabled' and are closed; apps.connections.open\n"
        "keeps answering ok (Slack documents no open error for it) and every new link is told\n"
        "link_disabled instead of hello.\n\n"
        "The same port also serves a simulated Nautobot (REST API, status, ChatOps app with access grants, command\n"
        "log and Slack endpoints): point check/listen at it with SOCKETSCOPE_NAUTOBOT_URL=http://127.0.0.1:<port>/,\n"
        "or print every variable with --print-env. --nautobot-fail switches one failure on (repeatable):\n"
        "celery (no Celery worker), no-chatops, old-chatops (3.1.0), slack-disabled (enable_slack False),\n"
        "no-grants (deny all), problem-log (blocked/errored rows), token-expired, html (SSO login page),\n"
        "slow=MS (ChatOps answers MS later), silent (ChatOps never answers).\n\n"
        "The simulator's tokens and signing secret (--print-token, --print-env) are fixed test values that open\n"
        "nothing but this simulator; they are not secrets."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("HTTP port (0 = any free port)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption rate(QStringLiteral("rate"), QStringLiteral("Envelopes per second to the live links (0 = none)."),
                                  QStringLiteral("PER_SEC"), QStringLiteral("0"));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      QStringLiteral("One of: %1.").arg(sim::scenarioNames().join(QStringLiteral(", "))),
                                      QStringLiteral("NAME"));
    const QCommandLineOption delay(QStringLiteral("scenario-delay"), QStringLiteral("Seconds before the scenario is applied."),
                                   QStringLiteral("SEC"), QStringLiteral("5"));
    const QCommandLineOption every(QStringLiteral("scenario-every"), QStringLiteral("Re-apply the scenario every SEC seconds (0 = once)."),
                                   QStringLiteral("SEC"), QStringLiteral("0"));
    const QCommandLineOption printToken(QStringLiteral("print-token"),
                                        QStringLiteral("Print the simulator's app token on stdout and exit."));
    const QCommandLineOption printEnv(QStringLiteral("print-env"),
                                      QStringLiteral("Once listening, print export lines for the six SOCKETSCOPE_* "
                                                     "variables on stdout (then keep running)."));
    const QCommandLineOption nautobotFail(QStringLiteral("nautobot-fail"),
                                          QStringLiteral("Switch on a Nautobot failure (repeatable): %1.")
                                              .arg(nautobotFailureNames().join(QStringLiteral(", "))),
                                          QStringLiteral("FAILURE"));
    parser.addOptions({help, port, rate, scenario, delay, every, printToken, printEnv, nautobotFail});

    const auto usage = [&parser](const QString &problem) {
        status(QStringLiteral("socketscope-cli sim: %1").arg(problem));
        status(QStringLiteral("Run 'socketscope-cli sim --help' for the options."));
        return ExitUsage;
    };
    if (!parser.parse(args))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(0, text.indexOf(QLatin1Char('\n')), QStringLiteral("Usage: socketscope-cli sim [options]"));
        out(text.toUtf8());
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("unexpected argument '%1'.").arg(parser.positionalArguments().first()));

    sim::SlackSimConfig config;
    if (parser.isSet(printToken)) {
        out(config.appToken.toUtf8());
        return ExitOk;
    }
    bool ok = false;
    const uint portValue = parser.value(port).toUInt(&ok);
    if (!ok || portValue > 65535)
        return usage(QStringLiteral("--port must be 0..65535."));
    const double rateValue = parser.value(rate).toDouble(&ok);
    if (!ok || rateValue < 0 || rateValue > 100000)
        return usage(QStringLiteral("--rate must be 0..100000 envelopes per second."));
    const double delayValue = parser.value(delay).toDouble(&ok);
    if (!ok || delayValue < 0 || delayValue > 86400)
        return usage(QStringLiteral("--scenario-delay must be 0..86400 seconds."));
    const double everyValue = parser.value(every).toDouble(&ok);
    if (!ok || everyValue < 0 || everyValue > 86400 || (everyValue > 0 && everyValue < 0.1))
        return usage(QStringLiteral("--scenario-every must be 0 (once) or 0.1..86400 seconds."));
    std::optional<sim::Scenario> chosen;
    if (parser.isSet(scenario)) {
        chosen = sim::scenarioFromName(parser.value(scenario));
        if (!chosen) {
            return usage(QStringLiteral("unknown scenario '%1'. Valid: %2.")
                             .arg(parser.value(scenario), sim::scenarioNames().join(QStringLiteral(", "))));
        }
    }

    sim::NautobotSimConfig nautobotConfig;
    nautobotConfig.token = kSimNautobotToken;
    nautobotConfig.signingSecret = kSimSigningSecret;
    sim::SlackSimulator simulator(config);
    sim::NautobotSimulator nautobot(nautobotConfig);
    nautobot.registerOn(simulator.httpServer());
    for (const QString &failure : parser.values(nautobotFail)) {
        if (auto applied = applyNautobotFailure(nautobot, failure); !applied)
            return usage(applied.error().message);
    }
    if (auto listening = simulator.listen(static_cast<quint16>(portValue)); !listening) {
        status(QStringLiteral("socketscope-cli sim: %1").arg(listening.error().toString()));
        return ExitConfig;
    }
    if (!installQuitOnSignals())
        status(QStringLiteral("socketscope-cli sim: cannot install signal handlers; stop with Ctrl+C may be abrupt."));

    status(QStringLiteral("Slack simulator: Web API %1 (WebSocket links on 127.0.0.1:%2)")
               .arg(simulator.apiUrl().toString())
               .arg(simulator.linkPort()));
    status(QStringLiteral("Nautobot simulator: %1 (REST API, ChatOps app and its Slack endpoints on the same port)")
               .arg(nautobot.baseUrl().toString()));
    for (const QString &failure : parser.values(nautobotFail))
        status(QStringLiteral("Nautobot failure switched on: %1").arg(failure));
    status(QStringLiteral("Point listen and check at it (test values, not secrets):\n  export SOCKETSCOPE_SLACK_API_URL=%1\n"
                          "  export SOCKETSCOPE_NAUTOBOT_URL=%2\n"
                          "  export SOCKETSCOPE_SLACK_APP_TOKEN=$(socketscope-cli sim --print-token)\n"
                          "  (start the simulator with --print-env to get all six export lines on stdout)\n"
                          "  socketscope-cli check\n"
                          "  socketscope-cli listen --jsonl")
               .arg(simulator.apiUrl().toString(), nautobot.baseUrl().toString()));
    if (parser.isSet(printEnv))
        out(envLines(simulator, nautobot).toUtf8());

    // Traffic starts with the first live link so early envelopes are not wasted on nobody.
    if (rateValue > 0) {
        QObject::connect(&simulator, &sim::SlackSimulator::helloSent, &simulator, [&simulator, rateValue] {
            static bool started = false;
            if (!started) {
                started = true;
                simulator.startTraffic(rateValue);
                status(QStringLiteral("Traffic: %1 envelopes/s").arg(rateValue));
            }
        });
    }
    QTimer scenarioTimer;
    if (chosen) {
        scenarioTimer.setSingleShot(everyValue <= 0);
        QObject::connect(&scenarioTimer, &QTimer::timeout, &simulator, [&simulator, &scenarioTimer, chosen, everyValue] {
            status(QStringLiteral("Scenario: %1").arg(sim::scenarioName(*chosen)));
            simulator.runScenario(*chosen);
            if (everyValue > 0)
                scenarioTimer.start(static_cast<int>(everyValue * 1000));
        });
        scenarioTimer.start(static_cast<int>(delayValue * 1000));
        status(QStringLiteral("Scenario %1 in %2 s%3")
                   .arg(sim::scenarioName(*chosen))
                   .arg(delayValue)
                   .arg(everyValue > 0 ? QStringLiteral(", then every %1 s").arg(everyValue) : QString()));
    }
    QTimer report;
    QObject::connect(&report, &QTimer::timeout, &simulator, [&simulator] { status(summary(simulator.stats())); });
    report.start(10000);

    QObject::connect(&simulator, &sim::SlackSimulator::linkOpened, &simulator,
                     [](int id) { status(QStringLiteral("link %1 opened").arg(id)); });
    QObject::connect(&simulator, &sim::SlackSimulator::linkClosed, &simulator,
                     [](int id) { status(QStringLiteral("link %1 closed").arg(id)); });

    QCoreApplication::exec();
    simulator.stopTraffic();
    simulator.stopGapMeasurement();
    status(QStringLiteral("Stopped. %1").arg(summary(simulator.stats())));
    return ExitOk;
}

} // namespace socketscope::cli
