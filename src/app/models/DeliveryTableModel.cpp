#include "models/DeliveryTableModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace socketscope {

DeliveryTableModel::DeliveryTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void DeliveryTableModel::setDeliveries(const QVector<DeliveryRecord> &deliveries)
{
    beginResetModel();
    m_rows = deliveries;
    endResetModel();
}

int DeliveryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DeliveryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeliveryTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeliveryRecord &d = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Kind: return d.kind;
        case Time:
            return QDateTime::fromMSecsSinceEpoch(d.atUs / 1000).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        case Target: return d.target;
        case Status: return d.statusCode > 0 ? QString::number(d.statusCode) : tr("no answer");
        case Latency:
            return d.latencyUs < 0 ? tr("—") : QStringLiteral("%1 ms").arg(double(d.latencyUs) / 1000.0, 0, 'f', 1);
        case Outcome: return d.outcome;
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Status || index.column() == Latency))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Status) {
        if (d.statusCode == 0 || d.statusCode >= 400)
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        if (d.statusCode >= 200 && d.statusCode < 300)
            return QBrush(QColor(0x2e, 0x7d, 0x32));
    }
    return {};
}

QVariant DeliveryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Kind: return tr("Kind");
    case Time: return tr("Time");
    case Target: return tr("Target");
    case Status: return tr("Status");
    case Latency: return tr("Latency");
    case Outcome: return tr("Outcome / meaning");
    default: return {};
    }
}

} // namespace socketscope
