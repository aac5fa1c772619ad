// The fault matrix: the engine against a simulator that misbehaves on purpose (wire faults, Slack-side
// faults, Web API faults, garbage frames, a capture that can no longer be written, a wall clock that
// jumps). Every case checks the core promise with the simulator's own books: nothing Slack saw acked is
// missing from the capture, and nothing the client committed was left unacked while a link could carry it.
// tst_socket_mode_client covers the plain cases; this file covers the faults around them.

#include "capture/AckJournal.h"
#include "support/EngineHarness.h"
#include "util/Json.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace socketscope;
using socketscope::sim::EnvelopeKind;

namespace {

constexpr int kSettleMs = 15000; // generous: the suite also runs under ASan on a loaded 2-core CI box

// Envelopes the client committed, with whether the client acked them (ackedUs is written back a
// moment after the ack, so callers wait for it with QTRY).
QHash<QString, qint64> capturedAcks(const EngineHarness &h)
{
    QHash<QString, qint64> out;
    (void)h.store->forEachEnvelope([&](const Envelope &e) {
        out.insert(e.envelopeId, e.ackedUs);
        return true;
    });
    return out;
}

QStringList unackedCaptured(const EngineHarness &h)
{
    QStringList ids;
    const auto captured = capturedAcks(h);
    for (auto it = captured.cbegin(); it != captured.cend(); ++it) {
        if (it.value() <= 0)
            ids << it.key();
    }
    return ids;
}

QSet<QString> ackedButNotCaptured(const EngineHarness &h)
{
    return h.sim.ackedEnvelopeIds() - h.capturedIds();
}

// The promise after any fault: (A) every ack Slack received is for a committed envelope, and (B) every
// committed envelope was acked. Fails the current test (QTRY returns from this function).
void verifyPromise(EngineHarness &h)
{
    QTRY_VERIFY_WITH_TIMEOUT(ackedButNotCaptured(h).isEmpty(), kSettleMs);
    QTRY_VERIFY2_WITH_TIMEOUT(
        unackedCaptured(h).isEmpty(),
        qPrintable(QStringLiteral("committed but never acked: %1").arg(unackedCaptured(h).join(QLatin1Char(' ')))),
        kSettleMs);
}

// (C) with a live link all along, nothing is lost at all: Slack got an ack for every envelope it sent.
void verifyZeroLoss(EngineHarness &h)
{
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.ackedEnvelopeIds(), h.sim.sentEnvelopeIds(), kSettleMs);
    // Rows follow the acks within kApplyLatestMs (the ack journal is the commit point).
    QTRY_VERIFY_WITH_TIMEOUT(h.sim.sentEnvelopeIds().subtract(h.capturedIds()).isEmpty(), kSettleMs);
    verifyPromise(h);
}

bool sawLinkEvent(const EngineHarness &h, const QString &kind, const QString &detailPart)
{
    auto events = h.store->linkEvents(h.client->sessionId());
    if (!events)
        return false;
    for (const LinkEvent &e : events.value()) {
        if (e.kind == kind && e.detail.contains(detailPart))
            return true;
    }
    return false;
}

QString closedDetails(const EngineHarness &h)
{
    QStringList out;
    auto events = h.store->linkEvents(h.client->sessionId());
    if (events) {
        for (const LinkEvent &e : events.value()) {
            if (e.kind == QLatin1String("closed"))
                out << QStringLiteral("link %1: %2").arg(e.linkId).arg(e.detail);
        }
    }
    return out.join(QStringLiteral("; "));
}

int countLinkEvents(const EngineHarness &h, const QString &kind)
{
    auto events = h.store->linkEvents(h.client->sessionId());
    if (!events)
        return -1;
    return int(std::count_if(events.value().cbegin(), events.value().cend(),
                             [&](const LinkEvent &e) { return e.kind == kind; }));
}

QByteArray envelopeFrame(const QString &envelopeId, int blobBytes)
{
    // Shaped like the reference's slash_commands envelope; every value is fake.
    return QByteArrayLiteral("{\"envelope_id\":\"") + envelopeId.toLatin1() +
           QByteArrayLiteral("\",\"payload\":{\"token\":\"fake\",\"team_id\":\"T0FAKE\",\"channel_id\":\"C0FAKE\","
                             "\"user_id\":\"U0FAKE\",\"command\":\"/nautobot\",\"text\":\"") +
           QByteArray(blobBytes, 'x') +
           QByteArrayLiteral(
               "\",\"response_url\":\"https://hooks.example.invalid/commands/T0FAKE/1/fake\","
               "\"trigger_id\":\"1.2.fake\"},\"type\":\"slash_commands\",\"accepts_response_payload\":true}");
}

