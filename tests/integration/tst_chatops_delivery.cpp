#include "support/NautobotHarness.h"

#include "nautobot/ChatOpsDelivery.h"
#include "nautobot/SlackSignature.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace socketscope;
using socketscope::sim::ChatOpsReply;
using socketscope::sim::EnvelopeKind;
using socketscope::sim::ResponseUrlPost;

namespace {

std::optional<Result<DeliveryOutcome>> deliver(ChatOpsDelivery &delivery, const QByteArray &frame, int timeoutMs = 10000)
{
    return awaitResult<DeliveryOutcome>([&](auto done) { delivery.deliver(frame, &delivery, done); }, timeoutMs);
}

QString responseUrlPath(const QByteArray &frame)
{
    const QJsonObject payload = QJsonDocument::fromJson(frame).object().value(QLatin1String("payload")).toObject();
    return QUrl(payload.value(QLatin1String("response_url")).toString()).path();
}

QByteArray frameWith(const QString &type, const QJsonObject &payload)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("envelope_id"), QStringLiteral("crafted")},
                                     {QStringLiteral("type"), type},
                                     {QStringLiteral("payload"), payload}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestChatOpsDelivery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void slashCommand_rightSecret_acceptedLoggedAndAnsweredOnResponseUrl();
    void blockActions_rightSecret_menuChoiceRunsCommand();
    void viewSubmission_rightSecret_acceptedAndLogged();
    void appMention_rightSecret_acceptedHelpPostedToChannel();
    void everyEnvelopeType_wrongSecret_401IncorrectSignature();
    void unsignedAndGet_missingHeader401_and405();
    void noCommandField_200NoCommandSpecified();
    void urlVerification_challengeEchoed();
    void slackDisabled_404MeaningNamesEnableSlack();
    void missingTrailingSlash_redirectNotFollowed();
    void noWorkers_acceptedButNeverAnswered();
    void noGrants_blockedRowAndDenialReply();
    void slowChatOps_timeoutMeaning_thenPatientClientAccepted();
    void neverAnswers_timeout();
    void noSecret_errorBeforeSending();
    void interpret_serverError_andOtherStatuses();
};

