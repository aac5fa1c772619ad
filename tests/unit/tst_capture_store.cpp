#include "CaptureFixtures.h"

#include "capture/CaptureSchema.h"
#include "capture/CaptureStore.h"
#include "capture/EnvelopeFilter.h"
#include "capture/WalCheckpointer.h"
#include "util/Json.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <cstdio>

#include <unistd.h>

using namespace socketscope;

namespace {

std::unique_ptr<CaptureStore> openOrFail(const QString &path, CaptureStore::Mode mode = CaptureStore::Mode::ReadWrite)
{
    Result<std::unique_ptr<CaptureStore>> r = CaptureStore::open(path, mode);
    if (!r) {
        qWarning("open failed: %s", qPrintable(r.error().toString()));
        return nullptr;
    }
    return std::move(r).value();
}

// A writer that leaves every row to indexSearchTextNow(): the test decides what is indexed when.
std::unique_ptr<CaptureStore> openWithoutBackgroundIndexing(const QString &path)
{
    CaptureStore::Options options;
    options.backgroundSearchIndexing = false;
    Result<std::unique_ptr<CaptureStore>> r = CaptureStore::open(path, CaptureStore::Mode::ReadWrite, options);
    if (!r) {
        qWarning("open failed: %s", qPrintable(r.error().toString()));
        return nullptr;
    }
    return std::move(r).value();
}

// Runs SQL on the file through a separate connection, as another tool would.
QVariant rawQuery(const QString &path, const QString &sql)
{
    QVariant result;
    const QString name = QStringLiteral("tst-raw-%1").arg(QRandomGenerator::global()->generate());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                result = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

// The envelopes table's indexes, by name (a separate connection, as another tool would).
QStringList envelopeIndexes(const QString &path)
{
    QStringList names;
    const QString name = QStringLiteral("tst-idx-%1").arg(QRandomGenerator::global()->generate());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'envelopes'"
                                      " AND sql IS NOT NULL ORDER BY name"))) {
                while (q.next())
                    names << q.value(0).toString();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return names;
}

// A per-connection PRAGMA on the one open store's own connection (-1 when there is not exactly one).
int writerPragma(const QString &pragma)
{
    QStringList stores;
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(QLatin1String("socketscope-capture-")))
            stores.append(name);
    }
    if (stores.size() != 1)
        return -1;
    QSqlQuery q(QSqlDatabase::database(stores.constFirst(), false));
    return q.exec(QStringLiteral("PRAGMA ") + pragma) && q.next() ? q.value(0).toInt() : -1;
}

int writerSynchronous()
{
    return writerPragma(QStringLiteral("synchronous"));
}

// FTS5's own check, through a separate connection: the index matches the content table exactly.
// Returns the error text, empty when the index is sound.
QString ftsIntegrityProblem(const QString &path)
{
    QString problem;
    const QString name = QStringLiteral("tst-check-%1").arg(QRandomGenerator::global()->generate());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QSqlQuery q(db);
        if (!db.open())
            problem = db.lastError().text();
        else if (!q.exec(QStringLiteral("INSERT INTO envelopes_fts(envelopes_fts) VALUES('integrity-check')")))
            problem = q.lastError().text();
    }
    QSqlDatabase::removeDatabase(name);
    return problem;
}

} // namespace

class TestCaptureStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();

    void open_newFile_createsCurrentSchemaInWal();
    void open_existingV1File_opensWithDataIntact();
    void open_emptyFile_migratedToCurrent();
    void open_newerSchema_refusedWithClearError();
    void open_foreignSqliteDatabase_refused();
    void open_notSqliteFile_returnsNotSqlite();
    void open_missingDirectory_returnsDirMissing();
    void open_readOnlyModeMissingFile_returnsNotFound();
    void open_writeProtectedFile_returnsReadOnly();
    void readOnlyMode_write_returnsReadOnly();

    void insert_readBack_preservesEveryField();
    void insert_setsRowIdAndCommittedUs();
    void insert_duplicateEventId_flagsDuplicate();
    void insert_duplicateEnvelopeId_flagsDuplicate();
    void insert_duplicateWithinBatch_flagsSecond();
    void insert_duplicateAfterReopen_flagsDuplicate();
    void insert_duplicateWithinMemoryWindow_flagged_olderNot();
    void insert_duplicateFromOtherWriter_flagsDuplicate();
    void insert_withAcks_appliesAcks();
    void applyAcks_setsAckedUs();
    void setDeliveryStatus_updatesRowOrReportsMissing();
    void sizeLimitReached_returnsDiskFull_keepsEarlierRows();

    void sessions_beginAndEnd_roundTrip();
    void linkEvents_recordedAndFilteredBySession();
    void malformedFrames_keptWithRawBytes();
    void deliveries_recordedRedactedAndListed();
    void searchText_findsByEveryIndexedField();
    void searchText_userInputWithSyntax_isLiteral();
    void indexSearchTextNow_reportsProgress_andStopsWhenAsked();
    void buildSearchIndex_whileAnotherWriterHoldsTheFile();
    void searchIndex_backgroundIndexerCatchesUp();
    void searchIndex_steadyWrites_deferIndexing_thenCatchesUpMerged();
    void wal_steadyWrites_staysBounded();
    void wal_pinnedByReader_writerCheckpointsBackOff_thenRestarts();
    void writer_runsSynchronousOff();
    void writer_keepsStatementJournalsInMemory();
    void searchIndex_deleteAboveAndBelowMark_keepsIndexConsistent();
    void open_realV1File_migratedWithSearchIntact();
    void open_v2File_readOnlyAsIs_thenUpgradeDropsUnusedIndexes();
    void schema_envelopeIndexes_onlyThoseQueriesUse();
    void forEachEnvelope_streamsInOrderAndStops();
    void envelopeById_missing_returnsNotFound();

    void readOnlyView_seesWriterCommits();
    void readOnlyView_afterWriterClosed_opens();
    void otherProcessWriter_readerSeesCommits_andSigkillLosesNone();

