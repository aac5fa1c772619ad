#include "models/EnvelopeTableModel.h"

#include "models/EnvelopeColoring.h"
#include "util/Json.h"

#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QTimer>

#include <algorithm>

namespace socketscope {

namespace {

// Rows in the table carry no raw frame: the detail pane reads it from the capture by row id.
Envelope lean(Envelope e)
{
    e.raw = QByteArray();
    return e;
}

QString flagsText(const Envelope &e)
{
    QStringList parts;
    if (e.retryAttempt > 0)
        parts.append(e.retryReason.isEmpty() ? QStringLiteral("retry %1").arg(e.retryAttempt)
                                             : QStringLiteral("retry %1 (%2)").arg(e.retryAttempt).arg(e.retryReason));
    if (e.duplicate)
        parts.append(QStringLiteral("dup"));
    return parts.join(QStringLiteral(", "));
}

} // namespace

EnvelopeTableModel::EnvelopeTableModel(QObject *parent) : QAbstractTableModel(parent) {}

EnvelopeTableModel::~EnvelopeTableModel() = default;

QString EnvelopeTableModel::columnName(int column)
{
    switch (column) {
    case Time: return tr("Time");
    case Type: return tr("Type");
    case Subtype: return tr("Command / event");
    case User: return tr("User");
    case Channel: return tr("Channel");
    case Text: return tr("Text");
    case AckMs: return tr("Ack ms");
    case Flags: return tr("Retry / dup");
    case Delivery: return tr("Delivery");
    default: return QString();
    }
}

void EnvelopeTableModel::setPager(EnvelopePager *pager)
{
    m_pager = pager;
    reload();
}

void EnvelopeTableModel::setFilter(const EnvelopeFilter &filter)
{
    if (filter == m_filter)
        return; // re-filter only on a real change
    m_filter = filter;
    reload();
}

void EnvelopeTableModel::setCapacity(int rows)
{
    m_capacity = std::max(rows, 1);
    if (static_cast<int>(m_rows.size()) > m_capacity) {
        const int drop = static_cast<int>(m_rows.size()) - m_capacity;
        beginRemoveRows(QModelIndex(), 0, drop - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + drop);
        m_evicted += drop;
        m_hasOlder = true;
        endRemoveRows();
    }
}

void EnvelopeTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    m_pendingAcks.clear();
    m_maxLiveRowId = 0;
    m_detached = false;
    m_liveNotShown = 0;
    m_hasOlder = false;
    m_olderRequested = false;
    m_liveFilteredOut = 0;
    m_evicted = 0;
    endResetModel();
}

void EnvelopeTableModel::reload()
{
    beginResetModel();
    ++m_generation;
    m_rows.clear();
    m_detached = false;
    m_liveNotShown = 0;
    m_hasOlder = false;
    m_olderRequested = false;
    m_olderCursor = 0;
    m_evicted = 0;
    m_liveFilteredOut = 0;
    if (m_pager) {
        auto page = m_pager->olderThan(m_filter, 0, m_pageSize);
        if (page.ok()) {
            for (auto it = page->rows.crbegin(); it != page->rows.crend(); ++it)
                m_rows.push_back(lean(*it));
            m_olderCursor = page->nextBefore;
            m_hasOlder = m_olderCursor > 0;
        } else {
            Q_EMIT historyError(page.error().toString());
        }
    }
    // Live rows still pending may already be in the page just read; drop those.
    const qint64 newest = m_rows.empty() ? 0 : m_rows.back().rowId;
    m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(),
                                   [&](const Envelope &e) { return e.rowId <= newest || !m_filter.matches(e); }),
                    m_pending.end());
    endResetModel();
    // A selective filter may not fill the first screen in one bounded call: keep going in idle slices.
    if (m_hasOlder && static_cast<int>(m_rows.size()) < m_pageSize)
        scheduleFill();
}

void EnvelopeTableModel::scheduleFill()
{
    if (m_fillScheduled)
        return;
    m_fillScheduled = true;
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        m_fillScheduled = false;
        if (generation != m_generation || !m_hasOlder || static_cast<int>(m_rows.size()) >= m_pageSize)
            return;
        if (fetchOlderPage() && m_hasOlder && static_cast<int>(m_rows.size()) < m_pageSize)
            scheduleFill();
    });
}

