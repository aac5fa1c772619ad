#include "support/CaptureHarness.h"
#include "support/NautobotHarness.h"

#include "answers/ChatPostMessageSender.h"
#include "answers/ReplyComposer.h"
#include "answers/ResponseUrlSender.h"
#include "ChatPostMessageRoute.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace socketscope;
using socketscope::sim::EnvelopeKind;

namespace {

std::optional<Result<ResponseUrlOutcome>> answer(ResponseUrlSender &sender, const Envelope &e, const QJsonObject &message,
                                                 CaptureStore *store)
{
    return awaitResult<ResponseUrlOutcome>([&](auto done) { sender.send(e, message, store, &sender, done); });
}

std::optional<Result<PostedMessage>> postMessage(ChatPostMessageSender &sender, const QString &channel,
                                                 const QJsonObject &message, CaptureStore *store = nullptr, qint64 row = 0)
{
    return awaitResult<PostedMessage>([&](auto done) { sender.post(channel, message, store, row, &sender, done); });
}

QJsonObject textMessage(const QString &text)
{
    return ReplyComposer::fromText(text).value();
}

QString responseUrlOf(const QByteArray &frame)
{
    return QJsonDocument::fromJson(frame).object().value(QLatin1String("payload")).toObject().value(QLatin1String("response_url")).toString();
}

} // namespace

