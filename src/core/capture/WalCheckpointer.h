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

// How a read-write capture kept its WAL bounded (CaptureStore::walStats).
struct WalStats
{
    qint64 writerCheckpoints = 0; // run on the writer's connection (see WalCheckpointer.cpp)
    qint64 restarts = 0;          // commits that found the WAL started over
};

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

    // Called by the writer between two of its transactions. When the WAL can only start over by a
    // checkpoint on the writer's own connection (see WalCheckpointer.cpp), runs checkpoint() there. Never
    // waits: while this thread's own checkpoint still runs, it leaves the turn for a later call, and the
    // thread starts no new one until the writer has had it (two checkpoints at once: one of them is a
    // no-op, and under load it was always the writer's).
    template <typename Checkpoint>
    void checkpointOnWriterIfDue(Checkpoint &&checkpoint)
    {
        if (!writerCheckpointDue())
            return;
        std::unique_lock<std::mutex> turn(m_checkpointMutex, std::try_to_lock);
        if (!turn.owns_lock())
            return;
        checkpoint();
        writerCheckpointed();
    }

    WalStats stats() const { return m_stats; } // on the writer's thread

private:
    void committed(qint64 walFrames);
    bool writerCheckpointDue();
    void writerCheckpointed();
    void run();
    static qint64 passiveCheckpoint(QSqlQuery &checkpoint);
    static int walHook(void *self, sqlite3 *, const char *, int walFrames);

    QString m_path;
    qint64 m_restartAfterFrames;
    std::mutex m_mutex;
    std::mutex m_checkpointMutex; // held by whichever of the two runs a checkpoint
    std::atomic<bool> m_restartWanted{false}; // the thread asks the writer
    std::atomic<bool> m_writerTurn{false};    // the writer's checkpoint is due: the thread stands aside
    std::condition_variable m_wake;
    int m_commitsSinceCheckpoint = 0;
    qint64 m_walFrames = 0; // as of the last commit
    // On the writer's thread only (no lock):
    qint64 m_walFramesOnWriter = 0; // as of the last commit
    qint64 m_writerRetryAbove = 0;  // after a writer checkpoint that did not restart the WAL (a reader
                                    // pins it), the next one waits for another restart length of growth
    WalStats m_stats;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace socketscope
