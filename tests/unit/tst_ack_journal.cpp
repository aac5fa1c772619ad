// The ack journal: the ack path's commit point (capture/AckJournal.h). What is journaled must reach the
// capture's tables exactly once: applied by the writer, or stored by the next read-write open after the
// writer died, never twice, and never by a second writer while the first one lives.
#include "CaptureFixtures.h"

#include "capture/AckJournal.h"
#include "capture/CaptureStore.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cstdio>

#include <sys/resource.h>
#include <unistd.h>

using namespace socketscope;

namespace {

std::unique_ptr<CaptureStore> openStore(const QString &path, bool ackJournal)
{
    CaptureStore::Options options;
    options.ackJournal = ackJournal;
    options.backgroundSearchIndexing = false;
    auto r = CaptureStore::open(path, CaptureStore::Mode::ReadWrite, options);
    if (!r) {
        qWarning("open failed: %s", qPrintable(r.error().toString()));
        return nullptr;
    }
    return std::move(r).value();
}

QVector<Envelope> slashBatch(int from, int count, qint64 sessionId = 0)
{
    QVector<Envelope> batch;
    for (int i = from; i < from + count; ++i)
        batch.append(fixtures::envelope(fixtures::slashCommand(QStringLiteral("env-%1").arg(i)), 1000 + i, sessionId));
    return batch;
}

QStringList capturedIds(CaptureStore &store)
{
    QStringList ids;
    (void)store.forEachEnvelope([&](const Envelope &e) {
        ids << e.envelopeId;
        return true;
    });
    return ids;
}

QStringList expectedIds(int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids << QStringLiteral("env-%1").arg(i);
    return ids;
}

// env-0 and env-1 stored; then the tables refuse to grow (SQLITE_FULL) while the journal still takes
// `count` big envelopes (env-2 …), journaled into `batch` and not applied.
bool journalBatchTheTablesRefuse(CaptureStore &store, const QString &path, int count, QVector<Envelope> &batch)
{
    QVector<Envelope> before = slashBatch(0, 2);
    if (!store.journalEnvelopes(before) || !store.applyJournal(before) || !store.setSizeLimit(QFileInfo(path).size()))
        return false;
    const QString big(64 * 1024, QLatin1Char('y'));
    for (int i = 2; i < 2 + count; ++i)
        batch.append(fixtures::envelope(fixtures::slashCommand(QStringLiteral("env-%1").arg(i), big), 1000 + i));
    return bool(store.journalEnvelopes(batch));
}

} // namespace

class TestAckJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }
    void journalThenApply_rowsCarryJournalTimeAndAcks_fileGoneOnClose();
    void sigkillBeforeApply_nextWriterStoresTheRest_onceOnly();
    void tornTail_onlyWholeRecordsStored();
    void restartInPlace_olderGenerationNeverReplayed();
    void secondWriter_getsNoJournal_commitsDirectly();
    void applyFails_journalKept_nextOpenStoresIt();
    void applyFails_thenWorks_sameStoreStoresTheFailedBatchFirst();
    void journalWriteFails_diskFullError_nothingClaimed();

private:
    QString capturePath() const { return m_dir.filePath(QStringLiteral("capture.sqlite")); }
    QTemporaryDir m_dir;
};