class TestHandAnswers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void responseUrl_answer_reachesSlackWithBody_andIsRecordedRedacted();
    void responseUrl_sixthAnswer_refusedBeforeSending_logStaysAtFive();
    void responseUrl_budget_survivesReopeningTheCapture();
    void responseUrl_olderThan30Minutes_refusedBeforeSending();
    void responseUrl_nautobotReplies_countAgainstBudget();
    void responseUrl_invalidMessage_refusedBeforeSending();
    void responseUrl_appMention_hasNone();
    void chatPostMessage_success_postedAndRecorded();
    void chatPostMessage_slackErrors_mappedToFixes_data();
    void chatPostMessage_slackErrors_mappedToFixes();
    void chatPostMessage_appToken_refusedLocally();
    void errorFor_everyDocumentedError_namesAFix_data();
    void errorFor_everyDocumentedError_namesAFix();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHandAnswers::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestHandAnswers::responseUrl_answer_reachesSlackWithBody_andIsRecordedRedacted()
{
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    const QByteArray frame = h.frame(EnvelopeKind::SlashCommand, QStringLiteral("env-a"));
    const Envelope e = captureFrame(*store, frame);
    ResponseUrlSender sender;
    ReplyOptions options;
    options.visibility = ReplyVisibility::InChannel;
    auto message = ReplyComposer::fromBlockKit(QByteArray(R"({"text":"Fallback","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*ams01* is fine"}}]})"), options);
    QVERIFY(message.ok());
    auto result = answer(sender, e, message.value(), store.get());
    QVERIFY(result && result->ok());
    const ResponseUrlOutcome &o = result->value();
    QVERIFY2(o.delivered, qPrintable(o.meaning));
    QCOMPARE(o.httpStatus, 200);
    QVERIFY(o.deliveryId > 0);
    QCOMPARE(o.budgetAfter.usesLeft, 4);

    QCOMPARE(h.slack.responseUrlPostLog().size(), 1);
    const auto post = h.slack.responseUrlPostLog().first();
    QCOMPARE(post.path, QUrl(responseUrlOf(frame)).path());
    QVERIFY(post.contentType.startsWith("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(post.body).object();
    QCOMPARE(body.value(QLatin1String("response_type")).toString(), QStringLiteral("in_channel"));
    QCOMPARE(body.value(QLatin1String("blocks")).toArray().first().toObject().value(QLatin1String("text")).toObject()
                 .value(QLatin1String("text")).toString(),
             QStringLiteral("*ams01* is fine"));

    auto deliveries = store->deliveries(e.rowId);
    QVERIFY(deliveries.ok());
    QCOMPARE(deliveries->size(), 1);
    QCOMPARE(deliveries->first().kind, QStringLiteral("response_url"));
    QCOMPARE(deliveries->first().statusCode, 200);
    // The secret part of the URL is not in the capture; the fingerprint is.
    const QString secretPart = QUrl(responseUrlOf(frame)).path().section(QLatin1Char('/'), 3);
    QVERIFY(!secretPart.isEmpty());
    QVERIFY2(!deliveries->first().target.contains(secretPart), qPrintable(deliveries->first().target));
    QVERIFY(ResponseUrlBudget::targetMatches(deliveries->first().target, responseUrlOf(frame)));
}

void TestHandAnswers::responseUrl_sixthAnswer_refusedBeforeSending_logStaysAtFive()
{
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    const Envelope e = captureFrame(*store, h.frame(EnvelopeKind::SlashCommand, QStringLiteral("env-5")));
    ResponseUrlSender sender;
    for (int i = 1; i <= 5; ++i) {
        auto result = answer(sender, e, textMessage(QStringLiteral("answer %1").arg(i)), store.get());
        QVERIFY(result && result->ok());
        QVERIFY(result->value().delivered);
        QCOMPARE(result->value().budgetAfter.usesLeft, 5 - i);
    }
    QCOMPARE(h.slack.responseUrlPostLog().size(), 5);
    auto budget = sender.budget(e, *store);
    QVERIFY(budget.ok());
    QVERIFY(budget->exhausted());

    auto sixth = answer(sender, e, textMessage(QStringLiteral("answer 6")), store.get());
    QVERIFY(sixth && !sixth->ok());
    QCOMPARE(sixth->error().code, QStringLiteral("response_url_exhausted"));
    QVERIFY(sixth->error().message.contains(QLatin1String("Nothing was sent")));
    QVERIFY(sixth->error().fix.contains(QLatin1String("chat.postMessage")));
    QTest::qWait(100);
    QCOMPARE(h.slack.responseUrlPostLog().size(), 5);
    QCOMPARE(store->deliveries(e.rowId)->size(), 5);
}

void TestHandAnswers::responseUrl_budget_survivesReopeningTheCapture()
{
    NautobotHarness h;
    QVERIFY(h.start());
    const QString path = m_dir->filePath(QStringLiteral("c.sqlite"));
    Envelope e;
    {
        auto store = openCapture(path);
        e = captureFrame(*store, h.frame(EnvelopeKind::SlashCommand, QStringLiteral("env-restart")));
        ResponseUrlSender sender;
        for (int i = 0; i < 3; ++i) {
            auto result = answer(sender, e, textMessage(QStringLiteral("before restart")), store.get());
            QVERIFY(result && result->ok() && result->value().delivered);
        }
    }
    auto reopened = openCapture(path);
    QVERIFY(reopened);
    auto again = reopened->envelopeById(QStringLiteral("env-restart"));
    QVERIFY(again.ok());
    ResponseUrlSender fresh;
    auto budget = fresh.budget(again.value(), *reopened);
    QVERIFY(budget.ok());
    QCOMPARE(budget->usedByAnswers, 3);
    QCOMPARE(budget->usesLeft, 2);
    QVERIFY(budget->summary().startsWith(QLatin1String("2 of 5 uses left")));
    for (int i = 0; i < 2; ++i) {
        auto result = answer(fresh, again.value(), textMessage(QStringLiteral("after restart")), reopened.get());
        QVERIFY(result && result->ok());
    }
    auto refused = answer(fresh, again.value(), textMessage(QStringLiteral("one too many")), reopened.get());
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, QStringLiteral("response_url_exhausted"));
    QCOMPARE(h.slack.responseUrlPostLog().size(), 5);
}

void TestHandAnswers::responseUrl_olderThan30Minutes_refusedBeforeSending()
{
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    const qint64 now = json::nowUs();
    const Envelope old = captureFrame(*store, h.frame(EnvelopeKind::SlashCommand, QStringLiteral("env-old")), now - 31LL * 60 * 1000000);
    const Envelope almost = captureFrame(*store, h.frame(EnvelopeKind::SlashCommand, QStringLiteral("env-29")), now - 29LL * 60 * 1000000);
    ResponseUrlSender sender;
    sender.setClock([now] { return now; });
    auto refused = answer(sender, old, textMessage(QStringLiteral("late")), store.get());
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, QStringLiteral("response_url_expired"));
    QVERIFY(refused->error().message.contains(QLatin1String("31 min")));
    QCOMPARE(h.slack.responseUrlPostLog().size(), 0);
    QCOMPARE(store->deliveries(old.rowId)->size(), 0);

    auto budget = sender.budget(almost, *store);
    QVERIFY(budget.ok());
    QVERIFY(!budget->expired());
    QCOMPARE(budget->msLeft(), 60 * 1000);
    auto sent = answer(sender, almost, textMessage(QStringLiteral("just in time")), store.get());
    QVERIFY(sent && sent->ok());
    QCOMPARE(h.slack.responseUrlPostLog().size(), 1);
}

