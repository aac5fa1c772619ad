#include "capture/CaptureStore.h"

#include <limits>

#include "capture/CaptureSchema.h"
#include "capture/FtsIndexer.h"
#include "capture/RecentIds.h"
#include "capture/Redactor.h"
#include "capture/SqlError.h"
#include "capture/SqliteStatement.h"
#include "capture/WalCheckpointer.h"
#include "util/Json.h"
#include "util/Logging.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

#include <sqlite3.h>

#include <chrono>
#include <thread>

namespace socketscope {

using capture::sqlError;

namespace {

QAtomicInteger<quint64> g_connectionCounter;

// Shorter than Slack's 3 s ack deadline: a writer blocked by another writer fails in time to say so.
constexpr int kWriteBusyTimeoutMs = 2000;
// An applied ack journal starts over at its head once it is this long (about two seconds at 2,000/s).
constexpr qint64 kJournalRestartBytes = 4 << 20;
constexpr auto kBusyRetry = std::chrono::microseconds(100);

// SQLite's own busy handler sleeps 1, 2, 5, 10, 15, 20, 25 … ms between tries, so a commit on the ack
// path that meets the background indexer's lock waits tens of milliseconds after the lock is free.
// This one retries every 100 µs within the same 2 s budget.
int promptBusyHandler(void *, int attempts)
{
    if (attempts * kBusyRetry >= std::chrono::milliseconds(kWriteBusyTimeoutMs))
        return 0;
    std::this_thread::sleep_for(kBusyRetry);
    return 1;
}

void installPromptBusyHandler(const QSqlDatabase &db)
{
    if (sqlite3 *sqlite = capture::sqliteHandle(db))
        sqlite3_busy_handler(sqlite, &promptBusyHandler, nullptr);
}
// A reader (the GUI) may wait longer; it is never on the ack path.
constexpr int kReadBusyTimeoutMs = 5000;

const QByteArray kSqliteMagic("SQLite format 3\0", 16);

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

// Foreign keys are on, so "no session" must be NULL, not 0.
QVariant nullIfZero(qint64 id)
{
    return id == 0 ? QVariant() : QVariant(id);
}

const QLatin1String kEnvelopeColumns(
    "id, session_id, link_id, envelope_id, type, subtype, team_id, channel_id, user_id, text, event_id,"
    " retry_attempt, retry_reason, accepts_response_payload, duplicate, received_us, committed_us, acked_us,"
    " delivery_status, raw");

Envelope envelopeFromRow(const QSqlQuery &q)
{
    Envelope e;
    e.rowId = q.value(0).toLongLong();
    e.sessionId = q.value(1).toLongLong();
    e.linkId = q.value(2).toInt();
    e.envelopeId = q.value(3).toString();
    e.type = q.value(4).toString();
    e.subtype = q.value(5).toString();
    e.teamId = q.value(6).toString();
    e.channelId = q.value(7).toString();
    e.userId = q.value(8).toString();
    e.text = q.value(9).toString();
    e.eventId = q.value(10).toString();
    e.retryAttempt = q.value(11).toInt();
    e.retryReason = q.value(12).toString();
    e.acceptsResponsePayload = q.value(13).toBool();
    e.duplicate = q.value(14).toBool();
    e.receivedUs = q.value(15).toLongLong();
    e.committedUs = q.value(16).toLongLong();
    e.ackedUs = q.value(17).toLongLong();
    e.deliveryStatus = q.value(18).toString();
    e.raw = q.value(19).toString().toUtf8();
    return e;
}

Error notFound(const QString &what)
{
    return {QStringLiteral("not_found"), QStringLiteral("%1 is not in the capture.").arg(what), {}};
}

// Checks that fail before SQLite is involved, with messages that name the cause.
Result<void> checkPath(const QString &path, CaptureStore::Mode mode)
{
    if (path.isEmpty()) {
        return Error{QStringLiteral("capture_no_path"), QStringLiteral("No capture file was given."),
                     QStringLiteral("Pass a file name, e.g. --capture capture.sqlite.")};
    }
    const QFileInfo file(path);
    const QFileInfo folder(file.absolutePath());
    if (!folder.isDir()) {
        return Error{QStringLiteral("capture_dir_missing"),
                     QStringLiteral("The folder %1 for capture %2 does not exist.")
                         .arg(QDir::toNativeSeparators(folder.absoluteFilePath()), path),
                     QStringLiteral("Create the folder or choose a capture path in an existing folder.")};
    }
    if (file.isDir()) {
        return Error{QStringLiteral("capture_is_dir"), QStringLiteral("Capture path %1 is a folder.").arg(path),
                     QStringLiteral("Give a file name inside the folder.")};
    }
    const bool exists = file.exists();
    if (mode == CaptureStore::Mode::ReadOnly && !exists) {
        return Error{QStringLiteral("capture_not_found"), QStringLiteral("Capture %1 does not exist.").arg(path),
                     QStringLiteral("Check the path; a capture is created by 'listen --capture FILE' or the GUI.")};
    }
    if (exists && file.size() > 0) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            return Error{QStringLiteral("capture_cannot_open"),
                         QStringLiteral("Capture %1 cannot be read: %2.").arg(path, f.errorString()),
                         QStringLiteral("Check the file's permissions.")};
        }
        if (f.read(kSqliteMagic.size()) != kSqliteMagic) {
            return Error{QStringLiteral("capture_not_sqlite"),
                         QStringLiteral("%1 is not a SocketScope capture (not an SQLite database).").arg(path),
                         QStringLiteral("Choose a SocketScope capture file, or a new file name to start a new "
                                        "capture.")};
        }
    }
    if (mode == CaptureStore::Mode::ReadWrite) {
        if (exists && !file.isWritable()) {
            return Error{QStringLiteral("capture_read_only"),
                         QStringLiteral("Capture %1 is read-only, so it cannot be written.").arg(path),
                         QStringLiteral("Make the file writable, open it read-only (the inspector can), or "
                                        "capture to a new file.")};
        }
        // WAL needs FILE-wal and FILE-shm next to the capture.
        if (!folder.isWritable()) {
            return Error{QStringLiteral("capture_read_only"),
                         QStringLiteral("The folder of capture %1 is not writable; SQLite needs to create its "
                                        "journal files there.")
                             .arg(path),
                         QStringLiteral("Choose a capture path in a writable folder.")};
        }
    }
    return {};
}

Result<void> execOne(QSqlQuery &q, const QString &sql, const QString &what, const QString &path)
{
    if (!q.exec(sql))
        return sqlError(q.lastError(), what, path);
    return {};
}

// The index has no positions (detail=none), so a query is an AND of single tokens. Input is split the
// way FTS5's unicode61 tokenizer splits text (letters and digits make tokens, anything else separates),
// so "get-devices" or an envelope_id UUID become their tokens and FTS5 syntax in user input is inert.
// A trailing "*" on a word makes its last token a prefix.
struct SearchTerm
{
    QString token;
    bool prefix = false;
};