// The writer connection of a CaptureStore, found by its database name (test-only access: the store
// keeps the connection private). Used to make the capture refuse writes the way SQLite does.
QSqlDatabase writerConnection(const QString &path)
{
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (!name.startsWith(QLatin1String("socketscope-capture-"))) // others belong to other threads
            continue;
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.databaseName() == path && !db.connectOptions().contains(QLatin1String("READONLY")))
            return db;
    }
    return {};
}

// Runs a capture-failure case: traffic until the capture refuses a write, then checks that the session
// stopped with the given error, that nothing uncommitted was acked and that everything committed stays.
void verifyCaptureFailureStopsSafely(EngineHarness &h, const QString &expectedCode)
{
    QSignalSpy fatal(h.client.get(), &SocketModeClient::fatalError);
    QSignalSpy stopped(h.client.get(), &SocketModeClient::stopped);
    // Big frames make every commit need fresh pages.
    for (int i = 0; i < 40 && !h.fatal; ++i) {
        h.sim.sendRawFrame(envelopeFrame(QStringLiteral("fill-%1").arg(i), 32 * 1024));
        h.sim.sendBurst(5);
        QTest::qWait(20);
    }
    QTRY_VERIFY_WITH_TIMEOUT(h.fatal.has_value(), kSettleMs);
    QCOMPARE(h.fatal->code, expectedCode);
    QVERIFY2(h.fatal->message.contains(h.store->path()), qPrintable(h.fatal->message));
    QVERIFY2(h.fatal->message.contains(QLatin1String("not acknowledged")), qPrintable(h.fatal->message));
    QVERIFY(!h.fatal->fix.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, kSettleMs);
    QCOMPARE(fatal.count(), 1); // one clear error, not one per frame still in flight
    QCOMPARE(h.client->state(), ClientState::Stopped);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.liveLinkCount(), 0, kSettleMs);

    // What was acked after the tables last took a write waits in the ack journal; the next read-write open
    // (here, once the refusing connection is gone) stores it, as it would for the operator's next session.
    const QString path = h.store->path();
    h.client.reset();
    h.store.reset();
    auto reopened = CaptureStore::open(path);
    QVERIFY2(reopened, reopened ? "" : qPrintable(reopened.error().message));
    h.store = std::move(reopened).value();
    QVERIFY(!QFileInfo::exists(AckJournal::pathFor(path)));
    // The failing write was an apply of journaled (acked) envelopes: the reopen stored them.
    if (h.ackJournal)
        QVERIFY(h.store->recoveredFromJournal() > 0);

    // Nothing that missed the capture was acked; everything acked before is still there.
    const QSet<QString> captured = h.capturedIds();
    const QSet<QString> acked = h.sim.ackedEnvelopeIds();
    QVERIFY2((acked - captured).isEmpty(), "an envelope was acked without being committed");
    const QSet<QString> notAcked = h.sim.sentEnvelopeIds() - acked;
    // Committing before the ack, the failure leaves the envelopes then arriving unacked. With the ack
    // journal, the tables fail only after the acks: checked above.
    if (!h.ackJournal)
        QVERIFY2(!notAcked.isEmpty(), "the failure happened while envelopes were arriving");
    QVERIFY((notAcked & captured).isEmpty());
    QVERIFY(captured.size() >= 10); // the envelopes from before the fault
    const int unknownAcks = h.sim.stats().unknownAcks;
    // Raw "fill-" frames are unknown to the simulator's ledger; each acked one must be in the capture.
    int fillsCaptured = 0;
    for (const QString &id : captured)
        fillsCaptured += id.startsWith(QLatin1String("fill-")) ? 1 : 0;
    QCOMPARE(unknownAcks, fillsCaptured);
}

} // namespace

class TestFaultMatrix : public QObject
{
    Q_OBJECT
    // The capture's two commit points: the ack journal (listen, the desktop app) and a SQLite commit
    // before each ack (bridge mode, a second writer on the same capture).
    static void commitPaths()
    {
        QTest::addColumn<bool>("ackJournal");
        QTest::newRow("ack journal") << true;
        QTest::newRow("commit before ack") << false;
    }

private Q_SLOTS:
    void init() { json::setWallClockOffsetUs(0); }
    void cleanup() { json::setWallClockOffsetUs(0); }

    // Wire faults
    void tcpAbortMidFrame_partialEnvelopeNeverCaptured_restAcked();
    void halfOpenLink_silenceDetected_eventsRedeliveredNothingLost();
    void serverCloseWithoutCloseFrame_reconnectsWithoutLoss();
    void acksIntoAVanishingLink_resentOnTheReplacement();
    void closeFrameIgnored_retiredLinkGoneWithinCloseTimeout();
    void closeFrameIgnored_stopFinishesWithinCloseTimeout();

    // Slack-side faults
    void disconnectReason_withTraffic_promiseHolds_data();
    void disconnectReason_withTraffic_promiseHolds();
    void helloMissing_linkReplacedAfterHelloTimeout();
    void helloLate_withinTimeout_linkUsed();
    void envelopeBeforeHello_capturedAndAcked();

