#include "support/EngineHarness.h"

#include "util/Json.h"

#include <QElapsedTimer>
#include <QTcpServer>

using namespace socketscope;
using socketscope::sim::EnvelopeKind;
using socketscope::sim::Scenario;

class TestSocketModeClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void burst_everyEnvelopeCommittedThenAcked();
    void clientDestroyedWithoutStop_ackedRowsStored_storeServesTheNextClient();
    void envelopeTypes_allThreeCapturedWithFields();
    void refreshRequested_replacementBeforeClose_noGapNoLoss();
    void warning_replacementBeforeClose_noGapNoLoss();
    void unknownDisconnectReason_treatedAsRefresh();
    void drop_reconnects_andLaterEnvelopesAcked();
    void stale_linkDeclaredDeadAndReplaced();
    void malformedFrames_keptInCapture_envelopesStillAcked();
    void oversizedFrame_refusedCleanly_linkReplaced();
    void retryAndDuplicate_flaggedNeverDropped();
    void ratelimitedOpen_waitsAtLeastRetryAfter();
    void invalidAuth_stopsWithFixAndNoRetry();
    void linkDisabled_stopsAndNamesSlackSetting();
    void tooManyWebsockets_backsOffWithoutLooping();
    void debugReconnects_appendsQueryFlag();
    void unreachableApi_givesUpAfterLimit();
    void stop_flushesAndEndsSession();
};

void TestSocketModeClient::burst_everyEnvelopeCommittedThenAcked()
{
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 5000);

    // Every ack must find its envelope already committed: check it at the moment each ack is sent.
    int ackedBeforeCommit = 0;
    QObject::connect(h.client.get(), &SocketModeClient::envelopesAcked, h.client.get(), [&](const QVector<AckUpdate> &acks) {
        for (const AckUpdate &a : acks) {
            auto e = h.store->envelope(a.rowId);
            if (!e || e.value().committedUs <= 0 || e.value().committedUs > a.ackedUs)
                ++ackedBeforeCommit;
        }
    });
    h.sim.sendBurst(2000);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 2000, 20000);
    // The rows follow the acks by at most one apply interval (the ack journal is the commit point).
    QTRY_COMPARE_WITH_TIMEOUT(h.captured(), qint64(2000), 5000);
    QCOMPARE(ackedBeforeCommit, 0);
    QCOMPARE(h.capturedIds(), h.sim.ackedEnvelopeIds());
    QCOMPARE(h.sim.sentEnvelopeIds(), h.sim.ackedEnvelopeIds());
    QCOMPARE(h.sim.stats().duplicateAcks, 0);
    QCOMPARE(h.sim.stats().malformedAcks, 0);
}

void TestSocketModeClient::envelopeTypes_allThreeCapturedWithFields()
{
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 5000);
    const QString slash = h.sim.sendEnvelope(EnvelopeKind::SlashCommand);
    const QString action = h.sim.sendEnvelope(EnvelopeKind::BlockActions);
    const QString mention = h.sim.sendEnvelope(EnvelopeKind::AppMention);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 3, 5000);

    auto e = h.store->envelopeById(slash);
    QVERIFY(e);
    QCOMPARE(e.value().type, QStringLiteral("slash_commands"));
    QCOMPARE(e.value().subtype, QStringLiteral("/nautobot"));
    QVERIFY(!e.value().userId.isEmpty());
    QVERIFY(e.value().ackedUs >= e.value().receivedUs || e.value().ackedUs == 0);
    e = h.store->envelopeById(action);
    QVERIFY(e);
    QCOMPARE(e.value().type, QStringLiteral("interactive"));
    QCOMPARE(e.value().subtype, QStringLiteral("block_actions"));
    e = h.store->envelopeById(mention);
    QVERIFY(e);
    QCOMPARE(e.value().type, QStringLiteral("events_api"));
    QCOMPARE(e.value().subtype, QStringLiteral("app_mention"));
    QVERIFY(!e.value().eventId.isEmpty());
}

