#include "CliConfig.h"
#include "CliOutput.h"
#include "Commands.h"
#include "UnixSignalWatcher.h"

#include "capture/CaptureStore.h"
#include "secrets/SecretFormat.h"
#include "slack/SlackWebApi.h"
#include "slack/SocketModeClient.h"
#include "util/Json.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <QDateTime>
#include <QDir>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>

namespace socketscope::cli {

namespace {

QString isoTime(qint64 us)
{
    if (us <= 0)
        return {};
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC);
    return t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.")) +
           QStringLiteral("%1Z").arg(us % 1000000, 6, 10, QLatin1Char('0'));
}

QByteArray jsonLine(const Envelope &e)
{
    QJsonObject o{
        {QStringLiteral("envelope_id"), e.envelopeId},
        {QStringLiteral("type"), e.type},
        {QStringLiteral("subtype"), e.subtype},
        {QStringLiteral("received_at"), isoTime(e.receivedUs)},
        {QStringLiteral("acked_at"), e.ackedUs > 0 ? QJsonValue(isoTime(e.ackedUs)) : QJsonValue()},
        {QStringLiteral("ack_us"), e.ackedUs > 0 ? QJsonValue(double(e.ackLatencyUs())) : QJsonValue()},
        {QStringLiteral("link"), e.linkId},
        {QStringLiteral("retry_attempt"), e.retryAttempt},
        {QStringLiteral("retry_reason"), e.retryReason},
        {QStringLiteral("event_id"), e.eventId},
        {QStringLiteral("duplicate"), e.duplicate},
    };
    return json::compact(o);
}

QString defaultCapturePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/captures");
    QDir().mkpath(dir);
    return dir + QStringLiteral("/listen-%1.sqlite")
                     .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

qint64 percentile(QVector<qint64> values, double p)
{
    if (values.isEmpty())
        return 0;
    const auto index = static_cast<qsizetype>(std::min<double>(double(values.size() - 1), p * double(values.size() - 1) + 0.5));
    std::nth_element(values.begin(), values.begin() + index, values.end());
    return values.at(index);
}

// Keeps the figures for the closing summary.
struct ListenStats
{
    qint64 envelopes = 0;
    qint64 acked = 0;
    qint64 retries = 0;
    qint64 duplicates = 0;
    qint64 malformed = 0;
    QVector<qint64> ackUs;
};

} // namespace