    // Web API faults
    void openFailure_retriedThenConnected_data();
    void openFailure_retriedThenConnected();

    // Garbage
    void malformedStream_goodOnesAckedBadOnesKept();

    // Capture faults
    void diskFull_stopsWithClearError_uncommittedNotAcked_data() { commitPaths(); }
    void diskFull_stopsWithClearError_uncommittedNotAcked();
    void captureReadOnlyMidSession_stopsWithClearError_data() { commitPaths(); }
    void captureReadOnlyMidSession_stopsWithClearError();

    // Clock
    void wallClockJump_noFalseLivenessFailure_ackLatencySane();
    void wallClockJump_duringBackoff_retryAfterStillHonoured();
};

void TestFaultMatrix::tcpAbortMidFrame_partialEnvelopeNeverCaptured_restAcked()
{
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);
    h.sim.sendBurst(50);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 50, kSettleMs);

    // 64 KiB frame cut after 20 KiB, then RST: the client holds a partial frame when the link dies.
    h.sim.sendPartialFrameAndAbort(envelopeFrame(QStringLiteral("cut-in-half"), 64 * 1024), 20 * 1024);
    QTRY_VERIFY_WITH_TIMEOUT(h.client->reconnectCount() >= 1, kSettleMs);
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);
    QVERIFY(sawLinkEvent(h, QStringLiteral("closed"), QString()));

    h.sim.sendBurst(50);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 100, kSettleMs);
    QVERIFY2(!h.store->envelopeById(QStringLiteral("cut-in-half")), "a truncated frame became an envelope");
    auto malformed = h.store->malformedFrames(h.client->sessionId());
    QVERIFY(malformed);
    QVERIFY2(malformed.value().isEmpty(), "a truncated frame is not a received frame");
    QCOMPARE(h.sim.stats().unknownAcks, 0);
    verifyZeroLoss(h);
    QVERIFY(!h.fatal);
}

void TestFaultMatrix::halfOpenLink_silenceDetected_eventsRedeliveredNothingLost()
{
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);
    h.sim.sendBurst(20);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 20, kSettleMs);

    // The peer vanishes without FIN or RST: no frames, no pongs, our bytes go nowhere. Events raised
    // meanwhile find no usable link and wait for Slack's retries.
    h.sim.setStale(true);
    for (int i = 0; i < 10; ++i)
        h.sim.sendEnvelope(EnvelopeKind::AppMention);
    QCOMPARE(h.sim.stats().undeliverable, 10);
    QTRY_VERIFY_WITH_TIMEOUT(h.client->reconnectCount() >= 1, kSettleMs);
    QVERIFY(sawLinkEvent(h, QStringLiteral("dead"), QStringLiteral("connected but deaf")));

    // Slack's retries (ack deadline 3 s here) reach the replacement: every event ends up acked.
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().pendingEvents, 0, 20000);
    QCOMPARE(h.sim.stats().eventsGivenUp, 0);
    QVERIFY(h.sim.stats().retriesSent >= 10);
    verifyZeroLoss(h);
    QCOMPARE(h.client->liveLinkCount(), 1);
}

void TestFaultMatrix::serverCloseWithoutCloseFrame_reconnectsWithoutLoss()
{
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);
    h.sim.sendBurst(30);
    h.sim.closeLinksWithoutCloseFrame(); // FIN right behind the 30 frames
    QTRY_VERIFY_WITH_TIMEOUT(h.client->reconnectCount() >= 1, kSettleMs);
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);
    QVERIFY2(sawLinkEvent(h, QStringLiteral("closed"), QStringLiteral("without a close frame")),
             qPrintable(closedDetails(h)));
    h.sim.sendBurst(30);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 60, kSettleMs);
    verifyZeroLoss(h);
}

// Acks the client wrote just before its link went deaf never reach Slack; slash commands and
// interactions have no retry, so only the client can make up for them: it acks them again on the
// replacement link.
void TestFaultMatrix::acksIntoAVanishingLink_resentOnTheReplacement()
{
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);
    for (int i = 0; i < 10; ++i) {
        h.sim.sendEnvelope(EnvelopeKind::SlashCommand);
        h.sim.sendEnvelope(EnvelopeKind::BlockActions);
    }
    h.sim.setStale(true); // the frames are on their way; the acks coming back will not be read
    QTRY_VERIFY_WITH_TIMEOUT(h.client->reconnectCount() >= 1, kSettleMs);
    QVERIFY(sawLinkEvent(h, QStringLiteral("dead"), QStringLiteral("connected but deaf")));
    QTRY_VERIFY_WITH_TIMEOUT(sawLinkEvent(h, QStringLiteral("acks_resent"), QStringLiteral("20 ack(s)")), kSettleMs);
    QCOMPARE(h.sim.stats().retriesSent, 0); // nothing here that Slack would retry
    verifyZeroLoss(h);
    QCOMPARE(h.sim.stats().unknownAcks, 0);
}

