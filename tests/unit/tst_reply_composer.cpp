#include "answers/ReplyComposer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace socketscope;

namespace {

QByteArray sectionBlocks(int count, int textChars = 10)
{
    QJsonArray blocks;
    for (int i = 0; i < count; ++i)
        blocks.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("section")},
                                  {QStringLiteral("text"), QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                                                                       {QStringLiteral("text"), QString(textChars, QLatin1Char('x'))}}}});
    return QJsonDocument(QJsonObject{{QStringLiteral("blocks"), blocks}}).toJson(QJsonDocument::Compact);
}

QByteArray fieldsBlock(int fields, int chars)
{
    QJsonArray list;
    for (int i = 0; i < fields; ++i)
        list.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")}, {QStringLiteral("text"), QString(chars, QLatin1Char('f'))}});
    return QJsonDocument(QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("section")}, {QStringLiteral("fields"), list}}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestReplyComposer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void blockKit_validation_data();
    void blockKit_validation();
    void text_limits_data();
    void text_limits();
    void options_visibilityAndReplaceOriginal();
    void preview_rendersBlockTypesReadably();
    void forChatPostMessage_dropsResponseUrlFields();
};

void TestReplyComposer::blockKit_validation_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");    // empty = valid
    QTest::addColumn<QString>("mentions"); // part of the error message

    QTest::newRow("one section") << sectionBlocks(1) << QString() << QString();
    QTest::newRow("bare array") << QByteArray(R"([{"type":"divider"},{"type":"header","text":{"type":"plain_text","text":"Hi"}}])") << QString() << QString();
    QTest::newRow("50 blocks") << sectionBlocks(50) << QString() << QString();
    QTest::newRow("51 blocks") << sectionBlocks(51) << QStringLiteral("too_many_blocks") << QStringLiteral("51 blocks");
    QTest::newRow("syntax error") << QByteArray("{\"blocks\": [\n {\"type\": \"divider\"}\n ,, ]}") << QStringLiteral("json_syntax")
                                  << QStringLiteral("line 3");
    QTest::newRow("syntax offset") << QByteArray("{\"blocks\": [}") << QStringLiteral("json_syntax") << QStringLiteral("offset 13 (line 1, column 14)");
    QTest::newRow("blocks object") << QByteArray(R"({"blocks":{"type":"divider"}})") << QStringLiteral("blocks_not_array") << QStringLiteral("an object");
    QTest::newRow("block string") << QByteArray(R"({"blocks":[{"type":"divider"},"divider"]})") << QStringLiteral("block_not_object")
                                  << QStringLiteral("blocks[1] is a string");
    QTest::newRow("block no type") << QByteArray(R"({"blocks":[{"text":{"type":"mrkdwn","text":"a"}}]})") << QStringLiteral("block_without_type")
                                   << QStringLiteral("blocks[0]");
    QTest::newRow("section 3000") << sectionBlocks(1, 3000) << QString() << QString();
    QTest::newRow("section 3001") << sectionBlocks(1, 3001) << QStringLiteral("section_text_too_long") << QStringLiteral("3001 characters");
    QTest::newRow("section empty") << QByteArray(R"([{"type":"section"}])") << QStringLiteral("section_empty") << QStringLiteral("blocks[0]");
    QTest::newRow("10 fields") << fieldsBlock(10, 2000) << QString() << QString();
    QTest::newRow("11 fields") << fieldsBlock(11, 5) << QStringLiteral("too_many_fields") << QStringLiteral("11 fields");
    QTest::newRow("field 2001") << fieldsBlock(2, 2001) << QStringLiteral("field_text_too_long") << QStringLiteral("blocks[0].fields[0]");
    QTest::newRow("header 151") << QByteArray("[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"") + QByteArray(151, 'h') + "\"}}]"
                                << QStringLiteral("header_text_too_long") << QStringLiteral("151");
    QTest::newRow("no blocks no text") << QByteArray(R"({"unfurl_links":false})") << QStringLiteral("empty_message") << QString();
    QTest::newRow("empty array") << QByteArray("[]") << QStringLiteral("empty_message") << QString();
    QTest::newRow("text number") << QByteArray(R"({"text":42})") << QStringLiteral("text_not_string") << QStringLiteral("a number");
}

void TestReplyComposer::blockKit_validation()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    QFETCH(QString, mentions);
    auto message = ReplyComposer::fromBlockKit(json);
    if (code.isEmpty()) {
        QVERIFY2(message.ok(), message.ok() ? "" : qPrintable(message.error().toString()));
        QVERIFY(ReplyComposer::validate(message.value()).ok());
        return;
    }
    QVERIFY(!message.ok());
    QCOMPARE(message.error().code, code);
    QVERIFY2(message.error().message.contains(mentions), qPrintable(message.error().message));
}

void TestReplyComposer::text_limits_data()
{
    QTest::addColumn<int>("chars");
    QTest::addColumn<QString>("code");
    QTest::newRow("1") << 1 << QString();
    QTest::newRow("40000") << 40000 << QString();
    QTest::newRow("40001") << 40001 << QStringLiteral("text_too_long");
    QTest::newRow("blank") << 0 << QStringLiteral("empty_message");
}