QVector<SearchTerm> searchTerms(const QString &input)
{
    QVector<SearchTerm> terms;
    const QStringList words = input.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const bool prefix = word.endsWith(QLatin1Char('*'));
        QString token;
        QStringList tokens;
        for (const QChar c : word) {
            if (c.isLetterOrNumber()) {
                token += c;
            } else if (!token.isEmpty()) {
                tokens << token;
                token.clear();
            }
        }
        if (!token.isEmpty())
            tokens << token;
        for (int i = 0; i < tokens.size(); ++i)
            terms.append({tokens.at(i), prefix && i == tokens.size() - 1});
    }
    return terms;
}

QString ftsQuery(const QVector<SearchTerm> &terms)
{
    QStringList parts;
    for (const SearchTerm &term : terms)
        parts << QLatin1Char('"') + term.token + QLatin1Char('"') + (term.prefix ? QStringLiteral("*") : QString());
    return parts.join(QLatin1Char(' '));
}

// unicode61's folding: case-folded, diacritics removed (its default remove_diacritics=1).
QString foldToken(const QString &token)
{
    bool plain = true;
    for (const QChar c : token)
        plain = plain && c.unicode() < 128;
    if (plain)
        return token.toLower();
    QString folded;
    const QString decomposed = token.toCaseFolded().normalized(QString::NormalizationForm_D);
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing && c.category() != QChar::Mark_SpacingCombining
            && c.category() != QChar::Mark_Enclosing)
            folded += c;
    }
    return folded;
}

// The same match as the FTS5 query, on one row's indexed columns (rows not yet in the index).
bool rowMatches(const QVector<SearchTerm> &terms, const QStringList &columns)
{
    QVector<bool> found(terms.size(), false);
    int remaining = int(terms.size());
    auto visit = [&](const QString &rawToken) {
        const QString token = foldToken(rawToken);
        for (int i = 0; i < terms.size(); ++i) {
            if (found.at(i))
                continue;
            if (terms.at(i).prefix ? token.startsWith(terms.at(i).token) : token == terms.at(i).token) {
                found[i] = true;
                --remaining;
            }
        }
    };
    for (const QString &column : columns) {
        qsizetype start = -1;
        for (qsizetype i = 0; i <= column.size() && remaining > 0; ++i) {
            const bool tokenChar = i < column.size() && column.at(i).isLetterOrNumber();
            if (tokenChar && start < 0) {
                start = i;
            } else if (!tokenChar && start >= 0) {
                visit(column.mid(start, i - start));
                start = -1;
            }
        }
        if (remaining == 0)
            return true;
    }
    return remaining == 0;
}

} // namespace

// Prepared once per connection and reused: preparing costs more than executing on the ack path.
// What runs for every envelope goes through SQLite's C API (SqliteStatement); the rest through Qt SQL.
struct CaptureStore::Statements
{
    explicit Statements(const QSqlDatabase &db)
        : setDeliveryStatus(db), insertSession(db), endSession(db), insertLink(db), insertMalformed(db),
          insertDelivery(db)
    {
    }

    capture::SqliteStatement begin, commit, rollback;
    capture::SqliteStatement maxRowId, idsAfter;
    capture::SqliteStatement insertEnvelope, setCommitted, applyAck, setJournalMark;
    capture::SqliteStatement findEnvelopeId, findEventId;
    QSqlQuery setDeliveryStatus, insertSession, endSession, insertLink, insertMalformed, insertDelivery;
};

// Duplicate detection without a query per row and without an index on the random ids (each cost a WAL
// page per envelope on the ack path): recent ids live in memory, and a copy is flagged when its id is
// among the last `capacity` ones. A memory hit is confirmed by a scan from the newest row down, which
// stops at the original (a retry is recent); only a 64-bit hash collision would scan the whole table.
class CaptureStore::DuplicateIndex
{
public:
    explicit DuplicateIndex(int capacity) : m_envelopeIds(capacity), m_eventIds(capacity) {}

    // Learns rows committed since the last batch (by this or another writer; at open: the newest rows).
    Result<void> catchUp(Statements &s)
    {
        const Result<bool> row = s.maxRowId.step(QStringLiteral("Reading the last row id"));
        if (!row)
            return row.error();
        const qint64 maxId = *row ? s.maxRowId.columnInt64(0) : 0;
        s.maxRowId.reset();
        if (maxId <= m_lastRowId)
            return {};
        qint64 from = m_lastRowId;
        const int capacity = m_envelopeIds.capacity();
        if (maxId - from > capacity)
            from = maxId - capacity;
        s.idsAfter.bind(1, from);
        for (;;) {
            const Result<bool> next = s.idsAfter.step(QStringLiteral("Reading recent envelope ids"));
            if (!next)
                return next.error();
            if (!*next)
                break;
            m_envelopeIds.insert(RecentIds::hash(s.idsAfter.columnText(0)));
            const QString eventId = s.idsAfter.columnText(1);
            if (!eventId.isEmpty())
                m_eventIds.insert(RecentIds::hash(eventId));
        }
        m_lastRowId = maxId;
        return {};
    }

    Result<bool> seenEnvelopeId(const QString &id, Statements &s)
    {
        return seen(m_envelopeIds, id, s.findEnvelopeId);
    }

    Result<bool> seenEventId(const QString &id, Statements &s)
    {
        return seen(m_eventIds, id, s.findEventId);
    }

    void committed(qint64 lastRowId) { m_lastRowId = lastRowId; }

    // After a rollback the memory set may hold ids that never reached the file: start over.
    void reset()
    {
        m_envelopeIds.clear();
        m_eventIds.clear();
        m_lastRowId = 0;
    }

private:
    // The lookup runs inside the insert transaction, so it also sees rows earlier in the same batch.
    static Result<bool> seen(RecentIds &ids, const QString &id, capture::SqliteStatement &lookup)
    {
        const quint64 hash = RecentIds::hash(id);
        bool found = false;
        if (ids.mayContain(hash)) {
            lookup.bindText(1, id);
            const Result<bool> row = lookup.step(QStringLiteral("Looking up a duplicate id"));
            if (!row)
                return row.error();
            found = *row;
            lookup.reset();
        }
        ids.insert(hash);
        return found;
    }

    RecentIds m_envelopeIds;
    RecentIds m_eventIds;
    qint64 m_lastRowId = 0;
};

CaptureStore::CaptureStore() = default;