// QWebSocket::close() writes the close frame and closes TCP at once; it never waits for the reply. So a
// server that ignores the close frame cannot hold a retiring link (or stop()) open: both must be done
// within the close timeout. (SocketLink's abort-after-timeout covers a socket that cannot even flush.)
void TestFaultMatrix::closeFrameIgnored_retiredLinkGoneWithinCloseTimeout()
{
    EngineHarness h;
    ClientOptions options = h.fastOptions();
    options.livenessWindowMs = 60000; // the close, not liveness, must end the old link
    options.oldLinkDrainMs = 800;
    options.oldLinkCloseTimeoutMs = 500;
    QVector<int> helloLinks;
    QObject::connect(&h.sim, &sim::SlackSimulator::helloSent, &h.sim, [&](int linkId, int) {
        helloLinks.append(linkId);
        if (helloLinks.size() == 2) // the replacement is live: the old link stops reading (ignores our close)
            h.sim.setLinkStale(helloLinks.first(), true);
    });
    QVERIFY(h.start(options));
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);
    h.sim.sendBurst(20);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 20, kSettleMs);

    h.sim.sendDisconnect(QStringLiteral("refresh_requested")); // and never closes the link itself
    QTRY_COMPARE_WITH_TIMEOUT(helloLinks.size(), 2, kSettleMs);
    QTRY_VERIFY_WITH_TIMEOUT(sawLinkEvent(h, QStringLiteral("closed"), QString()), kSettleMs);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.liveLinkCount(), 1, kSettleMs); // the deaf server side saw TCP go
    auto events = h.store->linkEvents(h.client->sessionId());
    QVERIFY(events);
    qint64 retiredUs = 0;
    qint64 closedUs = 0;
    for (const LinkEvent &e : events.value()) {
        if (e.linkId == 1 && e.kind == QLatin1String("retiring"))
            retiredUs = e.atUs;
        if (e.linkId == 1 && e.kind == QLatin1String("closed"))
            closedUs = e.atUs;
    }
    QVERIFY(retiredUs > 0 && closedUs > 0);
    const qint64 tookMs = (closedUs - retiredUs) / 1000;
    QVERIFY2(tookMs >= options.oldLinkDrainMs &&
                 tookMs <= options.oldLinkDrainMs + options.oldLinkCloseTimeoutMs + 1500,
             qPrintable(QStringLiteral("retired link closed %1 ms after retiring").arg(tookMs)));
    QCOMPARE(h.client->liveLinkCount(), 1);
    QCOMPARE(h.client->state(), ClientState::Connected);
    QCOMPARE(countLinkEvents(h, QStringLiteral("dead")), 0);
    h.sim.sendBurst(20);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 40, kSettleMs);
    verifyZeroLoss(h);
}

void TestFaultMatrix::closeFrameIgnored_stopFinishesWithinCloseTimeout()
{
    EngineHarness h;
    ClientOptions options = h.fastOptions();
    options.livenessWindowMs = 60000;
    options.oldLinkCloseTimeoutMs = 700;
    QVERIFY(h.start(options));
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);
    h.sim.sendBurst(20);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 20, kSettleMs);
    h.sim.setStale(true);
    QSignalSpy stopped(h.client.get(), &SocketModeClient::stopped);
    QElapsedTimer clock;
    clock.start();
    h.client->stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, kSettleMs);
    QVERIFY2(clock.elapsed() <= options.oldLinkCloseTimeoutMs + 1500, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(h.client->state(), ClientState::Stopped);
    auto sessions = h.store->sessions();
    QVERIFY(sessions);
    QVERIFY(sessions.value().constLast().endedUs > 0);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.liveLinkCount(), 0, kSettleMs);
    verifyPromise(h);
}

void TestFaultMatrix::disconnectReason_withTraffic_promiseHolds_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("outcome"); // replace | backoff | stop
    QTest::newRow("warning") << QStringLiteral("warning") << QStringLiteral("replace");
    QTest::newRow("refresh_requested") << QStringLiteral("refresh_requested") << QStringLiteral("replace");
    QTest::newRow("unknown") << QStringLiteral("maintenance_window_2031") << QStringLiteral("replace");
    QTest::newRow("empty") << QString() << QStringLiteral("replace");
    QTest::newRow("too_many_websockets") << QStringLiteral("too_many_websockets") << QStringLiteral("backoff");
    QTest::newRow("link_disabled") << QStringLiteral("link_disabled") << QStringLiteral("stop");
}