private:
    QString capturePath(const QString &name = QStringLiteral("capture.sqlite")) const
    {
        return m_dir->filePath(name);
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCaptureStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCaptureStore::open_newFile_createsCurrentSchemaInWal()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QCOMPARE(store->schemaVersion(), CaptureStore::kSchemaVersion);
    QVERIFY(!store->isReadOnly());
    QCOMPARE(rawQuery(capturePath(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(rawQuery(capturePath(), QStringLiteral("PRAGMA user_version")).toInt(), CaptureStore::kSchemaVersion);
    QCOMPARE(rawQuery(capturePath(), QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'envelopes_fts'")).toInt(), 1);
    QCOMPARE(*store->envelopeCount(), 0);
}

void TestCaptureStore::open_existingV1File_opensWithDataIntact()
{
    {
        auto store = openOrFail(capturePath());
        QVERIFY(store);
        QVector<Envelope> batch{fixtures::envelope(fixtures::slashCommand(QStringLiteral("e-1")), 100)};
        QVERIFY(store->insertEnvelopes(batch).ok());
    }
    auto reopened = openOrFail(capturePath());
    QVERIFY(reopened);
    QCOMPARE(reopened->schemaVersion(), CaptureStore::kSchemaVersion);
    QCOMPARE(*reopened->envelopeCount(), 1);
    QCOMPARE(reopened->envelope(1)->envelopeId, QStringLiteral("e-1"));
}

void TestCaptureStore::open_emptyFile_migratedToCurrent()
{
    // A zero-byte file (e.g. made by "touch") is a new capture, migrated from version 0.
    QFile empty(capturePath());
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QCOMPARE(store->schemaVersion(), CaptureStore::kSchemaVersion);
    QVERIFY(!rawQuery(capturePath(), QStringLiteral("SELECT value FROM meta WHERE key = 'schema_1_applied_us'")).isNull());
}

void TestCaptureStore::open_newerSchema_refusedWithClearError()
{
    { QVERIFY(openOrFail(capturePath())); }
    rawQuery(capturePath(), QStringLiteral("PRAGMA user_version = 99"));
    QCOMPARE(rawQuery(capturePath(), QStringLiteral("PRAGMA user_version")).toInt(), 99);

    for (const CaptureStore::Mode mode : {CaptureStore::Mode::ReadWrite, CaptureStore::Mode::ReadOnly}) {
        const auto r = CaptureStore::open(capturePath(), mode);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("capture_schema_newer"));
        QVERIFY(r.error().message.contains(QStringLiteral("newer SocketScope")));
        QVERIFY(r.error().message.contains(QStringLiteral("99")));
        QVERIFY(!r.error().fix.isEmpty());
    }
    // Refusing must not have touched the file.
    QCOMPARE(rawQuery(capturePath(), QStringLiteral("PRAGMA user_version")).toInt(), 99);
}

void TestCaptureStore::open_foreignSqliteDatabase_refused()
{
    rawQuery(capturePath(), QStringLiteral("CREATE TABLE contacts(name TEXT)"));
    const auto r = CaptureStore::open(capturePath());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("capture_not_socketscope"));
    QCOMPARE(rawQuery(capturePath(), QStringLiteral("SELECT count(*) FROM sqlite_schema")).toInt(), 1);
}

void TestCaptureStore::open_notSqliteFile_returnsNotSqlite()
{
    QFile f(capturePath());
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"envelope_id\":\"this is a JSONL export, not a capture\"}\n");
    f.close();
    for (const CaptureStore::Mode mode : {CaptureStore::Mode::ReadWrite, CaptureStore::Mode::ReadOnly}) {
        const auto r = CaptureStore::open(capturePath(), mode);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("capture_not_sqlite"));
        QVERIFY(r.error().message.contains(capturePath()));
    }
}

void TestCaptureStore::open_missingDirectory_returnsDirMissing()
{
    const QString path = m_dir->filePath(QStringLiteral("no/such/dir/capture.sqlite"));
    const auto r = CaptureStore::open(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("capture_dir_missing"));
    QVERIFY(r.error().fix.contains(QStringLiteral("Create the folder")));
    QVERIFY(!QFile::exists(path));
}

void TestCaptureStore::open_readOnlyModeMissingFile_returnsNotFound()
{
    const auto r = CaptureStore::open(capturePath(QStringLiteral("absent.sqlite")), CaptureStore::Mode::ReadOnly);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("capture_not_found"));
    QVERIFY(!QFile::exists(capturePath(QStringLiteral("absent.sqlite"))));
}

void TestCaptureStore::open_writeProtectedFile_returnsReadOnly()
{
    if (::geteuid() == 0) {
        // Permissions do not stop root: run this same test function again as "nobody". The build tree
        // may sit in a directory nobody cannot enter (a clone in `mktemp -d` is 0700), so the child runs
        // from a copy of this binary in a world-readable temporary directory.
        QTemporaryDir shared;
        QVERIFY(shared.isValid());
        const QString copy = shared.filePath(QStringLiteral("tst_capture_store"));
        QVERIFY(QFile::copy(QCoreApplication::applicationFilePath(), copy));
        const auto rx = QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                        | QFile::ExeOther;
        QVERIFY(QFile::setPermissions(shared.path(), rx | QFile::WriteOwner));
        QVERIFY(QFile::setPermissions(copy, rx));
        QProcess child;
        child.setProgram(copy);
        child.setWorkingDirectory(shared.path());
        child.setArguments({QStringLiteral("open_writeProtectedFile_returnsReadOnly")});
        child.setChildProcessModifier([] {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(77);
        });
        child.start();
        if (!child.waitForStarted(10000))
            QSKIP("running as root and cannot start a process as user nobody");
        QVERIFY(child.waitForFinished(60000));
        const QByteArray output = child.readAllStandardOutput() + child.readAllStandardError();
        if (child.exitCode() == 77)
            QSKIP("running as root and cannot switch to user nobody");
        QVERIFY2(child.exitCode() == 0, output.constData());
        QVERIFY(output.contains("PASS   : TestCaptureStore::open_writeProtectedFile_returnsReadOnly()"));
        return;
    }
    { QVERIFY(openOrFail(capturePath())); }
    QVERIFY(QFile::setPermissions(capturePath(), QFile::ReadOwner | QFile::ReadGroup));
    QVERIFY(::access(QFile::encodeName(capturePath()).constData(), W_OK) != 0);
    const auto r = CaptureStore::open(capturePath());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("capture_read_only"));
    // …while a read-only view still works.
    QVERIFY(openOrFail(capturePath(), CaptureStore::Mode::ReadOnly));
}

void TestCaptureStore::readOnlyMode_write_returnsReadOnly()
{
    { QVERIFY(openOrFail(capturePath())); }
    auto view = openOrFail(capturePath(), CaptureStore::Mode::ReadOnly);
    QVERIFY(view);
    QVERIFY(view->isReadOnly());
    QVector<Envelope> batch{fixtures::envelope(fixtures::slashCommand(QStringLiteral("e-1")), 1)};
    const Result<void> r = view->insertEnvelopes(batch);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("capture_read_only"));
    QCOMPARE(view->beginSession({}).error().code, QStringLiteral("capture_read_only"));
    QCOMPARE(view->recordLinkEvent({}).error().code, QStringLiteral("capture_read_only"));
    QCOMPARE(*view->envelopeCount(), 0);
}

void TestCaptureStore::insert_readBack_preservesEveryField()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    const qint64 session = *store->beginSession({0, 0, 0, QStringLiteral("listen"), QStringLiteral("dedicated"), {}, {}});
    Envelope in = fixtures::envelope(fixtures::appMention(QStringLiteral("env-a"), QStringLiteral("Ev1"), 2),
                                     1'700'000'000'123'456, session, 3);
    in.ackedUs = 1'700'000'000'125'000;
    in.deliveryStatus = QStringLiteral("bridged 200");
    QVector<Envelope> batch{in};
    QVERIFY(store->insertEnvelopes(batch).ok());

    const Result<Envelope> out = store->envelope(batch.first().rowId);
    QVERIFY(out.ok());
    QCOMPARE(out->rowId, batch.first().rowId);
    QCOMPARE(out->sessionId, session);
    QCOMPARE(out->linkId, 3);
    QCOMPARE(out->envelopeId, QStringLiteral("env-a"));
    QCOMPARE(out->type, QStringLiteral("events_api"));
    QCOMPARE(out->subtype, QStringLiteral("app_mention"));
    QCOMPARE(out->teamId, QStringLiteral("T111"));
    QCOMPARE(out->channelId, QStringLiteral("C222"));
    QCOMPARE(out->userId, QStringLiteral("U222"));
    QCOMPARE(out->text, QStringLiteral("<@U111> show me racks"));
    QCOMPARE(out->eventId, QStringLiteral("Ev1"));
    QCOMPARE(out->retryAttempt, 2);
    QCOMPARE(out->retryReason, QStringLiteral("timeout"));
    QCOMPARE(out->acceptsResponsePayload, false);
    QCOMPARE(out->duplicate, false);
    QCOMPARE(out->receivedUs, in.receivedUs);
    QCOMPARE(out->committedUs, batch.first().committedUs);
    QCOMPARE(out->ackedUs, in.ackedUs);
    QCOMPARE(out->deliveryStatus, QStringLiteral("bridged 200"));
    QCOMPARE(out->raw, in.raw);

    // A slash command keeps its accepts_response_payload and an absent event id reads back empty.
    QVector<Envelope> second{fixtures::envelope(fixtures::slashCommand(QStringLiteral("env-b")), 5, session)};
    QVERIFY(store->insertEnvelopes(second).ok());
    const Envelope slash = *store->envelopeById(QStringLiteral("env-b"));
    QVERIFY(slash.acceptsResponsePayload);
    QVERIFY(slash.eventId.isEmpty());
    QCOMPARE(slash.subtype, QStringLiteral("/nautobot"));
}

