#include "TrafficPacer.h"

#include <QtTest>

using socketscope::sim::TrafficPacer;

namespace {

constexpr qint64 kMs = 1000000; // ns

} // namespace

// The simulator's rate, on a fake clock: what startTraffic sends per tick, and what it drops after a stall.
class TestTrafficPacer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void steadyTicks_holdRateExactly()
    {
        TrafficPacer pacer;
        pacer.start(2000, 0);
        qint64 sent = 0;
        for (qint64 t = 10; t <= 1000; t += 10)
            sent += pacer.due(t * kMs);
        QCOMPARE(sent, 2000);
        QCOMPARE(pacer.skipped(), 0);
    }

    void fractionalRate_carriesRemainderAcrossTicks()
    {
        TrafficPacer pacer;
        pacer.start(150, 0); // 1.5 per 10 ms tick
        QCOMPARE(pacer.due(10 * kMs), 1);
        QCOMPARE(pacer.due(20 * kMs), 2);
        qint64 sent = 3;
        for (qint64 t = 30; t <= 2000; t += 10)
            sent += pacer.due(t * kMs);
        QCOMPARE(sent, 300);
    }

    void stallShorterThanBurst_caughtUpInFull()
    {
        TrafficPacer pacer;
        pacer.start(2000, 0);
        QCOMPARE(pacer.due(10 * kMs), 20);
        QCOMPARE(pacer.due(90 * kMs), 160); // 80 ms late: within one 100 ms burst
        QCOMPARE(pacer.skipped(), 0);
    }

    void longStall_catchesUpOneBurstAndCountsTheRest()
    {
        TrafficPacer pacer;
        pacer.start(2000, 0);
        QCOMPARE(pacer.due(10 * kMs), 20);
        QCOMPARE(pacer.due(510 * kMs), 200); // 500 ms stall owes 1000; one 100 ms burst is sent
        QCOMPARE(pacer.skipped(), 800);
        QCOMPARE(pacer.due(520 * kMs), 20); // back on the rate, no second storm
        QCOMPARE(pacer.skipped(), 800);
    }

    void clockBeforeStartOrZeroRate_sendsNothing()
    {
        TrafficPacer pacer;
        QCOMPARE(pacer.due(5 * kMs), 0); // never started
        pacer.start(1000, 100 * kMs);
        QCOMPARE(pacer.due(50 * kMs), 0);
        pacer.start(0, 0);
        QCOMPARE(pacer.due(1000 * kMs), 0);
    }

    void restart_resetsCountsAndSkipped()
    {
        TrafficPacer pacer;
        pacer.start(2000, 0);
        pacer.due(1000 * kMs);
        QVERIFY(pacer.skipped() > 0);
        pacer.start(100, 1000 * kMs);
        QCOMPARE(pacer.skipped(), 0);
        QCOMPARE(pacer.due(1100 * kMs), 10);
    }
};

QTEST_APPLESS_MAIN(TestTrafficPacer)
#include "tst_traffic_pacer.moc"