void EnvelopeTableModel::appendLive(const QVector<Envelope> &envelopes)
{
    for (const Envelope &e : envelopes) {
        m_maxLiveRowId = std::max(m_maxLiveRowId, e.rowId);
        if (!m_filter.matches(e)) {
            ++m_liveFilteredOut;
            continue;
        }
        m_pending.append(lean(e));
    }
    if (!m_pending.isEmpty() && !m_flushScheduled) {
        m_flushScheduled = true;
        QTimer::singleShot(0, this, &EnvelopeTableModel::flushPending);
    }
}

void EnvelopeTableModel::flushPending()
{
    m_flushScheduled = false;
    if (m_pending.isEmpty())
        return;
    QVector<Envelope> batch;
    batch.swap(m_pending);
    if (m_detached) {
        m_liveNotShown += static_cast<int>(batch.size());
        return;
    }
    const qint64 newest = m_rows.empty() ? 0 : m_rows.back().rowId;
    batch.erase(std::remove_if(batch.begin(), batch.end(), [&](const Envelope &e) { return e.rowId <= newest; }),
                batch.end());
    if (batch.isEmpty())
        return;
    std::sort(batch.begin(), batch.end(), [](const Envelope &a, const Envelope &b) { return a.rowId < b.rowId; });
    // Acks that arrived before their rows were inserted.
    if (!m_pendingAcks.isEmpty()) {
        QVector<AckUpdate> stillPending;
        for (const AckUpdate &ack : std::as_const(m_pendingAcks)) {
            auto it = std::lower_bound(batch.begin(), batch.end(), ack.rowId,
                                       [](const Envelope &e, qint64 id) { return e.rowId < id; });
            if (it != batch.end() && it->rowId == ack.rowId)
                it->ackedUs = ack.ackedUs;
            else if (ack.rowId > batch.last().rowId)
                stillPending.append(ack);
        }
        m_pendingAcks = stillPending;
    }
    if (batch.size() > m_capacity)
        batch.erase(batch.begin(), batch.begin() + (batch.size() - m_capacity));

    // Evict before insert, so the view never sees more than capacity rows.
    const int overflow = static_cast<int>(m_rows.size()) + static_cast<int>(batch.size()) - m_capacity;
    if (overflow > 0) {
        beginRemoveRows(QModelIndex(), 0, overflow - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + overflow);
        m_evicted += overflow;
        m_hasOlder = true;
        endRemoveRows();
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + static_cast<int>(batch.size()) - 1); // last is inclusive
    for (Envelope &e : batch)
        m_rows.push_back(std::move(e));
    endInsertRows();
    Q_EMIT liveRowsInserted(static_cast<int>(batch.size()));
}

int EnvelopeTableModel::rowForRowId(qint64 rowId) const
{
    auto it = std::lower_bound(m_rows.begin(), m_rows.end(), rowId,
                               [](const Envelope &e, qint64 id) { return e.rowId < id; });
    if (it == m_rows.end() || it->rowId != rowId)
        return -1;
    return static_cast<int>(it - m_rows.begin());
}

void EnvelopeTableModel::applyAcks(const QVector<AckUpdate> &acks)
{
    int lo = -1;
    int hi = -1;
    for (const AckUpdate &ack : acks) {
        const int row = rowForRowId(ack.rowId);
        if (row < 0) {
            auto pending = std::find_if(m_pending.begin(), m_pending.end(),
                                        [&](const Envelope &e) { return e.rowId == ack.rowId; });
            if (pending != m_pending.end())
                pending->ackedUs = ack.ackedUs;
            else if (ack.rowId > m_maxLiveRowId)
                m_pendingAcks.append(ack); // the row has not arrived yet (rare: rows come before acks)
            continue;
        }
        m_rows[static_cast<size_t>(row)].ackedUs = ack.ackedUs;
        lo = lo < 0 ? row : std::min(lo, row);
        hi = std::max(hi, row);
    }
    if (lo >= 0)
        Q_EMIT dataChanged(index(lo, 0), index(hi, ColumnCount - 1),
                           {Qt::DisplayRole, Qt::BackgroundRole, Qt::ForegroundRole, Qt::ToolTipRole, StateRole,
                            AckLatencyUsRole});
}