void TestCaptureStore::insert_setsRowIdAndCommittedUs()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    const qint64 before = json::nowUs();
    QVector<Envelope> batch;
    for (int i = 0; i < 3; ++i)
        batch.append(fixtures::envelope(fixtures::blockActions(QStringLiteral("b-%1").arg(i)), before));
    QVERIFY(store->insertEnvelopes(batch).ok());
    const qint64 after = json::nowUs();
    QCOMPARE(batch.at(0).rowId, 1);
    QCOMPARE(batch.at(2).rowId, 3);
    for (const Envelope &e : std::as_const(batch)) {
        QVERIFY(e.committedUs >= before && e.committedUs <= after);
        QCOMPARE(e.committedUs, batch.first().committedUs); // one transaction, one commit time
        QCOMPARE(store->envelope(e.rowId)->committedUs, e.committedUs);
    }
    QCOMPARE(*store->envelopeCount(), 3);
}

void TestCaptureStore::insert_duplicateEventId_flagsDuplicate()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QVector<Envelope> first{fixtures::envelope(fixtures::appMention(QStringLiteral("env-1"), QStringLiteral("Ev9")), 1)};
    QVERIFY(store->insertEnvelopes(first).ok());
    QVERIFY(!first.first().duplicate);
    // Slack's retry of the same event arrives as a new envelope with retry_attempt 1.
    QVector<Envelope> retry{fixtures::envelope(fixtures::appMention(QStringLiteral("env-2"), QStringLiteral("Ev9"), 1), 2),
                            fixtures::envelope(fixtures::appMention(QStringLiteral("env-3"), QStringLiteral("Ev10")), 3)};
    QVERIFY(store->insertEnvelopes(retry).ok());
    QVERIFY(retry.at(0).duplicate);
    QVERIFY(!retry.at(1).duplicate);
    QVERIFY(store->envelope(retry.at(0).rowId)->duplicate);
    QCOMPARE(*store->envelopeCount(), 3); // flagged, never dropped
}

void TestCaptureStore::insert_duplicateEnvelopeId_flagsDuplicate()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QVector<Envelope> a{fixtures::envelope(fixtures::slashCommand(QStringLiteral("same-id")), 1)};
    QVector<Envelope> b{fixtures::envelope(fixtures::slashCommand(QStringLiteral("same-id")), 2)};
    QVERIFY(store->insertEnvelopes(a).ok());
    QVERIFY(store->insertEnvelopes(b).ok());
    QVERIFY(!a.first().duplicate);
    QVERIFY(b.first().duplicate);
    QCOMPARE(store->envelopeById(QStringLiteral("same-id"))->rowId, a.first().rowId); // the first capture
}

void TestCaptureStore::insert_duplicateWithinBatch_flagsSecond()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QVector<Envelope> batch{fixtures::envelope(fixtures::appMention(QStringLiteral("x-1"), QStringLiteral("EvA")), 1),
                            fixtures::envelope(fixtures::appMention(QStringLiteral("x-2"), QStringLiteral("EvA"), 1), 2),
                            fixtures::envelope(fixtures::slashCommand(QStringLiteral("x-1")), 3)};
    QVERIFY(store->insertEnvelopes(batch).ok());
    QVERIFY(!batch.at(0).duplicate);
    QVERIFY(batch.at(1).duplicate);
    QVERIFY(batch.at(2).duplicate);
}

void TestCaptureStore::insert_duplicateAfterReopen_flagsDuplicate()
{
    {
        auto store = openOrFail(capturePath());
        QVERIFY(store);
        QVector<Envelope> a{fixtures::envelope(fixtures::appMention(QStringLiteral("r-1"), QStringLiteral("EvR")), 1)};
        QVERIFY(store->insertEnvelopes(a).ok());
    }
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QVector<Envelope> b{fixtures::envelope(fixtures::appMention(QStringLiteral("r-2"), QStringLiteral("EvR"), 1), 2),
                        fixtures::envelope(fixtures::slashCommand(QStringLiteral("r-1")), 3),
                        fixtures::envelope(fixtures::slashCommand(QStringLiteral("r-3")), 4)};
    QVERIFY(store->insertEnvelopes(b).ok());
    QVERIFY(b.at(0).duplicate);
    QVERIFY(b.at(1).duplicate);
    QVERIFY(!b.at(2).duplicate);
}

void TestCaptureStore::insert_duplicateWithinMemoryWindow_flagged_olderNot()
{
    // Duplicates are looked for among the last recentIdCapacity ids (no index on the random ids, schema
    // 4). With a window of 4, w-17 and EvW18 are still remembered when they come back; w-1 is not.
    CaptureStore::Options options;
    options.recentIdCapacity = 4;
    {
        auto opened = CaptureStore::open(capturePath(), CaptureStore::Mode::ReadWrite, options);
        QVERIFY(opened.ok());
        CaptureStore &store = **opened;
        QVector<Envelope> batch;
        for (int i = 0; i < 20; ++i)
            batch.append(fixtures::envelope(fixtures::appMention(QStringLiteral("w-%1").arg(i), QStringLiteral("EvW%1").arg(i)), i));
        QVERIFY(store.insertEnvelopes(batch).ok());
        for (const Envelope &e : std::as_const(batch))
            QVERIFY(!e.duplicate);
        QVector<Envelope> late{fixtures::envelope(fixtures::appMention(QStringLiteral("w-new"), QStringLiteral("EvW18"), 3), 100),
                               fixtures::envelope(fixtures::slashCommand(QStringLiteral("w-17")), 101),
                               fixtures::envelope(fixtures::slashCommand(QStringLiteral("w-1")), 102),
                               fixtures::envelope(fixtures::slashCommand(QStringLiteral("w-unique")), 103)};
        QVERIFY(store.insertEnvelopes(late).ok());
        QVERIFY(late.at(0).duplicate);
        QVERIFY(late.at(1).duplicate);
        QVERIFY(!late.at(2).duplicate);
        QVERIFY(!late.at(3).duplicate);
    }
    // A reopened store learns the newest rows of the file again, so the window survives a restart.
    auto reopened = CaptureStore::open(capturePath(), CaptureStore::Mode::ReadWrite, options);
    QVERIFY(reopened.ok());
    QVector<Envelope> again{fixtures::envelope(fixtures::slashCommand(QStringLiteral("w-unique")), 200)};
    QVERIFY((*reopened)->insertEnvelopes(again).ok());
    QVERIFY(again.first().duplicate);
}

void TestCaptureStore::insert_duplicateFromOtherWriter_flagsDuplicate()
{
    // Two writers on one file (e.g. an import while listening): each learns the other's rows.
    auto a = openOrFail(capturePath());
    auto b = openOrFail(capturePath());
    QVERIFY(a && b);
    QVector<Envelope> fromA{fixtures::envelope(fixtures::appMention(QStringLiteral("o-1"), QStringLiteral("EvO")), 1)};
    QVERIFY(a->insertEnvelopes(fromA).ok());
    QVector<Envelope> fromB{fixtures::envelope(fixtures::appMention(QStringLiteral("o-2"), QStringLiteral("EvO"), 1), 2)};
    QVERIFY(b->insertEnvelopes(fromB).ok());
    QVERIFY(fromB.first().duplicate);
    QCOMPARE(fromB.first().rowId, 2);
}

void TestCaptureStore::insert_withAcks_appliesAcks()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QVector<Envelope> first{fixtures::envelope(fixtures::slashCommand(QStringLiteral("k-1")), 1000)};
    QVERIFY(store->insertEnvelopes(first).ok());
    QCOMPARE(store->envelope(first.first().rowId)->ackedUs, 0);
    QVector<Envelope> second{fixtures::envelope(fixtures::slashCommand(QStringLiteral("k-2")), 3000)};
    QVERIFY(store->insertEnvelopes(second, {{first.first().rowId, 2500}}).ok());
    const Envelope acked = *store->envelope(first.first().rowId);
    QCOMPARE(acked.ackedUs, 2500);
    QCOMPARE(acked.ackLatencyUs(), 1500);
    QCOMPARE(store->envelope(second.first().rowId)->ackedUs, 0);
}

