#include "capture/EnvelopeFilter.h"

#include <QtTest>

using namespace socketscope;

namespace {

Envelope slash(const QString &user, const QString &channel, const QString &text, qint64 ackMs)
{
    Envelope e;
    e.type = QStringLiteral("slash_commands");
    e.subtype = QStringLiteral("/nautobot");
    e.userId = user;
    e.channelId = channel;
    e.text = text;
    e.receivedUs = 1'000'000;
    e.ackedUs = ackMs < 0 ? 0 : e.receivedUs + ackMs * 1000;
    return e;
}

Envelope makeEvent(const QString &eventType, const QString &text)
{
    Envelope e;
    e.type = QStringLiteral("events_api");
    e.subtype = eventType;
    e.userId = QStringLiteral("U999");
    e.channelId = QStringLiteral("C2");
    e.text = text;
    e.receivedUs = 5'000'000;
    e.ackedUs = 5'004'000;
    return e;
}

} // namespace

class TestEnvelopeFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_valid_data();
    void parse_valid();
    void parse_error_data();
    void parse_error();
    void matches_data();
    void matches();
    void typeRestriction_limitsToToggledTypes();
    void tokenize_foldsCaseAndDiacritics();
    void toSql_buildsClauseWithBoundValues();
    void toSql_emptyFilter_isTrue();
    void equality_ignoresWhitespace();
};

void TestEnvelopeFilter::parse_valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("terms");
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("spaces only") << QStringLiteral("   ") << 0;
    QTest::newRow("full example")
        << QStringLiteral("type:slash_commands user:U123 command:/nautobot channel:C1 ack>100 ack<=5 retry dup "
                          "unacked text:\"two words\" free words")
        << 12;
    QTest::newRow("quoted bare phrase") << QStringLiteral("\"get devices\"") << 1;
    QTest::newRow("negation") << QStringLiteral("!retry -dup") << 2;
    QTest::newRow("comma list") << QStringLiteral("type:slash,events") << 1;
    QTest::newRow("ack with units") << QStringLiteral("ack>=3s ack<250ms ack=0") << 3;
    QTest::newRow("ack at the bound") << QStringLiteral("ack<86400s ack<=86400000") << 2;
    QTest::newRow("escaped quote") << QStringLiteral("text:\"say \\\"hi\\\"\"") << 1;
}

void TestEnvelopeFilter::parse_valid()
{
    QFETCH(QString, text);
    QFETCH(int, terms);
    const auto result = EnvelopeFilter::parse(text);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->terms().size(), terms);
    QVERIFY(!EnvelopeFilter::check(text).has_value());
}

void TestEnvelopeFilter::parse_error_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("unknown field") << QStringLiteral("retry colour:red") << 6 << QStringLiteral("Unknown field \"colour\"");
    QTest::newRow("empty value") << QStringLiteral("user:") << 0 << QStringLiteral("needs a value");
    QTest::newRow("unterminated quote") << QStringLiteral("dup text:\"open") << 9 << QStringLiteral("Unterminated quote");
    QTest::newRow("ack without op") << QStringLiteral("ack") << 0 << QStringLiteral("needs a comparison");
    QTest::newRow("ack not a number") << QStringLiteral("ack>fast") << 4 << QStringLiteral("not a number");
    QTest::newRow("ack missing number") << QStringLiteral("ack>= retry") << 3 << QStringLiteral("needs a number");
    QTest::newRow("negative ack") << QStringLiteral("ack>-5") << 4 << QStringLiteral("not a number");
    // Found by fuzz_envelope_filter: the threshold times 1000 overflowed qint64 in toSql().
    QTest::newRow("ack too large") << QStringLiteral(" ack<=250666666666666660") << 6 << QStringLiteral("too large");
    QTest::newRow("ack seconds too large") << QStringLiteral("ack>9223372036854775s") << 4 << QStringLiteral("too large");
    QTest::newRow("ack just over a day") << QStringLiteral("ack>86401s") << 4 << QStringLiteral("up to 24 h");
    QTest::newRow("dangling negation") << QStringLiteral("retry ! dup") << 6 << QStringLiteral("must be followed");
    QTest::newRow("punctuation only") << QStringLiteral("type:interactive ...") << 17 << QStringLiteral("no letters or digits");
    QTest::newRow("comma only") << QStringLiteral("type:,") << 5 << QStringLiteral("needs a value");
}

void TestEnvelopeFilter::parse_error()
{
    QFETCH(QString, text);
    QFETCH(int, position);
    QFETCH(QString, messagePart);
    const auto error = EnvelopeFilter::check(text);
    QVERIFY(error.has_value());
    QCOMPARE(error->position, position);
    QVERIFY(error->length >= 1);
    QVERIFY2(error->message.contains(messagePart), qPrintable(error->message));
    const auto result = EnvelopeFilter::parse(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("filter_syntax"));
    QVERIFY(result.error().message.contains(QStringLiteral("column %1").arg(position + 1)));
}