CaptureStore::~CaptureStore()
{
    // A journal whose every record is in the tables is not needed any more; one with records left (the
    // last apply failed) stays for the next read-write open to replay.
    if (m_journal && m_journaledNotApplied == 0)
        m_journal->remove();
    m_journal.reset();
    m_indexer.reset();
    m_checkpointer.reset();
    m_statements.reset(); // queries must go before their connection
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            if (!m_readOnly)
                syncedCheckpoints(true); // the last connection to close checkpoints and removes the WAL
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

void CaptureStore::syncedCheckpoints(bool on)
{
    // A checkpoint syncs the WAL before it copies frames and the database before the WAL may be reused,
    // but only on a connection that syncs at all (see configureConnection).
    QSqlQuery q(database());
    if (!q.exec(on ? QStringLiteral("PRAGMA synchronous=NORMAL") : QStringLiteral("PRAGMA synchronous=OFF")))
        qCWarning(lcCapture) << "could not switch synchronous for a checkpoint:" << q.lastError().text();
}

Result<std::unique_ptr<CaptureStore>> CaptureStore::open(const QString &path, Mode mode)
{
    return open(path, mode, Options{});
}

Result<std::unique_ptr<CaptureStore>> CaptureStore::open(const QString &path, Mode mode, const Options &options)
{
    if (auto checked = checkPath(path, mode); !checked)
        return checked.error();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        return Error{QStringLiteral("sqlite_driver_missing"),
                     QStringLiteral("Qt's SQLite driver (QSQLITE) is not installed."),
                     QStringLiteral("Install the Qt 6 SQLite plugin (Debian: libqt6sql6-sqlite).")};
    }

    std::unique_ptr<CaptureStore> store(new CaptureStore);
    store->m_path = path;
    store->m_readOnly = mode == Mode::ReadOnly;
    store->m_connectionName = QStringLiteral("socketscope-capture-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    store->m_duplicates = std::make_unique<DuplicateIndex>(options.recentIdCapacity);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->m_connectionName);
        db.setDatabaseName(path);
        QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1")
                                     .arg(store->m_readOnly ? kReadBusyTimeoutMs : kWriteBusyTimeoutMs);
        if (store->m_readOnly)
            connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(connectOptions);
        if (!db.open())
            return sqlError(db.lastError(), QStringLiteral("Opening"), path);
        if (!store->m_readOnly)
            installPromptBusyHandler(db);
    }
    if (auto r = store->configureConnection(); !r)
        return r.error();
    if (auto r = store->migrate(); !r)
        return r.error();
    if (store->m_readOnly)
        store->countWaitingInJournal();
    if (!store->m_readOnly) {
        if (auto r = store->prepareStatements(); !r)
            return r.error();
        if (auto r = store->m_duplicates->catchUp(*store->m_statements); !r)
            return r.error();
        // Not fatal: without it FTS5 merges on its own, in lumps that only cost ack latency.
        if (auto r = FtsIndexer::configure(store->database(), path); !r)
            qCWarning(lcCapture) << "search index left with FTS5's own merging:" << r.error().message;
        store->m_checkpointer = std::make_unique<WalCheckpointer>(path, options.walRestartFrames);
        store->m_checkpointer->watch(store->database());
        if (auto r = store->recoverAckJournal(options.ackJournal); !r)
            return r.error();
        if (options.backgroundSearchIndexing)
            store->m_indexer = std::make_unique<FtsIndexer>(store->m_connectionName, path);
    }
    qCDebug(lcCapture) << "opened capture" << path << (store->m_readOnly ? "read-only" : "read-write")
                       << "schema" << store->m_schemaVersion;
    return store;
}

// A writer that died (SIGKILL, crash, power cut) may have acked envelopes that only its journal holds:
// whoever opens the capture read-write next stores them, unless that writer is still alive (it holds
// the journal's lock and applies them itself).
Result<void> CaptureStore::recoverAckJournal(bool keep)
{
    if (!keep && !QFileInfo::exists(AckJournal::pathFor(m_path)))
        return {};
    auto acquired = AckJournal::acquire(m_path);
    if (!acquired) {
        // Not fatal: without a journal every batch commits to SQLite before its ack, as it always could.
        qCWarning(lcCapture) << "capture opened without its ack journal:" << acquired.error().message;
        return {};
    }
    std::unique_ptr<AckJournal> journal = std::move(acquired).value();
    if (!journal)
        return {}; // another live writer owns it
    const Result<AckJournal::Mark> applied = journalMark();
    if (!applied)
        return applied.error();
    auto contents = journal->read(*applied);
    if (!contents)
        return contents.error();
    if (!contents->records.isEmpty()) {
        QVector<Envelope> batch = envelopesFromJournal(contents->records);
        const AckJournal::Mark mark{contents->generation, contents->end};
        if (auto r = insertBatch(batch, {}, CommitStamp::Journaled, AckJournal::markText(mark)); !r)
            return r;
        m_recoveredFromJournal = batch.size();
        qCInfo(lcCapture) << "stored" << batch.size() << "envelope(s) from the ack journal of a writer that stopped"
                          << "before it could (" << journal->path() << ")";
    }
    if (!keep) {
        journal->remove();
        return {};
    }
    if (auto r = journal->restart(); !r)
        return r;
    m_journalApplied = {journal->generation(), journal->end()};
    m_journal = std::move(journal);
    return {};
}

Result<AckJournal::Mark> CaptureStore::journalMark() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'ack_journal_applied'")))
        return sqlError(q.lastError(), QStringLiteral("Reading the ack journal mark"), m_path);
    return q.next() ? AckJournal::parseMark(q.value(0).toString()) : AckJournal::Mark{};
}

// Never fails the open: a reader that cannot tell only misses the hint.
void CaptureStore::countWaitingInJournal()
{
    auto peeked = AckJournal::peekOrphaned(m_path);
    if (!peeked || !*peeked)
        return;
    const Result<AckJournal::Mark> applied = journalMark();
    if (!applied)
        return;
    if (auto contents = (*peeked)->read(*applied))
        m_waitingInJournal = contents->records.size();
}

QSqlDatabase CaptureStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int CaptureStore::schemaVersion() const
{
    return m_schemaVersion;
}

Error CaptureStore::readOnlyError() const
{
    return {QStringLiteral("capture_read_only"),
            QStringLiteral("Capture %1 is open read-only, so it cannot be written.").arg(m_path),
            QStringLiteral("Open it read-write (only one writer per capture at a time).")};
}

