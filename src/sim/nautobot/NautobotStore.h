#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <QVector>

#include <functional>
#include <optional>

namespace socketscope::sim {

// One stored object. Relations are kept as {"$ref": "<object_type>", "id": "<uuid>"} so they can be
// rendered at any ?depth; fields whose names start with '_' are internal (filter helpers) and never
// serialized.
struct NautobotObject
{
    QString id;
    QJsonObject fields;
};

// A list endpoint such as /api/dcim/devices/: its rows, the filters it knows (STRICT_FILTERING:
// anything else is an error) and how a row is shown in "display".
struct NautobotCollection
{
    using Filter = std::function<bool(const NautobotObject &, const QString &value)>;

    QString objectType;   // e.g. dcim.device
    QString apiPath;      // e.g. /api/dcim/devices/
    QString displayField; // e.g. name, model, cid
    QString defaultSort;  // field the list is ordered by
    bool pluginChatOps = false;
    QVector<NautobotObject> rows;
    QHash<QString, Filter> filters;
};

// The Nautobot data the simulator serves: inventory plus the ChatOps app's models. Rendering
// follows Nautobot 2.x/3.x: related objects as {"id","object_type","url"} at depth 0, nested
// objects at depth ≥ 1.
class NautobotStore
{
public:
    NautobotStore();

    NautobotCollection *addCollection(const QString &objectType, const QString &apiPath, const QString &displayField,
                                      const QString &defaultSort, bool pluginChatOps = false);
    NautobotCollection *collection(const QString &objectType);
    const NautobotCollection *collection(const QString &objectType) const;
    const NautobotCollection *collectionForPath(const QString &apiPath) const;
    QVector<const NautobotCollection *> collections() const;

    // Adds a row; the id is a stable UUID derived from objectType and key (so sample UUIDs do not
    // change between runs) unless key is empty (then random).
    QString add(const QString &objectType, const QString &key, const QJsonObject &fields);
    // Removes the rows of objectType for which predicate is true; returns how many.
    int removeIf(const QString &objectType, const std::function<bool(const NautobotObject &)> &predicate);
    static QJsonObject ref(const QString &objectType, const QString &id);
    static bool isRef(const QJsonValue &value);

    const NautobotObject *find(const QString &objectType, const QString &id) const;
    NautobotObject *findMutable(const QString &objectType, const QString &id);
    // By UUID or by display value (name/model/cid); the first match.
    const NautobotObject *findByKey(const QString &objectType, const QString &key) const;
    QString displayOf(const QString &objectType, const NautobotObject &object) const;
    // Display value of a related object stored in field (empty when null).
    QString relatedDisplay(const NautobotObject &object, const QString &field) const;
    const NautobotObject *related(const NautobotObject &object, const QString &field) const;

    QJsonObject render(const QString &objectType, const NautobotObject &object, int depth, const QString &origin) const;

    // Standard filter builders.
    static NautobotCollection::Filter fieldEquals(const QString &field);
    NautobotCollection::Filter relatedMatches(const QString &field, const QString &relatedType) const;

private:
    QVector<NautobotCollection> m_collections; // reserved up front: pointers stay valid
    QHash<QString, QHash<QString, int>> m_index; // objectType → id → row
};

} // namespace socketscope::sim
