// Keychain access against a real Secret Service (gnome-keyring on a private D-Bus session, see
// scripts/with-keyring.sh) and, in a second CTest entry, with no session bus at all.
// SOCKETSCOPE_KEYCHAIN_TEST=absent selects the second mode. The values are test fixtures.
#include "profile/ProfileStore.h"
#include "secrets/KeychainProbe.h"
#include "secrets/SecretResolver.h"
#include "secrets/SecretStore.h"

#include <QCryptographicHash>
#include <QtTest>

#include <memory>
#include <optional>

using namespace socketscope;

namespace {

// Set in main() before QCoreApplication: HOME and XDG_* point into this folder, so every file the
// process could write (QSettings, a plaintext fallback, caches) lands where the tests can scan it.
QTemporaryDir *g_sandbox = nullptr;
QString g_keyringDir; // the gnome-keyring data folder of with-keyring.sh (real mode only)

QString fixture(SecretKind kind, int version)
{
    const QString v = QString::number(version);
    switch (kind) {
    case SecretKind::SlackAppToken: return QStringLiteral("xapp-1-A0TEST-") + v + QStringLiteral("-fixturefixturefixture");
    case SecretKind::SlackBotToken: return QStringLiteral("xoxb-") + v + QStringLiteral("-2-fixturefixturefixture");
    case SecretKind::SlackSigningSecret: return QStringLiteral("5157") + v + QStringLiteral("e55e55e55e55e55e55e55e55e55e55");
    case SecretKind::NautobotToken: return QStringLiteral("a1b2c3d4e5") + v + QStringLiteral("f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4");
    case SecretKind::ProxyPassword: return QStringLiteral("pr0xy pässwörd ") + v;
    }
    return QString();
}

QByteArray digest(const QString &s)
{
    return QCryptographicHash::hash(s.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
}

// Files under `root` whose bytes contain `value` in any plausible plaintext encoding.
QStringList filesContaining(const QString &root, const QString &value)
{
    const QList<QByteArray> needles{value.toUtf8(), value.toUtf8().toBase64(),
                                    QUrl::toPercentEncoding(value),
                                    QByteArray(reinterpret_cast<const char *>(value.utf16()), value.size() * 2)};
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        for (const QByteArray &n : needles) {
            if (bytes.contains(n)) {
                hits << path;
                break;
            }
        }
    }
    return hits;
}

// Waits for one callback-style result without a nested event loop in the code under test:
// QTRY_* spins the test's own loop.
template<typename T>
struct Waiter
{
    std::optional<T> value;
    auto sink()
    {
        return [this](T r) { value = std::move(r); };
    }
};

} // namespace

// ---------------------------------------------------------------------------------------------------
class TestKeychainSecretService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void probe_realService_reachable();
    void writeReadOverwriteRemove_data();
    void writeReadOverwriteRemove();
    void storedEntry_isInSecretServiceUnderServiceAndKey();
    void read_missing_mapsToNotSet();
    void moveProfile_movesEveryKindAndLeavesNothingBehind();
    void resolver_noEnv_readsKeychainAndNamesEntry();
    void savedProfileAndSecrets_noPlaintextOnDisk();

private:
    Result<void> write(const QString &profile, SecretKind kind, const QString &value);
    Result<QString> read(const QString &profile, SecretKind kind);
    Result<void> remove(const QString &profile, SecretKind kind);
    SecretStore m_store{QStringLiteral("SocketScope"), nullptr};
};

Result<void> TestKeychainSecretService::write(const QString &profile, SecretKind kind, const QString &value)
{
    Waiter<Result<void>> w;
    m_store.write(profile, kind, value, this, w.sink());
    if (!QTest::qWaitFor([&] { return w.value.has_value(); }, 20000))
        return Error{QStringLiteral("test_timeout"), QStringLiteral("no answer"), QString()};
    return *w.value;
}

