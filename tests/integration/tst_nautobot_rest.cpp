#include "support/NautobotHarness.h"

#include "nautobot/NautobotClient.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace socketscope;
using socketscope::sim::NautobotSimConfig;

namespace {

std::optional<Result<NautobotReply>> get(NautobotClient &client, const QString &path, const QUrlQuery &query = {},
                                         int timeoutMs = 10000)
{
    return awaitResult<NautobotReply>(
        [&](auto done) { client.get(path, query, &client, done); }, timeoutMs);
}

std::optional<Result<NautobotList>> getAll(NautobotClient &client, const QString &path, const QUrlQuery &query = {})
{
    return awaitResult<NautobotList>([&](auto done) { client.getAll(path, query, &client, done); });
}

QUrlQuery query(std::initializer_list<QPair<QString, QString>> items)
{
    QUrlQuery q;
    for (const auto &item : items)
        q.addQueryItem(item.first, item.second);
    return q;
}

} // namespace

class TestNautobotRest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void status_validToken_reportsVersionsChatOpsAndWorkers();
    void auth_noToken_403NotProvided_withApiVersionHeader();
    void auth_badToken_invalidTokenErrorNamesFix();
    void auth_expiredSwitch_tokenExpiredError();
    void version_badAcceptHeader_406ListsSupportedVersions();
    void version_goodAcceptHeader_echoedInApiVersion();
    void pagination_moreThan50Devices_followsNextToEveryRow();
    void pagination_limitAboveCapClampedAndPageBound();
    void filter_unknownField_400UnknownFilter();
    void filter_locationByNameOrUuid_sameDevices();
    void depth_zeroReferences_oneNestedObjects();
    void detail_unknownUuid_404NotFound();
    void trailingSlash_missing_302RedirectError();
    void patch_readOnlyToken_permissionDenied_writeTokenChangesStatus();
    void htmlSwitch_loginPage_notJsonErrorSaysLoginPage();
    void chatOpsMissingSwitch_pluginPaths404_statusWithoutApp();
    void chatOpsVersionAndWorkersSwitches_visibleInStatus();
    void problemLogSwitch_blockedAndErroredRowsNewestFirst();
    void grantsSwitch_offLeavesNoGrants_onRestoresPermissiveSet();
    void slowSwitch_chatOpsAnswersLate_clientTimesOut();
    void health_unauthenticated_ok();
};

void TestNautobotRest::status_validToken_reportsVersionsChatOpsAndWorkers()
{
    NautobotHarness h;
    QVERIFY(h.start());
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    auto reply = get(client, QStringLiteral("api/status/"));
    QVERIFY(reply);
    QVERIFY2(reply->ok(), reply->ok() ? "" : qPrintable(reply->error().toString()));
    const QJsonObject status = reply->value().json;
    QCOMPARE(status.value(QLatin1String("nautobot-version")).toString(), QStringLiteral("3.1.6"));
    QCOMPARE(status.value(QLatin1String("plugins")).toObject().value(QLatin1String("nautobot_chatops")).toString(), QStringLiteral("4.1.0"));
    QCOMPARE(status.value(QLatin1String("nautobot-apps")).toObject().value(QLatin1String("nautobot_chatops")).toString(), QStringLiteral("4.1.0"));
    QCOMPARE(status.value(QLatin1String("celery-workers-running")).toInt(), 1);
    QVERIFY(status.contains(QLatin1String("python-version")));
    QVERIFY(status.contains(QLatin1String("django-version")));
    QCOMPARE(reply->value().apiVersion, QByteArray("3.1"));
}

void TestNautobotRest::auth_noToken_403NotProvided_withApiVersionHeader()
{
    NautobotHarness h;
    QVERIFY(h.start());
    const RawAnswer answer = rawRequest("GET", h.url(QStringLiteral("api/")));
    QCOMPARE(answer.status, 403);
    QCOMPARE(answer.headers.value("api-version"), QByteArray("3.1"));
    QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(QLatin1String("detail")).toString(),
             QStringLiteral("Authentication credentials were not provided."));

    NautobotClient client(h.nautobot.baseUrl());
    auto reply = get(client, QStringLiteral("api/status/"));
    QVERIFY(reply && !reply->ok());
    QCOMPARE(reply->error().code, QStringLiteral("nautobot_token_missing"));
}

