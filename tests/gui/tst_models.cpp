#include "capture/CaptureStore.h"
#include "models/CaptureStorePager.h"
#include "models/EnvelopeColoring.h"
#include "models/EnvelopeTableModel.h"
#include "models/JsonTreeModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace socketscope;

namespace {

Envelope make(qint64 rowId, const QString &type = QStringLiteral("slash_commands"), const QString &text = QString())
{
    Envelope e;
    e.rowId = rowId;
    e.envelopeId = QStringLiteral("env-%1").arg(rowId);
    e.type = type;
    e.subtype = type == QLatin1String("slash_commands") ? QStringLiteral("/nautobot") : QStringLiteral("app_mention");
    e.userId = QStringLiteral("U%1").arg(rowId % 3);
    e.channelId = QStringLiteral("C1");
    e.text = text.isEmpty() ? QStringLiteral("get-devices row %1").arg(rowId) : text;
    e.receivedUs = 1'700'000'000'000'000 + rowId * 1000;
    e.raw = QByteArray(2048, 'x'); // the table must not keep this
    return e;
}

// An in-memory capture that counts queries; stands in for the SQLite pager.
class MemoryPager : public EnvelopePager
{
public:
    std::map<qint64, Envelope> rows;
    int queries = 0;
    int largestLimit = 0;

    int maxScanPerCall = 1 << 30; // a small value imitates the store pager's time budget

    Result<HistoryPage> olderThan(const EnvelopeFilter &filter, qint64 before, int limit) override
    {
        ++queries;
        largestLimit = std::max(largestLimit, limit);
        HistoryPage page;
        auto it = before == 0 ? rows.end() : rows.lower_bound(before);
        int scanned = 0;
        while (it != rows.begin() && page.rows.size() < limit && scanned < maxScanPerCall) {
            --it;
            ++scanned;
            if (filter.matches(it->second))
                page.rows.append(it->second);
        }
        page.nextBefore = it == rows.begin() ? 0 : it->first;
        return page;
    }
    Result<Envelope> full(qint64 rowId) override
    {
        auto it = rows.find(rowId);
        if (it == rows.end())
            return Error{QStringLiteral("not_found"), QStringLiteral("no row"), QString()};
        return it->second;
    }
};

} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tableModel_passesModelTester_throughLiveHistoryAndFilter();
    void liveInserts_coalescedIntoOneInsertPerPass();
    void capacity_evictsOldestBeforeInsert_memoryBounded();
    void history_pagedOnlyWhenRequested_smallQueries();
    void sparseFilter_fillsFirstScreenInIdleSlices();
    void acks_updateRowAndColour();
    void acksBeforeRows_appliedOnInsert();
    void filter_appliesToLiveAndHistory();
    void captureStorePager_textFilter_findsRowsNotYetIndexed();
    void jsonTree_passesModelTester_andGivesPaths();
    void jsonTree_notJson_showsError();
};

void TestModels::tableModel_passesModelTester_throughLiveHistoryAndFilter()
{
    MemoryPager pager;
    for (qint64 i = 1; i <= 1000; ++i)
        pager.rows.emplace(i, make(i, i % 2 ? QStringLiteral("slash_commands") : QStringLiteral("events_api")));
    EnvelopeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(500);
    model.setPageSize(100);
    model.setPager(&pager);
    QCOMPARE(model.rowCount(), 100);
    model.requestOlder();
    QVERIFY(model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 200);
    QVector<Envelope> live;
    for (qint64 i = 1001; i <= 1400; ++i)
        live.append(make(i));
    model.appendLive(live);
    QTRY_COMPARE(model.rowCount(), 500);
    QCOMPARE(model.envelopeAt(499).rowId, 1400);
    model.applyAcks({{1400, make(1400).receivedUs + 1500}});
    model.setFilter(EnvelopeFilter::parse(QStringLiteral("type:events")).value());
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.data(model.index(0, EnvelopeTableModel::Type)).toString(), QStringLiteral("events_api"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::liveInserts_coalescedIntoOneInsertPerPass()
{
    EnvelopeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (qint64 i = 1; i <= 50; ++i)
        model.appendLive({make(i)});
    QCOMPARE(model.rowCount(), 0); // nothing until the event loop turns
    QTRY_COMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 49); // last is inclusive
    QCOMPARE(model.rowCount(), 50);
    QVERIFY(model.envelopeAt(0).raw.isEmpty());
}

void TestModels::capacity_evictsOldestBeforeInsert_memoryBounded()
{
    EnvelopeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(100);
    int maxRows = 0;
    connect(&model, &QAbstractItemModel::rowsInserted, this, [&] { maxRows = std::max(maxRows, model.rowCount()); });
    for (int pass = 0; pass < 20; ++pass) {
        QVector<Envelope> batch;
        for (int i = 0; i < 37; ++i)
            batch.append(make(pass * 37 + i + 1));
        model.appendLive(batch);
        QCoreApplication::processEvents();
    }
    QTRY_COMPARE(model.rowCount(), 100);
    QCOMPARE(maxRows, 100);
    QCOMPARE(model.envelopeAt(99).rowId, 740);
    QCOMPARE(model.envelopeAt(0).rowId, 641);
    QCOMPARE(model.evicted(), 640);
    QVERIFY(model.hasOlder());
}

void TestModels::history_pagedOnlyWhenRequested_smallQueries()
{
    MemoryPager pager;
    for (qint64 i = 1; i <= 5000; ++i)
        pager.rows.emplace(i, make(i));
    EnvelopeTableModel model;
    model.setPageSize(200);
    model.setCapacity(1000);
    model.setPager(&pager);
    QCOMPARE(pager.queries, 1);
    QCOMPARE(model.rowCount(), 200);
    QCOMPARE(model.envelopeAt(199).rowId, 5000);
    QVERIFY(!model.canFetchMore(QModelIndex())); // the view did not ask
    model.fetchMore(QModelIndex());
    QCOMPARE(pager.queries, 1);
    for (int i = 0; i < 10; ++i) {
        model.requestOlder();
        model.fetchMore(QModelIndex());
    }
    QCOMPARE(model.rowCount(), 1000); // bounded by capacity
    QCOMPARE(model.envelopeAt(0).rowId, 5000 - 11 * 200 + 1);
    QCOMPARE(pager.largestLimit, 200);
    // The newest rows were dropped to stay bounded: live rows must not be appended after a hole.
    QVERIFY(model.isDetachedFromTail());
    model.appendLive({make(5001)});
    QCoreApplication::processEvents();
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.liveNotShown(), 1);
    model.reload();
    QVERIFY(!model.isDetachedFromTail());
    QCOMPARE(model.envelopeAt(model.rowCount() - 1).rowId, 5000);
}

