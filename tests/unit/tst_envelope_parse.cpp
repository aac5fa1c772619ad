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
    // The semantics parseFrame keeps from Qt's JSON parser (QJsonDocument and the QJsonValue accessors).
    void duplicateKeys_lastWins();
    void nestedEnvelopeId_doesNotCount();
    void interactive_firstActionOnly();
    void wrongValueTypes_giveEmptyFields();
    void retryAttempt_toIntRules_data();
    void retryAttempt_toIntRules();
    void nesting_1024LevelsAllowed();
    void trailingBytes_data();
    void trailingBytes();
    void topLevelScalarOrEmpty_data();
    void topLevelScalarOrEmpty();
    void qtLeniencies_kept();
    void numberQtRejects_isMalformed_data();
    void numberQtRejects_isMalformed();
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

void TestEnvelopeParse::duplicateKeys_lastWins()
{
    Frame f = parseFrame(R"({"envelope_id":"a","type":"slash_commands","payload":{"command":"/x","command":"/nautobot"},"envelope_id":"b"})", 1);
    QCOMPARE(f.kind, Frame::Kind::Envelope);
    QCOMPARE(f.envelope.envelopeId, QStringLiteral("b"));
    QCOMPARE(f.envelope.subtype, QStringLiteral("/nautobot"));

    // A later non-object replaces the whole earlier object.
    f = parseFrame(R"({"envelope_id":"a","type":"slash_commands","payload":{"team_id":"T1","user_id":"U1"},"payload":7})", 1);
    QCOMPARE(f.kind, Frame::Kind::Envelope);
    QCOMPARE(f.envelope.teamId, QString());
    QCOMPARE(f.envelope.userId, QString());

    f = parseFrame(R"({"envelope_id":"a","type":"events_api","payload":{"event":{"type":"message","text":"first"},"event":{"type":"app_mention"}}})", 1);
    QCOMPARE(f.envelope.subtype, QStringLiteral("app_mention"));
    QCOMPARE(f.envelope.text, QString());

    f = parseFrame(R"({"envelope_id":"ok","envelope_id":5,"type":"events_api"})", 1);
    QCOMPARE(f.kind, Frame::Kind::Malformed);
    QCOMPARE(f.problem, QStringLiteral("envelope_id is not a non-empty string"));
    f = parseFrame(R"({"envelope_id":5,"envelope_id":"ok","type":"events_api"})", 1);
    QCOMPARE(f.kind, Frame::Kind::Envelope);
    QCOMPARE(f.envelope.envelopeId, QStringLiteral("ok"));

    // Keys compare after unescaping.
    f = parseFrame(R"({"type":"hello","typ\u0065":"disconnect","reason":"r"})", 1);
    QCOMPARE(f.kind, Frame::Kind::Disconnect);
    QCOMPARE(f.reason, QStringLiteral("r"));

    f = parseFrame(R"({"type":"interactive","envelope_id":"i","payload":{"actions":[{"action_id":"a","value":"v"}],"actions":[],"callback_id":"cb"}})", 1);
    QCOMPARE(f.envelope.text, QStringLiteral("cb"));
}

void TestEnvelopeParse::nestedEnvelopeId_doesNotCount()
{
    Frame f = parseFrame(R"({"type":"events_api","payload":{"envelope_id":"nested","event":{"envelope_id":"deeper","type":"hello"}}})", 1);
    QCOMPARE(f.kind, Frame::Kind::Malformed);
    QCOMPARE(f.problem, QStringLiteral("unknown message type \"events_api\" without envelope_id"));

    f = parseFrame(R"({"payload":{"envelope_id":"x","type":"hello"},"list":[{"type":"hello"}]})", 1);
    QCOMPARE(f.kind, Frame::Kind::Malformed);
    QCOMPARE(f.problem, QStringLiteral("JSON object without type or envelope_id"));

    // Only the exact paths count: event.text is not payload.text, debug_info.host only at top level.
    f = parseFrame(R"({"envelope_id":"s","type":"slash_commands","payload":{"event":{"text":"no"},"x":{"command":"/no"}}})", 1);
    QCOMPARE(f.envelope.text, QString());
    QCOMPARE(f.envelope.subtype, QString());
    f = parseFrame(R"({"type":"disconnect","payload":{"debug_info":{"host":"no"}},"reason":"r"})", 1);
    QCOMPARE(f.kind, Frame::Kind::Disconnect);
    QCOMPARE(f.host, QString());

    // null is still "contains envelope_id".
    f = parseFrame(R"({"envelope_id":null,"type":"hello"})", 1);
    QCOMPARE(f.kind, Frame::Kind::Malformed);
    QCOMPARE(f.problem, QStringLiteral("envelope_id is not a non-empty string"));
}

