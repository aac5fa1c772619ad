#pragma once

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace socketscope {

// Moves WAL checkpoints off the ack path. The writer connection runs with wal_autocheckpoint=0, so no
// commit ever pays for copying the WAL back into the database and fsyncing it; this thread does that
// with its own connection (PASSIVE checkpoints never block the writer or readers).
class WalCheckpointer
{
public:
    explicit WalCheckpointer(const QString &path);
    ~WalCheckpointer(); // stops and joins the thread
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Called after each commit: cheap (a counter and, now and then, a wake-up).
    void committed();

private:
    void run();

    QString m_path;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    int m_commitsSinceCheckpoint = 0;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace socketscope