Result<QString> TestKeychainSecretService::read(const QString &profile, SecretKind kind)
{
    Waiter<Result<QString>> w;
    m_store.read(profile, kind, this, w.sink());
    if (!QTest::qWaitFor([&] { return w.value.has_value(); }, 20000))
        return Error{QStringLiteral("test_timeout"), QStringLiteral("no answer"), QString()};
    return *w.value;
}

Result<void> TestKeychainSecretService::remove(const QString &profile, SecretKind kind)
{
    Waiter<Result<void>> w;
    m_store.remove(profile, kind, this, w.sink());
    if (!QTest::qWaitFor([&] { return w.value.has_value(); }, 20000))
        return Error{QStringLiteral("test_timeout"), QStringLiteral("no answer"), QString()};
    return *w.value;
}

void TestKeychainSecretService::initTestCase()
{
    KeychainProbe probe;
    Waiter<Result<void>> w;
    probe.run(this, w.sink());
    QTRY_VERIFY_WITH_TIMEOUT(w.value.has_value(), 10000);
    QVERIFY2(w.value->ok(),
             qPrintable(QStringLiteral("This test needs a Secret Service; run it through CTest (dbus-run-session -- "
                                       "scripts/with-keyring.sh). ")
                        + w.value->error().toString()));
}

void TestKeychainSecretService::probe_realService_reachable()
{
    KeychainProbe probe;
    probe.setTimeout(std::chrono::seconds(5));
    Waiter<Result<void>> w;
    probe.run(this, w.sink());
    QVERIFY(!w.value.has_value());
    QTRY_VERIFY_WITH_TIMEOUT(w.value.has_value(), 6000);
    QVERIFY(w.value->ok());
}

void TestKeychainSecretService::writeReadOverwriteRemove_data()
{
    QTest::addColumn<SecretKind>("kind");
    for (SecretKind k : allSecretKinds())
        QTest::newRow(qPrintable(secretKindId(k))) << k;
}

void TestKeychainSecretService::writeReadOverwriteRemove()
{
    QFETCH(SecretKind, kind);
    const QString profile = QStringLiteral("work");
    QSignalSpy changed(&m_store, &SecretStore::secretChanged);

    auto w1 = write(profile, kind, fixture(kind, 1));
    QVERIFY2(w1.ok(), qPrintable(w1.ok() ? QString() : w1.error().toString()));
    QCOMPARE(changed.count(), 1);
    auto r1 = read(profile, kind);
    QVERIFY2(r1.ok(), qPrintable(r1.ok() ? QString() : r1.error().toString()));
    QCOMPARE(digest(r1.value()), digest(fixture(kind, 1))); // hashes: a failure must not print the value

    QVERIFY(write(profile, kind, fixture(kind, 2)).ok());
    auto r2 = read(profile, kind);
    QVERIFY(r2.ok());
    QCOMPARE(digest(r2.value()), digest(fixture(kind, 2)));

    // Another profile's entry of the same kind is independent.
    QVERIFY(write(QStringLiteral("lab"), kind, fixture(kind, 3)).ok());
    QCOMPARE(digest(read(profile, kind).value()), digest(fixture(kind, 2)));

    QVERIFY(remove(profile, kind).ok());
    auto gone = read(profile, kind);
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, QStringLiteral("not_set"));
    QVERIFY(remove(profile, kind).ok()); // removing what is not there reaches the goal
    QCOMPARE(digest(read(QStringLiteral("lab"), kind).value()), digest(fixture(kind, 3)));
    QVERIFY(remove(QStringLiteral("lab"), kind).ok());
}

