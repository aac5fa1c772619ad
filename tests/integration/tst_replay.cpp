#include "support/CaptureHarness.h"
#include "support/NautobotHarness.h"

#include "nautobot/Replay.h"
#include "nautobot/SlackSignature.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace socketscope;
using socketscope::sim::EnvelopeKind;

Q_DECLARE_METATYPE(socketscope::sim::EnvelopeKind)

namespace {

std::optional<Result<ReplayResult>> sendPlan(Replayer &replayer, const ReplayPlan &plan, CaptureStore *store)
{
    return awaitResult<ReplayResult>([&](auto done) { replayer.send(plan, store, &replayer, done); });
}

QString payloadString(const QByteArray &frame, const QString &key)
{
    return QJsonDocument::fromJson(frame).object().value(QLatin1String("payload")).toObject().value(key).toString();
}

} // namespace

class TestReplay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void replay_eachEnvelopeType_rightSecret_acceptedAndRecorded_data();
    void replay_eachEnvelopeType_rightSecret_acceptedAndRecorded();
    void replay_eachEnvelopeType_wrongSecret_401AndRecorded_data();
    void replay_eachEnvelopeType_wrongSecret_401AndRecorded();
    void replay_editedCommandText_resignedAndEditedCommandRuns();
    void replay_editedPayloadJson_validatedAndResigned();
    void editCommandText_notSlashCommand_refused();
    void plan_displayText_masksSignatureResponseUrlTriggerId();
    void plan_signature_matchesSlackRecipeOverExactBody();
    void plan_oldEnvelope_warnsTriggerAndResponseUrl();
    void plan_usedResponseUrl_warnsExhausted();
    void plan_noSecret_error();
    void send_secretChangedAfterPlan_refusedBeforeSending();
    void replay_slackDisabled_404MeaningRecorded();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestReplay::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestReplay::replay_eachEnvelopeType_rightSecret_acceptedAndRecorded_data()
{
    QTest::addColumn<EnvelopeKind>("kind");
    QTest::addColumn<QString>("path");
    QTest::newRow("slash_commands") << EnvelopeKind::SlashCommand << QStringLiteral("/api/plugins/chatops/slack/slash_command/");
    QTest::newRow("block_actions") << EnvelopeKind::BlockActions << QStringLiteral("/api/plugins/chatops/slack/interaction/");
    QTest::newRow("view_submission") << EnvelopeKind::ViewSubmission << QStringLiteral("/api/plugins/chatops/slack/interaction/");
    QTest::newRow("app_mention") << EnvelopeKind::AppMention << QStringLiteral("/api/plugins/chatops/slack/event/");
}

void TestReplay::replay_eachEnvelopeType_rightSecret_acceptedAndRecorded()
{
    QFETCH(EnvelopeKind, kind);
    QFETCH(QString, path);
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    QVERIFY(store);
    const Envelope e = captureFrame(*store, h.frame(kind, QStringLiteral("env-replay-1")));
    QVERIFY(e.rowId > 0);

    Replayer replayer(h.nautobot.baseUrl());
    replayer.setSigningSecret(h.nautobot.config().signingSecret);
    auto plan = replayer.plan(e);
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().toString()));
    QCOMPARE(plan->path, path);
    QVERIFY(plan->hasWarning(QStringLiteral("runs_command")));
    const int requestsBefore = h.nautobot.slackRequests();

    auto result = sendPlan(replayer, plan.value(), store.get());
    QVERIFY(result && result->ok());
    const DeliveryOutcome &o = result->value().outcome;
    QCOMPARE(o.httpStatus, 200);
    QVERIFY2(o.accepted(), qPrintable(o.meaning));
    QCOMPARE(h.nautobot.slackRequests(), requestsBefore + 1);
    QVERIFY(result->value().deliveryId > 0);
    QVERIFY(!result->value().recordError);

    auto deliveries = store->deliveries(e.rowId);
    QVERIFY(deliveries.ok());
    QCOMPARE(deliveries->size(), 1);
    const DeliveryRecord &d = deliveries->first();
    QCOMPARE(d.kind, QStringLiteral("replay"));
    QCOMPARE(d.target, path);
    QCOMPARE(d.statusCode, 200);
    QVERIFY(d.latencyUs > 0);
    QVERIFY2(d.outcome.contains(QLatin1String("200")) && d.outcome.contains(QLatin1String("Accepted")), qPrintable(d.outcome));
    auto reread = store->envelope(e.rowId);
    QVERIFY(reread.ok());
    QVERIFY2(reread->deliveryStatus.startsWith(QLatin1String("replay 200")), qPrintable(reread->deliveryStatus));
    if (kind != EnvelopeKind::AppMention)
        QTRY_COMPARE_WITH_TIMEOUT(h.nautobot.commandLog().size(), 1, 5000);
}