void TestFaultMatrix::disconnectReason_withTraffic_promiseHolds()
{
    QFETCH(QString, reason);
    QFETCH(QString, outcome);
    EngineHarness h;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);
    h.sim.startTraffic(150);
    QTest::qWait(300);
    h.sim.sendDisconnect(reason);
    if (outcome == QLatin1String("stop")) {
        QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Stopped, kSettleMs);
        h.sim.stopTraffic();
        QVERIFY(h.fatal);
        QCOMPARE(h.fatal->code, QStringLiteral("link_disabled"));
        QTRY_COMPARE_WITH_TIMEOUT(h.sim.liveLinkCount(), 0, kSettleMs);
        verifyPromise(h);
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(h.sim.stats().linksOpened >= 2, kSettleMs);
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);
    QTest::qWait(300);
    h.sim.stopTraffic();
    QVERIFY(!h.fatal);
    QVERIFY(h.sim.stats().sent > 50);
    if (outcome == QLatin1String("replace")) {
        // Make before break: no moment without a live link, nothing lost.
        QTRY_COMPARE_WITH_TIMEOUT(h.sim.liveLinkCount(), 1, kSettleMs); // the drained old link is closed
        QCOMPARE(h.sim.stats().zeroLinkWindows, 0);
        verifyZeroLoss(h);
    } else {
        // too_many_websockets closes the link first, so slash commands sent in the gap are lost at
        // Slack's end (never delivered); events are retried. What was delivered is committed and acked.
        QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().pendingEvents, 0, 20000);
        verifyPromise(h);
    }
}

void TestFaultMatrix::helloMissing_linkReplacedAfterHelloTimeout()
{
    EngineHarness h;
    QVERIFY(h.sim.listen(0));
    h.sim.setHelloDelay(-1);
    QVERIFY(h.start()); // helloTimeoutMs = 2000
    QTRY_VERIFY_WITH_TIMEOUT(sawLinkEvent(h, QStringLiteral("dead"), QStringLiteral("no hello within 2000 ms")),
                             kSettleMs);
    QTRY_VERIFY_WITH_TIMEOUT(h.sim.stats().linksOpened >= 2, kSettleMs);
    QVERIFY(h.client->state() != ClientState::Connected);
    QCOMPARE(h.client->liveLinkCount(), 0);
    // One attempt at a time: each link gets its full hello timeout, so no storm of links.
    QVERIFY2(h.sim.stats().linksOpened <= 4, qPrintable(QString::number(h.sim.stats().linksOpened)));

    h.sim.setHelloDelay(0);
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);
    h.sim.sendBurst(20);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 20, kSettleMs);
    verifyZeroLoss(h);
    QVERIFY(!h.fatal && !h.gaveUp);
}

void TestFaultMatrix::helloLate_withinTimeout_linkUsed()
{
    EngineHarness h;
    QVERIFY(h.sim.listen(0));
    h.sim.setHelloDelay(1200); // helloTimeoutMs = 2000
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);
    QCOMPARE(h.sim.stats().linksOpened, 1);
    QCOMPARE(countLinkEvents(h, QStringLiteral("dead")), 0);
    h.sim.sendBurst(20);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 20, kSettleMs);
    verifyZeroLoss(h);
}

// Slack sends hello first on every link (reference §3.1), and a link counts as live only after it. But
// a frame that does arrive early was delivered: an interactive payload is never retried, so the client
// must commit and ack it, not drop it for arriving out of order.
void TestFaultMatrix::envelopeBeforeHello_capturedAndAcked()
{
    EngineHarness h;
    QVERIFY(h.sim.listen(0));
    h.sim.setHelloDelay(1000);
    QString early;
    int hellos = 0;
    int hellosWhenAcked = -1;
    QObject::connect(&h.sim, &sim::SlackSimulator::linkOpened, &h.sim,
                     [&](int linkId) { early = h.sim.sendEnvelopeToLink(linkId, EnvelopeKind::BlockActions); });
    QObject::connect(&h.sim, &sim::SlackSimulator::helloSent, &h.sim, [&](int, int) { ++hellos; });
    QObject::connect(&h.sim, &sim::SlackSimulator::envelopeAcked, &h.sim, [&](const QString &id, qint64) {
        if (id == early)
            hellosWhenAcked = hellos;
    });
    QVERIFY(h.start());
    QTRY_VERIFY_WITH_TIMEOUT(hellosWhenAcked >= 0, kSettleMs);
    QVERIFY(!early.isEmpty());
    QCOMPARE(hellosWhenAcked, 0); // acked on the link before its hello
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);
    QCOMPARE(h.sim.stats().linksOpened, 1);
    auto e = h.store->envelopeById(early);
    QVERIFY(e);
    QCOMPARE(e.value().subtype, QStringLiteral("block_actions"));
    verifyZeroLoss(h);
}