void TestKeychainSecretService::storedEntry_isInSecretServiceUnderServiceAndKey()
{
    // Independent evidence from libsecret's own CLI that the value sits in the Secret Service under
    // QtKeychain's attributes (server = service name, user = "<profile>/<kind>").
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
    QVERIFY2(!tool.isEmpty(), "secret-tool not found: install the Debian package libsecret-tools "
                              "(scripts/install-deps.sh --test)");
    QVERIFY(write(QStringLiteral("work"), SecretKind::SlackBotToken, fixture(SecretKind::SlackBotToken, 7)).ok());
    QProcess p;
    p.start(tool, {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("SocketScope"),
                   QStringLiteral("user"), QStringLiteral("work/slack_bot_token")});
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(digest(QString::fromUtf8(p.readAllStandardOutput()).trimmed()),
             digest(fixture(SecretKind::SlackBotToken, 7)));
    QVERIFY(remove(QStringLiteral("work"), SecretKind::SlackBotToken).ok());
}

void TestKeychainSecretService::read_missing_mapsToNotSet()
{
    auto r = read(QStringLiteral("never-written"), SecretKind::SlackAppToken);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("not_set"));
    QVERIFY(r.error().message.contains(QStringLiteral("is not set")));
    QVERIFY(r.error().fix.contains(QStringLiteral("SOCKETSCOPE_SLACK_APP_TOKEN")));
}

void TestKeychainSecretService::moveProfile_movesEveryKindAndLeavesNothingBehind()
{
    QVERIFY(write(QStringLiteral("old"), SecretKind::SlackAppToken, fixture(SecretKind::SlackAppToken, 4)).ok());
    QVERIFY(write(QStringLiteral("old"), SecretKind::NautobotToken, fixture(SecretKind::NautobotToken, 4)).ok());
    Waiter<Result<void>> w;
    m_store.moveProfile(QStringLiteral("old"), QStringLiteral("new"), this, w.sink());
    QTRY_VERIFY_WITH_TIMEOUT(w.value.has_value(), 30000);
    QVERIFY2(w.value->ok(), qPrintable(w.value->ok() ? QString() : w.value->error().toString()));
    QCOMPARE(digest(read(QStringLiteral("new"), SecretKind::SlackAppToken).value()),
             digest(fixture(SecretKind::SlackAppToken, 4)));
    QCOMPARE(digest(read(QStringLiteral("new"), SecretKind::NautobotToken).value()),
             digest(fixture(SecretKind::NautobotToken, 4)));
    QCOMPARE(read(QStringLiteral("new"), SecretKind::SlackBotToken).error().code, QStringLiteral("not_set"));
    for (SecretKind k : allSecretKinds())
        QCOMPARE(read(QStringLiteral("old"), k).error().code, QStringLiteral("not_set"));

    Waiter<Result<void>> rm;
    m_store.removeProfile(QStringLiteral("new"), this, rm.sink());
    QTRY_VERIFY_WITH_TIMEOUT(rm.value.has_value(), 30000);
    QVERIFY(rm.value->ok());
    for (SecretKind k : allSecretKinds())
        QCOMPARE(read(QStringLiteral("new"), k).error().code, QStringLiteral("not_set"));
}

void TestKeychainSecretService::resolver_noEnv_readsKeychainAndNamesEntry()
{
    QVERIFY(write(QStringLiteral("work"), SecretKind::SlackSigningSecret,
                  fixture(SecretKind::SlackSigningSecret, 5))
                .ok());
    SecretResolver resolver(&m_store);
    resolver.setEnvironment([](const QString &) { return QString(); });
    Waiter<Result<ResolvedSecret>> w;
    resolver.resolve(QStringLiteral("work"), SecretKind::SlackSigningSecret, this, w.sink());
    QTRY_VERIFY_WITH_TIMEOUT(w.value.has_value(), 20000);
    QVERIFY(w.value->ok());
    QCOMPARE(w.value->value().source, SecretSource::Keychain);
    QCOMPARE(w.value->value().origin, QStringLiteral("keychain entry SocketScope: work/slack_signing_secret"));
    QCOMPARE(digest(w.value->value().value), digest(fixture(SecretKind::SlackSigningSecret, 5)));
    QVERIFY(remove(QStringLiteral("work"), SecretKind::SlackSigningSecret).ok());
}

