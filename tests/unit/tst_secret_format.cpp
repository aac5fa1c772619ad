// Format checks for pasted secrets, the QtKeychain error mapping and the environment override.
// Values below are made-up fixtures shaped like real tokens, not secrets.
#include "secrets/KeychainError.h"
#include "secrets/SecretFormat.h"
#include "secrets/SecretResolver.h"
#include "secrets/SecretStore.h"

#include <QtTest>

using namespace socketscope;

namespace {
const QString kApp = QStringLiteral("xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
const QString kBot = QStringLiteral("xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx");
const QString kUser = QStringLiteral("xoxp-1234567890-1234567890-1234567890123-0123456789abcdef0123456789abcdef");
const QString kSigning = QStringLiteral("0123456789abcdef0123456789abcdef");
const QString kNautobot = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
} // namespace

class TestSecretFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validate_data();
    void validate();
    void check_surroundingWhitespace_trimmedAndFlagged();
    void check_proxyPassword_keepsSpaces();
    void botTokenAsAppToken_namedWithWhereToFindAppToken();
    void messages_neverContainTheValue();
    void keychainError_data();
    void keychainError();
    void resolver_envSet_winsAndReportsSourceOnly();
    void resolver_blankEnv_fallsBackToKeychain();
    void store_badProfile_deliveredLaterNotInline();
};

void TestSecretFormat::validate_data()
{
    QTest::addColumn<SecretKind>("kind");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("code"); // empty = valid

    const auto app = SecretKind::SlackAppToken;
    const auto bot = SecretKind::SlackBotToken;
    const auto sig = SecretKind::SlackSigningSecret;
    const auto nb = SecretKind::NautobotToken;
    QTest::newRow("app ok") << app << kApp << QString();
    QTest::newRow("app given bot") << app << kBot << QStringLiteral("wrong_token_type");
    QTest::newRow("app given user") << app << kUser << QStringLiteral("wrong_token_type");
    QTest::newRow("app given signing secret") << app << kSigning << QStringLiteral("wrong_token_type");
    QTest::newRow("app truncated") << app << QStringLiteral("xapp-1-A01") << QStringLiteral("bad_format");
    QTest::newRow("app garbage") << app << QStringLiteral("hello") << QStringLiteral("bad_format");
    QTest::newRow("app empty") << app << QString() << QStringLiteral("empty");
    QTest::newRow("app blank") << app << QStringLiteral(" \n") << QStringLiteral("empty");
    QTest::newRow("app inner space") << app << (kApp.left(20) + QStringLiteral(" ") + kApp.mid(20))
                                     << QStringLiteral("inner_whitespace");
    QTest::newRow("app with Bearer") << app << (QStringLiteral("Bearer ") + kApp) << QStringLiteral("has_prefix");
    QTest::newRow("bot ok") << bot << kBot << QString();
    QTest::newRow("bot given app") << bot << kApp << QStringLiteral("wrong_token_type");
    QTest::newRow("bot given user") << bot << kUser << QStringLiteral("wrong_token_type");
    QTest::newRow("bot rotating") << bot << (QStringLiteral("xoxe.") + kBot) << QStringLiteral("rotating_token");
    QTest::newRow("signing ok") << sig << kSigning << QString();
    QTest::newRow("signing upper") << sig << kSigning.toUpper() << QStringLiteral("bad_format");
    QTest::newRow("signing short") << sig << kSigning.left(31) << QStringLiteral("bad_format");
    QTest::newRow("signing not hex") << sig << (kSigning.left(31) + QStringLiteral("z"))
                                     << QStringLiteral("bad_format");
    QTest::newRow("signing given bot") << sig << kBot << QStringLiteral("wrong_token_type");
    QTest::newRow("signing given verification token")
        << sig << QStringLiteral("AbCdEfGhIjKlMnOpQrStUvWx") << QStringLiteral("wrong_token_type");
    QTest::newRow("nautobot ok") << nb << kNautobot << QString();
    QTest::newRow("nautobot short") << nb << kNautobot.left(39) << QStringLiteral("bad_format");
    QTest::newRow("nautobot with Token") << nb << (QStringLiteral("Token ") + kNautobot)
                                         << QStringLiteral("has_prefix");
    QTest::newRow("nautobot given bot") << nb << kBot << QStringLiteral("wrong_token_type");
    QTest::newRow("proxy password any") << SecretKind::ProxyPassword << QStringLiteral("p w") << QString();
    QTest::newRow("proxy password empty") << SecretKind::ProxyPassword << QString() << QStringLiteral("empty");
}