void TestEnvelopeFilter::matches_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<Envelope>("envelope");
    QTest::addColumn<bool>("expected");

    const Envelope fast = slash(QStringLiteral("U123"), QStringLiteral("C1"), QStringLiteral("get-devices location ams01"), 40);
    const Envelope slow = slash(QStringLiteral("U777"), QStringLiteral("C9"), QStringLiteral("get-vlans"), 3200);
    const Envelope unacked = slash(QStringLiteral("U123"), QStringLiteral("C1"), QStringLiteral("about"), -1);
    Envelope retried = makeEvent(QStringLiteral("app_mention"), QStringLiteral("<@U1> show Ünïcode things"));
    retried.retryAttempt = 2;
    retried.duplicate = true;
    Envelope odd;
    odd.type = QStringLiteral("brand_new_type");
    odd.receivedUs = 1;
    Envelope withRaw = fast;
    withRaw.raw = R"({"payload":{"response_url":"https://hooks.slack.com/commands/T1/2/x"}})";

    QTest::newRow("type exact") << QStringLiteral("type:slash_commands") << fast << true;
    QTest::newRow("type alias") << QStringLiteral("type:slash") << fast << true;
    QTest::newRow("type other") << QStringLiteral("type:events_api") << fast << false;
    QTest::newRow("type any of") << QStringLiteral("type:interactive,events") << retried << true;
    QTest::newRow("type unknown") << QStringLiteral("type:unknown") << odd << true;
    QTest::newRow("type unknown excludes known") << QStringLiteral("type:unknown") << fast << false;
    QTest::newRow("user case-insensitive") << QStringLiteral("user:u123") << fast << true;
    QTest::newRow("user other") << QStringLiteral("user:U123") << slow << false;
    QTest::newRow("channel") << QStringLiteral("channel:C1") << fast << true;
    QTest::newRow("command with slash") << QStringLiteral("command:/nautobot") << fast << true;
    QTest::newRow("command without slash") << QStringLiteral("command:nautobot") << fast << true;
    QTest::newRow("event subtype") << QStringLiteral("event:app_mention") << retried << true;
    QTest::newRow("ack > fast") << QStringLiteral("ack>100") << fast << false;
    QTest::newRow("ack > slow") << QStringLiteral("ack>100") << slow << true;
    QTest::newRow("ack >= 3s") << QStringLiteral("ack>=3s") << slow << true;
    QTest::newRow("ack <= 40 boundary") << QStringLiteral("ack<=40") << fast << true;
    QTest::newRow("ack < 40 boundary") << QStringLiteral("ack<40") << fast << false;
    QTest::newRow("ack = 40") << QStringLiteral("ack=40") << fast << true;
    QTest::newRow("ack never matches unacked") << QStringLiteral("ack<100000") << unacked << false;
    QTest::newRow("unacked") << QStringLiteral("unacked") << unacked << true;
    QTest::newRow("unacked on acked") << QStringLiteral("unacked") << fast << false;
    QTest::newRow("acked") << QStringLiteral("acked") << fast << true;
    QTest::newRow("retry") << QStringLiteral("retry") << retried << true;
    QTest::newRow("retry on first delivery") << QStringLiteral("retry") << fast << false;
    QTest::newRow("dup") << QStringLiteral("dup") << retried << true;
    QTest::newRow("not dup") << QStringLiteral("!dup") << fast << true;
    QTest::newRow("not dup on dup") << QStringLiteral("-dup") << retried << false;
    QTest::newRow("bare word") << QStringLiteral("devices") << fast << true;
    QTest::newRow("bare word prefix") << QStringLiteral("loc") << fast << true;
    QTest::newRow("bare word case") << QStringLiteral("AMS01") << fast << true;
    QTest::newRow("bare word not infix") << QStringLiteral("evices") << fast << false;
    QTest::newRow("two bare words, both needed") << QStringLiteral("devices vlans") << fast << false;
    QTest::newRow("phrase in order") << QStringLiteral("text:\"location ams\"") << fast << true;
    QTest::newRow("words in any order (FTS5 detail=none)") << QStringLiteral("text:\"ams01 location\"") << fast << true;
    QTest::newRow("word from the raw frame") << QStringLiteral("hooks") << withRaw << true;
    QTest::newRow("word from the user id") << QStringLiteral("u777") << slow << true;
    QTest::newRow("diacritics folded") << QStringLiteral("unicode") << retried << true;
    QTest::newRow("negated text") << QStringLiteral("!vlans") << fast << true;
    QTest::newRow("everything at once")
        << QStringLiteral("type:slash_commands user:U123 command:/nautobot channel:C1 ack<=100 !retry get devices")
        << fast << true;
    QTest::newRow("one term fails all") << QStringLiteral("type:slash_commands user:U123 retry") << fast << false;
    QTest::newRow("empty matches all") << QString() << odd << true;
}

