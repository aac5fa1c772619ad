#include "support/CaptureHarness.h"
#include "support/NautobotHarness.h"

#include "answers/NautobotAnswer.h"
#include "answers/ResponseUrlSender.h"
#include "answers/RestConsole.h"
#include "nautobot/ChatOpsDelivery.h"
#include "nautobot/NautobotClient.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace socketscope;
using socketscope::sim::EnvelopeKind;

namespace {

socketscope::sim::NautobotSimConfig smallPages()
{
    socketscope::sim::NautobotSimConfig config;
    config.pageSize = 3; // every list takes several pages: pagination must be followed
    return config;
}

std::optional<Result<NautobotAnswer>> answerFor(NautobotAnswerRunner &runner, const QString &line)
{
    auto command = NautobotCommandMapper::parse(line);
    if (!command)
        return Result<NautobotAnswer>(command.error());
    return awaitResult<NautobotAnswer>([&](auto done) { runner.run(command.value(), &runner, done); });
}

// The rows of the table Nautobot ChatOps itself (the simulated worker) answers for the same
// command, each row's cells joined by single spaces (empty cells vanish).
QStringList chatOpsRows(NautobotHarness &h, const QString &text)
{
    QJsonObject envelope = QJsonDocument::fromJson(h.frame(EnvelopeKind::SlashCommand, QStringLiteral("env-chatops"))).object();
    QJsonObject payload = envelope.value(QLatin1String("payload")).toObject();
    payload.insert(QStringLiteral("text"), text);
    envelope.insert(QStringLiteral("payload"), payload);
    ChatOpsDelivery delivery(h.nautobot.baseUrl());
    delivery.setSigningSecret(h.nautobot.config().signingSecret);
    const int before = h.slack.responseUrlPostLog().size();
    auto outcome = awaitResult<DeliveryOutcome>([&](auto done) {
        delivery.deliver(QJsonDocument(envelope).toJson(QJsonDocument::Compact), &delivery, done);
    });
    if (!outcome || !outcome->ok() || !outcome->value().accepted())
        return {};
    QDeadlineTimer deadline(5000);
    while (h.slack.responseUrlPostLog().size() == before && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    if (h.slack.responseUrlPostLog().size() == before)
        return {};
    const QString reply = QJsonDocument::fromJson(h.slack.responseUrlPostLog().last().body).object().value(QLatin1String("text")).toString();
    const QString code = reply.section(QStringLiteral("```"), 1, 1).trimmed();
    QStringList rows = code.split(QLatin1Char('\n')).mid(2); // header and rule
    for (QString &row : rows)
        row = row.simplified();
    rows.sort();
    return rows;
}

QStringList joinedRows(const ResultTable &table)
{
    QStringList rows;
    for (const QStringList &row : table.rows) {
        QStringList cells;
        for (const QString &c : row) {
            if (!c.isEmpty())
                cells.append(c);
        }
        rows.append(cells.join(QLatin1Char(' ')));
    }
    rows.sort();
    return rows;
}

} // namespace

class TestNautobotAnswer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void getDevicesLocationAms01_rowsEqualSimulatorDevices();
    void derivedSummaries_equalChatOpsOwnAnswers_data();
    void derivedSummaries_equalChatOpsOwnAnswers();
    void getDeviceFacts_byUuid_detailRequest();
    void unmappedCommand_errorBeforeAnyRequest();
    void answer_composedAndSentToResponseUrl();
    void restConsole_get_listBecomesTable();
    void restConsole_patch_refusedWithoutConfirmation_performedWithIt();
    void restConsole_readOnlyToken_patchRefusedByNautobot();

private:
    QTemporaryDir m_dir;
};