void TestAckJournal::journalThenApply_rowsCarryJournalTimeAndAcks_fileGoneOnClose()
{
    const QString path = m_dir.filePath(QStringLiteral("apply.sqlite"));
    auto store = openStore(path, true);
    QVERIFY(store);
    QVERIFY(store->hasAckJournal());
    QVERIFY(QFileInfo::exists(AckJournal::pathFor(path)));

    QVector<Envelope> batch = slashBatch(0, 3);
    batch.append(fixtures::envelope(fixtures::slashCommand(QStringLiteral("env-0")), 2000)); // Slack's redelivery
    QVERIFY(store->journalEnvelopes(batch));
    for (const Envelope &e : std::as_const(batch)) {
        QVERIFY(e.committedUs > 0);
        QCOMPARE(e.rowId, 0); // rows come with the apply
    }
    QCOMPARE(*store->envelopeCount(), 0);
    for (Envelope &e : batch)
        e.ackedUs = e.committedUs + 50;
    QVERIFY(store->applyJournal(batch));
    QCOMPARE(*store->envelopeCount(), 4);
    for (const Envelope &e : std::as_const(batch)) {
        QVERIFY(e.rowId > 0);
        const Envelope row = *store->envelope(e.rowId);
        QCOMPARE(row.committedUs, e.committedUs);
        QCOMPARE(row.ackedUs, e.ackedUs);
        QCOMPARE(row.raw, e.raw);
    }
    QVERIFY(!batch[2].duplicate);
    QVERIFY(batch[3].duplicate);

    // The apply takes exactly what was journaled since the last one.
    QVector<Envelope> more = slashBatch(10, 2);
    QVERIFY(store->journalEnvelopes(more));
    QVector<Envelope> fewer = more.mid(0, 1);
    const auto mismatch = store->applyJournal(fewer);
    QVERIFY(!mismatch);
    QCOMPARE(mismatch.error().code, QStringLiteral("capture_journal_mismatch"));
    QVERIFY(store->applyJournal(more));

    store.reset();
    QVERIFY2(!QFileInfo::exists(AckJournal::pathFor(path)), "a fully applied journal is removed on close");
    auto reopened = openStore(path, false);
    QVERIFY(reopened);
    QCOMPARE(reopened->recoveredFromJournal(), 0);
    QCOMPARE(*reopened->envelopeCount(), 6);
}

void TestAckJournal::sigkillBeforeApply_nextWriterStoresTheRest_onceOnly()
{
    // A real crash: another process journals 30 envelopes, applies the first 12, and is killed.
    QProcess writer;
    writer.setProgram(QCoreApplication::applicationFilePath());
    writer.setArguments({QStringLiteral("--journal-writer"), capturePath()});
    writer.start();
    QVERIFY(writer.waitForStarted());
    QByteArray output;
    QElapsedTimer timer;
    timer.start();
    while (!output.contains("done\n") && timer.elapsed() < 30000) {
        writer.waitForReadyRead(1000);
        output += writer.readAllStandardOutput();
    }
    QVERIFY2(output.contains("done\n"), output.constData());

    // While the writer lives, its journal is its own: another writer neither stores nor removes it.
    {
        auto other = openStore(capturePath(), false);
        QVERIFY(other);
        QCOMPARE(other->recoveredFromJournal(), 0);
        QCOMPARE(*other->envelopeCount(), 12);
    }
    QVERIFY(QFileInfo::exists(AckJournal::pathFor(capturePath())));
    {
        auto reader = CaptureStore::open(capturePath(), CaptureStore::Mode::ReadOnly);
        QVERIFY(reader);
        QCOMPARE((*reader)->waitingInJournal(), 0); // its writer is alive and will store them
    }

    writer.kill(); // SIGKILL: no destructor, no apply
    QVERIFY(writer.waitForFinished(10000));
    {
        auto reader = CaptureStore::open(capturePath(), CaptureStore::Mode::ReadOnly);
        QVERIFY(reader);
        QCOMPARE((*reader)->waitingInJournal(), 18);
        QCOMPARE(*(*reader)->envelopeCount(), 12);
    }

    auto recovered = openStore(capturePath(), false);
    QVERIFY(recovered);
    QCOMPARE(recovered->recoveredFromJournal(), 18);
    QCOMPARE(capturedIds(*recovered), expectedIds(30));
    const Envelope last = *recovered->envelope(30);
    QCOMPARE(last.sessionId, 1);
    QCOMPARE(last.linkId, 3);
    QCOMPARE(last.receivedUs, 1029);
    QVERIFY(last.committedUs >= last.receivedUs);
    QCOMPARE(last.ackedUs, 0); // the last batch's ack times would have gone out with the next batch
    // Earlier batches' ack times rode along with the batch after them.
    QCOMPARE(recovered->envelope(27)->envelopeId, QStringLiteral("env-26"));
    QCOMPARE(recovered->envelope(27)->ackedUs, 1526);
    QCOMPARE(recovered->envelope(13)->ackedUs, 1512);
    QCOMPARE(recovered->envelope(12)->ackedUs, 1511); // applied: the row got it then
    QCOMPARE(last.type, QStringLiteral("slash_commands"));
    QCOMPARE(last.subtype, QStringLiteral("/nautobot"));
    QVERIFY(!QFileInfo::exists(AckJournal::pathFor(capturePath())));
    recovered.reset();

    auto again = openStore(capturePath(), true);
    QVERIFY(again);
    QCOMPARE(again->recoveredFromJournal(), 0);
    QCOMPARE(*again->envelopeCount(), 30);
}

