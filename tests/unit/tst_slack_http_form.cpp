#include "nautobot/SlackHttpForm.h"

#include <QJsonDocument>
#include <QUrlQuery>
#include <QtTest>

using namespace socketscope;

class TestSlackHttpForm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formEncode_data();
    void formEncode();
    void slashCommand_matchesRealSlackBodyByteForByte_data();
    void slashCommand_matchesRealSlackBodyByteForByte();
    void slashCommand_extraKeysFollowKnownOrder();
    void interactive_isPayloadFieldWithCompactJson();
    void blockSuggestion_carriesOptionsLoadNote();
    void eventsApi_isJsonWithRetryHeadersOnlyOnRetries();
    void unknownType_isError();
    void notJson_isError();
};

void TestSlackHttpForm::formEncode_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("space as plus") << QStringLiteral("main 2222") << QByteArray("main+2222");
    QTest::newRow("slash") << QStringLiteral("/build") << QByteArray("%2Fbuild");
    QTest::newRow("plus itself") << QStringLiteral("a+b") << QByteArray("a%2Bb");
    QTest::newRow("unreserved kept") << QStringLiteral("a-b.c_d~e") << QByteArray("a-b.c_d~e");
    QTest::newRow("utf8") << QStringLiteral("é") << QByteArray("%C3%A9");
    QTest::newRow("ampersand and equals") << QStringLiteral("x=1&y") << QByteArray("x%3D1%26y");
    QTest::newRow("empty") << QString() << QByteArray();
}

void TestSlackHttpForm::formEncode()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, encoded);
    QCOMPARE(SlackHttpForm::formEncode({{QStringLiteral("k"), value}}), QByteArray("k=") + encoded);
}

void TestSlackHttpForm::slashCommand_matchesRealSlackBodyByteForByte_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QByteArray>("body");
    // The real Slack body from reference/slack-socket-mode.md §9; JSON keys deliberately out of order.
    const QByteArray real = "token=EidhofDor5uIpqQ9RrtOVdnC&team_id=T04PK47EDS4&team_domain=demoworkspace-tid8978"
                            "&channel_id=C04NET94NBH&channel_name=sample-app&user_id=U04NVDEF7R8&user_name=pint12"
                            "&command=%2Fbuild&text=main+2222&api_app_id=A04NXU23QGL&is_enterprise_install=false"
                            "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT04PK47EDS4%2F4863712501879"
                            "%2FdOMNffCDfTjlSskBrmB1bOtR&trigger_id=4890883491553.4801143489888."
                            "910b8eaae200b381834de25310583f74";
    const QByteArray payloadTail = R"("trigger_id":"4890883491553.4801143489888.910b8eaae200b381834de25310583f74","response_url":"https://hooks.slack.com/commands/T04PK47EDS4/4863712501879/dOMNffCDfTjlSskBrmB1bOtR","user_name":"pint12","user_id":"U04NVDEF7R8","token":"EidhofDor5uIpqQ9RrtOVdnC","text":"main 2222","team_id":"T04PK47EDS4","team_domain":"demoworkspace-tid8978","command":"/build","channel_name":"sample-app","channel_id":"C04NET94NBH","api_app_id":"A04NXU23QGL")";
    QTest::newRow("boolean as string")
        << (QByteArray(R"({"envelope_id":"e1","type":"slash_commands","accepts_response_payload":true,"payload":{)")
            + payloadTail + R"(,"is_enterprise_install":"false"}})")
        << real;
    QTest::newRow("boolean as JSON bool")
        << (QByteArray(R"({"envelope_id":"e1","type":"slash_commands","accepts_response_payload":true,"payload":{)")
            + payloadTail + R"(,"is_enterprise_install":false}})")
        << real;
}