void TestModels::sparseFilter_fillsFirstScreenInIdleSlices()
{
    MemoryPager pager;
    pager.maxScanPerCall = 500; // each call gives up after 500 rows, as the store pager does after its budget
    for (qint64 i = 1; i <= 20000; ++i) {
        Envelope e = make(i);
        e.retryAttempt = i % 1000 == 0 ? 1 : 0; // 20 matches spread over the capture
        pager.rows.emplace(i, e);
    }
    EnvelopeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(10);
    model.setPager(&pager);
    model.setFilter(EnvelopeFilter::parse(QStringLiteral("retry")).value());
    QVERIFY(model.rowCount() <= 1);           // the reload itself stayed bounded
    QTRY_COMPARE(model.rowCount(), 10);       // idle slices filled the first screen
    QCOMPARE(model.envelopeAt(9).rowId, 20000);
    QCOMPARE(model.envelopeAt(0).rowId, 11000);
    QVERIFY(model.hasOlder());
    for (int i = 0; i < 40 && model.hasOlder(); ++i) {
        model.requestOlder();
        model.fetchMore(QModelIndex());
    }
    QCOMPARE(model.rowCount(), 20);
    QVERIFY(!model.hasOlder());
}

void TestModels::acks_updateRowAndColour()
{
    EnvelopeTableModel model;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.appendLive({make(1), make(2)});
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(1, EnvelopeTableModel::AckMs)).toString(), QStringLiteral("—"));
    model.applyAcks({{2, make(2).receivedUs + 3'200'000}});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.data(model.index(1, EnvelopeTableModel::AckMs)).toString(), QStringLiteral("3200.0"));
    QCOMPARE(model.data(model.index(1, 0), EnvelopeTableModel::StateRole).toInt(),
             static_cast<int>(EnvelopeColoring::State::AckOverDeadline));
    QVERIFY(model.data(model.index(1, 0), Qt::BackgroundRole).value<QColor>().isValid());
    model.applyAcks({{1, make(1).receivedUs + 1'200'000}});
    QCOMPARE(model.data(model.index(0, 0), EnvelopeTableModel::StateRole).toInt(),
             static_cast<int>(EnvelopeColoring::State::LateAck));
}

void TestModels::acksBeforeRows_appliedOnInsert()
{
    EnvelopeTableModel model;
    model.applyAcks({{7, make(7).receivedUs + 5000}});
    model.appendLive({make(7)});
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, EnvelopeTableModel::AckMs)).toString(), QStringLiteral("5.0"));
}

void TestModels::filter_appliesToLiveAndHistory()
{
    MemoryPager pager;
    pager.rows.emplace(1, make(1, QStringLiteral("slash_commands"), QStringLiteral("get-vlans")));
    pager.rows.emplace(2, make(2, QStringLiteral("events_api"), QStringLiteral("hello there")));
    EnvelopeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPager(&pager);
    QCOMPARE(model.rowCount(), 2);
    model.setFilter(EnvelopeFilter::parse(QStringLiteral("vlans")).value());
    QCOMPARE(model.rowCount(), 1);
    model.appendLive({make(3, QStringLiteral("slash_commands"), QStringLiteral("get-vlans site")),
                      make(4, QStringLiteral("slash_commands"), QStringLiteral("about"))});
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(model.envelopeAt(1).rowId, 3);
    QCOMPARE(model.liveFilteredOut(), 1);
}

