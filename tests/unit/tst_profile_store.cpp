#include "profile/ProfileStore.h"
#include "secrets/SecretStore.h"

#include <QtTest>

using namespace socketscope;

class TestProfileStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void defaults_matchDesign();
    void validate_data();
    void validate();
    void add_firstProfile_becomesCurrentAndPersists();
    void add_duplicateNameAnyCase_rejected();
    void add_invalid_rejectedAndNothingWritten();
    void rename_movesCurrentAndEmitsRenamed();
    void rename_toExisting_rejected();
    void remove_current_fallsBackToFirst();
    void update_changesFieldsAndReloads();
    void setCurrent_unknown_notFound();
    void load_handEditedDuplicate_skipped();
    void settingsFile_neverContainsSecrets();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("conf/profiles.ini")); }
    static Profile sample(const QString &name);
    std::unique_ptr<QTemporaryDir> m_dir;
};

Profile TestProfileStore::sample(const QString &name)
{
    Profile p;
    p.name = name;
    p.nautobotUrl = QUrl(QStringLiteral("https://nautobot.example.com/"));
    p.mode = Profile::Mode::Bridge;
    p.proxy.kind = ProxySettings::Kind::Http;
    p.proxy.host = QStringLiteral("proxy.example.com");
    p.proxy.port = 3128;
    p.proxy.user = QStringLiteral("alice");
    p.caBundlePath = QStringLiteral("/etc/ssl/corp-ca.pem");
    p.slashCommand = QStringLiteral("/nb");
    return p;
}

void TestProfileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestProfileStore::cleanup()
{
    m_dir.reset();
}

void TestProfileStore::defaults_matchDesign()
{
    const Profile p;
    QCOMPARE(p.slackApiUrl, QUrl(QStringLiteral("https://slack.com/api/")));
    QCOMPARE(p.slashCommand, QStringLiteral("/nautobot"));
    QCOMPARE(p.mode, Profile::Mode::Dedicated);
    QCOMPARE(p.proxy.kind, ProxySettings::Kind::System);
}

void TestProfileStore::validate_data()
{
    QTest::addColumn<Profile>("profile");
    QTest::addColumn<QString>("code");
    Profile ok = sample(QStringLiteral("work"));
    QTest::newRow("ok") << ok << QString();
    Profile p = ok;
    p.name = QString();
    QTest::newRow("empty name") << p << QStringLiteral("empty_name");
    p = ok;
    p.name = QStringLiteral("   ");
    QTest::newRow("blank name") << p << QStringLiteral("empty_name");
    p = ok;
    p.name = QStringLiteral("a/b");
    QTest::newRow("slash in name") << p << QStringLiteral("bad_name");
    p = ok;
    p.name = QStringLiteral(" work");
    QTest::newRow("leading space") << p << QStringLiteral("bad_name");
    p = ok;
    p.slackApiUrl = QUrl(QStringLiteral("ftp://slack.com/api/"));
    QTest::newRow("slack ftp") << p << QStringLiteral("bad_url");
    p = ok;
    p.slackApiUrl = QUrl(QStringLiteral("slack.com/api"));
    QTest::newRow("slack no scheme") << p << QStringLiteral("bad_url");
    p = ok;
    p.slackApiUrl = QUrl(QStringLiteral("http://127.0.0.1:8080/api/"));
    QTest::newRow("slack local simulator") << p << QString();
    p = ok;
    p.nautobotUrl = QUrl(QStringLiteral("https://user:pw@nautobot.example.com/"));
    QTest::newRow("nautobot credentials") << p << QStringLiteral("bad_url");
    p = ok;
    p.nautobotUrl = QUrl(QStringLiteral("https://"));
    QTest::newRow("nautobot no host") << p << QStringLiteral("bad_url");
    p = ok;
    p.nautobotUrl = QUrl();
    QTest::newRow("nautobot unset") << p << QString();
    p = ok;
    p.proxy.host = QString();
    QTest::newRow("proxy no host") << p << QStringLiteral("bad_proxy");
    p = ok;
    p.proxy.port = 0;
    QTest::newRow("proxy no port") << p << QStringLiteral("bad_proxy");
    p = ok;
    p.proxy.kind = ProxySettings::Kind::None;
    p.proxy.host = QString();
    QTest::newRow("no proxy needs no host") << p << QString();
    p = ok;
    p.slashCommand = QStringLiteral("nautobot");
    QTest::newRow("slash command without slash") << p << QStringLiteral("bad_slash_command");
}

void TestProfileStore::validate()
{
    QFETCH(Profile, profile);
    QFETCH(QString, code);
    const auto r = profile.validate();
    if (code.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    } else {
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QVERIFY(!r.error().fix.isEmpty());
    }
}