void TestAckJournal::tornTail_onlyWholeRecordsStored()
{
    const QString path = m_dir.filePath(QStringLiteral("torn.sqlite"));
    {
        auto store = openStore(path, true);
        QVERIFY(store);
        QVector<Envelope> batch = slashBatch(0, 5);
        QVERIFY(store->journalEnvelopes(batch));
        // Closed without an apply: the journal stays, as after a crash.
    }
    QFile journal(AckJournal::pathFor(path));
    QVERIFY(journal.open(QIODevice::ReadWrite));
    const QByteArray whole = journal.readAll();
    // A record cut short, then bytes that are no record at all.
    QVERIFY(journal.seek(whole.size()));
    QVERIFY(journal.write(whole.mid(16, 40)) == 40);
    QVERIFY(journal.write(QByteArray(300, '\xa5')) == 300);
    journal.close();

    auto store = openStore(path, false);
    QVERIFY(store);
    QCOMPARE(store->recoveredFromJournal(), 5);
    QCOMPARE(capturedIds(*store), expectedIds(5));

    // A flipped byte inside a record ends the journal there (its checksum fails).
    const QString path2 = m_dir.filePath(QStringLiteral("flipped.sqlite"));
    qint64 secondRecordAt = 0;
    {
        auto writer = openStore(path2, true);
        QVERIFY(writer);
        QVector<Envelope> first = slashBatch(0, 1);
        QVERIFY(writer->journalEnvelopes(first));
        secondRecordAt = QFileInfo(AckJournal::pathFor(path2)).size();
        QVector<Envelope> rest = slashBatch(1, 2);
        QVERIFY(writer->journalEnvelopes(rest));
    }
    QFile flipped(AckJournal::pathFor(path2));
    QVERIFY(flipped.open(QIODevice::ReadWrite));
    QVERIFY(flipped.seek(secondRecordAt + 60));
    QVERIFY(flipped.write("#", 1) == 1);
    flipped.close();
    auto store2 = openStore(path2, false);
    QVERIFY(store2);
    QCOMPARE(store2->recoveredFromJournal(), 1);
    QCOMPARE(capturedIds(*store2), expectedIds(1));
}

