#include "answers/NautobotAnswer.h"
#include "answers/NautobotCommandMapper.h"
#include "answers/ReplyComposer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace socketscope;

class TestNautobotCommandMapper : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_likeChatOps_data();
    void parse_likeChatOps();
    void map_toRestEquivalent_data();
    void map_toRestEquivalent();
    void fromEnvelope_eachType_data();
    void fromEnvelope_eachType();
    void tabulate_devices_columnsAsChatOpsShowsThem();
    void tabulate_derivedCounts();
    void formatter_bigTable_staysWithinBlockLimits();
    void formatter_emptyTable_saysNothingFound();
    void resultTable_fromJson_genericColumns();
};

void TestNautobotCommandMapper::parse_likeChatOps_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("subcommand");
    QTest::addColumn<QStringList>("params");
    QTest::newRow("spaces") << QStringLiteral("nautobot get-devices location ams01") << QStringLiteral("nautobot")
                            << QStringLiteral("get-devices") << QStringList{QStringLiteral("location"), QStringLiteral("ams01")};
    QTest::newRow("hyphenated") << QStringLiteral("nautobot-get-devices role leaf") << QStringLiteral("nautobot")
                                << QStringLiteral("get-devices") << QStringList{QStringLiteral("role"), QStringLiteral("leaf")};
    QTest::newRow("underscores") << QStringLiteral("nautobot get_device_facts x") << QStringLiteral("nautobot")
                                 << QStringLiteral("get-device-facts") << QStringList{QStringLiteral("x")};
    QTest::newRow("single quotes") << QStringLiteral("nautobot get-devices name 'core sw 1'") << QStringLiteral("nautobot")
                                   << QStringLiteral("get-devices") << QStringList{QStringLiteral("name"), QStringLiteral("core sw 1")};
    QTest::newRow("smart quotes") << QStringLiteral("nautobot get-devices name \u201Ccore sw\u201D") << QStringLiteral("nautobot")
                                  << QStringLiteral("get-devices") << QStringList{QStringLiteral("name"), QStringLiteral("core sw")};
    QTest::newRow("unmatched quote falls back") << QStringLiteral("nautobot get-vlans name it's") << QStringLiteral("nautobot")
                                                << QStringLiteral("get-vlans") << QStringList{QStringLiteral("name"), QStringLiteral("it's")};
    QTest::newRow("command only") << QStringLiteral("nautobot") << QStringLiteral("nautobot") << QString() << QStringList{};
    QTest::newRow("extra spaces") << QStringLiteral("  nautobot   get-circuit-providers  ") << QStringLiteral("nautobot")
                                  << QStringLiteral("get-circuit-providers") << QStringList{};
}

void TestNautobotCommandMapper::parse_likeChatOps()
{
    QFETCH(QString, line);
    QFETCH(QString, command);
    QFETCH(QString, subcommand);
    QFETCH(QStringList, params);
    auto parsed = NautobotCommandMapper::parse(line);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->command, command);
    QCOMPARE(parsed->subcommand, subcommand);
    QCOMPARE(parsed->params, params);
}