Result<void> CaptureStore::configureConnection()
{
    QSqlQuery q(database());
    // FTS5 is required for search; Debian's libsqlite3 has it. Checked first, as it is also the first
    // statement that reads the file header.
    if (!q.exec(QStringLiteral("SELECT sqlite_compileoption_used('ENABLE_FTS5')")) || !q.next())
        return sqlError(q.lastError(), QStringLiteral("Reading SQLite options"), m_path);
    if (!q.value(0).toBool()) {
        return Error{QStringLiteral("sqlite_no_fts5"),
                     QStringLiteral("The SQLite library in use was built without FTS5, which capture search needs."),
                     QStringLiteral("Install an SQLite built with FTS5 (Debian/Ubuntu libsqlite3-0 is), or build "
                                    "Qt's SQLite driver against it.")};
    }
    q.finish();
    if (m_readOnly)
        return {};

    // WAL: readers (the GUI) never block the writer and see each commit at once.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next())
        return sqlError(q.lastError(), QStringLiteral("Switching to WAL"), m_path);
    const QString journalMode = q.value(0).toString();
    q.finish();
    if (journalMode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        return Error{QStringLiteral("capture_no_wal"),
                     QStringLiteral("Capture %1 cannot use write-ahead logging (journal mode stayed \"%2\").")
                         .arg(m_path, journalMode),
                     QStringLiteral("Put the capture on a local, writable disk (WAL does not work on network "
                                    "shares or read-only media).")};
    }
    // A commit is in the OS once COMMIT returns, so it survives SIGKILL or a crash of this process; only a
    // power loss or OS crash can lose the last commits (as with synchronous=NORMAL, which never syncs a
    // commit in WAL mode either). What NORMAL adds on this connection is one fsync of the WAL header on the
    // first commit after the WAL starts over: 3-25 ms on the ack path every few seconds under load (the
    // max ack latency, measured). OFF drops it. What keeps the file consistent across a power loss is that
    // the database is synced before the WAL is reused, and every checkpoint does that: WalCheckpointer's
    // connection syncs, and this connection's own checkpoints (a requested restart, the one SQLite runs
    // when the last connection closes) run under syncedCheckpoints().
    if (auto r = execOne(q, QStringLiteral("PRAGMA synchronous=OFF"), QStringLiteral("Setting synchronous"), m_path); !r)
        return r;
    const QString pragmas[] = {
        QStringLiteral("PRAGMA foreign_keys=ON"),
        // Checkpoints run on WalCheckpointer's thread, never inside a commit on the ack path.
        QStringLiteral("PRAGMA wal_autocheckpoint=0"),
        // A restarted WAL is overwritten in place, never truncated: truncating it on the first commit
        // after a restart stalled that commit (and its acks) for 5-200 ms here. WalCheckpointer keeps it
        // near 64 MiB; SQLite removes it when the last connection closes.
        QStringLiteral("PRAGMA journal_size_limit=-1"),
        // 16 MiB of page cache keeps the index pages that random envelope ids touch in memory.
        QStringLiteral("PRAGMA cache_size=-16384"),
        // The commit-time stamp of a group commit is one multi-row UPDATE, so SQLite keeps a statement
        // journal for it; past 64 KiB (a few dozen rows) that journal spilled to a new temp file in
        // /var/tmp, created, written and unlinked inside the commit the acks wait for.
        QStringLiteral("PRAGMA temp_store=MEMORY"),
    };
    for (const QString &pragma : pragmas) {
        if (auto r = execOne(q, pragma, QStringLiteral("Configuring the connection"), m_path); !r)
            return r;
    }
    return {};
}

Result<void> CaptureStore::migrate()
{
    QSqlQuery q(database());
    const QString what = QStringLiteral("Reading the schema version");
    if (!q.exec(QStringLiteral("SELECT (SELECT user_version FROM pragma_user_version),"
                               " (SELECT application_id FROM pragma_application_id),"
                               " (SELECT count(*) FROM sqlite_schema)"))
        || !q.next()) {
        return sqlError(q.lastError(), what, m_path);
    }
    const int version = q.value(0).toInt();
    const int applicationId = q.value(1).toInt();
    const qint64 objects = q.value(2).toLongLong();
    q.finish();
    const int latest = capture::latestSchemaVersion();

    const Error notOurs{QStringLiteral("capture_not_socketscope"),
                        QStringLiteral("%1 is an SQLite database but not a SocketScope capture.").arg(m_path),
                        QStringLiteral("Choose a SocketScope capture, or a new file name to start a new capture.")};
    if ((version == 0 && objects > 0) || (version > 0 && applicationId != capture::kApplicationId))
        return notOurs;
    if (version > latest) {
        return Error{QStringLiteral("capture_schema_newer"),
                     QStringLiteral("Capture %1 was written by a newer SocketScope (schema version %2; this "
                                    "version reads up to %3).")
                         .arg(m_path)
                         .arg(version)
                         .arg(latest),
                     QStringLiteral("Open it with the newer SocketScope, or export it to JSONL there and import "
                                    "the JSONL here.")};
    }
    m_schemaVersion = version;
    if (version == latest)
        return {};
    if (m_readOnly) {
        if (version == 0) {
            return Error{QStringLiteral("capture_empty"),
                         QStringLiteral("%1 holds no capture yet.").arg(m_path),
                         QStringLiteral("Open it read-write (start a capture) first.")};
        }
        // E.g. a file that still has indexes a later step dropped: read it as it is.
        if (capture::readableAsIs(version))
            return {};
        return Error{QStringLiteral("capture_schema_older"),
                     QStringLiteral("Capture %1 uses schema version %2 and needs an upgrade to %3.")
                         .arg(m_path)
                         .arg(version)
                         .arg(latest),
                     QStringLiteral("Open it once read-write (no other program writing it) to upgrade it.")};
    }

    const bool newFile = m_schemaVersion == 0;
    for (const capture::Migration &migration : capture::migrations()) {
        if (migration.toVersion <= m_schemaVersion)
            continue;
        const QString step = QStringLiteral("Upgrading the capture to schema version %1").arg(migration.toVersion);
        if (auto r = execOne(q, QStringLiteral("BEGIN IMMEDIATE"), step, m_path); !r)
            return r;
        Result<void> result;
        QStringList statements = migration.statements;
        statements << QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_%1_applied_us', '%2')")
                          .arg(migration.toVersion)
                          .arg(json::nowUs());
        if (m_schemaVersion == 0) {
            statements << QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES ('created_by', "
                                         "'SocketScope " SOCKETSCOPE_VERSION "')");
        }
        statements << QStringLiteral("PRAGMA user_version = %1").arg(migration.toVersion);
        for (const QString &sql : std::as_const(statements)) {
            result = execOne(q, sql, step, m_path);
            if (!result)
                break;
        }
        if (result)
            result = execOne(q, QStringLiteral("COMMIT"), step, m_path);
        if (!result) {
            q.exec(QStringLiteral("ROLLBACK"));
            return result;
        }
        if (newFile)
            qCDebug(lcCapture) << "new capture" << m_path << "schema" << migration.toVersion;
        else
            qCInfo(lcCapture) << "capture upgraded to schema" << migration.toVersion << "-" << migration.summary;
        m_schemaVersion = migration.toVersion;
    }
    return {};
}

