// The real `socketscope-cli check` binary against `socketscope-cli sim` running as a separate
// process (Slack and Nautobot on one 127.0.0.1 port): exit codes, JSON, profiles, and that no
// secret ever reaches the output.
#include "doctor/DoctorChecks.h"
#include "profile/ProfileStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace socketscope;

namespace {

const QStringList kSecretVariables{
    QStringLiteral("SOCKETSCOPE_SLACK_APP_TOKEN"), QStringLiteral("SOCKETSCOPE_SLACK_BOT_TOKEN"),
    QStringLiteral("SOCKETSCOPE_SLACK_SIGNING_SECRET"), QStringLiteral("SOCKETSCOPE_NAUTOBOT_TOKEN")};

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void healthy_exits0WithEveryCheckInTheTable();
    void failingSwitch_exits5AndNamesTheFix();
    void noAppToken_exits3();
    void unknownProfile_exits3();
    void profileWithoutReachableKeychain_exits3();
    void profileWithEnvironmentSecrets_exits0();
    void json_parsesWithOneEntryPerCheck();
    void json_failingSwitch_reportsFail();
    void secrets_neverInOutputReportOrJson();
    void badOption_exits2();
    void simHelp_saysTestValuesAreNoSecrets();

private:
    bool startSim(const QStringList &extra = {});
    Run check(const QStringList &args, const QHash<QString, QString> &env, const QStringList &unset = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_sim;
    QHash<QString, QString> m_env; // the six variables the simulator printed
};

void TestCliCheck::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCliCheck::cleanup()
{
    if (m_sim) {
        m_sim->terminate();
        if (!m_sim->waitForFinished(5000)) {
            m_sim->kill();
            m_sim->waitForFinished(2000);
        }
        m_sim.reset();
    }
    m_env.clear();
}

bool TestCliCheck::startSim(const QStringList &extra)
{
    m_sim = std::make_unique<QProcess>();
    m_sim->setProcessChannelMode(QProcess::SeparateChannels);
    m_sim->start(QStringLiteral(SOCKETSCOPE_CLI_PATH),
                 QStringList{QStringLiteral("sim"), QStringLiteral("--print-env")} + extra);
    if (!m_sim->waitForStarted(5000))
        return false;
    QByteArray buffer;
    QElapsedTimer clock;
    clock.start();
    while (m_env.size() < 6 && clock.elapsed() < 15000) {
        m_sim->waitForReadyRead(200);
        buffer += m_sim->readAllStandardOutput();
        m_env.clear();
        for (const QByteArray &line : buffer.split('\n')) {
            if (!line.startsWith("export "))
                continue;
            const QByteArray assignment = line.mid(7).trimmed();
            const int eq = assignment.indexOf('=');
            if (eq > 0)
                m_env.insert(QString::fromUtf8(assignment.left(eq)), QString::fromUtf8(assignment.mid(eq + 1)));
        }
        if (m_sim->state() != QProcess::Running)
            break;
    }
    return m_env.size() == 6;
}

Run TestCliCheck::check(const QStringList &args, const QHash<QString, QString> &env, const QStringList &unset)
{
    QProcess p;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys()) {
        if (name.startsWith(QLatin1String("SOCKETSCOPE_")) && name != QLatin1String("SOCKETSCOPE_TEST_MODE"))
            environment.remove(name);
    }
    for (auto it = env.constBegin(); it != env.constEnd(); ++it)
        environment.insert(it.key(), it.value());
    for (const QString &name : unset)
        environment.remove(name);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    p.setProcessEnvironment(environment);
    p.start(QStringLiteral(SOCKETSCOPE_CLI_PATH), QStringList{QStringLiteral("check")} + args);
    Run run;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return run;
    }
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    return run;
}

void TestCliCheck::healthy_exits0WithEveryCheckInTheTable()
{
    QVERIFY(startSim());
    const Run run = check({}, m_env);
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    for (const QString &id : DoctorChecks::standardIds())
        QVERIFY2(run.out.contains(id), qPrintable(id));
    QVERIFY(run.out.contains(QLatin1String("[PASS]")));
    QVERIFY(run.out.contains(QLatin1String("0 failed")));
    QVERIFY(!run.out.contains(QLatin1Char('\x1b'))); // no colours without a terminal
}

