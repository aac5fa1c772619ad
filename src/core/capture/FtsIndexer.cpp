#include "capture/FtsIndexer.h"

#include "capture/SqlError.h"
#include "util/Logging.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QVariant>

#include <algorithm>

namespace socketscope {

using capture::sqlError;

namespace {

// Indexing waits for a quiet writer: tokenizing and merging FTS5 segments costs about as much as the
// insert itself and comes in lumps (a merge of long doclists took 15-35 ms here), and every moment of it
// on this thread is a moment an arriving envelope waits for its ack. Under steady traffic the rows wait
// (search scans them meanwhile), up to kMaxDeferredRows; past that, indexing goes on regardless, so a
// capture that never goes quiet still gets its index and the search scan stays bounded.
constexpr int kQuietMs = 50;                 // no commit for this long: index
constexpr qint64 kMaxDeferredRows = 100000;  // a search scans ~100,000 rows in about a second here
// 16 rows take ~0.3-1 ms: an envelope that arrives during a slice waits about that long. Small slices
// cost more per row, though (per-row CPU for 0.6-1.5 KB frames, schema 4, this 2-core EPYC: 45-55 µs at
// 16 rows, 26-31 at 128, 22 at 512, 20 at 4,096, 17 in one insert of 40,000): while the writer stays
// quiet, each slice doubles, up to kMaxSliceRows (~4 ms), and the next commit starts again at kSliceRows.
constexpr int kSliceRows = 16;
constexpr int kMaxSliceRows = 128;
// FTS5's own automerge merges in lumps (64 pages x the number of levels at a time), so it is off and
// each slice merges a few pages itself: 4 pages per 16 rows keeps up with the segments the slices add
// (fewer and there were crisis merges, which are lumps again).
constexpr int kMergePagesPerSlice = 4;
constexpr int kBetweenSlicesMs = 1;   // rows or merges left: go on, leaving the event loop a turn
constexpr int kAfterFailureMs = 1000; // busy (a reader's lock) or a real error: try again later
constexpr qint64 kFinishOnCloseMs = 2000;
constexpr int kFinishChunkRows = 4096;

int mergePagesFor(qint64 rows)
{
    return int(std::max<qint64>(kMergePagesPerSlice, rows * kMergePagesPerSlice / kSliceRows));
}

} // namespace

FtsIndexer::FtsIndexer(QString connectionName, QString path)
    : m_connectionName(std::move(connectionName)), m_path(std::move(path)), m_sliceRows(kSliceRows)
{
    // Without an event loop in this thread (a tool that only imports), rows are indexed at close and by
    // CaptureStore::indexSearchTextNow.
    if (!QAbstractEventDispatcher::instance())
        return;
    m_timer = std::make_unique<QTimer>();
    m_timer->setSingleShot(true);
    QObject::connect(m_timer.get(), &QTimer::timeout, [this] { slice(); });
    m_sinceCommit.start();
    arm(kQuietMs); // rows may be pending at open (a previous run stopped early)
}

FtsIndexer::~FtsIndexer()
{
    m_timer.reset();
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        return;
    QElapsedTimer finishing;
    finishing.start();
    while (finishing.elapsed() < kFinishOnCloseMs) {
        const Result<qint64> left = indexChunk(db, kFinishChunkRows, m_path);
        if (!left || *left == 0)
            break;
    }
}

void FtsIndexer::committed(int rows)
{
    m_deferredRows += rows;
    m_sliceRows = kSliceRows;
    m_sinceCommit.start();
    if (m_timer && !m_timer->isActive())
        arm(kQuietMs);
}

void FtsIndexer::arm(int delayMs)
{
    m_timer->start(delayMs);
}

void FtsIndexer::slice()
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        return;
    const qint64 quietFor = m_sinceCommit.elapsed();
    if (quietFor < kQuietMs && m_deferredRows < kMaxDeferredRows) {
        arm(int(kQuietMs - quietFor));
        return;
    }
    Result<qint64> left = indexChunk(db, m_sliceRows, m_path);
    bool merged = false;
    if (left && *left == 0) {
        // Caught up: finish the merges the slices left, a few pages at a time, so the index is compact.
        const Result<bool> r = mergeStep(db, kMergePagesPerSlice, m_path);
        if (!r)
            left = r.error();
        else
            merged = *r;
    }
    if (!left) {
        ++m_failures;
        qCDebug(lcCapture) << "search indexing deferred:" << left.error().message;
        arm(kAfterFailureMs * std::min(m_failures, 30));
        return;
    }
    m_failures = 0;
    m_deferredRows = *left;
    m_sliceRows = std::min(kMaxSliceRows, m_sliceRows * 2);
    if (*left > 0 || merged)
        arm(kBetweenSlicesMs);
}