void EnvelopeTableModel::setDeliveryStatus(qint64 rowId, const QString &status)
{
    const int row = rowForRowId(rowId);
    if (row < 0)
        return;
    m_rows[static_cast<size_t>(row)].deliveryStatus = status;
    Q_EMIT dataChanged(index(row, Delivery), index(row, Delivery), {Qt::DisplayRole});
}

void EnvelopeTableModel::requestOlder()
{
    m_olderRequested = true;
}

bool EnvelopeTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_pager && m_hasOlder && m_olderRequested;
}

void EnvelopeTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_olderRequested = false;
    fetchOlderPage();
}

bool EnvelopeTableModel::fetchOlderPage()
{
    if (!m_pager || !m_hasOlder)
        return false;
    qint64 before = m_olderCursor;
    if (!m_rows.empty())
        before = before > 0 ? std::min(before, m_rows.front().rowId) : m_rows.front().rowId;
    auto page = m_pager->olderThan(m_filter, before, m_pageSize);
    if (!page.ok()) {
        Q_EMIT historyError(page.error().toString());
        return false;
    }
    m_olderCursor = page->nextBefore;
    m_hasOlder = m_olderCursor > 0;
    if (page->rows.isEmpty())
        return true;
    const int count = static_cast<int>(page->rows.size());
    // Keep the window bounded: drop the newest rows if the older page would overflow it.
    const int overflow = static_cast<int>(m_rows.size()) + count - m_capacity;
    if (overflow > 0) {
        const int keep = static_cast<int>(m_rows.size()) - overflow;
        beginRemoveRows(QModelIndex(), std::max(keep, 0), static_cast<int>(m_rows.size()) - 1);
        m_rows.erase(m_rows.begin() + std::max(keep, 0), m_rows.end());
        m_detached = true;
        endRemoveRows();
    }
    beginInsertRows(QModelIndex(), 0, count - 1);
    for (const Envelope &e : std::as_const(page->rows))
        m_rows.push_front(lean(e)); // page is newest first
    endInsertRows();
    return true;
}

int EnvelopeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EnvelopeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EnvelopeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return columnName(section);
    if (role == Qt::ToolTipRole && section == AckMs)
        return tr("Receive → ack sent, milliseconds; Slack's deadline is 3000 ms");
    return QVariant();
}

QVariant EnvelopeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Envelope &e = m_rows.at(static_cast<size_t>(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return QDateTime::fromMSecsSinceEpoch(e.receivedUs / 1000).toString(QStringLiteral("HH:mm:ss.zzz"));
        case Type: return e.type;
        case Subtype: return e.subtype;
        case User: return e.userId;
        case Channel: return e.channelId;
        case Text: return e.text;
        case AckMs:
            return e.ackedUs > 0 ? QString::number(static_cast<double>(e.ackLatencyUs()) / 1000.0, 'f', 1)
                                 : tr("—");
        case Flags: return flagsText(e);
        case Delivery: return e.deliveryStatus;
        default: return QVariant();
        }
    case Qt::TextAlignmentRole:
        if (index.column() == AckMs)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case Qt::BackgroundRole: {
        const auto state = EnvelopeColoring::stateOf(e, json::nowUs());
        const QColor c = EnvelopeColoring::background(state, QGuiApplication::palette());
        return c.isValid() ? QVariant(c) : QVariant();
    }
    case Qt::ForegroundRole: {
        const auto state = EnvelopeColoring::stateOf(e, json::nowUs());
        const QColor c = EnvelopeColoring::foreground(state, QGuiApplication::palette());
        return c.isValid() ? QVariant(c) : QVariant();
    }
    case Qt::FontRole:
        if (e.ackedUs <= 0 && index.column() == AckMs) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return QVariant();
    case Qt::ToolTipRole: {
        const auto state = EnvelopeColoring::stateOf(e, json::nowUs());
        for (const auto &rule : EnvelopeColoring::rules()) {
            if (rule.state == state)
                return QString(rule.name + QStringLiteral(": ") + rule.description);
        }
        return e.envelopeId;
    }
    case RowIdRole: return e.rowId;
    case StateRole: return static_cast<int>(EnvelopeColoring::stateOf(e, json::nowUs()));
    case AckLatencyUsRole: return e.ackLatencyUs();
    case ReceivedUsRole: return e.receivedUs;
    default: return QVariant();
    }
}

} // namespace socketscope