Result<void> CaptureStore::prepareStatements()
{
    m_statements = std::make_unique<Statements>(database());
    Statements &s = *m_statements;
    const struct
    {
        capture::SqliteStatement *statement;
        const char *sql;
    } hot[] = {
        // IMMEDIATE takes the write lock up front, so the duplicate check and the inserts see one state.
        {&s.begin, "BEGIN IMMEDIATE"},
        {&s.commit, "COMMIT"},
        {&s.rollback, "ROLLBACK"},
        {&s.maxRowId, "SELECT coalesce(max(id), 0) FROM envelopes"},
        {&s.idsAfter, "SELECT envelope_id, event_id FROM envelopes WHERE id > ? ORDER BY id"},
        {&s.insertEnvelope,
         "INSERT INTO envelopes(session_id, link_id, envelope_id, type, subtype, team_id, channel_id,"
         " user_id, text, event_id, retry_attempt, retry_reason, accepts_response_payload, duplicate,"
         " received_us, committed_us, acked_us, delivery_status, raw)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
        {&s.setCommitted, "UPDATE envelopes SET committed_us = ? WHERE id BETWEEN ? AND ?"},
        {&s.applyAck, "UPDATE envelopes SET acked_us = ? WHERE id = ?"},
        {&s.setJournalMark, "INSERT OR REPLACE INTO meta(key, value) VALUES ('ack_journal_applied', ?)"},
        {&s.findEnvelopeId, "SELECT 1 FROM envelopes WHERE envelope_id = ? ORDER BY id DESC LIMIT 1"},
        {&s.findEventId, "SELECT 1 FROM envelopes WHERE event_id = ? ORDER BY id DESC LIMIT 1"},
    };
    sqlite3 *handle = capture::sqliteHandle(database());
    for (const auto &entry : hot) {
        if (auto r = entry.statement->prepare(handle, entry.sql, m_path); !r)
            return r;
    }
    const struct
    {
        QSqlQuery *query;
        QLatin1String sql;
    } all[] = {
        {&s.setDeliveryStatus, QLatin1String("UPDATE envelopes SET delivery_status = ? WHERE id = ?")},
        {&s.insertSession,
         QLatin1String("INSERT INTO sessions(started_us, ended_us, source, mode, api_url, end_reason)"
                       " VALUES (?, ?, ?, ?, ?, ?)")},
        {&s.endSession, QLatin1String("UPDATE sessions SET ended_us = ?, end_reason = ? WHERE id = ?")},
        {&s.insertLink,
         QLatin1String("INSERT INTO links(session_id, link_id, at_us, kind, detail) VALUES (?, ?, ?, ?, ?)")},
        {&s.insertMalformed,
         QLatin1String("INSERT INTO malformed_frames(session_id, link_id, at_us, problem, raw) VALUES (?, ?, ?, ?, ?)")},
        {&s.insertDelivery,
         QLatin1String("INSERT INTO deliveries(envelope_row, at_us, kind, target, status_code, latency_us, outcome)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)")},
    };
    for (const auto &entry : all) {
        if (!entry.query->prepare(entry.sql))
            return sqlError(entry.query->lastError(), QStringLiteral("Preparing statements"), m_path);
    }
    return {};
}

Result<void> CaptureStore::inTransaction(const std::function<Result<void>()> &work)
{
    Statements &s = *m_statements;
    if (auto r = s.begin.run(QStringLiteral("Starting a transaction")); !r)
        return r;
    Result<void> result = work();
    if (result)
        result = s.commit.run(QStringLiteral("Committing"));
    if (!result) // SQLite may have rolled back already (e.g. after SQLITE_FULL): harmless then
        (void)s.rollback.run(QStringLiteral("Rolling back"));
    return result;
}

// A single statement in autocommit mode: its own small transaction.
Result<void> CaptureStore::execWrite(QSqlQuery &query, const QString &what)
{
    if (!query.exec())
        return sqlError(query.lastError(), what, m_path);
    return {};
}

Result<qint64> CaptureStore::beginSession(const SessionInfo &info)
{
    if (m_readOnly)
        return readOnlyError();
    QSqlQuery &q = m_statements->insertSession;
    q.bindValue(0, info.startedUs != 0 ? info.startedUs : json::nowUs());
    q.bindValue(1, info.endedUs);
    q.bindValue(2, info.source.isEmpty() ? QStringLiteral("unknown") : info.source);
    q.bindValue(3, nullIfEmpty(info.mode));
    q.bindValue(4, nullIfEmpty(info.apiUrl));
    q.bindValue(5, nullIfEmpty(info.endReason));
    if (auto r = execWrite(q, QStringLiteral("Starting a session")); !r)
        return r.error();
    return q.lastInsertId().toLongLong();
}

Result<void> CaptureStore::endSession(qint64 sessionId, const QString &reason)
{
    if (m_readOnly)
        return readOnlyError();
    QSqlQuery &q = m_statements->endSession;
    q.bindValue(0, json::nowUs());
    q.bindValue(1, nullIfEmpty(reason));
    q.bindValue(2, sessionId);
    if (auto r = execWrite(q, QStringLiteral("Ending a session")); !r)
        return r.error();
    if (q.numRowsAffected() == 0)
        return notFound(QStringLiteral("Session %1").arg(sessionId));
    return {};
}

Result<void> CaptureStore::recordLinkEvent(const LinkEvent &event)
{
    if (m_readOnly)
        return readOnlyError();
    QSqlQuery &q = m_statements->insertLink;
    q.bindValue(0, nullIfZero(event.sessionId));
    q.bindValue(1, event.linkId);
    q.bindValue(2, event.atUs);
    q.bindValue(3, event.kind);
    q.bindValue(4, nullIfEmpty(event.detail));
    if (auto r = execWrite(q, QStringLiteral("Recording a link event")); !r)
        return r.error();
    return {};
}

Result<void> CaptureStore::insertEnvelopes(QVector<Envelope> &batch, const QVector<AckUpdate> &acks)
{
    if (m_readOnly)
        return readOnlyError();
    return insertBatch(batch, acks, CommitStamp::Now, {});
}

Result<void> CaptureStore::journalEnvelopes(QVector<Envelope> &batch)
{
    if (!m_journal) {
        return Error{QStringLiteral("capture_no_journal"),
                     QStringLiteral("Capture %1 keeps no ack journal on this connection.").arg(m_path),
                     QStringLiteral("Commit with insertEnvelopes instead.")};
    }
    const qint64 now = json::nowUs();
    for (Envelope &e : batch)
        e.committedUs = now;
    QVector<qint64> offsets;
    if (auto r = m_journal->append(batch, m_pendingAckTimes, &offsets); !r) {
        for (Envelope &e : batch)
            e.committedUs = 0;
        return r;
    }
    m_pendingAckTimes.clear();
    m_journalOffsets += offsets;
    m_journaledNotApplied += batch.size();
    return {};
}

void CaptureStore::journalAckTimes(const QVector<Envelope> &lastBatch)
{
    const qsizetype first = m_journalOffsets.size() - lastBatch.size();
    if (!m_journal || first < 0)
        return;
    for (qsizetype i = 0; i < lastBatch.size(); ++i) {
        if (lastBatch.at(i).ackedUs > 0)
            m_pendingAckTimes.append({m_journalOffsets.at(first + i), lastBatch.at(i).ackedUs});
    }
}

Result<void> CaptureStore::applyJournal(QVector<Envelope> &journaled, const QVector<AckUpdate> &acks)
{
    if (!m_journal)
        return insertEnvelopes(journaled, acks);
    auto mismatch = [&] {
        return Error{QStringLiteral("capture_journal_mismatch"),
                     QStringLiteral("%1 envelope(s) given to apply, %2 journaled and not applied.")
                         .arg(journaled.size())
                         .arg(m_journaledNotApplied),
                     {}};
    };
    if (journaled.size() != m_journaledNotApplied - m_journaledByFailedApply)
        return mismatch();
    // An earlier apply failed and its caller let go of those envelopes (the desktop app reconnects on the
    // same store). They are in the journal, first in line.
    QVector<Envelope> earlier;
    if (m_journaledByFailedApply > 0) {
        auto contents = m_journal->read(m_journalApplied);
        if (!contents)
            return contents.error();
        if (contents->records.size() < m_journaledByFailedApply)
            return mismatch();
        earlier = envelopesFromJournal(contents->records.mid(0, m_journaledByFailedApply));
    }
    const AckJournal::Mark mark{m_journal->generation(), m_journal->end()};
    if (earlier.isEmpty()) {
        if (auto r = insertBatch(journaled, acks, CommitStamp::Journaled, AckJournal::markText(mark)); !r) {
            m_journaledByFailedApply = m_journaledNotApplied;
            return r;
        }
    } else {
        QVector<Envelope> all = earlier + journaled;
        if (auto r = insertBatch(all, acks, CommitStamp::Journaled, AckJournal::markText(mark)); !r) {
            m_journaledByFailedApply = m_journaledNotApplied;
            return r;
        }
        for (qsizetype i = 0; i < journaled.size(); ++i) {
            const Envelope &stored = all.at(earlier.size() + i);
            journaled[i].rowId = stored.rowId;
            journaled[i].duplicate = stored.duplicate;
        }
        qCInfo(lcCapture) << "stored" << earlier.size() << "acked envelope(s) an earlier failed write had left in"
                          << m_journal->path();
    }
    m_journaledNotApplied = 0;
    m_journaledByFailedApply = 0;
    m_journalOffsets.clear();
    m_pendingAckTimes.clear(); // the rows hold them now
    m_journalApplied = mark;
    // Every record is in the tables now: past a few MiB the journal starts over at its head, so it stays
    // small and warm in the page cache.
    if (m_journal->end() >= kJournalRestartBytes) {
        if (auto r = m_journal->restart(); !r)
            qCWarning(lcCapture) << "ack journal kept growing:" << r.error().message;
        else
            m_journalApplied = {m_journal->generation(), m_journal->end()};
    }
    return {};
}

// The journal keeps the frame itself; everything else is read from it again, as on receipt.
QVector<Envelope> CaptureStore::envelopesFromJournal(const QVector<AckJournal::Record> &records)
{
    QVector<Envelope> batch;
    batch.reserve(records.size());
    for (const AckJournal::Record &record : records) {
        Frame frame = parseFrame(record.raw, record.receivedUs);
        Envelope e = std::move(frame.envelope);
        e.raw = record.raw;
        e.receivedUs = record.receivedUs;
        e.sessionId = record.sessionId;
        e.linkId = record.linkId;
        e.committedUs = record.committedUs;
        e.ackedUs = record.ackedUs;
        batch.append(std::move(e));
    }
    return batch;
}

Result<void> CaptureStore::insertBatch(QVector<Envelope> &batch, const QVector<AckUpdate> &acks, CommitStamp stamp,
                                       const QString &markText)
{
    if (batch.isEmpty() && acks.isEmpty() && markText.isEmpty())
        return {};
    m_checkpointer->checkpointOnWriterIfDue([this] {
        // No commit can land while this runs, so it copies every frame and the commit below starts the
        // WAL over (see WalCheckpointer).
        syncedCheckpoints(true);
        QSqlQuery checkpoint(database());
        if (!checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
            qCWarning(lcCapture) << "WAL checkpoint failed:" << checkpoint.lastError().text();
        checkpoint.finish();
        syncedCheckpoints(false);
    });
    const Result<void> result = inTransaction([&]() -> Result<void> {
        if (auto r = writeBatch(batch, acks, stamp); !r)
            return r;
        if (markText.isEmpty())
            return {};
        capture::SqliteStatement &mark = m_statements->setJournalMark;
        mark.bindText(1, markText);
        return mark.run(QStringLiteral("Marking the ack journal applied"));
    });
    if (!result) {
        for (Envelope &e : batch) {
            e.rowId = 0;
            if (stamp == CommitStamp::Now)
                e.committedUs = 0;
        }
        m_duplicates->reset();
        return result;
    }
    if (!batch.isEmpty()) {
        m_duplicates->committed(batch.constLast().rowId);
        if (m_indexer)
            m_indexer->committed(int(batch.size()));
    }
    return result;
}

Result<void> CaptureStore::writeBatch(QVector<Envelope> &batch, const QVector<AckUpdate> &acks, CommitStamp stamp)
{
    Statements &s = *m_statements;
    if (auto r = m_duplicates->catchUp(s); !r)
        return r;
    using Bind = capture::SqliteStatement;
    Bind &q = s.insertEnvelope;
    for (Envelope &e : batch) {
        const Result<bool> sameEnvelope = m_duplicates->seenEnvelopeId(e.envelopeId, s);
        if (!sameEnvelope)
            return sameEnvelope.error();
        bool duplicate = *sameEnvelope;
        if (!e.eventId.isEmpty()) {
            const Result<bool> sameEvent = m_duplicates->seenEventId(e.eventId, s);
            if (!sameEvent)
                return sameEvent.error();
            duplicate = duplicate || *sameEvent;
        }
        e.duplicate = duplicate;

        if (e.sessionId != 0)
            q.bind(1, e.sessionId);
        else
            q.bindNull(1);
        q.bind(2, e.linkId);
        // The values stay in `batch` until the row is stored: nothing is copied for the bind.
        q.bindText(3, e.envelopeId, Bind::Empty::AsText);
        q.bindText(4, e.type, Bind::Empty::AsText);
        q.bindText(5, e.subtype);
        q.bindText(6, e.teamId);
        q.bindText(7, e.channelId);
        q.bindText(8, e.userId);
        q.bindText(9, e.text);
        q.bindText(10, e.eventId);
        q.bind(11, e.retryAttempt);
        q.bindText(12, e.retryReason);
        q.bind(13, e.acceptsResponsePayload ? 1 : 0);
        q.bind(14, e.duplicate ? 1 : 0);
        q.bind(15, e.receivedUs);
        // Journaled: committed when the journal write returned. Otherwise a same-width placeholder, so
        // stamping the real commit time below rewrites the row in place.
        q.bind(16, stamp == CommitStamp::Journaled ? e.committedUs : e.receivedUs);
        q.bind(17, e.ackedUs);
        q.bindText(18, e.deliveryStatus);
        q.bindUtf8(19, e.raw, Bind::Empty::AsText);
        if (auto r = q.run(QStringLiteral("Storing an envelope")); !r)
            return r;
        e.rowId = q.lastInsertRowId();
    }
    if (auto r = writeAcks(acks); !r)
        return r;
    if (batch.isEmpty() || stamp == CommitStamp::Journaled)
        return {};
    // Rows of one IMMEDIATE transaction get consecutive ids. The stamp is taken right before COMMIT.
    const qint64 committedUs = json::nowUs();
    s.setCommitted.bind(1, committedUs);
    s.setCommitted.bind(2, batch.constFirst().rowId);
    s.setCommitted.bind(3, batch.constLast().rowId);
    if (auto r = s.setCommitted.run(QStringLiteral("Stamping the commit time")); !r)
        return r;
    for (Envelope &e : batch)
        e.committedUs = committedUs;
    return {};
}

Result<void> CaptureStore::writeAcks(const QVector<AckUpdate> &acks)
{
    capture::SqliteStatement &q = m_statements->applyAck;
    for (const AckUpdate &ack : acks) {
        q.bind(1, ack.ackedUs);
        q.bind(2, ack.rowId);
        if (auto r = q.run(QStringLiteral("Recording an ack")); !r)
            return r;
        // Never fail the batch for this: the envelopes in it must still commit (and be acked).
        if (q.changes() == 0)
            qCWarning(lcCapture) << "ack for unknown capture row" << ack.rowId;
    }
    return {};
}

Result<void> CaptureStore::applyAcks(const QVector<AckUpdate> &acks)
{
    if (m_readOnly)
        return readOnlyError();
    if (acks.isEmpty())
        return {};
    return inTransaction([&] { return writeAcks(acks); });
}

Result<void> CaptureStore::setDeliveryStatus(qint64 rowId, const QString &status)
{
    if (m_readOnly)
        return readOnlyError();
    QSqlQuery &q = m_statements->setDeliveryStatus;
    q.bindValue(0, nullIfEmpty(status));
    q.bindValue(1, rowId);
    if (auto r = execWrite(q, QStringLiteral("Setting a delivery status")); !r)
        return r.error();
    if (q.numRowsAffected() == 0)
        return notFound(QStringLiteral("Envelope row %1").arg(rowId));
    return {};
}

Result<void> CaptureStore::recordMalformedFrame(qint64 sessionId, int linkId, qint64 atUs, const QString &problem,
                                                const QByteArray &raw)
{
    if (m_readOnly)
        return readOnlyError();
    QSqlQuery &q = m_statements->insertMalformed;
    q.bindValue(0, nullIfZero(sessionId));
    q.bindValue(1, linkId);
    q.bindValue(2, atUs);
    q.bindValue(3, problem);
    q.bindValue(4, raw.isNull() ? QByteArray("") : raw); // a null QByteArray would bind NULL
    if (auto r = execWrite(q, QStringLiteral("Recording a malformed frame")); !r)
        return r.error();
    return {};
}

Result<qint64> CaptureStore::recordDelivery(const DeliveryRecord &record)
{
    if (m_readOnly)
        return readOnlyError();
    QSqlQuery &q = m_statements->insertDelivery;
    q.bindValue(0, record.envelopeRowId);
    q.bindValue(1, record.atUs != 0 ? record.atUs : json::nowUs());
    q.bindValue(2, record.kind);
    q.bindValue(3, nullIfEmpty(Redactor::redactText(record.target)));
    q.bindValue(4, record.statusCode);
    q.bindValue(5, record.latencyUs);
    q.bindValue(6, nullIfEmpty(record.outcome));
    if (!q.exec()) {
        // SQLITE_CONSTRAINT (extended: _FOREIGNKEY): there is no such envelope row.
        if ((q.lastError().nativeErrorCode().toInt() & 0xff) == 19)
            return notFound(QStringLiteral("Envelope row %1").arg(record.envelopeRowId));
        return sqlError(q.lastError(), QStringLiteral("Recording a delivery"), m_path);
    }
    return q.lastInsertId().toLongLong();
}

WalStats CaptureStore::walStats() const
{
    return m_checkpointer ? m_checkpointer->stats() : WalStats{};
}

Result<void> CaptureStore::setSizeLimit(qint64 maxBytes)
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA page_size")) || !q.next())
        return sqlError(q.lastError(), QStringLiteral("Reading the page size"), m_path);
    const qint64 pageSize = q.value(0).toLongLong();
    q.finish();
    const qint64 pages = std::max<qint64>(1, maxBytes / std::max<qint64>(pageSize, 1));
    return execOne(q, QStringLiteral("PRAGMA max_page_count = %1").arg(pages), QStringLiteral("Setting a size limit"),
                   m_path);
}

// Reading ------------------------------------------------------------------------------------------------

Result<qint64> CaptureStore::envelopeCount() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM envelopes")) || !q.next())
        return sqlError(q.lastError(), QStringLiteral("Counting envelopes"), m_path);
    return q.value(0).toLongLong();
}

