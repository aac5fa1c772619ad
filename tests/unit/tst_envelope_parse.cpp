#include "slack/Envelope.h"

#include <QtTest>

using namespace socketscope;

class TestEnvelopeParse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hello_readsConnectionInfo();
    void disconnect_readsReason();
    void slashCommand_fillsSummaryFields();
    void eventsApiRetry_readsRetryAndEventId();
    void blockActions_summarisesAction();
    void unknownEnvelopeType_isKeptAsEnvelope();
    void malformed_data();
    void malformed();
};

void TestEnvelopeParse::hello_readsConnectionInfo()
{
    const QByteArray f = R"({"type":"hello","num_connections":2,"debug_info":{"host":"applink-d85c5c684-k8lpq","build_number":18,"approximate_connection_time":18060},"connection_info":{"app_id":"A028U9TTUG1"}})";
    const Frame frame = parseFrame(f, 1);
    QCOMPARE(frame.kind, Frame::Kind::Hello);
    QCOMPARE(frame.numConnections, 2);
    QCOMPARE(frame.host, QStringLiteral("applink-d85c5c684-k8lpq"));
    QCOMPARE(frame.approximateConnectionTimeS, 18060);
    QCOMPARE(frame.appId, QStringLiteral("A028U9TTUG1"));
}

void TestEnvelopeParse::disconnect_readsReason()
{
    const Frame frame = parseFrame(R"({"type":"disconnect","reason":"too_many_websockets","debug_info":{"host":"applink-10"}})", 1);
    QCOMPARE(frame.kind, Frame::Kind::Disconnect);
    QCOMPARE(frame.reason, QStringLiteral("too_many_websockets"));
    QCOMPARE(frame.host, QStringLiteral("applink-10"));
}

void TestEnvelopeParse::slashCommand_fillsSummaryFields()
{
    const QByteArray f = R"({"envelope_id":"1d3c79ab-0ffb-41f3-a080-d19e85f53649","payload":{"token":"verification-token","team_id":"T111","team_domain":"xxx","channel_id":"C111","channel_name":"random","user_id":"U111","user_name":"testxyz","command":"/nautobot","text":"get-devices location ams01","api_app_id":"A111","response_url":"https://hooks.slack.com/commands/T111/111/xxx","trigger_id":"111.222.xxx"},"type":"slash_commands","accepts_response_payload":true})";
    const Frame frame = parseFrame(f, 42);
    QCOMPARE(frame.kind, Frame::Kind::Envelope);
    const Envelope &e = frame.envelope;
    QCOMPARE(e.envelopeId, QStringLiteral("1d3c79ab-0ffb-41f3-a080-d19e85f53649"));
    QCOMPARE(e.type, QStringLiteral("slash_commands"));
    QCOMPARE(e.subtype, QStringLiteral("/nautobot"));
    QCOMPARE(e.teamId, QStringLiteral("T111"));
    QCOMPARE(e.channelId, QStringLiteral("C111"));
    QCOMPARE(e.userId, QStringLiteral("U111"));
    QCOMPARE(e.text, QStringLiteral("get-devices location ams01"));
    QVERIFY(e.acceptsResponsePayload);
    QCOMPARE(e.receivedUs, 42);
    QCOMPARE(e.raw, f);
}

void TestEnvelopeParse::eventsApiRetry_readsRetryAndEventId()
{
    const QByteArray f = R"({"envelope_id":"08cfc559-d933-402e-a5c1-79e135afaae4","payload":{"token":"xxx","team_id":"T111","api_app_id":"A111","event":{"type":"message","text":"<@W111>","user":"U111","ts":"1610197986.000300","team":"T111","channel":"C111","event_ts":"1610197986.000300","channel_type":"channel"},"type":"event_callback","event_id":"Ev111","event_time":1610197986},"type":"events_api","accepts_response_payload":false,"retry_attempt":1,"retry_reason":"timeout"})";
    const Envelope e = parseFrame(f, 1).envelope;
    QCOMPARE(e.type, QStringLiteral("events_api"));
    QCOMPARE(e.subtype, QStringLiteral("message"));
    QCOMPARE(e.eventId, QStringLiteral("Ev111"));
    QCOMPARE(e.retryAttempt, 1);
    QCOMPARE(e.retryReason, QStringLiteral("timeout"));
    QCOMPARE(e.channelId, QStringLiteral("C111"));
    QVERIFY(!e.acceptsResponsePayload);
}

void TestEnvelopeParse::blockActions_summarisesAction()
{
    const QByteArray f = R"({"envelope_id":"x1","payload":{"type":"block_actions","user":{"id":"U111"},"team":{"id":"T111"},"channel":{"id":"C111","name":"random"},"actions":[{"action_id":"nautobot get-devices location","block_id":"b","selected_option":{"value":"7f1e"},"type":"static_select"}]},"type":"interactive","accepts_response_payload":false})";
    const Envelope e = parseFrame(f, 1).envelope;
    QCOMPARE(e.subtype, QStringLiteral("block_actions"));
    QCOMPARE(e.text, QStringLiteral("nautobot get-devices location 7f1e"));
    QCOMPARE(e.userId, QStringLiteral("U111"));
    QCOMPARE(e.channelId, QStringLiteral("C111"));
}

void TestEnvelopeParse::unknownEnvelopeType_isKeptAsEnvelope()
{
    const Frame frame = parseFrame(R"({"envelope_id":"e-9","type":"future_thing","payload":{}})", 1);
    QCOMPARE(frame.kind, Frame::Kind::Envelope);
    QCOMPARE(frame.envelope.type, QStringLiteral("future_thing"));
}

void TestEnvelopeParse::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("not json") << QByteArray("hello there");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("array") << QByteArray("[1,2,3]");
    QTest::newRow("truncated") << QByteArray(R"({"envelope_id":"a","type":"events)");
    QTest::newRow("numeric id") << QByteArray(R"({"envelope_id":12,"type":"events_api"})");
    QTest::newRow("empty id") << QByteArray(R"({"envelope_id":"","type":"events_api"})");
    QTest::newRow("no type") << QByteArray(R"({"foo":1})");
    QTest::newRow("unknown type") << QByteArray(R"({"type":"ping"})");
    QTest::newRow("deep nesting") << QByteArray(100000, '[');
}

void TestEnvelopeParse::malformed()
{
    QFETCH(QByteArray, bytes);
    const Frame frame = parseFrame(bytes, 1);
    QCOMPARE(frame.kind, Frame::Kind::Malformed);
    QVERIFY(!frame.problem.isEmpty());
}

QTEST_GUILESS_MAIN(TestEnvelopeParse)
#include "tst_envelope_parse.moc"
