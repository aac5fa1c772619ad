#pragma once

#include "capture/CaptureStore.h"

#include <QAbstractTableModel>
#include <QVector>

namespace socketscope {

// Every delivery of one envelope (Bridge, replay, response_url, chat.postMessage), oldest first.
// Targets come from the capture already redacted.
class DeliveryTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Kind, Time, Target, Status, Latency, Outcome, ColumnCount };

    explicit DeliveryTableModel(QObject *parent = nullptr);

    void setDeliveries(const QVector<DeliveryRecord> &deliveries);
    const QVector<DeliveryRecord> &deliveries() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<DeliveryRecord> m_rows;
};

} // namespace socketscope