void TestNautobotAnswer::getDevicesLocationAms01_rowsEqualSimulatorDevices()
{
    NautobotHarness h(smallPages());
    QVERIFY(h.start());
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    NautobotAnswerRunner runner(&client);
    auto answer = answerFor(runner, QStringLiteral("nautobot get-devices location ams01"));
    QVERIFY(answer && answer->ok());
    const ResultTable &table = answer->value().table;
    QCOMPARE(table.title, QStringLiteral("list of devices"));
    QCOMPARE(table.source, QStringLiteral("GET /api/dcim/devices/?location=ams01&depth=1"));
    QCOMPARE(table.rows.size(), h.nautobot.config().devicesPerLocation);
    QVERIFY(!table.truncated);

    // The same devices the REST API lists directly, by name …
    const RawAnswer raw = rawRequest("GET", h.url(QStringLiteral("api/dcim/devices/?location=ams01&limit=1000")),
                                     {{"Authorization", "Token " + h.nautobot.config().token.toUtf8()}});
    QCOMPARE(raw.status, 200);
    QStringList expectedNames;
    for (const QJsonValue &d : QJsonDocument::fromJson(raw.body).object().value(QLatin1String("results")).toArray())
        expectedNames.append(d.toObject().value(QLatin1String("name")).toString());
    QStringList names;
    for (const QStringList &row : table.rows) {
        names.append(row.first());
        QCOMPARE(row.at(3), QStringLiteral("ams01"));
    }
    expectedNames.sort();
    names.sort();
    QCOMPARE(names, expectedNames);
    QVERIFY(names.contains(QStringLiteral("ams01-edge-01")));
    QVERIFY(names.contains(QStringLiteral("ams01-access-02")));

    // … and cell for cell what ChatOps itself answers for the same command.
    const QStringList chatOps = chatOpsRows(h, QStringLiteral("get-devices location ams01"));
    QCOMPARE(chatOps.size(), table.rows.size());
    QCOMPARE(joinedRows(table), chatOps);
}

void TestNautobotAnswer::derivedSummaries_equalChatOpsOwnAnswers_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("circuit providers") << QStringLiteral("get-circuit-providers");
    QTest::newRow("manufacturer summary") << QStringLiteral("get-manufacturer-summary");
    QTest::newRow("circuits all") << QStringLiteral("get-circuits all");
    QTest::newRow("devices role leaf") << QStringLiteral("get-devices role leaf");
    QTest::newRow("devices model") << QStringLiteral("get-devices model C9300-48P");
}

void TestNautobotAnswer::derivedSummaries_equalChatOpsOwnAnswers()
{
    QFETCH(QString, text);
    NautobotHarness h(smallPages());
    QVERIFY(h.start());
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    NautobotAnswerRunner runner(&client);
    auto answer = answerFor(runner, QStringLiteral("nautobot ") + text);
    QVERIFY(answer && answer->ok());
    QVERIFY(!answer->value().table.rows.isEmpty());
    QStringList expected = chatOpsRows(h, text);
    QStringList actual = joinedRows(answer->value().table);
    if (text == QLatin1String("get-circuits all")) {
        // ChatOps' simulated table adds a Location column from circuit terminations, which the REST
        // circuit list does not carry; compare the circuit ids and that every REST row is a prefix.
        QCOMPARE(actual.size(), expected.size());
        for (int i = 0; i < actual.size(); ++i) {
            QCOMPARE(actual.at(i).section(QLatin1Char(' '), 0, 0), expected.at(i).section(QLatin1Char(' '), 0, 0));
            QVERIFY2(expected.at(i).startsWith(actual.at(i).section(QLatin1Char(' '), 0, -2)), qPrintable(actual.at(i)));
        }
        return;
    }
    QCOMPARE(actual, expected);
}

void TestNautobotAnswer::getDeviceFacts_byUuid_detailRequest()
{
    NautobotHarness h;
    QVERIFY(h.start());
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    const RawAnswer raw = rawRequest("GET", h.url(QStringLiteral("api/dcim/devices/?name=fra01-spine-01")),
                                     {{"Authorization", "Token " + h.nautobot.config().token.toUtf8()}});
    const QString id = QJsonDocument::fromJson(raw.body).object().value(QLatin1String("results")).toArray().first().toObject()
                           .value(QLatin1String("id")).toString();
    QVERIFY(!id.isEmpty());
    NautobotAnswerRunner runner(&client);
    auto answer = answerFor(runner, QStringLiteral("nautobot get-device-facts ") + id);
    QVERIFY(answer && answer->ok());
    QVERIFY(!answer->value().mapping.calls.first().list);
    const QStringList row = answer->value().table.rows.value(0);
    QCOMPARE(row.value(0), QStringLiteral("fra01-spine-01"));
    QCOMPARE(row.value(2), QStringLiteral("QFX5120-32C"));
    QCOMPARE(row.value(1), QStringLiteral("Juniper"));
    QCOMPARE(row.value(8), id);
}

