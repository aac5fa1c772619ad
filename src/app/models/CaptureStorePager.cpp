#include "models/CaptureStorePager.h"

namespace socketscope {

Result<QVector<Envelope>> CaptureStorePager::olderThan(const EnvelopeFilter &filter, qint64 beforeRowId, int limit)
{
    const SqlWhere where = filter.toSql();
    return m_store->envelopesWhere(where.clause, where.values, beforeRowId, limit);
}

Result<Envelope> CaptureStorePager::full(qint64 rowId)
{
    return m_store->envelope(rowId);
}

} // namespace socketscope