void TestSecretFormat::validate()
{
    QFETCH(SecretKind, kind);
    QFETCH(QString, value);
    QFETCH(QString, code);
    const Result<void> r = SecretFormat::validate(kind, value);
    if (code.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().code));
    } else {
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QVERIFY(!r.error().message.isEmpty());
        QVERIFY(!r.error().fix.isEmpty());
    }
}

void TestSecretFormat::check_surroundingWhitespace_trimmedAndFlagged()
{
    auto r = SecretFormat::check(SecretKind::SlackAppToken, QStringLiteral("  ") + kApp + QStringLiteral("\n"));
    QVERIFY(r.ok());
    QVERIFY(r->trimmed);
    QVERIFY(r->value == kApp); // not QCOMPARE: a failure would print the token
    auto clean = SecretFormat::check(SecretKind::SlackAppToken, kApp);
    QVERIFY(clean.ok());
    QVERIFY(!clean->trimmed);
}

void TestSecretFormat::check_proxyPassword_keepsSpaces()
{
    auto r = SecretFormat::check(SecretKind::ProxyPassword, QStringLiteral(" pw "));
    QVERIFY(r.ok());
    QVERIFY(!r->trimmed);
    QVERIFY(r->value == QStringLiteral(" pw "));
}

void TestSecretFormat::botTokenAsAppToken_namedWithWhereToFindAppToken()
{
    const auto r = SecretFormat::validate(SecretKind::SlackAppToken, kBot);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QStringLiteral("this is a bot token (xoxb-…)")),
             qPrintable(r.error().message));
    QVERIFY2(r.error().fix.contains(QStringLiteral("starts with xapp-")), qPrintable(r.error().fix));
    QVERIFY2(r.error().fix.contains(QStringLiteral("Basic Information → App-Level Tokens")),
             qPrintable(r.error().fix));
}

void TestSecretFormat::messages_neverContainTheValue()
{
    const QList<QPair<SecretKind, QString>> cases{
        {SecretKind::SlackAppToken, kBot},       {SecretKind::SlackAppToken, kUser},
        {SecretKind::SlackBotToken, kApp},       {SecretKind::SlackSigningSecret, kNautobot},
        {SecretKind::NautobotToken, kSigning},   {SecretKind::SlackSigningSecret, kSigning.toUpper()},
        {SecretKind::SlackAppToken, kApp.left(12) + QStringLiteral(" x")}};
    for (const auto &c : cases) {
        const auto r = SecretFormat::validate(c.first, c.second);
        QVERIFY(!r.ok());
        const QString text = r.error().toString();
        // Any 10-character window of the value would be a leak (prefixes like "xoxb-" are 5).
        for (int i = 0; i + 10 <= c.second.size(); ++i)
            QVERIFY2(!text.contains(c.second.mid(i, 10)), "error text contains part of the secret");
    }
}

void TestSecretFormat::keychainError_data()
{
    QTest::addColumn<int>("qkError");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mustContain");
    QTest::newRow("not found") << int(QKeychain::EntryNotFound) << QStringLiteral("Entry not found")
                               << QStringLiteral("not_set") << QStringLiteral("SOCKETSCOPE_SLACK_APP_TOKEN");
    QTest::newRow("no backend") << int(QKeychain::NoBackendAvailable) << QString()
                                << QStringLiteral("keychain_unreachable")
                                << QStringLiteral("Start gnome-keyring-daemon or KWallet");
    QTest::newRow("no bus (libsecret)") << int(QKeychain::OtherError)
                                        << QStringLiteral("Could not connect: No such file or directory")
                                        << QStringLiteral("keychain_unreachable")
                                        << QStringLiteral("no org.freedesktop.secrets on the session bus");
    QTest::newRow("no X for autolaunch") << int(QKeychain::OtherError)
                                         << QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY")
                                         << QStringLiteral("keychain_unreachable")
                                         << QStringLiteral("headless, SSH, WSL or container");
    QTest::newRow("service unknown") << int(QKeychain::OtherError)
                                     << QStringLiteral("GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: "
                                                       "The name org.freedesktop.secrets was not provided by "
                                                       "any .service files")
                                     << QStringLiteral("keychain_unreachable") << QStringLiteral("SOCKETSCOPE_");
    QTest::newRow("no login collection")
        << int(QKeychain::OtherError)
        << QStringLiteral("Object does not exist at path “/org/freedesktop/secrets/collection/login”")
        << QStringLiteral("keychain_locked") << QStringLiteral("Unlock or create the login keyring");
    QTest::newRow("denied by user") << int(QKeychain::AccessDeniedByUser) << QString()
                                    << QStringLiteral("keychain_denied") << QStringLiteral("allow access");
    QTest::newRow("denied") << int(QKeychain::AccessDenied) << QStringLiteral("locked")
                            << QStringLiteral("keychain_denied") << QStringLiteral("Unlock the keychain");
    QTest::newRow("cannot delete") << int(QKeychain::CouldNotDeleteEntry) << QString()
                                   << QStringLiteral("keychain_delete_failed")
                                   << QStringLiteral("work/slack_app_token");
    QTest::newRow("not implemented") << int(QKeychain::NotImplemented) << QString()
                                     << QStringLiteral("keychain_unsupported")
                                     << QStringLiteral("environment variables");
    QTest::newRow("timeout") << int(QKeychain::OtherError)
                             << QStringLiteral("GDBus.Error:org.freedesktop.DBus.Error.NoReply: no reply")
                             << QStringLiteral("keychain_timeout") << QStringLiteral("did not answer");
    QTest::newRow("other") << int(QKeychain::OtherError) << QStringLiteral("something odd")
                           << QStringLiteral("keychain_error") << QStringLiteral("something odd");
}