void TestReplay::replay_eachEnvelopeType_wrongSecret_401AndRecorded_data()
{
    replay_eachEnvelopeType_rightSecret_acceptedAndRecorded_data();
}

void TestReplay::replay_eachEnvelopeType_wrongSecret_401AndRecorded()
{
    QFETCH(EnvelopeKind, kind);
    QFETCH(QString, path);
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    QVERIFY(store);
    const Envelope e = captureFrame(*store, h.frame(kind, QStringLiteral("env-wrong")));
    Replayer replayer(h.nautobot.baseUrl());
    replayer.setSigningSecret(QByteArrayLiteral("not-the-signing-secret-0000000000"));
    auto plan = replayer.plan(e);
    QVERIFY(plan.ok());
    auto result = sendPlan(replayer, plan.value(), store.get());
    QVERIFY(result && result->ok());
    const DeliveryOutcome &o = result->value().outcome;
    QCOMPARE(o.httpStatus, 401);
    QCOMPARE(o.verdict, DeliveryVerdict::BadSignature);
    QVERIFY(o.meaning.contains(QLatin1String("signing secret")));
    QCOMPARE(h.nautobot.commandLog().size(), 0);
    auto deliveries = store->deliveries(e.rowId);
    QVERIFY(deliveries.ok());
    QCOMPARE(deliveries->size(), 1);
    QCOMPARE(deliveries->first().statusCode, 401);
    QCOMPARE(deliveries->first().target, path);
    QVERIFY(deliveries->first().outcome.contains(QLatin1String("bad_signature")));
}

void TestReplay::replay_editedCommandText_resignedAndEditedCommandRuns()
{
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    const QByteArray frame = h.frame(EnvelopeKind::SlashCommand, QStringLiteral("env-edit"));
    QCOMPARE(payloadString(frame, QStringLiteral("text")), QStringLiteral("get-devices role leaf"));
    const Envelope e = captureFrame(*store, frame);
    Replayer replayer(h.nautobot.baseUrl());
    replayer.setSigningSecret(h.nautobot.config().signingSecret);
    auto plan = replayer.plan(e);
    QVERIFY(plan.ok());
    auto edited = replayer.withCommandText(plan.value(), QStringLiteral("get-vlans id 100"));
    QVERIFY(edited.ok());
    QVERIFY(edited->edited);
    QVERIFY(edited->hasWarning(QStringLiteral("edited")));
    QCOMPARE(edited->commandText(), QStringLiteral("get-vlans id 100"));
    QVERIFY(edited->body.contains("text=get-vlans+id+100"));
    QVERIFY(edited->signature != plan->signature);
    QCOMPARE(edited->signature, SlackSignature::sign(h.nautobot.config().signingSecret, edited->timestamp, edited->body));
    // The rest of the form is unchanged: same user, channel and response_url.
    QCOMPARE(edited->payload().value(QLatin1String("response_url")), plan->payload().value(QLatin1String("response_url")));

    auto result = sendPlan(replayer, edited.value(), store.get());
    QVERIFY(result && result->ok());
    QCOMPARE(result->value().outcome.verdict, DeliveryVerdict::Accepted);
    QTRY_COMPARE_WITH_TIMEOUT(h.nautobot.commandLog().size(), 1, 5000);
    const QJsonObject row = h.nautobot.commandLog().first();
    QCOMPARE(row.value(QLatin1String("subcommand")).toString(), QStringLiteral("get-vlans"));
    const QJsonArray params = row.value(QLatin1String("params")).toArray();
    QCOMPARE(params.at(0).toArray().at(1).toString(), QStringLiteral("id"));
    QCOMPARE(params.at(1).toArray().at(1).toString(), QStringLiteral("100"));
    auto deliveries = store->deliveries(e.rowId);
    QVERIFY(deliveries.ok() && deliveries->size() == 1);
    QVERIFY(deliveries->first().outcome.startsWith(QLatin1String("(edited)")));
}

