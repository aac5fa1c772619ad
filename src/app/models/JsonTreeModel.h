#pragma once

#include <QAbstractItemModel>
#include <QJsonValue>

#include <memory>
#include <vector>

namespace socketscope {

// A read-only tree over one JSON document: columns key, value, type. Built once per document
// (an immutable node tree), so index() and parent() are O(1).
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Key, Value, Kind, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1, JsonRole };

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    void setJson(const QByteArray &json); // anything not JSON shows as one "error" row
    void setValue(const QJsonValue &value);
    void clear();

    // JavaScript-style path, e.g. payload.actions[0].value (keys that are not identifiers are quoted).
    QString pathOf(const QModelIndex &index) const;
    // The node's value as text: strings unquoted, objects/arrays as compact JSON.
    QString valueTextOf(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        QString key;
        bool arrayIndex = false;
        QJsonValue value;
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    static void build(Node *node);
    Node *nodeOf(const QModelIndex &index) const;

    std::unique_ptr<Node> m_root;
};

} // namespace socketscope
