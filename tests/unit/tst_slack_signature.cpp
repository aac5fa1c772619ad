#include "nautobot/SlackHttpForm.h"
#include "nautobot/SlackSignature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace socketscope;

namespace {

// Decodes application/x-www-form-urlencoded the way Django's QueryDict does: split on '&', then
// on the first '=', '+' is a space, then percent-decoding as UTF-8. Written independently of
// SlackHttpForm so the round trip checks the encoder against the receiver's rules.
QList<QPair<QString, QString>> djangoDecode(const QByteArray &body)
{
    QList<QPair<QString, QString>> fields;
    if (body.isEmpty())
        return fields;
    const QList<QByteArray> pairs = body.split('&');
    for (const QByteArray &pair : pairs) {
        const int eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        fields.append({QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                       QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return fields;
}

QString randomText(QRandomGenerator &rng, int maxLength)
{
    // The characters that break naive encoders: separators, '+', '%', whitespace, non-ASCII.
    static const QStringList pieces{
        QStringLiteral(" "),  QStringLiteral("&"),  QStringLiteral("="),  QStringLiteral("+"),  QStringLiteral("%"),
        QStringLiteral("%2F"), QStringLiteral("\n"), QStringLiteral("\r\n"), QStringLiteral("\t"), QStringLiteral("/"),
        QStringLiteral("?"),  QStringLiteral("#"),  QStringLiteral("\""), QStringLiteral("'"),  QStringLiteral("é"),
        QStringLiteral("ß"),  QStringLiteral("中"), QStringLiteral("😀"), QStringLiteral("“"),  QStringLiteral("a"),
        QStringLiteral("Z"),  QStringLiteral("7"),  QStringLiteral("-"),  QStringLiteral("_"),  QStringLiteral("~"),
        QStringLiteral("."),  QStringLiteral("<@U0SIMBOT01>"), QStringLiteral("get-devices")};
    QString out;
    const int n = rng.bounded(maxLength + 1);
    for (int i = 0; i < n; ++i)
        out += pieces.at(rng.bounded(static_cast<int>(pieces.size())));
    return out;
}

} // namespace

class TestSlackSignature : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sign_publishedExample_matchesSlackDocs();
    void verify_publishedExample_acceptsAndRejectsTampering();
    void verify_wrongSecretOrTimestamp_rejected();
    void constantTimeEquals_lengthsAndBytes();
    void formEncode_randomFields_roundTripAndSignatureVerifies();
    void fromFrame_randomSlashAndInteractive_roundTripAndSignatureVerifies();
};

static const QByteArray kSecret = QByteArrayLiteral("8f742231b10e8888abcd99yyyzzz85a5");
static const QByteArray kTimestamp = QByteArrayLiteral("1531420618");
static const QByteArray kBody = QByteArrayLiteral(
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
    "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
    "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");
static const QByteArray kExpected =
    QByteArrayLiteral("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");

void TestSlackSignature::sign_publishedExample_matchesSlackDocs()
{
    QCOMPARE(SlackSignature::sign(kSecret, kTimestamp, kBody), kExpected);
}

void TestSlackSignature::verify_publishedExample_acceptsAndRejectsTampering()
{
    QVERIFY(SlackSignature::verify(kSecret, kTimestamp, kBody, kExpected));
    QByteArray tampered = kBody;
    tampered.replace("roadrunner", "roadrunnex");
    QVERIFY(!SlackSignature::verify(kSecret, kTimestamp, tampered, kExpected));
    QByteArray upper = kExpected;
    upper[3] = 'A'; // 'a' → 'A': Slack's hex is lower case, the comparison is exact
    QVERIFY(!SlackSignature::verify(kSecret, kTimestamp, kBody, upper));
    QVERIFY(!SlackSignature::verify(kSecret, kTimestamp, kBody, QByteArray()));
}

void TestSlackSignature::verify_wrongSecretOrTimestamp_rejected()
{
    QVERIFY(!SlackSignature::verify(QByteArrayLiteral("8f742231b10e8888abcd99yyyzzz85a6"), kTimestamp, kBody, kExpected));
    QVERIFY(!SlackSignature::verify(kSecret, QByteArrayLiteral("1531420619"), kBody, kExpected));
}

void TestSlackSignature::constantTimeEquals_lengthsAndBytes()
{
    QVERIFY(SlackSignature::constantTimeEquals(QByteArrayLiteral("abc"), QByteArrayLiteral("abc")));
    QVERIFY(!SlackSignature::constantTimeEquals(QByteArrayLiteral("abc"), QByteArrayLiteral("abd")));
    QVERIFY(!SlackSignature::constantTimeEquals(QByteArrayLiteral("abc"), QByteArrayLiteral("abcd")));
    QVERIFY(SlackSignature::constantTimeEquals(QByteArray(), QByteArray()));
}

void TestSlackSignature::formEncode_randomFields_roundTripAndSignatureVerifies()
{
    QRandomGenerator rng(20240611); // fixed seed: a failure is reproducible
    for (int round = 0; round < 500; ++round) {
        QList<QPair<QString, QString>> fields;
        const int count = 1 + rng.bounded(8);
        for (int i = 0; i < count; ++i) {
            QString name = randomText(rng, 4);
            if (name.isEmpty())
                name = QStringLiteral("f%1").arg(i);
            fields.append({name, randomText(rng, 24)});
        }
        const QByteArray body = SlackHttpForm::formEncode(fields);
        QVERIFY2(!body.contains(' ') && !body.contains('\n'), body.constData());
        const QList<QPair<QString, QString>> decoded = djangoDecode(body);
        QCOMPARE(decoded, fields);

        const QByteArray secret = QByteArray::number(rng.generate64(), 16);
        const QByteArray timestamp = QByteArray::number(1500000000 + rng.bounded(200000000));
        const QByteArray signature = SlackSignature::sign(secret, timestamp, body);
        QVERIFY(SlackSignature::verify(secret, timestamp, body, signature));
        if (!body.isEmpty()) {
            QByteArray flipped = body;
            flipped[rng.bounded(static_cast<int>(flipped.size()))] ^= 0x01;
            QVERIFY(!SlackSignature::verify(secret, timestamp, flipped, signature));
        }
    }
}

void TestSlackSignature::fromFrame_randomSlashAndInteractive_roundTripAndSignatureVerifies()
{
    QRandomGenerator rng(7);
    for (int round = 0; round < 200; ++round) {
        const QJsonObject slash{{QStringLiteral("team_id"), QStringLiteral("T0SIM0001")},
                                {QStringLiteral("channel_name"), randomText(rng, 6)},
                                {QStringLiteral("user_name"), randomText(rng, 6)},
                                {QStringLiteral("command"), QStringLiteral("/nautobot")},
                                {QStringLiteral("text"), randomText(rng, 30)},
                                {QStringLiteral("is_enterprise_install"), QStringLiteral("false")}};
        const QJsonObject slashFrame{{QStringLiteral("envelope_id"), QStringLiteral("e1")},
                                     {QStringLiteral("type"), QStringLiteral("slash_commands")},
                                     {QStringLiteral("payload"), slash}};
        auto request = SlackHttpForm::fromFrame(QJsonDocument(slashFrame).toJson(QJsonDocument::Compact));
        QVERIFY(request.ok());
        QHash<QString, QString> decoded;
        for (const auto &field : djangoDecode(request->body))
            decoded.insert(field.first, field.second);
        QCOMPARE(decoded.size(), slash.size());
        for (auto it = slash.constBegin(); it != slash.constEnd(); ++it)
            QCOMPARE(decoded.value(it.key()), it.value().toString());
        QVERIFY(SlackSignature::verify("s", "1", request->body, SlackSignature::sign("s", "1", request->body)));

        const QJsonObject interactive{{QStringLiteral("type"), QStringLiteral("block_actions")},
                                      {QStringLiteral("actions"), QJsonArray{QJsonObject{
                                           {QStringLiteral("action_id"), randomText(rng, 20)},
                                           {QStringLiteral("value"), randomText(rng, 20)}}}}};
        const QJsonObject interactiveFrame{{QStringLiteral("envelope_id"), QStringLiteral("e2")},
                                           {QStringLiteral("type"), QStringLiteral("interactive")},
                                           {QStringLiteral("payload"), interactive}};
        auto form = SlackHttpForm::fromFrame(QJsonDocument(interactiveFrame).toJson(QJsonDocument::Compact));
        QVERIFY(form.ok());
        const auto fields = djangoDecode(form->body);
        QCOMPARE(fields.size(), 1);
        QCOMPARE(fields.first().first, QStringLiteral("payload"));
        QCOMPARE(QJsonDocument::fromJson(fields.first().second.toUtf8()).object(), interactive);
    }
}

QTEST_GUILESS_MAIN(TestSlackSignature)
#include "tst_slack_signature.moc"
