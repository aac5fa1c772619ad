#include "NautobotInventory.h"

#include "NautobotSimConfig.h"
#include "NautobotStore.h"

#include <QDateTime>
#include <QJsonArray>

namespace socketscope::sim {

using namespace NautobotInventory;

namespace {

QJsonArray contentTypes(std::initializer_list<const char *> types)
{
    QJsonArray out;
    for (const char *t : types)
        out.append(QString::fromLatin1(t));
    return out;
}

void defineCollections(NautobotStore &s)
{
    auto rel = [&s](NautobotCollection *c, const QString &filter, const QString &field, const QString &type) {
        c->filters.insert(filter, s.relatedMatches(field, type));
    };
    auto eq = [](NautobotCollection *c, const QString &field) { c->filters.insert(field, NautobotStore::fieldEquals(field)); };

    auto *lt = s.addCollection(kLocationType, QStringLiteral("/api/dcim/location-types/"), QStringLiteral("name"), QStringLiteral("name"));
    eq(lt, QStringLiteral("name"));
    auto *loc = s.addCollection(kLocation, QStringLiteral("/api/dcim/locations/"), QStringLiteral("name"), QStringLiteral("name"));
    eq(loc, QStringLiteral("name"));
    rel(loc, QStringLiteral("location_type"), QStringLiteral("location_type"), kLocationType);
    rel(loc, QStringLiteral("status"), QStringLiteral("status"), kStatus);
    rel(loc, QStringLiteral("parent"), QStringLiteral("parent"), kLocation);

    auto *status = s.addCollection(kStatus, QStringLiteral("/api/extras/statuses/"), QStringLiteral("name"), QStringLiteral("name"));
    eq(status, QStringLiteral("name"));
    status->filters.insert(QStringLiteral("content_types"), [](const NautobotObject &o, const QString &v) {
        return o.fields.value(QLatin1String("content_types")).toArray().contains(v);
    });
    auto *role = s.addCollection(kRole, QStringLiteral("/api/extras/roles/"), QStringLiteral("name"), QStringLiteral("name"));
    eq(role, QStringLiteral("name"));
    role->filters.insert(QStringLiteral("content_types"), [](const NautobotObject &o, const QString &v) {
        return o.fields.value(QLatin1String("content_types")).toArray().contains(v);
    });
    auto *mf = s.addCollection(kManufacturer, QStringLiteral("/api/dcim/manufacturers/"), QStringLiteral("name"), QStringLiteral("name"));
    eq(mf, QStringLiteral("name"));
    auto *dt = s.addCollection(kDeviceType, QStringLiteral("/api/dcim/device-types/"), QStringLiteral("model"), QStringLiteral("model"));
    eq(dt, QStringLiteral("model"));
    rel(dt, QStringLiteral("manufacturer"), QStringLiteral("manufacturer"), kManufacturer);

    auto *dev = s.addCollection(kDevice, QStringLiteral("/api/dcim/devices/"), QStringLiteral("name"), QStringLiteral("name"));
    eq(dev, QStringLiteral("name"));
    eq(dev, QStringLiteral("serial"));
    rel(dev, QStringLiteral("location"), QStringLiteral("location"), kLocation);
    rel(dev, QStringLiteral("role"), QStringLiteral("role"), kRole);
    rel(dev, QStringLiteral("device_type"), QStringLiteral("device_type"), kDeviceType);
    rel(dev, QStringLiteral("status"), QStringLiteral("status"), kStatus);
    rel(dev, QStringLiteral("tenant"), QStringLiteral("tenant"), QStringLiteral("tenancy.tenant"));
    rel(dev, QStringLiteral("rack"), QStringLiteral("rack"), QStringLiteral("dcim.rack"));
    rel(dev, QStringLiteral("platform"), QStringLiteral("platform"), QStringLiteral("dcim.platform"));
    const NautobotStore *store = &s;
    dev->filters.insert(QStringLiteral("manufacturer"), [store](const NautobotObject &o, const QString &v) {
        const NautobotObject *type = store->related(o, QStringLiteral("device_type"));
        const NautobotObject *maker = type ? store->related(*type, QStringLiteral("manufacturer")) : nullptr;
        return maker && (maker->id.compare(v, Qt::CaseInsensitive) == 0 || store->displayOf(kManufacturer, *maker) == v);
    });

    auto *vg = s.addCollection(kVlanGroup, QStringLiteral("/api/ipam/vlan-groups/"), QStringLiteral("name"), QStringLiteral("name"));
    eq(vg, QStringLiteral("name"));
    rel(vg, QStringLiteral("location"), QStringLiteral("location"), kLocation);
    auto *vlan = s.addCollection(kVlan, QStringLiteral("/api/ipam/vlans/"), QStringLiteral("name"), QStringLiteral("vid"));
    eq(vlan, QStringLiteral("vid"));
    eq(vlan, QStringLiteral("name"));
    rel(vlan, QStringLiteral("status"), QStringLiteral("status"), kStatus);
    rel(vlan, QStringLiteral("vlan_group"), QStringLiteral("vlan_group"), kVlanGroup);
    rel(vlan, QStringLiteral("tenant"), QStringLiteral("tenant"), QStringLiteral("tenancy.tenant"));
    rel(vlan, QStringLiteral("role"), QStringLiteral("role"), kRole);
    vlan->filters.insert(QStringLiteral("locations"), [store](const NautobotObject &o, const QString &v) {
        const NautobotObject *group = store->related(o, QStringLiteral("vlan_group"));
        const NautobotObject *where = group ? store->related(*group, QStringLiteral("location")) : nullptr;
        return where && (where->id.compare(v, Qt::CaseInsensitive) == 0 || store->displayOf(kLocation, *where) == v);
    });

    auto *prov = s.addCollection(kProvider, QStringLiteral("/api/circuits/providers/"), QStringLiteral("name"), QStringLiteral("name"));
    eq(prov, QStringLiteral("name"));
    eq(prov, QStringLiteral("asn"));
    auto *ct = s.addCollection(kCircuitType, QStringLiteral("/api/circuits/circuit-types/"), QStringLiteral("name"), QStringLiteral("name"));
    eq(ct, QStringLiteral("name"));
    auto *cir = s.addCollection(kCircuit, QStringLiteral("/api/circuits/circuits/"), QStringLiteral("cid"), QStringLiteral("cid"));
    eq(cir, QStringLiteral("cid"));
    rel(cir, QStringLiteral("provider"), QStringLiteral("provider"), kProvider);
    rel(cir, QStringLiteral("circuit_type"), QStringLiteral("circuit_type"), kCircuitType);
    rel(cir, QStringLiteral("status"), QStringLiteral("status"), kStatus);
    // Circuits reach a location through their terminations; kept as an internal field.
    rel(cir, QStringLiteral("location"), QStringLiteral("_location"), kLocation);

    auto *user = s.addCollection(kUser, QStringLiteral("/api/users/users/"), QStringLiteral("username"), QStringLiteral("username"));
    eq(user, QStringLiteral("username"));
    auto *perm = s.addCollection(kPermission, QStringLiteral("/api/users/permissions/"), QStringLiteral("name"), QStringLiteral("name"));
    eq(perm, QStringLiteral("name"));
    rel(perm, QStringLiteral("users"), QStringLiteral("_user"), kUser);

    auto *grant = s.addCollection(kAccessGrant, QStringLiteral("/api/plugins/chatops/accessgrant/"), QStringLiteral("name"),
                                  QStringLiteral("command"), true);
    for (const char *f : {"command", "subcommand", "grant_type", "name", "value"})
        eq(grant, QString::fromLatin1(f));
    auto *log = s.addCollection(kCommandLog, QStringLiteral("/api/plugins/chatops/commandlog/"), QStringLiteral("command"),
                                QStringLiteral("start_time"), true);
    for (const char *f : {"status", "platform", "command", "subcommand", "user_id", "user_name"})
        eq(log, QString::fromLatin1(f));
    log->filters.insert(QStringLiteral("start_time__gte"), [](const NautobotObject &o, const QString &v) {
        return o.fields.value(QLatin1String("start_time")).toString() >= v;
    });
    auto *link = s.addCollection(kAccountLink, QStringLiteral("/api/plugins/chatops/accountlink/"), QStringLiteral("user_id"),
                                 QStringLiteral("user_id"), true);
    eq(link, QStringLiteral("user_id"));
    eq(link, QStringLiteral("platform"));
    eq(link, QStringLiteral("email"));
}

QString statusId(NautobotStore &s, const char *name)
{
    return s.findByKey(kStatus, QString::fromLatin1(name))->id;
}

} // namespace

QString NautobotInventory::isoTimestamp(qint64 msecsSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"));
}

void NautobotInventory::seed(NautobotStore &s, const NautobotSimConfig &config)
{
    defineCollections(s);
    const QString created = QStringLiteral("2025-11-03T09:12:44.000000Z");

    for (const char *name : {"Active", "Planned", "Staged", "Offline", "Decommissioning"}) {
        s.add(kStatus, QString::fromLatin1(name),
              {{QStringLiteral("name"), QString::fromLatin1(name)}, {QStringLiteral("color"), QStringLiteral("4caf50")},
               {QStringLiteral("content_types"), contentTypes({"dcim.device", "dcim.location", "ipam.vlan", "circuits.circuit"})},
               {QStringLiteral("created"), created}});
    }
    for (const char *name : {"edge", "spine", "leaf", "access"}) {
        s.add(kRole, QString::fromLatin1(name),
              {{QStringLiteral("name"), QString::fromLatin1(name)}, {QStringLiteral("color"), QStringLiteral("2196f3")},
               {QStringLiteral("content_types"), contentTypes({"dcim.device"})}, {QStringLiteral("created"), created}});
    }
    const QString site = s.add(kLocationType, QStringLiteral("Site"),
                               {{QStringLiteral("name"), QStringLiteral("Site")}, {QStringLiteral("nestable"), false}});
    struct Loc { const char *name; const char *facility; const char *tz; };
    const Loc locations[] = {{"ams01", "Equinix AM3", "Europe/Amsterdam"}, {"fra01", "Interxion FRA1", "Europe/Berlin"},
                             {"nyc01", "Equinix NY5", "America/New_York"}};
    for (const Loc &l : locations) {
        s.add(kLocation, QString::fromLatin1(l.name),
              {{QStringLiteral("name"), QString::fromLatin1(l.name)},
               {QStringLiteral("location_type"), NautobotStore::ref(kLocationType, site)},
               {QStringLiteral("status"), NautobotStore::ref(kStatus, statusId(s, "Active"))},
               {QStringLiteral("parent"), QJsonValue::Null},
               {QStringLiteral("facility"), QString::fromLatin1(l.facility)},
               {QStringLiteral("time_zone"), QString::fromLatin1(l.tz)},
               {QStringLiteral("tenant"), QJsonValue::Null},
               {QStringLiteral("created"), created}});
    }
    for (const char *name : {"Arista", "Juniper", "Cisco"})
        s.add(kManufacturer, QString::fromLatin1(name), {{QStringLiteral("name"), QString::fromLatin1(name)}});
    struct Type { const char *model; const char *maker; int height; };
    const Type types[] = {{"DCS-7280CR3-32P4", "Arista", 1}, {"QFX5120-32C", "Juniper", 1},
                          {"DCS-7050SX3-48YC8", "Arista", 1}, {"C9300-48P", "Cisco", 1}};
    for (const Type &t : types) {
        s.add(kDeviceType, QString::fromLatin1(t.model),
              {{QStringLiteral("model"), QString::fromLatin1(t.model)},
               {QStringLiteral("manufacturer"), NautobotStore::ref(kManufacturer, s.findByKey(kManufacturer, QString::fromLatin1(t.maker))->id)},
               {QStringLiteral("u_height"), t.height}, {QStringLiteral("is_full_depth"), true}});
    }

    // Per location: 2 edge, 2 spine, 2 access, the rest leaf (at least 1).
    const int perLocation = qBound(4, config.devicesPerLocation, 2000);
    int serial = 1000;
    for (const Loc &l : locations) {
        const QString locName = QString::fromLatin1(l.name);
        const QString locId = s.findByKey(kLocation, locName)->id;
        struct Plan { const char *role; const char *model; int count; };
        const Plan plan[] = {{"edge", "DCS-7280CR3-32P4", 2}, {"spine", "QFX5120-32C", 2},
                             {"leaf", "DCS-7050SX3-48YC8", qMax(1, perLocation - 6)}, {"access", "C9300-48P", 2}};
        int made = 0;
        for (const Plan &p : plan) {
            for (int i = 1; i <= p.count && made < perLocation; ++i, ++made) {
                const QString name = QStringLiteral("%1-%2-%3").arg(locName, QString::fromLatin1(p.role)).arg(i, 2, 10, QLatin1Char('0'));
                // A few devices not Active, so status filters and changes have something to show.
                const char *state = (qstrcmp(p.role, "access") == 0 && i == 2) ? "Planned"
                                    : (qstrcmp(p.role, "leaf") == 0 && i == 4) ? "Offline" : "Active";
                s.add(kDevice, name,
                      {{QStringLiteral("name"), name},
                       {QStringLiteral("device_type"), NautobotStore::ref(kDeviceType, s.findByKey(kDeviceType, QString::fromLatin1(p.model))->id)},
                       {QStringLiteral("role"), NautobotStore::ref(kRole, s.findByKey(kRole, QString::fromLatin1(p.role))->id)},
                       {QStringLiteral("status"), NautobotStore::ref(kStatus, statusId(s, state))},
                       {QStringLiteral("location"), NautobotStore::ref(kLocation, locId)},
                       {QStringLiteral("tenant"), QJsonValue::Null},
                       {QStringLiteral("rack"), QJsonValue::Null},
                       {QStringLiteral("platform"), QJsonValue::Null},
                       {QStringLiteral("primary_ip4"), QJsonValue::Null},
                       {QStringLiteral("primary_ip6"), QJsonValue::Null},
                       {QStringLiteral("serial"), QStringLiteral("SN%1").arg(++serial)},
                       {QStringLiteral("asset_tag"), QJsonValue::Null},
                       {QStringLiteral("created"), created},
                       {QStringLiteral("last_updated"), created}});
            }
        }

        const QString group = s.add(kVlanGroup, locName + QStringLiteral("-vlans"),
                                    {{QStringLiteral("name"), QString(locName + QStringLiteral("-vlans"))},
                                     {QStringLiteral("location"), NautobotStore::ref(kLocation, locId)}});
        struct Vlan { int vid; const char *name; };
        for (const Vlan &v : {Vlan{10, "mgmt"}, Vlan{100, "servers"}, Vlan{200, "storage"}, Vlan{999, "quarantine"}}) {
            s.add(kVlan, locName + QStringLiteral("/") + QString::number(v.vid),
                  {{QStringLiteral("vid"), v.vid}, {QStringLiteral("name"), QString::fromLatin1(v.name)},
                   {QStringLiteral("status"), NautobotStore::ref(kStatus, statusId(s, "Active"))},
                   {QStringLiteral("vlan_group"), NautobotStore::ref(kVlanGroup, group)},
                   {QStringLiteral("tenant"), QJsonValue::Null}, {QStringLiteral("role"), QJsonValue::Null},
                   {QStringLiteral("description"), QString()}});
        }
    }

    struct Provider { const char *name; int asn; const char *account; };
    for (const Provider &p : {Provider{"NTT", 2914, "NTT-4471"}, Provider{"Lumen", 3356, "LUM-88120"},
                              Provider{"Cogent", 174, "COG-1207"}, Provider{"Zayo", 6461, "ZAY-5530"}}) {
        s.add(kProvider, QString::fromLatin1(p.name),
              {{QStringLiteral("name"), QString::fromLatin1(p.name)}, {QStringLiteral("asn"), p.asn},
               {QStringLiteral("account"), QString::fromLatin1(p.account)},
               {QStringLiteral("portal_url"), QString()}, {QStringLiteral("noc_contact"), QString()}});
    }
    for (const char *name : {"Internet", "MPLS", "Dark Fiber"})
        s.add(kCircuitType, QString::fromLatin1(name), {{QStringLiteral("name"), QString::fromLatin1(name)}});
    struct Circuit { const char *cid; const char *provider; const char *type; const char *location; const char *status; };
    const Circuit circuits[] = {{"NTT-AMS-0001", "NTT", "Internet", "ams01", "Active"},
                                {"NTT-FRA-0002", "NTT", "Internet", "fra01", "Active"},
                                {"LUM-NYC-1001", "Lumen", "Internet", "nyc01", "Active"},
                                {"LUM-NYC-1002", "Lumen", "MPLS", "nyc01", "Planned"},
                                {"COG-AMS-7001", "Cogent", "Internet", "ams01", "Active"},
                                {"ZAY-FRA-3101", "Zayo", "Dark Fiber", "fra01", "Active"},
                                {"ZAY-AMS-3102", "Zayo", "Dark Fiber", "ams01", "Decommissioning"}};
    for (const Circuit &c : circuits) {
        s.add(kCircuit, QString::fromLatin1(c.cid),
              {{QStringLiteral("cid"), QString::fromLatin1(c.cid)},
               {QStringLiteral("provider"), NautobotStore::ref(kProvider, s.findByKey(kProvider, QString::fromLatin1(c.provider))->id)},
               {QStringLiteral("circuit_type"), NautobotStore::ref(kCircuitType, s.findByKey(kCircuitType, QString::fromLatin1(c.type))->id)},
               {QStringLiteral("status"), NautobotStore::ref(kStatus, statusId(s, c.status))},
               {QStringLiteral("_location"), NautobotStore::ref(kLocation, s.findByKey(kLocation, QString::fromLatin1(c.location))->id)},
               {QStringLiteral("commit_rate"), 10000}, {QStringLiteral("tenant"), QJsonValue::Null}});
    }

    const QString admin = s.add(kUser, QStringLiteral("admin"),
                                {{QStringLiteral("username"), QStringLiteral("admin")}, {QStringLiteral("is_superuser"), true},
                                 {QStringLiteral("is_staff"), true}, {QStringLiteral("is_active"), true}});
    const QString chatbot = s.add(kUser, config.fallbackChatOpsUser,
                                  {{QStringLiteral("username"), config.fallbackChatOpsUser}, {QStringLiteral("is_superuser"), false},
                                   {QStringLiteral("is_staff"), false}, {QStringLiteral("is_active"), true}});
    s.add(kPermission, QStringLiteral("chatops-read"),
          {{QStringLiteral("name"), QStringLiteral("chatops-read")}, {QStringLiteral("enabled"), true},
           {QStringLiteral("actions"), QJsonArray{QStringLiteral("view")}},
           {QStringLiteral("object_types"), contentTypes({"dcim.device", "dcim.location", "ipam.vlan", "circuits.circuit", "circuits.provider"})},
           {QStringLiteral("_user"), NautobotStore::ref(kUser, chatbot)}});

    s.add(kAccountLink, QStringLiteral("U0SIMUSR01"),
          {{QStringLiteral("nautobot_user"), NautobotStore::ref(kUser, admin)}, {QStringLiteral("platform"), QStringLiteral("slack")},
           {QStringLiteral("user_id"), QStringLiteral("U0SIMUSR01")}, {QStringLiteral("email"), QStringLiteral("alice.neteng@example.net")}});

    if (config.permissiveGrants)
        addPermissiveGrants(s);
    if (config.problemCommandLog)
        addProblemCommandLogRows(s);
}

void NautobotInventory::addPermissiveGrants(NautobotStore &s)
{
    for (const char *type : {"organization", "channel", "user"}) {
        const QString grantType = QString::fromLatin1(type);
        if (s.findByKey(kAccessGrant, QStringLiteral("any ") + grantType))
            continue;
        s.add(kAccessGrant, QStringLiteral("any-") + grantType,
              {{QStringLiteral("command"), QStringLiteral("*")}, {QStringLiteral("subcommand"), QStringLiteral("*")},
               {QStringLiteral("grant_type"), grantType}, {QStringLiteral("name"), QString(QStringLiteral("any ") + grantType)},
               {QStringLiteral("value"), QStringLiteral("*")}});
    }
}

void NautobotInventory::addProblemCommandLogRows(NautobotStore &s)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    struct Row { qint64 agoMs; const char *sub; const char *status; const char *details; const char *user; const char *userName; };
    const Row rows[] = {
        {3600000, "get-devices", "blocked", "Not permitted in channel C0SIMNET02 (network-changes)", "U0SIMUSR02", "bob.ops"},
        {1800000, "get-rack", "errored", "An internal error occurred: OperationalError: server closed the connection unexpectedly",
         "U0SIMUSR01", "alice.neteng"},
        {600000, "get-vlans", "blocked", "Not permitted by user U0SIMUSR03 (carol.sre)", "U0SIMUSR03", "carol.sre"},
    };
    for (const Row &r : rows) {
        s.add(kCommandLog, QString(),
              {{QStringLiteral("start_time"), isoTimestamp(now - r.agoMs)}, {QStringLiteral("runtime"), QStringLiteral("00:00:00.041200")},
               {QStringLiteral("user_name"), QString::fromLatin1(r.userName)}, {QStringLiteral("user_id"), QString::fromLatin1(r.user)},
               {QStringLiteral("platform"), QStringLiteral("Slack")}, {QStringLiteral("platform_color"), QStringLiteral("4A154B")},
               {QStringLiteral("command"), QStringLiteral("nautobot")}, {QStringLiteral("subcommand"), QString::fromLatin1(r.sub)},
               {QStringLiteral("params"), QJsonArray{}}, {QStringLiteral("status"), QString::fromLatin1(r.status)},
               {QStringLiteral("details"), QString::fromLatin1(r.details)}, {QStringLiteral("nautobot_user"), QJsonValue::Null}});
    }
}

} // namespace socketscope::sim