void TestKeychainSecretService::savedProfileAndSecrets_noPlaintextOnDisk()
{
    ProfileStore profiles(g_sandbox->filePath(QStringLiteral("config/SocketScope/profiles.ini")));
    Profile p;
    p.name = QStringLiteral("disk");
    p.proxy.kind = ProxySettings::Kind::Http;
    p.proxy.host = QStringLiteral("proxy.example.com");
    p.proxy.port = 3128;
    p.proxy.user = QStringLiteral("alice");
    QVERIFY(profiles.add(p).ok());
    for (SecretKind k : allSecretKinds())
        QVERIFY(write(QStringLiteral("disk"), k, fixture(k, 9)).ok());
    p.mode = Profile::Mode::Bridge;
    QVERIFY(profiles.update(p).ok());

    QFile settings(profiles.settingsPath());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QVERIFY(settings.readAll().contains("proxy.example.com"));
    for (SecretKind k : allSecretKinds()) {
        const QStringList inSandbox = filesContaining(g_sandbox->path(), fixture(k, 9));
        QVERIFY2(inSandbox.isEmpty(), qPrintable(secretKindId(k) + QStringLiteral(" in plaintext in ")
                                                 + inSandbox.join(QStringLiteral(", "))));
        // gnome-keyring encrypts its file with the keyring password: no plaintext there either.
        if (!g_keyringDir.isEmpty()) {
            const QStringList inKeyring = filesContaining(g_keyringDir, fixture(k, 9));
            QVERIFY2(inKeyring.isEmpty(), qPrintable(inKeyring.join(QStringLiteral(", "))));
        }
        QVERIFY(remove(QStringLiteral("disk"), k).ok());
    }
}

// ---------------------------------------------------------------------------------------------------
class TestKeychainNoService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void probe_noBus_unreachableWithFix();
    void write_noBus_unreachableAndNoPlaintextAnywhere();
    void readRemove_noBus_unreachableNotNotSet();
    void resolver_envVariable_worksWithoutKeychain();
};

void TestKeychainNoService::probe_noBus_unreachableWithFix()
{
    KeychainProbe probe;
    probe.setTimeout(std::chrono::seconds(5));
    Waiter<Result<void>> w;
    QElapsedTimer t;
    t.start();
    probe.run(this, w.sink());
    QTRY_VERIFY_WITH_TIMEOUT(w.value.has_value(), 7000);
    QVERIFY(t.elapsed() < 6000);
    QVERIFY(!w.value->ok());
    QCOMPARE(w.value->error().code, QStringLiteral("keychain_unreachable"));
    QVERIFY2(w.value->error().message.contains(QStringLiteral("No keychain service is reachable")),
             qPrintable(w.value->error().message));
    QCOMPARE(w.value->error().fix,
             QStringLiteral("Start gnome-keyring-daemon or KWallet, or use the SOCKETSCOPE_* environment variables."));
}

void TestKeychainNoService::write_noBus_unreachableAndNoPlaintextAnywhere()
{
    SecretStore store;
    store.setTimeout(std::chrono::seconds(10));
    QSignalSpy changed(&store, &SecretStore::secretChanged);
    ProfileStore profiles(g_sandbox->filePath(QStringLiteral("config/SocketScope/profiles.ini")));
    Profile p;
    p.name = QStringLiteral("work");
    QVERIFY(profiles.add(p).ok());
    for (SecretKind k : allSecretKinds()) {
        Waiter<Result<void>> w;
        store.write(QStringLiteral("work"), k, fixture(k, 1), this, w.sink());
        QTRY_VERIFY_WITH_TIMEOUT(w.value.has_value(), 12000);
        QVERIFY(!w.value->ok());
        QCOMPARE(w.value->error().code, QStringLiteral("keychain_unreachable"));
        QVERIFY(w.value->error().message.contains(QStringLiteral("no org.freedesktop.secrets on the session bus")));
    }
    QCOMPARE(changed.count(), 0);
    // Every place this process could have written (HOME, XDG config/data/cache, the QSettings default
    // location) is inside the sandbox.
    QVERIFY(QSettings().fileName().startsWith(g_sandbox->path()));
    QVERIFY(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation).startsWith(g_sandbox->path()));
    for (SecretKind k : allSecretKinds()) {
        const QStringList hits = filesContaining(g_sandbox->path(), fixture(k, 1));
        QVERIFY2(hits.isEmpty(), qPrintable(secretKindId(k) + QStringLiteral(" written in plaintext to ")
                                            + hits.join(QStringLiteral(", "))));
    }
    QVERIFY(QFile::exists(profiles.settingsPath())); // the scan did look at a real settings file
}