void TestEnvelopeParse::interactive_firstActionOnly()
{
    const auto text = [](const char *payload) {
        return parseFrame(QByteArrayLiteral(R"({"envelope_id":"i1","type":"interactive","payload":)") + payload + '}', 1).envelope.text;
    };
    // The first element counts only if it is an object; a non-empty array still wins over view and callback_id.
    QCOMPARE(text(R"({"actions":["x",{"action_id":"a","value":"v"}],"view":{"callback_id":"vc"},"callback_id":"cb"})"), QString());
    QCOMPARE(text(R"({"actions":[null],"callback_id":"cb"})"), QString());
    QCOMPARE(text(R"({"actions":[{"action_id":"a","value":"v"},{"action_id":"b","value":"w"}]})"), QStringLiteral("a v"));
    QCOMPARE(text(R"({"actions":[{"action_id":"a","value":"","selected_option":{"value":"opt"}}]})"), QStringLiteral("a opt"));
    QCOMPARE(text(R"({"actions":[{"action_id":"a","value":7,"selected_option":{"value":"opt"}}]})"), QStringLiteral("a opt"));
    QCOMPARE(text(R"({"actions":[{"value":"v","action_id":["a"]}]})"), QStringLiteral("v"));
    // Empty or not an array: view (any value, even null) before callback_id.
    QCOMPARE(text(R"({"actions":[],"view":{"callback_id":"vc"},"callback_id":"cb"})"), QStringLiteral("vc"));
    QCOMPARE(text(R"({"actions":{"0":{"action_id":"a"}},"view":null,"callback_id":"cb"})"), QString());
    QCOMPARE(text(R"({"actions":"a","callback_id":"cb"})"), QStringLiteral("cb"));

    Envelope e = parseFrame(R"({"envelope_id":"i2","type":"interactive","payload":{"type":"view_submission","channel":{"id":""},"container":{"channel_id":"C2"},"team":"T","user":{"id":"U"}}})", 1).envelope;
    QCOMPARE(e.channelId, QStringLiteral("C2"));
    QCOMPARE(e.teamId, QString());
    QCOMPARE(e.userId, QStringLiteral("U"));
}

void TestEnvelopeParse::wrongValueTypes_giveEmptyFields()
{
    Frame f = parseFrame(R"({"envelope_id":"s1","type":"slash_commands","payload":{"command":7,"team_id":null,"channel_id":["C"],"user_id":{"id":"U"},"text":true},"retry_reason":1,"retry_attempt":"2","accepts_response_payload":"true"})", 1);
    QCOMPARE(f.kind, Frame::Kind::Envelope);
    const Envelope &e = f.envelope;
    QCOMPARE(e.subtype, QString());
    QCOMPARE(e.teamId, QString());
    QCOMPARE(e.channelId, QString());
    QCOMPARE(e.userId, QString());
    QCOMPARE(e.text, QString());
    QCOMPARE(e.retryReason, QString());
    QCOMPARE(e.retryAttempt, 0);
    QVERIFY(!e.acceptsResponsePayload);

    f = parseFrame(R"({"envelope_id":"u1","type":7,"payload":"x"})", 1);
    QCOMPARE(f.kind, Frame::Kind::Envelope);
    QCOMPARE(f.envelope.type, QStringLiteral("(unknown)"));
    f = parseFrame(R"({"envelope_id":"u2","type":"","payload":"x"})", 1);
    QCOMPARE(f.envelope.type, QString());

    f = parseFrame(R"({"type":"hello","num_connections":"2","debug_info":{"host":1,"approximate_connection_time":1.5},"connection_info":"A1"})", 1);
    QCOMPARE(f.kind, Frame::Kind::Hello);
    QCOMPARE(f.numConnections, 0);
    QCOMPARE(f.host, QString());
    QCOMPARE(f.approximateConnectionTimeS, 0);
    QCOMPARE(f.appId, QString());

    f = parseFrame(R"({"type":42})", 1);
    QCOMPARE(f.problem, QStringLiteral("JSON object without type or envelope_id"));
}

