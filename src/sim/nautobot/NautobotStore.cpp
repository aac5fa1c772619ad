#include "NautobotStore.h"

#include <QJsonArray>
#include <QUuid>

#include <algorithm>

namespace socketscope::sim {

namespace {
const QUuid kNamespace = QUuid(QStringLiteral("{6b1c4f7e-2d35-5a8c-9e41-0f3b7d2a6c58}"));
constexpr int kMaxCollections = 32;
constexpr int kMaxDepth = 10;
} // namespace

NautobotStore::NautobotStore()
{
    m_collections.reserve(kMaxCollections);
}

NautobotCollection *NautobotStore::addCollection(const QString &objectType, const QString &apiPath,
                                                 const QString &displayField, const QString &defaultSort,
                                                 bool pluginChatOps)
{
    Q_ASSERT(m_collections.size() < kMaxCollections);
    NautobotCollection collection;
    collection.objectType = objectType;
    collection.apiPath = apiPath;
    collection.displayField = displayField;
    collection.defaultSort = defaultSort;
    collection.pluginChatOps = pluginChatOps;
    // Every Nautobot filterset has id and q.
    collection.filters.insert(QStringLiteral("id"), [](const NautobotObject &o, const QString &v) {
        return o.id.compare(v, Qt::CaseInsensitive) == 0;
    });
    collection.filters.insert(QStringLiteral("q"), [this, objectType](const NautobotObject &o, const QString &v) {
        return displayOf(objectType, o).contains(v, Qt::CaseInsensitive);
    });
    m_collections.append(std::move(collection));
    return &m_collections.last();
}

NautobotCollection *NautobotStore::collection(const QString &objectType)
{
    for (NautobotCollection &c : m_collections) {
        if (c.objectType == objectType)
            return &c;
    }
    return nullptr;
}

const NautobotCollection *NautobotStore::collection(const QString &objectType) const
{
    for (const NautobotCollection &c : m_collections) {
        if (c.objectType == objectType)
            return &c;
    }
    return nullptr;
}

const NautobotCollection *NautobotStore::collectionForPath(const QString &apiPath) const
{
    for (const NautobotCollection &c : m_collections) {
        if (c.apiPath == apiPath)
            return &c;
    }
    return nullptr;
}

QVector<const NautobotCollection *> NautobotStore::collections() const
{
    QVector<const NautobotCollection *> out;
    for (const NautobotCollection &c : m_collections)
        out.append(&c);
    return out;
}

QString NautobotStore::add(const QString &objectType, const QString &key, const QJsonObject &fields)
{
    NautobotCollection *c = collection(objectType);
    Q_ASSERT(c);
    const QUuid uuid = key.isEmpty() ? QUuid::createUuid() : QUuid::createUuidV5(kNamespace, objectType + QLatin1Char('/') + key);
    NautobotObject object{uuid.toString(QUuid::WithoutBraces), fields};
    m_index[objectType].insert(object.id, c->rows.size());
    c->rows.append(std::move(object));
    return c->rows.last().id;
}

int NautobotStore::removeIf(const QString &objectType, const std::function<bool(const NautobotObject &)> &predicate)
{
    NautobotCollection *c = collection(objectType);
    if (!c)
        return 0;
    const int before = c->rows.size();
    c->rows.erase(std::remove_if(c->rows.begin(), c->rows.end(), predicate), c->rows.end());
    QHash<QString, int> &index = m_index[objectType];
    index.clear();
    for (int i = 0; i < c->rows.size(); ++i)
        index.insert(c->rows.at(i).id, i);
    return before - c->rows.size();
}

QJsonObject NautobotStore::ref(const QString &objectType, const QString &id)
{
    return QJsonObject{{QStringLiteral("$ref"), objectType}, {QStringLiteral("id"), id}};
}

bool NautobotStore::isRef(const QJsonValue &value)
{
    return value.isObject() && value.toObject().contains(QLatin1String("$ref"));
}

const NautobotObject *NautobotStore::find(const QString &objectType, const QString &id) const
{
    const auto typeIt = m_index.constFind(objectType);
    if (typeIt == m_index.constEnd())
        return nullptr;
    const auto rowIt = typeIt->constFind(id.toLower());
    if (rowIt == typeIt->constEnd())
        return nullptr;
    return &collection(objectType)->rows.at(*rowIt);
}

NautobotObject *NautobotStore::findMutable(const QString &objectType, const QString &id)
{
    const NautobotObject *found = find(objectType, id);
    if (!found)
        return nullptr;
    return &collection(objectType)->rows[m_index.value(objectType).value(found->id)];
}

const NautobotObject *NautobotStore::findByKey(const QString &objectType, const QString &key) const
{
    if (const NautobotObject *byId = find(objectType, key))
        return byId;
    const NautobotCollection *c = collection(objectType);
    if (!c)
        return nullptr;
    for (const NautobotObject &o : c->rows) {
        if (displayOf(objectType, o) == key)
            return &o;
    }
    return nullptr;
}

QString NautobotStore::displayOf(const QString &objectType, const NautobotObject &object) const
{
    const NautobotCollection *c = collection(objectType);
    const QJsonValue value = object.fields.value(c ? c->displayField : QStringLiteral("name"));
    return value.isDouble() ? QString::number(value.toInt()) : value.toString();
}

const NautobotObject *NautobotStore::related(const NautobotObject &object, const QString &field) const
{
    const QJsonValue value = object.fields.value(field);
    if (!isRef(value))
        return nullptr;
    const QJsonObject r = value.toObject();
    return find(r.value(QLatin1String("$ref")).toString(), r.value(QLatin1String("id")).toString());
}

QString NautobotStore::relatedDisplay(const NautobotObject &object, const QString &field) const
{
    const QJsonValue value = object.fields.value(field);
    if (!isRef(value))
        return QString();
    const NautobotObject *target = related(object, field);
    return target ? displayOf(value.toObject().value(QLatin1String("$ref")).toString(), *target) : QString();
}

QJsonObject NautobotStore::render(const QString &objectType, const NautobotObject &object, int depth,
                                  const QString &origin) const
{
    depth = qBound(0, depth, kMaxDepth);
    const NautobotCollection *c = collection(objectType);
    const QString url = origin + (c ? c->apiPath : QString()) + object.id + QLatin1Char('/');
    QJsonObject out{{QStringLiteral("id"), object.id},
                    {QStringLiteral("object_type"), objectType},
                    {QStringLiteral("display"), displayOf(objectType, object)},
                    {QStringLiteral("url"), url},
                    {QStringLiteral("natural_slug"), QString(displayOf(objectType, object).toLower().replace(QLatin1Char(' '), QLatin1Char('-'))
                                                         + QLatin1Char('_') + object.id.left(4))}};
    for (auto it = object.fields.constBegin(); it != object.fields.constEnd(); ++it) {
        if (it.key().startsWith(QLatin1Char('_')))
            continue;
        if (!isRef(it.value())) {
            out.insert(it.key(), it.value());
            continue;
        }
        const QJsonObject r = it.value().toObject();
        const QString type = r.value(QLatin1String("$ref")).toString();
        const QString id = r.value(QLatin1String("id")).toString();
        const NautobotObject *target = find(type, id);
        if (!target) {
            out.insert(it.key(), QJsonValue::Null);
        } else if (depth == 0) {
            const NautobotCollection *tc = collection(type);
            out.insert(it.key(), QJsonObject{{QStringLiteral("id"), id},
                                             {QStringLiteral("object_type"), type},
                                             {QStringLiteral("url"), QString(origin + (tc ? tc->apiPath : QString()) + id + QLatin1Char('/'))}});
        } else {
            out.insert(it.key(), render(type, *target, depth - 1, origin));
        }
    }
    if (!out.contains(QLatin1String("tags")))
        out.insert(QStringLiteral("tags"), QJsonArray{});
    if (!out.contains(QLatin1String("custom_fields")))
        out.insert(QStringLiteral("custom_fields"), QJsonObject{});
    out.insert(QStringLiteral("notes_url"), QString(url + QStringLiteral("notes/")));
    return out;
}

NautobotCollection::Filter NautobotStore::fieldEquals(const QString &field)
{
    return [field](const NautobotObject &o, const QString &v) {
        const QJsonValue value = o.fields.value(field);
        if (value.isDouble())
            return QString::number(value.toInt()) == v;
        if (value.isBool())
            return (value.toBool() ? QStringLiteral("true") : QStringLiteral("false")) == v.toLower();
        return value.toString() == v;
    };
}

NautobotCollection::Filter NautobotStore::relatedMatches(const QString &field, const QString &relatedType) const
{
    // Nautobot 2.x+ NaturalKeyOrPKMultipleChoiceFilter: the related object's UUID or its name.
    return [this, field, relatedType](const NautobotObject &o, const QString &v) {
        const NautobotObject *target = related(o, field);
        if (!target)
            return v == QLatin1String("null");
        return target->id.compare(v, Qt::CaseInsensitive) == 0 || displayOf(relatedType, *target) == v;
    };
}

} // namespace socketscope::sim
