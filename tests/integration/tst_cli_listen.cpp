#include "capture/AckJournal.h"
#include "capture/CaptureStore.h"
#include "NautobotSimulator.h"
#include "SlackSimulator.h"
#include "profile/ProfileStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace socketscope;
using socketscope::sim::Scenario;

// Drives the real socketscope-cli binary against the in-process simulator.
class TestCliListen : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void jsonl_printsContractFieldsPerEnvelope();
    void invalidAuth_exits3AndNamesFix();
    void botTokenAsAppToken_exits3();
    void missingToken_exits3();
    void linkDisabled_exits3();
    void unreachable_exits4AfterGivingUp();
    void badFlag_exits2();
    void sigkillMidBurst_captureHoldsEveryAckedEnvelope();
    void sigterm_stopsCleanlyWithExit0();
    void bridge_deliversToNautobotAndPrintsAfterAck();
    void bridge_withoutSigningSecret_exits3();
    void unknownProfile_exits3();
    void profile_suppliesApiUrlAndMode();
    void searchIndex_leftToViewer_indexCommandBuildsIt();
    void searchIndexFlag_indexesWhileListening();
    void indexCommand_badArguments_exit2();

private:
    QProcess *startListen(const QStringList &extra, const QString &token = {});
    sim::SlackSimConfig config() const;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<sim::SlackSimulator> m_sim;
    std::unique_ptr<sim::NautobotSimulator> m_nautobot;
    QMap<QString, QString> m_env; // extra environment for the next startListen
    QString m_stdout;
    QString m_stderr;
};

sim::SlackSimConfig TestCliListen::config() const
{
    sim::SlackSimConfig c;
    c.serverPingIntervalMs = 1000;
    return c;
}

void TestCliListen::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_sim = std::make_unique<sim::SlackSimulator>(config());
    m_nautobot = std::make_unique<sim::NautobotSimulator>();
    m_nautobot->registerOn(m_sim->httpServer());
    QVERIFY(m_sim->listen(0));
    m_env.clear();
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
}

QProcess *TestCliListen::startListen(const QStringList &extra, const QString &token)
{
    auto *p = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SOCKETSCOPE_SLACK_API_URL"), m_sim->apiUrl().toString());
    env.insert(QStringLiteral("SOCKETSCOPE_SLACK_APP_TOKEN"), token.isNull() ? m_sim->config().appToken : token);
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    env.remove(QStringLiteral("SOCKETSCOPE_NAUTOBOT_URL"));
    env.remove(QStringLiteral("SOCKETSCOPE_SLACK_SIGNING_SECRET"));
    for (auto it = m_env.cbegin(); it != m_env.cend(); ++it)
        env.insert(it.key(), it.value());
    // Profiles tests only: no session bus, so a keychain lookup fails fast instead of waiting.
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(SOCKETSCOPE_CLI_PATH), QStringList{QStringLiteral("listen")} + extra);
    return p;
}

static int finish(QProcess *p, QString *out, QString *err, int timeoutMs = 20000)
{
    // Spin the event loop while waiting: the simulator the CLI talks to lives in this process.
    if (!QTest::qWaitFor([p] { return p->state() == QProcess::NotRunning; }, timeoutMs)) {
        p->kill();
        p->waitForFinished();
        return -1;
    }
    *out = QString::fromUtf8(p->readAllStandardOutput());
    *err = QString::fromUtf8(p->readAllStandardError());
    return p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -2;
}

void TestCliListen::jsonl_printsContractFieldsPerEnvelope()
{
    const QString capture = m_dir->filePath(QStringLiteral("c.sqlite"));
    QProcess *p = startListen({QStringLiteral("--jsonl"), QStringLiteral("--capture"), capture,
                               QStringLiteral("--max-envelopes"), QStringLiteral("25")});
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->liveLinkCount(), 1, 10000);
    m_sim->sendBurst(25);
    QCOMPARE(finish(p, &m_stdout, &m_stderr), 0);
    const QStringList lines = m_stdout.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 25);
    for (const QString &line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        for (const char *key : {"envelope_id", "type", "received_at", "acked_at", "ack_us", "link", "retry_attempt", "duplicate"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QVERIFY(o.value(QLatin1String("ack_us")).toDouble() >= 0);
        QVERIFY(m_sim->ackedEnvelopeIds().contains(o.value(QLatin1String("envelope_id")).toString()));
    }
    QVERIFY(m_stderr.contains(QLatin1String("Envelopes: 25")));
    QVERIFY2(!m_stderr.contains(m_sim->config().appToken) && !m_stdout.contains(m_sim->config().appToken),
             "the app token never reaches the output");
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->stats().acked, 25, 5000);
}