void TestCaptureStore::applyAcks_setsAckedUs()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QVector<Envelope> batch{fixtures::envelope(fixtures::slashCommand(QStringLiteral("a-1")), 10),
                            fixtures::envelope(fixtures::slashCommand(QStringLiteral("a-2")), 20)};
    QVERIFY(store->insertEnvelopes(batch).ok());
    QVERIFY(store->applyAcks({{batch.at(0).rowId, 15}, {batch.at(1).rowId, 26}}).ok());
    QCOMPARE(store->envelope(batch.at(0).rowId)->ackedUs, 15);
    QCOMPARE(store->envelope(batch.at(1).rowId)->ackLatencyUs(), 6);
    // An ack for a row that does not exist is ignored (and logged), never an error on the ack path.
    QVERIFY(store->applyAcks({{999, 30}}).ok());
}

void TestCaptureStore::setDeliveryStatus_updatesRowOrReportsMissing()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QVector<Envelope> batch{fixtures::envelope(fixtures::slashCommand(QStringLiteral("d-1")), 10)};
    QVERIFY(store->insertEnvelopes(batch).ok());
    QVERIFY(store->setDeliveryStatus(batch.first().rowId, QStringLiteral("replayed 200")).ok());
    QCOMPARE(store->envelope(batch.first().rowId)->deliveryStatus, QStringLiteral("replayed 200"));
    const Result<void> missing = store->setDeliveryStatus(12345, QStringLiteral("x"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, QStringLiteral("not_found"));
}

void TestCaptureStore::sizeLimitReached_returnsDiskFull_keepsEarlierRows()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QVector<Envelope> kept{fixtures::envelope(fixtures::slashCommand(QStringLiteral("f-0")), 1)};
    QVERIFY(store->insertEnvelopes(kept).ok());
    const qint64 pages = rawQuery(capturePath(), QStringLiteral("PRAGMA page_count")).toLongLong();
    QVERIFY(store->setSizeLimit((pages + 2) * 4096).ok());

    QVector<Envelope> big;
    for (int i = 1; i <= 200; ++i)
        big.append(fixtures::envelope(fixtures::slashCommand(QStringLiteral("f-%1").arg(i), QString(400, QLatin1Char('x'))), i));
    const Result<void> full = store->insertEnvelopes(big);
    QVERIFY(!full.ok());
    QCOMPARE(full.error().code, QStringLiteral("capture_disk_full"));
    QVERIFY(full.error().fix.contains(QStringLiteral("Free disk space")));
    QCOMPARE(big.first().rowId, 0); // nothing of the failed batch claims to be stored
    QCOMPARE(*store->envelopeCount(), 1);

    // Once there is room again the same store carries on, with correct duplicate detection.
    QVERIFY(store->setSizeLimit(qint64(1) << 40).ok());
    QVERIFY(store->insertEnvelopes(big).ok());
    QCOMPARE(*store->envelopeCount(), 201);
    QVERIFY(!big.first().duplicate);
}

void TestCaptureStore::sessions_beginAndEnd_roundTrip()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    SessionInfo info;
    info.startedUs = 111;
    info.source = QStringLiteral("gui");
    info.mode = QStringLiteral("bridge");
    info.apiUrl = QStringLiteral("http://127.0.0.1:1234/api/");
    const qint64 id = *store->beginSession(info);
    QVERIFY(id > 0);
    QVERIFY(store->endSession(id, QStringLiteral("operator stopped")).ok());
    QCOMPARE(store->endSession(id + 100, QStringLiteral("x")).error().code, QStringLiteral("not_found"));
    const QVector<SessionInfo> all = *store->sessions();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().id, id);
    QCOMPARE(all.first().startedUs, 111);
    QVERIFY(all.first().endedUs >= all.first().startedUs);
    QCOMPARE(all.first().source, QStringLiteral("gui"));
    QCOMPARE(all.first().mode, QStringLiteral("bridge"));
    QCOMPARE(all.first().apiUrl, info.apiUrl);
    QCOMPARE(all.first().endReason, QStringLiteral("operator stopped"));
}

void TestCaptureStore::linkEvents_recordedAndFilteredBySession()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    const qint64 s1 = *store->beginSession({0, 0, 0, QStringLiteral("listen"), {}, {}, {}});
    const qint64 s2 = *store->beginSession({0, 0, 0, QStringLiteral("listen"), {}, {}, {}});
    QVERIFY(store->recordLinkEvent({s1, 1, 10, QStringLiteral("opening"), QStringLiteral("wss-primary.slack.com")}).ok());
    QVERIFY(store->recordLinkEvent({s1, 1, 20, QStringLiteral("hello"), QStringLiteral("num_connections=2")}).ok());
    QVERIFY(store->recordLinkEvent({s2, 2, 15, QStringLiteral("disconnect"), QStringLiteral("refresh_requested")}).ok());
    const QVector<LinkEvent> all = *store->linkEvents();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(1).kind, QStringLiteral("disconnect")); // ordered by time
    const QVector<LinkEvent> first = *store->linkEvents(s1);
    QCOMPARE(first.size(), 2);
    QCOMPARE(first.at(1).sessionId, s1);
    QCOMPARE(first.at(1).linkId, 1);
    QCOMPARE(first.at(1).atUs, 20);
    QCOMPARE(first.at(1).detail, QStringLiteral("num_connections=2"));
}

void TestCaptureStore::malformedFrames_keptWithRawBytes()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    const qint64 s = *store->beginSession({0, 0, 0, QStringLiteral("listen"), {}, {}, {}});
    const QByteArray notUtf8("\xff\xfe{not json", 11);
    QVERIFY(store->recordMalformedFrame(s, 2, 77, QStringLiteral("not JSON"), notUtf8).ok());
    QVERIFY(store->recordMalformedFrame(0, 1, 78, QStringLiteral("empty frame"), QByteArray()).ok());
    const QVector<MalformedFrame> frames = *store->malformedFrames(s);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames.first().raw, notUtf8);
    QCOMPARE(frames.first().problem, QStringLiteral("not JSON"));
    QCOMPARE(frames.first().linkId, 2);
    QCOMPARE(frames.first().atUs, 77);
    QCOMPARE(store->malformedFrames()->size(), 2);
    QCOMPARE(*store->envelopeCount(), 0);
}

void TestCaptureStore::deliveries_recordedRedactedAndListed()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QVector<Envelope> batch{fixtures::envelope(fixtures::slashCommand(QStringLiteral("dl-1")), 10)};
    QVERIFY(store->insertEnvelopes(batch).ok());
    const qint64 row = batch.first().rowId;
    DeliveryRecord bridge{0, row, 100, QStringLiteral("bridge"),
                          QStringLiteral("http://nautobot:8080/api/plugins/chatops/slack/slash_command/"), 200, 2300,
                          QStringLiteral("200 OK")};
    DeliveryRecord answer{0, row, 200, QStringLiteral("response_url"), QString::fromLatin1(fixtures::kSlashResponseUrl),
                          404, 900, QStringLiteral("expired_url")};
    const Result<qint64> id1 = store->recordDelivery(bridge);
    QVERIFY(id1.ok());
    QVERIFY(store->recordDelivery(answer).ok());
    const QVector<DeliveryRecord> list = *store->deliveries(row);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).id, *id1);
    QCOMPARE(list.at(0).kind, QStringLiteral("bridge"));
    QCOMPARE(list.at(0).target, bridge.target);
    QCOMPARE(list.at(0).statusCode, 200);
    QCOMPARE(list.at(0).latencyUs, 2300);
    QCOMPARE(list.at(0).outcome, QStringLiteral("200 OK"));
    // The response_url is a credential: stored masked.
    QVERIFY(!list.at(1).target.contains(QString::fromLatin1(fixtures::kSlashResponseUrl)));
    QVERIFY(list.at(1).target.startsWith(QStringLiteral("https://hooks.slack.com/commands/")));
    QCOMPARE(store->deliveries(row + 1)->size(), 0);
    const Result<qint64> orphan = store->recordDelivery({0, 999, 1, QStringLiteral("replay"), {}, 0, -1, {}});
    QVERIFY(!orphan.ok());
    QCOMPARE(orphan.error().code, QStringLiteral("not_found"));
}

