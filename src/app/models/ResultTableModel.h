#pragma once

#include "answers/ResultTable.h"

#include <QAbstractTableModel>

namespace socketscope {

// A ResultTable (REST console, "Answer from Nautobot") for a QTableView.
class ResultTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit ResultTableModel(QObject *parent = nullptr);

    void setTable(const ResultTable &table);
    const ResultTable &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ResultTable m_table;
};

} // namespace socketscope