// The capture's search index waits for a pause in traffic; history pages must still find the newest
// rows a text filter matches.
void TestModels::captureStorePager_textFilter_findsRowsNotYetIndexed()
{
    QTemporaryDir dir;
    CaptureStore::Options options;
    options.backgroundSearchIndexing = false; // the test decides what is indexed
    auto opened = CaptureStore::open(dir.filePath(QStringLiteral("capture.sqlite")), CaptureStore::Mode::ReadWrite, options);
    QVERIFY(opened.ok());
    auto store = std::move(opened).value();
    auto insertRows = [&](int from, int to) {
        QVector<Envelope> batch;
        for (int i = from; i <= to; ++i) {
            Envelope e = make(i, QStringLiteral("slash_commands"),
                              i % 2 == 0 ? QStringLiteral("show site fra02 rack %1").arg(i) : QStringLiteral("show site ams01"));
            e.raw = QByteArrayLiteral("{}");
            batch.append(e);
        }
        QVERIFY(store->insertEnvelopes(batch).ok());
    };
    insertRows(1, 6);
    QVERIFY(store->indexSearchTextNow().ok());
    insertRows(7, 12);
    QCOMPARE(*store->searchIndexedUpTo(), qint64(6));
    QCOMPARE(*store->searchIndexBacklog(), qint64(6));

    CaptureStorePager pager(store.get());
    auto ids = [](const HistoryPage &page) {
        QVector<qint64> out;
        for (const Envelope &e : page.rows)
            out.append(e.rowId);
        return out;
    };
    const auto fra = EnvelopeFilter::parse(QStringLiteral("fra02"));
    QVERIFY(fra.ok());
    auto all = pager.olderThan(*fra, 0, 100);
    QVERIFY(all.ok());
    QCOMPARE(ids(*all), (QVector<qint64>{12, 10, 8, 6, 4, 2}));
    // Paged across the mark, newest first, no row twice.
    auto first = pager.olderThan(*fra, 0, 4);
    QVERIFY(first.ok());
    QCOMPARE(ids(*first), (QVector<qint64>{12, 10, 8, 6}));
    auto rest = pager.olderThan(*fra, first->nextBefore, 4);
    QVERIFY(rest.ok());
    QCOMPARE(ids(*rest), (QVector<qint64>{4, 2}));
    // Text with another term, and a negated text term, on both sides of the mark.
    const auto rack = EnvelopeFilter::parse(QStringLiteral("rack user:U0"));
    QVERIFY(rack.ok());
    QCOMPARE(ids(*pager.olderThan(*rack, 0, 100)), (QVector<qint64>{12, 6}));
    const auto notFra = EnvelopeFilter::parse(QStringLiteral("show !fra02"));
    QVERIFY(notFra.ok());
    QCOMPARE(ids(*pager.olderThan(*notFra, 0, 100)), (QVector<qint64>{11, 9, 7, 5, 3, 1}));
}

void TestModels::jsonTree_passesModelTester_andGivesPaths()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJson(R"({"envelope_id":"e1","payload":{"actions":[{"action_id":"a","value":"v1"}],"odd key":true,"n":3}})");
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex payload = model.index(1, 0);
    QCOMPARE(model.data(payload).toString(), QStringLiteral("payload"));
    const QModelIndex actions = model.index(0, 0, payload);
    const QModelIndex first = model.index(0, 0, actions);
    QCOMPARE(model.data(first).toString(), QStringLiteral("[0]"));
    const QModelIndex value = model.index(1, JsonTreeModel::Value, first);
    QCOMPARE(model.pathOf(value), QStringLiteral("payload.actions[0].value"));
    QCOMPARE(model.valueTextOf(value), QStringLiteral("v1"));
    QCOMPARE(model.data(value).toString(), QStringLiteral("\"v1\""));
    QCOMPARE(model.parent(value), first);
    const QModelIndex odd = model.index(2, 0, payload);
    QCOMPARE(model.pathOf(odd), QStringLiteral("payload[\"odd key\"]"));
    QCOMPARE(model.data(model.index(2, JsonTreeModel::Kind, payload)).toString(), QStringLiteral("bool"));
    model.setJson(R"([1,2])");
    QCOMPARE(model.rowCount(), 2);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::jsonTree_notJson_showsError()
{
    JsonTreeModel model;
    model.setJson("{not json");
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("error"));
    QVERIFY(model.data(model.index(0, 1)).toString().contains(QStringLiteral("not JSON")));
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"
