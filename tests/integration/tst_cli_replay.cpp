// socketscope-cli replay as a separate process against the in-process simulators.
#include "support/CaptureHarness.h"
#include "support/NautobotHarness.h"

#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace socketscope;
using socketscope::sim::EnvelopeKind;

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliReplay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void yes_acceptedExit0_printsMaskedRequestAndMeaning_noSecrets();
    void json_oneObjectWithStatusAndMeaning();
    void noYesNoTty_refusesExit2_nothingSent();
    void wrongSecret_exit5_401Recorded();
    void text_editsCommand_simRunsEditedCommand();
    void slackDisabled_exit5_404Meaning();
    void missingSecret_exit3();
    void missingUrl_exit3();
    void unknownEnvelope_exit3();
    void missingCapture_exit3();
    void unreachableNautobot_exit4();
    void missingArguments_exit2();
    void tty_typedYes_sends_typedNo_refuses();

private:
    CliRun run(const QStringList &args, const QHash<QString, QString> &env = {}, bool withSecret = true, bool withUrl = true,
               const QByteArray &typed = {});
    QString secretText() const { return QString::fromLatin1(m_h->nautobot.config().signingSecret); }
    void assertNoSecrets(const CliRun &r);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<NautobotHarness> m_h;
    std::unique_ptr<CaptureStore> m_store;
    QString m_capture;
    Envelope m_slash;
    QByteArray m_slashFrame;
};

void TestCliReplay::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_h = std::make_unique<NautobotHarness>();
    QVERIFY(m_h->start());
    m_capture = m_dir->filePath(QStringLiteral("capture.sqlite"));
    m_store = openCapture(m_capture);
    QVERIFY(m_store);
    m_slashFrame = m_h->frame(EnvelopeKind::SlashCommand, QStringLiteral("env-cli-1"));
    m_slash = captureFrame(*m_store, m_slashFrame);
    QVERIFY(m_slash.rowId > 0);
}

void TestCliReplay::cleanup()
{
    m_store.reset();
    m_h.reset();
    m_dir.reset();
}