void TestAckJournal::restartInPlace_olderGenerationNeverReplayed()
{
    const QString path = m_dir.filePath(QStringLiteral("restart.sqlite"));
    const QString journalPath = AckJournal::pathFor(path);
    {
        auto store = openStore(path, true);
        QVERIFY(store);
        // 48 envelopes of ~256 KiB: the journal passes its restart length (4 MiB) and starts over.
        const QString big(256 * 1024, QLatin1Char('x'));
        qint64 largest = 0;
        for (int i = 0; i < 48; i += 4) {
            QVector<Envelope> batch;
            for (int k = i; k < i + 4; ++k) {
                batch.append(fixtures::envelope(fixtures::slashCommand(QStringLiteral("env-%1").arg(k), big), 1000 + k));
            }
            QVERIFY(store->journalEnvelopes(batch));
            largest = std::max(largest, QFileInfo(journalPath).size());
            QVERIFY(store->applyJournal(batch));
        }
        QVERIFY2(largest < 6 * 1024 * 1024, qPrintable(QString::number(largest)));
        // Two more that never get applied: only these may come back.
        QVector<Envelope> tail = slashBatch(48, 2);
        QVERIFY(store->journalEnvelopes(tail));
        // Written over the old generation, which is still in the file after them, not appended.
        QCOMPARE(QFileInfo(journalPath).size(), largest);
    }
    auto store = openStore(path, false);
    QVERIFY(store);
    QCOMPARE(store->recoveredFromJournal(), 2);
    QCOMPARE(capturedIds(*store), expectedIds(50));
}

void TestAckJournal::secondWriter_getsNoJournal_commitsDirectly()
{
    const QString path = m_dir.filePath(QStringLiteral("two.sqlite"));
    auto first = openStore(path, true);
    QVERIFY(first);
    auto second = openStore(path, true);
    QVERIFY(second);
    QVERIFY(first->hasAckJournal());
    QVERIFY(!second->hasAckJournal());
    QVector<Envelope> direct = slashBatch(0, 2);
    QVERIFY(!second->journalEnvelopes(direct));
    QVERIFY(second->insertEnvelopes(direct));
    QVector<Envelope> journaled = slashBatch(2, 2);
    QVERIFY(first->journalEnvelopes(journaled));
    QVERIFY(first->applyJournal(journaled));
    QCOMPARE(journaled[0].rowId, 3);
    second.reset();
    QVERIFY(QFileInfo::exists(AckJournal::pathFor(path))); // the second writer leaves it alone
    first.reset();
    QVERIFY(!QFileInfo::exists(AckJournal::pathFor(path)));
}

void TestAckJournal::applyFails_journalKept_nextOpenStoresIt()
{
    const QString path = m_dir.filePath(QStringLiteral("full.sqlite"));
    {
        auto store = openStore(path, true);
        QVERIFY(store);
        QVector<Envelope> batch;
        QVERIFY(journalBatchTheTablesRefuse(*store, path, 4, batch));
        const auto applied = store->applyJournal(batch);
        QVERIFY(!applied);
        QCOMPARE(applied.error().code, QStringLiteral("capture_disk_full"));
        QCOMPARE(batch[0].rowId, 0);
        QVERIFY(batch[0].committedUs > 0); // committed: in the journal
    }
    QVERIFY(QFileInfo::exists(AckJournal::pathFor(path)));
    auto store = openStore(path, false);
    QVERIFY(store);
    QCOMPARE(store->recoveredFromJournal(), 4);
    QCOMPARE(capturedIds(*store), expectedIds(6));
}

void TestAckJournal::applyFails_thenWorks_sameStoreStoresTheFailedBatchFirst()
{
    // The desktop app keeps its store across connections: after "disk full" the operator frees space and
    // connects again, and the new client knows nothing of the envelopes the failed write held.
    const QString path = m_dir.filePath(QStringLiteral("again.sqlite"));
    auto store = openStore(path, true);
    QVERIFY(store);
    QVector<Envelope> failed;
    QVERIFY(journalBatchTheTablesRefuse(*store, path, 3, failed));
    QVERIFY(!store->applyJournal(failed));

    QVERIFY(store->setSizeLimit(qint64(1) << 40)); // space again
    QVector<Envelope> next = slashBatch(5, 2);
    next.append(fixtures::envelope(fixtures::slashCommand(QStringLiteral("env-3")), 3000)); // a redelivery
    QVERIFY(store->journalEnvelopes(next));
    QVERIFY(store->applyJournal(next));
    QCOMPARE(capturedIds(*store), expectedIds(7) << QStringLiteral("env-3"));
    QCOMPARE(next[0].rowId, 6);
    QVERIFY(!next[1].duplicate);
    QVERIFY2(next[2].duplicate, "the failed batch's rows came first, so the redelivery is a duplicate");
    QCOMPARE(store->envelope(3)->raw, failed[0].raw);

    // More envelopes than were journaled is still a caller's mistake.
    QVector<Envelope> tooMany = slashBatch(20, 2);
    QCOMPARE(store->applyJournal(tooMany).error().code, QStringLiteral("capture_journal_mismatch"));
    store.reset();
    auto reopened = openStore(path, false);
    QVERIFY(reopened);
    QCOMPARE(reopened->recoveredFromJournal(), 0);
    QCOMPARE(*reopened->envelopeCount(), 8);
}

