// The setup wizard, the Doctor window and connecting with a profile, driven offscreen against the
// Slack and Nautobot simulators. Registered twice (see CMakeLists.txt):
//   SOCKETSCOPE_KEYCHAIN_TEST=real   — a private D-Bus session with an unlocked gnome-keyring: secrets are
//                                      stored in and read back from a real Secret Service;
//   SOCKETSCOPE_KEYCHAIN_TEST=absent — no session bus: the keychain error is shown inline, with its fix,
//                                      and no secret lands in any file.
#include "EngineController.h"
#include "MainWindow.h"
#include "NautobotHarness.h"
#include "doctor/DoctorChecks.h"
#include "doctor/DoctorPanel.h"
#include "doctor/DoctorTable.h"
#include "doctor/DoctorWindow.h"
#include "models/EnvelopeTableModel.h"
#include "profile/ProfileStore.h"
#include "secrets/SecretResolver.h"
#include "secrets/SecretStore.h"
#include "widgets/ConnectionBar.h"
#include "widgets/MessageBar.h"
#include "wizard/SetupWizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>
#include <QtTest>

using namespace socketscope;
namespace DC = socketscope::DoctorChecks;

namespace {
const QString kProfile = QStringLiteral("sim-lab");
}

class TestWizard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void firstRun_demoShowsSetupAction_openingTheWizard();
    void wizard_endToEnd_profileSavedSecretsOnlyInKeychain();
    void doctorWindow_failingCelery_showsFixAndExportsRedacted();
    void connect_withProfile_usesKeychainToken();

private:
    bool real() const { return m_mode == "real"; }
    QStringList secretValues() const;
    // Every file under the test's config/data folders and the temp dir: none may hold a secret.
    void verifyNoSecretOnDisk(const QStringList &extraFiles = {});
    template<typename T>
    T *child(QObject *parent, const char *name)
    {
        T *w = parent->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }

    QByteArray m_mode;
    QTemporaryDir m_dir;
    std::unique_ptr<NautobotHarness> m_h;
};

void TestWizard::initTestCase()
{
    m_mode = qgetenv("SOCKETSCOPE_KEYCHAIN_TEST");
    if (m_mode != "real" && m_mode != "absent")
        QSKIP("run through ctest (SOCKETSCOPE_KEYCHAIN_TEST=absent|real)");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SocketScopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_wizard_") + QString::fromLatin1(m_mode)); // the two registrations may run in parallel
    QSettings().clear();
    QFile::remove(ProfileStore::defaultSettingsPath());
    for (const char *name : {"SOCKETSCOPE_SLACK_APP_TOKEN", "SOCKETSCOPE_SLACK_BOT_TOKEN",
                             "SOCKETSCOPE_SLACK_SIGNING_SECRET", "SOCKETSCOPE_NAUTOBOT_TOKEN",
                             "SOCKETSCOPE_SLACK_API_URL", "SOCKETSCOPE_NAUTOBOT_URL", "https_proxy", "HTTPS_PROXY",
                             "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"})
        qunsetenv(name);
    QVERIFY(m_dir.isValid());
    m_h = std::make_unique<NautobotHarness>();
    QVERIFY(m_h->start());
}

void TestWizard::cleanupTestCase()
{
    if (m_mode != "real")
        return;
    SecretStore store;
    bool removed = false;
    store.removeProfile(kProfile, this, [&removed](Result<void>) { removed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, 20000);
}

QStringList TestWizard::secretValues() const
{
    return {m_h->slack.config().appToken, m_h->slack.config().botToken,
            QString::fromLatin1(m_h->nautobot.config().signingSecret), m_h->nautobot.config().token};
}

void TestWizard::verifyNoSecretOnDisk(const QStringList &extraFiles)
{
    QStringList files = extraFiles;
    for (const QString &root : {QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation),
                                QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                                QStandardPaths::writableLocation(QStandardPaths::AppDataLocation), m_dir.path()}) {
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
    }
    QVERIFY(files.contains(ProfileStore::defaultSettingsPath()) || !QFile::exists(ProfileStore::defaultSettingsPath()));
    for (const QString &path : files) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = f.readAll();
        for (const QString &secret : secretValues())
            QVERIFY2(!content.contains(secret.toUtf8()), qPrintable(QStringLiteral("a secret in %1").arg(path)));
    }
}

