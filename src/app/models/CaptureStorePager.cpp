#include "models/CaptureStorePager.h"

#include <QElapsedTimer>

#include <algorithm>
#include <limits>

namespace socketscope {

Result<HistoryPage> CaptureStorePager::olderThan(const EnvelopeFilter &filter, qint64 beforeRowId, int limit)
{
    HistoryPage page;
    const SqlWhere where = filter.toSql();
    qint64 before = beforeRowId;
    if (before <= 0) {
        auto newest = m_store->envelopesWhere(QStringLiteral("1"), {}, 0, 1);
        if (!newest.ok())
            return newest.error();
        if (newest->isEmpty())
            return page;
        before = newest->first().rowId + 1;
    }
    // Free text is matched by the FTS5 index, which holds rows only up to a mark (it waits for a pause
    // in traffic): above it, the filter without its text in SQL, then matches() on each row.
    qint64 indexedUpTo = std::numeric_limits<qint64>::max();
    SqlWhere unindexedWhere;
    if (filter.hasTextTerms()) {
        auto mark = m_store->searchIndexedUpTo();
        if (!mark.ok())
            return mark.error();
        indexedUpTo = mark.value();
        unindexedWhere = filter.withoutTextTerms().toSql();
    }
    QElapsedTimer budget;
    budget.start();
    // An unfiltered page is one indexed LIMIT query; a filter scans bounded windows of row ids.
    const bool filtered = where.clause != QLatin1String("1");
    while (page.rows.size() < limit) {
        if (before <= 1)
            return page; // reached the first row
        if (before - 1 > indexedUpTo) {
            const qint64 low = std::max({qint64(1), indexedUpTo + 1, before - kUnindexedWindowRows});
            QVariantList values{low};
            values += unindexedWhere.values;
            auto rows = m_store->envelopesWhere(QStringLiteral("id >= ? AND (%1)").arg(unindexedWhere.clause), values,
                                                before, static_cast<int>(before - low));
            if (!rows.ok())
                return rows.error();
            for (const Envelope &e : rows.value()) {
                if (!filter.matches(e))
                    continue;
                page.rows.append(e);
                if (page.rows.size() >= limit) {
                    page.nextBefore = e.rowId;
                    return page;
                }
            }
            before = low;
            if (budget.elapsed() >= kBudgetMs)
                break;
            continue;
        }
        const qint64 low = filtered ? std::max<qint64>(1, before - kWindowRows) : 1;
        QVariantList values{low};
        values += where.values;
        auto rows = m_store->envelopesWhere(QStringLiteral("id >= ? AND (%1)").arg(where.clause), values, before,
                                            limit - static_cast<int>(page.rows.size()));
        if (!rows.ok())
            return rows.error();
        page.rows += rows.value();
        if (page.rows.size() >= limit) {
            page.nextBefore = page.rows.last().rowId;
            return page;
        }
        before = low;
        if (budget.elapsed() >= kBudgetMs)
            break;
    }
    page.nextBefore = before > 1 ? before : 0;
    return page;
}

Result<Envelope> CaptureStorePager::full(qint64 rowId)
{
    return m_store->envelope(rowId);
}

} // namespace socketscope
