#include "capture/RecentIds.h"

namespace socketscope {

RecentIds::RecentIds(int capacity) : m_capacity(capacity > 0 ? capacity : 1)
{
    m_set.reserve(static_cast<size_t>(m_capacity));
}

quint64 RecentIds::hash(const QString &id)
{
    // qHash is seeded per process in some configurations; a fixed-seed 64-bit FNV-1a keeps hashes stable
    // and is fast on short ids (UUIDs, Ev… ids).
    quint64 h = 14695981039346656037ULL;
    const QChar *data = id.constData();
    for (qsizetype i = 0; i < id.size(); ++i) {
        h ^= data[i].unicode();
        h *= 1099511628211ULL;
    }
    return h;
}

void RecentIds::insert(quint64 hash)
{
    if (!m_set.insert(hash).second)
        return;
    m_order.push_back(hash);
    if (static_cast<int>(m_order.size()) > m_capacity) {
        m_set.erase(m_order.front());
        m_order.pop_front();
    }
}

void RecentIds::clear()
{
    m_set.clear();
    m_order.clear();
}

} // namespace socketscope