void TestSlackHttpForm::slashCommand_matchesRealSlackBodyByteForByte()
{
    QFETCH(QByteArray, frame);
    QFETCH(QByteArray, body);
    const auto request = SlackHttpForm::fromFrame(frame);
    QVERIFY2(request.ok(), qPrintable(request.ok() ? QString() : request.error().message));
    QCOMPARE(request->body, body);
    QCOMPARE(request->path, QStringLiteral("/api/plugins/chatops/slack/slash_command/"));
    QCOMPARE(request->contentType, QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(request->headers.first().second, QByteArray("application/x-www-form-urlencoded"));
}

void TestSlackHttpForm::slashCommand_extraKeysFollowKnownOrder()
{
    const auto request = SlackHttpForm::fromFrame(
        R"({"envelope_id":"e","type":"slash_commands","payload":{"zeta":"z","command":"/nautobot","alpha":1,"text":"get-devices"}})");
    QVERIFY(request.ok());
    QCOMPARE(request->body, QByteArray("command=%2Fnautobot&text=get-devices&alpha=1&zeta=z"));
}

void TestSlackHttpForm::interactive_isPayloadFieldWithCompactJson()
{
    const QByteArray frame = R"({"envelope_id":"x","type":"interactive","accepts_response_payload":false,"payload":{"type":"block_actions","user":{"id":"U111"},"actions":[{"action_id":"a","value":"one two/three"}],"response_url":"https://hooks.slack.com/actions/T1/1/x"}})";
    const auto request = SlackHttpForm::fromFrame(frame);
    QVERIFY(request.ok());
    QCOMPARE(request->path, QStringLiteral("/api/plugins/chatops/slack/interaction/"));
    QCOMPARE(request->contentType, QByteArray("application/x-www-form-urlencoded"));
    QVERIFY(request->body.startsWith("payload=%7B"));
    QVERIFY(!request->body.contains('&'));
    // Decoding the single field gives back exactly the envelope's payload.
    const QByteArray encoded = request->body.mid(8);
    const QByteArray json = QByteArray::fromPercentEncoding(QByteArray(encoded).replace('+', ' '));
    const QJsonObject expected = QJsonDocument::fromJson(frame).object().value(QLatin1String("payload")).toObject();
    QCOMPARE(QJsonDocument::fromJson(json).object(), expected);
    QVERIFY(request->note.isEmpty());
}

void TestSlackHttpForm::blockSuggestion_carriesOptionsLoadNote()
{
    const auto request = SlackHttpForm::fromFrame(
        R"({"envelope_id":"x","type":"interactive","payload":{"type":"block_suggestion","value":"ams"}})");
    QVERIFY(request.ok());
    QVERIFY(request->note.contains(QStringLiteral("Options Load URL")));
}

void TestSlackHttpForm::eventsApi_isJsonWithRetryHeadersOnlyOnRetries()
{
    const QByteArray first = R"({"envelope_id":"a","type":"events_api","retry_attempt":0,"retry_reason":"","payload":{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention","text":"hi"}}})";
    const auto request = SlackHttpForm::fromFrame(first);
    QVERIFY(request.ok());
    QCOMPARE(request->path, QStringLiteral("/api/plugins/chatops/slack/event/"));
    QCOMPARE(request->contentType, QByteArray("application/json"));
    QCOMPARE(QJsonDocument::fromJson(request->body).object().value(QLatin1String("event_id")).toString(),
             QStringLiteral("Ev1"));
    for (const auto &header : request->headers)
        QVERIFY(!header.first.startsWith("X-Slack-Retry"));

    const QByteArray retry = R"({"envelope_id":"b","type":"events_api","retry_attempt":2,"retry_reason":"timeout","payload":{"type":"event_callback","event_id":"Ev1"}})";
    const auto retried = SlackHttpForm::fromFrame(retry);
    QVERIFY(retried.ok());
    QList<QPair<QByteArray, QByteArray>> expected{{"X-Slack-Retry-Num", "2"}, {"X-Slack-Retry-Reason", "http_timeout"}};
    QCOMPARE(retried->headers.mid(retried->headers.size() - 2), expected);
    const QString display = retried->toDisplayText();
    QVERIFY(display.startsWith(QStringLiteral("POST /api/plugins/chatops/slack/event/ HTTP/1.1\n")));
    QVERIFY(display.contains(QStringLiteral("X-Slack-Retry-Num: 2\n")));
    QVERIFY(display.contains(QStringLiteral("Content-Length: %1\n\n").arg(retried->body.size())));
}

void TestSlackHttpForm::unknownType_isError()
{
    const auto request = SlackHttpForm::fromFrame(R"({"envelope_id":"x","type":"future_thing","payload":{}})");
    QVERIFY(!request.ok());
    QCOMPARE(request.error().code, QStringLiteral("no_http_equivalent"));
}

void TestSlackHttpForm::notJson_isError()
{
    QCOMPARE(SlackHttpForm::fromFrame("<html>").error().code, QStringLiteral("not_json"));
    QCOMPARE(SlackHttpForm::fromFrame(R"({"type":"slash_commands"})").error().code, QStringLiteral("no_payload"));
}

QTEST_GUILESS_MAIN(TestSlackHttpForm)
#include "tst_slack_http_form.moc"
