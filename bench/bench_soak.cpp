// Soak: `socketscope-cli listen --debug-reconnects` against the simulator with short links (the
// simulator's connectionTimeScale makes each link live --link-seconds before Slack's refresh_requested),
// under steady traffic for --seconds. Reports reconnects, envelopes lost, zero-link windows and the
// listen process's memory (RSS after warm-up vs at the end, and the peak).
//
// Exit 0 only if: nothing lost, no window without a live link, the links were refreshed at least
// once, and RSS grew less than --max-rss-growth-mb. Speed is never asserted.
//
//   bench_soak [--cli PATH] [--seconds 60] [--rate 200] [--link-seconds 5] [--max-rss-growth-mb 20] [--json FILE]

#include "BenchSupport.h"
#include "SlackSimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace socketscope;
using namespace socketscope::bench;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption cliOpt(QStringLiteral("cli"), QStringLiteral("socketscope-cli path"), QStringLiteral("PATH"),
                                    QStringLiteral(SOCKETSCOPE_CLI_PATH));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("traffic duration (default 60)"), QStringLiteral("S"), QStringLiteral("60"));
    const QCommandLineOption rateOpt(QStringLiteral("rate"), QStringLiteral("envelopes/s (default 200)"), QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption linkOpt(QStringLiteral("link-seconds"), QStringLiteral("link lifetime before refresh_requested (default 5)"), QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption growthOpt(QStringLiteral("max-rss-growth-mb"), QStringLiteral("allowed RSS growth (default 20)"), QStringLiteral("MB"), QStringLiteral("20"));
    const QCommandLineOption warmupOpt(QStringLiteral("warmup-seconds"), QStringLiteral("traffic before the first RSS sample (default 10)"), QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("write results as JSON"), QStringLiteral("FILE"));
    parser.addOptions({cliOpt, secondsOpt, rateOpt, linkOpt, growthOpt, warmupOpt, jsonOpt});
    parser.process(app);
    const int seconds = std::clamp(parser.value(secondsOpt).toInt(), 5, 24 * 3600);
    const int rate = std::clamp(parser.value(rateOpt).toInt(), 1, 20000);
    const double linkSeconds = std::clamp(parser.value(linkOpt).toDouble(), 1.0, 3600.0);
    const double maxGrowthMb = parser.value(growthOpt).toDouble();
    const int warmup = std::clamp(parser.value(warmupOpt).toInt(), 0, seconds - 1);
    const QString loadStart = loadAverage();

    sim::SlackSimConfig config;
    config.ackDeadlineMs = 3000;
    // listen asks for debug_reconnects (360 s links); scale them down to linkSeconds.
    config.connectionTimeScale = linkSeconds / double(config.debugReconnectsConnectionTimeS);
    sim::SlackSimulator simulator(config);
    if (auto r = simulator.listen(0); !r) {
        say(QStringLiteral("simulator: %1").arg(r.error().message));
        return 1;
    }
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("listen.log"));
    QProcess listen;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SOCKETSCOPE_SLACK_API_URL"), simulator.apiUrl().toString());
    env.insert(QStringLiteral("SOCKETSCOPE_SLACK_APP_TOKEN"), simulator.config().appToken);
    listen.setProcessEnvironment(env);
    listen.setStandardOutputFile(log);
    listen.setStandardErrorFile(log, QIODevice::Append);
    listen.start(parser.value(cliOpt), {QStringLiteral("listen"), QStringLiteral("--capture"),
                                        dir.filePath(QStringLiteral("soak.sqlite")), QStringLiteral("--debug-reconnects"),
                                        QStringLiteral("--give-up-after"), QStringLiteral("5")});
    auto logTail = [&] {
        QFile f(log);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().right(3000)) : QString();
    };
    if (!listen.waitForStarted(10000) || !waitUntil([&] { return simulator.liveLinkCount() == 1; }, 30000)) {
        say(QStringLiteral("listen did not connect:\n%1").arg(logTail()));
        return 1;
    }
    const qint64 pid = listen.processId();
    say(QStringLiteral("Soak: %1 envelopes/s for %2 s, links refreshed every %3 s").arg(rate).arg(seconds).arg(linkSeconds));

    TrafficDriver driver(&simulator);
    driver.start(rate);
    QJsonArray samples; // [seconds, rss kB]
    qint64 rssStartKb = -1;
    QElapsedTimer clock;
    clock.start();
    int nextSampleS = 0;
    bool exited = false;
    while (clock.elapsed() < qint64(seconds) * 1000) {
        runFor(std::min<qint64>(1000, qint64(seconds) * 1000 - clock.elapsed()));
        if (listen.state() != QProcess::Running) {
            exited = true;
            break;
        }
        const int t = int(clock.elapsed() / 1000);
        if (t >= nextSampleS) {
            const qint64 rss = procStatusKb(pid, "VmRSS:");
            samples.append(QJsonArray{t, rss});
            if (rssStartKb < 0 && t >= warmup)
                rssStartKb = rss;
            nextSampleS = t + std::max(1, seconds / 60);
            if (t % 30 == 0 || t + 1 >= seconds)
                say(QStringLiteral("  %1 s: RSS %2 MB, sent %3, acked %4, links opened %5")
                        .arg(t).arg(rss / 1024.0, 0, 'f', 1).arg(driver.phase().sent).arg(driver.phase().acked)
                        .arg(simulator.stats().linksOpened));
        }
    }
    driver.stop();
    const qint64 rssEndKb = procStatusKb(pid, "VmRSS:");
    // Acks still in flight, then Slack's first retry of any unacked event (3 s deadline).
    driver.settle(10000);
    waitUntil([&] { return simulator.stats().pendingEvents == 0; }, 8000);
    const qint64 hwmKb = procStatusKb(pid, "VmHWM:");
    const sim::SimStats stats = simulator.stats();
    simulator.stopGapMeasurement();
    listen.terminate();
    if (!listen.waitForFinished(15000)) {
        listen.kill();
        listen.waitForFinished(5000);
    }

    const TrafficDriver::Phase &p = driver.phase();
    const int lost = (p.undeliverable - p.undeliverableEvents) + driver.unackedNonEvents() + stats.pendingEvents;
    const int reconnects = std::max(0, stats.linksOpened - 1);
    const int expectedRefreshes = int(seconds / linkSeconds) - 1;
    const double growthMb = (rssEndKb - rssStartKb) / 1024.0;
    const bool growthOk = rssStartKb > 0 && rssEndKb > 0 && growthMb < maxGrowthMb;
    const bool ok = !exited && lost == 0 && stats.zeroLinkWindows == 0 && reconnects >= 1 && growthOk;

    auto row = [](const QString &what, const QString &value, bool good) {
        return QStringLiteral("| %1 | %2 | %3 |\n").arg(what, value, good ? QStringLiteral("✅") : QStringLiteral("❌"));
    };
    QString md = QStringLiteral("| Soak measure | Result | |\n|---|---|---|\n");
    md += row(QStringLiteral("Traffic"), QStringLiteral("%1 envelopes in %2 s (%3/s asked)").arg(p.sent + p.undeliverable).arg(seconds).arg(rate), !exited);
    md += row(QStringLiteral("Reconnects (links refreshed every %1 s)").arg(linkSeconds),
              QStringLiteral("%1 (about %2 expected)").arg(reconnects).arg(std::max(0, expectedRefreshes)), reconnects >= 1);
    md += row(QStringLiteral("Envelopes lost"), QStringLiteral("%1 (undeliverable %2, unacked commands/interactivity %3, events unacked after retry %4)")
                                                    .arg(lost).arg(p.undeliverable).arg(driver.unackedNonEvents()).arg(stats.pendingEvents), lost == 0);
    md += row(QStringLiteral("Events needing a Slack retry"), QString::number(stats.retriesSent), true);
    md += row(QStringLiteral("Windows without a live link"), QStringLiteral("%1 (%2 s)").arg(stats.zeroLinkWindows).arg(stats.zeroLinkUs / 1e6, 0, 'f', 3),
              stats.zeroLinkWindows == 0);
    md += row(QStringLiteral("Ack latency p50 / p99 / max"), QStringLiteral("%1 / %2 / %3 ms").arg(percentile(p.latenciesUs, 0.5) / 1000.0, 0, 'f', 2)
                                                                 .arg(percentile(p.latenciesUs, 0.99) / 1000.0, 0, 'f', 2).arg(maxOf(p.latenciesUs) / 1000.0, 0, 'f', 1), true);
    md += row(QStringLiteral("RSS of listen after %1 s warm-up → end").arg(warmup),
              QStringLiteral("%1 MB → %2 MB (growth %3 MB; limit %4 MB); peak %5 MB").arg(rssStartKb / 1024.0, 0, 'f', 1)
                  .arg(rssEndKb / 1024.0, 0, 'f', 1).arg(growthMb, 0, 'f', 1).arg(maxGrowthMb, 0, 'f', 0).arg(hwmKb / 1024.0, 0, 'f', 1),
              growthOk);
    md += QStringLiteral("\nLoad average %1 at start, %2 at end.\n").arg(loadStart, loadAverage());
    std::printf("%s", qPrintable(md));
    std::fflush(stdout);
    if (exited || !ok)
        say(QStringLiteral("listen log (tail):\n%1").arg(logTail()));

    if (parser.isSet(jsonOpt)) {
        const QJsonObject o{{QStringLiteral("seconds"), seconds}, {QStringLiteral("rate"), rate},
                            {QStringLiteral("link_seconds"), linkSeconds}, {QStringLiteral("sent"), p.sent},
                            {QStringLiteral("undeliverable"), p.undeliverable}, {QStringLiteral("acked"), p.acked},
                            {QStringLiteral("lost"), lost}, {QStringLiteral("reconnects"), reconnects},
                            {QStringLiteral("retries_sent"), stats.retriesSent},
                            {QStringLiteral("zero_link_windows"), stats.zeroLinkWindows},
                            {QStringLiteral("zero_link_us"), stats.zeroLinkUs},
                            {QStringLiteral("rss_start_kb"), rssStartKb}, {QStringLiteral("rss_end_kb"), rssEndKb},
                            {QStringLiteral("hwm_kb"), hwmKb}, {QStringLiteral("rss_samples"), samples},
                            {QStringLiteral("ok"), ok}, {QStringLiteral("markdown"), md}};
        QFile f(parser.value(jsonOpt));
        if (f.open(QIODevice::WriteOnly))
            f.write(QJsonDocument(o).toJson());
    }
    return ok ? 0 : 1;
}