void TestEnvelopeParse::retryAttempt_toIntRules_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("expected");
    QTest::newRow("int") << QByteArray("3") << 3;
    QTest::newRow("integral double") << QByteArray("2.0") << 2;
    QTest::newRow("exponent") << QByteArray("1e1") << 10;
    QTest::newRow("exponent fraction") << QByteArray("0.5E1") << 5;
    QTest::newRow("fraction") << QByteArray("2.5") << 0;
    QTest::newRow("minus zero") << QByteArray("-0.0") << 0;
    QTest::newRow("int max") << QByteArray("2147483647") << 2147483647;
    QTest::newRow("int min") << QByteArray("-2147483648") << int(-2147483647 - 1);
    QTest::newRow("above int") << QByteArray("2147483648") << 0;
    QTest::newRow("below int") << QByteArray("-2147483649") << 0;
    QTest::newRow("double above int") << QByteArray("3000000000.0") << 0;
    QTest::newRow("beyond int64") << QByteArray("18446744073709551616") << 0;
    QTest::newRow("rounds to integral") << QByteArray("2.99999999999999999") << 3;
    QTest::newRow("denormal") << QByteArray("4e-320") << 0;
    QTest::newRow("string") << QByteArray("\"2\"") << 0;
    QTest::newRow("bool") << QByteArray("true") << 0;
}

void TestEnvelopeParse::retryAttempt_toIntRules()
{
    QFETCH(QByteArray, value);
    QFETCH(int, expected);
    const Frame f = parseFrame(R"({"envelope_id":"r","type":"events_api","retry_attempt":)" + value + '}', 1);
    QCOMPARE(f.kind, Frame::Kind::Envelope);
    QCOMPARE(f.envelope.retryAttempt, expected);
}

void TestEnvelopeParse::nesting_1024LevelsAllowed()
{
    // Qt's limit: 1024 nested arrays/objects parse, 1025 are "too deeply nested".
    const auto nested = [](int levels) {
        QByteArray f = R"({"envelope_id":"deep","type":"events_api","payload":)";
        for (int i = 2; i < levels; ++i)
            f += R"({"a":)";
        f += "{}" + QByteArray(levels - 1, '}');
        return f;
    };
    Frame f = parseFrame(nested(1024), 1);
    QCOMPARE(f.kind, Frame::Kind::Envelope);
    f = parseFrame(nested(1025), 1);
    QCOMPARE(f.kind, Frame::Kind::Malformed);
    QCOMPARE(f.problem, QStringLiteral("not JSON: too deeply nested document at offset %1").arg(52 + 1023 * 5 + 1));

    f = parseFrame(QByteArray(1024, '[') + QByteArray(1024, ']'), 1);
    QCOMPARE(f.problem, QStringLiteral("a JSON array, not an object"));
    f = parseFrame(QByteArray(1025, '[') + QByteArray(1025, ']'), 1);
    QCOMPARE(f.problem, QStringLiteral("not JSON: too deeply nested document at offset 1025"));
}

void TestEnvelopeParse::trailingBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("problem"); // empty: a Hello
    QTest::newRow("whitespace") << QByteArray("\r\n{\"type\":\"hello\"} \t\r\n") << QString();
    QTest::newRow("garbage") << QByteArray("{\"type\":\"hello\"}x") << QStringLiteral("not JSON: garbage at the end of the document at offset 16");
    QTest::newRow("second document") << QByteArray("{\"type\":\"hello\"}{}") << QStringLiteral("not JSON: garbage at the end of the document at offset 16");
    QTest::newRow("NUL") << QByteArray("{\"type\":\"hello\"}\0", 17) << QStringLiteral("not JSON: garbage at the end of the document at offset 16");
    QTest::newRow("NUL inside") << QByteArray("{\"type\":\0\"hello\"}", 17) << QStringLiteral("not JSON: illegal number at offset 8");
    QTest::newRow("truncated UTF-8") << QByteArray("{\"type\":\"hello\xF0\x9F") << QStringLiteral("not JSON: invalid UTF8 string at offset 14");
}

void TestEnvelopeParse::trailingBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, problem);
    const Frame f = parseFrame(bytes, 1);
    QCOMPARE(f.problem, problem);
    QCOMPARE(f.kind, problem.isEmpty() ? Frame::Kind::Hello : Frame::Kind::Malformed);
}