void TestFaultMatrix::openFailure_retriedThenConnected_data()
{
    QTest::addColumn<int>("status"); // 0 = never answers; 429 = rate limited with Retry-After: 2
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("named"); // what the operator-facing warning must say
    QTest::addColumn<int>("minGapMs");  // the least time between two opens
    QTest::newRow("429 twice, Retry-After 2")
        << 429 << QByteArray() << QByteArray() << QStringLiteral("Retry-After: 2 s") << 2000;
    QTest::newRow("500 with an HTML body")
        << 500 << QByteArrayLiteral("text/html") << QByteArrayLiteral("<html><body>Internal Server Error</body></html>")
        << QStringLiteral("HTTP 500") << 0;
    QTest::newRow("200 HTML from a captive portal")
        << 200 << QByteArrayLiteral("text/html; charset=utf-8")
        << QByteArrayLiteral("<!DOCTYPE html><html><head><title>Sign in to Wi-Fi</title></head></html>")
        << QStringLiteral("HTML, not JSON") << 0;
    QTest::newRow("200 empty body") << 200 << QByteArrayLiteral("application/json") << QByteArray()
                                    << QStringLiteral("was empty") << 0;
    QTest::newRow("no answer (timeout)") << 0 << QByteArray() << QByteArray() << QStringLiteral("no answer") << 600;
}

void TestFaultMatrix::openFailure_retriedThenConnected()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, named);
    QFETCH(int, minGapMs);
    EngineHarness h;
    QVERIFY(h.sim.listen(0));
    if (status == 429)
        h.sim.setRateLimited(2, 2);
    else
        h.sim.setOpenHttpFailure(status, contentType, body, 2);
    QVector<qint64> calls;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&h.sim, &sim::SlackSimulator::connectionsOpenCalled, &h.sim,
                     [&](bool, const QString &) { calls.append(clock.elapsed()); });
    ClientOptions options = h.fastOptions();
    options.apiTimeoutMs = 700;
    options.giveUpAfterFailures = 5; // transient: retried, but never forever
    QStringList warningTexts;
    QVERIFY(h.start(options));
    QObject::connect(h.client.get(), &SocketModeClient::warning, h.client.get(),
                     [&](const QString &text) { warningTexts << text; });
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, 20000);
    QCOMPARE(calls.size(), 3); // two failures, one success: no storm, no extra attempt
    for (int i = 1; i < calls.size(); ++i)
        QVERIFY2(
            calls.at(i) - calls.at(i - 1) >= minGapMs,
            qPrintable(
                QStringLiteral("open %1 came %2 ms after the previous").arg(i).arg(calls.at(i) - calls.at(i - 1))));
    QVERIFY(!h.fatal && !h.gaveUp);
    QCOMPARE(warningTexts.size(), 2);
    for (const QString &text : std::as_const(warningTexts)) {
        QVERIFY2(text.contains(named), qPrintable(text));
        QVERIFY2(!text.contains(h.sim.config().appToken), "no token in operator-facing text");
    }
    QCOMPARE(countLinkEvents(h, QStringLiteral("open_failed")), 2);
    h.sim.sendBurst(20);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 20, kSettleMs);
    verifyZeroLoss(h);
}

