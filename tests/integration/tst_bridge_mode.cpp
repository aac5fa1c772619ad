#include "capture/CaptureStore.h"
#include "slack/SocketModeClient.h"
#include "support/NautobotHarness.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace socketscope;
using socketscope::sim::EnvelopeKind;

// Bridge mode end to end: the Slack simulator delivers envelopes, the engine commits, re-delivers them
// signed to the simulated Nautobot ChatOps on the same port, and acks within the budget.
class TestBridgeMode : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void fastNautobot_everyEnvelopeDeliveredAndAcked();
    void slowNautobot_200PerSecond_acksWithin3sAndRecordsOutcome();
    void silentNautobot_200PerSecond_acksWithin3sAndRecordsTimeout();
    void wrongSigningSecret_acksAndRecords401();
    void missingSigningSecret_stopsWithFix();

private:
    bool startBridge(const QByteArray &secret, int deliveryTimeoutMs = 10000);
    void runLoad(int perSecond, int seconds);
    void checkAllAckedWithin3s();
    int deliveriesRecorded() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<NautobotHarness> m_h;
    std::unique_ptr<CaptureStore> m_store;
    std::unique_ptr<SocketModeClient> m_client;
    std::optional<Error> m_fatal;
};

void TestBridgeMode::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_h = std::make_unique<NautobotHarness>();
    QVERIFY(m_h->start());
    m_fatal.reset();
}

void TestBridgeMode::cleanup()
{
    m_client.reset();
    m_store.reset();
    m_h.reset();
}

bool TestBridgeMode::startBridge(const QByteArray &secret, int deliveryTimeoutMs)
{
    auto store = CaptureStore::open(m_dir->filePath(QStringLiteral("bridge.sqlite")));
    if (!store)
        return false;
    m_store = std::move(store.value());
    ClientOptions o;
    o.apiUrl = m_h->slack.apiUrl();
    o.appToken = m_h->slack.config().appToken;
    o.mode = QStringLiteral("bridge");
    o.bridge.nautobotUrl = m_h->nautobot.baseUrl();
    o.bridge.signingSecret = secret;
    o.bridge.deliveryTimeoutMs = deliveryTimeoutMs;
    m_client = std::make_unique<SocketModeClient>(m_store.get(), o);
    connect(m_client.get(), &SocketModeClient::fatalError, this, [this](const Error &e) { m_fatal = e; });
    m_client->start();
    return true;
}

void TestBridgeMode::runLoad(int perSecond, int seconds)
{
    QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), ClientState::Connected, 5000);
    m_h->slack.startTraffic(perSecond);
    QTest::qWait(seconds * 1000);
    m_h->slack.stopTraffic();
}

void TestBridgeMode::checkAllAckedWithin3s()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_h->slack.stats().acked, m_h->slack.sentEnvelopeIds().size(), 10000);
    const auto stats = m_h->slack.stats();
    QVERIFY(!stats.ackLatenciesUs.isEmpty());
    const qint64 worst = *std::max_element(stats.ackLatenciesUs.cbegin(), stats.ackLatenciesUs.cend());
    QVERIFY2(worst < 3000000, qPrintable(QStringLiteral("slowest ack %1 ms").arg(worst / 1000.0)));
    QCOMPARE(stats.retriesSent, 0); // nothing missed the deadline, so Slack retried nothing
}

int TestBridgeMode::deliveriesRecorded() const
{
    int withOutcome = 0;
    (void)m_store->forEachEnvelope([&](const Envelope &e) {
        auto d = m_store->deliveries(e.rowId);
        if (d && !d.value().isEmpty() && !e.deliveryStatus.isEmpty())
            ++withOutcome;
        return true;
    });
    return withOutcome;
}