void TestWizard::firstRun_demoShowsSetupAction_openingTheWizard()
{
    QVERIFY(MainWindow::noProfileConfigured());
    MainWindowOptions options;
    options.captureDirectory = m_dir.filePath(QStringLiteral("captures"));
    MainWindow window(options);
    window.show();
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionBar()->state(), ClientState::Connected, 15000);
    QVERIFY(window.connectionBar()->isDemo());
    // The welcome prompt is inline and offers the wizard; nothing is forced on the operator.
    QTRY_VERIFY(window.messageBar()->isVisible());
    QCOMPARE(window.messageBar()->kind(), MessageBar::Kind::Info);
    QVERIFY(window.messageBar()->text().contains(QStringLiteral("demo workspace")));
    QVERIFY(window.findChildren<SetupWizard *>().isEmpty());
    auto *action = child<QToolButton>(window.messageBar(), "messageBarAction");
    QVERIFY(action->isVisible());
    QCOMPARE(action->defaultAction(), window.setupWorkspaceAction());
    action->click();
    auto *wizard = window.findChild<SetupWizard *>();
    QVERIFY(wizard);
    QVERIFY(wizard->isVisible());
    QVERIFY(!wizard->isModal());
    QVERIFY(!window.messageBar()->isVisible());
    wizard->reject();
    // The demo keeps running.
    QCOMPARE(window.connectionBar()->state(), ClientState::Connected);
    // Tools → Doctor… without a profile says so inline.
    QCOMPARE(window.openDoctor(), nullptr);
    QCOMPARE(window.messageBar()->kind(), MessageBar::Kind::Warning);
}

