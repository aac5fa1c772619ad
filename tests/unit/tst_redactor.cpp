#include "CaptureFixtures.h"

#include "capture/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace socketscope;

namespace {

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QJsonObject payloadOf(const QJsonObject &frame)
{
    return frame.value(QStringLiteral("payload")).toObject();
}

} // namespace

class TestRedactor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void slashCommand_masksResponseUrlTriggerIdAndToken();
    void blockActions_masksResponseUrlKeepsActions();
    void viewSubmission_masksResponseUrlsArray();
    void functionExecuted_masksBotAccessTokenAndTokensInText();
    void freeText_masksEveryTokenKindAndHooksUrls();
    void mask_keepsOnlyShortPrefix();
    void redact_isIdempotent();
    void nonSecrets_unchanged();
    void formBody_slashCommand_masksSecretsKeepsOtherFieldsExact();
    void formBody_interactivePayload_masksInsideJson();
};

void TestRedactor::slashCommand_masksResponseUrlTriggerIdAndToken()
{
    const QByteArray frame = fixtures::slashCommand(QStringLiteral("e1"));
    const QByteArray redacted = Redactor::redactJson(frame);
    QVERIFY(!redacted.contains(fixtures::kSlashResponseUrl));
    QVERIFY(!redacted.contains(fixtures::kSlashTriggerId));
    QVERIFY(!redacted.contains(fixtures::kLegacyToken));
    const QJsonObject p = payloadOf(object(redacted));
    QCOMPARE(p.value(QStringLiteral("response_url")).toString(),
             QStringLiteral("https://hooks.slack.com/commands/…[redacted]"));
    QCOMPARE(p.value(QStringLiteral("trigger_id")).toString(), QStringLiteral("4890…[redacted]"));
    QCOMPARE(p.value(QStringLiteral("token")).toString(), QStringLiteral("Eidh…[redacted]"));
    QCOMPARE(p.value(QStringLiteral("command")).toString(), QStringLiteral("/nautobot"));
    QCOMPARE(p.value(QStringLiteral("text")).toString(), QStringLiteral("get-devices location ams01"));
    QCOMPARE(object(redacted).value(QStringLiteral("envelope_id")).toString(), QStringLiteral("e1"));
}

void TestRedactor::blockActions_masksResponseUrlKeepsActions()
{
    const QJsonObject redacted = Redactor::redact(object(fixtures::blockActions(QStringLiteral("e2"))));
    const QJsonObject p = payloadOf(redacted);
    QCOMPARE(p.value(QStringLiteral("response_url")).toString(),
             QStringLiteral("https://hooks.slack.com/actions/…[redacted]"));
    QCOMPARE(p.value(QStringLiteral("trigger_id")).toString(), QStringLiteral("…[redacted]")); // short: nothing kept
    QCOMPARE(p.value(QStringLiteral("token")).toString(), QStringLiteral("fixe…[redacted]"));
    QCOMPARE(p.value(QStringLiteral("actions")).toArray().first().toObject().value(QStringLiteral("action_id")).toString(),
             QStringLiteral("nautobot get-devices location"));
}

void TestRedactor::viewSubmission_masksResponseUrlsArray()
{
    const QByteArray frame = R"({"envelope_id":"v1","payload":{"type":"view_submission","token":"verification-token","trigger_id":"111.222.xxx","view":{"id":"V123ABC456","callback_id":"modal-with-inputs","private_metadata":"shhh-its-secret"},"response_urls":[{"block_id":"b1","action_id":"a1","channel_id":"C111","response_url":"https://hooks.slack.com/app/T111/1234567890/AbCdEfGhIjKlMnOpQrStUvWx"}]},"type":"interactive","accepts_response_payload":true})";
    const QByteArray redacted = Redactor::redactJson(frame);
    QVERIFY(!redacted.contains("AbCdEfGhIjKlMnOpQrStUvWx"));
    const QJsonObject entry = payloadOf(object(redacted)).value(QStringLiteral("response_urls")).toArray().first().toObject();
    QCOMPARE(entry.value(QStringLiteral("response_url")).toString(), QStringLiteral("https://hooks.slack.com/app/…[redacted]"));
    QCOMPARE(entry.value(QStringLiteral("channel_id")).toString(), QStringLiteral("C111"));
    // An empty list stays an empty list.
    const QJsonObject empty = Redactor::redact(object(R"({"response_urls":[]})"));
    QVERIFY(empty.value(QStringLiteral("response_urls")).toArray().isEmpty());
}

void TestRedactor::functionExecuted_masksBotAccessTokenAndTokensInText()
{
    const QByteArray redacted = Redactor::redactJson(fixtures::functionExecuted(QStringLiteral("f1"), QStringLiteral("EvF")));
    QVERIFY(!redacted.contains(fixtures::kWorkflowToken));
    QVERIFY(!redacted.contains(fixtures::kBotTokenInText));
    const QJsonObject event = payloadOf(object(redacted)).value(QStringLiteral("event")).toObject();
    QCOMPARE(event.value(QStringLiteral("bot_access_token")).toString(), QStringLiteral("xwfp-2222…[redacted]"));
    QCOMPARE(event.value(QStringLiteral("inputs")).toObject().value(QStringLiteral("note")).toString(),
             QStringLiteral("paste xoxb-1234…[redacted] here"));
}