void TestProfileStore::add_firstProfile_becomesCurrentAndPersists()
{
    {
        ProfileStore store(path());
        QSignalSpy changed(&store, &ProfileStore::changed);
        QVERIFY(store.add(sample(QStringLiteral("work"))).ok());
        QVERIFY(store.add(sample(QStringLiteral("lab"))).ok());
        QCOMPARE(changed.count(), 2);
        QCOMPARE(store.currentName(), QStringLiteral("work"));
    }
    ProfileStore reloaded(path());
    QCOMPARE(reloaded.names(), (QStringList{QStringLiteral("work"), QStringLiteral("lab")}));
    QCOMPARE(reloaded.currentName(), QStringLiteral("work"));
    const auto p = reloaded.profile(QStringLiteral("lab"));
    QVERIFY(p.ok());
    QVERIFY(p.value() == sample(QStringLiteral("lab")));
}

void TestProfileStore::add_duplicateNameAnyCase_rejected()
{
    ProfileStore store(path());
    QVERIFY(store.add(sample(QStringLiteral("Work"))).ok());
    QSignalSpy changed(&store, &ProfileStore::changed);
    const auto r = store.add(sample(QStringLiteral("work")));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("duplicate_name"));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(store.names().size(), 1);
}

void TestProfileStore::add_invalid_rejectedAndNothingWritten()
{
    ProfileStore store(path());
    Profile p = sample(QStringLiteral("work"));
    p.slackApiUrl = QUrl(QStringLiteral("mailto:x@example.com"));
    const auto r = store.add(p);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("bad_url"));
    QVERIFY(store.names().isEmpty());
    QVERIFY(!QFile::exists(path()));
}

void TestProfileStore::rename_movesCurrentAndEmitsRenamed()
{
    ProfileStore store(path());
    QVERIFY(store.add(sample(QStringLiteral("work"))).ok());
    QSignalSpy renamed(&store, &ProfileStore::renamed);
    QVERIFY(store.rename(QStringLiteral("work"), QStringLiteral("prod")).ok());
    QCOMPARE(renamed.count(), 1);
    QCOMPARE(renamed.at(0).at(0).toString(), QStringLiteral("work"));
    QCOMPARE(renamed.at(0).at(1).toString(), QStringLiteral("prod"));
    QCOMPARE(store.currentName(), QStringLiteral("prod"));
    ProfileStore reloaded(path());
    QCOMPARE(reloaded.names(), QStringList{QStringLiteral("prod")});
    QCOMPARE(reloaded.currentName(), QStringLiteral("prod"));
    QCOMPARE(reloaded.current().value().proxy.user, QStringLiteral("alice"));
}

void TestProfileStore::rename_toExisting_rejected()
{
    ProfileStore store(path());
    QVERIFY(store.add(sample(QStringLiteral("work"))).ok());
    QVERIFY(store.add(sample(QStringLiteral("lab"))).ok());
    auto r = store.rename(QStringLiteral("lab"), QStringLiteral("WORK"));
    QCOMPARE(r.error().code, QStringLiteral("duplicate_name"));
    r = store.rename(QStringLiteral("lab"), QString());
    QCOMPARE(r.error().code, QStringLiteral("empty_name"));
    r = store.rename(QStringLiteral("nope"), QStringLiteral("x"));
    QCOMPARE(r.error().code, QStringLiteral("profile_not_found"));
    // Changing only the case of a name is allowed.
    QVERIFY(store.rename(QStringLiteral("lab"), QStringLiteral("Lab")).ok());
    QCOMPARE(store.names().last(), QStringLiteral("Lab"));
}

void TestProfileStore::remove_current_fallsBackToFirst()
{
    ProfileStore store(path());
    QVERIFY(store.add(sample(QStringLiteral("a"))).ok());
    QVERIFY(store.add(sample(QStringLiteral("b"))).ok());
    QVERIFY(store.setCurrent(QStringLiteral("b")).ok());
    QSignalSpy removed(&store, &ProfileStore::removed);
    QVERIFY(store.remove(QStringLiteral("b")).ok());
    QCOMPARE(removed.count(), 1);
    QCOMPARE(store.currentName(), QStringLiteral("a"));
    QVERIFY(store.remove(QStringLiteral("a")).ok());
    QVERIFY(store.currentName().isEmpty());
    QCOMPARE(store.current().error().code, QStringLiteral("no_profile"));
    ProfileStore reloaded(path());
    QVERIFY(reloaded.names().isEmpty());
}