void TestReplay::replay_editedPayloadJson_validatedAndResigned()
{
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    const Envelope e = captureFrame(*store, h.frame(EnvelopeKind::BlockActions, QStringLiteral("env-json")));
    Replayer replayer(h.nautobot.baseUrl());
    replayer.setSigningSecret(h.nautobot.config().signingSecret);
    auto plan = replayer.plan(e);
    QVERIFY(plan.ok());

    auto syntax = replayer.withPayloadJson(plan.value(), QByteArrayLiteral("{\n  \"type\": \"block_actions\",\n  \"x\": }"));
    QVERIFY(!syntax.ok());
    QCOMPARE(syntax.error().code, QStringLiteral("json_syntax"));
    QVERIFY2(syntax.error().message.contains(QLatin1String("line 3")), qPrintable(syntax.error().message));
    QVERIFY(syntax.error().message.contains(QLatin1String("offset")));

    QJsonObject payload = plan->payload();
    payload.remove(QStringLiteral("type"));
    auto missing = replayer.withPayloadJson(plan.value(), QJsonDocument(payload).toJson());
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, QStringLiteral("payload_type_missing"));

    payload.insert(QStringLiteral("type"), QStringLiteral("view_submission"));
    auto changed = replayer.withPayloadJson(plan.value(), QJsonDocument(payload).toJson());
    QVERIFY(!changed.ok());
    QCOMPARE(changed.error().code, QStringLiteral("payload_type_changed"));

    auto array = replayer.withPayloadJson(plan.value(), QByteArrayLiteral("[1,2]"));
    QVERIFY(!array.ok());
    QCOMPARE(array.error().code, QStringLiteral("payload_not_object"));

    // A valid edit: choose fra01 instead of the captured menu value.
    payload = plan->payload();
    QJsonArray actions = payload.value(QLatin1String("actions")).toArray();
    QJsonObject action = actions.at(0).toObject();
    QJsonObject option = action.value(QLatin1String("selected_option")).toObject();
    option.insert(QStringLiteral("value"), QStringLiteral("fra01"));
    action.insert(QStringLiteral("selected_option"), option);
    actions.replace(0, action);
    payload.insert(QStringLiteral("actions"), actions);
    auto edited = replayer.withPayloadJson(plan.value(), QJsonDocument(payload).toJson(QJsonDocument::Indented));
    QVERIFY2(edited.ok(), edited.ok() ? "" : qPrintable(edited.error().toString()));
    QCOMPARE(edited->signature, SlackSignature::sign(h.nautobot.config().signingSecret, edited->timestamp, edited->body));
    auto result = sendPlan(replayer, edited.value(), store.get());
    QVERIFY(result && result->ok());
    QCOMPARE(result->value().outcome.verdict, DeliveryVerdict::Accepted);
    QTRY_COMPARE_WITH_TIMEOUT(h.slack.responseUrlPostLog().size(), 1, 5000);
    const QString text = QJsonDocument::fromJson(h.slack.responseUrlPostLog().first().body).object().value(QLatin1String("text")).toString();
    QVERIFY2(text.contains(QLatin1String("fra01-edge-01")), qPrintable(text));
    QVERIFY(!text.contains(QLatin1String("ams01")));
}

void TestReplay::editCommandText_notSlashCommand_refused()
{
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    const Envelope e = captureFrame(*store, h.frame(EnvelopeKind::AppMention, QStringLiteral("env-m")));
    Replayer replayer(h.nautobot.baseUrl());
    replayer.setSigningSecret(h.nautobot.config().signingSecret);
    auto plan = replayer.plan(e);
    QVERIFY(plan.ok());
    auto edited = replayer.withCommandText(plan.value(), QStringLiteral("get-vlans"));
    QVERIFY(!edited.ok());
    QCOMPARE(edited.error().code, QStringLiteral("not_slash_command"));
}