void TestChatOpsDelivery::slashCommand_rightSecret_acceptedLoggedAndAnsweredOnResponseUrl()
{
    NautobotHarness h;
    QVERIFY(h.start());
    ChatOpsDelivery delivery(h.nautobot.baseUrl());
    delivery.setSigningSecret(h.nautobot.config().signingSecret);
    // The factory cycles through typical commands; its first slash command is "get-devices role leaf".
    const QByteArray frame = h.frame(EnvelopeKind::SlashCommand);
    const QJsonObject payload = QJsonDocument::fromJson(frame).object().value(QLatin1String("payload")).toObject();
    QCOMPARE(payload.value(QLatin1String("text")).toString(), QStringLiteral("get-devices role leaf"));

    auto outcome = deliver(delivery, frame);
    QVERIFY(outcome && outcome->ok());
    QCOMPARE(outcome->value().httpStatus, 200);
    QCOMPARE(outcome->value().verdict, DeliveryVerdict::Accepted);
    QVERIFY(outcome->value().accepted());
    QVERIFY(outcome->value().latencyUs > 0);
    QVERIFY(outcome->value().meaning.contains(QLatin1String("Accepted")));
    QCOMPARE(outcome->value().path, QStringLiteral("/api/plugins/chatops/slack/slash_command/"));

    QTRY_COMPARE_WITH_TIMEOUT(h.slack.responseUrlPostLog().size(), 1, 5000);
    const QVector<QJsonObject> log = h.nautobot.commandLog();
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().value(QLatin1String("status")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(log.first().value(QLatin1String("command")).toString(), QStringLiteral("nautobot"));
    QCOMPARE(log.first().value(QLatin1String("subcommand")).toString(), QStringLiteral("get-devices"));
    QCOMPARE(log.first().value(QLatin1String("user_id")).toString(), payload.value(QLatin1String("user_id")).toString());
    QCOMPARE(log.first().value(QLatin1String("params")).toArray().first().toArray().last().toString(), QStringLiteral("role"));

    const ResponseUrlPost post = h.slack.responseUrlPostLog().first();
    QCOMPARE(post.path, responseUrlPath(frame));
    QVERIFY(post.contentType.startsWith("application/json"));
    const QJsonObject reply = QJsonDocument::fromJson(post.body).object();
    const QString text = reply.value(QLatin1String("text")).toString();
    QVERIFY2(text.contains(QLatin1String("here is that list of devices")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("ams01-leaf-01")));
    QVERIFY(text.contains(QLatin1String("nyc01-leaf-04")));
    QVERIFY(!text.contains(QLatin1String("edge")));
    QCOMPARE(h.slack.stats().responseUrlPosts, 1);
    QTRY_COMPARE_WITH_TIMEOUT(h.nautobot.replies().first().httpStatus, 200, 5000);
}

void TestChatOpsDelivery::blockActions_rightSecret_menuChoiceRunsCommand()
{
    NautobotHarness h;
    QVERIFY(h.start());
    ChatOpsDelivery delivery(h.nautobot.baseUrl());
    delivery.setSigningSecret(h.nautobot.config().signingSecret);
    const QByteArray frame = h.frame(EnvelopeKind::BlockActions); // "nautobot get-devices location" + 'ams01'
    auto outcome = deliver(delivery, frame);
    QVERIFY(outcome && outcome->ok());
    QCOMPARE(outcome->value().httpStatus, 200);
    QCOMPARE(outcome->value().verdict, DeliveryVerdict::Accepted);
    QTRY_COMPARE_WITH_TIMEOUT(h.slack.responseUrlPostLog().size(), 1, 5000);
    QCOMPARE(h.nautobot.commandLog().size(), 1);
    QCOMPARE(h.nautobot.commandLog().first().value(QLatin1String("status")).toString(), QStringLiteral("succeeded"));
    const ResponseUrlPost post = h.slack.responseUrlPostLog().first();
    QCOMPARE(post.path, responseUrlPath(frame));
    const QString text = QJsonDocument::fromJson(post.body).object().value(QLatin1String("text")).toString();
    QVERIFY(text.contains(QLatin1String("ams01-edge-01")));
    QVERIFY(!text.contains(QLatin1String("fra01")));
}

void TestChatOpsDelivery::viewSubmission_rightSecret_acceptedAndLogged()
{
    NautobotHarness h;
    QVERIFY(h.start());
    ChatOpsDelivery delivery(h.nautobot.baseUrl());
    delivery.setSigningSecret(h.nautobot.config().signingSecret);
    auto outcome = deliver(delivery, h.frame(EnvelopeKind::ViewSubmission)); // get-device-facts 'ams01-edge-01'
    QVERIFY(outcome && outcome->ok());
    QCOMPARE(outcome->value().verdict, DeliveryVerdict::Accepted);
    QCOMPARE(outcome->value().path, QStringLiteral("/api/plugins/chatops/slack/interaction/"));
    QTRY_COMPARE_WITH_TIMEOUT(h.nautobot.commandLog().size(), 1, 5000);
    QCOMPARE(h.nautobot.commandLog().first().value(QLatin1String("subcommand")).toString(), QStringLiteral("get-device-facts"));
    QTRY_COMPARE_WITH_TIMEOUT(h.nautobot.replies().size(), 1, 5000);
    // A modal submission has no response_url: the worker answers with chat.postMessage in the channel.
    const ChatOpsReply reply = h.nautobot.replies().first();
    QCOMPARE(reply.via, QStringLiteral("chat.postMessage"));
    QVERIFY(reply.channelId.startsWith(QLatin1Char('C')) || reply.channelId.startsWith(QLatin1Char('G'))
            || reply.channelId.startsWith(QLatin1Char('D')));
    QVERIFY(reply.message.value(QLatin1String("text")).toString().contains(QLatin1String("model: DCS-7280CR3-32P4")));
    QCOMPARE(h.slack.responseUrlPostLog().size(), 0);
}

void TestChatOpsDelivery::appMention_rightSecret_acceptedHelpPostedToChannel()
{
    NautobotHarness h;
    QVERIFY(h.start());
    ChatOpsDelivery delivery(h.nautobot.baseUrl());
    delivery.setSigningSecret(h.nautobot.config().signingSecret);
    const QByteArray frame = h.frame(EnvelopeKind::AppMention);
    auto outcome = deliver(delivery, frame);
    QVERIFY(outcome && outcome->ok());
    QCOMPARE(outcome->value().verdict, DeliveryVerdict::Accepted);
    QCOMPARE(outcome->value().path, QStringLiteral("/api/plugins/chatops/slack/event/"));
    // "<@bot> get-devices location ams01": without the "nautobot" command word ChatOps answers with help.
    QTRY_COMPARE_WITH_TIMEOUT(h.nautobot.replies().size(), 1, 5000);
    const ChatOpsReply reply = h.nautobot.replies().first();
    QCOMPARE(reply.via, QStringLiteral("chat.postMessage"));
    QVERIFY(!reply.threadTs.isEmpty());
    QVERIFY(reply.message.value(QLatin1String("text")).toString().contains(QLatin1String("I know the following `/nautobot` subcommands")));
    QCOMPARE(h.nautobot.commandLog().size(), 0); // help is not logged

    // A mention with the command word runs it.
    QJsonObject envelope = QJsonDocument::fromJson(h.frame(EnvelopeKind::AppMention)).object();
    QJsonObject payload = envelope.value(QLatin1String("payload")).toObject();
    QJsonObject event = payload.value(QLatin1String("event")).toObject();
    event.insert(QStringLiteral("text"), QStringLiteral("<@%1> nautobot get-circuit-providers").arg(h.slack.config().botUserId));
    payload.insert(QStringLiteral("event"), event);
    auto ran = deliver(delivery, frameWith(QStringLiteral("events_api"), payload));
    QVERIFY(ran && ran->ok());
    QCOMPARE(ran->value().verdict, DeliveryVerdict::Accepted);
    QTRY_COMPARE_WITH_TIMEOUT(h.nautobot.commandLog().size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(h.nautobot.replies().size(), 2, 5000);
    const QString table = h.nautobot.replies().last().message.value(QLatin1String("text")).toString();
    QVERIFY2(table.contains(QLatin1String("NTT")) && table.contains(QLatin1String("2914")), qPrintable(table));
}

void TestChatOpsDelivery::everyEnvelopeType_wrongSecret_401IncorrectSignature()
{
    NautobotHarness h;
    QVERIFY(h.start());
    ChatOpsDelivery delivery(h.nautobot.baseUrl());
    delivery.setSigningSecret(QByteArrayLiteral("0000000000000000000000000000beef"));
    const EnvelopeKind kinds[] = {EnvelopeKind::SlashCommand, EnvelopeKind::BlockActions, EnvelopeKind::ViewSubmission,
                                  EnvelopeKind::AppMention, EnvelopeKind::Message};
    for (EnvelopeKind kind : kinds) {
        auto outcome = deliver(delivery, h.frame(kind));
        QVERIFY(outcome && outcome->ok());
        QCOMPARE(outcome->value().httpStatus, 401);
        QCOMPARE(outcome->value().reasonPhrase, QByteArray("Incorrect signature"));
        QCOMPARE(outcome->value().verdict, DeliveryVerdict::BadSignature);
        QVERIFY(outcome->value().body.isEmpty());
        QVERIFY(outcome->value().meaning.contains(QLatin1String("Incorrect signature")));
        QVERIFY(outcome->value().meaning.contains(QLatin1String("signing secret")));
        QVERIFY(!outcome->value().accepted());
    }
    QCOMPARE(h.nautobot.signatureErrors().value(QStringLiteral("incorrect_signature")), 5);
    QTest::qWait(100); // nothing may run after a refusal
    QCOMPARE(h.nautobot.commandLog().size(), 0);
    QCOMPARE(h.slack.responseUrlPostLog().size(), 0);

    // Flip the switch: the secret SocketScope has becomes the right one.
    h.nautobot.setSigningSecret(QByteArrayLiteral("0000000000000000000000000000beef"));
    auto accepted = deliver(delivery, h.frame(EnvelopeKind::SlashCommand));
    QVERIFY(accepted && accepted->ok());
    QCOMPARE(accepted->value().httpStatus, 200);
}

void TestChatOpsDelivery::unsignedAndGet_missingHeader401_and405()
{
    NautobotHarness h;
    QVERIFY(h.start());
    const QUrl url = h.url(QStringLiteral("api/plugins/chatops/slack/slash_command/"));
    const RawAnswer unsignedPost = rawRequest("POST", url, {{"Content-Type", "application/x-www-form-urlencoded"}}, "command=%2Fnautobot");
    QCOMPARE(unsignedPost.status, 401);
    QCOMPARE(unsignedPost.reason, QByteArray("Missing X-Slack-Signature header"));
    QVERIFY(unsignedPost.body.isEmpty());
    const RawAnswer noTimestamp = rawRequest("POST", url, {{"X-Slack-Signature", "v0=00"}}, "command=%2Fnautobot");
    QCOMPARE(noTimestamp.status, 401);
    QCOMPARE(noTimestamp.reason, QByteArray("Missing X-Slack-Request-Timestamp header"));
    const RawAnswer get = rawRequest("GET", url);
    QCOMPARE(get.status, 405);
    QCOMPARE(h.nautobot.signatureErrors().value(QStringLiteral("missing_signature")), 1);
    QCOMPARE(h.nautobot.signatureErrors().value(QStringLiteral("missing_timestamp")), 1);

    // A 2020 timestamp is accepted: ChatOps has no freshness check.
    const QByteArray body = "command=%2Fnautobot&text=about&team_id=T0SIM0001&channel_id=C1&user_id=U1";
    const RawAnswer old = rawRequest("POST", url,
                                     {{"X-Slack-Request-Timestamp", "1592849101"},
                                      {"X-Slack-Signature", SlackSignature::sign(h.nautobot.config().signingSecret, "1592849101", body)}},
                                     body);
    QCOMPARE(old.status, 200);
}

void TestChatOpsDelivery::noCommandField_200NoCommandSpecified()
{
    NautobotHarness h;
    QVERIFY(h.start());
    ChatOpsDelivery delivery(h.nautobot.baseUrl());
    delivery.setSigningSecret(h.nautobot.config().signingSecret);
    auto outcome = deliver(delivery, frameWith(QStringLiteral("slash_commands"),
                                               QJsonObject{{QStringLiteral("team_id"), QStringLiteral("T0SIM0001")},
                                                           {QStringLiteral("text"), QStringLiteral("probe")}}));
    QVERIFY(outcome && outcome->ok());
    QCOMPARE(outcome->value().httpStatus, 200);
    QCOMPARE(outcome->value().verdict, DeliveryVerdict::CommandMissing);
    QCOMPARE(outcome->value().bodyExcerpt, QStringLiteral("No command specified"));
    QVERIFY(outcome->value().meaning.contains(QLatin1String("No command specified")));
}

void TestChatOpsDelivery::urlVerification_challengeEchoed()
{
    NautobotHarness h;
    QVERIFY(h.start());
    ChatOpsDelivery delivery(h.nautobot.baseUrl());
    delivery.setSigningSecret(h.nautobot.config().signingSecret);
    auto outcome = deliver(delivery, frameWith(QStringLiteral("events_api"),
                                               QJsonObject{{QStringLiteral("type"), QStringLiteral("url_verification")},
                                                           {QStringLiteral("challenge"), QStringLiteral("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")}}));
    QVERIFY(outcome && outcome->ok());
    QCOMPARE(outcome->value().verdict, DeliveryVerdict::AnsweredWithText);
    QCOMPARE(outcome->value().body, QByteArray("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
}

void TestChatOpsDelivery::slackDisabled_404MeaningNamesEnableSlack()
{
    NautobotHarness h;
    QVERIFY(h.start());
    h.nautobot.setSlackEnabled(false);
    ChatOpsDelivery delivery(h.nautobot.baseUrl());
    delivery.setSigningSecret(h.nautobot.config().signingSecret);
    auto outcome = deliver(delivery, h.frame(EnvelopeKind::SlashCommand));
    QVERIFY(outcome && outcome->ok());
    QCOMPARE(outcome->value().httpStatus, 404);
    QCOMPARE(outcome->value().verdict, DeliveryVerdict::NotFound);
    QVERIFY(outcome->value().meaning.contains(QLatin1String("enable_slack")));
    QVERIFY(outcome->value().meaning.contains(QLatin1String("trailing slash")));
    QCOMPARE(h.nautobot.slackRequests(), 1);
}

void TestChatOpsDelivery::missingTrailingSlash_redirectNotFollowed()
{
    NautobotHarness h;
    QVERIFY(h.start());
    const RawAnswer answer = rawRequest("POST", h.url(QStringLiteral("api/plugins/chatops/slack/interaction")), {}, "payload=%7B%7D");
    QCOMPARE(answer.status, 302);
    QCOMPARE(answer.headers.value("location"), QByteArray("/api/plugins/chatops/slack/interaction/"));
    const DeliveryOutcome meaning = ChatOpsDelivery::interpret(302, "Found", {}, QStringLiteral("/x"), false, {}, 1000);
    QCOMPARE(meaning.verdict, DeliveryVerdict::Redirected);
    QVERIFY(meaning.meaning.contains(QLatin1String("trailing slash")));
}

void TestChatOpsDelivery::noWorkers_acceptedButNeverAnswered()
{
    NautobotHarness h;
    QVERIFY(h.start());
    h.nautobot.setCeleryWorkers(0);
    ChatOpsDelivery delivery(h.nautobot.baseUrl());
    delivery.setSigningSecret(h.nautobot.config().signingSecret);
    auto outcome = deliver(delivery, h.frame(EnvelopeKind::SlashCommand));
    QVERIFY(outcome && outcome->ok());
    QCOMPARE(outcome->value().verdict, DeliveryVerdict::Accepted);
    QCOMPARE(h.nautobot.enqueuedWithoutWorker(), 1);
    QTest::qWait(200);
    QCOMPARE(h.nautobot.commandLog().size(), 0);
    QCOMPARE(h.slack.responseUrlPostLog().size(), 0);
}

void TestChatOpsDelivery::noGrants_blockedRowAndDenialReply()
{
    NautobotHarness h;
    QVERIFY(h.start());
    h.nautobot.setPermissiveGrants(false);
    ChatOpsDelivery delivery(h.nautobot.baseUrl());
    delivery.setSigningSecret(h.nautobot.config().signingSecret);
    const QByteArray frame = h.frame(EnvelopeKind::SlashCommand);
    auto outcome = deliver(delivery, frame);
    QVERIFY(outcome && outcome->ok());
    QCOMPARE(outcome->value().httpStatus, 200); // blocked commands still get an empty 200
    QCOMPARE(h.nautobot.commandLog().size(), 1);
    const QJsonObject row = h.nautobot.commandLog().first();
    QCOMPARE(row.value(QLatin1String("status")).toString(), QStringLiteral("blocked"));
    QCOMPARE(row.value(QLatin1String("details")).toString(), QStringLiteral("Not permitted in organization T0SIM0001 (socketscope-demo)"));
    QTRY_COMPARE_WITH_TIMEOUT(h.slack.responseUrlPostLog().size(), 1, 5000);
    const QString text = QJsonDocument::fromJson(h.slack.responseUrlPostLog().first().body).object().value(QLatin1String("text")).toString();
    QVERIFY(text.startsWith(QLatin1String("Access to this bot and/or command is not permitted in organization T0SIM0001")));
}

void TestChatOpsDelivery::slowChatOps_timeoutMeaning_thenPatientClientAccepted()
{
    NautobotHarness h;
    QVERIFY(h.start());
    h.nautobot.setChatOpsDelayMs(2000);
    ChatOpsDelivery delivery(h.nautobot.baseUrl());
    delivery.setSigningSecret(h.nautobot.config().signingSecret);
    delivery.setTimeoutMs(400);
    auto late = deliver(delivery, h.frame(EnvelopeKind::SlashCommand));
    QVERIFY(late && late->ok());
    QCOMPARE(late->value().verdict, DeliveryVerdict::Timeout);
    QCOMPARE(late->value().httpStatus, 0);
    QVERIFY(late->value().meaning.contains(QLatin1String("operation_timeout")));
    QVERIFY(late->value().latencyUs < 1900000);

    delivery.setTimeoutMs(5000);
    auto patient = deliver(delivery, h.frame(EnvelopeKind::SlashCommand));
    QVERIFY(patient && patient->ok());
    QCOMPARE(patient->value().httpStatus, 200);
    QVERIFY(patient->value().latencyUs >= 1900000);
}

void TestChatOpsDelivery::neverAnswers_timeout()
{
    NautobotHarness h;
    QVERIFY(h.start());
    h.nautobot.setChatOpsNeverAnswers(true);
    ChatOpsDelivery delivery(h.nautobot.baseUrl());
    delivery.setSigningSecret(h.nautobot.config().signingSecret);
    delivery.setTimeoutMs(300);
    auto outcome = deliver(delivery, h.frame(EnvelopeKind::BlockActions));
    QVERIFY(outcome && outcome->ok());
    QCOMPARE(outcome->value().verdict, DeliveryVerdict::Timeout);
}

void TestChatOpsDelivery::noSecret_errorBeforeSending()
{
    NautobotHarness h;
    QVERIFY(h.start());
    ChatOpsDelivery delivery(h.nautobot.baseUrl());
    auto outcome = deliver(delivery, h.frame(EnvelopeKind::SlashCommand));
    QVERIFY(outcome && !outcome->ok());
    QCOMPARE(outcome->error().code, QStringLiteral("missing_signing_secret"));
    QVERIFY(outcome->error().fix.contains(QLatin1String("SOCKETSCOPE_SLACK_SIGNING_SECRET")));
    QCOMPARE(h.nautobot.slackRequests(), 0);
    delivery.setSigningSecret("x");
    auto hello = deliver(delivery, QByteArrayLiteral("{\"type\":\"hello\",\"num_connections\":1}"));
    QVERIFY(hello && !hello->ok());
}

void TestChatOpsDelivery::interpret_serverError_andOtherStatuses()
{
    const DeliveryOutcome e500 = ChatOpsDelivery::interpret(500, "Internal Server Error", "boom", QStringLiteral("/p"), false, {}, 1);
    QCOMPARE(e500.verdict, DeliveryVerdict::ServerError);
    QVERIFY(e500.meaning.contains(QLatin1String("#148")));
    const DeliveryOutcome refused = ChatOpsDelivery::interpret(0, {}, {}, QStringLiteral("/p"), false, QStringLiteral("Connection refused"), 1);
    QCOMPARE(refused.verdict, DeliveryVerdict::NetworkError);
    QVERIFY(refused.meaning.contains(QLatin1String("Connection refused")));
    const DeliveryOutcome proxy401 = ChatOpsDelivery::interpret(401, "Unauthorized", {}, QStringLiteral("/p"), false, {}, 1);
    QCOMPARE(proxy401.verdict, DeliveryVerdict::BadSignature);
    QVERIFY(proxy401.meaning.contains(QLatin1String("status line")));
}

QTEST_GUILESS_MAIN(TestChatOpsDelivery)
#include "tst_chatops_delivery.moc"