void TestNautobotCommandMapper::map_toRestEquivalent_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("requests"); // empty when an error is expected
    QTest::addColumn<QString>("error");
    const QString uuid = QStringLiteral("4f1c2b7e-6a3d-4e2f-9b8a-1c2d3e4f5a6b");
    QTest::newRow("devices location") << QStringLiteral("nautobot get-devices location ams01")
                                      << QStringLiteral("GET /api/dcim/devices/?location=ams01&depth=1") << QString();
    QTest::newRow("devices model") << QStringLiteral("nautobot get-devices model C9300-48P")
                                   << QStringLiteral("GET /api/dcim/devices/?device_type=C9300-48P&depth=1") << QString();
    QTest::newRow("devices name") << QStringLiteral("nautobot get-devices name 'core sw'")
                                  << QStringLiteral("GET /api/dcim/devices/?name=core sw&depth=1") << QString();
    QTest::newRow("devices manufacturer") << QStringLiteral("nautobot get-devices manufacturer Arista")
                                          << QStringLiteral("GET /api/dcim/devices/?manufacturer=Arista&depth=1") << QString();
    QTest::newRow("devices role") << QStringLiteral("nautobot get-devices role leaf")
                                  << QStringLiteral("GET /api/dcim/devices/?role=leaf&depth=1") << QString();
    QTest::newRow("devices no value") << QStringLiteral("nautobot get-devices location") << QString() << QStringLiteral("incomplete_command");
    QTest::newRow("devices bad filter") << QStringLiteral("nautobot get-devices color red") << QString() << QStringLiteral("unknown_filter");
    QTest::newRow("status uuid") << QStringLiteral("nautobot get-device-status ") + uuid
                                 << QStringLiteral("GET /api/dcim/devices/%1/?depth=1").arg(uuid) << QString();
    QTest::newRow("facts uuid") << QStringLiteral("nautobot get-device-facts ") + uuid
                                << QStringLiteral("GET /api/dcim/devices/%1/?depth=2").arg(uuid) << QString();
    QTest::newRow("facts by name") << QStringLiteral("nautobot get-device-facts ams01-edge-01")
                                   << QStringLiteral("GET /api/dcim/devices/?name=ams01-edge-01&depth=2") << QString();
    QTest::newRow("vlans id") << QStringLiteral("nautobot get-vlans id 100") << QStringLiteral("GET /api/ipam/vlans/?vid=100&depth=1") << QString();
    QTest::newRow("vlans location") << QStringLiteral("nautobot get-vlans location fra01")
                                    << QStringLiteral("GET /api/ipam/vlans/?locations=fra01&depth=1") << QString();
    QTest::newRow("vlans group") << QStringLiteral("nautobot get-vlans group g1") << QStringLiteral("GET /api/ipam/vlans/?vlan_group=g1&depth=1") << QString();
    QTest::newRow("vlans all") << QStringLiteral("nautobot get-vlans all") << QStringLiteral("GET /api/ipam/vlans/?depth=1") << QString();
    QTest::newRow("circuits provider") << QStringLiteral("nautobot get-circuits provider Zayo")
                                       << QStringLiteral("GET /api/circuits/circuits/?provider=Zayo&depth=1") << QString();
    QTest::newRow("circuits type") << QStringLiteral("nautobot get-circuits type Transit")
                                   << QStringLiteral("GET /api/circuits/circuits/?circuit_type=Transit&depth=1") << QString();
    QTest::newRow("providers") << QStringLiteral("nautobot get-circuit-providers")
                               << QStringLiteral("GET /api/circuits/providers/\nGET /api/circuits/circuits/") << QString();
    QTest::newRow("manufacturer summary") << QStringLiteral("nautobot get-manufacturer-summary")
                                          << QStringLiteral("GET /api/dcim/manufacturers/\nGET /api/dcim/devices/?depth=1") << QString();
    QTest::newRow("change status") << QStringLiteral("nautobot change-device-status x y") << QString() << QStringLiteral("changes_data");
    QTest::newRow("rack") << QStringLiteral("nautobot get-rack a b") << QString() << QStringLiteral("no_rest_equivalent");
    QTest::newRow("help") << QStringLiteral("nautobot help") << QString() << QStringLiteral("no_rest_equivalent");
    QTest::newRow("unknown") << QStringLiteral("nautobot frobnicate") << QString() << QStringLiteral("no_rest_equivalent");
    QTest::newRow("clear") << QStringLiteral("clear") << QString() << QStringLiteral("no_rest_equivalent");
}

void TestNautobotCommandMapper::map_toRestEquivalent()
{
    QFETCH(QString, line);
    QFETCH(QString, requests);
    QFETCH(QString, error);
    auto parsed = NautobotCommandMapper::parse(line);
    QVERIFY(parsed.ok());
    auto mapping = NautobotCommandMapper::map(parsed.value());
    if (!error.isEmpty()) {
        QVERIFY(!mapping.ok());
        QCOMPARE(mapping.error().code, error);
        QVERIFY(!mapping.error().message.isEmpty());
        QVERIFY(!mapping.error().fix.isEmpty());
        return;
    }
    QVERIFY2(mapping.ok(), mapping.ok() ? "" : qPrintable(mapping.error().toString()));
    QCOMPARE(mapping->requestsText(), requests);
    QVERIFY(!mapping->columns.isEmpty());
}