void TestNautobotAnswer::unmappedCommand_errorBeforeAnyRequest()
{
    NautobotHarness h;
    QVERIFY(h.start());
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    NautobotAnswerRunner runner(&client);
    auto answer = answerFor(runner, QStringLiteral("nautobot get-rack ams01 r1"));
    QVERIFY(answer && !answer->ok());
    QCOMPARE(answer->error().code, QStringLiteral("no_rest_equivalent"));
}

void TestNautobotAnswer::answer_composedAndSentToResponseUrl()
{
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir.filePath(QStringLiteral("answer.sqlite")));
    QVERIFY(store);
    const QByteArray frame = h.frame(EnvelopeKind::BlockActions, QStringLiteral("env-menu")); // get-devices location 'ams01'
    const Envelope e = captureFrame(*store, frame);
    auto command = NautobotCommandMapper::fromEnvelope(e);
    QVERIFY(command.ok());
    QCOMPARE(command->toString(), QStringLiteral("nautobot get-devices location ams01"));
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    NautobotAnswerRunner runner(&client);
    auto answer = awaitResult<NautobotAnswer>([&](auto done) { runner.run(command.value(), &runner, done); });
    QVERIFY(answer && answer->ok());
    ReplyOptions options;
    options.visibility = ReplyVisibility::InChannel;
    const QJsonObject message = AnswerFormatter::toMessage(answer->value().table, command.value(), e.userId, options);
    QVERIFY(ReplyComposer::validate(message).ok());
    ResponseUrlSender sender;
    auto sent = awaitResult<ResponseUrlOutcome>([&](auto done) { sender.send(e, message, store.get(), &sender, done); });
    QVERIFY(sent && sent->ok() && sent->value().delivered);
    QCOMPARE(h.slack.responseUrlPostLog().size(), 1);
    const QJsonObject body = QJsonDocument::fromJson(h.slack.responseUrlPostLog().first().body).object();
    const QString table = body.value(QLatin1String("blocks")).toArray().at(1).toObject().value(QLatin1String("text")).toObject()
                              .value(QLatin1String("text")).toString();
    QVERIFY2(table.contains(QLatin1String("ams01-edge-01")), qPrintable(table));
    QVERIFY(!table.contains(QLatin1String("fra01")));
    QCOMPARE(body.value(QLatin1String("response_type")).toString(), QStringLiteral("in_channel"));
}

void TestNautobotAnswer::restConsole_get_listBecomesTable()
{
    NautobotHarness h(smallPages());
    QVERIFY(h.start());
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    RestConsole console(&client);
    auto request = RestConsoleRequest::parse(QStringLiteral("GET /api/dcim/locations/"));
    QVERIFY(request.ok());
    QCOMPARE(request->path, QStringLiteral("api/dcim/locations/"));
    auto result = awaitResult<RestConsoleResult>([&](auto done) { console.run(request.value(), &console, done); });
    QVERIFY(result && result->ok());
    const ResultTable &table = result->value().table;
    QCOMPARE(table.columns.first(), QStringLiteral("display"));
    QVERIFY(table.columns.contains(QStringLiteral("name")));
    QVERIFY(!table.columns.contains(QStringLiteral("url")));
    QStringList displays;
    for (const QStringList &row : table.rows)
        displays.append(row.first());
    QCOMPARE(displays, (QStringList{QStringLiteral("ams01"), QStringLiteral("fra01"), QStringLiteral("nyc01")}));

    QVERIFY(!RestConsoleRequest::parse(QStringLiteral("PUT /api/dcim/devices/")).ok());
    QVERIFY(!RestConsoleRequest::parse(QStringLiteral("GET https://elsewhere.example/api/")).ok());
}