void TestCliCheck::failingSwitch_exits5AndNamesTheFix()
{
    QVERIFY(startSim({QStringLiteral("--nautobot-fail=celery")}));
    const Run run = check({}, m_env);
    QVERIFY2(run.exitCode == 5, qPrintable(run.out + run.err));
    QVERIFY(run.out.contains(QLatin1String("[FAIL]")));
    QVERIFY(run.out.contains(QLatin1String("celery-workers-running = 0")));
    QVERIFY(run.out.contains(QLatin1String("fix: Start the Celery worker")));
}

void TestCliCheck::noAppToken_exits3()
{
    QVERIFY(startSim());
    const Run run = check({}, m_env, {QStringLiteral("SOCKETSCOPE_SLACK_APP_TOKEN")});
    QVERIFY2(run.exitCode == 3, qPrintable(run.out + run.err));
    QVERIFY(run.err.contains(QLatin1String("SOCKETSCOPE_SLACK_APP_TOKEN")));
}

void TestCliCheck::unknownProfile_exits3()
{
    const Run run = check({QStringLiteral("--profile"), QStringLiteral("nosuch")}, {});
    QVERIFY2(run.exitCode == 3, qPrintable(run.out + run.err));
    QVERIFY(run.err.contains(QLatin1String("no profile \"nosuch\"")));
}

namespace {

// Creates a profile where the CLI (organization SocketScope, application socketscope) looks for it.
bool writeProfile(const QString &configHome, const Profile &profile)
{
    qputenv("XDG_CONFIG_HOME", configHome.toUtf8());
    const QString org = QCoreApplication::organizationName();
    const QString app = QCoreApplication::applicationName();
    QCoreApplication::setOrganizationName(QStringLiteral("SocketScope"));
    QCoreApplication::setApplicationName(QStringLiteral("socketscope"));
    bool ok = false;
    {
        ProfileStore store;
        ok = store.add(profile).ok();
    }
    QCoreApplication::setOrganizationName(org);
    QCoreApplication::setApplicationName(app);
    return ok;
}

} // namespace

