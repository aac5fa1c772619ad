// The keychain check and keychain-sourced secrets. Runs twice (see CMakeLists.txt):
// SOCKETSCOPE_KEYCHAIN_TEST=absent without a session bus (the check fails and says how to fix it),
// SOCKETSCOPE_KEYCHAIN_TEST=real on a private bus with an unlocked gnome-keyring (the check passes and
// secrets are read from the keychain, their source named and their value never shown).
#include "doctor/Doctor.h"
#include "doctor/DoctorChecks.h"
#include "doctor/DoctorContext.h"
#include "doctor/SecretChecks.h"
#include "secrets/SecretResolver.h"
#include "secrets/SecretStore.h"

#include <QSignalSpy>
#include <QtTest>

using namespace socketscope;
namespace DC = socketscope::DoctorChecks;

namespace {
const QString kService = QStringLiteral("SocketScopeDoctorTest");
const QString kProfile = QStringLiteral("doctor-keychain-test");
const QString kAppToken = QStringLiteral("xapp-1-A0TESTAPP1-1000000000001-0123456789abcdef0123456789abcdef");
} // namespace

class TestDoctorKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keychainCheck_matchesTheEnvironment();

private:
    DoctorContext buildContext(SecretStore &store);
};

DoctorContext TestDoctorKeychain::buildContext(SecretStore &store)
{
    SecretResolver resolver(&store);
    resolver.setEnvironment([](const QString &) { return QString(); }); // nothing from the environment
    DoctorContextBuilder builder(&resolver);
    builder.setEnvironment([](const QString &) { return QString(); });
    Profile profile;
    profile.name = kProfile;
    std::optional<Result<DoctorContext>> built;
    builder.build(profile, this, [&built](Result<DoctorContext> r) { built.emplace(std::move(r)); });
    QElapsedTimer clock;
    clock.start();
    while (!built && clock.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (!built || !built->ok())
        qFatal("the context was not built");
    return built->value();
}

void TestDoctorKeychain::keychainCheck_matchesTheEnvironment()
{
    const QByteArray mode = qgetenv("SOCKETSCOPE_KEYCHAIN_TEST");
    if (mode != "absent" && mode != "real")
        QSKIP("run through ctest (SOCKETSCOPE_KEYCHAIN_TEST=absent|real)");
    SecretStore store(kService, nullptr);
    store.setTimeout(std::chrono::seconds(20));
    if (mode == "real") {
        bool written = false;
        store.write(kProfile, SecretKind::SlackAppToken, kAppToken, this, [&written](Result<void> r) {
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            written = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(written, 20000);
    }
    const DoctorContext context = buildContext(store);
    QVERIFY(context.keychainNeeded());

    std::vector<std::unique_ptr<DoctorCheck>> checks;
    checks.push_back(std::make_unique<KeychainReachableCheck>());
    checks.push_back(std::make_unique<SecretPresentCheck>(DC::kAppTokenSecret, SecretKind::SlackAppToken,
                                                          QStringLiteral("the Socket Mode connection"), true));
    checks.push_back(std::make_unique<SecretPresentCheck>(DC::kBotTokenSecret, SecretKind::SlackBotToken,
                                                          QStringLiteral("auth.test"), false));
    Doctor doctor(context, std::move(checks));
    QSignalSpy finished(&doctor, &Doctor::finished);
    doctor.start();
    QVERIFY(finished.wait(30000));
    const DoctorReport report = finished.first().first().value<DoctorReport>();
    const CheckResult *keychain = report.find(DC::kKeychain);
    const CheckResult *app = report.find(DC::kAppTokenSecret);
    const CheckResult *bot = report.find(DC::kBotTokenSecret);
    QVERIFY(keychain && app && bot);
    if (mode == "absent") {
        QCOMPARE(keychain->status, CheckStatus::Fail);
        QVERIFY(!keychain->fix.isEmpty());
        QCOMPARE(app->status, CheckStatus::Fail);
        QVERIFY(app->detail.contains(QLatin1String("could not be read")));
        QCOMPARE(bot->status, CheckStatus::Fail); // unreadable is not the same as unset
    } else {
        QCOMPARE(keychain->status, CheckStatus::Pass);
        QCOMPARE(app->status, CheckStatus::Pass);
        QVERIFY(app->detail.contains(QLatin1String("keychain entry")));
        QVERIFY(!app->detail.contains(kAppToken));
        QCOMPARE(bot->status, CheckStatus::Skipped); // not stored: says what to set
        QVERIFY(bot->detail.contains(QLatin1String("SOCKETSCOPE_SLACK_BOT_TOKEN")));
        bool removed = false;
        store.removeProfile(kProfile, this, [&removed](Result<void>) { removed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 20000);
    }
    const QString md = DoctorReportFormat::toMarkdown(report, context.secretValues());
    QVERIFY(!md.contains(kAppToken));
}

QTEST_GUILESS_MAIN(TestDoctorKeychain)
#include "tst_doctor_keychain.moc"