namespace {
// Traffic during a reconnect: nothing may be lost, everything acked, no moment without a live link.
void checkReconnectWithoutGap(Scenario scenario)
{
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 5000);
    h.sim.startTraffic(200);
    QTest::qWait(300);
    h.sim.runScenario(scenario);
    QTRY_VERIFY_WITH_TIMEOUT(h.client->reconnectCount() >= 1, 8000);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.liveLinkCount(), 1, 8000); // the old link is gone
    QTest::qWait(300);
    h.sim.stopTraffic();
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, h.sim.sentEnvelopeIds().size(), 8000);
    const auto stats = h.sim.stats();
    QVERIFY2(stats.sent > 100, "traffic flowed during the reconnect");
    QCOMPARE(stats.zeroLinkWindows, 0);
    QCOMPARE(stats.zeroLinkUs, qint64(0));
    QCOMPARE(h.sim.ackedEnvelopeIds(), h.sim.sentEnvelopeIds());
    QTRY_COMPARE_WITH_TIMEOUT(h.capturedIds(), h.sim.sentEnvelopeIds(), 5000);
    QCOMPARE(h.client->state(), ClientState::Connected);
    QVERIFY(!h.fatal);
}
} // namespace

void TestSocketModeClient::refreshRequested_replacementBeforeClose_noGapNoLoss()
{
    checkReconnectWithoutGap(Scenario::Refresh);
}

void TestSocketModeClient::warning_replacementBeforeClose_noGapNoLoss()
{
    checkReconnectWithoutGap(Scenario::Warning);
}

void TestSocketModeClient::unknownDisconnectReason_treatedAsRefresh()
{
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 5000);
    h.sim.sendDisconnect(QStringLiteral("some_future_reason"));
    QTRY_VERIFY_WITH_TIMEOUT(h.client->reconnectCount() >= 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(h.client->liveLinkCount(), 1, 5000);
    h.sim.sendBurst(50);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 50, 5000);
    QCOMPARE(h.sim.stats().zeroLinkWindows, 0);
}

void TestSocketModeClient::clientDestroyedWithoutStop_ackedRowsStored_storeServesTheNextClient()
{
    // The desktop app replaces its client on the same store; the old one may still hold acked envelopes
    // whose rows wait for the next apply.
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 5000);
    h.sim.sendBurst(300);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 300, 10000);
    h.client.reset();
    QCOMPARE(h.capturedIds(), h.sim.ackedEnvelopeIds());

    h.client = std::make_unique<SocketModeClient>(h.store.get(), h.fastOptions());
    h.client->start();
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 5000);
    h.sim.sendBurst(20);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 320, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(h.captured(), qint64(320), 5000);
    QCOMPARE(h.capturedIds(), h.sim.ackedEnvelopeIds());
    h.client->stop();
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Stopped, 5000);
}

void TestSocketModeClient::drop_reconnects_andLaterEnvelopesAcked()
{
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 5000);
    h.sim.sendBurst(100);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 100, 5000);
    h.sim.runScenario(Scenario::Drop);
    QTRY_VERIFY_WITH_TIMEOUT(h.client->reconnectCount() >= 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 5000);
    h.sim.sendBurst(100);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 200, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(h.capturedIds(), h.sim.ackedEnvelopeIds(), 5000);
}

void TestSocketModeClient::stale_linkDeclaredDeadAndReplaced()
{
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 5000);
    QSignalSpy events(h.client.get(), &SocketModeClient::linkEvent);
    h.sim.runScenario(Scenario::Stale);
    // Liveness window is 1.5 s: the deaf link is declared dead and a new one takes over.
    QTRY_VERIFY_WITH_TIMEOUT(h.client->reconnectCount() >= 1, 8000);
    bool sawDead = false;
    for (const auto &args : std::as_const(events))
        sawDead = sawDead || args.at(0).value<LinkEvent>().kind == QLatin1String("dead");
    QVERIFY(sawDead);
    h.sim.setStale(false);
    h.sim.sendBurst(20);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 20, 5000);
}