void TestCaptureStore::searchText_findsByEveryIndexedField()
{
    // Background indexing off: the first round of checks runs on the scan of not-yet-indexed rows,
    // the second on the FTS5 index; both must give the same answers.
    auto store = openWithoutBackgroundIndexing(capturePath());
    QVERIFY(store);
    QVector<Envelope> batch{
        fixtures::envelope(fixtures::slashCommand(QStringLiteral("1d3c79ab-0ffb-41f3-a080-d19e85f53649"),
                                                  QStringLiteral("get-vlans site fra02")), 1),
        fixtures::envelope(fixtures::appMention(QStringLiteral("s-2"), QStringLiteral("EvS")), 2),
        fixtures::envelope(fixtures::blockActions(QStringLiteral("s-3")), 3),
        fixtures::envelope(fixtures::slashCommand(QStringLiteral("s-4"), QStringLiteral("get-devices fra02")), 4),
    };
    QVERIFY(store->insertEnvelopes(batch).ok());
    const auto rows = [&](const QString &q) { return *store->searchText(q, 100); };
    for (const qint64 backlog : {4, 0}) {
        QCOMPARE(*store->searchIndexBacklog(), backlog);
        QCOMPARE(rows(QStringLiteral("fra02")), (QVector<qint64>{4, 1}));            // text, newest first
        QCOMPARE(rows(QStringLiteral("FRA02")), (QVector<qint64>{4, 1}));            // case-folded
        QCOMPARE(rows(QStringLiteral("get-vlans fra02")), (QVector<qint64>{1}));     // all words must match
        QCOMPARE(rows(QStringLiteral("app_mention")), (QVector<qint64>{2}));         // subtype
        QCOMPARE(rows(QStringLiteral("U333")), (QVector<qint64>{3}));                // user
        QCOMPARE(rows(QStringLiteral("C222")), (QVector<qint64>{2}));                // channel
        QCOMPARE(rows(QStringLiteral("1d3c79ab-0ffb-41f3-a080-d19e85f53649")), (QVector<qint64>{1})); // envelope_id
        QCOMPARE(rows(QStringLiteral("static_select")), (QVector<qint64>{3}));       // only in the raw frame
        QCOMPARE(rows(QStringLiteral("nauto*")), (QVector<qint64>{4, 3, 1}));        // prefix
        QCOMPARE(rows(QStringLiteral("fra0")), (QVector<qint64>{}));                 // no prefix without *
        QCOMPARE(rows(QStringLiteral("fra02")).size(), 2);
        QCOMPARE(store->searchText(QStringLiteral("fra02"), 1)->size(), 1);          // limit
        QVERIFY(rows(QStringLiteral("absentword")).isEmpty());
        QVERIFY(rows(QString()).isEmpty());
        QVERIFY(store->indexSearchTextNow().ok());
    }
}

void TestCaptureStore::indexSearchTextNow_reportsProgress_andStopsWhenAsked()
{
    auto store = openWithoutBackgroundIndexing(capturePath());
    QVERIFY(store);
    QVector<Envelope> batch;
    for (int i = 0; i < 100; ++i)
        batch.append(fixtures::envelope(fixtures::slashCommand(QStringLiteral("p-%1").arg(i), QStringLiteral("get-devices")), i));
    QVERIFY(store->insertEnvelopes(batch).ok());
    QCOMPARE(*store->searchIndexBacklog(), qint64(100));

    // Stopped after the first chunk: that chunk stays indexed, search still sees all 100.
    QVector<QPair<qint64, qint64>> seen;
    QVERIFY(store->indexSearchTextNow([&](qint64 indexed, qint64 total) {
        seen.append({indexed, total});
        return false;
    }, 16).ok());
    QCOMPARE(seen, (QVector<QPair<qint64, qint64>>{{16, 100}}));
    QCOMPARE(*store->searchIndexBacklog(), qint64(84));
    QCOMPARE(*store->searchIndexedUpTo(), batch.at(15).rowId);
    QCOMPARE(store->searchText(QStringLiteral("devices"), 1000)->size(), 100);

    // Run to the end: progress climbs by chunk, counted from where this call started.
    seen.clear();
    QVERIFY(store->indexSearchTextNow([&](qint64 indexed, qint64 total) {
        seen.append({indexed, total});
        return true;
    }, 32).ok());
    QCOMPARE(seen, (QVector<QPair<qint64, qint64>>{{32, 84}, {64, 84}, {84, 84}}));
    QCOMPARE(*store->searchIndexBacklog(), qint64(0));
    QCOMPARE(store->searchText(QStringLiteral("devices"), 1000)->size(), 100);

    // Nothing pending: one report of 0 of 0.
    seen.clear();
    QVERIFY(store->indexSearchTextNow([&](qint64 indexed, qint64 total) {
        seen.append({indexed, total});
        return true;
    }).ok());
    QCOMPARE(seen, (QVector<QPair<qint64, qint64>>{{0, 0}}));
}

// The viewer's and `socketscope-cli index`'s build: its own connection, beside a writer that stays open.
void TestCaptureStore::buildSearchIndex_whileAnotherWriterHoldsTheFile()
{
    auto writer = openWithoutBackgroundIndexing(capturePath());
    QVERIFY(writer);
    QVector<Envelope> batch;
    for (int i = 0; i < 1200; ++i)
        batch.append(fixtures::envelope(fixtures::slashCommand(QStringLiteral("b-%1").arg(i), QStringLiteral("get-vlans")), i));
    QVERIFY(writer->insertEnvelopes(batch).ok());

    qint64 reports = 0;
    const Result<qint64> first = CaptureStore::buildSearchIndex(capturePath(), [&](qint64 done, qint64 total) {
        ++reports;
        return done < total / 2; // stops after the chunk that passes half
    });
    QVERIFY(first.ok());
    QVERIFY(*first > 0 && *first < 1200);
    QVERIFY(reports >= 1);
    QCOMPARE(*writer->searchIndexBacklog(), 1200 - *first);

    const Result<qint64> rest = CaptureStore::buildSearchIndex(capturePath());
    QVERIFY(rest.ok());
    QCOMPARE(*first + *rest, qint64(1200));
    QCOMPARE(*writer->searchIndexBacklog(), qint64(0));
    QCOMPARE(writer->searchText(QStringLiteral("vlans"), 5000)->size(), 1200);
    QVERIFY(writer->insertEnvelopes(batch = {fixtures::envelope(fixtures::slashCommand(QStringLiteral("b-late")), 1)}).ok());
    QCOMPARE(*CaptureStore::buildSearchIndex(capturePath()), qint64(1));

    const Result<qint64> missing = CaptureStore::buildSearchIndex(capturePath() + QStringLiteral(".nowhere/x.sqlite"));
    QVERIFY(!missing.ok());
}

void TestCaptureStore::searchText_userInputWithSyntax_isLiteral()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QVector<Envelope> batch{fixtures::envelope(fixtures::slashCommand(QStringLiteral("q-1"), QStringLiteral("NOT a drill")), 1)};
    QVERIFY(store->insertEnvelopes(batch).ok());
    for (const QString &q : {QStringLiteral("\"unbalanced"), QStringLiteral("NOT"), QStringLiteral("a AND OR"),
                             QStringLiteral("col:umn"), QStringLiteral("(drill"), QStringLiteral("-"), QStringLiteral("*"),
                             QStringLiteral("NEAR(a b)"), QStringLiteral("^drill")}) {
        const Result<QVector<qint64>> r = store->searchText(q, 10);
        QVERIFY2(r.ok(), qPrintable(q));
    }
    QCOMPARE(*store->searchText(QStringLiteral("NOT drill"), 10), (QVector<qint64>{1}));
    QCOMPARE(*store->searchText(QStringLiteral("(drill)"), 10), (QVector<qint64>{1}));
}

