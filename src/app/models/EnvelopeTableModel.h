#pragma once

#include "capture/CaptureStore.h"
#include "capture/EnvelopeFilter.h"
#include "models/EnvelopePager.h"
#include "slack/Envelope.h"

#include <QAbstractTableModel>
#include <QVector>

#include <deque>

namespace socketscope {

// The envelope list, oldest at the top, live rows appended at the bottom (as Wireshark's packet list).
// Memory is bounded: at most capacity() rows are held; older history is paged in from the capture
// with canFetchMore()/fetchMore() (one small query per call) once the view asks for older rows
// (requestOlder(), called when the view is scrolled to the top).
class EnvelopeTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Type, Subtype, User, Channel, Text, AckMs, Flags, Delivery, ColumnCount };
    enum Role { RowIdRole = Qt::UserRole + 1, StateRole, AckLatencyUsRole, ReceivedUsRole };

    explicit EnvelopeTableModel(QObject *parent = nullptr);
    ~EnvelopeTableModel() override;

    // The pager is not owned. Setting one (re)loads the newest page that matches the filter.
    void setPager(EnvelopePager *pager);
    void setFilter(const EnvelopeFilter &filter);
    const EnvelopeFilter &filter() const { return m_filter; }
    void setCapacity(int rows);
    int capacity() const { return m_capacity; }
    void setPageSize(int rows) { m_pageSize = rows; }
    void reload();
    void clear();

    // Live traffic: queued and inserted once per event-loop pass.
    void appendLive(const QVector<Envelope> &envelopes);
    void applyAcks(const QVector<AckUpdate> &acks);
    void setDeliveryStatus(qint64 rowId, const QString &status);

    // The view is at the top and wants older rows; enables canFetchMore() until one page is fetched.
    void requestOlder();
    bool hasOlder() const { return m_hasOlder; }
    int liveFilteredOut() const { return m_liveFilteredOut; }
    int evicted() const { return m_evicted; }
    // Paging back past capacity dropped the newest rows; live rows are then counted, not inserted
    // (inserting them would leave a hole), until reload().
    bool isDetachedFromTail() const { return m_detached; }
    int liveNotShown() const { return m_liveNotShown; }

    const Envelope &envelopeAt(int row) const { return m_rows.at(static_cast<size_t>(row)); }
    int rowForRowId(qint64 rowId) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static QString columnName(int column);

Q_SIGNALS:
    void historyError(const QString &message);
    void liveRowsInserted(int count);

private:
    void flushPending();
    bool fetchOlderPage(); // false on error
    void scheduleFill();

    EnvelopePager *m_pager = nullptr;
    EnvelopeFilter m_filter;
    std::deque<Envelope> m_rows;       // ascending rowId
    QVector<Envelope> m_pending;       // live rows waiting for the next pass
    QVector<AckUpdate> m_pendingAcks;  // acks for rows still pending
    bool m_flushScheduled = false;
    bool m_hasOlder = false;
    bool m_olderRequested = false;
    int m_capacity = 20000;
    int m_pageSize = 200;
    int m_liveFilteredOut = 0;
    int m_evicted = 0;
    qint64 m_maxLiveRowId = 0;
    qint64 m_olderCursor = 0;          // where the next history page starts (pager's nextBefore)
    quint64 m_generation = 0;          // bumped on reload; a queued fill slice of an old filter stops
    bool m_fillScheduled = false;
    bool m_detached = false;
    int m_liveNotShown = 0;         // newest live row seen, filtered out or not
};

} // namespace socketscope