void TestNautobotRest::auth_badToken_invalidTokenErrorNamesFix()
{
    NautobotHarness h;
    QVERIFY(h.start());
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(QStringLiteral("0123456789abcdef0123456789abcdef01234567"));
    auto reply = get(client, QStringLiteral("api/dcim/devices/"));
    QVERIFY(reply && !reply->ok());
    QCOMPARE(reply->error().code, QStringLiteral("nautobot_token_invalid"));
    QVERIFY(reply->error().message.contains(QLatin1String("Invalid token")));
    QVERIFY(reply->error().fix.contains(QLatin1String("API Tokens")));
    // The refused token never appears in what the operator is shown.
    QVERIFY(!reply->error().toString().contains(QLatin1String("0123456789abcdef")));
}

void TestNautobotRest::auth_expiredSwitch_tokenExpiredError()
{
    NautobotHarness h;
    QVERIFY(h.start());
    h.nautobot.setTokenExpired(true);
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    auto reply = get(client, QStringLiteral("api/status/"));
    QVERIFY(reply && !reply->ok());
    QCOMPARE(reply->error().code, QStringLiteral("nautobot_token_expired"));
    h.nautobot.setTokenExpired(false);
    reply = get(client, QStringLiteral("api/status/"));
    QVERIFY(reply && reply->ok());
}

void TestNautobotRest::version_badAcceptHeader_406ListsSupportedVersions()
{
    NautobotHarness h;
    QVERIFY(h.start());
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    client.setApiVersion(QStringLiteral("1.3"));
    auto reply = get(client, QStringLiteral("api/status/"));
    QVERIFY(reply && !reply->ok());
    QCOMPARE(reply->error().code, QStringLiteral("nautobot_version_unsupported"));
    QVERIFY2(reply->error().message.contains(QLatin1String("2.0, 2.1, 2.2, 2.3, 2.4, 3.0, 3.1")),
             qPrintable(reply->error().message));

    // Header and query disagree → 400 "Version mismatch…"
    const RawAnswer mismatch = rawRequest("GET", h.url(QStringLiteral("api/status/?api_version=3.0")),
                                          {{"Accept", "application/json; version=3.1"},
                                           {"Authorization", "Token " + h.nautobot.config().token.toUtf8()}});
    QCOMPARE(mismatch.status, 400);
    QVERIFY(mismatch.body.contains("Version mismatch"));
}

void TestNautobotRest::version_goodAcceptHeader_echoedInApiVersion()
{
    NautobotHarness h;
    QVERIFY(h.start());
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    client.setApiVersion(QStringLiteral("2.4"));
    auto reply = get(client, QStringLiteral("api/dcim/locations/"));
    QVERIFY(reply && reply->ok());
    QCOMPARE(reply->value().apiVersion, QByteArray("2.4"));
}

void TestNautobotRest::pagination_moreThan50Devices_followsNextToEveryRow()
{
    NautobotSimConfig config;
    config.devicesPerLocation = 20; // 60 devices: more than one default page of 50
    NautobotHarness h(config);
    QVERIFY(h.start());
    QCOMPARE(h.nautobot.deviceCount(), 60);
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().readOnlyToken);

    auto first = get(client, QStringLiteral("api/dcim/devices/"));
    QVERIFY(first && first->ok());
    QCOMPARE(first->value().json.value(QLatin1String("count")).toInt(), 60);
    QCOMPARE(first->value().json.value(QLatin1String("results")).toArray().size(), 50);
    QVERIFY(first->value().json.value(QLatin1String("next")).toString().contains(QLatin1String("offset=50")));
    QVERIFY(first->value().json.value(QLatin1String("previous")).isNull());

    auto all = getAll(client, QStringLiteral("api/dcim/devices/"));
    QVERIFY(all);
    QVERIFY2(all->ok(), all->ok() ? "" : qPrintable(all->error().toString()));
    QCOMPARE(all->value().pages, 2);
    QCOMPARE(all->value().results.size(), 60);
    QVERIFY(!all->value().truncated);
    QSet<QString> ids;
    for (const QJsonObject &row : all->value().results)
        ids.insert(row.value(QLatin1String("id")).toString());
    QCOMPARE(ids.size(), 60);

    auto small = getAll(client, QStringLiteral("api/dcim/devices/"), query({{QStringLiteral("limit"), QStringLiteral("7")}}));
    QVERIFY(small && small->ok());
    QCOMPARE(small->value().pages, 9);
    QCOMPARE(small->value().results.size(), 60);

    client.setMaxPages(3); // bounded: stops and says so
    auto bounded = getAll(client, QStringLiteral("api/dcim/devices/"), query({{QStringLiteral("limit"), QStringLiteral("7")}}));
    QVERIFY(bounded && bounded->ok());
    QCOMPARE(bounded->value().pages, 3);
    QCOMPARE(bounded->value().results.size(), 21);
    QVERIFY(bounded->value().truncated);
}