void TestEnvelopeFilter::matches()
{
    QFETCH(QString, filter);
    QFETCH(Envelope, envelope);
    QFETCH(bool, expected);
    const auto parsed = EnvelopeFilter::parse(filter);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->matches(envelope), expected);
}

void TestEnvelopeFilter::typeRestriction_limitsToToggledTypes()
{
    EnvelopeFilter filter = EnvelopeFilter::parse(QString()).value();
    filter.setTypeRestriction(QSet<QString>{QStringLiteral("events_api"), QStringLiteral("unknown")});
    QVERIFY(!filter.isEmpty());
    QVERIFY(filter.matches(makeEvent(QStringLiteral("message"), QStringLiteral("hi"))));
    QVERIFY(!filter.matches(slash(QStringLiteral("U1"), QStringLiteral("C1"), QString(), 1)));
    Envelope odd;
    odd.type = QStringLiteral("future_type");
    QVERIFY(filter.matches(odd));
    const SqlWhere sql = filter.toSql();
    QCOMPARE(sql.clause, QStringLiteral("(lower(type) IN (?) OR lower(type) NOT IN (?, ?, ?))"));
    QCOMPARE(sql.values.size(), 4);
    QCOMPARE(sql.values.first().toString(), QStringLiteral("events_api"));
}

void TestEnvelopeFilter::tokenize_foldsCaseAndDiacritics()
{
    QCOMPARE(EnvelopeFilter::tokenize(QStringLiteral("Get-Devices  Ünïcode_x 42")),
             (QStringList{QStringLiteral("get"), QStringLiteral("devices"), QStringLiteral("unicode"),
                          QStringLiteral("x"), QStringLiteral("42")}));
    QVERIFY(EnvelopeFilter::tokenize(QStringLiteral(" -- !! ")).isEmpty());
}

void TestEnvelopeFilter::toSql_buildsClauseWithBoundValues()
{
    const auto parsed = EnvelopeFilter::parse(
        QStringLiteral("type:slash user:U1 command:nautobot ack>100 retry !dup unacked \"two words\" free"));
    QVERIFY(parsed.ok());
    const SqlWhere sql = parsed->toSql();
    QCOMPARE(sql.clause,
             QStringLiteral("(lower(type) IN (?)) AND user_id COLLATE NOCASE IN (?) AND "
                            "(subtype = ? COLLATE NOCASE OR subtype = ? COLLATE NOCASE) AND "
                            "(acked_us > 0 AND (acked_us - received_us) > ?) AND retry_attempt > 0 AND "
                            "NOT (duplicate <> 0) AND acked_us <= 0 AND "
                            "id IN (SELECT rowid FROM envelopes_fts WHERE envelopes_fts MATCH ?)"));
    const QVariantList expected{QStringLiteral("slash_commands"), QStringLiteral("U1"), QStringLiteral("nautobot"),
                                QStringLiteral("/nautobot"), qint64(100000),
                                QStringLiteral("\"two\" AND \"words\"* AND \"free\"*")};
    QCOMPARE(sql.values.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(sql.values.at(i).toString(), expected.at(i).toString());

    const SqlWhere negated = EnvelopeFilter::parse(QStringLiteral("!vlans"))->toSql();
    QCOMPARE(negated.clause, QStringLiteral("NOT (id IN (SELECT rowid FROM envelopes_fts WHERE envelopes_fts MATCH ?))"));
    QCOMPARE(negated.values.first().toString(), QStringLiteral("\"vlans\"*"));

    // Values are bound, never spliced into the SQL text.
    const auto hostile = EnvelopeFilter::parse(QStringLiteral("user:x');DROP_TABLE"));
    QVERIFY(hostile.ok());
    QVERIFY(!hostile->toSql().clause.contains(QStringLiteral("DROP")));
}

void TestEnvelopeFilter::toSql_emptyFilter_isTrue()
{
    QCOMPARE(EnvelopeFilter::parse(QString())->toSql().clause, QStringLiteral("1"));
    QVERIFY(EnvelopeFilter::parse(QString())->toSql().values.isEmpty());
}

void TestEnvelopeFilter::equality_ignoresWhitespace()
{
    QVERIFY(EnvelopeFilter::parse(QStringLiteral("retry  dup")).value()
            == EnvelopeFilter::parse(QStringLiteral(" retry dup ")).value());
    QVERIFY(EnvelopeFilter::parse(QStringLiteral("retry")).value() != EnvelopeFilter::parse(QStringLiteral("dup")).value());
}

QTEST_GUILESS_MAIN(TestEnvelopeFilter)
#include "tst_envelope_filter.moc"