void TestHandAnswers::responseUrl_nautobotReplies_countAgainstBudget()
{
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    const Envelope e = captureFrame(*store, h.frame(EnvelopeKind::SlashCommand, QStringLiteral("env-bridge")));
    DeliveryRecord bridged;
    bridged.envelopeRowId = e.rowId;
    bridged.kind = QStringLiteral("bridge");
    bridged.target = QStringLiteral("/api/plugins/chatops/slack/slash_command/");
    bridged.statusCode = 200;
    QVERIFY(store->recordDelivery(bridged).ok());
    ResponseUrlSender sender;
    auto budget = sender.budget(e, *store);
    QVERIFY(budget.ok());
    QCOMPARE(budget->usedByNautobot, 1);
    QCOMPARE(budget->usesLeft, 4);
}

void TestHandAnswers::responseUrl_invalidMessage_refusedBeforeSending()
{
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    const Envelope e = captureFrame(*store, h.frame(EnvelopeKind::SlashCommand, QStringLiteral("env-bad")));
    ResponseUrlSender sender;
    auto result = answer(sender, e, QJsonObject{{QStringLiteral("blocks"), QStringLiteral("nope")}}, store.get());
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("blocks_not_array"));
    auto noStore = answer(sender, e, textMessage(QStringLiteral("x")), nullptr);
    QVERIFY(noStore && !noStore->ok());
    QCOMPARE(noStore->error().code, QStringLiteral("no_capture"));
    QCOMPARE(h.slack.responseUrlPostLog().size(), 0);
}

void TestHandAnswers::responseUrl_appMention_hasNone()
{
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    const Envelope e = captureFrame(*store, h.frame(EnvelopeKind::AppMention, QStringLiteral("env-mention")));
    auto url = ResponseUrlSender::responseUrlOf(e);
    QVERIFY(!url.ok());
    QCOMPARE(url.error().code, QStringLiteral("no_response_url"));
    QVERIFY(url.error().fix.contains(QLatin1String("chat.postMessage")));
    const Envelope actions = captureFrame(*store, h.frame(EnvelopeKind::BlockActions, QStringLiteral("env-actions")));
    QVERIFY(ResponseUrlSender::responseUrlOf(actions).ok());
}

void TestHandAnswers::chatPostMessage_success_postedAndRecorded()
{
    NautobotHarness h;
    QVERIFY(h.start());
    auto store = openCapture(m_dir->filePath(QStringLiteral("c.sqlite")));
    const Envelope e = captureFrame(*store, h.frame(EnvelopeKind::AppMention, QStringLiteral("env-post")));
    QVERIFY(!e.channelId.isEmpty());
    ChatPostMessageSender sender(h.slack.apiUrl());
    sender.setBotToken(h.slack.config().botToken);
    ReplyOptions options;
    options.visibility = ReplyVisibility::InChannel;
    options.threadTs = QStringLiteral("1700000000.000100");
    auto message = ReplyComposer::fromBlockKit(QByteArray(R"([{"type":"section","text":{"type":"mrkdwn","text":"hand answer"}}])"), options);
    QVERIFY(message.ok());
    auto posted = postMessage(sender, e.channelId, message.value(), store.get(), e.rowId);
    QVERIFY2(posted && posted->ok(), posted && !posted->ok() ? qPrintable(posted->error().toString()) : "");
    QCOMPARE(posted->value().channel, e.channelId);
    QVERIFY(posted->value().ts.contains(QLatin1Char('.')));
    QVERIFY(posted->value().deliveryId > 0);
    const auto log = h.slack.chatPostMessageLog();
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().channel, e.channelId);
    QCOMPARE(log.first().ts, posted->value().ts);
    QCOMPARE(log.first().args.value(QLatin1String("thread_ts")).toString(), options.threadTs);
    QVERIFY(!log.first().args.contains(QLatin1String("response_type")));
    QCOMPARE(log.first().args.value(QLatin1String("blocks")).toArray().size(), 1);
    auto deliveries = store->deliveries(e.rowId);
    QVERIFY(deliveries.ok() && deliveries->size() == 1);
    QCOMPARE(deliveries->first().kind, QStringLiteral("chat.postMessage"));
    QCOMPARE(deliveries->first().statusCode, 200);
    QVERIFY(deliveries->first().outcome.startsWith(QLatin1String("ok ts=")));
}

