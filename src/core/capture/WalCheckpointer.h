#pragma once

#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

class QSqlQuery;
struct sqlite3;

namespace socketscope {

// Moves WAL checkpoints off the ack path. The writer connection runs with wal_autocheckpoint=0, so no
// commit ever pays for copying the WAL back into the database and fsyncing it; this thread does that
// with its own connection (PASSIVE checkpoints never block the writer or readers). It also keeps the
// WAL bounded under steady traffic (see WalCheckpointer.cpp).
class WalCheckpointer
{
public:
    // restartAfterFrames: WAL length past which checkpoints turn eager (see WalCheckpointer.cpp).
    WalCheckpointer(const QString &path, qint64 restartAfterFrames);
    ~WalCheckpointer(); // stops and joins the thread
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Registers SQLite's WAL hook on the writer connection: every commit on it, whoever makes it,
    // reports the WAL's length here. Cheap (a counter and, now and then, a wake-up).
    void watch(const QSqlDatabase &writer);

    // True once when the WAL can only start over by a checkpoint on the writer's own connection, between
    // two of its transactions (see WalCheckpointer.cpp); the writer then runs one.
    // Also true while the WAL is past four restart lengths: the thread is then starved of CPU (a loaded
    // machine) and would not get to ask.
    bool takeRestartRequest() { return m_restartWanted.exchange(false) || m_walFramesOnWriter > 4 * m_restartAfterFrames; }

private:
    void committed(qint64 walFrames);
    void run();
    static qint64 passiveCheckpoint(QSqlQuery &checkpoint);
    static int walHook(void *self, sqlite3 *, const char *, int walFrames);

    QString m_path;
    qint64 m_restartAfterFrames;
    std::mutex m_mutex;
    std::atomic<bool> m_restartWanted{false};
    std::condition_variable m_wake;
    int m_commitsSinceCheckpoint = 0;
    qint64 m_walFrames = 0; // as of the last commit
    qint64 m_walFramesOnWriter = 0; // the same, read on the writer's thread only (no lock)
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace socketscope
