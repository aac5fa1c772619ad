// Slack's official Node client (@slack/socket-mode, pinned in node/package.json) connects to the
// simulator and acks envelopes: the simulator speaks Socket Mode well enough for a real SDK.
#include "SlackSimulator.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using namespace socketscope::sim;

class TstSimNodeClient : public QObject
{
    Q_OBJECT

private:
    QString m_node;
    QString m_workDir = QStringLiteral(SOCKETSCOPE_NODE_WORK_DIR);

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
        if (m_node.isEmpty() || npm.isEmpty())
            QSKIP("node or npm is not installed: cannot run Slack's official Node Socket Mode client");

        // Install into the build tree, once per package.json content; never into the source tree.
        const QString sourceDir = QStringLiteral(SOCKETSCOPE_NODE_SOURCE_DIR);
        QVERIFY(QDir().mkpath(m_workDir));
        const QByteArray packageJson = readFile(sourceDir + QStringLiteral("/package.json"));
        QVERIFY(!packageJson.isEmpty());
        const QString script = QStringLiteral("/ack_envelopes.js");
        QFile::remove(m_workDir + script);
        QVERIFY(QFile::copy(sourceDir + script, m_workDir + script));
        const bool installed = readFile(m_workDir + QStringLiteral("/package.json")) == packageJson
                               && QFile::exists(m_workDir + QStringLiteral("/node_modules/@slack/socket-mode/package.json"));
        if (installed)
            return;
        QFile::remove(m_workDir + QStringLiteral("/package.json"));
        QVERIFY(QFile::copy(sourceDir + QStringLiteral("/package.json"), m_workDir + QStringLiteral("/package.json")));
        QProcess install;
        install.setWorkingDirectory(m_workDir);
        install.setProcessChannelMode(QProcess::MergedChannels);
        install.start(npm, {QStringLiteral("install"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund")});
        const bool finished = install.waitForFinished(240000);
        const QByteArray output = install.readAll();
        if (!finished) {
            install.kill();
            install.waitForFinished(5000);
        }
        if (!finished || install.exitStatus() != QProcess::NormalExit || install.exitCode() != 0) {
            QFile::remove(m_workDir + QStringLiteral("/package.json")); // retry next run
            QFAIL(qPrintable(QStringLiteral("npm install failed (exit %1):\n%2").arg(install.exitCode()).arg(QString::fromUtf8(output))));
        }
    }

    void nodeSocketModeClient_connectsAndAcksEveryEnvelope()
    {
        SlackSimulator sim;
        QVERIFY(sim.listen(0).ok());
        constexpr int kEnvelopes = 25;

        QProcess node;
        node.setWorkingDirectory(m_workDir);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SIM_API_URL"), sim.apiUrl().toString());
        env.insert(QStringLiteral("SIM_APP_TOKEN"), sim.config().appToken);
        env.insert(QStringLiteral("SIM_EXPECT"), QString::number(kEnvelopes));
        env.insert(QStringLiteral("SIM_TIMEOUT_MS"), QStringLiteral("60000"));
        node.setProcessEnvironment(env);
        QByteArray stdoutBytes, stderrBytes;
        connect(&node, &QProcess::readyReadStandardOutput, this, [&] { stdoutBytes += node.readAllStandardOutput(); });
        connect(&node, &QProcess::readyReadStandardError, this, [&] { stderrBytes += node.readAllStandardError(); });
        node.start(m_node, {QStringLiteral("ack_envelopes.js")});
        QVERIFY2(node.waitForStarted(10000), qPrintable(node.errorString()));

        // The client is live once it got hello; then traffic of every kind goes to it.
        QTRY_VERIFY2_WITH_TIMEOUT(sim.liveLinkCount() == 1 && stdoutBytes.contains("connected"),
                                  qPrintable(QString::fromUtf8(stderrBytes)), 30000);
        QCOMPARE(sim.stats().connectionsOpenCalls, 1);
        const EnvelopeKind kinds[] = {EnvelopeKind::SlashCommand, EnvelopeKind::BlockActions, EnvelopeKind::ViewSubmission,
                                      EnvelopeKind::AppMention, EnvelopeKind::Message};
        for (int i = 0; i < kEnvelopes; ++i)
            QVERIFY(!sim.sendEnvelope(kinds[i % 5]).isEmpty());

        QTRY_VERIFY2_WITH_TIMEOUT(node.state() == QProcess::NotRunning, qPrintable(QString::fromUtf8(stderrBytes)), 60000);
        QCOMPARE(node.exitStatus(), QProcess::NormalExit);
        QVERIFY2(node.exitCode() == 0, qPrintable(QString::fromUtf8(stdoutBytes + stderrBytes)));

        const SimStats stats = sim.stats();
        QCOMPARE(stats.sent, kEnvelopes);
        QCOMPARE(stats.acked, kEnvelopes);
        QCOMPARE(stats.malformedAcks, 0);
        QCOMPARE(stats.retriesSent, 0);
        QCOMPARE(sim.ackedEnvelopeIds(), sim.sentEnvelopeIds());
        const QByteArray last = stdoutBytes.trimmed().split('\n').last();
        const QJsonObject report = QJsonDocument::fromJson(last).object();
        QCOMPARE(report.value(QStringLiteral("acked")).toInt(), kEnvelopes);
        QCOMPARE(report.value(QStringLiteral("types")).toVariant().toStringList(),
                 (QStringList{QStringLiteral("events_api"), QStringLiteral("interactive"), QStringLiteral("slash_commands")}));
        QVERIFY(sim.ackedEnvelopeIds().contains(report.value(QStringLiteral("last")).toString()));
        qInfo("node @slack/socket-mode acked %d envelopes; median ack latency %lld us", stats.acked,
              [&] { auto l = stats.ackLatenciesUs; std::sort(l.begin(), l.end()); return l.at(l.size() / 2); }());
    }
};

QTEST_GUILESS_MAIN(TstSimNodeClient)
#include "tst_sim_node_client.moc"