int runListen(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Hold a Slack Socket Mode connection, commit every envelope to a capture and ack it.\n"
        "The app token comes from SOCKETSCOPE_SLACK_APP_TOKEN or the profile's keychain entry.\n"
        "Bridge mode re-delivers every envelope, signed, to Nautobot ChatOps (SOCKETSCOPE_NAUTOBOT_URL and\n"
        "SOCKETSCOPE_SLACK_SIGNING_SECRET, or the profile's) and acks within 2.5 s."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("listen"), QStringLiteral("the command"));
    const QCommandLineOption profileOpt(QStringLiteral("profile"), QStringLiteral("Profile to use."), QStringLiteral("P"));
    const QCommandLineOption apiUrlOpt(QStringLiteral("slack-api-url"),
                                       QStringLiteral("Slack Web API base URL (default $SOCKETSCOPE_SLACK_API_URL or https://slack.com/api/)."),
                                       QStringLiteral("URL"));
    const QCommandLineOption captureOpt(QStringLiteral("capture"), QStringLiteral("Capture file (SQLite); created if missing."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption jsonlOpt(QStringLiteral("jsonl"), QStringLiteral("Print one JSON object per envelope on stdout."));
    const QCommandLineOption maxOpt(QStringLiteral("max-envelopes"), QStringLiteral("Stop after N envelopes."), QStringLiteral("N"));
    const QCommandLineOption durationOpt(QStringLiteral("duration"), QStringLiteral("Stop after SEC seconds."), QStringLiteral("SEC"));
    const QCommandLineOption modeOpt(QStringLiteral("mode"), QStringLiteral("dedicated (default) or bridge."), QStringLiteral("MODE"),
                                     QStringLiteral("dedicated"));
    const QCommandLineOption debugReconnectsOpt(QStringLiteral("debug-reconnects"),
                                                QStringLiteral("Ask Slack for short-lived links (debug_reconnects=true, ~360 s)."));
    const QCommandLineOption giveUpOpt(QStringLiteral("give-up-after"),
                                       QStringLiteral("Consecutive failed connection attempts before giving up (exit 4); 0 = never. Default 10."),
                                       QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption livenessOpt(QStringLiteral("liveness-window"),
                                         QStringLiteral("Seconds without pong or frame before a link counts as dead. Default 15."),
                                         QStringLiteral("SEC"), QStringLiteral("15"));
    const QCommandLineOption searchIndexOpt(
        QStringLiteral("search-index"),
        QStringLiteral("Also build the capture's free-text search index while listening, when traffic pauses. Off by "
                       "default: the desktop app builds it when it opens the capture, and 'socketscope-cli index' "
                       "builds it headless; search finds every envelope either way."));
    parser.addOptions({profileOpt, apiUrlOpt, captureOpt, jsonlOpt, maxOpt, durationOpt, modeOpt, debugReconnectsOpt,
                       giveUpOpt, livenessOpt, searchIndexOpt});
    if (!parser.parse(args)) {
        status(QStringLiteral("listen: %1").arg(parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(parser.helpText().toUtf8());
        return ExitOk;
    }

    auto uintOption = [&](const QCommandLineOption &option, qint64 fallback, bool *ok) -> qint64 {
        if (!parser.isSet(option) && option.defaultValues().isEmpty())
            return fallback;
        bool parsed = false;
        const qint64 value = parser.value(option).toLongLong(&parsed);
        if (!parsed || value < 0) {
            status(QStringLiteral("listen: --%1 needs a whole number ≥ 0, not \"%2\".").arg(option.names().first(), parser.value(option)));
            *ok = false;
        }
        return value;
    };
    bool ok = true;
    const qint64 maxEnvelopes = uintOption(maxOpt, 0, &ok);
    const qint64 durationS = uintOption(durationOpt, 0, &ok);
    const qint64 giveUp = uintOption(giveUpOpt, 10, &ok);
    const qint64 livenessS = uintOption(livenessOpt, 15, &ok);
    if (!ok)
        return ExitUsage;

    auto configuration = loadConfiguration(parser.value(profileOpt));
    if (!configuration) {
        status(QStringLiteral("listen: %1").arg(configuration.error().toString()));
        return ExitConfig;
    }
    const DoctorContext &config = configuration.value();
    for (const QString &variable : config.overriddenByEnvironment)
        status(QStringLiteral("Note: %1 overrides the profile's setting.").arg(variable));

    const QString mode = parser.isSet(modeOpt) || !config.fromProfile() ? parser.value(modeOpt)
                                                                         : profileModeName(config.profile.mode);
    if (mode != QLatin1String("dedicated") && mode != QLatin1String("bridge")) {
        status(QStringLiteral("listen: --mode must be dedicated or bridge, not \"%1\".").arg(mode));
        return ExitUsage;
    }

    ClientOptions options;
    options.apiUrl = config.profile.slackApiUrl;
    if (parser.isSet(apiUrlOpt)) {
        auto url = SlackWebApi::parseBaseUrl(parser.value(apiUrlOpt));
        if (!url) {
            status(QStringLiteral("listen: %1").arg(url.error().toString()));
            return ExitUsage;
        }
        options.apiUrl = url.value();
    }
    options.mode = mode;
    options.debugReconnects = parser.isSet(debugReconnectsOpt);
    options.giveUpAfterFailures = int(giveUp);
    options.livenessWindowMs = int(livenessS * 1000);
    options.pingIntervalMs = std::max(200, std::min(5000, options.livenessWindowMs / 3));
    options.sslConfiguration = config.tls;
    if (config.tlsProblem)
        status(QStringLiteral("Warning: %1 (using the system CAs)").arg(config.tlsProblem->toString()));
    options.proxyFor = [proxy = config.proxy](const QUrl &url) { return proxy->proxyForUrl(url); };

    const DoctorSecret &appToken = config.secret(SecretKind::SlackAppToken);
    if (!appToken.present()) {
        status(QStringLiteral("listen: no Slack app-level token: %1 Set SOCKETSCOPE_SLACK_APP_TOKEN (xapp-…)%2.")
                   .arg(appToken.problem ? appToken.problem->message : QString(),
                        config.fromProfile() ? QStringLiteral(" or store it in the profile's keychain entry")
                                             : QStringLiteral(" or use --profile with a token stored in the keychain")));
        return ExitConfig;
    }
    options.appToken = appToken.value();
    if (auto format = SecretFormat::validate(SecretKind::SlackAppToken, options.appToken); !format) {
        status(QStringLiteral("listen: the Slack app token (%1) is not usable: %2")
                   .arg(appToken.resolved->origin, format.error().toString()));
        return ExitConfig;
    }
    if (mode == QLatin1String("bridge")) {
        options.bridge.nautobotUrl = config.profile.nautobotUrl;
        options.bridge.signingSecret = config.secret(SecretKind::SlackSigningSecret).value().toUtf8();
        if (auto valid = ChatOpsBridge::validate(options.bridge); !valid) {
            status(QStringLiteral("listen: %1").arg(valid.error().toString()));
            return ExitConfig;
        }
    }

    // One session: open the capture, hold the connection, commit and ack until told to stop, report.
    auto session = [&]() -> int {
        const QString capturePath = parser.isSet(captureOpt) ? parser.value(captureOpt) : defaultCapturePath();
        // Capturing and acking is listen's job; indexing for search is a viewer's (it costs about as much CPU
        // again per envelope), so by default the rows wait for whoever searches them.
        CaptureStore::Options storeOptions;
        storeOptions.backgroundSearchIndexing = parser.isSet(searchIndexOpt);
        storeOptions.ackJournal = true; // dedicated mode acks after the journal write (see AckJournal)
        auto store = CaptureStore::open(capturePath, CaptureStore::Mode::ReadWrite, storeOptions);
        if (!store) {
            status(QStringLiteral("listen: cannot open the capture: %1").arg(store.error().toString()));
            return ExitConfig;
        }
        status(QStringLiteral("Capture: %1").arg(capturePath));
        if (const qint64 recovered = store.value()->recoveredFromJournal(); recovered > 0) {
            status(QStringLiteral("Stored %1 envelope(s) that an earlier session acknowledged but had not written to "
                                  "the capture's tables when it stopped (they were safe in its ack journal).")
                       .arg(recovered));
        }

        const bool jsonl = parser.isSet(jsonlOpt);
        SocketModeClient client(store.value().get(), options);
        ListenStats stats;
        int exitCode = ExitOk;
        bool stopRequested = false;

        auto requestStop = [&](const QString &why) {
            if (stopRequested)
                return;
            stopRequested = true;
            client.stop(why);
        };

        // An envelope is reported once acked: at commit in dedicated mode, after Nautobot's answer (or the
        // budget) in bridge mode.
        QHash<qint64, Envelope> awaitingAck;
        auto report = [&](const Envelope &e) {
            ++stats.acked;
            stats.ackUs.append(e.ackLatencyUs());
            if (jsonl)
                out(jsonLine(e));
        };
        QObject::connect(&client, &SocketModeClient::envelopesCommitted, &client, [&](const QVector<Envelope> &batch) {
            for (const Envelope &e : batch) {
                ++stats.envelopes;
                stats.retries += e.retryAttempt > 0 ? 1 : 0;
                stats.duplicates += e.duplicate ? 1 : 0;
                if (e.ackedUs > 0)
                    report(e);
                else
                    awaitingAck.insert(e.rowId, e);
            }
            if (maxEnvelopes > 0 && stats.envelopes >= maxEnvelopes && awaitingAck.isEmpty())
                requestStop(QStringLiteral("reached --max-envelopes %1").arg(maxEnvelopes));
        });
        QObject::connect(&client, &SocketModeClient::envelopesAcked, &client, [&](const QVector<AckUpdate> &acks) {
            for (const AckUpdate &a : acks) {
                auto it = awaitingAck.find(a.rowId);
                if (it == awaitingAck.end())
                    continue;
                it->ackedUs = a.ackedUs;
                report(*it);
                awaitingAck.erase(it);
            }
            if (maxEnvelopes > 0 && stats.envelopes >= maxEnvelopes && awaitingAck.isEmpty())
                requestStop(QStringLiteral("reached --max-envelopes %1").arg(maxEnvelopes));
        });
        QHash<QString, int> deliveryOutcomes;
        QObject::connect(&client, &SocketModeClient::deliveryUpdated, &client,
                         [&](qint64, const QString &summary) { ++deliveryOutcomes[summary]; });
        QObject::connect(&client, &SocketModeClient::helloReceived, &client, [&](int link, int numConnections, const QString &host) {
            status(QStringLiteral("Link %1 live (num_connections=%2, host %3)").arg(link).arg(numConnections).arg(host));
        });
        QObject::connect(&client, &SocketModeClient::linkEvent, &client, [&](const LinkEvent &event) {
            if (event.kind == QLatin1String("disconnect") || event.kind == QLatin1String("closed")
                || event.kind == QLatin1String("dead") || event.kind == QLatin1String("open_failed")) {
                status(QStringLiteral("Link %1 %2: %3").arg(event.linkId).arg(event.kind, event.detail));
            }
        });
        QObject::connect(&client, &SocketModeClient::warning, &client, [](const QString &text) {
            status(QStringLiteral("Warning: %1").arg(text));
        });
        QObject::connect(&client, &SocketModeClient::malformedFrame, &client, [&](int link, const QString &problem) {
            ++stats.malformed;
            status(QStringLiteral("Link %1: malformed frame kept in the capture (%2)").arg(link).arg(problem));
        });
        QObject::connect(&client, &SocketModeClient::fatalError, &client, [&](const Error &error) {
            status(QStringLiteral("Error: %1").arg(error.message));
            if (!error.fix.isEmpty())
                status(QStringLiteral("Fix: %1").arg(error.fix));
            exitCode = ExitConfig;
        });
        QObject::connect(&client, &SocketModeClient::gaveUp, &client, [&](const Error &error) {
            status(QStringLiteral("Error: %1").arg(error.message));
            if (!error.fix.isEmpty())
                status(QStringLiteral("Fix: %1").arg(error.fix));
            exitCode = ExitNetwork;
        });
        QEventLoop loop;
        QObject::connect(&client, &SocketModeClient::stopped, &loop, &QEventLoop::quit);

        UnixSignalWatcher signalWatcher;
        QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &client, [&](int number) {
            status(QStringLiteral("Signal %1: stopping (committing and acking what has arrived)…").arg(number));
            requestStop(QStringLiteral("signal %1").arg(number));
        });
        if (durationS > 0)
            QTimer::singleShot(std::chrono::seconds(durationS), &client,
                               [&] { requestStop(QStringLiteral("reached --duration %1 s").arg(durationS)); });

        status(QStringLiteral("Connecting to %1 (mode %2)…").arg(options.apiUrl.toDisplayString(), mode));
        QTimer::singleShot(0, &client, [&] { client.start(); });
        loop.exec();

        status(QStringLiteral("Envelopes: %1, acked: %2, retries: %3, duplicates: %4, malformed frames: %5, reconnects: %6")
                   .arg(stats.envelopes)
                   .arg(stats.acked)
                   .arg(stats.retries)
                   .arg(stats.duplicates)
                   .arg(stats.malformed)
                   .arg(client.reconnectCount()));
        for (auto it = deliveryOutcomes.cbegin(); it != deliveryOutcomes.cend(); ++it)
            status(QStringLiteral("Deliveries \"%1\": %2").arg(it.key()).arg(it.value()));
        if (!stats.ackUs.isEmpty()) {
            status(QStringLiteral("Ack latency (receive → ack sent): p50 %1 µs, p99 %2 µs, max %3 µs")
                       .arg(percentile(stats.ackUs, 0.5))
                       .arg(percentile(stats.ackUs, 0.99))
                       .arg(*std::max_element(stats.ackUs.cbegin(), stats.ackUs.cend())));
        }
        // With --search-index the store indexes what is left as it closes, below.
        if (const Result<qint64> backlog = store.value()->searchIndexBacklog();
            !parser.isSet(searchIndexOpt) && backlog && *backlog > 0) {
            status(QStringLiteral("Search index: %1 envelope(s) not indexed yet. The desktop app indexes them when it "
                                  "opens the capture; socketscope-cli index --capture %2 does it now.")
                       .arg(*backlog)
                       .arg(shellWord(capturePath)));
        }
        return exitCode;
    };

    // The session runs on a thread of its own with Qt's own poll() event dispatcher instead of GLib's.
    // Under GLib every ack toggles the socket's write notifier, which costs two eventfd writes and one more
    // loop pass per envelope (measured: ack p50 at 500/s 0.19-0.21 ms -> 0.17 ms, p99 0.46-0.49 ->
    // 0.32-0.34 ms). The main thread keeps GLib's loop: QtKeychain's libsecret backend needs it, and the
    // profile's secrets were read on it above. A thread reads QT_NO_GLIB when it creates its dispatcher.
    qputenv("QT_NO_GLIB", "1");
    int sessionExit = ExitOk;
    QThread *engine = QThread::create([&] { sessionExit = session(); });
    engine->setObjectName(QStringLiteral("listen-engine"));
    engine->start();
    engine->wait();
    delete engine;
    return sessionExit;
}

} // namespace socketscope::cli