void TestCliListen::invalidAuth_exits3AndNamesFix()
{
    m_sim->setOpenError(QStringLiteral("invalid_auth"));
    QProcess *p = startListen({QStringLiteral("--capture"), m_dir->filePath(QStringLiteral("c.sqlite"))});
    QCOMPARE(finish(p, &m_stdout, &m_stderr), 3);
    QVERIFY(m_stderr.contains(QLatin1String("invalid_auth")));
    QVERIFY(m_stderr.contains(QLatin1String("Fix:")));
    QCOMPARE(m_sim->stats().connectionsOpenCalls, 1);
}

void TestCliListen::botTokenAsAppToken_exits3()
{
    QProcess *p = startListen({QStringLiteral("--capture"), m_dir->filePath(QStringLiteral("c.sqlite"))},
                              m_sim->config().botToken);
    QCOMPARE(finish(p, &m_stdout, &m_stderr), 3);
    QVERIFY(m_stderr.contains(QLatin1String("bot token")));
    QVERIFY(m_stderr.contains(QLatin1String("xapp-")));
    QVERIFY(!m_stderr.contains(m_sim->config().botToken));
}

void TestCliListen::missingToken_exits3()
{
    QProcess *p = startListen({QStringLiteral("--capture"), m_dir->filePath(QStringLiteral("c.sqlite"))}, QStringLiteral(""));
    QCOMPARE(finish(p, &m_stdout, &m_stderr), 3);
    QVERIFY(m_stderr.contains(QLatin1String("SOCKETSCOPE_SLACK_APP_TOKEN")));
}

void TestCliListen::linkDisabled_exits3()
{
    QProcess *p = startListen({QStringLiteral("--capture"), m_dir->filePath(QStringLiteral("c.sqlite"))});
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->liveLinkCount(), 1, 10000);
    m_sim->runScenario(Scenario::LinkDisabled);
    QCOMPARE(finish(p, &m_stdout, &m_stderr), 3);
    QVERIFY(m_stderr.contains(QLatin1String("link_disabled")));
    QVERIFY(m_stderr.contains(QLatin1String("Socket Mode")));
}

void TestCliListen::unreachable_exits4AfterGivingUp()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    QProcess *p = startListen({QStringLiteral("--capture"), m_dir->filePath(QStringLiteral("c.sqlite")),
                               QStringLiteral("--give-up-after"), QStringLiteral("2"), QStringLiteral("--slack-api-url"),
                               QStringLiteral("http://127.0.0.1:%1/api/").arg(port)});
    QCOMPARE(finish(p, &m_stdout, &m_stderr, 30000), 4);
    QVERIFY(m_stderr.contains(QLatin1String("Gave up")));
}

void TestCliListen::badFlag_exits2()
{
    QProcess *p = startListen({QStringLiteral("--max-envelopes"), QStringLiteral("many")});
    QCOMPARE(finish(p, &m_stdout, &m_stderr), 2);
    p = startListen({QStringLiteral("--no-such-flag")});
    QCOMPARE(finish(p, &m_stdout, &m_stderr), 2);
}

void TestCliListen::sigkillMidBurst_captureHoldsEveryAckedEnvelope()
{
    const QString capture = m_dir->filePath(QStringLiteral("killed.sqlite"));
    QProcess *p = startListen({QStringLiteral("--capture"), capture});
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->liveLinkCount(), 1, 10000);
    m_sim->startTraffic(4000);
    QTRY_VERIFY_WITH_TIMEOUT(m_sim->stats().acked >= 3000, 20000);
    ::kill(static_cast<pid_t>(p->processId()), SIGKILL);
    QVERIFY(p->waitForFinished(5000));
    m_sim->stopTraffic();
    const QSet<QString> acked = m_sim->ackedEnvelopeIds();
    QVERIFY(acked.size() >= 3000);

    // Acked envelopes the killed listen had not yet written to the tables are in its ack journal; the
    // next read-write open (a new listen, index, the desktop app) stores them.
    QVERIFY(QFileInfo::exists(AckJournal::pathFor(capture)));
    auto store = CaptureStore::open(capture, CaptureStore::Mode::ReadWrite);
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    QVERIFY(!QFileInfo::exists(AckJournal::pathFor(capture)));
    qInfo("%lld envelope(s) stored from the ack journal", static_cast<long long>(store.value()->recoveredFromJournal()));
    QSet<QString> captured;
    QVERIFY(store.value()->forEachEnvelope([&](const Envelope &e) {
        captured.insert(e.envelopeId);
        return true;
    }));
    QVERIFY2(captured.contains(acked), qPrintable(QStringLiteral("%1 acked, %2 captured, %3 acked but missing")
                                                    .arg(acked.size())
                                                    .arg(captured.size())
                                                    .arg((acked - captured).size())));
}