void TestNautobotCommandMapper::fromEnvelope_eachType_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("expected");
    QTest::newRow("slash") << QByteArray(R"({"envelope_id":"e1","type":"slash_commands","payload":{"command":"/nautobot","text":"get-devices location ams01"}})")
                           << QStringLiteral("nautobot get-devices location ams01");
    QTest::newRow("prefixed slash") << QByteArray(R"({"envelope_id":"e1","type":"slash_commands","payload":{"command":"/network2-nautobot","text":"get-vlans all"}})")
                                    << QStringLiteral("nautobot get-vlans all");
    QTest::newRow("menu choice") << QByteArray(R"({"envelope_id":"e2","type":"interactive","payload":{"type":"block_actions","actions":[{"action_id":"nautobot get-devices location","selected_option":{"value":"ams01"},"type":"static_select"}]}})")
                                 << QStringLiteral("nautobot get-devices location ams01");
    QTest::newRow("modal") << QByteArray(R"({"envelope_id":"e3","type":"interactive","payload":{"type":"view_submission","view":{"callback_id":"nautobot get-device-facts","state":{"values":{"b":{"a":{"type":"plain_text_input","value":"ams01-edge-01"}}}}}}})")
                           << QStringLiteral("nautobot get-device-facts ams01-edge-01");
    QTest::newRow("mention") << QByteArray(R"({"envelope_id":"e4","type":"events_api","payload":{"type":"event_callback","event":{"type":"app_mention","text":"<@U0SIMBOT01> nautobot get-circuit-providers"}}})")
                             << QStringLiteral("nautobot get-circuit-providers");
}

void TestNautobotCommandMapper::fromEnvelope_eachType()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, expected);
    const Envelope e = parseFrame(frame, 1).envelope;
    const QString prefix = e.raw.contains("network2-") ? QStringLiteral("/network2-") : QStringLiteral("/");
    auto command = NautobotCommandMapper::fromEnvelope(e, prefix);
    QVERIFY2(command.ok(), command.ok() ? "" : qPrintable(command.error().toString()));
    QCOMPARE(command->toString(), expected);
}

void TestNautobotCommandMapper::tabulate_devices_columnsAsChatOpsShowsThem()
{
    auto mapping = NautobotCommandMapper::map(NautobotCommandMapper::parse(QStringLiteral("nautobot get-devices location ams01")).value());
    QVERIFY(mapping.ok());
    const QJsonObject device = QJsonDocument::fromJson(R"({"name":"ams01-edge-01","status":{"display":"Active"},"tenant":null,
        "location":{"display":"ams01"},"rack":null,"role":{"name":"edge"},"device_type":{"display":"DCS-7280CR3-32P4"},
        "primary_ip4":{"display":"192.0.2.1/24"}})").object();
    auto table = NautobotCommandMapper::tabulate(mapping.value(), {{device}});
    QVERIFY(table.ok());
    QCOMPARE(table->columns, (QStringList{QStringLiteral("Name"), QStringLiteral("Status"), QStringLiteral("Tenant"), QStringLiteral("Location"),
                                          QStringLiteral("Rack"), QStringLiteral("Role"), QStringLiteral("Type"), QStringLiteral("IP Address")}));
    QCOMPARE(table->rows.first(), (QStringList{QStringLiteral("ams01-edge-01"), QStringLiteral("Active"), QString(), QStringLiteral("ams01"),
                                               QString(), QStringLiteral("edge"), QStringLiteral("DCS-7280CR3-32P4"), QStringLiteral("192.0.2.1")}));
    QVERIFY(table->toText().startsWith(QLatin1String("Name")));
}

void TestNautobotCommandMapper::tabulate_derivedCounts()
{
    auto providers = NautobotCommandMapper::map(NautobotCommandMapper::parse(QStringLiteral("nautobot get-circuit-providers")).value());
    QVERIFY(providers.ok());
    const QJsonObject zayo{{QStringLiteral("id"), QStringLiteral("p1")}, {QStringLiteral("name"), QStringLiteral("Zayo")},
                           {QStringLiteral("asn"), 6461}, {QStringLiteral("account"), QStringLiteral("A-1")}};
    const QJsonObject lumen{{QStringLiteral("id"), QStringLiteral("p2")}, {QStringLiteral("name"), QStringLiteral("Lumen")},
                            {QStringLiteral("asn"), 3356}, {QStringLiteral("account"), QStringLiteral("B-2")}};
    auto circuit = [](const char *provider) {
        return QJsonObject{{QStringLiteral("provider"), QJsonObject{{QStringLiteral("id"), QString::fromLatin1(provider)}}}};
    };
    auto table = NautobotCommandMapper::tabulate(providers.value(), {{zayo, lumen}, {circuit("p1"), circuit("p1"), circuit("p2")}});
    QVERIFY(table.ok());
    QCOMPARE(table->rows.at(0), (QStringList{QStringLiteral("Zayo"), QStringLiteral("6461"), QStringLiteral("A-1"), QStringLiteral("2")}));
    QCOMPARE(table->rows.at(1), (QStringList{QStringLiteral("Lumen"), QStringLiteral("3356"), QStringLiteral("B-2"), QStringLiteral("1")}));
    auto mismatch = NautobotCommandMapper::tabulate(providers.value(), {{zayo}});
    QVERIFY(!mismatch.ok());
}

