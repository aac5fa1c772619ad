#pragma once

#include "capture/CaptureStore.h"
#include "models/EnvelopePager.h"

namespace socketscope {

// Pages the table's history from a capture file opened read-only in the GUI thread. Each call is one
// indexed query of at most `limit` rows (by row id, newest first), so it stays small at any capture size.
class CaptureStorePager : public EnvelopePager
{
public:
    explicit CaptureStorePager(CaptureStore *store) : m_store(store) {}
    Result<HistoryPage> olderThan(const EnvelopeFilter &filter, qint64 beforeRowId, int limit) override;

    // A selective filter may need to scan far back; each call scans windows of this many row ids and
    // stops after the budget, so the GUI thread never waits long.
    static constexpr qint64 kWindowRows = 4000;
    static constexpr qint64 kUnindexedWindowRows = 500; // each row's raw frame is tokenized here
    static constexpr int kBudgetMs = 25;
    Result<Envelope> full(qint64 rowId) override;

private:
    CaptureStore *m_store;
};

} // namespace socketscope