void TestEnvelopeParse::topLevelScalarOrEmpty_data()
{
    // Qt 6 accepts only an object or an array at top level: a scalar is a parse error ("not a JSON
    // object" is never reached).
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("problem");
    QTest::newRow("number") << QByteArray("42") << QStringLiteral("not JSON: illegal value at offset 1");
    QTest::newRow("string") << QByteArray("\"x\"") << QStringLiteral("not JSON: illegal value at offset 1");
    QTest::newRow("null") << QByteArray("null") << QStringLiteral("not JSON: illegal value at offset 1");
    QTest::newRow("true") << QByteArray(" true") << QStringLiteral("not JSON: illegal value at offset 2");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not JSON: illegal value at offset 0");
    QTest::newRow("whitespace") << QByteArray(" \n ") << QStringLiteral("not JSON: illegal value at offset 3");
    QTest::newRow("array") << QByteArray(R"([{"envelope_id":"x","type":"hello"}])") << QStringLiteral("a JSON array, not an object");
}

void TestEnvelopeParse::topLevelScalarOrEmpty()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, problem);
    const Frame f = parseFrame(bytes, 1);
    QCOMPARE(f.kind, Frame::Kind::Malformed);
    QCOMPARE(f.problem, problem);
}

void TestEnvelopeParse::qtLeniencies_kept()
{
    // Qt accepts more than RFC 8259, and so does parseFrame: raw control characters and NUL in
    // strings, unknown escapes, lone surrogates, "1." and ".5", a UTF-8 byte order mark.
    const auto text = [](const QByteArray &eventText) {
        const Frame f = parseFrame(R"({"envelope_id":"q","type":"events_api","payload":{"event":{"text":")" + eventText + R"("}}})", 1);
        return f.kind == Frame::Kind::Envelope ? f.envelope.text : QStringLiteral("malformed: ") + f.problem;
    };
    QCOMPARE(text("a\tb\x01" "c"), QStringLiteral("a b\x01" "c"));
    QCOMPARE(text(QByteArray("a\0b", 3)), QString::fromUtf8("a\0b", 3));
    QCOMPARE(text(R"(\q\')"), QStringLiteral("q'"));
    QCOMPARE(text(R"(\u0000)"), QString(QChar(0)));
    QCOMPARE(text(R"(x\ud800)"), QStringLiteral("x") + QChar(0xd800));
    QCOMPARE(text(R"(x\udc00y)"), QStringLiteral("x") + QChar(0xdc00) + QLatin1Char('y'));
    QCOMPARE(text(R"(\ud83d\ude00)"), QString::fromUtf8("\xF0\x9F\x98\x80"));
    QCOMPARE(text("\xEF\xBF\xBF"), QString::fromUtf8("\xEF\xBF\xBF")); // a noncharacter is valid UTF-8

    Frame f = parseFrame(R"({"envelope_id":"n","type":"events_api","retry_attempt":1.,"x":[.5,-.5]})", 1);
    QCOMPARE(f.kind, Frame::Kind::Envelope);
    QCOMPARE(f.envelope.retryAttempt, 1);
    f = parseFrame("\xEF\xBB\xBF{\"type\":\"hello\",\"num_connections\":3}", 1);
    QCOMPARE(f.kind, Frame::Kind::Hello);
    QCOMPARE(f.numConnections, 3);
}

void TestEnvelopeParse::numberQtRejects_isMalformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("problem");
    // Qt's number conversion refuses overflow and underflow to zero, anywhere in the frame.
    QTest::newRow("underflow") << QByteArray(R"({"envelope_id":"n","x":[1e-400]})") << QStringLiteral("not JSON: illegal number at offset 30");
    QTest::newRow("overflow") << QByteArray(R"({"envelope_id":"n","x":{"y":-1e309}})") << QStringLiteral("not JSON: illegal number at offset 34");
    QTest::newRow("long integer") << QByteArray(R"({"envelope_id":"n","x":1)") + QByteArray(400, '0') + '}' << QStringLiteral("not JSON: illegal number at offset 424");
    QTest::newRow("NaN") << QByteArray(R"({"envelope_id":"n","x":NaN})") << QStringLiteral("not JSON: illegal number at offset 23");
    QTest::newRow("raw surrogate") << QByteArray("{\"envelope_id\":\"\xED\xA0\x80\"}") << QStringLiteral("not JSON: invalid UTF8 string at offset 16");
    QTest::newRow("overlong") << QByteArray("{\"envelope_id\":\"\xC0\xAF\"}") << QStringLiteral("not JSON: invalid UTF8 string at offset 16");
}

void TestEnvelopeParse::numberQtRejects_isMalformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, problem);
    const Frame f = parseFrame(bytes, 1);
    QCOMPARE(f.kind, Frame::Kind::Malformed);
    QCOMPARE(f.problem, problem);
}

QTEST_GUILESS_MAIN(TestEnvelopeParse)
#include "tst_envelope_parse.moc"
