#pragma once

#include "util/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace socketscope {

// Feeds the capture's FTS5 index after the commit, off the ack path. Committed rows above
// meta 'fts_indexed_upto' are indexed in small chunks, each in its own short write transaction on this
// thread's own connection, so the writer (the ack path) never waits long for the write lock.
// CaptureStore::searchText scans the rows above the mark, so search never misses a committed row.
class FtsIndexer
{
public:
    explicit FtsIndexer(const QString &path);
    ~FtsIndexer(); // indexes what is left for at most a moment, then stops and joins the thread
    FtsIndexer(const FtsIndexer &) = delete;
    FtsIndexer &operator=(const FtsIndexer &) = delete;

    // Called after each commit that added rows: cheap (a flag and a wake-up).
    void committed();

    // One chunk on the given connection: indexes up to maxRows rows above the mark in one transaction.
    // Returns the rows still pending after it. Used by the thread and by CaptureStore::indexSearchTextNow.
    static Result<qint64> indexChunk(const QSqlDatabase &db, int maxRows, const QString &path);

private:
    void run();

    QString m_path;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_pending = true; // rows may be pending at open (a previous run stopped early)
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace socketscope
