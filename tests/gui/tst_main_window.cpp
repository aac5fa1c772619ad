#include "EngineController.h"
#include "ExportDialog.h"
#include "MainWindow.h"
#include "SearchIndexJob.h"
#include "capture/AckJournal.h"
#include "models/EnvelopeTableModel.h"
#include "models/JsonTreeModel.h"
#include "profile/ProfileStore.h"
#include "widgets/AckHistogram.h"
#include "widgets/ConnectionBar.h"
#include "widgets/DetailPane.h"
#include "widgets/EnvelopeTableView.h"
#include "widgets/FilterBar.h"
#include "widgets/LinkTimeline.h"
#include "widgets/MessageBar.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace socketscope;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void demo_connectsToSimulator_rowsArrive_filter_detailTabs_thenOpenCapture();
    void noProfile_startsDemoWorkspace();
    void filterBar_invalidSyntax_showsErrorAndKeepsRows();
    void openCapture_missingFile_isInlineError();
    void openCapture_notIndexed_buildsSearchIndexInBackground();
    void openCapture_ackJournalOfADeadSession_storedThenShown();
    void linkTimeline_findsGapsWithoutLiveLink();
    void ackHistogram_binsAgainstDeadline();

private:
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SocketScopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
    QSettings().clear();
    QFile::remove(ProfileStore::defaultSettingsPath()); // start with no workspace configured
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::demo_connectsToSimulator_rowsArrive_filter_detailTabs_thenOpenCapture()
{
    MainWindowOptions options;
    options.demo = true;
    options.demoRate = 20;
    options.captureDirectory = m_dir.path();
    QString capturePath;
    {
        MainWindow window(options);
        window.resize(1200, 800);
        window.show();
        QAbstractItemModelTester tester(window.envelopeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Connect to the simulator and see rows arrive.
        QTRY_COMPARE_WITH_TIMEOUT(window.connectionBar()->state(), ClientState::Connected, 15000);
        QVERIFY(window.connectionBar()->findChild<QWidget *>(QStringLiteral("demoLabel"))->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(window.envelopeModel()->rowCount() >= 12, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(window.linkTimeline()->lanes().size() >= 1, 5000);
        QVERIFY(window.linkTimeline()->lanes().first().helloUs > 0);
        QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(QStringLiteral("p50")) &&
                                     !window.statusText().contains(QStringLiteral("p50 —")), 5000);
        // Every envelope type the simulator sends shows up.
        QSet<QString> types;
        for (int row = 0; row < window.envelopeModel()->rowCount(); ++row)
            types.insert(window.envelopeModel()->envelopeAt(row).type);
        QVERIFY2(types.contains(QStringLiteral("slash_commands")) && types.contains(QStringLiteral("interactive"))
                     && types.contains(QStringLiteral("events_api")),
                 qPrintable(QStringList(types.cbegin(), types.cend()).join(QLatin1Char(','))));
        capturePath = window.currentCapturePath();
        QVERIFY(capturePath.startsWith(m_dir.path()));

        // Filter: only slash commands, from live rows and history alike.
        window.filterBar()->setFilterText(QStringLiteral("type:slash_commands command:/nautobot"));
        QCOMPARE(window.filterBar()->validity(), FilterBar::Validity::Valid);
        QTRY_VERIFY_WITH_TIMEOUT(window.envelopeModel()->rowCount() >= 3, 10000);
        for (int row = 0; row < window.envelopeModel()->rowCount(); ++row)
            QCOMPARE(window.envelopeModel()->envelopeAt(row).type, QStringLiteral("slash_commands"));
        // Type toggle: switching slash commands off leaves nothing for this filter.
        window.filterBar()->typeButton(QStringLiteral("slash_commands"))->setChecked(false);
        QCOMPARE(window.envelopeModel()->rowCount(), 0);
        window.filterBar()->typeButton(QStringLiteral("slash_commands"))->setChecked(true);
        QTRY_VERIFY(window.envelopeModel()->rowCount() >= 3);

        // Select a row and check each detail tab.
        window.envelopeView()->setFocus();
        window.envelopeView()->selectRelative(+1);
        const QModelIndex current = window.envelopeView()->currentIndex();
        QVERIFY(current.isValid());
        const Envelope &shown = window.envelopeModel()->envelopeAt(current.row());
        DetailPane *detail = window.detailPane();
        QTRY_VERIFY(detail->hasEnvelope());
        QCOMPARE(detail->envelope().envelopeId, shown.envelopeId);
        JsonTreeModel *tree = detail->treeModel();
        QVERIFY(tree->rowCount() >= 3);
        QStringList keys;
        for (int r = 0; r < tree->rowCount(); ++r)
            keys.append(tree->data(tree->index(r, 0)).toString());
        QVERIFY2(keys.contains(QStringLiteral("envelope_id")) && keys.contains(QStringLiteral("payload")),
                 qPrintable(keys.join(QLatin1Char(','))));
        QVERIFY(detail->rawText().contains(QStringLiteral("\"envelope_id\": \"%1\"").arg(shown.envelopeId)));
        QVERIFY(detail->rawText().contains(QStringLiteral("\n    ")));  // pretty-printed
        QVERIFY(detail->findInRaw(QStringLiteral("/nautobot")));
        QVERIFY(detail->timingText().contains(QStringLiteral("Received")));
        QVERIFY(detail->timingText().contains(QStringLiteral("Ack latency")));
        QVERIFY(detail->timingText().contains(QStringLiteral("deadline")));
        QVERIFY(detail->httpText().startsWith(QStringLiteral("POST /api/plugins/chatops/slack/slash_command/ HTTP/1.1")));
        QVERIFY(detail->httpText().contains(QStringLiteral("Content-Type: application/x-www-form-urlencoded")));
        QVERIFY(detail->httpText().contains(QStringLiteral("command=%2Fnautobot")));
        QVERIFY(detail->linkText().contains(QStringLiteral("Link %1").arg(shown.linkId)));
        QVERIFY(detail->linkText().contains(QStringLiteral("hello")));

        // J moves to the next envelope.
        const int before = window.envelopeView()->currentIndex().row();
        QTest::keyClick(window.envelopeView(), Qt::Key_J);
        if (window.envelopeModel()->rowCount() > before + 1)
            QCOMPARE(window.envelopeView()->currentIndex().row(), before + 1);

        // Disconnect (Ctrl+K path).
        window.toggleConnection();
        QTRY_COMPARE_WITH_TIMEOUT(window.connectionBar()->state(), ClientState::Stopped, 10000);
    }

    // Open the capture that session wrote: history pages in from SQLite.
    MainWindowOptions offline;
    offline.openCapture = capturePath;
    offline.captureDirectory = m_dir.path();
    MainWindow viewer(offline);
    QVERIFY(viewer.envelopeModel()->rowCount() >= 12);
    QCOMPARE(viewer.currentCapturePath(), capturePath);
    QCOMPARE(viewer.messageBar()->kind(), MessageBar::Kind::Info);
    QVERIFY(!viewer.linkTimeline()->lanes().isEmpty());
    viewer.filterBar()->setFilterText(QStringLiteral("type:interactive"));
    QVERIFY(viewer.envelopeModel()->rowCount() >= 1);
    for (int row = 0; row < viewer.envelopeModel()->rowCount(); ++row)
        QCOMPARE(viewer.envelopeModel()->envelopeAt(row).type, QStringLiteral("interactive"));
    viewer.filterBar()->setFilterText(QStringLiteral("get-devices"));
    QVERIFY(viewer.envelopeModel()->rowCount() >= 1);

    // Export (JsonlExport format, redacted) and open the JSONL: it is imported into a new capture.
    viewer.filterBar()->setFilterText(QString());
    auto reader = CaptureStore::open(capturePath, CaptureStore::Mode::ReadOnly);
    QVERIFY(reader.ok());
    const QString jsonl = m_dir.filePath(QStringLiteral("export.jsonl"));
    {
        QFile file(jsonl);
        QVERIFY(file.open(QIODevice::WriteOnly));
        int lines = 0;
        QVERIFY(reader.value()->forEachEnvelope([&](const Envelope &e) {
            file.write(ExportDialog::jsonlLine(e, true));
            return ++lines < 10;
        }).ok());
    }
    QFile check(jsonl);
    QVERIFY(check.open(QIODevice::ReadOnly));
    const QByteArray exported = check.readAll();
    QVERIFY(exported.contains("[redacted]")); // response_url / trigger_id masked
    QVERIFY(!exported.contains("/hooks/commands/T0SIM0001/"));
    QSignalSpy imported(&viewer, &MainWindow::jsonlImported);
    QVERIFY(viewer.openCapture(jsonl).ok());
    QVERIFY(imported.wait(10000));
    QCOMPARE(viewer.envelopeModel()->rowCount(), 10);
    QVERIFY(viewer.currentCapturePath() != capturePath);
    QVERIFY(viewer.messageBar()->text().contains(QStringLiteral("Imported 10")));
}

void TestMainWindow::noProfile_startsDemoWorkspace()
{
    QVERIFY(MainWindow::noProfileConfigured());
    {
        ProfileStore store;
        Profile work;
        work.name = QStringLiteral("work");
        QVERIFY(store.add(work).ok());
    }
    QVERIFY(!MainWindow::noProfileConfigured());
    {
        ProfileStore store;
        QVERIFY(store.remove(QStringLiteral("work")).ok());
    }

    MainWindowOptions options; // no --demo
    options.captureDirectory = m_dir.path();
    MainWindow window(options);
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionBar()->state(), ClientState::Connected, 15000);
    QVERIFY(window.connectionBar()->isDemo());
}

void TestMainWindow::filterBar_invalidSyntax_showsErrorAndKeepsRows()
{
    FilterBar bar;
    QSignalSpy changed(&bar, &FilterBar::filterChanged);
    bar.setFilterText(QStringLiteral("retry"));
    QCOMPARE(changed.size(), 1);
    bar.lineEdit()->setText(QStringLiteral("retry colour:red"));
    QCOMPARE(bar.validity(), FilterBar::Validity::Invalid);
    QVERIFY(bar.lineEdit()->toolTip().contains(QStringLiteral("Column 7")));
    QVERIFY(bar.lineEdit()->toolTip().contains(QStringLiteral("Unknown field")));
    QTest::keyClick(bar.lineEdit(), Qt::Key_Return);
    QCOMPARE(changed.size(), 1); // an invalid filter is never applied
    QCOMPARE(bar.currentFilter().text(), QStringLiteral("retry"));
    bar.lineEdit()->setText(QStringLiteral("retry dup"));
    QCOMPARE(bar.validity(), FilterBar::Validity::Valid);
    bar.saveCurrentFilter();
    QVERIFY(bar.savedFilters().contains(QStringLiteral("retry dup")));
    bar.removeSavedFilter(QStringLiteral("retry dup"));
    QVERIFY(!bar.savedFilters().contains(QStringLiteral("retry dup")));
}

void TestMainWindow::openCapture_missingFile_isInlineError()
{
    MainWindowOptions options;
    options.openCapture = m_dir.filePath(QStringLiteral("nope.sqlite"));
    MainWindow window(options);
    QCOMPARE(window.messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY(window.messageBar()->text().contains(QStringLiteral("does not exist")));
}

// A headless listen leaves the search index to the viewer: opening its capture builds it on a worker
// thread while the view stays read-only, and search answers the same before and after.
void TestMainWindow::openCapture_notIndexed_buildsSearchIndexInBackground()
{
    const QString path = m_dir.filePath(QStringLiteral("headless.sqlite"));
    {
        CaptureStore::Options options;
        options.backgroundSearchIndexing = false;
        auto writer = CaptureStore::open(path, CaptureStore::Mode::ReadWrite, options);
        QVERIFY(writer.ok());
        QVector<Envelope> batch;
        for (int i = 0; i < 3000; ++i) {
            const QByteArray frame = QStringLiteral(R"({"envelope_id":"idx-%1","type":"slash_commands","accepts_response_payload":true,)"
                                                    R"("payload":{"command":"/nautobot","text":"get-devices site%2","user_id":"U1","channel_id":"C1"}})")
                                         .arg(i).arg(i % 7).toUtf8();
            batch.append(parseFrame(frame, 1'700'000'000'000'000 + i).envelope);
        }
        QVERIFY(writer.value()->insertEnvelopes(batch).ok());
        QCOMPARE(*writer.value()->searchIndexBacklog(), qint64(3000));
    }
    MainWindowOptions offline;
    offline.openCapture = path;
    offline.captureDirectory = m_dir.path();
    MainWindow viewer(offline);
    SearchIndexJob *job = viewer.searchIndexJob();
    QVERIFY(job);
    QSignalSpy finished(job, &SearchIndexJob::finished);
    // Every match, paged in from SQLite (the history pager loads a page per fetch).
    auto matches = [&](const QString &filter) {
        viewer.filterBar()->setFilterText(QString());
        viewer.filterBar()->setFilterText(filter);
        EnvelopeTableModel *model = viewer.envelopeModel();
        for (int page = 0; page < 100 && model->hasOlder(); ++page) {
            model->requestOlder();
            if (model->canFetchMore({}))
                model->fetchMore({});
        }
        QStringList ids;
        for (int row = 0; row < model->rowCount(); ++row)
            ids.append(model->envelopeAt(row).envelopeId);
        return ids;
    };
    const QStringList whileIndexing = matches(QStringLiteral("site3"));
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY(finished.first().at(1).toString().isEmpty());
    auto reader = CaptureStore::open(path, CaptureStore::Mode::ReadOnly);
    QVERIFY(reader.ok());
    QCOMPARE(*reader.value()->searchIndexBacklog(), qint64(0));
    QCOMPARE(reader.value()->searchText(QStringLiteral("site3"), 5000)->size(), 3000 / 7 + 1);
    QCOMPARE(whileIndexing.size(), 3000 / 7 + 1);
    QCOMPARE(matches(QStringLiteral("site3")), whileIndexing);

    // Opening it again: nothing left to index, so no job.
    QVERIFY(viewer.openCapture(path).ok());
    QVERIFY(!viewer.searchIndexJob());
}

void TestMainWindow::openCapture_ackJournalOfADeadSession_storedThenShown()
{
    // A listen that was killed: two envelopes in the tables (indexed), three acked ones only in its journal.
    const QString path = m_dir.filePath(QStringLiteral("killed.sqlite"));
    auto frame = [](int i) {
        return QStringLiteral(R"({"envelope_id":"dead-%1","type":"slash_commands","accepts_response_payload":true,)"
                              R"("payload":{"command":"/nautobot","text":"get-devices","user_id":"U1","channel_id":"C1"}})")
            .arg(i)
            .toUtf8();
    };
    {
        CaptureStore::Options options;
        options.ackJournal = true;
        options.backgroundSearchIndexing = false;
        auto writer = CaptureStore::open(path, CaptureStore::Mode::ReadWrite, options);
        QVERIFY(writer.ok());
        QVector<Envelope> stored{parseFrame(frame(0), 1'700'000'000'000'000).envelope,
                                parseFrame(frame(1), 1'700'000'000'100'000).envelope};
        QVERIFY(writer.value()->journalEnvelopes(stored).ok());
        QVERIFY(writer.value()->applyJournal(stored).ok());
        QVERIFY(writer.value()->indexSearchTextNow().ok()); // so only the journal calls for a job
        QVector<Envelope> acked;
        for (int i = 2; i < 5; ++i)
            acked.append(parseFrame(frame(i), 1'700'000'000'000'000 + i * 100'000).envelope);
        QVERIFY(writer.value()->journalEnvelopes(acked).ok());
    }
    QVERIFY(QFileInfo::exists(AckJournal::pathFor(path)));

    MainWindowOptions offline;
    offline.openCapture = path;
    offline.captureDirectory = m_dir.path();
    MainWindow viewer(offline);
    QCOMPARE(viewer.messageBar()->kind(), MessageBar::Kind::Warning);
    QVERIFY2(viewer.messageBar()->text().contains(QLatin1String("3 envelope"))
                 && viewer.messageBar()->text().contains(QLatin1String("ack journal")),
             qPrintable(viewer.messageBar()->text()));
    QVERIFY(viewer.searchIndexJob());
    QTRY_COMPARE_WITH_TIMEOUT(viewer.envelopeModel()->rowCount(), 5, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(viewer.statusBar()->currentMessage().contains(QLatin1String("Stored 3 envelope")), 5000);
    QVERIFY(!QFileInfo::exists(AckJournal::pathFor(path)));
    QStringList ids;
    for (int row = 0; row < viewer.envelopeModel()->rowCount(); ++row)
        ids << viewer.envelopeModel()->envelopeAt(row).envelopeId;
    ids.sort();
    QCOMPARE(ids, (QStringList{QStringLiteral("dead-0"), QStringLiteral("dead-1"), QStringLiteral("dead-2"),
                               QStringLiteral("dead-3"), QStringLiteral("dead-4")}));
    QVERIFY(!viewer.searchIndexJob()); // opened again: nothing left to store or index
}

void TestMainWindow::linkTimeline_findsGapsWithoutLiveLink()
{
    LinkTimeline timeline;
    timeline.setNowUs(10'000'000);
    timeline.setEvents({{1, 1, 1'000'000, QStringLiteral("opening"), {}},
                        {1, 1, 1'100'000, QStringLiteral("hello"), {}},
                        {1, 1, 3'000'000, QStringLiteral("disconnect"), QStringLiteral("refresh_requested")},
                        {1, 1, 4'000'000, QStringLiteral("closed"), QStringLiteral("1000")},
                        {1, 2, 5'000'000, QStringLiteral("opening"), {}},
                        {1, 2, 6'000'000, QStringLiteral("hello"), {}}});
    const auto lanes = timeline.lanes();
    QCOMPARE(lanes.size(), 2);
    QCOMPARE(lanes.first().disconnectReason, QStringLiteral("refresh_requested"));
    const auto gaps = timeline.gaps();
    QCOMPARE(gaps.size(), 1);
    QCOMPARE(gaps.first().first, 4'000'000);
    QCOMPARE(gaps.first().second, 6'000'000);
    timeline.resize(600, 80);
    QImage image(timeline.size(), QImage::Format_ARGB32);
    timeline.render(&image); // paints without crashing, lanes and gap included
}

void TestMainWindow::ackHistogram_binsAgainstDeadline()
{
    AckHistogram histogram;
    histogram.setSamples({500, 800, 2'000, 1'500'000, 3'200'000, -1});
    int total = 0;
    for (int c : histogram.bins())
        total += c;
    QCOMPARE(total, 5); // unacked (-1) is not a latency
    QCOMPARE(AckHistogram::binOf(100), 0);
    QVERIFY(AckHistogram::binOf(3'000'000) > AckHistogram::binOf(1'000'000));
    QCOMPARE(AckHistogram::binOf(100'000'000), AckHistogram::kBins - 1);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
