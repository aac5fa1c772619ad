#include "capture/FtsIndexer.h"

#include "capture/SqlError.h"
#include "util/Logging.h"

#include <QAtomicInteger>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <chrono>

namespace socketscope {

using capture::sqlError;

namespace {

QAtomicInteger<quint64> g_indexerCounter;

// 64 rows take about a millisecond to tokenize: the longest the writer can wait for the lock (16 was
// measured worse: more, shorter transactions; 256 was worse too: longer waits).
constexpr int kChunkRows = 64;
constexpr auto kIdleInterval = std::chrono::milliseconds(500);
// After a commit, gather rows for this long before indexing: fewer, larger index transactions, so the
// writer on the ack path rarely finds the write lock taken (SQLite's busy handler then sleeps ≥ 1 ms).
constexpr auto kGather = std::chrono::milliseconds(100);
constexpr auto kBetweenChunks = std::chrono::milliseconds(3); // leave the write lock to the ack path
constexpr qint64 kFinishOnCloseMs = 2000;

} // namespace

FtsIndexer::FtsIndexer(const QString &path) : m_path(path), m_thread([this] { run(); }) {}

FtsIndexer::~FtsIndexer()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void FtsIndexer::committed()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_pending)
            return;
        m_pending = true;
    }
    m_wake.notify_one();
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
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES ('fts_indexed_upto', ?)"));
    q.addBindValue(QString::number(upTo));
    if (!q.exec())
        return fail(q);
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(q);
    return maxId - upTo;
}

void FtsIndexer::run()
{
    // A Qt SQL connection belongs to the thread that made it: create, use and remove it here.
    const QString name = QStringLiteral("socketscope-fts-%1").arg(g_indexerCounter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=200"));
        if (!db.open())
            qCWarning(lcCapture) << "search indexing unavailable (search scans instead):" << db.lastError().text();
        std::unique_lock<std::mutex> lock(m_mutex);
        QElapsedTimer stopping;
        while (db.isOpen()) {
            if (!m_stop)
                m_wake.wait_for(lock, kIdleInterval, [this] { return m_stop || m_pending; });
            if (m_stop && !stopping.isValid())
                stopping.start();
            if (!m_pending && !m_stop)
                continue;
            m_pending = false;
            if (!m_stop)
                m_wake.wait_for(lock, kGather, [this] { return m_stop; });
            lock.unlock();
            // Index until caught up; a commit meanwhile sets m_pending again.
            Result<qint64> left = qint64(1);
            int failures = 0;
            while (left && *left > 0 && failures < 3) {
                left = indexChunk(db, kChunkRows, m_path);
                if (!left) {
                    // Busy (the writer held the lock too long) or a real error: retry a little later.
                    ++failures;
                    qCDebug(lcCapture) << "search indexing deferred:" << left.error().message;
                    left = qint64(1);
                }
                if (stopping.isValid() && stopping.elapsed() > kFinishOnCloseMs)
                    break;
                std::this_thread::sleep_for(kBetweenChunks);
            }
            lock.lock();
            if (failures >= 3)
                m_pending = true; // try again on the next wake-up or tick
            if (m_stop)
                break;
        }
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace socketscope