void TestReplay::plan_displayText_masksSignatureResponseUrlTriggerId()
{
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    for (EnvelopeKind kind : {EnvelopeKind::SlashCommand, EnvelopeKind::BlockActions, EnvelopeKind::AppMention}) {
        const QByteArray frame = h.frame(kind, QStringLiteral("env-mask-%1").arg(int(kind)));
        const Envelope e = captureFrame(*store, frame);
        Replayer replayer(h.nautobot.baseUrl());
        replayer.setSigningSecret(h.nautobot.config().signingSecret);
        auto plan = replayer.plan(e);
        QVERIFY(plan.ok());
        const QString masked = plan->displayText(true);
        const QString clear = plan->displayText(false);
        QVERIFY(masked.startsWith(QStringLiteral("POST ") + h.nautobot.baseUrl().toString()));
        QVERIFY(masked.contains(QLatin1String("X-Slack-Request-Timestamp: ") + QString::fromLatin1(plan->timestamp)));
        QVERIFY(masked.contains(QStringLiteral("X-Slack-Signature: v0=…[redacted]")));
        QVERIFY(!masked.contains(QString::fromLatin1(plan->signature)));
        QVERIFY(clear.contains(QString::fromLatin1(plan->signature)));
        QVERIFY(!masked.contains(QString::fromLatin1(h.nautobot.config().signingSecret)));
        QVERIFY(!clear.contains(QString::fromLatin1(h.nautobot.config().signingSecret)));
        const QJsonObject payload = plan->payload();
        for (const QString &key : {QStringLiteral("response_url"), QStringLiteral("trigger_id")}) {
            const QString secret = payload.value(key).toString();
            if (secret.isEmpty())
                continue;
            // Form bodies percent-encode the value; check both spellings.
            QVERIFY2(!masked.contains(secret) && !masked.contains(QString::fromLatin1(QUrl::toPercentEncoding(secret))),
                     qPrintable(key));
        }
        if (kind == EnvelopeKind::SlashCommand)
            QVERIFY(masked.contains(QLatin1String("text=get-devices")));
    }
}

void TestReplay::plan_signature_matchesSlackRecipeOverExactBody()
{
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    const Envelope e = captureFrame(*store, h.frame(EnvelopeKind::SlashCommand, QStringLiteral("env-sig")));
    Replayer replayer(h.nautobot.baseUrl());
    replayer.setSigningSecret(QByteArrayLiteral("8f742231b10e8888abcd99yyyzzz85a5"));
    replayer.setClock([] { return qint64(1531420618) * 1'000'000 + 123; });
    auto plan = replayer.plan(e);
    QVERIFY(plan.ok());
    QCOMPARE(plan->timestamp, QByteArrayLiteral("1531420618"));
    QCOMPARE(plan->signature, SlackSignature::sign(QByteArrayLiteral("8f742231b10e8888abcd99yyyzzz85a5"),
                                                   QByteArrayLiteral("1531420618"), plan->body));
    QVERIFY(plan->body.startsWith("token="));
    QCOMPARE(plan->headers.last().first, QByteArrayLiteral("X-Slack-Signature"));
}