void TestCaptureStore::searchIndex_backgroundIndexerCatchesUp()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    for (int b = 0; b < 10; ++b) {
        QVector<Envelope> batch;
        for (int i = 0; i < 100; ++i)
            batch.append(fixtures::envelope(fixtures::slashCommand(QStringLiteral("bg-%1-%2").arg(b).arg(i),
                                                                   QStringLiteral("show device dev%1").arg(b * 100 + i)), i));
        QVERIFY(store->insertEnvelopes(batch).ok());
        QCOMPARE(store->searchText(QStringLiteral("dev%1").arg(b * 100 + 99), 10)->size(), 1); // found at once
    }
    QTRY_COMPARE_WITH_TIMEOUT(*store->searchIndexBacklog(), qint64(0), 20000);
    QCOMPARE(store->searchText(QStringLiteral("show"), 2000)->size(), 1000);
    QCOMPARE(*store->searchText(QStringLiteral("dev0"), 10), (QVector<qint64>{1}));
    QVERIFY(rawQuery(capturePath(), QStringLiteral("SELECT count(*) FROM envelopes_fts WHERE envelopes_fts MATCH 'dev999'")).toInt() == 1);
}

void TestCaptureStore::searchIndex_steadyWrites_deferIndexing_thenCatchesUpMerged()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    // Steady traffic: a commit every 5 ms, well inside the indexer's quiet period, so indexing (and its
    // cost on the ack path) waits; search finds every row meanwhile.
    constexpr int kBatches = 40, kRows = 50;
    int batches = 0;
    QTimer traffic;
    connect(&traffic, &QTimer::timeout, this, [&] {
        QVector<Envelope> batch;
        for (int i = 0; i < kRows; ++i)
            batch.append(fixtures::envelope(fixtures::slashCommand(QStringLiteral("steady-%1-%2").arg(batches).arg(i),
                                                                   QStringLiteral("show device sw%1").arg(batches * kRows + i)), i));
        QVERIFY(store->insertEnvelopes(batch).ok());
        if (++batches == kBatches)
            traffic.stop();
    });
    traffic.start(5);
    QTRY_VERIFY_WITH_TIMEOUT(!traffic.isActive(), 60000);
    // A slow machine may pause past the quiet period now and then; each such slice indexes 16 rows.
    const qint64 backlog = *store->searchIndexBacklog();
    QVERIFY2(backlog > kBatches * kRows - 500, qPrintable(QStringLiteral("backlog %1").arg(backlog)));
    QCOMPARE(*store->searchText(QStringLiteral("sw1999"), 10), (QVector<qint64>{2000}));
    QCOMPARE(*store->searchText(QStringLiteral("sw0"), 10), (QVector<qint64>{1}));

    // Quiet: the index catches up, then merges the slices' small segments (FTS5's automerge is off, the
    // slices merge in bounded steps); without those merges 125 slices leave 20 segments or more.
    QTRY_COMPARE_WITH_TIMEOUT(*store->searchIndexBacklog(), qint64(0), 30000);
    QCOMPARE(rawQuery(capturePath(), QStringLiteral("SELECT v FROM envelopes_fts_config WHERE k = 'automerge'")).toInt(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(rawQuery(capturePath(), QStringLiteral("SELECT count(DISTINCT segid) FROM envelopes_fts_idx")).toInt() <= 12,
                             30000);
    QCOMPARE(rawQuery(capturePath(), QStringLiteral("SELECT count(*) FROM envelopes_fts WHERE envelopes_fts MATCH 'show'")).toInt(),
             kBatches * kRows);
    QCOMPARE(*store->searchText(QStringLiteral("sw1234"), 10), (QVector<qint64>{1235}));
    const QString problem = ftsIntegrityProblem(capturePath());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCaptureStore::wal_steadyWrites_staysBounded()
{
    // SQLite starts the WAL over only after a checkpoint that copied every frame before the next commit.
    // Back-to-back commits (an import, an overload) leave the checkpointer thread no such moment; the WAL
    // then grew with everything written.
    CaptureStore::Options options;
    options.walRestartFrames = 256; // 1 MiB instead of 64 MiB, so a test can see several restarts
    auto opened = CaptureStore::open(capturePath(), CaptureStore::Mode::ReadWrite, options);
    QVERIFY(opened);
    auto store = std::move(opened).value();
    const QString padding = QString(400, QLatin1Char('x'));
    qint64 largestWal = 0;
    constexpr int kBatches = 1500, kRows = 10;
    for (int b = 0; b < kBatches; ++b) {
        QVector<Envelope> batch;
        for (int i = 0; i < kRows; ++i)
            batch.append(fixtures::envelope(fixtures::slashCommand(QStringLiteral("wal-%1-%2").arg(b).arg(i), padding), i));
        QVERIFY(store->insertEnvelopes(batch).ok());
        largestWal = std::max(largestWal, QFileInfo(capturePath() + QStringLiteral("-wal")).size());
    }
    const qint64 written = QFileInfo(capturePath()).size() + QFileInfo(capturePath() + QStringLiteral("-wal")).size();
    // Measured: a fifth of what was written with the restarts (more on a loaded machine), nearly all of
    // it without them.
    QVERIFY2(largestWal < written / 2,
             qPrintable(QStringLiteral("WAL reached %1 bytes; capture and WAL now %2 bytes").arg(largestWal).arg(written)));
    QCOMPARE(rawQuery(capturePath(), QStringLiteral("SELECT count(*) FROM envelopes")).toInt(), kBatches * kRows);
    QVERIFY2(store->walStats().restarts >= 3, qPrintable(QStringLiteral("%1 restarts").arg(store->walStats().restarts)));
}

void TestCaptureStore::wal_pinnedByReader_writerCheckpointsBackOff_thenRestarts()
{
    // A reader in a long transaction (an export of a big capture) keeps SQLite from starting the WAL over.
    // The writer's own checkpoint cannot help then; it must not run before every batch (each one copies
    // nothing and costs two PRAGMAs on the ack path), and the WAL must start over once the reader is done.
    CaptureStore::Options options;
    options.walRestartFrames = 64; // 256 KiB
    auto opened = CaptureStore::open(capturePath(), CaptureStore::Mode::ReadWrite, options);
    QVERIFY(opened);
    auto store = std::move(opened).value();
    const QString padding = QString(400, QLatin1Char('x'));
    int written = 0;
    auto writeBatches = [&](int batches) {
        for (int b = 0; b < batches; ++b) {
            QVector<Envelope> batch;
            for (int i = 0; i < 10; ++i, ++written)
                batch.append(fixtures::envelope(fixtures::slashCommand(QStringLiteral("pin-%1").arg(written), padding), i));
            if (!store->insertEnvelopes(batch).ok())
                return false;
        }
        return true;
    };
    QVERIFY(writeBatches(10));

    const QString name = QStringLiteral("tst-pin-%1").arg(QRandomGenerator::global()->generate());
    {
        QSqlDatabase reader = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        reader.setDatabaseName(capturePath());
        QVERIFY(reader.open());
        QSqlQuery pin(reader);
        QVERIFY(pin.exec(QStringLiteral("BEGIN")));
        QVERIFY(pin.exec(QStringLiteral("SELECT count(*) FROM envelopes")) && pin.next());
        const WalStats before = store->walStats();
        constexpr int kPinnedBatches = 600;
        QVERIFY(writeBatches(kPinnedBatches));
        const WalStats pinned = store->walStats();
        // One restart can still happen: a reader that began on a fully checkpointed WAL reads the database
        // file alone, and SQLite may start the WAL over once under it (never again: nothing more can be
        // copied back while it reads).
        QVERIFY2(pinned.restarts - before.restarts <= 1, qPrintable(QString::number(pinned.restarts - before.restarts)));
        const qint64 walFrames = QFileInfo(capturePath() + QStringLiteral("-wal")).size() / (4096 + 24);
        QVERIFY2(walFrames > 8 * options.walRestartFrames, qPrintable(QString::number(walFrames)));
        // One writer checkpoint per restart length of growth past four, not one per batch.
        const qint64 checkpoints = pinned.writerCheckpoints - before.writerCheckpoints;
        QVERIFY2(checkpoints >= 1 && checkpoints <= walFrames / options.walRestartFrames + 1,
                 qPrintable(QStringLiteral("%1 writer checkpoints for %2 WAL frames").arg(checkpoints).arg(walFrames)));
        QCOMPARE(writerSynchronous(), 0); // those checkpoints ran with NORMAL, and switched back
        QVERIFY(pin.exec(QStringLiteral("COMMIT")));
    }
    QSqlDatabase::removeDatabase(name);

    // Traffic goes on, with the gaps real traffic has. The checkpointer thread may still be copying the
    // pinned WAL (tens of MB, seconds on a loaded machine); the writer takes its turn after that.
    const qint64 restartsBefore = store->walStats().restarts;
    for (int b = 0; b < 1000 && store->walStats().restarts == restartsBefore; ++b) {
        QVERIFY(writeBatches(1));
        QThread::msleep(5);
    }
    QVERIFY2(store->walStats().restarts > restartsBefore, "the WAL never started over after the reader finished");
    QCOMPARE(rawQuery(capturePath(), QStringLiteral("SELECT count(*) FROM envelopes")).toInt(), written);
}

void TestCaptureStore::writer_runsSynchronousOff()
{
    // A commit survives SIGKILL either way; only checkpoints need to sync for the file to survive a power
    // loss (see CaptureStore::configureConnection). NORMAL on the writer put an fsync on the ack path.
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QCOMPARE(writerSynchronous(), 0); // OFF
}

void TestCaptureStore::writer_keepsStatementJournalsInMemory()
{
    // A group commit stamps its commit time with one multi-row UPDATE, which needs a statement journal;
    // with temp files on disk it spilled past 64 KiB into a new file in /var/tmp inside the commit.
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QCOMPARE(writerPragma(QStringLiteral("temp_store")), 2); // MEMORY
    QVector<Envelope> batch;
    for (int i = 0; i < 256; ++i)
        batch.append(fixtures::envelope(fixtures::slashCommand(QStringLiteral("journal-%1").arg(i)), i));
    QVERIFY(store->insertEnvelopes(batch).ok());
    QCOMPARE(*store->envelopeCount(), 256);
    QVERIFY(batch.constLast().committedUs > 0);
}

void TestCaptureStore::searchIndex_deleteAboveAndBelowMark_keepsIndexConsistent()
{
    auto store = openWithoutBackgroundIndexing(capturePath());
    QVERIFY(store);
    auto insert = [&](const QString &id, const QString &text) {
        QVector<Envelope> batch{fixtures::envelope(fixtures::slashCommand(id, text), 1)};
        return store->insertEnvelopes(batch).ok();
    };
    QVERIFY(insert(QStringLiteral("d-1"), QStringLiteral("alpha")));
    QVERIFY(insert(QStringLiteral("d-2"), QStringLiteral("alpha")));
    QVERIFY(insert(QStringLiteral("d-3"), QStringLiteral("alpha")));
    QVERIFY(store->indexSearchTextNow().ok());
    QVERIFY(insert(QStringLiteral("d-4"), QStringLiteral("alpha")));
    QVERIFY(insert(QStringLiteral("d-5"), QStringLiteral("alpha")));
    // Another tool deletes an indexed row and the newest rows (not indexed yet, ids reusable).
    rawQuery(capturePath(), QStringLiteral("DELETE FROM envelopes WHERE id IN (2, 3, 4, 5)"));
    QCOMPARE(*store->searchText(QStringLiteral("alpha"), 10), (QVector<qint64>{1}));
    QVERIFY(insert(QStringLiteral("d-6"), QStringLiteral("beta"))); // gets id 2 again
    QCOMPARE(*store->searchText(QStringLiteral("beta"), 10), (QVector<qint64>{2}));
    QVERIFY(store->indexSearchTextNow().ok());
    QCOMPARE(*store->searchIndexBacklog(), qint64(0));
    QCOMPARE(*store->searchText(QStringLiteral("beta"), 10), (QVector<qint64>{2}));
    QCOMPARE(*store->searchText(QStringLiteral("alpha"), 10), (QVector<qint64>{1}));
    const QString problem = ftsIntegrityProblem(capturePath());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCaptureStore::open_realV1File_migratedWithSearchIntact()
{
    // A file as version 1 left it: the v1 statements only, one row indexed by v1's insert trigger.
    {
        const QString name = QStringLiteral("tst-v1");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(capturePath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const QString &sql : capture::migrations().front().statements)
                QVERIFY2(q.exec(sql), qPrintable(sql));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO envelopes(envelope_id, type, text, received_us, raw)"
                                          " VALUES ('v1-1', 'slash_commands', 'legacy gamma', 1, '{}')")));
        }
        QSqlDatabase::removeDatabase(name);
    }
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QCOMPARE(store->schemaVersion(), CaptureStore::kSchemaVersion);
    QCOMPARE(*store->searchIndexBacklog(), qint64(0)); // v1 rows were indexed by its trigger
    QCOMPARE(*store->searchText(QStringLiteral("gamma"), 10), (QVector<qint64>{1}));
    QVector<Envelope> batch{fixtures::envelope(fixtures::slashCommand(QStringLiteral("v2-1"), QStringLiteral("gamma again")), 2)};
    QVERIFY(store->insertEnvelopes(batch).ok());
    QCOMPARE(*store->searchText(QStringLiteral("gamma"), 10), (QVector<qint64>{2, 1}));
    QTRY_COMPARE_WITH_TIMEOUT(*store->searchIndexBacklog(), qint64(0), 10000);
    QCOMPARE(*store->searchText(QStringLiteral("gamma"), 10), (QVector<qint64>{2, 1}));
}

