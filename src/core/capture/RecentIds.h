#pragma once

#include <QString>

#include <deque>
#include <unordered_set>

namespace socketscope {

// A bounded set of recently captured ids (envelope_id or event_id), used so duplicate detection on the
// ack path costs no query per row. It stores 64-bit hashes, not the strings, to stay small (about
// 40 bytes per id): a hit may be a hash collision and must be confirmed by the caller; a miss means
// "not among the last capacity() ids".
class RecentIds
{
public:
    explicit RecentIds(int capacity);

    static quint64 hash(const QString &id);

    bool mayContain(quint64 hash) const { return m_set.count(hash) > 0; }
    // Adds the hash (no-op when present); evicts the oldest beyond capacity.
    void insert(quint64 hash);
    void clear();
    int size() const { return static_cast<int>(m_order.size()); }
    int capacity() const { return m_capacity; }

private:
    int m_capacity;
    std::unordered_set<quint64> m_set;
    std::deque<quint64> m_order; // oldest first
};

} // namespace socketscope