void TestReplyComposer::text_limits()
{
    QFETCH(int, chars);
    QFETCH(QString, code);
    auto message = ReplyComposer::fromText(QString(chars, QLatin1Char('t')));
    if (code.isEmpty()) {
        QVERIFY(message.ok());
        QCOMPARE(message->value(QLatin1String("text")).toString().size(), chars);
    } else {
        QVERIFY(!message.ok());
        QCOMPARE(message.error().code, code);
    }
}

void TestReplyComposer::options_visibilityAndReplaceOriginal()
{
    auto ephemeral = ReplyComposer::fromText(QStringLiteral("hi"));
    QVERIFY(ephemeral.ok());
    QCOMPARE(ephemeral->value(QLatin1String("response_type")).toString(), QStringLiteral("ephemeral"));
    QVERIFY(!ephemeral->contains(QLatin1String("replace_original")));

    ReplyOptions options;
    options.visibility = ReplyVisibility::InChannel;
    options.replaceOriginal = true;
    options.threadTs = QStringLiteral("1700000000.000100");
    auto inChannel = ReplyComposer::fromBlockKit(sectionBlocks(1), options);
    QVERIFY(inChannel.ok());
    QCOMPARE(inChannel->value(QLatin1String("response_type")).toString(), QStringLiteral("in_channel"));
    QCOMPARE(inChannel->value(QLatin1String("replace_original")).toBool(), true);
    QCOMPARE(inChannel->value(QLatin1String("thread_ts")).toString(), options.threadTs);

    // Pasted JSON that says otherwise is overruled by the explicit options.
    auto overruled = ReplyComposer::fromBlockKit(QByteArray(R"({"text":"x","response_type":"in_channel","replace_original":true})"));
    QVERIFY(overruled.ok());
    QCOMPARE(overruled->value(QLatin1String("response_type")).toString(), QStringLiteral("ephemeral"));
    QVERIFY(!overruled->contains(QLatin1String("replace_original")));

    QCOMPARE(ReplyComposer::validate(QJsonObject{{QStringLiteral("text"), QStringLiteral("x")}, {QStringLiteral("response_type"), QStringLiteral("public")}})
                 .error().code,
             QStringLiteral("bad_response_type"));
    QCOMPARE(ReplyComposer::validate(QJsonObject{{QStringLiteral("text"), QStringLiteral("x")}, {QStringLiteral("replace_original"), 3}}).error().code,
             QStringLiteral("bad_replace_original"));
}

void TestReplyComposer::preview_rendersBlockTypesReadably()
{
    const QByteArray json = R"([
      {"type":"header","text":{"type":"plain_text","text":"Devices at ams01"}},
      {"type":"section","text":{"type":"mrkdwn","text":"*3* devices"}},
      {"type":"section","fields":[{"type":"mrkdwn","text":"*Status*\nActive"},{"type":"mrkdwn","text":"*Role*\nleaf"}]},
      {"type":"divider"},
      {"type":"context","elements":[{"type":"mrkdwn","text":"from Nautobot"},{"type":"image","image_url":"https://x/y.png","alt_text":"logo"}]},
      {"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"Refresh"}}]},
      {"type":"rich_text","elements":[]}
    ])";
    auto message = ReplyComposer::fromBlockKit(json);
    QVERIFY(message.ok());
    const QString preview = ReplyComposer::preview(message.value());
    const QStringList lines = preview.split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), QStringLiteral("Devices at ams01"));
    QCOMPARE(lines.value(1), QString(16, QLatin1Char('=')));
    QCOMPARE(lines.value(2), QStringLiteral("*3* devices"));
    QCOMPARE(lines.value(3), QStringLiteral("  • *Status*: Active"));
    QCOMPARE(lines.value(4), QStringLiteral("  • *Role*: leaf"));
    QCOMPARE(lines.value(5), QString(40, QChar(0x2500)));
    QCOMPARE(lines.value(6), QStringLiteral("  from Nautobot · [logo]"));
    QCOMPARE(lines.value(7), QStringLiteral("[Refresh]"));
    QCOMPARE(lines.value(8), QStringLiteral("[rich_text block]"));

    auto text = ReplyComposer::fromText(QStringLiteral("plain answer"));
    QVERIFY(text.ok());
    QCOMPARE(ReplyComposer::preview(text.value()), QStringLiteral("plain answer"));
}

void TestReplyComposer::forChatPostMessage_dropsResponseUrlFields()
{
    ReplyOptions options;
    options.visibility = ReplyVisibility::InChannel;
    options.replaceOriginal = true;
    auto message = ReplyComposer::fromText(QStringLiteral("hello"), options);
    QVERIFY(message.ok());
    const QJsonObject args = ReplyComposer::forChatPostMessage(message.value(), QStringLiteral("C0SIMNOC01"));
    QCOMPARE(args.value(QLatin1String("channel")).toString(), QStringLiteral("C0SIMNOC01"));
    QCOMPARE(args.value(QLatin1String("text")).toString(), QStringLiteral("hello"));
    QVERIFY(!args.contains(QLatin1String("response_type")));
    QVERIFY(!args.contains(QLatin1String("replace_original")));
}

QTEST_GUILESS_MAIN(TestReplyComposer)
#include "tst_reply_composer.moc"