void TestNautobotRest::pagination_limitAboveCapClampedAndPageBound()
{
    NautobotSimConfig config;
    config.maxPageSize = 25;
    NautobotHarness h(config);
    QVERIFY(h.start());
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    auto reply = get(client, QStringLiteral("api/dcim/devices/"), query({{QStringLiteral("limit"), QStringLiteral("5000")}}));
    QVERIFY(reply && reply->ok());
    QCOMPARE(reply->value().json.value(QLatin1String("results")).toArray().size(), 25);
    auto zero = get(client, QStringLiteral("api/dcim/devices/"), query({{QStringLiteral("limit"), QStringLiteral("0")}}));
    QVERIFY(zero && zero->ok());
    QCOMPARE(zero->value().json.value(QLatin1String("results")).toArray().size(), 25);
}

void TestNautobotRest::filter_unknownField_400UnknownFilter()
{
    NautobotHarness h;
    QVERIFY(h.start());
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    auto reply = get(client, QStringLiteral("api/dcim/devices/"), query({{QStringLiteral("site"), QStringLiteral("ams01")}}));
    QVERIFY(reply && !reply->ok());
    QCOMPARE(reply->error().code, QStringLiteral("nautobot_unknown_filter"));
    QVERIFY(reply->error().message.contains(QLatin1String("site")));

    const RawAnswer raw = rawRequest("GET", h.url(QStringLiteral("api/dcim/devices/?site=ams01&brief=1")),
                                     {{"Authorization", "Token " + h.nautobot.config().token.toUtf8()}});
    QCOMPARE(raw.status, 400);
    const QJsonObject body = QJsonDocument::fromJson(raw.body).object();
    QCOMPARE(body.value(QLatin1String("site")).toArray().first().toString(), QStringLiteral("Unknown filter field"));
    QCOMPARE(body.value(QLatin1String("brief")).toArray().first().toString(), QStringLiteral("Unknown filter field"));
}

void TestNautobotRest::filter_locationByNameOrUuid_sameDevices()
{
    NautobotHarness h;
    QVERIFY(h.start());
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    auto locations = getAll(client, QStringLiteral("api/dcim/locations/"), query({{QStringLiteral("name"), QStringLiteral("ams01")}}));
    QVERIFY(locations && locations->ok());
    QCOMPARE(locations->value().results.size(), 1);
    const QString amsId = locations->value().results.first().value(QLatin1String("id")).toString();

    auto byName = getAll(client, QStringLiteral("api/dcim/devices/"), query({{QStringLiteral("location"), QStringLiteral("ams01")}}));
    auto byId = getAll(client, QStringLiteral("api/dcim/devices/"), query({{QStringLiteral("location"), amsId}}));
    QVERIFY(byName && byName->ok() && byId && byId->ok());
    QCOMPARE(byName->value().results.size(), 10);
    QCOMPARE(byName->value().results, byId->value().results);
    for (const QJsonObject &d : byName->value().results)
        QCOMPARE(d.value(QLatin1String("location")).toObject().value(QLatin1String("id")).toString(), amsId);

    auto leafs = getAll(client, QStringLiteral("api/dcim/devices/"),
                        query({{QStringLiteral("location"), QStringLiteral("ams01")}, {QStringLiteral("role"), QStringLiteral("leaf")}}));
    QVERIFY(leafs && leafs->ok());
    QCOMPARE(leafs->value().results.size(), 4);
    auto arista = getAll(client, QStringLiteral("api/dcim/devices/"), query({{QStringLiteral("manufacturer"), QStringLiteral("Arista")}}));
    QVERIFY(arista && arista->ok());
    QCOMPARE(arista->value().results.size(), 18); // edge 2 + leaf 4 per location
    auto vlan = getAll(client, QStringLiteral("api/ipam/vlans/"), query({{QStringLiteral("vid"), QStringLiteral("100")}}));
    QVERIFY(vlan && vlan->ok());
    QCOMPARE(vlan->value().results.size(), 3);
    auto ntt = getAll(client, QStringLiteral("api/circuits/circuits/"), query({{QStringLiteral("provider"), QStringLiteral("NTT")}}));
    QVERIFY(ntt && ntt->ok());
    QCOMPARE(ntt->value().results.size(), 2);
}

