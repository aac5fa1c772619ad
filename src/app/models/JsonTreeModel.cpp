#include "models/JsonTreeModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace socketscope {

JsonTreeModel::JsonTreeModel(QObject *parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>()) {}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::build(Node *node)
{
    auto add = [node](const QString &key, bool arrayIndex, const QJsonValue &value) {
        auto child = std::make_unique<Node>();
        child->key = key;
        child->arrayIndex = arrayIndex;
        child->value = value;
        child->parent = node;
        child->row = static_cast<int>(node->children.size());
        build(child.get());
        node->children.push_back(std::move(child));
    };
    if (node->value.isObject()) {
        const QJsonObject object = node->value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            add(it.key(), false, it.value());
    } else if (node->value.isArray()) {
        const QJsonArray array = node->value.toArray();
        for (int i = 0; i < array.size(); ++i)
            add(QString::number(i), true, array.at(i));
    }
}

void JsonTreeModel::setValue(const QJsonValue &value)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->value = value;
    build(m_root.get());
    endResetModel();
}

void JsonTreeModel::setJson(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        QJsonObject problem;
        problem.insert(QStringLiteral("error"),
                       QStringLiteral("not JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset));
        setValue(problem);
        return;
    }
    setValue(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
}

void JsonTreeModel::clear()
{
    setValue(QJsonValue());
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return QModelIndex();
    Node *p = nodeOf(parent);
    return createIndex(row, column, p->children.at(static_cast<size_t>(row)).get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return QModelIndex();
    Node *node = nodeOf(child);
    Node *p = node->parent;
    if (!p || p == m_root.get())
        return QModelIndex();
    return createIndex(p->row, 0, p);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString JsonTreeModel::pathOf(const QModelIndex &index) const
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_$][A-Za-z0-9_$]*$"));
    QStringList parts;
    for (Node *node = index.isValid() ? nodeOf(index) : nullptr; node && node != m_root.get(); node = node->parent) {
        if (node->arrayIndex)
            parts.prepend(QLatin1Char('[') + node->key + QLatin1Char(']'));
        else if (identifier.match(node->key).hasMatch())
            parts.prepend((node->parent && node->parent != m_root.get() ? QStringLiteral(".") : QString()) + node->key);
        else
            parts.prepend(QStringLiteral("[\"") + QString(node->key).replace(QLatin1Char('"'), QStringLiteral("\\\""))
                          + QStringLiteral("\"]"));
    }
    return parts.join(QString());
}

QString JsonTreeModel::valueTextOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return QString();
    const QJsonValue &v = nodeOf(index)->value;
    switch (v.type()) {
    case QJsonValue::String: return v.toString();
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined: return QString();
    }
    return QString();
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const Node *node = nodeOf(index);
    const QJsonValue &v = node->value;
    if (role == PathRole)
        return pathOf(index);
    if (role == JsonRole)
        return valueTextOf(index);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QVariant();
    switch (index.column()) {
    case Key: return node->arrayIndex ? QStringLiteral("[%1]").arg(node->key) : node->key;
    case Value:
        if (v.isObject())
            return tr("{%n key(s)}", nullptr, static_cast<int>(node->children.size()));
        if (v.isArray())
            return tr("[%n item(s)]", nullptr, static_cast<int>(node->children.size()));
        if (v.isString())
            return QString(QLatin1Char('"') + v.toString() + QLatin1Char('"'));
        return valueTextOf(index);
    case Kind:
        switch (v.type()) {
        case QJsonValue::Object: return QStringLiteral("object");
        case QJsonValue::Array: return QStringLiteral("array");
        case QJsonValue::String: return QStringLiteral("string");
        case QJsonValue::Double: return QStringLiteral("number");
        case QJsonValue::Bool: return QStringLiteral("bool");
        case QJsonValue::Null: return QStringLiteral("null");
        case QJsonValue::Undefined: return QString();
        }
        return QString();
    default: return QVariant();
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case Key: return tr("Key");
    case Value: return tr("Value");
    case Kind: return tr("Type");
    default: return QVariant();
    }
}

} // namespace socketscope