Result<QVector<Envelope>> CaptureStore::envelopes(qint64 afterRowId, int limit) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM envelopes WHERE id > ? ORDER BY id LIMIT ?").arg(kEnvelopeColumns));
    q.addBindValue(afterRowId);
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("Reading envelopes"), m_path);
    QVector<Envelope> out;
    while (q.next())
        out.append(envelopeFromRow(q));
    return out;
}

Result<QVector<Envelope>> CaptureStore::envelopesWhere(const QString &where, const QVariantList &values,
                                                      qint64 beforeRowId, int limit) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM envelopes WHERE id < ? AND (%2) ORDER BY id DESC LIMIT ?")
                  .arg(kEnvelopeColumns, where.isEmpty() ? QStringLiteral("1") : where));
    q.addBindValue(beforeRowId > 0 ? beforeRowId : std::numeric_limits<qint64>::max());
    for (const QVariant &value : values)
        q.addBindValue(value);
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("Reading envelopes"), m_path);
    QVector<Envelope> out;
    while (q.next())
        out.append(envelopeFromRow(q));
    return out;
}

Result<Envelope> CaptureStore::envelope(qint64 rowId) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM envelopes WHERE id = ?").arg(kEnvelopeColumns));
    q.addBindValue(rowId);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("Reading an envelope"), m_path);
    if (!q.next())
        return notFound(QStringLiteral("Envelope row %1").arg(rowId));
    return envelopeFromRow(q);
}

