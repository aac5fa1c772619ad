#include "capture/WalCheckpointer.h"

#include "util/Logging.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <chrono>

namespace socketscope {

namespace {

QAtomicInteger<quint64> g_checkpointerCounter;

// Wake early after this many commits; otherwise checkpoint on a timer when anything was committed.
constexpr int kCommitsPerWake = 256;
constexpr auto kInterval = std::chrono::milliseconds(500);

} // namespace

WalCheckpointer::WalCheckpointer(const QString &path) : m_path(path), m_thread([this] { run(); }) {}

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void WalCheckpointer::committed()
{
    bool wake = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        wake = ++m_commitsSinceCheckpoint == kCommitsPerWake;
    }
    if (wake)
        m_wake.notify_one();
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
        std::unique_lock<std::mutex> lock(m_mutex);
        while (!m_stop) {
            m_wake.wait_for(lock, kInterval, [this] { return m_stop || m_commitsSinceCheckpoint >= kCommitsPerWake; });
            if (m_stop || m_commitsSinceCheckpoint == 0 || !db.isOpen())
                continue;
            m_commitsSinceCheckpoint = 0;
            lock.unlock();
            if (!checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
                qCWarning(lcCapture) << "WAL checkpoint failed:" << checkpoint.lastError().text();
            checkpoint.finish();
            lock.lock();
        }
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace socketscope