void TestKeychainNoService::readRemove_noBus_unreachableNotNotSet()
{
    SecretStore store;
    Waiter<Result<QString>> r;
    store.read(QStringLiteral("work"), SecretKind::SlackAppToken, this, r.sink());
    QTRY_VERIFY_WITH_TIMEOUT(r.value.has_value(), 12000);
    QCOMPARE(r.value->error().code, QStringLiteral("keychain_unreachable"));
    Waiter<Result<void>> d;
    store.remove(QStringLiteral("work"), SecretKind::SlackAppToken, this, d.sink());
    QTRY_VERIFY_WITH_TIMEOUT(d.value.has_value(), 12000);
    QCOMPARE(d.value->error().code, QStringLiteral("keychain_unreachable"));
}

void TestKeychainNoService::resolver_envVariable_worksWithoutKeychain()
{
    const QString token = fixture(SecretKind::SlackAppToken, 2);
    qputenv("SOCKETSCOPE_SLACK_APP_TOKEN", token.toUtf8());
    SecretStore store;
    SecretResolver resolver(&store);
    Waiter<Result<ResolvedSecret>> env;
    resolver.resolve(QStringLiteral("work"), SecretKind::SlackAppToken, this, env.sink());
    QTRY_VERIFY(env.value.has_value());
    qunsetenv("SOCKETSCOPE_SLACK_APP_TOKEN");
    QVERIFY(env.value->ok());
    QCOMPARE(env.value->value().source, SecretSource::Environment);
    QCOMPARE(digest(env.value->value().value), digest(token));

    Waiter<Result<ResolvedSecret>> kc;
    resolver.resolve(QStringLiteral("work"), SecretKind::SlackBotToken, this, kc.sink());
    QTRY_VERIFY_WITH_TIMEOUT(kc.value.has_value(), 12000);
    QCOMPARE(kc.value->error().code, QStringLiteral("keychain_unreachable"));
}

int main(int argc, char **argv)
{
    const bool absent = qgetenv("SOCKETSCOPE_KEYCHAIN_TEST") == "absent";
    QTemporaryDir sandbox;
    if (!sandbox.isValid())
        return 2;
    g_sandbox = &sandbox;
    if (!absent && qEnvironmentVariableIsSet("XDG_DATA_HOME"))
        g_keyringDir = qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/keyrings");
    for (const char *dir : {"home", "config", "data", "cache"})
        QDir().mkpath(sandbox.filePath(QString::fromLatin1(dir)));
    qputenv("HOME", sandbox.filePath(QStringLiteral("home")).toUtf8());
    qputenv("XDG_CONFIG_HOME", sandbox.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", sandbox.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CACHE_HOME", sandbox.filePath(QStringLiteral("cache")).toUtf8());
    qunsetenv("SOCKETSCOPE_SLACK_APP_TOKEN");
    qunsetenv("SOCKETSCOPE_SLACK_BOT_TOKEN");
    qunsetenv("SOCKETSCOPE_SLACK_SIGNING_SECRET");
    qunsetenv("SOCKETSCOPE_NAUTOBOT_TOKEN");
    if (absent)
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");

    QCoreApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("SocketScope"));
    app.setApplicationName(QStringLiteral("tst_keychain"));
    if (absent) {
        TestKeychainNoService t;
        return QTest::qExec(&t, argc, argv);
    }
    TestKeychainSecretService t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_keychain.moc"