void TestAckJournal::journalWriteFails_diskFullError_nothingClaimed()
{
    // The file size limit makes write() fail with EFBIG, as a full disk fails it with ENOSPC.
    const QString path = m_dir.filePath(QStringLiteral("efbig.sqlite"));
    auto store = openStore(path, true);
    QVERIFY(store);
    QVector<Envelope> small = slashBatch(0, 1);
    QVERIFY(store->journalEnvelopes(small));
    QVERIFY(store->applyJournal(small));

    struct rlimit saved{};
    QVERIFY(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit limited = saved;
    limited.rlim_cur = 64 * 1024;
    QVERIFY(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
    QVector<Envelope> big{fixtures::envelope(fixtures::slashCommand(QStringLiteral("env-1"), QString(128 * 1024, QLatin1Char('z'))), 2000)};
    const auto journaled = store->journalEnvelopes(big);
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous);
    QVERIFY(!journaled);
    QCOMPARE(journaled.error().code, QStringLiteral("capture_disk_full"));
    QVERIFY2(journaled.error().message.contains(AckJournal::pathFor(path)), qPrintable(journaled.error().message));
    QCOMPARE(big[0].committedUs, 0);

    // The journal goes on from where the failed write began.
    QVector<Envelope> next = slashBatch(2, 1);
    QVERIFY(store->journalEnvelopes(next));
    QVERIFY(store->applyJournal(next));
    store.reset();
    auto reopened = openStore(path, false);
    QVERIFY(reopened);
    QCOMPARE(reopened->recoveredFromJournal(), 0);
    QCOMPARE(capturedIds(*reopened), (QStringList{QStringLiteral("env-0"), QStringLiteral("env-2")}));
}

// Helper mode for the SIGKILL test: journals 30 envelopes in batches of 3 in one session on link 3, acks
// each batch (ackedUs = receivedUs + 500), applies after the first 12, reports "done" and waits to be
// killed.
static int runJournalWriter(const QString &path)
{
    auto store = openStore(path, true);
    if (!store)
        return 1;
    SessionInfo info;
    info.source = QStringLiteral("test");
    auto session = store->beginSession(info);
    if (!session)
        return 1;
    QVector<Envelope> unapplied;
    for (int i = 0; i < 30; i += 3) {
        QVector<Envelope> batch = slashBatch(i, 3, *session);
        for (Envelope &e : batch)
            e.linkId = 3;
        if (!store->journalEnvelopes(batch))
            return 1;
        for (Envelope &e : batch)
            e.ackedUs = e.receivedUs + 500; // as the client does once the acks are written
        store->journalAckTimes(batch);
        unapplied += batch;
        if (i + 3 == 12) {
            if (!store->applyJournal(unapplied))
                return 1;
            unapplied.clear();
        }
    }
    std::printf("done\n");
    std::fflush(stdout);
    ::pause();
    return 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--journal-writer") == 0)
        return runJournalWriter(QString::fromLocal8Bit(argv[2]));
    TestAckJournal test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_ack_journal.moc"
