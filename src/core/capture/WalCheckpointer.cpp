#include "capture/WalCheckpointer.h"

#include "capture/SqlError.h"
#include "util/Logging.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <chrono>

namespace socketscope {

namespace {

QAtomicInteger<quint64> g_checkpointerCounter;

// Wake early after this many commits; otherwise checkpoint on a timer when anything was committed.
constexpr int kCommitsPerWake = 256;
constexpr auto kInterval = std::chrono::milliseconds(500);
// SQLite starts the WAL over only when a checkpoint has copied every frame before the next commit
// begins. Under steady traffic the checkpoints above never catch up (1,000 envelopes/s grew the WAL by
// 13 MB/s, without bound), so past restartAfterFrames (CaptureStore::Options::walRestartFrames, 64 MiB)
// they turn small and frequent until one finishes in a gap between commits.
constexpr int kEagerCommitsPerWake = 8;
constexpr auto kEagerInterval = std::chrono::milliseconds(50);
// Commits closer together than a checkpoint takes (an import, an overload) leave no gap at all: at twice
// the restart length, or after this many eager rounds without a restart, the writer is asked to run one
// checkpoint itself between two transactions (it copies the few frames this thread has not; two fsyncs
// on the writer's thread, once per restart length). If a reader pins the WAL (a long export), that
// checkpoint cannot finish the job either; the writer then tries again only after another restart length.
constexpr int kEagerRoundsBeforeWriter = 10;

} // namespace

WalCheckpointer::WalCheckpointer(const QString &path, qint64 restartAfterFrames)
    : m_path(path), m_restartAfterFrames(restartAfterFrames), m_thread([this] { run(); })
{
}

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void WalCheckpointer::watch(const QSqlDatabase &writer)
{
    if (sqlite3 *sqlite = capture::sqliteHandle(writer))
        sqlite3_wal_hook(sqlite, &WalCheckpointer::walHook, this);
}

int WalCheckpointer::walHook(void *self, sqlite3 *, const char *, int walFrames)
{
    static_cast<WalCheckpointer *>(self)->committed(walFrames);
    return SQLITE_OK;
}

void WalCheckpointer::committed(qint64 walFrames)
{
    // The WAL hook runs on the writer's thread, inside its commit.
    if (walFrames < m_walFramesOnWriter) {
        ++m_stats.restarts;
        m_writerRetryAbove = 0;
    }
    m_walFramesOnWriter = walFrames;
    bool wake = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const bool wasLong = m_walFrames > m_restartAfterFrames;
        m_walFrames = walFrames;
        const int perWake = walFrames > m_restartAfterFrames ? kEagerCommitsPerWake : kCommitsPerWake;
        ++m_commitsSinceCheckpoint;
        wake = m_commitsSinceCheckpoint == 1 || m_commitsSinceCheckpoint == perWake
               || (!wasLong && walFrames > m_restartAfterFrames);
    }
    if (wake)
        m_wake.notify_one();
}

bool WalCheckpointer::writerCheckpointDue()
{
    if (m_writerTurn.load(std::memory_order_relaxed))
        return true; // due since an earlier call, when this thread's checkpoint was still running
    // Past four restart lengths this thread is starved of CPU (a loaded machine) and may never get to ask.
    const bool due = m_restartWanted.exchange(false) || m_walFramesOnWriter > 4 * m_restartAfterFrames;
    if (!due || m_walFramesOnWriter <= m_writerRetryAbove)
        return false;
    m_writerTurn = true;
    return true;
}

void WalCheckpointer::writerCheckpointed()
{
    ++m_stats.writerCheckpoints;
    m_writerRetryAbove = m_walFramesOnWriter + m_restartAfterFrames;
    m_writerTurn = false;
}

// Returns the frames in the WAL (0 when the checkpoint failed).
qint64 WalCheckpointer::passiveCheckpoint(QSqlQuery &checkpoint)
{
    qint64 walFrames = 0;
    if (!checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
        qCWarning(lcCapture) << "WAL checkpoint failed:" << checkpoint.lastError().text();
    else if (checkpoint.next())
        walFrames = checkpoint.value(1).toLongLong(); // busy, frames in the WAL, frames copied
    checkpoint.finish();
    return walFrames;
}

void WalCheckpointer::run()
{
    // A Qt SQL connection belongs to the thread that made it: create, use and remove it here.
    const QString name = QStringLiteral("socketscope-checkpoint-%1").arg(g_checkpointerCounter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=100"));
        if (!db.open())
            qCWarning(lcCapture) << "WAL checkpoints unavailable:" << db.lastError().text();
        QSqlQuery checkpoint(db);
        // Explicit, whatever SQLite's compiled-in default: these checkpoints are what makes the writer's
        // synchronous=OFF safe (the database is synced before the WAL may start over).
        if (db.isOpen() && !checkpoint.exec(QStringLiteral("PRAGMA synchronous=NORMAL")))
            qCWarning(lcCapture) << "WAL checkpoints may not sync:" << checkpoint.lastError().text();
        checkpoint.finish();
        int eagerRounds = 0;
        std::unique_lock<std::mutex> lock(m_mutex);
        while (!m_stop) {
            // Idle: sleep until the first commit; then gather a few more, or wait at most an interval.
            m_wake.wait(lock, [this] { return m_stop || m_commitsSinceCheckpoint > 0; });
            const bool eager = m_walFrames > m_restartAfterFrames;
            m_wake.wait_for(lock, eager ? kEagerInterval : kInterval, [this, eager] {
                return m_stop || m_commitsSinceCheckpoint >= (eager ? kEagerCommitsPerWake : kCommitsPerWake)
                       || (!eager && m_walFrames > m_restartAfterFrames);
            });
            if (m_stop)
                break;
            m_commitsSinceCheckpoint = 0;
            if (!db.isOpen() || m_writerTurn)
                continue;
            lock.unlock();
            qint64 walFrames = 0;
            {
                std::lock_guard<std::mutex> turn(m_checkpointMutex);
                walFrames = passiveCheckpoint(checkpoint);
            }
            eagerRounds = walFrames > m_restartAfterFrames ? eagerRounds + 1 : 0;
            if (eagerRounds >= kEagerRoundsBeforeWriter || walFrames > 2 * m_restartAfterFrames) {
                m_restartWanted = true;
                eagerRounds = 0;
            }
            lock.lock();
        }
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace socketscope