void TestCliCheck::profileWithoutReachableKeychain_exits3()
{
    Profile profile;
    profile.name = QStringLiteral("lab");
    QVERIFY(writeProfile(m_dir->filePath(QStringLiteral("config")), profile));
    // No session bus: the keychain cannot answer, so there is no app token at all.
    const Run run = check({QStringLiteral("--profile"), QStringLiteral("lab")},
                          {{QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent")}});
    QVERIFY2(run.exitCode == 3, qPrintable(run.out + run.err));
    QVERIFY(run.err.contains(QLatin1String("no Slack app-level token")));
}

void TestCliCheck::profileWithEnvironmentSecrets_exits0()
{
    QVERIFY(startSim());
    Profile profile;
    profile.name = QStringLiteral("lab");
    profile.slackApiUrl = QUrl(m_env.value(QStringLiteral("SOCKETSCOPE_SLACK_API_URL")));
    profile.nautobotUrl = QUrl(m_env.value(QStringLiteral("SOCKETSCOPE_NAUTOBOT_URL")));
    QVERIFY(writeProfile(m_dir->filePath(QStringLiteral("config")), profile));
    QHash<QString, QString> secretsOnly;
    for (const QString &name : kSecretVariables)
        secretsOnly.insert(name, m_env.value(name));
    secretsOnly.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
    const Run run = check({QStringLiteral("--profile"), QStringLiteral("lab"), QStringLiteral("--json")}, secretsOnly);
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(json.value(QLatin1String("profile")).toString(), QStringLiteral("lab"));
    for (const QJsonValue &v : json.value(QLatin1String("checks")).toArray()) {
        const QJsonObject c = v.toObject();
        if (c.value(QLatin1String("id")).toString() == DoctorChecks::kKeychain)
            QCOMPARE(c.value(QLatin1String("status")).toString(), QStringLiteral("skipped"));
        if (c.value(QLatin1String("id")).toString() == DoctorChecks::kNautobotReachable)
            QCOMPARE(c.value(QLatin1String("status")).toString(), QStringLiteral("pass"));
    }
}

void TestCliCheck::json_parsesWithOneEntryPerCheck()
{
    QVERIFY(startSim());
    const Run run = check({QStringLiteral("--json")}, m_env);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonArray checks = doc.object().value(QLatin1String("checks")).toArray();
    QCOMPARE(checks.size(), DoctorChecks::standardIds().size());
    QStringList ids;
    for (const QJsonValue &v : checks)
        ids << v.toObject().value(QLatin1String("id")).toString();
    QCOMPARE(ids, DoctorChecks::standardIds());
    QCOMPARE(doc.object().value(QLatin1String("summary")).toObject().value(QLatin1String("fail")).toInt(), 0);
}

void TestCliCheck::json_failingSwitch_reportsFail()
{
    QVERIFY(startSim({QStringLiteral("--nautobot-fail=no-grants"), QStringLiteral("--nautobot-fail=token-expired")}));
    const Run run = check({QStringLiteral("--json")}, m_env);
    QVERIFY2(run.exitCode == 5, qPrintable(run.err));
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(json.value(QLatin1String("overall")).toString(), QStringLiteral("fail"));
    for (const QJsonValue &v : json.value(QLatin1String("checks")).toArray()) {
        const QJsonObject c = v.toObject();
        if (c.value(QLatin1String("id")).toString() == DoctorChecks::kNautobotToken) {
            QCOMPARE(c.value(QLatin1String("status")).toString(), QStringLiteral("fail"));
            QVERIFY(c.value(QLatin1String("detail")).toString().contains(QLatin1String("expired")));
        }
    }
}

void TestCliCheck::secrets_neverInOutputReportOrJson()
{
    QVERIFY(startSim({QStringLiteral("--nautobot-fail=problem-log")}));
    const QString reportPath = m_dir->filePath(QStringLiteral("report.md"));
    const Run table = check({QStringLiteral("--report"), reportPath}, m_env);
    const Run json = check({QStringLiteral("--json")}, m_env);
    QCOMPARE(table.exitCode, 0);
    QCOMPARE(json.exitCode, 0);
    QFile file(reportPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString markdown = QString::fromUtf8(file.readAll());
    QVERIFY(markdown.contains(QLatin1String("# SocketScope doctor report")));
    QVERIFY(markdown.contains(QLatin1String("chatops.command_log")));
    for (const QString &name : kSecretVariables) {
        const QString secret = m_env.value(name);
        QVERIFY(secret.size() >= 20);
        for (const QString &text : {table.out, table.err, json.out, json.err, markdown})
            QVERIFY2(!text.contains(secret), qPrintable(name + QStringLiteral(" leaked")));
    }
}

void TestCliCheck::badOption_exits2()
{
    const Run run = check({QStringLiteral("--bogus")}, {});
    QCOMPARE(run.exitCode, 2);
}

void TestCliCheck::simHelp_saysTestValuesAreNoSecrets()
{
    QProcess p;
    p.start(QStringLiteral(SOCKETSCOPE_CLI_PATH), {QStringLiteral("sim"), QStringLiteral("--help")});
    QVERIFY(p.waitForFinished(10000));
    const QString help = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY(help.contains(QLatin1String("--print-env")));
    QVERIFY(help.contains(QLatin1String("--nautobot-fail")));
    QVERIFY(help.contains(QLatin1String("not secrets")));
    QProcess bad;
    bad.start(QStringLiteral(SOCKETSCOPE_CLI_PATH), {QStringLiteral("sim"), QStringLiteral("--nautobot-fail=nope")});
    QVERIFY(bad.waitForFinished(10000));
    QCOMPARE(bad.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestCliCheck)
#include "tst_cli_check.moc"
