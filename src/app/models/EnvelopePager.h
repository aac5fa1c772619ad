#pragma once

#include "capture/EnvelopeFilter.h"
#include "slack/Envelope.h"
#include "util/Result.h"

#include <QVector>

namespace socketscope {

// Where the table pages history from. The real one reads the capture file (CaptureStorePager);
// tests may use an in-memory one. Every call must be a small, bounded query.
struct HistoryPage
{
    QVector<Envelope> rows; // newest first
    qint64 nextBefore = 0;  // pass as beforeRowId to continue; 0 = nothing older
};

class EnvelopePager
{
public:
    virtual ~EnvelopePager() = default;
    // Newest first: up to `limit` envelopes that match `filter` with rowId < beforeRowId
    // (beforeRowId 0 = from the newest). A pager may stop early (a sparse filter, a time budget)
    // and return fewer rows with nextBefore != 0: the caller continues later, so no call is long.
    virtual Result<HistoryPage> olderThan(const EnvelopeFilter &filter, qint64 beforeRowId, int limit) = 0;
    // One envelope with its raw frame, for the detail pane.
    virtual Result<Envelope> full(qint64 rowId) = 0;
};

} // namespace socketscope