void TestSocketModeClient::malformedFrames_keptInCapture_envelopesStillAcked()
{
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 5000);
    QSignalSpy malformed(h.client.get(), &SocketModeClient::malformedFrame);
    h.sim.sendRawFrame("not json at all");
    h.sim.sendRawFrame("[1,2,3]");
    h.sim.sendRawFrame(R"({"type":"events_api","payload":{}})");
    h.sim.sendRawFrame(R"({"envelope_id":42,"type":"events_api"})");
    h.sim.sendBurst(10);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 10, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(malformed.count(), 4, 5000);
    QCOMPARE(h.client->state(), ClientState::Connected);
    QCOMPARE(h.client->reconnectCount(), 0);
}

void TestSocketModeClient::oversizedFrame_refusedCleanly_linkReplaced()
{
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 5000);
    QSignalSpy events(h.client.get(), &SocketModeClient::linkEvent);
    QByteArray huge = R"({"envelope_id":"big","type":"events_api","payload":{"blob":")";
    huge += QByteArray(16 * 1024 * 1024, 'x');
    huge += R"("}})";
    h.sim.sendRawFrame(huge);
    QTRY_VERIFY_WITH_TIMEOUT(h.client->reconnectCount() >= 1, 10000);
    bool namedLimit = false;
    for (const auto &args : std::as_const(events)) {
        const LinkEvent e = args.at(0).value<LinkEvent>();
        namedLimit = namedLimit || (e.kind == QLatin1String("closed") && e.detail.contains(QLatin1String("MiB limit")));
    }
    QVERIFY2(namedLimit, "the close names the size limit");
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 5000);
    h.sim.sendBurst(10);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 10, 5000);
}

void TestSocketModeClient::retryAndDuplicate_flaggedNeverDropped()
{
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 5000);
    const QByteArray first = R"({"envelope_id":"e-first","payload":{"team_id":"T1","event":{"type":"app_mention","text":"hi","user":"U1","channel":"C1"},"type":"event_callback","event_id":"Ev42"},"type":"events_api","accepts_response_payload":false,"retry_attempt":0,"retry_reason":""})";
    const QByteArray retry = R"({"envelope_id":"e-retry","payload":{"team_id":"T1","event":{"type":"app_mention","text":"hi","user":"U1","channel":"C1"},"type":"event_callback","event_id":"Ev42"},"type":"events_api","accepts_response_payload":false,"retry_attempt":1,"retry_reason":"timeout"})";
    h.sim.sendRawFrame(first);
    QTRY_COMPARE_WITH_TIMEOUT(h.captured(), qint64(1), 5000);
    h.sim.sendRawFrame(retry);
    QTRY_COMPARE_WITH_TIMEOUT(h.captured(), qint64(2), 5000);
    auto a = h.store->envelopeById(QStringLiteral("e-first"));
    auto b = h.store->envelopeById(QStringLiteral("e-retry"));
    QVERIFY(a && b);
    QVERIFY(!a.value().duplicate);
    QCOMPARE(a.value().retryAttempt, 0);
    QVERIFY(b.value().duplicate);
    QCOMPARE(b.value().retryAttempt, 1);
    QCOMPARE(b.value().retryReason, QStringLiteral("timeout"));
}

void TestSocketModeClient::ratelimitedOpen_waitsAtLeastRetryAfter()
{
    EngineHarness h;
    QVERIFY(h.sim.listen(0));
    h.sim.setRateLimited(2, 1);
    QVector<qint64> calls;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&h.sim, &sim::SlackSimulator::connectionsOpenCalled, &h.sim,
                     [&](bool, const QString &) { calls.append(clock.elapsed()); });
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 10000);
    QCOMPARE(calls.size(), 2);
    QVERIFY2(calls.at(1) - calls.at(0) >= 2000,
             qPrintable(QStringLiteral("second open after %1 ms").arg(calls.at(1) - calls.at(0))));
}