void TestCliListen::sigterm_stopsCleanlyWithExit0()
{
    const QString capture = m_dir->filePath(QStringLiteral("term.sqlite"));
    QProcess *p = startListen({QStringLiteral("--capture"), capture});
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->liveLinkCount(), 1, 10000);
    m_sim->sendBurst(40);
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->stats().acked, 40, 10000);
    p->terminate();
    QCOMPARE(finish(p, &m_stdout, &m_stderr), 0);
    QVERIFY(m_stderr.contains(QLatin1String("Envelopes: 40")));
    auto store = CaptureStore::open(capture, CaptureStore::Mode::ReadOnly);
    QVERIFY(store);
    QCOMPARE(store.value()->envelopeCount().value(), qint64(40));
}

void TestCliListen::bridge_deliversToNautobotAndPrintsAfterAck()
{
    m_env.insert(QStringLiteral("SOCKETSCOPE_NAUTOBOT_URL"), m_nautobot->baseUrl().toString());
    m_env.insert(QStringLiteral("SOCKETSCOPE_SLACK_SIGNING_SECRET"), QString::fromUtf8(m_nautobot->config().signingSecret));
    QProcess *p = startListen({QStringLiteral("--mode"), QStringLiteral("bridge"), QStringLiteral("--jsonl"),
                               QStringLiteral("--capture"), m_dir->filePath(QStringLiteral("b.sqlite")),
                               QStringLiteral("--max-envelopes"), QStringLiteral("3")});
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->liveLinkCount(), 1, 10000);
    m_sim->sendEnvelope(sim::EnvelopeKind::SlashCommand);
    m_sim->sendEnvelope(sim::EnvelopeKind::BlockActions);
    m_sim->sendEnvelope(sim::EnvelopeKind::AppMention);
    QCOMPARE(finish(p, &m_stdout, &m_stderr), 0);
    const QStringList lines = m_stdout.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    for (const QString &line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        QVERIFY(o.value(QLatin1String("ack_us")).toDouble() > 0);
        QVERIFY(o.value(QLatin1String("ack_us")).toDouble() < 3e6);
    }
    QVERIFY2(m_stderr.contains(QLatin1String("Deliveries \"bridge: 200\"")), qPrintable(m_stderr));
    QVERIFY(!m_nautobot->commandLog().isEmpty());
    QVERIFY(!m_stderr.contains(QString::fromUtf8(m_nautobot->config().signingSecret)));
}

void TestCliListen::bridge_withoutSigningSecret_exits3()
{
    m_env.insert(QStringLiteral("SOCKETSCOPE_NAUTOBOT_URL"), m_nautobot->baseUrl().toString());
    QProcess *p = startListen({QStringLiteral("--mode"), QStringLiteral("bridge"), QStringLiteral("--capture"),
                               m_dir->filePath(QStringLiteral("b.sqlite"))});
    QCOMPARE(finish(p, &m_stdout, &m_stderr), 3);
    QVERIFY(m_stderr.contains(QLatin1String("SOCKETSCOPE_SLACK_SIGNING_SECRET")));
    QCOMPARE(m_sim->stats().connectionsOpenCalls, 0);
}

void TestCliListen::unknownProfile_exits3()
{
    QProcess *p = startListen({QStringLiteral("--profile"), QStringLiteral("nosuch"), QStringLiteral("--capture"),
                               m_dir->filePath(QStringLiteral("c.sqlite"))});
    QCOMPARE(finish(p, &m_stdout, &m_stderr), 3);
    QVERIFY(m_stderr.contains(QLatin1String("no profile \"nosuch\"")));
}

void TestCliListen::profile_suppliesApiUrlAndMode()
{
    // The profile names the simulator's API URL; the token comes from the environment (CI style).
    const QString configHome = m_dir->filePath(QStringLiteral("config"));
    qputenv("XDG_CONFIG_HOME", configHome.toUtf8());
    const QString org = QCoreApplication::organizationName(), app = QCoreApplication::applicationName();
    QCoreApplication::setOrganizationName(QStringLiteral("SocketScope"));
    QCoreApplication::setApplicationName(QStringLiteral("socketscope"));
    {
        ProfileStore store;
        Profile profile;
        profile.name = QStringLiteral("lab");
        profile.slackApiUrl = m_sim->apiUrl();
        QVERIFY(store.add(profile).ok());
    }
    QCoreApplication::setOrganizationName(org);
    QCoreApplication::setApplicationName(app);
    QProcess *p = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SOCKETSCOPE_SLACK_API_URL"));
    env.insert(QStringLiteral("SOCKETSCOPE_SLACK_APP_TOKEN"), m_sim->config().appToken);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(SOCKETSCOPE_CLI_PATH),
             {QStringLiteral("listen"), QStringLiteral("--profile"), QStringLiteral("lab"), QStringLiteral("--capture"),
              m_dir->filePath(QStringLiteral("p.sqlite")), QStringLiteral("--max-envelopes"), QStringLiteral("5")});
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->liveLinkCount(), 1, 10000);
    m_sim->sendBurst(5);
    QCOMPARE(finish(p, &m_stdout, &m_stderr), 0);
    QVERIFY2(m_stderr.contains(QLatin1String("mode dedicated")), qPrintable(m_stderr));
    QVERIFY(m_stderr.contains(QLatin1String("Envelopes: 5")));
}