void TestWizard::wizard_endToEnd_profileSavedSecretsOnlyInKeychain()
{
    const QString profilesPath = m_dir.filePath(QStringLiteral("wizard/profiles.ini"));
    ProfileStore store(profilesPath);
    SecretStore secrets;
    secrets.setTimeout(std::chrono::seconds(20));
    SetupWizard wizard(&store, &secrets);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    auto *next = wizard.button(QWizard::NextButton);

    // Profile name.
    QCOMPARE(wizard.currentId(), int(SetupWizard::ProfilePageId));
    QVERIFY(!next->isEnabled());
    child<QLineEdit>(&wizard, "nameEdit")->setText(QStringLiteral("bad/name"));
    QVERIFY(!next->isEnabled());
    QVERIFY(!child<QLabel>(&wizard, "nameStatus")->text().isEmpty());
    child<QLineEdit>(&wizard, "nameEdit")->setText(kProfile);
    QVERIFY(next->isEnabled());
    next->click();

    // Slack tokens: a bot token pasted as the app token is caught as it is typed, with its message.
    QCOMPARE(wizard.currentId(), int(SetupWizard::SlackPageId));
    auto *app = child<QLineEdit>(&wizard, "appTokenEdit");
    auto *appStatus = child<QLabel>(&wizard, "appTokenStatus");
    QTest::keyClicks(app, m_h->slack.config().botToken);
    QVERIFY(!next->isEnabled());
    QVERIFY2(appStatus->text().contains(QStringLiteral("a bot token (xoxb-…)")), qPrintable(appStatus->text()));
    QVERIFY(appStatus->text().contains(QStringLiteral("App-Level Tokens")));
    QVERIFY(!appStatus->text().contains(m_h->slack.config().botToken));
    app->clear();
    app->setText(QStringLiteral("  ") + m_h->slack.config().appToken + QStringLiteral("\n"));
    QVERIFY2(appStatus->text().contains(QStringLiteral("Format OK")), qPrintable(appStatus->text()));
    child<QLineEdit>(&wizard, "botTokenEdit")->setText(m_h->slack.config().botToken);
    child<QLineEdit>(&wizard, "signingSecretEdit")->setText(QString::fromLatin1(m_h->nautobot.config().signingSecret));
    child<QLineEdit>(&wizard, "slackApiUrlEdit")->setText(m_h->slack.apiUrl().toString());
    QVERIFY(next->isEnabled());
    next->click();

    // Nautobot.
    QCOMPARE(wizard.currentId(), int(SetupWizard::NautobotPageId));
    child<QLineEdit>(&wizard, "nautobotUrlEdit")->setText(QStringLiteral("ftp://nautobot"));
    QVERIFY(!next->isEnabled());
    child<QLineEdit>(&wizard, "nautobotUrlEdit")->setText(m_h->nautobot.baseUrl().toString());
    child<QLineEdit>(&wizard, "nautobotTokenEdit")->setText(QStringLiteral("not-a-token"));
    QVERIFY(!next->isEnabled());
    child<QLineEdit>(&wizard, "nautobotTokenEdit")->setText(m_h->nautobot.config().token);
    QVERIFY(next->isEnabled());
    next->click();

    // Network: an unreadable CA bundle is refused with the reason; none is fine.
    QCOMPARE(wizard.currentId(), int(SetupWizard::NetworkPageId));
    child<QComboBox>(&wizard, "proxyKindCombo")->setCurrentIndex(2); // HTTP: needs host and port
    QVERIFY(!next->isEnabled());
    QVERIFY(child<QLineEdit>(&wizard, "proxyHostEdit")->isEnabled());
    child<QComboBox>(&wizard, "proxyKindCombo")->setCurrentIndex(1); // none
    QVERIFY(!child<QLineEdit>(&wizard, "proxyHostEdit")->isEnabled());
    auto *ca = child<QLineEdit>(&wizard, "caBundleEdit");
    ca->setText(m_dir.filePath(QStringLiteral("missing.pem")));
    QTRY_VERIFY(!child<QLabel>(&wizard, "caBundleStatus")->text().contains(QStringLiteral("None")));
    QTRY_VERIFY(!child<QLabel>(&wizard, "caBundleStatus")->text().isEmpty());
    QVERIFY(!next->isEnabled());
    ca->clear();
    QTRY_VERIFY(next->isEnabled());
    next->click();

    // Doctor: one row per check before any result, live progress, then every check settled.
    QCOMPARE(wizard.currentId(), int(SetupWizard::DoctorPageId));
    DoctorPanel *panel = wizard.doctorPanel();
    QTRY_COMPARE_WITH_TIMEOUT(panel->table()->topLevelItemCount(), int(DC::standardIds().size()), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(panel->hasReport(), 60000);
    QCOMPARE(panel->progressBar()->value(), panel->progressBar()->maximum());
    const DoctorReport report = panel->report();
    QCOMPARE(report.results.size(), DC::standardIds().size());
    for (const CheckResult &r : report.results) {
        QCOMPARE(panel->table()->statusOf(r.id), checkStatusName(r.status));
        if (r.id == DC::kKeychain && !real()) {
            QCOMPARE(r.status, CheckStatus::Fail); // no session bus: said so, with the fix
            QVERIFY(!r.fix.isEmpty());
            continue;
        }
        if (r.id == DC::kCaBundle) {
            QCOMPARE(r.status, CheckStatus::Skipped);
            continue;
        }
        QVERIFY2(r.status == CheckStatus::Pass,
                 qPrintable(QStringLiteral("%1: %2 %3 | %4").arg(r.id, checkStatusName(r.status), r.detail, r.fix)));
    }
    QVERIFY(next->isEnabled());
    next->click();

    // Summary: the Markdown report is redacted.
    QCOMPARE(wizard.currentId(), int(SetupWizard::SummaryPageId));
    const QString reportPath = m_dir.filePath(QStringLiteral("wizard-report.md"));
    QVERIFY(wizard.exportReport(reportPath).ok());
    QFile reportFile(reportPath);
    QVERIFY(reportFile.open(QIODevice::ReadOnly));
    const QByteArray md = reportFile.readAll();
    QVERIFY(md.contains("Socket Mode"));
    QVERIFY(!md.isEmpty());

    // Finish: the profile is stored and current; the secrets go to the keychain only.
    QVERIFY(!store.contains(kProfile));
    wizard.button(QWizard::FinishButton)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.isSaving(), 30000);
    QVERIFY(store.contains(kProfile));
    QCOMPARE(store.currentName(), kProfile);
    const Profile saved = store.profile(kProfile).value();
    QCOMPARE(saved.slackApiUrl, m_h->slack.apiUrl());
    QCOMPARE(saved.nautobotUrl, m_h->nautobot.baseUrl());
    QCOMPARE(saved.proxy.kind, ProxySettings::Kind::None);
    if (real()) {
        QTRY_VERIFY(!wizard.isVisible());
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        QMap<SecretKind, QString> expected{{SecretKind::SlackAppToken, m_h->slack.config().appToken},
                                           {SecretKind::SlackBotToken, m_h->slack.config().botToken},
                                           {SecretKind::SlackSigningSecret,
                                            QString::fromLatin1(m_h->nautobot.config().signingSecret)},
                                           {SecretKind::NautobotToken, m_h->nautobot.config().token}};
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            std::optional<Result<QString>> read;
            secrets.read(kProfile, it.key(), this, [&read](Result<QString> r) { read.emplace(std::move(r)); });
            QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20000);
            QVERIFY2(read->ok(), qPrintable(secretKindLabel(it.key())));
            QVERIFY2(read->value() == it.value(), qPrintable(secretKindLabel(it.key()))); // trimmed, never printed
        }
    } else {
        // The keychain is unreachable: said inline, with the fix; the wizard stays open for another try.
        QVERIFY(wizard.isVisible());
        const QString status = wizard.saveStatusText();
        QVERIFY2(status.contains(QStringLiteral("was not stored")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("keychain"), Qt::CaseInsensitive), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("SOCKETSCOPE_")), qPrintable(status));
        QVERIFY(child<QLabel>(&wizard, "saveStatus")->isVisible());
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        wizard.reject();
    }
    // The settings file holds the profile and none of the secrets (nor does any other file we wrote).
    QFile ini(profilesPath);
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray settings = ini.readAll();
    QVERIFY(settings.contains(kProfile.toUtf8()));
    for (const QString &secret : secretValues())
        QVERIFY(!settings.contains(secret.toUtf8()));
    verifyNoSecretOnDisk({profilesPath, reportPath});
}

