// Capture store benchmark: commit latency of insertEnvelopes per batch size (the ack waits on it), and
// optionally free-text search time on a large capture.
//
//   bench_capture_store [--dir DIR] [--rows-per-size N] [--search-rows N]
//
// Prints p50/p99/max commit latency and rows/s for batch sizes 1, 10, 100, 1000. With --search-rows,
// fills the capture to N rows, times searches, then measures commit latency again on the big file.
#include "capture/CaptureStore.h"
#include "slack/Envelope.h"
#include "util/Json.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace socketscope;

namespace {

void print(const QString &line)
{
    std::fputs(qPrintable(line), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

const char *const kWords[] = {"get-devices", "get-interfaces", "get-vlans", "location", "ams01", "fra02", "lon03",
                              "rack", "status", "active", "planned", "circuit", "tenant", "site", "nautobot",
                              "platform", "cisco", "arista", "juniper", "help", "about", "ipaddress", "prefix"};

// Realistic shapes from the Socket Mode reference: one in three each of slash command, app_mention, block_actions.
QByteArray makeFrame(qint64 n, QRandomGenerator &rng)
{
    const QString envelopeId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString user = QStringLiteral("U%1").arg(rng.bounded(10000), 5, 10, QLatin1Char('0'));
    const QString channel = QStringLiteral("C%1").arg(rng.bounded(500), 4, 10, QLatin1Char('0'));
    QStringList text;
    for (int i = 0; i < 4; ++i)
        text << QString::fromLatin1(kWords[rng.bounded(static_cast<int>(std::size(kWords)))]);
    const QString words = text.join(QLatin1Char(' '));
    QString frame;
    switch (n % 3) {
    case 0:
        frame = QStringLiteral(
                    R"({"envelope_id":"%1","payload":{"token":"verification-token","team_id":"T111","team_domain":"xxx","channel_id":"%2","channel_name":"random","user_id":"%3","user_name":"testxyz","command":"/nautobot","text":"%4","api_app_id":"A111","is_enterprise_install":"false","response_url":"https://hooks.slack.com/commands/T111/%5/xxxxxxxxxxxxxxxxxxxxxxxx","trigger_id":"%5.222.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},"type":"slash_commands","accepts_response_payload":true})")
                    .arg(envelopeId, channel, user, words)
                    .arg(n);
        break;
    case 1:
        frame = QStringLiteral(
                    R"({"envelope_id":"%1","payload":{"token":"verification-token","team_id":"T111","api_app_id":"A111","event":{"client_msg_id":"f0582a78-72db-4feb-b2f3-1e47d66365c8","type":"app_mention","text":"<@U111> %4","user":"%3","ts":"1610241741.000200","team":"T111","blocks":[{"type":"rich_text","block_id":"Sesm","elements":[{"type":"rich_text_section","elements":[{"type":"user","user_id":"U111"}]}]}],"channel":"%2","event_ts":"1610241741.000200"},"type":"event_callback","event_id":"Ev%5","event_time":1610241741,"authorizations":[{"enterprise_id":null,"team_id":"T111","user_id":"U222","is_bot":true,"is_enterprise_install":false}],"is_ext_shared_channel":false,"event_context":"1-app_mention-T111-C111"},"type":"events_api","accepts_response_payload":false,"retry_attempt":0,"retry_reason":""})")
                    .arg(envelopeId, channel, user, words)
                    .arg(n);
        break;
    default:
        frame = QStringLiteral(
                    R"({"envelope_id":"%1","payload":{"type":"block_actions","user":{"id":"%3","username":"test","name":"test","team_id":"T111"},"api_app_id":"A111","token":"fixed-value","container":{"type":"message","message_ts":"1605853634.000400","channel_id":"%2","is_ephemeral":false},"trigger_id":"%5.222.xxx","team":{"id":"T111","domain":"test"},"channel":{"id":"%2","name":"random"},"response_url":"https://hooks.slack.com/actions/T111/%5/xxx","actions":[{"action_id":"nautobot %4","block_id":"b","selected_option":{"value":"%5"},"type":"static_select","action_ts":"1605853645.582706"}]},"type":"interactive","accepts_response_payload":false})")
                    .arg(envelopeId, channel, user, words)
                    .arg(n);
        break;
    }
    return frame.toUtf8();
}

qint64 percentile(std::vector<qint64> sorted, double p)
{
    if (sorted.empty())
        return 0;
    std::sort(sorted.begin(), sorted.end());
    const size_t index = std::min(sorted.size() - 1, static_cast<size_t>(p * static_cast<double>(sorted.size())));
    return sorted[index];
}

QString us(qint64 ns)
{
    return QStringLiteral("%1").arg(static_cast<double>(ns) / 1000.0, 9, 'f', 1);
}

bool benchBatches(CaptureStore &store, qint64 sessionId, int rowsPerSize, QRandomGenerator &rng, qint64 &counter)
{
    print(QStringLiteral("batch   batches   p50 µs    p99 µs    max µs     rows/s"));
    for (const int batchSize : {1, 10, 100, 1000}) {
        const int batches = std::max(50, rowsPerSize / batchSize);
        // Build every batch first: only the store is timed.
        std::vector<QVector<Envelope>> prepared(static_cast<size_t>(batches));
        for (auto &batch : prepared) {
            batch.reserve(batchSize);
            for (int i = 0; i < batchSize; ++i) {
                Envelope e = parseFrame(makeFrame(counter++, rng), json::nowUs()).envelope;
                e.sessionId = sessionId;
                e.linkId = 1;
                batch.append(e);
            }
        }
        std::vector<qint64> latencies;
        latencies.reserve(prepared.size());
        QVector<AckUpdate> acks;
        QElapsedTimer total;
        total.start();
        for (auto &batch : prepared) {
            QElapsedTimer t;
            t.start();
            // Each batch also carries the acks of the previous one, as the engine does.
            const Result<void> r = store.insertEnvelopes(batch, acks);
            latencies.push_back(t.nsecsElapsed());
            if (!r) {
                print(QStringLiteral("insert failed: %1").arg(r.error().toString()));
                return false;
            }
            acks.clear();
            const qint64 now = json::nowUs();
            for (const Envelope &e : batch)
                acks.append({e.rowId, now});
        }
        const double seconds = static_cast<double>(total.nsecsElapsed()) / 1e9;
        const qint64 rows = static_cast<qint64>(batches) * batchSize;
        print(QStringLiteral("%1 %2 %3 %4 %5 %6")
                  .arg(batchSize, 5)
                  .arg(batches, 9)
                  .arg(us(percentile(latencies, 0.50)), us(percentile(latencies, 0.99)),
                       us(*std::max_element(latencies.begin(), latencies.end())))
                  .arg(static_cast<double>(rows) / seconds, 10, 'f', 0));
    }
    return true;
}

bool benchSearch(CaptureStore &store, qint64 sessionId, qint64 targetRows, QRandomGenerator &rng, qint64 &counter)
{
    const Result<qint64> have = store.envelopeCount();
    if (!have)
        return false;
    QElapsedTimer fill;
    fill.start();
    QString someEnvelopeId;
    for (qint64 n = *have; n < targetRows;) {
        QVector<Envelope> batch;
        for (int i = 0; i < 1000 && n < targetRows; ++i, ++n) {
            Envelope e = parseFrame(makeFrame(counter++, rng), json::nowUs()).envelope;
            e.sessionId = sessionId;
            batch.append(e);
        }
        if (const Result<void> r = store.insertEnvelopes(batch); !r) {
            print(QStringLiteral("insert failed: %1").arg(r.error().toString()));
            return false;
        }
        if (n % 100000 == 0) {
            print(QStringLiteral("  filled %1 rows (%2 s)").arg(n).arg(fill.elapsed() / 1000.0, 0, 'f', 1));
            someEnvelopeId = batch.constFirst().envelopeId;
        }
    }
    if (someEnvelopeId.isEmpty())
        someEnvelopeId = store.envelopes(0, 1)->constFirst().envelopeId;
    print(QStringLiteral("search on %1 rows (limit 1000; first run, then best of 5):").arg(*store.envelopeCount()));
    const QStringList queries = {someEnvelopeId, QStringLiteral("U00042"), QStringLiteral("nautobot"),
                                 QStringLiteral("get-devices ams01"), QStringLiteral("C0007 juniper"),
                                 QStringLiteral("arist*"), QStringLiteral("no-such-word-anywhere")};
    for (const QString &query : queries) {
        qint64 first = 0;
        qint64 best = -1;
        int hits = 0;
        for (int run = 0; run < 6; ++run) {
            QElapsedTimer t;
            t.start();
            const Result<QVector<qint64>> r = store.searchText(query, 1000);
            const qint64 ns = t.nsecsElapsed();
            if (!r) {
                print(QStringLiteral("search failed: %1").arg(r.error().toString()));
                return false;
            }
            hits = static_cast<int>(r->size());
            if (run == 0)
                first = ns;
            else
                best = best < 0 ? ns : std::min(best, ns);
        }
        print(QStringLiteral("  %1 hits %2  first %3 ms  best %4 ms")
                  .arg(query.leftJustified(38), QString::number(hits).rightJustified(5))
                  .arg(static_cast<double>(first) / 1e6, 7, 'f', 2)
                  .arg(static_cast<double>(best) / 1e6, 7, 'f', 2));
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Capture store commit latency and search benchmark"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Folder for the capture (default: a temporary one)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("rows-per-size"),
                      QStringLiteral("Rows inserted per batch size (default 20000)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("search-rows"),
                      QStringLiteral("Fill the capture to N rows, then time searches (default 0: skip)."),
                      QStringLiteral("N")});
    parser.process(app);

    QTemporaryDir tmp;
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : tmp.path();
    const int rowsPerSize = parser.isSet(QStringLiteral("rows-per-size"))
                                ? parser.value(QStringLiteral("rows-per-size")).toInt()
                                : 20000;
    const qint64 searchRows = parser.value(QStringLiteral("search-rows")).toLongLong();

    const QString path = dir + QStringLiteral("/bench.capture");
    Result<std::unique_ptr<CaptureStore>> opened = CaptureStore::open(path);
    if (!opened) {
        print(QStringLiteral("cannot open %1: %2").arg(path, opened.error().toString()));
        return 1;
    }
    CaptureStore &store = **opened;
    const Result<qint64> session = store.beginSession({0, 0, 0, QStringLiteral("bench"), {}, {}, {}});
    if (!session)
        return 1;
    print(QStringLiteral("capture %1 (WAL, synchronous=NORMAL, FTS5)").arg(path));
    QRandomGenerator rng(42);
    qint64 counter = 0;
    if (!benchBatches(store, *session, rowsPerSize, rng, counter))
        return 1;
    if (searchRows > 0) {
        if (!benchSearch(store, *session, searchRows, rng, counter))
            return 1;
        // Again on the big capture: the duplicate check now also asks the index on a memory miss.
        print(QStringLiteral("commit latency again at %1 rows:").arg(*store.envelopeCount()));
        if (!benchBatches(store, *session, rowsPerSize, rng, counter))
            return 1;
    }
    return 0;
}