// The first capture of that id; later copies are flagged duplicates. A scan (no index on the random id,
// see capture schema 4): an operator's lookup, never on the ack path.
Result<Envelope> CaptureStore::envelopeById(const QString &envelopeId) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM envelopes WHERE envelope_id = ? ORDER BY id LIMIT 1").arg(kEnvelopeColumns));
    q.addBindValue(envelopeId);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("Reading an envelope"), m_path);
    if (!q.next())
        return notFound(QStringLiteral("Envelope %1").arg(envelopeId));
    return envelopeFromRow(q);
}

Result<QVector<LinkEvent>> CaptureStore::linkEvents(qint64 sessionId) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT session_id, link_id, at_us, kind, detail FROM links"
                             " WHERE ? = 0 OR session_id = ? ORDER BY at_us, id"));
    q.addBindValue(sessionId);
    q.addBindValue(sessionId);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("Reading link events"), m_path);
    QVector<LinkEvent> out;
    while (q.next()) {
        LinkEvent e;
        e.sessionId = q.value(0).toLongLong();
        e.linkId = q.value(1).toInt();
        e.atUs = q.value(2).toLongLong();
        e.kind = q.value(3).toString();
        e.detail = q.value(4).toString();
        out.append(e);
    }
    return out;
}

Result<QVector<SessionInfo>> CaptureStore::sessions() const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, started_us, ended_us, source, mode, api_url, end_reason FROM sessions"
                               " ORDER BY id")))
        return sqlError(q.lastError(), QStringLiteral("Reading sessions"), m_path);
    QVector<SessionInfo> out;
    while (q.next()) {
        SessionInfo s;
        s.id = q.value(0).toLongLong();
        s.startedUs = q.value(1).toLongLong();
        s.endedUs = q.value(2).toLongLong();
        s.source = q.value(3).toString();
        s.mode = q.value(4).toString();
        s.apiUrl = q.value(5).toString();
        s.endReason = q.value(6).toString();
        out.append(s);
    }
    return out;
}

Result<QVector<MalformedFrame>> CaptureStore::malformedFrames(qint64 sessionId) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, session_id, link_id, at_us, problem, raw FROM malformed_frames"
                             " WHERE ? = 0 OR session_id = ? ORDER BY id"));
    q.addBindValue(sessionId);
    q.addBindValue(sessionId);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("Reading malformed frames"), m_path);
    QVector<MalformedFrame> out;
    while (q.next()) {
        MalformedFrame f;
        f.id = q.value(0).toLongLong();
        f.sessionId = q.value(1).toLongLong();
        f.linkId = q.value(2).toInt();
        f.atUs = q.value(3).toLongLong();
        f.problem = q.value(4).toString();
        f.raw = q.value(5).toByteArray();
        out.append(f);
    }
    return out;
}