Result<void> FtsIndexer::configure(const QSqlDatabase &db, const QString &path)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT v FROM envelopes_fts_config WHERE k = 'automerge'")))
        return sqlError(q.lastError(), QStringLiteral("Reading the search index settings"), path);
    if (q.next() && q.value(0).toInt() == 0)
        return {};
    q.finish();
    if (!q.exec(QStringLiteral("INSERT INTO envelopes_fts(envelopes_fts, rank) VALUES('automerge', 0)")))
        return sqlError(q.lastError(), QStringLiteral("Configuring the search index"), path);
    return {};
}

Result<bool> FtsIndexer::mergeStep(const QSqlDatabase &db, int pages, const QString &path)
{
    // FTS5's 'merge' command reports nothing; the rows it wrote to the index's shadow tables say whether
    // there was anything left to merge.
    QSqlQuery q(db);
    const QString step = QStringLiteral("Merging the search index");
    if (!q.exec(QStringLiteral("SELECT total_changes()")) || !q.next())
        return sqlError(q.lastError(), step, path);
    const qint64 before = q.value(0).toLongLong();
    q.finish();
    if (!q.exec(QStringLiteral("INSERT INTO envelopes_fts(envelopes_fts, rank) VALUES('merge', %1)").arg(pages)))
        return sqlError(q.lastError(), step, path);
    if (!q.exec(QStringLiteral("SELECT total_changes()")) || !q.next())
        return sqlError(q.lastError(), step, path);
    // The command itself counts as one change.
    return q.value(0).toLongLong() - before > 1;
}

Result<qint64> FtsIndexer::indexChunk(const QSqlDatabase &db, int maxRows, const QString &path)
{
    QSqlQuery q(db);
    const QString step = QStringLiteral("Indexing captured envelopes for search");
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(q.lastError(), step, path);
    auto fail = [&](const QSqlQuery &failed) -> Result<qint64> {
        const Error error = sqlError(failed.lastError(), step, path);
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return error;
    };
    if (!q.exec(QStringLiteral("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'fts_indexed_upto'")))
        return fail(q);
    const qint64 mark = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    if (!q.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM envelopes")) || !q.next())
        return fail(q);
    const qint64 maxId = q.value(0).toLongLong();
    q.finish();
    if (maxId <= mark) {
        q.exec(QStringLiteral("ROLLBACK"));
        return qint64(0);
    }
    const qint64 upTo = std::min(maxId, mark + maxRows);
    q.prepare(QStringLiteral("INSERT INTO envelopes_fts(rowid, text, subtype, user_id, channel_id, envelope_id, raw)"
                             " SELECT id, text, subtype, user_id, channel_id, envelope_id, raw FROM envelopes"
                             " WHERE id > ? AND id <= ?"));
    q.addBindValue(mark);
    q.addBindValue(upTo);
    if (!q.exec())
        return fail(q);
    if (!q.exec(QStringLiteral("INSERT INTO envelopes_fts(envelopes_fts, rank) VALUES('merge', %1)")
                    .arg(mergePagesFor(upTo - mark))))
        return fail(q);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES ('fts_indexed_upto', ?)"));
    q.addBindValue(QString::number(upTo));
    if (!q.exec())
        return fail(q);
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(q);
    return maxId - upTo;
}

} // namespace socketscope