CliRun TestCliReplay::run(const QStringList &args, const QHash<QString, QString> &env, bool withSecret, bool withUrl,
                          const QByteArray &typed)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.remove(QStringLiteral("SOCKETSCOPE_SLACK_SIGNING_SECRET"));
    e.remove(QStringLiteral("SOCKETSCOPE_NAUTOBOT_URL"));
    if (withSecret)
        e.insert(QStringLiteral("SOCKETSCOPE_SLACK_SIGNING_SECRET"), secretText());
    if (withUrl)
        e.insert(QStringLiteral("SOCKETSCOPE_NAUTOBOT_URL"), m_h->nautobot.baseUrl().toString());
    for (auto it = env.constBegin(); it != env.constEnd(); ++it)
        e.insert(it.key(), it.value());
    e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    p.setProcessEnvironment(e);
    CliRun r;
    if (typed.isNull()) {
        // stdin is /dev/null: never a terminal.
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral(SOCKETSCOPE_CLI_PATH), QStringList{QStringLiteral("replay")} + args);
    } else {
        // util-linux script(1) gives the CLI a pseudo-terminal; what we write is what the operator types.
        QStringList command{QStringLiteral(SOCKETSCOPE_CLI_PATH), QStringLiteral("replay")};
        for (const QString &a : args)
            command.append(QLatin1Char('\'') + a + QLatin1Char('\''));
        p.start(QStringLiteral("script"), {QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-c"),
                                           command.join(QLatin1Char(' ')), QStringLiteral("/dev/null")});
    }
    if (!p.waitForStarted(5000))
        return r;
    if (!typed.isNull()) {
        QTest::qWait(300); // let the prompt appear before typing
        p.write(typed);
    }
    // The simulators live in this process: keep the event loop running while the CLI talks to them.
    QDeadlineTimer deadline(30000);
    while (p.state() != QProcess::NotRunning && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(2000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestCliReplay::assertNoSecrets(const CliRun &r)
{
    const QJsonObject payload = QJsonDocument::fromJson(m_slashFrame).object().value(QLatin1String("payload")).toObject();
    const QString all = r.out + r.err;
    QVERIFY2(!all.contains(secretText()), "signing secret printed");
    for (const QString &key : {QStringLiteral("response_url"), QStringLiteral("trigger_id")}) {
        const QString value = payload.value(key).toString();
        QVERIFY(!value.isEmpty());
        QVERIFY2(!all.contains(value) && !all.contains(QString::fromLatin1(QUrl::toPercentEncoding(value))), qPrintable(key));
    }
}

void TestCliReplay::yes_acceptedExit0_printsMaskedRequestAndMeaning_noSecrets()
{
    const CliRun r = run({QStringLiteral("--capture"), m_capture, QStringLiteral("--envelope"), m_slash.envelopeId, QStringLiteral("--yes")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("POST ") + m_h->nautobot.baseUrl().toString() + QLatin1String("api/plugins/chatops/slack/slash_command/")));
    QVERIFY(r.out.contains(QStringLiteral("X-Slack-Signature: v0=…[redacted]")));
    QVERIFY(r.out.contains(QLatin1String("X-Slack-Request-Timestamp: ")));
    QVERIFY(r.out.contains(QLatin1String("Status: 200")));
    QVERIFY(r.out.contains(QLatin1String("Meaning: Accepted")));
    QVERIFY(r.out.contains(QLatin1String("Body: (empty)")));
    QVERIFY(r.err.contains(QLatin1String("really runs the command")));
    assertNoSecrets(r);
    QTRY_COMPARE_WITH_TIMEOUT(m_h->nautobot.commandLog().size(), 1, 5000);
    auto deliveries = m_store->deliveries(m_slash.rowId);
    QVERIFY(deliveries.ok());
    QCOMPARE(deliveries->size(), 1);
    QCOMPARE(deliveries->first().kind, QStringLiteral("replay"));
    QCOMPARE(deliveries->first().statusCode, 200);
}

void TestCliReplay::json_oneObjectWithStatusAndMeaning()
{
    const CliRun r = run({QStringLiteral("--capture"), m_capture, QStringLiteral("--envelope"), m_slash.envelopeId,
                          QStringLiteral("--yes"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    QJsonParseError error{};
    const QJsonObject o = QJsonDocument::fromJson(lines.first().toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(o.value(QLatin1String("envelope_id")).toString(), m_slash.envelopeId);
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("slash_commands"));
    QCOMPARE(o.value(QLatin1String("http_status")).toInt(), 200);
    QCOMPARE(o.value(QLatin1String("verdict")).toString(), QStringLiteral("accepted"));
    QCOMPARE(o.value(QLatin1String("accepted")).toBool(), true);
    QCOMPARE(o.value(QLatin1String("exit_code")).toInt(), 0);
    QVERIFY(o.value(QLatin1String("latency_ms")).toDouble() > 0);
    QVERIFY(o.value(QLatin1String("meaning")).toString().startsWith(QLatin1String("Accepted")));
    QVERIFY(o.value(QLatin1String("delivery_id")).toInt() > 0);
    QVERIFY(o.value(QLatin1String("request")).toString().contains(QStringLiteral("v0=…[redacted]")));
    QVERIFY(!o.value(QLatin1String("warnings")).toArray().isEmpty());
    assertNoSecrets(r);
}

void TestCliReplay::noYesNoTty_refusesExit2_nothingSent()
{
    const CliRun r = run({QStringLiteral("--capture"), m_capture, QStringLiteral("--envelope"), m_slash.envelopeId});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("--yes")), qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("no terminal")));
    QCOMPARE(m_h->nautobot.slackRequests(), 0);
    QCOMPARE(m_store->deliveries(m_slash.rowId)->size(), 0);
    assertNoSecrets(r);
}

void TestCliReplay::wrongSecret_exit5_401Recorded()
{
    const CliRun r = run({QStringLiteral("--capture"), m_capture, QStringLiteral("--envelope"), m_slash.envelopeId, QStringLiteral("--yes")},
                         {{QStringLiteral("SOCKETSCOPE_SLACK_SIGNING_SECRET"), QStringLiteral("wrong-secret-value-123")}});
    QCOMPARE(r.exitCode, 5);
    QVERIFY(r.out.contains(QLatin1String("Status: 401 \"Incorrect signature\"")));
    QVERIFY(r.out.contains(QLatin1String("signing secret")));
    QVERIFY(!QString(r.out + r.err).contains(QLatin1String("wrong-secret-value-123")));
    QCOMPARE(m_store->deliveries(m_slash.rowId)->first().statusCode, 401);
}

void TestCliReplay::text_editsCommand_simRunsEditedCommand()
{
    const CliRun r = run({QStringLiteral("--capture"), m_capture, QStringLiteral("--envelope"), m_slash.envelopeId, QStringLiteral("--yes"),
                          QStringLiteral("--text"), QStringLiteral("get-circuit-providers")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("text=get-circuit-providers")));
    QTRY_COMPARE_WITH_TIMEOUT(m_h->nautobot.commandLog().size(), 1, 5000);
    QCOMPARE(m_h->nautobot.commandLog().first().value(QLatin1String("subcommand")).toString(), QStringLiteral("get-circuit-providers"));
}

void TestCliReplay::slackDisabled_exit5_404Meaning()
{
    m_h->nautobot.setSlackEnabled(false);
    const CliRun r = run({QStringLiteral("--capture"), m_capture, QStringLiteral("--envelope"), m_slash.envelopeId,
                          QStringLiteral("--yes"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 5);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QLatin1String("http_status")).toInt(), 404);
    QCOMPARE(o.value(QLatin1String("verdict")).toString(), QStringLiteral("not_found"));
    QVERIFY(o.value(QLatin1String("meaning")).toString().contains(QLatin1String("enable_slack")));
}

void TestCliReplay::missingSecret_exit3()
{
    const CliRun r = run({QStringLiteral("--capture"), m_capture, QStringLiteral("--envelope"), m_slash.envelopeId, QStringLiteral("--yes")},
                         {}, false);
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.err.contains(QLatin1String("SOCKETSCOPE_SLACK_SIGNING_SECRET")));
    QCOMPARE(m_h->nautobot.slackRequests(), 0);
}

void TestCliReplay::missingUrl_exit3()
{
    const CliRun r = run({QStringLiteral("--capture"), m_capture, QStringLiteral("--envelope"), m_slash.envelopeId, QStringLiteral("--yes"),
                          QStringLiteral("--json")},
                         {}, true, false);
    QCOMPARE(r.exitCode, 3);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), QStringLiteral("missing_nautobot_url"));
    QVERIFY(!r.out.contains(secretText()));
}