void TestNautobotCommandMapper::formatter_bigTable_staysWithinBlockLimits()
{
    ResultTable table;
    table.title = QStringLiteral("list of devices");
    table.columns = QStringList{QStringLiteral("Name"), QStringLiteral("Status")};
    for (int i = 0; i < 5000; ++i)
        table.rows.append({QStringLiteral("device-%1-with-a-rather-long-name").arg(i, 5, 10, QLatin1Char('0')), QStringLiteral("Active")});
    const ChatOpsCommand command = NautobotCommandMapper::parse(QStringLiteral("nautobot get-devices role leaf")).value();
    const QJsonObject message = AnswerFormatter::toMessage(table, command, QStringLiteral("U0SIMUSR01"));
    auto valid = ReplyComposer::validate(message);
    QVERIFY2(valid.ok(), valid.ok() ? "" : qPrintable(valid.error().toString()));
    const QJsonArray blocks = message.value(QLatin1String("blocks")).toArray();
    QCOMPARE(blocks.size(), ReplyComposer::kMaxBlocks);
    QVERIFY(blocks.first().toObject().value(QLatin1String("text")).toObject().value(QLatin1String("text")).toString()
                .startsWith(QLatin1String("Hey <@U0SIMUSR01>, here is that list of devices you requested\nShortcut: `/nautobot get-devices role leaf`")));
    QCOMPARE(blocks.last().toObject().value(QLatin1String("type")).toString(), QStringLiteral("context"));
    QVERIFY(blocks.at(1).toObject().value(QLatin1String("text")).toObject().value(QLatin1String("text")).toString().startsWith(QLatin1String("```\nName")));

    const QJsonObject plain = AnswerFormatter::toMessage(table, command, {}, {}, AnswerFormatter::Style::PlainText);
    QVERIFY(ReplyComposer::validate(plain).ok());
    QVERIFY(!plain.contains(QLatin1String("blocks")));
}

void TestNautobotCommandMapper::formatter_emptyTable_saysNothingFound()
{
    ResultTable table;
    table.title = QStringLiteral("list of devices");
    const ChatOpsCommand command = NautobotCommandMapper::parse(QStringLiteral("nautobot get-devices location mars")).value();
    ReplyOptions options;
    options.visibility = ReplyVisibility::InChannel;
    const QJsonObject message = AnswerFormatter::toMessage(table, command, QStringLiteral("U1"), options);
    QVERIFY(ReplyComposer::validate(message).ok());
    QCOMPARE(message.value(QLatin1String("text")).toString(), QStringLiteral("No list of devices found matching `nautobot get-devices location mars`."));
    QCOMPARE(message.value(QLatin1String("response_type")).toString(), QStringLiteral("in_channel"));
}

void TestNautobotCommandMapper::resultTable_fromJson_genericColumns()
{
    const QJsonObject list = QJsonDocument::fromJson(R"({"count":3,"next":null,"results":[
        {"id":"a","display":"ams01","url":"http://x/a/","name":"ams01","status":{"id":"s1","display":"Active"},
         "parent":{"id":"p1","object_type":"dcim.location","url":"http://x/p1/"},"tags":[],"custom_fields":{},"facility":null},
        {"id":"b","display":"fra01","url":"http://x/b/","name":"fra01","status":{"id":"s1","display":"Active"},"parent":null,"tags":[],
         "custom_fields":{},"facility":"FR1"}]})").object();
    const ResultTable table = ResultTable::fromJson(list);
    QCOMPARE(table.columns, (QStringList{QStringLiteral("display"), QStringLiteral("facility"), QStringLiteral("id"), QStringLiteral("name"),
                                         QStringLiteral("parent"), QStringLiteral("status")}));
    QCOMPARE(table.rows.at(0), (QStringList{QStringLiteral("ams01"), QString(), QStringLiteral("a"), QStringLiteral("ams01"),
                                            QStringLiteral("p1"), QStringLiteral("Active")}));
    QCOMPARE(table.rows.at(1).at(1), QStringLiteral("FR1"));
    QCOMPARE(table.totalCount, 3);
    QVERIFY(table.truncated);
    const ResultTable detail = ResultTable::fromJson(list.value(QLatin1String("results")).toArray().at(1).toObject());
    QCOMPARE(detail.rows.size(), 1);
    QCOMPARE(detail.rows.first().first(), QStringLiteral("fra01"));
}

QTEST_GUILESS_MAIN(TestNautobotCommandMapper)
#include "tst_nautobot_command_mapper.moc"