void TestSocketModeClient::invalidAuth_stopsWithFixAndNoRetry()
{
    EngineHarness h;
    QVERIFY(h.sim.listen(0));
    h.sim.setOpenError(QStringLiteral("invalid_auth"));
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Stopped, 5000);
    QVERIFY(h.fatal);
    QCOMPARE(h.fatal->code, QStringLiteral("invalid_auth"));
    QVERIFY(h.fatal->fix.contains(QLatin1String("xapp-")));
    QTest::qWait(500);
    QCOMPARE(h.sim.stats().connectionsOpenCalls, 1);
}

void TestSocketModeClient::linkDisabled_stopsAndNamesSlackSetting()
{
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 5000);
    h.sim.sendBurst(5);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 5, 5000);
    h.sim.runScenario(Scenario::LinkDisabled);
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Stopped, 5000);
    QVERIFY(h.fatal);
    QCOMPARE(h.fatal->code, QStringLiteral("link_disabled"));
    QVERIFY(h.fatal->fix.contains(QLatin1String("Socket Mode")));
    QCOMPARE(h.captured(), qint64(5));
}

void TestSocketModeClient::tooManyWebsockets_backsOffWithoutLooping()
{
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 5000);
    QSignalSpy warnings(h.client.get(), &SocketModeClient::warning);
    const int callsBefore = h.sim.stats().connectionsOpenCalls;
    h.sim.runScenario(Scenario::TooManyWebsockets);
    QTRY_VERIFY_WITH_TIMEOUT(!warnings.isEmpty(), 5000);
    QVERIFY(warnings.first().at(0).toString().contains(QLatin1String("connections")));
    // Backoff is ≥ 0.75 s here (1.5 s base, half jitter): within 700 ms at most one new open.
    QTest::qWait(700);
    QVERIFY2(h.sim.stats().connectionsOpenCalls - callsBefore <= 1,
             qPrintable(QStringLiteral("%1 opens").arg(h.sim.stats().connectionsOpenCalls - callsBefore)));
}

void TestSocketModeClient::debugReconnects_appendsQueryFlag()
{
    EngineHarness h;
    ClientOptions options = h.fastOptions();
    options.debugReconnects = true;
    QVERIFY(h.sim.listen(0));
    options.apiUrl = h.sim.apiUrl();
    QSignalSpy hello(&h.sim, &sim::SlackSimulator::linkOpened);
    QVERIFY(h.start(options));
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 5000);
    auto events = h.store->linkEvents(h.client->sessionId());
    QVERIFY(events);
    bool short360 = false;
    for (const LinkEvent &e : events.value())
        short360 = short360 || (e.kind == QLatin1String("hello") && e.detail.contains(QLatin1String("approximate_connection_time=360")));
    QVERIFY2(short360, "hello reports the debug_reconnects connection time");
}

void TestSocketModeClient::unreachableApi_givesUpAfterLimit()
{
    EngineHarness h;
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    ClientOptions options = h.fastOptions();
    options.apiUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/api/").arg(port));
    options.giveUpAfterFailures = 3;
    QVERIFY(h.start(options));
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Stopped, 10000);
    QVERIFY(h.gaveUp);
    QVERIFY(h.gaveUp->message.contains(QLatin1String("3 failed")));
    QVERIFY(!h.fatal);
}

void TestSocketModeClient::stop_flushesAndEndsSession()
{
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 5000);
    h.sim.sendBurst(30);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 30, 5000);
    QSignalSpy stopped(h.client.get(), &SocketModeClient::stopped);
    h.client->stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 5000);
    auto sessions = h.store->sessions();
    QVERIFY(sessions);
    QCOMPARE(sessions.value().size(), 1);
    QVERIFY(sessions.value().first().endedUs > 0);
    // Ack times were written back to the capture.
    auto e = h.store->envelopes(0, 100);
    QVERIFY(e);
    for (const Envelope &env : e.value())
        QVERIFY(env.ackedUs >= env.receivedUs);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.liveLinkCount(), 0, 5000);
}

QTEST_GUILESS_MAIN(TestSocketModeClient)
#include "tst_socket_mode_client.moc"