void TestCaptureStore::open_v2File_readOnlyAsIs_thenUpgradeDropsUnusedIndexes()
{
    // A file as version 2 left it, with the two envelope indexes version 3 drops.
    {
        const QString name = QStringLiteral("tst-v2");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(capturePath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const capture::Migration &m : capture::migrations()) {
                if (m.toVersion > 2)
                    break;
                for (const QString &sql : m.statements)
                    QVERIFY2(q.exec(sql), qPrintable(sql));
            }
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 2")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO envelopes(envelope_id, type, text, received_us, acked_us, raw)"
                                          " VALUES ('v2-1', 'interactive', 'legacy delta', 10, 5010, '{}')")));
        }
        QSqlDatabase::removeDatabase(name);
    }
    QCOMPARE(envelopeIndexes(capturePath()),
             (QStringList{QStringLiteral("envelopes_by_envelope_id"), QStringLiteral("envelopes_by_event_id"),
                          QStringLiteral("envelopes_by_received"), QStringLiteral("envelopes_by_type")}));

    // Version 3 only drops indexes: a read-only open (the inspector on a file another writer holds)
    // reads the file as it is instead of asking for an upgrade it cannot do.
    {
        auto reader = openOrFail(capturePath(), CaptureStore::Mode::ReadOnly);
        QVERIFY(reader);
        QCOMPARE(reader->schemaVersion(), 2);
        const SqlWhere where = EnvelopeFilter::parse(QStringLiteral("type:interactive ack>4")).value().toSql();
        const Result<QVector<Envelope>> rows = reader->envelopesWhere(where.clause, where.values, 0, 10);
        QVERIFY2(rows.ok(), rows.ok() ? "" : qPrintable(rows.error().toString()));
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().envelopeId, QStringLiteral("v2-1"));
    }
    QCOMPARE(rawQuery(capturePath(), QStringLiteral("PRAGMA user_version")).toInt(), 2);

    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QCOMPARE(store->schemaVersion(), CaptureStore::kSchemaVersion);
    QCOMPARE(envelopeIndexes(capturePath()), QStringList{});
    QCOMPARE(store->envelope(1)->envelopeId, QStringLiteral("v2-1"));
    QCOMPARE(*store->searchText(QStringLiteral("delta"), 10), (QVector<qint64>{1}));
}

