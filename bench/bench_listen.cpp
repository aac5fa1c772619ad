// Benchmark: socketscope-cli listen against the in-process simulator, over real sockets.
// Reports ack latency (simulator send → ack received) at a sustained rate, a large burst, and the
// resident memory of the listen process after many envelopes. Prints a Markdown table and writes JSON.
//
//   bench_listen [--cli PATH] [--rate 1000] [--seconds 30] [--burst 20000] [--total 100000] [--json FILE]

#include "BenchSupport.h"
#include "SlackSimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace socketscope;

using namespace socketscope::bench; // waitUntil, percentile, procStatusKb, say

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption cliOpt(QStringLiteral("cli"), QStringLiteral("socketscope-cli path"), QStringLiteral("PATH"),
                                    QStringLiteral(SOCKETSCOPE_CLI_PATH));
    const QCommandLineOption rateOpt(QStringLiteral("rate"), QStringLiteral("sustained envelopes/s"), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("sustained phase length"), QStringLiteral("S"), QStringLiteral("30"));
    const QCommandLineOption burstOpt(QStringLiteral("burst"), QStringLiteral("burst size"), QStringLiteral("N"), QStringLiteral("20000"));
    const QCommandLineOption totalOpt(QStringLiteral("total"), QStringLiteral("envelopes before measuring memory"), QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("write results as JSON"), QStringLiteral("FILE"));
    parser.addOptions({cliOpt, rateOpt, secondsOpt, burstOpt, totalOpt, jsonOpt});
    parser.process(app);
    const int rate = parser.value(rateOpt).toInt();
    const int seconds = parser.value(secondsOpt).toInt();
    const int burst = parser.value(burstOpt).toInt();
    const int total = parser.value(totalOpt).toInt();

    sim::SlackSimConfig config;
    config.ackDeadlineMs = 3000;
    // The burst is written in one go; at ~1 KB a frame, 20,000 frames overflow the simulator's default
    // 16 MiB per-link send buffer, and the rest would be "undeliverable" (never sent) rather than a
    // test of the client. Room for the whole burst:
    config.maxLinkSendBufferBytes = std::max<qint64>(config.maxLinkSendBufferBytes, qint64(burst) * 2048);
    sim::SlackSimulator simulator(config);
    if (auto r = simulator.listen(0); !r) {
        say(QStringLiteral("simulator: %1").arg(r.error().message));
        return 1;
    }
    QTemporaryDir dir;
    QProcess listen;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SOCKETSCOPE_SLACK_API_URL"), simulator.apiUrl().toString());
    env.insert(QStringLiteral("SOCKETSCOPE_SLACK_APP_TOKEN"), simulator.config().appToken);
    listen.setProcessEnvironment(env);
    listen.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    listen.start(parser.value(cliOpt), {QStringLiteral("listen"), QStringLiteral("--capture"),
                                        dir.filePath(QStringLiteral("bench.sqlite")), QStringLiteral("--give-up-after"),
                                        QStringLiteral("3")});
    if (!listen.waitForStarted(5000) || !waitUntil([&] { return simulator.liveLinkCount() == 1; }, 10000)) {
        say(QStringLiteral("listen did not connect"));
        return 1;
    }

    // Phase 1: sustained rate.
    say(QStringLiteral("Sustained: %1 envelopes/s for %2 s…").arg(rate).arg(seconds));
    const int latencyStart = int(simulator.stats().ackLatenciesUs.size());
    const int sentBefore = simulator.stats().sent;
    simulator.startTraffic(rate);
    QElapsedTimer phase;
    phase.start();
    waitUntil([&] { return phase.elapsed() >= qint64(seconds) * 1000; }, seconds * 1000 + 1000);
    simulator.stopTraffic();
    const int sustainedSent = simulator.stats().sent - sentBefore;
    waitUntil([&] { return simulator.stats().acked >= simulator.stats().sent; }, 10000);
    QVector<qint64> sustained = simulator.stats().ackLatenciesUs.mid(latencyStart);
    const qint64 p50 = percentile(sustained, 0.50), p99 = percentile(sustained, 0.99);
    const qint64 maxUs = sustained.isEmpty() ? 0 : *std::max_element(sustained.cbegin(), sustained.cend());
    const auto over50 = std::count_if(sustained.cbegin(), sustained.cend(), [](qint64 us) { return us > 50000; });
    const double achieved = double(sustainedSent) / (double(phase.elapsed()) / 1000.0);

    // Phase 2: burst.
    say(QStringLiteral("Burst: %1 envelopes…").arg(burst));
    const int ackedBeforeBurst = simulator.stats().acked;
    const int undeliverableBeforeBurst = simulator.stats().undeliverable;
    QElapsedTimer burstTimer;
    burstTimer.start();
    simulator.sendBurst(burst);
    const bool burstDone = waitUntil([&] { return simulator.stats().acked >= ackedBeforeBurst + burst; }, 120000);
    const qint64 burstMs = burstTimer.elapsed();
    const int burstMissing = ackedBeforeBurst + burst - simulator.stats().acked;
    const QVector<qint64> burstLat = simulator.stats().ackLatenciesUs.mid(ackedBeforeBurst);
    const int burstNotSent = simulator.stats().undeliverable - undeliverableBeforeBurst;

    // Phase 3: memory after `total` envelopes.
    say(QStringLiteral("Memory: topping up to %1 envelopes…").arg(total));
    while (simulator.stats().sent < total) {
        simulator.sendBurst(std::min(5000, total - simulator.stats().sent));
        waitUntil([&] { return simulator.stats().acked >= simulator.stats().sent; }, 60000);
    }
    QThread::msleep(500);
    const qint64 rssKb = procStatusKb(listen.processId(), "VmRSS:");
    const qint64 hwmKb = procStatusKb(listen.processId(), "VmHWM:");
    const auto stats = simulator.stats();
    const int lost = stats.sent - stats.acked;

    listen.terminate();
    listen.waitForFinished(10000);

    auto row = [](const QString &what, const QString &value, const QString &target, bool ok) {
        return QStringLiteral("| %1 | %2 | %3 | %4 |\n").arg(what, value, target, ok ? QStringLiteral("✅") : QStringLiteral("❌"));
    };
    QString md = QStringLiteral("| Measure | Result | Target | |\n|---|---|---|---|\n");
    md += row(QStringLiteral("Sustained rate (achieved)"), QStringLiteral("%1/s for %2 s (%3 envelopes)").arg(achieved, 0, 'f', 0).arg(seconds).arg(sustainedSent), QStringLiteral("%1/s").arg(rate), achieved >= rate * 0.95);
    md += row(QStringLiteral("Ack latency p50"), QStringLiteral("%1 ms").arg(p50 / 1000.0, 0, 'f', 3), QStringLiteral("—"), true);
    md += row(QStringLiteral("Ack latency p99"), QStringLiteral("%1 ms").arg(p99 / 1000.0, 0, 'f', 3), QStringLiteral("< 5 ms"), p99 < 5000);
    md += row(QStringLiteral("Ack latency max"), QStringLiteral("%1 ms").arg(maxUs / 1000.0, 0, 'f', 3), QStringLiteral("≤ 50 ms"), maxUs <= 50000);
    md += row(QStringLiteral("Acks over 50 ms"), QString::number(over50), QStringLiteral("0"), over50 == 0);
    md += row(QStringLiteral("Burst"), QStringLiteral("%1 acked in %2 ms, p99 %3 ms%4").arg(burst - std::max(0, burstMissing)).arg(burstMs).arg(percentile(burstLat, 0.99) / 1000.0, 0, 'f', 1).arg(burstNotSent > 0 ? QStringLiteral(" (%1 not sent: simulator send buffer full)").arg(burstNotSent) : QString()), QStringLiteral("%1, none missing").arg(burst), burstDone && burstMissing <= 0);
    md += row(QStringLiteral("RSS of listen after %1 envelopes").arg(stats.sent), QStringLiteral("%1 MB (peak %2 MB)").arg(rssKb / 1024.0, 0, 'f', 1).arg(hwmKb / 1024.0, 0, 'f', 1), QStringLiteral("< 100 MB"), rssKb > 0 && rssKb < 100 * 1024);
    md += row(QStringLiteral("Envelopes lost (sent − acked)"), QString::number(lost), QStringLiteral("0"), lost == 0);
    std::printf("%s", qPrintable(md));

    if (parser.isSet(jsonOpt)) {
        QJsonObject o{{QStringLiteral("rate"), rate}, {QStringLiteral("seconds"), seconds},
                      {QStringLiteral("achieved_rate"), achieved}, {QStringLiteral("p50_us"), p50},
                      {QStringLiteral("p99_us"), p99}, {QStringLiteral("max_us"), maxUs},
                      {QStringLiteral("over_50ms"), qint64(over50)}, {QStringLiteral("burst"), burst},
                      {QStringLiteral("burst_ms"), burstMs}, {QStringLiteral("burst_missing"), burstMissing},
                      {QStringLiteral("envelopes"), stats.sent}, {QStringLiteral("rss_kb"), rssKb},
                      {QStringLiteral("hwm_kb"), hwmKb}, {QStringLiteral("lost"), lost}};
        QFile f(parser.value(jsonOpt));
        if (f.open(QIODevice::WriteOnly))
            f.write(QJsonDocument(o).toJson());
    }
    const bool allOk = p99 < 5000 && maxUs <= 50000 && burstDone && burstMissing <= 0 && rssKb < 100 * 1024 && lost == 0;
    return allOk ? 0 : 1;
}