void TestProfileStore::update_changesFieldsAndReloads()
{
    ProfileStore store(path());
    QVERIFY(store.add(sample(QStringLiteral("work"))).ok());
    Profile p = store.profile(QStringLiteral("work")).value();
    p.proxy.kind = ProxySettings::Kind::Socks5;
    p.proxy.port = 1080;
    p.mode = Profile::Mode::Dedicated;
    QSignalSpy changed(&store, &ProfileStore::changed);
    QVERIFY(store.update(p).ok());
    QCOMPARE(changed.count(), 1);
    QVERIFY(store.update(p).ok()); // unchanged: no signal
    QCOMPARE(changed.count(), 1);
    ProfileStore reloaded(path());
    QVERIFY(reloaded.profile(QStringLiteral("work")).value() == p);
    p.name = QStringLiteral("missing");
    QCOMPARE(store.update(p).error().code, QStringLiteral("profile_not_found"));
}

void TestProfileStore::setCurrent_unknown_notFound()
{
    ProfileStore store(path());
    QCOMPARE(store.setCurrent(QStringLiteral("x")).error().code, QStringLiteral("profile_not_found"));
}

void TestProfileStore::load_handEditedDuplicate_skipped()
{
    QDir().mkpath(QFileInfo(path()).absolutePath());
    {
        QSettings s(path(), QSettings::IniFormat);
        s.beginWriteArray(QStringLiteral("profiles"), 3);
        s.setArrayIndex(0);
        s.setValue(QStringLiteral("name"), QStringLiteral("work"));
        s.setArrayIndex(1);
        s.setValue(QStringLiteral("name"), QStringLiteral("WORK"));
        s.setArrayIndex(2);
        s.setValue(QStringLiteral("name"), QString());
        s.endArray();
        s.setValue(QStringLiteral("current"), QStringLiteral("gone"));
    }
    ProfileStore store(path());
    QCOMPARE(store.names(), QStringList{QStringLiteral("work")});
    QCOMPARE(store.currentName(), QStringLiteral("work"));
    QCOMPARE(store.current().value().slackApiUrl, QUrl(QStringLiteral("https://slack.com/api/")));
}

void TestProfileStore::settingsFile_neverContainsSecrets()
{
    // Save a profile, then hand every kind of secret to the SecretStore for it. This process has no
    // session bus (see main), so the keychain is unreachable: the store must report that and must not
    // fall back to a file. (tst_keychain repeats this with a real Secret Service.)
    ProfileStore profiles(path());
    QVERIFY(profiles.add(sample(QStringLiteral("work"))).ok());
    SecretStore secrets(QStringLiteral("SocketScope-unit"), nullptr);
    secrets.setTimeout(std::chrono::seconds(10));
    const QList<QPair<SecretKind, QString>> values{
        {SecretKind::SlackAppToken, QStringLiteral("xapp-1-A0FAKE-111-fixturefixturefixture")},
        {SecretKind::SlackBotToken, QStringLiteral("xoxb-222-333-fixturefixturefix")},
        {SecretKind::SlackSigningSecret, QStringLiteral("feedfacecafebeef0123456789abcdef")},
        {SecretKind::NautobotToken, QStringLiteral("deadbeefdeadbeefdeadbeefdeadbeef01234567")},
        {SecretKind::ProxyPassword, QStringLiteral("pr0xy-pässword")}};
    int answered = 0;
    for (const auto &v : values) {
        secrets.write(QStringLiteral("work"), v.first, v.second, this, [&answered](Result<void> r) {
            ++answered;
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, QStringLiteral("keychain_unreachable"));
            QVERIFY(r.error().message.contains(QStringLiteral("No keychain service is reachable")));
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered, values.size(), 20000);
    Profile p = profiles.profile(QStringLiteral("work")).value();
    p.proxy.port = 8080;
    QVERIFY(profiles.update(p).ok());

    QFile f(path());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.contains("proxy.example.com")); // the file is the one written above
    for (const auto &v : values) {
        QVERIFY2(!bytes.contains(v.second.toUtf8()), qPrintable(QStringLiteral("settings hold ") + secretKindId(v.first)));
        QVERIFY(!bytes.contains(v.second.toUtf8().toBase64()));
        QVERIFY(!bytes.contains(QUrl::toPercentEncoding(v.second)));
    }
    // And nothing under the temporary config folder besides the profiles file.
    QDirIterator it(m_dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << QFileInfo(it.next()).fileName();
    QCOMPARE(files, QStringList{QStringLiteral("profiles.ini")});
}

int main(int argc, char **argv)
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    QCoreApplication app(argc, argv);
    TestProfileStore t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_profile_store.moc"
