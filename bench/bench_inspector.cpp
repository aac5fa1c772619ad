// bench_inspector: the envelope inspector at scale. Not a test: prints figures.
//   1. builds a capture with N envelopes (default 1,000,000),
//   2. time to first screen of EnvelopeTableModel over it, paging older history, text filter queries,
//   3. resident memory before and after (the model must not grow with the capture),
//   4. GUI-thread stall (max event-loop gap) of the real MainWindow at 2,000 envelopes/s live.
// Usage: bench_inspector [--envelopes N] [--live-seconds S] [--rate R] [--keep DIR [--reuse]]
#include "MainWindow.h"
#include "capture/CaptureStore.h"
#include "models/CaptureStorePager.h"
#include "models/EnvelopeTableModel.h"
#include "util/Json.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace socketscope;

namespace {

qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

void out(const QString &line)
{
    std::fprintf(stdout, "%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

const char *kCommands[] = {"get-devices location ams01", "get-vlans site ams01", "get-rack ams01 ams01-101",
                           "get-interface-connections dev-ams01-leaf-01", "about", "get-circuits provider zayo",
                           "get-device-facts ams01-edge-01", "get-manufacturer-summary"};

Envelope syntheticEnvelope(qint64 i, qint64 startUs)
{
    Envelope e;
    e.sessionId = 1;
    e.linkId = 1 + static_cast<int>(i / 200000);
    e.envelopeId = QStringLiteral("bench-%1-4d1c-9a2e-%2").arg(i).arg(i * 7919 % 100000);
    const int kind = static_cast<int>(i % 5);
    const QString user = QStringLiteral("U0BENCH%1").arg(i % 40, 3, 10, QLatin1Char('0'));
    const QString channel = QStringLiteral("C0BENCH%1").arg(i % 12, 2, 10, QLatin1Char('0'));
    QString text = QString::fromLatin1(kCommands[i % 8]);
    if (i % 100000 == 4242)
        text += QStringLiteral(" zebracorn"); // a rare word: 10 rows in a million
    e.userId = user;
    e.channelId = channel;
    e.teamId = QStringLiteral("T0BENCH");
    e.receivedUs = startUs + i * 1000;
    e.ackedUs = e.receivedUs + 400 + (i % 97) * 13 + (i % 5000 == 0 ? 1'500'000 : 0);
    QByteArray payload;
    if (kind <= 1) {
        e.type = QStringLiteral("slash_commands");
        e.subtype = QStringLiteral("/nautobot");
        e.text = text;
        payload = QStringLiteral(R"({"token":"x","team_id":"T0BENCH","channel_id":"%1","user_id":"%2","command":"/nautobot","text":"%3","response_url":"https://hooks.slack.com/commands/T0BENCH/%4/abc","trigger_id":"%4.1.abc"})")
                      .arg(channel, user, text).arg(i).toUtf8();
    } else if (kind == 2) {
        e.type = QStringLiteral("interactive");
        e.subtype = QStringLiteral("block_actions");
        e.text = QStringLiteral("select ") + text;
        payload = QStringLiteral(R"({"type":"block_actions","user":{"id":"%1"},"channel":{"id":"%2"},"actions":[{"action_id":"select","value":"%3"}]})")
                      .arg(user, channel, text).toUtf8();
    } else {
        e.type = QStringLiteral("events_api");
        e.subtype = kind == 3 ? QStringLiteral("app_mention") : QStringLiteral("message");
        e.text = QStringLiteral("<@U0BOT> ") + text;
        e.eventId = QStringLiteral("Ev%1").arg(i);
        e.retryAttempt = i % 2000 == 3 ? 1 : 0;
        payload = QStringLiteral(R"({"type":"event_callback","event_id":"Ev%1","event":{"type":"%2","user":"%3","channel":"%4","text":"%5"}})")
                      .arg(i).arg(e.subtype, user, channel, e.text).toUtf8();
    }
    e.raw = QByteArrayLiteral("{\"envelope_id\":\"") + e.envelopeId.toUtf8() + QByteArrayLiteral("\",\"type\":\"")
            + e.type.toUtf8() + QByteArrayLiteral("\",\"payload\":") + payload + QByteArrayLiteral("}");
    return e;
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("bench_inspector"));
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, const QString &fallback) {
        const int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const qint64 total = option(QStringLiteral("--envelopes"), QStringLiteral("1000000")).toLongLong();
    const int liveSeconds = option(QStringLiteral("--live-seconds"), QStringLiteral("10")).toInt();
    const double rate = option(QStringLiteral("--rate"), QStringLiteral("2000")).toDouble();
    QTemporaryDir tmp;
    const QString dir = option(QStringLiteral("--keep"), tmp.path());
    const QString path = dir + QStringLiteral("/bench-inspector.sqlite");
    const bool reuse = args.contains(QStringLiteral("--reuse")) && QFile::exists(path);
    if (!reuse)
        QFile::remove(path);

    out(QStringLiteral("bench_inspector: %1 envelopes, capture %2").arg(total).arg(path));
    const qint64 rssStart = rssKb();
    if (!reuse) {
        auto store = CaptureStore::open(path, CaptureStore::Mode::ReadWrite);
        if (!store.ok()) {
            out(store.error().toString());
            return 1;
        }
        auto session = store.value()->beginSession({0, json::nowUs(), 0, QStringLiteral("bench"), QStringLiteral("dedicated"), {}, {}});
        Q_UNUSED(session)
        QElapsedTimer t;
        t.start();
        const qint64 startUs = json::nowUs() - total * 1000;
        constexpr int kBatch = 5000;
        for (qint64 i = 0; i < total; i += kBatch) {
            QVector<Envelope> batch;
            batch.reserve(kBatch);
            for (qint64 j = i; j < std::min(total, i + kBatch); ++j)
                batch.append(syntheticEnvelope(j, startUs));
            auto written = store.value()->insertEnvelopes(batch);
            if (!written.ok()) {
                out(written.error().toString());
                return 1;
            }
        }
        out(QStringLiteral("  build capture:            %1 s (%2 envelopes/s), file %3 MB")
                .arg(ms(t) / 1000, 0, 'f', 1)
                .arg(double(total) / (ms(t) / 1000), 0, 'f', 0)
                .arg(double(QFile(path).size()) / 1e6, 0, 'f', 0));
    }
    const qint64 rssAfterBuild = rssKb();

    auto reader = CaptureStore::open(path, CaptureStore::Mode::ReadOnly);
    if (!reader.ok()) {
        out(reader.error().toString());
        return 1;
    }
    CaptureStorePager pager(reader.value().get());
    EnvelopeTableModel model;
    QElapsedTimer t;
    t.start();
    model.setPager(&pager);
    out(QStringLiteral("  time to first screen:     %1 ms (%2 rows)").arg(ms(t), 0, 'f', 1).arg(model.rowCount()));

    double worstPage = 0;
    t.start();
    for (int i = 0; i < 50; ++i) {
        QElapsedTimer one;
        one.start();
        model.requestOlder();
        model.fetchMore(QModelIndex());
        worstPage = std::max(worstPage, ms(one));
    }
    out(QStringLiteral("  page older history:       50 pages in %1 ms, worst page %2 ms, %3 rows held")
            .arg(ms(t), 0, 'f', 1)
            .arg(worstPage, 0, 'f', 1)
            .arg(model.rowCount()));

    const QString filters[] = {QStringLiteral("get-vlans"), QStringLiteral("zebracorn"),
                               QStringLiteral("type:interactive user:U0BENCH007"), QStringLiteral("ack>1000"),
                               QStringLiteral("retry"), QStringLiteral("type:slash_commands ams01-101")};
    for (const QString &f : filters) {
        // The reload is one bounded call; a sparse filter then fills the screen in idle slices.
        t.start();
        model.setFilter(EnvelopeFilter::parse(f).value());
        const double first = ms(t);
        const int firstRows = model.rowCount();
        double worstSlice = first;
        QElapsedTimer fill;
        fill.start();
        while (model.rowCount() < 200 && model.hasOlder() && fill.elapsed() < 60000) {
            QElapsedTimer slice;
            slice.start();
            QCoreApplication::processEvents();
            worstSlice = std::max(worstSlice, ms(slice));
        }
        out(QStringLiteral("  filter %1 first call %2 ms (%3 rows), screen filled in %4 ms (%5 rows), longest GUI block %6 ms")
                .arg(QString(QLatin1Char('"') + f + QLatin1Char('"')).leftJustified(36), QString::number(first, 'f', 1))
                .arg(firstRows)
                .arg(ms(t), 0, 'f', 1)
                .arg(model.rowCount())
                .arg(worstSlice, 0, 'f', 1));
    }
    model.setFilter(EnvelopeFilter());
    const qint64 rssModel = rssKb();
    out(QStringLiteral("  resident memory:          start %1 MB, after build %2 MB, with model over capture %3 MB")
            .arg(rssStart / 1024)
            .arg(rssAfterBuild / 1024)
            .arg(rssModel / 1024));
    model.setPager(nullptr);
    reader = Error{};

    // Live: the real MainWindow on the built-in simulator at `rate` envelopes/s; a 1 ms timer on the
    // GUI thread measures the longest gap between its ticks (the worst stall a user would feel).
    if (liveSeconds > 0) {
        MainWindowOptions options;
        options.demo = true;
        options.demoRate = rate;
        options.captureDirectory = dir;
        MainWindow window(options);
        window.resize(1400, 900);
        window.show();
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        QVector<qint64> gaps;
        bool measuring = false;
        QTimer tick;
        tick.setInterval(1);
        QObject::connect(&tick, &QTimer::timeout, [&] {
            const qint64 now = clock.nsecsElapsed();
            if (measuring && last > 0)
                gaps.append(now - last);
            last = now;
        });
        tick.start();
        qint64 rowsAtStart = 0;
        QTimer::singleShot(3000, [&] { // let the link come up first
            measuring = true;
            rowsAtStart = window.envelopeModel()->rowCount() + window.envelopeModel()->evicted();
        });
        QTimer::singleShot(3000 + liveSeconds * 1000, &app, &QApplication::quit);
        app.exec();
        std::sort(gaps.begin(), gaps.end());
        const qint64 rows = window.envelopeModel()->rowCount() + window.envelopeModel()->evicted() - rowsAtStart;
        out(QStringLiteral("  live %1 env/s for %2 s:   %3 rows shown (%4/s), GUI-thread stall max %5 ms, p99 %6 ms, "
                           "rows held %7, RSS %8 MB")
                .arg(rate)
                .arg(liveSeconds)
                .arg(rows)
                .arg(double(rows) / liveSeconds, 0, 'f', 0)
                .arg(gaps.isEmpty() ? 0.0 : double(gaps.last()) / 1e6, 0, 'f', 1)
                .arg(gaps.isEmpty() ? 0.0 : double(gaps.at(int(gaps.size() * 0.99))) / 1e6, 0, 'f', 1)
                .arg(window.envelopeModel()->rowCount())
                .arg(rssKb() / 1024));
        out(QStringLiteral("  status bar: %1").arg(window.statusText()));
    }
    return 0;
}
