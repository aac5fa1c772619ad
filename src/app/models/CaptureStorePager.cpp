#include "models/CaptureStorePager.h"

#include <QElapsedTimer>

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
    QElapsedTimer budget;
    budget.start();
    // An unfiltered page is one indexed LIMIT query; a filter scans bounded windows of row ids.
    const bool filtered = where.clause != QLatin1String("1");
    while (page.rows.size() < limit) {
        if (before <= 1)
            return page; // reached the first row
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