void TestNautobotAnswer::restConsole_patch_refusedWithoutConfirmation_performedWithIt()
{
    NautobotHarness h;
    QVERIFY(h.start());
    const QByteArray auth = "Token " + h.nautobot.config().token.toUtf8();
    const QJsonObject device = QJsonDocument::fromJson(rawRequest("GET", h.url(QStringLiteral("api/dcim/devices/?name=nyc01-leaf-01&depth=1")),
                                                                  {{"Authorization", auth}}).body)
                                   .object().value(QLatin1String("results")).toArray().first().toObject();
    const QString id = device.value(QLatin1String("id")).toString();
    QCOMPARE(device.value(QLatin1String("status")).toObject().value(QLatin1String("display")).toString(), QStringLiteral("Active"));
    auto statusOf = [&] {
        return QJsonDocument::fromJson(rawRequest("GET", h.url(QStringLiteral("api/dcim/devices/%1/?depth=1").arg(id)), {{"Authorization", auth}}).body)
            .object().value(QLatin1String("status")).toObject().value(QLatin1String("display")).toString();
    };

    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().token);
    RestConsole console(&client);
    RestConsoleRequest patch;
    patch.method = "PATCH";
    patch.path = QStringLiteral("/api/dcim/devices/%1/").arg(id);
    patch.body = QJsonObject{{QStringLiteral("status"), QStringLiteral("Planned")}};

    auto required = awaitResult<QString>([&](auto done) { console.requiredConfirmation(patch, &console, done); });
    QVERIFY(required && required->ok());
    QCOMPARE(required->value(), QStringLiteral("nyc01-leaf-01"));

    auto refused = awaitResult<RestConsoleResult>([&](auto done) { console.run(patch, &console, done); });
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, QStringLiteral("confirmation_required"));
    QVERIFY(refused->error().message.contains(QLatin1String("nyc01-leaf-01")));
    QCOMPARE(statusOf(), QStringLiteral("Active"));

    patch.confirmation = QStringLiteral("nyc01-leaf-02");
    auto mismatch = awaitResult<RestConsoleResult>([&](auto done) { console.run(patch, &console, done); });
    QVERIFY(mismatch && !mismatch->ok());
    QCOMPARE(mismatch->error().code, QStringLiteral("confirmation_mismatch"));
    QCOMPARE(statusOf(), QStringLiteral("Active"));

    patch.confirmation = QStringLiteral("nyc01-leaf-01");
    auto done = awaitResult<RestConsoleResult>([&](auto cb) { console.run(patch, &console, cb); });
    QVERIFY2(done && done->ok(), done && !done->ok() ? qPrintable(done->error().toString()) : "");
    QCOMPARE(done->value().httpStatus, 200);
    QCOMPARE(done->value().table.rows.size(), 1);
    QCOMPARE(statusOf(), QStringLiteral("Planned"));

    RestConsoleRequest listPatch = patch;
    listPatch.path = QStringLiteral("api/dcim/devices/");
    auto notDetail = awaitResult<RestConsoleResult>([&](auto cb) { console.run(listPatch, &console, cb); });
    QVERIFY(notDetail && !notDetail->ok());
    QCOMPARE(notDetail->error().code, QStringLiteral("not_a_detail_path"));
}

void TestNautobotAnswer::restConsole_readOnlyToken_patchRefusedByNautobot()
{
    NautobotHarness h;
    QVERIFY(h.start());
    const QByteArray auth = "Token " + h.nautobot.config().token.toUtf8();
    const QString id = QJsonDocument::fromJson(rawRequest("GET", h.url(QStringLiteral("api/dcim/devices/?name=ams01-spine-02")), {{"Authorization", auth}}).body)
                           .object().value(QLatin1String("results")).toArray().first().toObject().value(QLatin1String("id")).toString();
    NautobotClient client(h.nautobot.baseUrl());
    client.setToken(h.nautobot.config().readOnlyToken);
    RestConsole console(&client);
    RestConsoleRequest patch;
    patch.method = "PATCH";
    patch.path = QStringLiteral("api/dcim/devices/%1/").arg(id);
    patch.body = QJsonObject{{QStringLiteral("status"), QStringLiteral("Offline")}};
    patch.confirmation = QStringLiteral("ams01-spine-02");
    auto result = awaitResult<RestConsoleResult>([&](auto cb) { console.run(patch, &console, cb); });
    QVERIFY(result && !result->ok());
    QVERIFY2(result->error().message.contains(QLatin1String("403")) || result->error().code.contains(QLatin1String("403"))
                 || result->error().message.contains(QLatin1String("permission")),
             qPrintable(result->error().toString()));
}

QTEST_GUILESS_MAIN(TestNautobotAnswer)
#include "tst_nautobot_answer.moc"