void TestReplay::plan_oldEnvelope_warnsTriggerAndResponseUrl()
{
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    const qint64 now = json::nowUs();
    const Envelope fresh = captureFrame(*store, h.frame(EnvelopeKind::SlashCommand, QStringLiteral("env-fresh")), now);
    const Envelope fiveSeconds = captureFrame(*store, h.frame(EnvelopeKind::SlashCommand, QStringLiteral("env-5s")), now - 5'000'000);
    const Envelope hourOld = captureFrame(*store, h.frame(EnvelopeKind::SlashCommand, QStringLiteral("env-1h")), now - 3600'000'000LL);
    Replayer replayer(h.nautobot.baseUrl());
    replayer.setSigningSecret(h.nautobot.config().signingSecret);
    replayer.setClock([now] { return now + 1000; });

    auto a = replayer.plan(fresh);
    QVERIFY(a.ok());
    QVERIFY(!a->hasWarning(QStringLiteral("trigger_expired")));
    QVERIFY(!a->hasWarning(QStringLiteral("response_url_expired")));
    auto b = replayer.plan(fiveSeconds);
    QVERIFY(b.ok());
    QVERIFY(b->hasWarning(QStringLiteral("trigger_expired")));
    QVERIFY(!b->hasWarning(QStringLiteral("response_url_expired")));
    auto c = replayer.plan(hourOld);
    QVERIFY(c.ok());
    QVERIFY(c->hasWarning(QStringLiteral("trigger_expired")));
    QVERIFY(c->hasWarning(QStringLiteral("response_url_expired")));
    for (const ReplayWarning &w : c->warnings)
        QVERIFY(!w.message.isEmpty());
}

void TestReplay::plan_usedResponseUrl_warnsExhausted()
{
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    const QByteArray frame = h.frame(EnvelopeKind::SlashCommand, QStringLiteral("env-used"));
    const Envelope e = captureFrame(*store, frame);
    const QString url = payloadString(frame, QStringLiteral("response_url"));
    for (int i = 0; i < 5; ++i) {
        DeliveryRecord d;
        d.envelopeRowId = e.rowId;
        d.kind = ResponseUrlBudget::kDeliveryKind;
        d.target = ResponseUrlBudget::storedTarget(url);
        d.statusCode = 200;
        QVERIFY(store->recordDelivery(d).ok());
    }
    Replayer replayer(h.nautobot.baseUrl());
    replayer.setSigningSecret(h.nautobot.config().signingSecret);
    auto history = store->deliveries(e.rowId);
    QVERIFY(history.ok());
    auto plan = replayer.plan(e, history.value());
    QVERIFY(plan.ok());
    QVERIFY(plan->hasWarning(QStringLiteral("response_url_exhausted")));
}

void TestReplay::plan_noSecret_error()
{
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    const Envelope e = captureFrame(*store, h.frame(EnvelopeKind::SlashCommand, QStringLiteral("env-nosecret")));
    Replayer replayer(h.nautobot.baseUrl());
    auto plan = replayer.plan(e);
    QVERIFY(!plan.ok());
    QCOMPARE(plan.error().code, QStringLiteral("missing_signing_secret"));
}

void TestReplay::send_secretChangedAfterPlan_refusedBeforeSending()
{
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    const Envelope e = captureFrame(*store, h.frame(EnvelopeKind::SlashCommand, QStringLiteral("env-stale")));
    Replayer replayer(h.nautobot.baseUrl());
    replayer.setSigningSecret(h.nautobot.config().signingSecret);
    auto plan = replayer.plan(e);
    QVERIFY(plan.ok());
    replayer.setSigningSecret(QByteArrayLiteral("another-secret"));
    auto result = sendPlan(replayer, plan.value(), store.get());
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("plan_stale"));
    QCOMPARE(h.nautobot.slackRequests(), 0);
    QCOMPARE(store->deliveries(e.rowId)->size(), 0);
}

void TestReplay::replay_slackDisabled_404MeaningRecorded()
{
    NautobotHarness h;
    QVERIFY(h.start());
    h.nautobot.setSlackEnabled(false);
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    const Envelope e = captureFrame(*store, h.frame(EnvelopeKind::SlashCommand, QStringLiteral("env-404")));
    Replayer replayer(h.nautobot.baseUrl());
    replayer.setSigningSecret(h.nautobot.config().signingSecret);
    auto plan = replayer.plan(e);
    QVERIFY(plan.ok());
    auto result = sendPlan(replayer, plan.value(), store.get());
    QVERIFY(result && result->ok());
    QCOMPARE(result->value().outcome.httpStatus, 404);
    QVERIFY(result->value().outcome.meaning.contains(QLatin1String("enable_slack")));
    QCOMPARE(store->deliveries(e.rowId)->first().statusCode, 404);
}

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