void TestSecretFormat::keychainError()
{
    QFETCH(int, qkError);
    QFETCH(QString, detail);
    QFETCH(QString, code);
    QFETCH(QString, mustContain);
    const Error e = socketscope::keychainError(QKeychain::Error(qkError), detail, KeychainOp::Read,
                                               SecretKind::SlackAppToken, QStringLiteral("work"));
    QCOMPARE(e.code, code);
    QVERIFY(!e.fix.isEmpty());
    QVERIFY2(e.toString().contains(mustContain), qPrintable(e.toString()));
}

void TestSecretFormat::resolver_envSet_winsAndReportsSourceOnly()
{
    SecretStore store(QStringLiteral("SocketScope-unit"), nullptr);
    SecretResolver resolver(&store);
    resolver.setEnvironment([](const QString &name) {
        return name == QLatin1String("SOCKETSCOPE_SLACK_APP_TOKEN") ? kApp + QStringLiteral("\n") : QString();
    });
    std::optional<Result<ResolvedSecret>> got;
    resolver.resolve(QStringLiteral("work"), SecretKind::SlackAppToken, this,
                     [&](Result<ResolvedSecret> r) { got = std::move(r); });
    QVERIFY(!got.has_value()); // never inside resolve()
    QTRY_VERIFY(got.has_value());
    QVERIFY(got->ok());
    QCOMPARE(got->value().source, SecretSource::Environment);
    QCOMPARE(got->value().origin, QStringLiteral("environment variable SOCKETSCOPE_SLACK_APP_TOKEN"));
    QVERIFY(got->value().value == kApp); // trimmed
    QVERIFY(!got->value().origin.contains(kApp.left(10)));
    QCOMPARE(secretSourceName(got->value().source), QStringLiteral("env"));
    QVERIFY(!resolver.fromEnvironment(SecretKind::SlackBotToken).has_value());
    QVERIFY(!resolver.fromEnvironment(SecretKind::ProxyPassword).has_value());
}

void TestSecretFormat::resolver_blankEnv_fallsBackToKeychain()
{
    // This process has no session bus (see main), so the keychain answer is "unreachable": that proves
    // the resolver asked the keychain rather than taking the blank variable.
    SecretStore store(QStringLiteral("SocketScope-unit"), nullptr);
    store.setTimeout(std::chrono::seconds(10));
    SecretResolver resolver(&store);
    resolver.setEnvironment([](const QString &) { return QStringLiteral("   "); });
    std::optional<Result<ResolvedSecret>> got;
    resolver.resolve(QStringLiteral("work"), SecretKind::NautobotToken, this,
                     [&](Result<ResolvedSecret> r) { got = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(got.has_value(), 15000);
    QVERIFY(!got->ok());
    QCOMPARE(got->error().code, QStringLiteral("keychain_unreachable"));
}

void TestSecretFormat::store_badProfile_deliveredLaterNotInline()
{
    SecretStore store(QStringLiteral("SocketScope-unit"), nullptr);
    std::optional<Result<void>> got;
    store.write(QStringLiteral("a/b"), SecretKind::SlackBotToken, kBot, this,
                [&](Result<void> r) { got = std::move(r); });
    QVERIFY(!got.has_value());
    QTRY_VERIFY(got.has_value());
    QCOMPARE(got->error().code, QStringLiteral("bad_profile"));
}

int main(int argc, char **argv)
{
    // No session bus: keychain calls must fail fast and deterministically, and never touch a developer's
    // real keyring from a unit test.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    QCoreApplication app(argc, argv);
    TestSecretFormat t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_secret_format.moc"