Result<QVector<DeliveryRecord>> CaptureStore::deliveries(qint64 envelopeRowId) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, envelope_row, at_us, kind, target, status_code, latency_us, outcome"
                             " FROM deliveries WHERE envelope_row = ? ORDER BY at_us, id"));
    q.addBindValue(envelopeRowId);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("Reading deliveries"), m_path);
    QVector<DeliveryRecord> out;
    while (q.next()) {
        DeliveryRecord d;
        d.id = q.value(0).toLongLong();
        d.envelopeRowId = q.value(1).toLongLong();
        d.atUs = q.value(2).toLongLong();
        d.kind = q.value(3).toString();
        d.target = q.value(4).toString();
        d.statusCode = q.value(5).toInt();
        d.latencyUs = q.value(6).toLongLong();
        d.outcome = q.value(7).toString();
        out.append(d);
    }
    return out;
}

Result<QVector<qint64>> CaptureStore::searchText(const QString &query, int limit) const
{
    QVector<qint64> out;
    QVector<SearchTerm> terms = searchTerms(query);
    if (terms.isEmpty() || limit <= 0)
        return out;
    QSqlDatabase db = database();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // One read transaction: the mark, the rows above it and the index are one snapshot.
    const bool snapshot = q.exec(QStringLiteral("BEGIN"));
    auto finish = [&](Result<QVector<qint64>> result) {
        q.finish();
        if (snapshot)
            QSqlQuery(db).exec(QStringLiteral("COMMIT"));
        return result;
    };
    if (!q.exec(QStringLiteral("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'fts_indexed_upto'")))
        return finish(sqlError(q.lastError(), QStringLiteral("Searching"), m_path));
    const qint64 mark = q.next() ? q.value(0).toLongLong() : std::numeric_limits<qint64>::max();
    q.finish();

    // Rows committed after the mark are not in the FTS5 index yet: match them here, newest first.
    if (mark < std::numeric_limits<qint64>::max()) {
        QVector<SearchTerm> folded = terms;
        for (SearchTerm &term : folded)
            term.token = foldToken(term.token);
        q.prepare(QStringLiteral("SELECT id, text, subtype, user_id, channel_id, envelope_id, raw FROM envelopes"
                                 " WHERE id > ? ORDER BY id DESC"));
        q.addBindValue(mark);
        if (!q.exec())
            return finish(sqlError(q.lastError(), QStringLiteral("Searching"), m_path));
        while (q.next() && out.size() < limit) {
            const QStringList columns{q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                                      q.value(4).toString(), q.value(5).toString(), q.value(6).toString()};
            if (rowMatches(folded, columns))
                out.append(q.value(0).toLongLong());
        }
        q.finish();
    }
    if (out.size() >= limit)
        return finish(out);
    q.prepare(QStringLiteral("SELECT rowid FROM envelopes_fts WHERE envelopes_fts MATCH ? AND rowid <= ?"
                             " ORDER BY rowid DESC LIMIT ?"));
    q.addBindValue(ftsQuery(terms));
    q.addBindValue(mark);
    q.addBindValue(limit - int(out.size()));
    if (!q.exec())
        return finish(sqlError(q.lastError(), QStringLiteral("Searching"), m_path));
    while (q.next())
        out.append(q.value(0).toLongLong());
    return finish(out);
}

Result<qint64> CaptureStore::searchIndexBacklog() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT (SELECT coalesce(max(id), 0) FROM envelopes)"
                               " - (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'fts_indexed_upto')"))
        || !q.next())
        return sqlError(q.lastError(), QStringLiteral("Reading the search index state"), m_path);
    return std::max<qint64>(0, q.value(0).toLongLong());
}

Result<qint64> CaptureStore::searchIndexedUpTo() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'fts_indexed_upto'")))
        return sqlError(q.lastError(), QStringLiteral("Reading the search index state"), m_path);
    // No mark: a schema 1 file, whose insert trigger indexed every row.
    return q.next() ? q.value(0).toLongLong() : std::numeric_limits<qint64>::max();
}

Result<void> CaptureStore::indexSearchTextNow(const IndexProgress &progress, int chunkRows)
{
    if (m_readOnly)
        return readOnlyError();
    const Result<qint64> startMark = searchIndexedUpTo();
    if (!startMark)
        return startMark.error();
    // Bounded: a writer that commits faster than this indexes (another process listening) cannot keep
    // it going for ever; what is left is indexed by the next call or a background indexer.
    for (int chunk = 0; chunk < 1000000; ++chunk) {
        const Result<qint64> left = FtsIndexer::indexChunk(database(), std::max(1, chunkRows), m_path);
        if (!left)
            return left.error();
        if (progress) {
            const Result<qint64> mark = searchIndexedUpTo();
            if (!mark)
                return mark.error();
            const qint64 indexed = *mark - *startMark;
            if (!progress(indexed, indexed + *left))
                return {};
        }
        if (*left == 0)
            return {};
    }
    return {};
}

Result<qint64> CaptureStore::buildSearchIndex(const QString &path, const IndexProgress &progress)
{
    constexpr int kChunkRows = 512; // ~10 ms of indexing: the longest a concurrent listener's commit waits
    Options options;
    options.backgroundSearchIndexing = false;
    auto store = open(path, Mode::ReadWrite, options);
    if (!store)
        return store.error();
    qint64 indexed = 0;
    const Result<void> result = store.value()->indexSearchTextNow(
        [&](qint64 done, qint64 total) {
            indexed = done;
            return !progress || progress(done, total);
        },
        kChunkRows);
    if (!result)
        return Error{result.error().code,
                     QStringLiteral("%1 (%2 envelope(s) were indexed before that; they stay indexed)")
                         .arg(result.error().message)
                         .arg(indexed),
                     result.error().fix};
    return indexed;
}

Result<void> CaptureStore::forEachEnvelope(const std::function<bool(const Envelope &)> &visit) const
{
    // One forward-only statement: SQLite steps row by row, so memory stays constant for any capture size,
    // and the read transaction gives a consistent snapshot while a writer goes on.
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM envelopes ORDER BY id").arg(kEnvelopeColumns)))
        return sqlError(q.lastError(), QStringLiteral("Reading envelopes"), m_path);
    while (q.next()) {
        if (!visit(envelopeFromRow(q)))
            break;
    }
    if (q.lastError().isValid())
        return sqlError(q.lastError(), QStringLiteral("Reading envelopes"), m_path);
    return {};
}

Result<void> CaptureStore::forEachEnvelope(const QVector<qint64> &rowIds,
                                           const std::function<bool(const Envelope &)> &visit) const
{
    for (const qint64 rowId : rowIds) {
        Result<Envelope> e = envelope(rowId);
        if (!e)
            return e.error();
        if (!visit(*e))
            break;
    }
    return {};
}

} // namespace socketscope