static int runCli(const QStringList &args, QString *err)
{
    QProcess p;
    p.start(QStringLiteral(SOCKETSCOPE_CLI_PATH), args);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
}

// listen captures and acks; the search index is left to whoever searches. Search finds every row before
// (scan) and after `socketscope-cli index` (FTS5), with the same results.
void TestCliListen::searchIndex_leftToViewer_indexCommandBuildsIt()
{
    const QString capture = m_dir->filePath(QStringLiteral("unindexed.sqlite"));
    QProcess *p = startListen({QStringLiteral("--capture"), capture, QStringLiteral("--max-envelopes"), QStringLiteral("30")});
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->liveLinkCount(), 1, 10000);
    m_sim->sendBurst(30);
    QCOMPARE(finish(p, &m_stdout, &m_stderr), 0);
    QVERIFY2(m_stderr.contains(QLatin1String("Search index: 30 envelope(s) not indexed yet")), qPrintable(m_stderr));
    QVERIFY(m_stderr.contains(QLatin1String("socketscope-cli index --capture")));

    QVector<qint64> everyRow, slashCommands;
    {
        auto store = CaptureStore::open(capture, CaptureStore::Mode::ReadOnly);
        QVERIFY(store);
        QCOMPARE(store.value()->searchIndexBacklog().value(), qint64(30));
        QCOMPARE(store.value()->searchIndexedUpTo().value(), qint64(0));
        everyRow = store.value()->searchText(QStringLiteral("envelope_id"), 1000).value();
        slashCommands = store.value()->searchText(QStringLiteral("slash_commands"), 1000).value();
    }
    QCOMPARE(everyRow.size(), 30);
    QVERIFY(!slashCommands.isEmpty() && slashCommands.size() < 30);

    QString err;
    QCOMPARE(runCli({QStringLiteral("index"), QStringLiteral("--capture"), capture}, &err), 0);
    QVERIFY2(err.contains(QLatin1String("Indexed 30 envelope(s)")), qPrintable(err));
    auto store = CaptureStore::open(capture, CaptureStore::Mode::ReadOnly);
    QVERIFY(store);
    QCOMPARE(store.value()->searchIndexBacklog().value(), qint64(0));
    QCOMPARE(store.value()->searchIndexedUpTo().value(), everyRow.constFirst()); // newest first
    QCOMPARE(store.value()->searchText(QStringLiteral("envelope_id"), 1000).value(), everyRow);
    QCOMPARE(store.value()->searchText(QStringLiteral("slash_commands"), 1000).value(), slashCommands);

    // Nothing left: a second run indexes nothing and says so.
    QCOMPARE(runCli({QStringLiteral("index"), QStringLiteral("--capture"), capture}, &err), 0);
    QVERIFY2(err.contains(QLatin1String("Indexed 0 envelope(s)")), qPrintable(err));
}

void TestCliListen::searchIndexFlag_indexesWhileListening()
{
    const QString capture = m_dir->filePath(QStringLiteral("indexed.sqlite"));
    QProcess *p = startListen({QStringLiteral("--capture"), capture, QStringLiteral("--max-envelopes"), QStringLiteral("30"),
                               QStringLiteral("--search-index")});
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->liveLinkCount(), 1, 10000);
    m_sim->sendBurst(30);
    QCOMPARE(finish(p, &m_stdout, &m_stderr), 0);
    QVERIFY2(!m_stderr.contains(QLatin1String("Search index:")), qPrintable(m_stderr));
    auto store = CaptureStore::open(capture, CaptureStore::Mode::ReadOnly);
    QVERIFY(store);
    QCOMPARE(store.value()->searchIndexBacklog().value(), qint64(0));
    QCOMPARE(store.value()->searchText(QStringLiteral("envelope_id"), 1000).value().size(), 30);
}

void TestCliListen::indexCommand_badArguments_exit2()
{
    QString err;
    QCOMPARE(runCli({QStringLiteral("index")}, &err), 2);
    QVERIFY(err.contains(QLatin1String("--capture FILE is required")));
    QCOMPARE(runCli({QStringLiteral("index"), QStringLiteral("--capture"), m_dir->filePath(QStringLiteral("none.sqlite"))},
                    &err), 2);
    QVERIFY(err.contains(QLatin1String("no capture file")));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("none.sqlite")))); // not created on the side
}

QTEST_GUILESS_MAIN(TestCliListen)
#include "tst_cli_listen.moc"