void TestFaultMatrix::malformedStream_goodOnesAckedBadOnesKept()
{
    auto simConfig = EngineHarness::fastSimConfig();
    simConfig.maxLinkSendBufferBytes = 64 * 1024 * 1024; // keep sending behind the 16 MiB frame
    EngineHarness h(simConfig);
    ClientOptions options = h.fastOptions();
    options.maxIncomingMessageBytes = 32 * 1024 * 1024; // the 16 MiB frame is received, so it can be kept
    options.livenessWindowMs = 30000;                   // parsing 16 MiB under ASan takes a while
    QVERIFY(h.start(options));
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);

    QByteArray sixteenMiB = QByteArrayLiteral("{\"type\":\"blob\",\"data\":\"");
    sixteenMiB += QByteArray(16 * 1024 * 1024, 'z');
    sixteenMiB += QByteArrayLiteral("\"}");
    const QByteArray deepArrays = QByteArray(100000, '[') + QByteArray(100000, ']');
    QByteArray deepObjects;
    for (int i = 0; i < 100000; ++i)
        deepObjects += QByteArrayLiteral("{\"a\":");
    deepObjects += QByteArrayLiteral("1") + QByteArray(100000, '}');
    const QVector<QByteArray> bad{
        QByteArrayLiteral("this is not json {"),
        QByteArrayLiteral("[{\"envelope_id\":\"in-an-array\"}]"),
        QByteArrayLiteral("\"a bare string\""),
        QByteArrayLiteral("42"),
        QByteArrayLiteral("null"),
        QByteArrayLiteral("{}"),
        QByteArrayLiteral("{\"type\":\"events_api\",\"payload\":{},\"accepts_response_payload\":false}"),
        QByteArrayLiteral("{\"envelope_id\":12345,\"type\":\"slash_commands\",\"payload\":{}}"),
        QByteArrayLiteral("{\"envelope_id\":\"\",\"type\":\"slash_commands\"}"),
        QByteArrayLiteral("{\"envelope_id\":null,\"type\":\"interactive\"}"),
        QByteArrayLiteral("{\"envelope_id\":[\"x\"],\"type\":\"interactive\"}"),
        QByteArrayLiteral("{\"type\":42}"),
        QByteArrayLiteral("{\"type\":\"ping\"}"),
        QByteArrayLiteral("{\"envelope_id\":\"truncated\",\"type\":\"events_api\",\"payload\":{"),
        QByteArrayLiteral("{\"envelope_id\":\"x\" \"type\":\"events_api\"}"),
        QByteArrayLiteral("{\"n\":NaN}"),
        deepArrays,
        deepObjects,
        sixteenMiB,
    };
    // Wrong types inside an envelope with a usable id: still an envelope Slack waits for, so it is
    // committed (raw) and acked rather than left to time out.
    const QVector<QPair<QString, QByteArray>> oddButAckable{
        {QStringLiteral("odd-types-1"),
         QByteArrayLiteral(
             "{\"envelope_id\":\"odd-types-1\",\"type\":7,\"payload\":\"text\",\"retry_attempt\":\"2\"}")},
        {QStringLiteral("odd-types-2"),
         QByteArrayLiteral("{\"envelope_id\":\"odd-types-2\",\"type\":\"slash_commands\",\"payload\":[1,2],"
                           "\"accepts_response_payload\":\"yes\"}")},
        {QStringLiteral("odd-types-3"),
         QByteArrayLiteral(
             "{\"envelope_id\":\"odd-types-3\",\"type\":\"events_api\",\"payload\":{\"event\":\"no object\","
             "\"event_id\":17},\"retry_attempt\":-5}")},
        {QStringLiteral("odd-types-4"),
         QByteArrayLiteral(
             "{\"envelope_id\":\"odd-types-4\",\"type\":\"interactive\",\"payload\":{\"actions\":[null,3],"
             "\"user\":\"U1\",\"team\":[]}}")},
    };
    QStringList good;
    for (const QByteArray &frame : bad) {
        h.sim.sendRawFrame(frame);
        good << h.sim.sendEnvelope(EnvelopeKind::SlashCommand);
    }
    for (const auto &odd : oddButAckable) {
        h.sim.sendRawFrame(odd.second);
        good << h.sim.sendEnvelope(EnvelopeKind::AppMention);
    }
    h.sim.sendMalformedFrames(); // the simulator's own set, incl. an empty and a binary frame
    const int simBad = h.sim.stats().malformedFramesSent - 1; // the empty frame is not worth keeping

    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, h.sim.stats().sent, 60000);
    const QSet<QString> goodIds(good.cbegin(), good.cend());
    QTRY_VERIFY_WITH_TIMEOUT(QSet<QString>(goodIds).subtract(h.capturedIds()).isEmpty(), kSettleMs);
    const QSet<QString> captured = h.capturedIds();
    for (const QString &id : std::as_const(good))
        QVERIFY2(!id.isEmpty() && captured.contains(id), "every good envelope behind a bad frame is committed");
    for (const auto &odd : oddButAckable) {
        QTRY_VERIFY_WITH_TIMEOUT(
            h.store->envelopeById(odd.first) && h.store->envelopeById(odd.first).value().ackedUs > 0, kSettleMs);
    }
    QCOMPARE(h.sim.stats().unknownAcks, oddButAckable.size());
    QCOMPARE(h.client->reconnectCount(), 0);
    QCOMPARE(h.client->state(), ClientState::Connected);
    QCOMPARE(countLinkEvents(h, QStringLiteral("dead")), 0);

    auto kept = h.store->malformedFrames(h.client->sessionId());
    QVERIFY(kept);
    QCOMPARE(kept.value().size(), bad.size() + simBad);
    QSet<QByteArray> keptRaw;
    for (const MalformedFrame &f : kept.value()) {
        QVERIFY(!f.problem.isEmpty());
        keptRaw.insert(f.raw);
    }
    for (const QByteArray &frame : bad)
        QVERIFY2(keptRaw.contains(frame), frame.left(60).constData()); // verbatim, the 16 MiB one included
    verifyZeroLoss(h);
}

