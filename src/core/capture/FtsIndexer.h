#pragma once

#include "util/Result.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QString>

#include <memory>

class QTimer;

namespace socketscope {

// Feeds the capture's FTS5 index after the commit, off the ack path: committed rows above meta
// 'fts_indexed_upto' are indexed in small slices on the writer's own connection and thread, driven by
// that thread's event loop, when the writer has been quiet for a moment (or the backlog has grown past
// a bound); the slices grow while it stays quiet. Same thread, so the writer never waits for a lock held by the indexer (a second connection
// on its own thread did that, and its page cache was invalidated by every commit); quiet moments and
// small slices, so an arriving envelope rarely waits for one, and then about a millisecond.
// CaptureStore::searchText scans the rows above the mark, so search never misses a committed row.
class FtsIndexer
{
public:
    FtsIndexer(QString connectionName, QString path);
    ~FtsIndexer(); // indexes what is left for at most a moment, so a closed capture is mostly indexed
    FtsIndexer(const FtsIndexer &) = delete;
    FtsIndexer &operator=(const FtsIndexer &) = delete;

    // Called after each commit that added rows: cheap (arms a timer).
    void committed(int rows);

    // One chunk on the given connection: indexes up to maxRows rows above the mark in one transaction.
    // Returns the rows still pending after it. Used by the slices and by CaptureStore::indexSearchTextNow.
    // Each chunk also merges index segments in proportion to the rows it added (see FtsIndexer.cpp).
    static Result<qint64> indexChunk(const QSqlDatabase &db, int maxRows, const QString &path);
    // Turns FTS5's automerge off (the chunks merge instead); a write only the first time on a file.
    static Result<void> configure(const QSqlDatabase &db, const QString &path);

private:
    void slice();
    // One bounded merge; true if there was something to merge.
    static Result<bool> mergeStep(const QSqlDatabase &db, int pages, const QString &path);
    void arm(int delayMs);

    QString m_connectionName;
    QString m_path;
    std::unique_ptr<QTimer> m_timer; // lives in the thread that opened the store
    QElapsedTimer m_sinceCommit;
    qint64 m_deferredRows = 0; // rows above the mark, as far as this writer knows
    int m_sliceRows = 0;       // rows in the next slice: grows while the writer stays quiet
    int m_failures = 0;
};

} // namespace socketscope