void TestNautobotRest::depth_zeroReferences_oneNestedObjects()
{
    NautobotHarness h;
    QVERIFY(h.start());
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    auto flat = get(client, QStringLiteral("api/dcim/devices/"), query({{QStringLiteral("name"), QStringLiteral("ams01-edge-01")}}));
    QVERIFY(flat && flat->ok());
    const QJsonObject device = flat->value().json.value(QLatin1String("results")).toArray().first().toObject();
    const QJsonObject location = device.value(QLatin1String("location")).toObject();
    const QStringList keys = location.keys();
    QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
             (QSet<QString>{QStringLiteral("id"), QStringLiteral("object_type"), QStringLiteral("url")}));
    QCOMPARE(location.value(QLatin1String("object_type")).toString(), QStringLiteral("dcim.location"));
    QVERIFY(location.value(QLatin1String("url")).toString().endsWith(location.value(QLatin1String("id")).toString() + QLatin1Char('/')));

    auto nested = get(client, QStringLiteral("api/dcim/devices/%1/").arg(device.value(QLatin1String("id")).toString()),
                      query({{QStringLiteral("depth"), QStringLiteral("1")}}));
    QVERIFY(nested && nested->ok());
    const QJsonObject deep = nested->value().json;
    QCOMPARE(deep.value(QLatin1String("location")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("ams01"));
    QCOMPARE(deep.value(QLatin1String("status")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("Active"));
    // One level only: the location's own relations are references again.
    QVERIFY(!deep.value(QLatin1String("location")).toObject().value(QLatin1String("status")).toObject().contains(QLatin1String("name")));
}

void TestNautobotRest::detail_unknownUuid_404NotFound()
{
    NautobotHarness h;
    QVERIFY(h.start());
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    auto reply = get(client, QStringLiteral("api/dcim/devices/00000000-0000-4000-8000-000000000000/"));
    QVERIFY(reply && !reply->ok());
    QCOMPARE(reply->error().code, QStringLiteral("nautobot_not_found"));
    QVERIFY(reply->error().message.contains(QLatin1String("Not found.")));
}

void TestNautobotRest::trailingSlash_missing_302RedirectError()
{
    NautobotHarness h;
    QVERIFY(h.start());
    const RawAnswer raw = rawRequest("GET", h.url(QStringLiteral("api/dcim/devices?limit=1")));
    QCOMPARE(raw.status, 302);
    QCOMPARE(raw.headers.value("location"), QByteArray("/api/dcim/devices/?limit=1"));

    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    auto reply = get(client, QStringLiteral("api/dcim/devices"));
    QVERIFY(reply && !reply->ok());
    QCOMPARE(reply->error().code, QStringLiteral("nautobot_redirect"));
    QVERIFY(reply->error().fix.contains(QLatin1String("trailing slash")));
}

void TestNautobotRest::patch_readOnlyToken_permissionDenied_writeTokenChangesStatus()
{
    NautobotHarness h;
    QVERIFY(h.start());
    NautobotClient reader(h.nautobot.baseUrl());
    reader.setToken(h.nautobot.config().readOnlyToken);
    auto devices = get(reader, QStringLiteral("api/dcim/devices/"), query({{QStringLiteral("name"), QStringLiteral("fra01-spine-01")}}));
    QVERIFY(devices && devices->ok());
    const QString id = devices->value().json.value(QLatin1String("results")).toArray().first().toObject().value(QLatin1String("id")).toString();
    auto planned = get(reader, QStringLiteral("api/extras/statuses/"), query({{QStringLiteral("name"), QStringLiteral("Planned")}}));
    QVERIFY(planned && planned->ok());
    const QString plannedId = planned->value().json.value(QLatin1String("results")).toArray().first().toObject().value(QLatin1String("id")).toString();
    const QString path = QStringLiteral("api/dcim/devices/%1/").arg(id);

    auto refused = awaitResult<NautobotReply>([&](auto done) {
        reader.patch(path, QJsonObject{{QStringLiteral("status"), plannedId}}, &reader, done);
    });
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, QStringLiteral("nautobot_permission_denied"));

    NautobotClient writer(h.nautobot.baseUrl());
    writer.setToken(h.nautobot.config().token);
    auto changed = awaitResult<NautobotReply>([&](auto done) {
        writer.patch(path, QJsonObject{{QStringLiteral("status"), plannedId}}, &writer, done);
    });
    QVERIFY(changed);
    QVERIFY2(changed->ok(), changed->ok() ? "" : qPrintable(changed->error().toString()));
    QCOMPARE(changed->value().json.value(QLatin1String("status")).toObject().value(QLatin1String("id")).toString(), plannedId);
    auto reread = get(reader, path, query({{QStringLiteral("depth"), QStringLiteral("1")}}));
    QVERIFY(reread && reread->ok());
    QCOMPARE(reread->value().json.value(QLatin1String("status")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("Planned"));

    auto bad = awaitResult<NautobotReply>([&](auto done) {
        writer.patch(path, QJsonObject{{QStringLiteral("status"), QStringLiteral("NoSuchStatus")}}, &writer, done);
    });
    QVERIFY(bad && !bad->ok());
    QCOMPARE(bad->error().code, QStringLiteral("nautobot_bad_request"));
}

void TestNautobotRest::htmlSwitch_loginPage_notJsonErrorSaysLoginPage()
{
    NautobotHarness h;
    QVERIFY(h.start());
    h.nautobot.setRestApiHtml(true);
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    auto reply = get(client, QStringLiteral("api/status/"));
    QVERIFY(reply && !reply->ok());
    QCOMPARE(reply->error().code, QStringLiteral("not_json"));
    QVERIFY2(reply->error().message.contains(QLatin1String("HTML")), qPrintable(reply->error().message));
    QVERIFY(reply->error().fix.contains(QLatin1String("login page")));
}

void TestNautobotRest::chatOpsMissingSwitch_pluginPaths404_statusWithoutApp()
{
    NautobotHarness h;
    QVERIFY(h.start());
    h.nautobot.setChatOpsInstalled(false);
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    auto log = get(client, QStringLiteral("api/plugins/chatops/commandlog/"));
    QVERIFY(log && !log->ok());
    QCOMPARE(log->error().code, QStringLiteral("nautobot_not_found"));
    QVERIFY(log->error().fix.contains(QLatin1String("ChatOps app")));
    auto status = get(client, QStringLiteral("api/status/"));
    QVERIFY(status && status->ok());
    QVERIFY(!status->value().json.value(QLatin1String("plugins")).toObject().contains(QLatin1String("nautobot_chatops")));
    QVERIFY(!status->value().json.value(QLatin1String("nautobot-apps")).toObject().contains(QLatin1String("nautobot_chatops")));
    const RawAnswer slash = rawRequest("POST", h.url(QStringLiteral("api/plugins/chatops/slack/slash_command/")));
    QCOMPARE(slash.status, 404);
}

void TestNautobotRest::chatOpsVersionAndWorkersSwitches_visibleInStatus()
{
    NautobotHarness h;
    QVERIFY(h.start());
    h.nautobot.setChatOpsVersion(QStringLiteral("3.1.2"));
    h.nautobot.setCeleryWorkers(0);
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    auto status = get(client, QStringLiteral("api/status/"));
    QVERIFY(status && status->ok());
    QCOMPARE(status->value().json.value(QLatin1String("plugins")).toObject().value(QLatin1String("nautobot_chatops")).toString(),
             QStringLiteral("3.1.2"));
    QCOMPARE(status->value().json.value(QLatin1String("celery-workers-running")).toInt(), 0);
}

void TestNautobotRest::problemLogSwitch_blockedAndErroredRowsNewestFirst()
{
    NautobotHarness h;
    QVERIFY(h.start());
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    const QUrlQuery blockedQuery = query({{QStringLiteral("status"), QStringLiteral("blocked")}, {QStringLiteral("sort"), QStringLiteral("-start_time")}});
    auto none = getAll(client, QStringLiteral("api/plugins/chatops/commandlog/"), blockedQuery);
    QVERIFY(none && none->ok());
    QCOMPARE(none->value().results.size(), 0);

    h.nautobot.setProblemCommandLog(true);
    auto blocked = getAll(client, QStringLiteral("api/plugins/chatops/commandlog/"), blockedQuery);
    QVERIFY(blocked && blocked->ok());
    QCOMPARE(blocked->value().results.size(), 2);
    const QString newest = blocked->value().results.at(0).value(QLatin1String("start_time")).toString();
    const QString older = blocked->value().results.at(1).value(QLatin1String("start_time")).toString();
    QVERIFY(newest > older);
    QVERIFY(blocked->value().results.at(0).value(QLatin1String("details")).toString().startsWith(QLatin1String("Not permitted")));
    QCOMPARE(blocked->value().results.at(0).value(QLatin1String("platform")).toString(), QStringLiteral("Slack"));
    auto errored = getAll(client, QStringLiteral("api/plugins/chatops/commandlog/"),
                          query({{QStringLiteral("status"), QStringLiteral("errored")}}));
    QVERIFY(errored && errored->ok());
    QCOMPARE(errored->value().results.size(), 1);
}

void TestNautobotRest::grantsSwitch_offLeavesNoGrants_onRestoresPermissiveSet()
{
    NautobotHarness h;
    QVERIFY(h.start());
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    auto grants = getAll(client, QStringLiteral("api/plugins/chatops/accessgrant/"));
    QVERIFY(grants && grants->ok());
    QCOMPARE(grants->value().results.size(), 3);
    for (const QJsonObject &g : grants->value().results)
        QCOMPARE(g.value(QLatin1String("value")).toString(), QStringLiteral("*"));
    h.nautobot.setPermissiveGrants(false);
    grants = getAll(client, QStringLiteral("api/plugins/chatops/accessgrant/"));
    QVERIFY(grants && grants->ok());
    QCOMPARE(grants->value().results.size(), 0);
    h.nautobot.setPermissiveGrants(true);
    grants = getAll(client, QStringLiteral("api/plugins/chatops/accessgrant/"),
                    query({{QStringLiteral("grant_type"), QStringLiteral("channel")}}));
    QVERIFY(grants && grants->ok());
    QCOMPARE(grants->value().results.size(), 1);
}

void TestNautobotRest::slowSwitch_chatOpsAnswersLate_clientTimesOut()
{
    NautobotHarness h;
    QVERIFY(h.start());
    // Wide margins: the assertions are about which side of the delay the answer lands, not scheduling.
    h.nautobot.setChatOpsDelayMs(4000);
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    client.setTimeoutMs(300);
    QElapsedTimer timer;
    timer.start();
    auto late = get(client, QStringLiteral("api/plugins/chatops/commandlog/"));
    QVERIFY(late && !late->ok());
    QCOMPARE(late->error().code, QStringLiteral("timeout"));
    QVERIFY(timer.elapsed() < 3500);
    // Only the ChatOps app is slow.
    auto core = get(client, QStringLiteral("api/status/"));
    QVERIFY(core && core->ok());

    client.setTimeoutMs(10000);
    timer.restart();
    auto patient = get(client, QStringLiteral("api/plugins/chatops/commandlog/"));
    QVERIFY(patient && patient->ok());
    QVERIFY(timer.elapsed() >= 3900);
}

void TestNautobotRest::health_unauthenticated_ok()
{
    NautobotHarness h;
    QVERIFY(h.start());
    const RawAnswer health = rawRequest("GET", h.url(QStringLiteral("health/")), {{"Accept", "application/json"}});
    QCOMPARE(health.status, 200);
    QCOMPARE(QJsonDocument::fromJson(health.body).object().value(QLatin1String("DatabaseBackend")).toString(), QStringLiteral("working"));
    // The Slack side still answers on the same port.
    const RawAnswer slack = rawRequest("POST", h.slack.apiUrl().resolved(QUrl(QStringLiteral("auth.test"))));
    QCOMPARE(slack.status, 200);
    QVERIFY(slack.body.contains("not_authed"));
}

QTEST_GUILESS_MAIN(TestNautobotRest)
#include "tst_nautobot_rest.moc"