void TestFaultMatrix::diskFull_stopsWithClearError_uncommittedNotAcked()
{
    EngineHarness h;
    QFETCH(bool, ackJournal);
    h.ackJournal = ackJournal;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);
    h.sim.sendBurst(20);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 20, kSettleMs);
    // Room for a few hundred KiB more, as if the disk filled up now.
    QVERIFY(h.store->setSizeLimit(QFileInfo(h.store->path()).size() + 256 * 1024));
    verifyCaptureFailureStopsSafely(h, QStringLiteral("capture_disk_full"));
    QVERIFY2(h.fatal->message.contains(QLatin1String("cannot grow")), qPrintable(h.fatal->message));

    // The capture is intact and readable by another connection (the inspector's view).
    auto reader = CaptureStore::open(h.store->path(), CaptureStore::Mode::ReadOnly);
    QVERIFY(reader);
    auto count = reader.value()->envelopeCount();
    QVERIFY(count);
    QCOMPARE(count.value(), qint64(h.capturedIds().size()));
}

void TestFaultMatrix::captureReadOnlyMidSession_stopsWithClearError()
{
    EngineHarness h;
    QFETCH(bool, ackJournal);
    h.ackJournal = ackJournal;
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);
    h.sim.sendBurst(20);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 20, kSettleMs);
    // Running as root (CI) ignores file modes and an open descriptor keeps its rights anyway, so the
    // writer connection is switched to refuse writes: SQLite then answers SQLITE_READONLY, which is
    // what a capture on a file system remounted read-only reports.
    QSqlDatabase db = writerConnection(h.store->path());
    QVERIFY(db.isValid());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("PRAGMA query_only = ON")));
    verifyCaptureFailureStopsSafely(h, QStringLiteral("capture_read_only"));
}

void TestFaultMatrix::wallClockJump_noFalseLivenessFailure_ackLatencySane()
{
    EngineHarness h;
    QVERIFY(h.start()); // liveness window 1.5 s, pings every 200 ms
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);
    h.sim.startTraffic(200);
    // The wall clock flips between +2 h and -2 h every few ms, so envelopes are received on one side of
    // a step and acked on the other; each step is far larger than every timeout in play.
    constexpr qint64 kTwoHoursUs = 2LL * 3600 * 1000 * 1000;
    QTimer flipper;
    int flips = 0;
    QObject::connect(&flipper, &QTimer::timeout, &flipper,
                     [&] { json::setWallClockOffsetUs(++flips % 2 ? kTwoHoursUs : -kTwoHoursUs); });
    flipper.start(3);
    QTest::qWait(4000); // well over two liveness windows
    flipper.stop();
    json::setWallClockOffsetUs(0);
    h.sim.stopTraffic();
    QVERIFY(flips > 20); // many steps, also on a loaded CI box

    QCOMPARE(countLinkEvents(h, QStringLiteral("dead")), 0);
    QCOMPARE(h.client->reconnectCount(), 0);
    QCOMPARE(h.sim.stats().linksOpened, 1);
    QCOMPARE(h.client->state(), ClientState::Connected);
    verifyZeroLoss(h);
    // Ack latency is a duration: a wall-clock step between receipt and ack must not show up in it.
    int checked = 0;
    QVERIFY(h.store->forEachEnvelope([&](const Envelope &e) {
        ++checked;
        const qint64 latency = e.ackLatencyUs();
        if (latency < 0 || latency > 10 * 1000 * 1000) {
            qWarning() << "ack latency" << latency << "us for" << e.envelopeId;
            return false;
        }
        return true;
    }));
    QCOMPARE(checked, h.capturedIds().size());
}

void TestFaultMatrix::wallClockJump_duringBackoff_retryAfterStillHonoured()
{
    EngineHarness h;
    QVERIFY(h.sim.listen(0));
    h.sim.setRateLimited(2, 1);
    QVector<qint64> calls;
    QElapsedTimer clock; // monotonic: the test's own yardstick
    clock.start();
    QObject::connect(&h.sim, &sim::SlackSimulator::connectionsOpenCalled, &h.sim, [&](bool, const QString &) {
        calls.append(clock.elapsed());
        if (calls.size() == 1) // while the client waits out Retry-After, the wall clock leaps a day ahead
            json::setWallClockOffsetUs(24LL * 3600 * 1000 * 1000);
    });
    QTimer::singleShot(1000, &h.sim, [] { json::setWallClockOffsetUs(-24LL * 3600 * 1000 * 1000); }); // … then back
    QVERIFY(h.start());
    QTRY_COMPARE_WITH_TIMEOUT(h.client->state(), ClientState::Connected, kSettleMs);
    QCOMPARE(calls.size(), 2);
    const qint64 gap = calls.at(1) - calls.at(0);
    QVERIFY2(gap >= 2000 && gap < 2000 + 5000, qPrintable(QStringLiteral("second open after %1 ms").arg(gap)));
    h.sim.sendBurst(10);
    QTRY_COMPARE_WITH_TIMEOUT(h.sim.stats().acked, 10, kSettleMs);
    QCOMPARE(countLinkEvents(h, QStringLiteral("dead")), 0);
}

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_fault_matrix.moc"