void TestCaptureStore::schema_envelopeIndexes_onlyThoseQueriesUse()
{
    // Every index on envelopes costs an insert (and mostly a WAL page) in each commit the ack waits for,
    // so a new file has none: duplicates are found in memory, and the inspector's filters walk the rowid.
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QCOMPARE(envelopeIndexes(capturePath()), QStringList{});
    for (const QString &filter : {QStringLiteral("type:slash,interactive"), QStringLiteral("ack>100 retry"),
                                  QStringLiteral("user:U1 channel:C1 !dup")}) {
        const SqlWhere where = EnvelopeFilter::parse(filter).value().toSql();
        QStringList steps;
        const QString name = QStringLiteral("tst-plan");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(capturePath());
            QVERIFY(db.open());
            QSqlQuery plan(db);
            QVERIFY(plan.prepare(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM envelopes WHERE id < ? AND (%1)"
                                                " ORDER BY id DESC LIMIT 10").arg(where.clause)));
            plan.addBindValue(1000);
            for (const QVariant &v : where.values)
                plan.addBindValue(v);
            QVERIFY2(plan.exec(), qPrintable(plan.lastError().text()));
            while (plan.next())
                steps << plan.value(3).toString();
        }
        QSqlDatabase::removeDatabase(name);
        QVERIFY2(steps.join(QLatin1Char(' ')).contains(QLatin1String("INTEGER PRIMARY KEY")),
                 qPrintable(filter + QLatin1String(": ") + steps.join(QLatin1String("; "))));
    }
}

void TestCaptureStore::forEachEnvelope_streamsInOrderAndStops()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QVector<Envelope> batch;
    for (int i = 0; i < 5; ++i)
        batch.append(fixtures::envelope(fixtures::slashCommand(QStringLiteral("it-%1").arg(i)), i));
    QVERIFY(store->insertEnvelopes(batch).ok());
    QStringList seen;
    QVERIFY(store->forEachEnvelope([&](const Envelope &e) {
        seen << e.envelopeId;
        return true;
    }).ok());
    QCOMPARE(seen, (QStringList{QStringLiteral("it-0"), QStringLiteral("it-1"), QStringLiteral("it-2"),
                                QStringLiteral("it-3"), QStringLiteral("it-4")}));
    seen.clear();
    QVERIFY(store->forEachEnvelope([&](const Envelope &e) {
        seen << e.envelopeId;
        return seen.size() < 2;
    }).ok());
    QCOMPARE(seen.size(), 2);
    seen.clear();
    QVERIFY(store->forEachEnvelope(QVector<qint64>{4, 2}, [&](const Envelope &e) {
        seen << e.envelopeId;
        return true;
    }).ok());
    QCOMPARE(seen, (QStringList{QStringLiteral("it-3"), QStringLiteral("it-1")}));
    QCOMPARE(store->forEachEnvelope(QVector<qint64>{99}, [](const Envelope &) { return true; }).error().code,
             QStringLiteral("not_found"));
}

void TestCaptureStore::envelopeById_missing_returnsNotFound()
{
    auto store = openOrFail(capturePath());
    QVERIFY(store);
    QCOMPARE(store->envelopeById(QStringLiteral("nope")).error().code, QStringLiteral("not_found"));
    QCOMPARE(store->envelope(1).error().code, QStringLiteral("not_found"));
    QVERIFY(store->envelopes(0, 10)->isEmpty());
}

void TestCaptureStore::readOnlyView_seesWriterCommits()
{
    auto writer = openOrFail(capturePath());
    QVERIFY(writer);
    auto reader = openOrFail(capturePath(), CaptureStore::Mode::ReadOnly);
    QVERIFY(reader);
    QCOMPARE(*reader->envelopeCount(), 0);
    for (int i = 0; i < 3; ++i) {
        QVector<Envelope> batch{fixtures::envelope(fixtures::slashCommand(QStringLiteral("live-%1").arg(i)), i)};
        QVERIFY(writer->insertEnvelopes(batch).ok());
        QCOMPARE(*reader->envelopeCount(), i + 1); // each commit is visible at once
        QCOMPARE(reader->envelopes(batch.first().rowId - 1, 10)->first().envelopeId, QStringLiteral("live-%1").arg(i));
    }
    QCOMPARE(*reader->searchText(QStringLiteral("live"), 10), (QVector<qint64>{3, 2, 1}));
    // A reader in the middle of a long export does not block the writer.
    bool wroteDuringRead = false;
    QVERIFY(reader->forEachEnvelope([&](const Envelope &) {
        QVector<Envelope> more{fixtures::envelope(fixtures::slashCommand(QStringLiteral("during-%1").arg(json::nowUs())), 9)};
        wroteDuringRead = writer->insertEnvelopes(more).ok();
        return true;
    }).ok());
    QVERIFY(wroteDuringRead);
    QCOMPARE(*reader->envelopeCount(), 6);
}

void TestCaptureStore::readOnlyView_afterWriterClosed_opens()
{
    {
        auto writer = openOrFail(capturePath());
        QVERIFY(writer);
        QVector<Envelope> batch{fixtures::envelope(fixtures::slashCommand(QStringLiteral("closed-1")), 1)};
        QVERIFY(writer->insertEnvelopes(batch).ok());
    }
    auto reader = openOrFail(capturePath(), CaptureStore::Mode::ReadOnly);
    QVERIFY(reader);
    QCOMPARE(*reader->envelopeCount(), 1);
    QCOMPARE(reader->schemaVersion(), CaptureStore::kSchemaVersion);
}

void TestCaptureStore::otherProcessWriter_readerSeesCommits_andSigkillLosesNone()
{
    // The engine (another process) writes; this process reads, as the GUI does. Then the writer is
    // killed with SIGKILL right after its commits: every committed envelope must still be there.
    constexpr int kCount = 25;
    QProcess writer;
    writer.setProgram(QCoreApplication::applicationFilePath());
    writer.setArguments({QStringLiteral("--writer"), capturePath(), QString::number(kCount)});
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
    QCOMPARE(output.count("committed "), kCount);

    auto reader = openOrFail(capturePath(), CaptureStore::Mode::ReadOnly);
    QVERIFY(reader);
    QCOMPARE(*reader->envelopeCount(), kCount);
    QCOMPARE(reader->envelope(kCount)->envelopeId, QStringLiteral("proc-%1").arg(kCount - 1));

    writer.kill(); // SIGKILL: no destructor, no final checkpoint
    QVERIFY(writer.waitForFinished(10000));
    QCOMPARE(*reader->envelopeCount(), kCount);
    reader.reset();
    auto recovered = openOrFail(capturePath());
    QVERIFY(recovered);
    QCOMPARE(*recovered->envelopeCount(), kCount);
    QVector<Envelope> again{fixtures::envelope(fixtures::slashCommand(QStringLiteral("proc-0")), 1)};
    QVERIFY(recovered->insertEnvelopes(again).ok());
    QVERIFY(again.first().duplicate);
}

// Helper mode for the test above: "--writer PATH COUNT" commits COUNT envelopes one by one, reports each
// commit on stdout, then waits to be killed.
static int runWriter(const QString &path, int count)
{
    auto opened = CaptureStore::open(path);
    if (!opened)
        return 1;
    CaptureStore &store = **opened;
    for (int i = 0; i < count; ++i) {
        QVector<Envelope> batch{fixtures::envelope(fixtures::slashCommand(QStringLiteral("proc-%1").arg(i)), i + 1)};
        if (!store.insertEnvelopes(batch))
            return 1;
        std::printf("committed %lld\n", static_cast<long long>(batch.first().rowId));
        std::fflush(stdout);
    }
    std::printf("done\n");
    std::fflush(stdout);
    ::pause();
    return 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], "--writer") == 0)
        return runWriter(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toInt());
    TestCaptureStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_capture_store.moc"