void TestRedactor::freeText_masksEveryTokenKindAndHooksUrls()
{
    const QString appToken = QStringLiteral("xapp-1-A028U9TTUG1-4862139540453-8a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d");
    const QString userToken = QStringLiteral("xoxp-1111111111-2222222222-3333333333-0123456789abcdef0123456789abcdef");
    const QString rotating = QStringLiteral("xoxe.xoxp-1-Mi0yLTExMTExMTExMTExLTIyMjIyMjIyMjIy");
    const QString webhook = QStringLiteral("https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX");
    const QString text = QStringLiteral("app %1, user %2; rotating %3 and <%4|the webhook> plus GovSlack "
                                        "https://hooks.slack-gov.com/commands/T1/2/secretpart")
                             .arg(appToken, userToken, rotating, webhook);
    const QString out = Redactor::redactText(text);
    for (const QString &secret : {appToken, userToken, rotating, webhook, QStringLiteral("secretpart")})
        QVERIFY2(!out.contains(secret), "a secret survived redaction");
    QVERIFY(out.startsWith(QStringLiteral("app xapp-1-A0…[redacted], user xoxp-1111…[redacted]; rotating ")));
    QVERIFY(out.contains(QStringLiteral("<https://hooks.slack.com/services/…[redacted]|the webhook>")));
    QVERIFY(out.contains(QStringLiteral("https://hooks.slack-gov.com/commands/…[redacted]")));
}

void TestRedactor::mask_keepsOnlyShortPrefix()
{
    const QString bot = QString::fromLatin1(fixtures::kBotTokenInText);
    const QString masked = Redactor::maskSecret(bot);
    QCOMPARE(masked, QStringLiteral("xoxb-1234…[redacted]"));
    QCOMPARE(Redactor::maskSecret(QStringLiteral("short")), QStringLiteral("…[redacted]"));
    QCOMPARE(Redactor::maskSecret(QString()), QString());
    // A bare "xoxb-" prefix is no secret and stays as it is in text.
    QCOMPARE(Redactor::redactText(QStringLiteral("tokens start with xoxb- or xapp-")),
             QStringLiteral("tokens start with xoxb- or xapp-"));
}

void TestRedactor::redact_isIdempotent()
{
    for (const QByteArray &frame : {fixtures::slashCommand(QStringLiteral("i1")), fixtures::blockActions(QStringLiteral("i2")),
                                    fixtures::functionExecuted(QStringLiteral("i3"), QStringLiteral("EvI"))}) {
        const QByteArray once = Redactor::redactJson(frame);
        QCOMPARE(Redactor::redactJson(once), once);
    }
    const QString text = Redactor::redactText(QString::fromLatin1("see " + fixtures::kSlashResponseUrl + " and " + fixtures::kBotTokenInText));
    QCOMPARE(Redactor::redactText(text), text);
}

void TestRedactor::nonSecrets_unchanged()
{
    const QByteArray frame = fixtures::appMention(QStringLiteral("n1"), QStringLiteral("EvN"));
    QJsonObject in = object(frame);
    QJsonObject payload = payloadOf(in);
    payload.remove(QStringLiteral("token"));
    in.insert(QStringLiteral("payload"), payload);
    QCOMPARE(Redactor::redact(in), in);
    QCOMPARE(Redactor::redactText(QStringLiteral("get-devices location ams01")), QStringLiteral("get-devices location ams01"));
    QCOMPARE(Redactor::redactJson("not json at all"), QByteArray("not json at all"));
}

void TestRedactor::formBody_slashCommand_masksSecretsKeepsOtherFieldsExact()
{
    // The real slash-command body from the reference (§9).
    const QByteArray body = "token=EidhofDor5uIpqQ9RrtOVdnC&team_id=T04PK47EDS4&team_domain=demoworkspace-tid8978&channel_id=C04NET94NBH&channel_name=sample-app&user_id=U04NVDEF7R8&user_name=pint12&command=%2Fbuild&text=main+2222&api_app_id=A04NXU23QGL&is_enterprise_install=false&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT04PK47EDS4%2F4863712501879%2FdOMNffCDfTjlSskBrmB1bOtR&trigger_id=4890883491553.4801143489888.910b8eaae200b381834de25310583f74";
    const QByteArray out = Redactor::redactFormBody(body);
    QVERIFY(!out.contains("EidhofDor5uIpqQ9RrtOVdnC"));
    QVERIFY(!out.contains("dOMNffCDfTjlSskBrmB1bOtR"));
    QVERIFY(!out.contains("910b8eaae200b381834de25310583f74"));
    QVERIFY(out.contains("&command=%2Fbuild&text=main+2222&")); // untouched fields keep their exact bytes
    QVERIFY(out.startsWith("token=Eidh"));
    const QList<QByteArray> fields = out.split('&');
    QCOMPARE(fields.size(), body.split('&').size());
    QCOMPARE(QByteArray::fromPercentEncoding(fields.at(11)),
             QByteArray("response_url=https://hooks.slack.com/commands/…[redacted]"));
    QCOMPARE(Redactor::redactFormBody(out), out);
}

void TestRedactor::formBody_interactivePayload_masksInsideJson()
{
    const QJsonObject payload = payloadOf(object(fixtures::blockActions(QStringLiteral("fb"))));
    const QByteArray body = "payload=" + QUrl::toPercentEncoding(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    const QByteArray out = Redactor::redactFormBody(body);
    QVERIFY(out.startsWith("payload="));
    const QByteArray json = QByteArray::fromPercentEncoding(out.mid(8));
    QVERIFY(!json.contains(fixtures::kActionsResponseUrl));
    QCOMPARE(QJsonDocument::fromJson(json).object().value(QStringLiteral("response_url")).toString(),
             QStringLiteral("https://hooks.slack.com/actions/…[redacted]"));
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