void TestBridgeMode::fastNautobot_everyEnvelopeDeliveredAndAcked()
{
    QVERIFY(startBridge(m_h->nautobot.config().signingSecret));
    QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), ClientState::Connected, 5000);
    QSignalSpy updates(m_client.get(), &SocketModeClient::deliveryUpdated);
    m_h->slack.sendEnvelope(EnvelopeKind::SlashCommand);
    m_h->slack.sendEnvelope(EnvelopeKind::BlockActions);
    m_h->slack.sendEnvelope(EnvelopeKind::AppMention);
    QTRY_COMPARE_WITH_TIMEOUT(updates.count(), 3, 10000);
    checkAllAckedWithin3s();
    QCOMPARE(deliveriesRecorded(), 3);
    for (const auto &args : std::as_const(updates))
        QVERIFY2(args.at(1).toString().startsWith(QLatin1String("bridge: 200")), qPrintable(args.at(1).toString()));
    // ChatOps really ran the slash command: a command-log row and a reply to the response_url.
    QTRY_VERIFY_WITH_TIMEOUT(!m_h->nautobot.commandLog().isEmpty(), 5000);
}

void TestBridgeMode::slowNautobot_200PerSecond_acksWithin3sAndRecordsOutcome()
{
    m_h->nautobot.setChatOpsDelayMs(2000);
    QVERIFY(startBridge(m_h->nautobot.config().signingSecret));
    runLoad(200, 3);
    checkAllAckedWithin3s();
    const int sent = int(m_h->slack.sentEnvelopeIds().size());
    QVERIFY(sent >= 500);
    // Every envelope gets an outcome: answered (after the budget) or not delivered (Nautobot too slow),
    // each soon after the bridge's 10 s queue wait.
    QTRY_COMPARE_WITH_TIMEOUT(deliveriesRecorded(), sent, 30000);
    int answered = 0, dropped = 0;
    (void)m_store->forEachEnvelope([&](const Envelope &e) {
        answered += e.deliveryStatus.startsWith(QLatin1String("bridge: 200")) ? 1 : 0;
        dropped += e.deliveryStatus.contains(QLatin1String("too slow")) ? 1 : 0;
        return true;
    });
    QVERIFY2(answered > 0 && dropped > 0, qPrintable(QStringLiteral("%1 answered, %2 dropped").arg(answered).arg(dropped)));
    QCOMPARE(answered + dropped, sent);
}

void TestBridgeMode::silentNautobot_200PerSecond_acksWithin3sAndRecordsTimeout()
{
    m_h->nautobot.setChatOpsNeverAnswers(true);
    QVERIFY(startBridge(m_h->nautobot.config().signingSecret, 1500));
    runLoad(200, 3);
    checkAllAckedWithin3s();
    const int sent = int(m_h->slack.sentEnvelopeIds().size());
    QTRY_COMPARE_WITH_TIMEOUT(deliveriesRecorded(), sent, 30000);
    int timeouts = 0;
    (void)m_store->forEachEnvelope([&](const Envelope &e) {
        timeouts += e.deliveryStatus.contains(QLatin1String("no answer")) ? 1 : 0;
        return true;
    });
    QVERIFY2(timeouts > 0, "timeouts are recorded as such");
}

void TestBridgeMode::wrongSigningSecret_acksAndRecords401()
{
    QVERIFY(startBridge(QByteArrayLiteral("0123456789abcdef0123456789abcdef")));
    QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), ClientState::Connected, 5000);
    QSignalSpy updates(m_client.get(), &SocketModeClient::deliveryUpdated);
    m_h->slack.sendEnvelope(EnvelopeKind::SlashCommand);
    QTRY_COMPARE_WITH_TIMEOUT(updates.count(), 1, 10000);
    QCOMPARE(updates.first().at(1).toString(), QStringLiteral("bridge: 401"));
    checkAllAckedWithin3s();
    auto e = m_store->envelope(updates.first().at(0).toLongLong());
    QVERIFY(e);
    auto d = m_store->deliveries(e.value().rowId);
    QVERIFY(d && d.value().size() == 1);
    QVERIFY2(d.value().first().outcome.contains(QLatin1String("signing secret")), qPrintable(d.value().first().outcome));
    QVERIFY(m_h->nautobot.commandLog().isEmpty());
}

void TestBridgeMode::missingSigningSecret_stopsWithFix()
{
    QVERIFY(startBridge(QByteArray()));
    QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), ClientState::Stopped, 5000);
    QVERIFY(m_fatal);
    QCOMPARE(m_fatal->code, QStringLiteral("bridge_no_secret"));
    QVERIFY(m_fatal->fix.contains(QLatin1String("SOCKETSCOPE_SLACK_SIGNING_SECRET")));
}

QTEST_GUILESS_MAIN(TestBridgeMode)
#include "tst_bridge_mode.moc"