void TestWizard::doctorWindow_failingCelery_showsFixAndExportsRedacted()
{
    // Secrets from the environment seam here, so this runs the same with or without a keychain.
    SecretStore store;
    SecretResolver resolver(&store);
    const QMap<QString, QString> env{
        {QStringLiteral("SOCKETSCOPE_SLACK_APP_TOKEN"), m_h->slack.config().appToken},
        {QStringLiteral("SOCKETSCOPE_SLACK_BOT_TOKEN"), m_h->slack.config().botToken},
        {QStringLiteral("SOCKETSCOPE_SLACK_SIGNING_SECRET"), QString::fromLatin1(m_h->nautobot.config().signingSecret)},
        {QStringLiteral("SOCKETSCOPE_NAUTOBOT_TOKEN"), m_h->nautobot.config().token}};
    resolver.setEnvironment([env](const QString &name) { return env.value(name); });
    Profile profile;
    profile.name = QStringLiteral("doctor-window");
    profile.slackApiUrl = m_h->slack.apiUrl();
    profile.nautobotUrl = m_h->nautobot.baseUrl();
    m_h->nautobot.setCeleryWorkers(0);

    DoctorWindow window(&resolver);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.runFor(profile);
    QTRY_VERIFY_WITH_TIMEOUT(window.panel()->hasReport(), 60000);
    DoctorTable *table = window.panel()->table();
    QCOMPARE(table->statusOf(DC::kCeleryWorkers), QStringLiteral("fail"));
    QTreeWidgetItem *row = table->rowFor(DC::kCeleryWorkers);
    QVERIFY(row);
    QVERIFY(!row->text(DoctorTable::FixColumn).isEmpty());
    QCOMPARE(row->text(DoctorTable::StatusColumn), QStringLiteral("Fail"));
    QVERIFY(!row->icon(DoctorTable::StatusColumn).isNull());
    QVERIFY(!row->text(DoctorTable::DurationColumn).isEmpty());
    QCOMPARE(table->statusOf(DC::kNautobotReachable), QStringLiteral("pass"));
    // The first problem is selected and its full detail and fix are readable below the table.
    QCOMPARE(table->currentItem(), row);
    const QString details = child<QTextBrowser>(window.panel(), "doctorDetails")->toPlainText();
    QVERIFY2(details.contains(QStringLiteral("Fix: ") + row->text(DoctorTable::FixColumn)), qPrintable(details));
    // Status colours differ between palettes and from the text colour, in both.
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    QVERIFY(DoctorTable::statusColor(CheckStatus::Fail, dark) != DoctorTable::statusColor(CheckStatus::Fail, light));
    QVERIFY(DoctorTable::statusColor(CheckStatus::Fail, dark).lightnessF() > 0.5);
    QVERIFY(DoctorTable::statusColor(CheckStatus::Fail, light).lightnessF() < 0.5);

    const QString md = window.markdown();
    QVERIFY(md.contains(row->text(DoctorTable::FixColumn).left(30)));
    const QString path = m_dir.filePath(QStringLiteral("doctor-window.md"));
    QVERIFY(window.exportReport(path).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray exported = file.readAll();
    QCOMPARE(QString::fromUtf8(exported), md);
    for (const QString &secret : secretValues()) {
        QVERIFY(!md.contains(secret));
        QVERIFY(!exported.contains(secret.toUtf8()));
    }
    window.copyMarkdown();

    // Re-run after the fix: the row turns green.
    m_h->nautobot.setCeleryWorkers(2);
    window.rerun();
    QTRY_VERIFY_WITH_TIMEOUT(window.panel()->isRunning(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.panel()->isRunning() && window.panel()->hasReport(), 60000);
    QCOMPARE(table->statusOf(DC::kCeleryWorkers), QStringLiteral("pass"));
}

void TestWizard::connect_withProfile_usesKeychainToken()
{
    QVERIFY(qEnvironmentVariableIsEmpty("SOCKETSCOPE_SLACK_APP_TOKEN")); // the token is only in the keychain
    {
        ProfileStore store; // the default store the main window reads
        Profile profile;
        profile.name = kProfile;
        profile.slackApiUrl = m_h->slack.apiUrl();
        profile.nautobotUrl = m_h->nautobot.baseUrl();
        profile.proxy.kind = ProxySettings::Kind::None;
        QVERIFY(store.add(profile).ok());
        QVERIFY(store.setCurrent(kProfile).ok());
        Profile other = profile;
        other.name = QStringLiteral("other");
        QVERIFY(store.add(other).ok());
    }
    // The wizard test stored the app token under this profile (real keychain only).
    MainWindowOptions options;
    options.captureDirectory = m_dir.filePath(QStringLiteral("captures"));
    MainWindow window(options);
    window.show();
    // The combo lists the profiles and the demo workspace; the current profile is selected, no demo starts.
    QComboBox *combo = window.connectionBar()->profileCombo();
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->currentData().toString(), kProfile);
    QCOMPARE(combo->itemText(2), QStringLiteral("Demo workspace"));
    QVERIFY(!window.connectionBar()->isDemo());
    QTest::qWait(200);
    QVERIFY(!window.engine()->isActive());
    // Switching the combo switches the current profile.
    combo->setCurrentIndex(1);
    Q_EMIT combo->activated(1);
    QCOMPARE(ProfileStore().currentName(), QStringLiteral("other"));
    combo->setCurrentIndex(0);
    Q_EMIT combo->activated(0);
    QCOMPARE(ProfileStore().currentName(), kProfile);

    m_h->slack.startTraffic(20);
    window.toggleConnection();
    if (real()) {
        QTRY_COMPARE_WITH_TIMEOUT(window.connectionBar()->state(), ClientState::Connected, 15000);
        QVERIFY(!window.connectionBar()->isDemo());
        QTRY_VERIFY_WITH_TIMEOUT(window.envelopeModel()->rowCount() >= 5, 15000);
        QVERIFY(window.currentCapturePath().contains(kProfile));
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(window.messageBar()->kind(), MessageBar::Kind::Error, 15000);
        const QString text = window.messageBar()->text();
        QVERIFY2(text.contains(QStringLiteral("Slack app-level token")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Fix:")), qPrintable(text));
        QVERIFY(!window.engine()->isActive());
        QCOMPARE(window.envelopeModel()->rowCount(), 0);
    }
    m_h->slack.stopTraffic();
    window.close();
    verifyNoSecretOnDisk();
}

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