void TestCliReplay::unknownEnvelope_exit3()
{
    const CliRun r = run({QStringLiteral("--capture"), m_capture, QStringLiteral("--envelope"), QStringLiteral("no-such-envelope"), QStringLiteral("--yes")});
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.err.contains(QLatin1String("no-such-envelope")));
}

void TestCliReplay::missingCapture_exit3()
{
    const QString missing = m_dir->filePath(QStringLiteral("missing.sqlite"));
    const CliRun r = run({QStringLiteral("--capture"), missing, QStringLiteral("--envelope"), m_slash.envelopeId, QStringLiteral("--yes")});
    QCOMPARE(r.exitCode, 3);
    QVERIFY(!QFile::exists(missing));
}

void TestCliReplay::unreachableNautobot_exit4()
{
    // A port that was free a moment ago: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    const CliRun r = run({QStringLiteral("--capture"), m_capture, QStringLiteral("--envelope"), m_slash.envelopeId, QStringLiteral("--yes"),
                          QStringLiteral("--json")},
                         {{QStringLiteral("SOCKETSCOPE_NAUTOBOT_URL"), QStringLiteral("http://127.0.0.1:%1/").arg(port)}});
    QCOMPARE(r.exitCode, 4);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QLatin1String("verdict")).toString(), QStringLiteral("network_error"));
    QCOMPARE(m_store->deliveries(m_slash.rowId)->first().statusCode, 0);
}

void TestCliReplay::missingArguments_exit2()
{
    QCOMPARE(run({QStringLiteral("--capture"), m_capture}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("--envelope"), m_slash.envelopeId}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("--capture"), m_capture, QStringLiteral("--envelope"), m_slash.envelopeId, QStringLiteral("--timeout"), QStringLiteral("x")}).exitCode, 2);
}

void TestCliReplay::tty_typedYes_sends_typedNo_refuses()
{
    if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
        QSKIP("script(1) from util-linux is needed to give the CLI a terminal");
    const QStringList args{QStringLiteral("--capture"), m_capture, QStringLiteral("--envelope"), m_slash.envelopeId};
    const CliRun no = run(args, {}, true, true, QByteArrayLiteral("no\n"));
    QCOMPARE(no.exitCode, 2);
    QVERIFY2(no.out.contains(QLatin1String("Type yes")), qPrintable(no.out));
    QCOMPARE(m_h->nautobot.slackRequests(), 0);

    const CliRun yes = run(args, {}, true, true, QByteArrayLiteral("yes\n"));
    QVERIFY2(yes.exitCode == 0, qPrintable(yes.out));
    QVERIFY(yes.out.contains(QLatin1String("Status: 200")));
    QCOMPARE(m_h->nautobot.slackRequests(), 1);
    assertNoSecrets(yes);
}

QTEST_GUILESS_MAIN(TestCliReplay)
#include "tst_cli_replay.moc"