void TestHandAnswers::chatPostMessage_slackErrors_mappedToFixes_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<bool>("removeBot");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("fixMentions");
    const QString bot = QStringLiteral("xoxb-1000000000001-2000000000002-SimBotTokenValue0001");
    QTest::newRow("wrong token") << QStringLiteral("xoxb-1-2-wrong") << QStringLiteral("C0SIMNOC01") << false << QStringLiteral("invalid_auth")
                                 << QStringLiteral("Bot User OAuth Token");
    QTest::newRow("no token") << QString() << QStringLiteral("C0SIMNOC01") << false << QStringLiteral("not_authed")
                              << QStringLiteral("SOCKETSCOPE_SLACK_BOT_TOKEN");
    QTest::newRow("channel name") << bot << QStringLiteral("#general") << false << QStringLiteral("channel_not_found")
                                  << QStringLiteral("channel ID");
    QTest::newRow("bot not in channel") << bot << QStringLiteral("C0SIMNET02") << true << QStringLiteral("not_in_channel")
                                        << QStringLiteral("/invite");
    QTest::newRow("no channel") << bot << QString() << false << QStringLiteral("no_channel") << QStringLiteral("channel");
}

void TestHandAnswers::chatPostMessage_slackErrors_mappedToFixes()
{
    QFETCH(QString, token);
    QFETCH(QString, channel);
    QFETCH(bool, removeBot);
    QFETCH(QString, code);
    QFETCH(QString, fixMentions);
    NautobotHarness h;
    QVERIFY(h.start());
    if (removeBot)
        h.slack.setBotInChannel(channel, false);
    ChatPostMessageSender sender(h.slack.apiUrl());
    sender.setBotToken(token);
    auto posted = postMessage(sender, channel, textMessage(QStringLiteral("hi")));
    QVERIFY(posted && !posted->ok());
    QCOMPARE(posted->error().code, code);
    QVERIFY2(posted->error().fix.contains(fixMentions), qPrintable(posted->error().toString()));
    QVERIFY(!posted->error().toString().contains(token.isEmpty() ? QStringLiteral("\x01") : token));
    QCOMPARE(h.slack.chatPostMessageLog().size(), 0);
}

void TestHandAnswers::chatPostMessage_appToken_refusedLocally()
{
    NautobotHarness h;
    QVERIFY(h.start());
    ChatPostMessageSender sender(h.slack.apiUrl());
    sender.setBotToken(h.slack.config().appToken);
    auto posted = postMessage(sender, QStringLiteral("C0SIMNOC01"), textMessage(QStringLiteral("hi")));
    QVERIFY(posted && !posted->ok());
    QCOMPARE(posted->error().code, QStringLiteral("not_allowed_token_type"));
    QVERIFY(posted->error().fix.contains(QLatin1String("xoxb-")));
}

void TestHandAnswers::errorFor_everyDocumentedError_namesAFix_data()
{
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("channel_not_found") << QStringLiteral("channel_not_found") << QStringLiteral("C123");
    QTest::newRow("not_in_channel") << QStringLiteral("not_in_channel") << QStringLiteral("/invite");
    QTest::newRow("is_archived") << QStringLiteral("is_archived") << QStringLiteral("archived");
    QTest::newRow("msg_too_long") << QStringLiteral("msg_too_long") << QStringLiteral("40,000");
    QTest::newRow("no_text") << QStringLiteral("no_text") << QStringLiteral("text");
    QTest::newRow("too_many_attachments") << QStringLiteral("too_many_attachments") << QStringLiteral("attachments");
    QTest::newRow("rate_limited") << QStringLiteral("rate_limited") << QStringLiteral("second");
    QTest::newRow("invalid_auth") << QStringLiteral("invalid_auth") << QStringLiteral("xoxb-");
    QTest::newRow("not_authed") << QStringLiteral("not_authed") << QStringLiteral("bot token");
    QTest::newRow("account_inactive") << QStringLiteral("account_inactive") << QStringLiteral("Reinstall");
    QTest::newRow("token_revoked") << QStringLiteral("token_revoked") << QStringLiteral("Reinstall");
    QTest::newRow("missing_scope") << QStringLiteral("missing_scope") << QStringLiteral("chat:write");
    QTest::newRow("no_permission") << QStringLiteral("no_permission") << QStringLiteral("admin");
    QTest::newRow("restricted_action") << QStringLiteral("restricted_action_read_only_channel") << QStringLiteral("admin");
    QTest::newRow("invalid_arguments") << QStringLiteral("invalid_arguments") << QStringLiteral("channel ID");
    QTest::newRow("unknown") << QStringLiteral("fatal_error") << QStringLiteral("fatal_error");
}

void TestHandAnswers::errorFor_everyDocumentedError_namesAFix()
{
    QFETCH(QString, error);
    QFETCH(QString, mentions);
    const Error e = ChatPostMessageSender::errorFor(error, QStringLiteral("C123"));
    QCOMPARE(e.code, error);
    QVERIFY2(e.toString().contains(mentions), qPrintable(e.toString()));
}

QTEST_GUILESS_MAIN(TestHandAnswers)
#include "tst_hand_answers.moc"
