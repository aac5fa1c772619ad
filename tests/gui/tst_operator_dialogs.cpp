// The operator's dialogs (replay, answer composer, REST console) driven offscreen against the
// simulators over real sockets, plus the main window's Deliveries tab in the demo workspace.
#include "support/CaptureHarness.h"
#include "support/NautobotHarness.h"
#include "EngineController.h"
#include "MainWindow.h"
#include "answers/ResponseUrlSender.h"
#include "dialogs/AnswerDialog.h"
#include "dialogs/ReplayDialog.h"
#include "dialogs/RestConsoleDialog.h"
#include "models/DeliveryTableModel.h"
#include "models/EnvelopeTableModel.h"
#include "models/ResultTableModel.h"
#include "profile/ProfileStore.h"
#include "widgets/ConnectionBar.h"
#include "widgets/DetailPane.h"
#include "widgets/EnvelopeTableView.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace socketscope;
using sim::EnvelopeKind;

class TestOperatorDialogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void replay_editedAndConfirmed_reachesChatOpsAndDeliveries();
    void replay_wrongSecret_shows401Meaning();
    void replay_payloadJsonError_inlineWithPosition_sendDisabled();
    void composer_invalidBlockKit_showsErrorAndDisablesSend();
    void composer_textAnswers_reachResponseUrl_budgetCountsDown_sixthRefused();
    void composer_answerFromNautobot_fillsTable_useAsReply();
    void restConsole_get_showsTable_patchRefusedWithoutConfirmation();
    void mainWindow_demo_replayShowsInDeliveriesTabAndDeliveryColumn();

private:
    OperatorEndpoints endpoints() const;
    Envelope capture(EnvelopeKind kind, const QString &id, const QString &text = QString());

    QTemporaryDir m_dir;
    std::unique_ptr<NautobotHarness> m_h;
    std::unique_ptr<CaptureStore> m_store;
    int m_seq = 0;
};

void TestOperatorDialogs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SocketScopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_operator_dialogs"));
    QSettings().clear();
    QFile::remove(ProfileStore::defaultSettingsPath());
    QVERIFY(m_dir.isValid());
}

void TestOperatorDialogs::init()
{
    m_h = std::make_unique<NautobotHarness>();
    QVERIFY(m_h->start());
    m_store = openCapture(m_dir.filePath(QStringLiteral("cap-%1.sqlite").arg(++m_seq)));
    QVERIFY(m_store);
}

void TestOperatorDialogs::cleanup()
{
    m_store.reset();
    m_h.reset();
}

OperatorEndpoints TestOperatorDialogs::endpoints() const
{
    OperatorEndpoints e;
    e.nautobotUrl = m_h->nautobot.baseUrl();
    e.nautobotToken = m_h->nautobot.config().token;
    e.signingSecret = m_h->nautobot.config().signingSecret;
    e.slackApiUrl = m_h->slack.apiUrl();
    e.botToken = m_h->slack.config().botToken;
    e.origin = QStringLiteral("test simulator");
    return e;
}

Envelope TestOperatorDialogs::capture(EnvelopeKind kind, const QString &id, const QString &text)
{
    QByteArray frame = m_h->frame(kind, id);
    if (!text.isNull()) {
        QJsonObject root = QJsonDocument::fromJson(frame).object();
        QJsonObject payload = root.value(QStringLiteral("payload")).toObject();
        payload.insert(QStringLiteral("text"), text);
        root.insert(QStringLiteral("payload"), payload);
        frame = QJsonDocument(root).toJson(QJsonDocument::Compact);
    }
    return captureFrame(*m_store, frame);
}

void TestOperatorDialogs::replay_editedAndConfirmed_reachesChatOpsAndDeliveries()
{
    const Envelope e = capture(EnvelopeKind::SlashCommand, QStringLiteral("env-replay"), QStringLiteral("get-devices"));
    QVERIFY(e.rowId > 0);
    const QString responseUrl = ResponseUrlSender::responseUrlOf(e).value();

    ReplayDialog dialog(e, m_store.get(), endpoints());
    dialog.show();
    QVERIFY(dialog.hasPlan());
    QVERIFY2(dialog.warningsText().contains(QStringLiteral("really runs the command")), qPrintable(dialog.warningsText()));
    QVERIFY(dialog.requestText().startsWith(QStringLiteral("POST ")));
    QVERIFY(!dialog.requestText().contains(responseUrl));          // masked
    QVERIFY(!dialog.payloadEdit()->toPlainText().contains(responseUrl)); // the editor shows no secret either
    QCOMPARE(dialog.commandEdit()->text(), QStringLiteral("get-devices"));

    // Edit the command: re-planned and re-signed.
    dialog.commandEdit()->setText(QStringLiteral("get-devices location ams01"));
    dialog.replanNow();
    QVERIFY2(dialog.requestText().contains(QStringLiteral("ams01")), qPrintable(dialog.requestText()));
    QVERIFY(dialog.warningsText().contains(QStringLiteral("edited"), Qt::CaseInsensitive));

    // Send stays disabled until the operator confirms.
    QVERIFY(!dialog.sendButton()->isEnabled());
    dialog.confirmBox()->setChecked(true);
    QVERIFY(dialog.sendButton()->isEnabled());
    QSignalSpy recorded(&dialog, &ReplayDialog::deliveryRecorded);
    const int logBefore = static_cast<int>(m_h->nautobot.commandLog().size());
    QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
    QVERIFY(dialog.isBusy() || !dialog.resultText().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 10000);
    QVERIFY2(dialog.resultText().contains(QStringLiteral("HTTP 200")), qPrintable(dialog.resultText()));
    QVERIFY(!dialog.confirmBox()->isChecked()); // one send per confirmation
    QVERIFY(!dialog.sendButton()->isEnabled());
    QCOMPARE(recorded.count(), 1);
    QCOMPARE(recorded.first().first().toLongLong(), e.rowId);

    // The edited command reached the simulated ChatOps.
    QTRY_VERIFY_WITH_TIMEOUT(m_h->nautobot.commandLog().size() > logBefore, 10000);
    const QJsonObject row = m_h->nautobot.commandLog().last();
    QCOMPARE(row.value(QStringLiteral("subcommand")).toString(), QStringLiteral("get-devices"));
    QVERIFY2(QJsonDocument(row).toJson().contains("ams01"), QJsonDocument(row).toJson().constData());

    // The delivery shows in the Deliveries tab.
    DetailPane pane;
    QAbstractItemModelTester tester(pane.deliveriesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    pane.setEnvelope(e, {});
    pane.setDeliveries(m_store->deliveries(e.rowId).value());
    DeliveryTableModel *model = pane.deliveriesModel();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, DeliveryTableModel::Kind).data().toString(), QStringLiteral("replay"));
    QCOMPARE(model->index(0, DeliveryTableModel::Status).data().toString(), QStringLiteral("200"));
    QVERIFY(model->index(0, DeliveryTableModel::Latency).data().toString().endsWith(QStringLiteral(" ms")));
    QVERIFY(pane.tabText(DetailPane::DeliveriesTab).contains(QStringLiteral("(1)")));
    QVERIFY(!m_store->envelope(e.rowId)->deliveryStatus.isEmpty());
}

void TestOperatorDialogs::replay_wrongSecret_shows401Meaning()
{
    const Envelope e = capture(EnvelopeKind::SlashCommand, QStringLiteral("env-401"));
    OperatorEndpoints wrong = endpoints();
    wrong.signingSecret = QByteArrayLiteral("0123456789abcdef0123456789abcdef");
    ReplayDialog dialog(e, m_store.get(), wrong);
    dialog.confirmBox()->setChecked(true);
    QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.resultText().contains(QStringLiteral("HTTP 401")), 10000);
    QVERIFY2(dialog.resultText().contains(QStringLiteral("signing secret"), Qt::CaseInsensitive),
             qPrintable(dialog.resultText()));
    QVERIFY(!dialog.resultText().contains(QString::fromLatin1(wrong.signingSecret)));
}

void TestOperatorDialogs::replay_payloadJsonError_inlineWithPosition_sendDisabled()
{
    const Envelope e = capture(EnvelopeKind::BlockActions, QStringLiteral("env-json"));
    ReplayDialog dialog(e, m_store.get(), endpoints());
    QVERIFY(dialog.hasPlan());
    dialog.confirmBox()->setChecked(true);
    QVERIFY(dialog.sendButton()->isEnabled());
    dialog.payloadEdit()->setPlainText(QStringLiteral("{\"type\": \"block_actions\",\n  \"user\": }"));
    dialog.replanNow();
    QVERIFY2(dialog.editErrorText().contains(QStringLiteral("line 2")), qPrintable(dialog.editErrorText()));
    QVERIFY(!dialog.sendButton()->isEnabled());
    QVERIFY(!dialog.hasPlan());
}

void TestOperatorDialogs::composer_invalidBlockKit_showsErrorAndDisablesSend()
{
    const Envelope e = capture(EnvelopeKind::SlashCommand, QStringLiteral("env-bk"));
    AnswerDialog dialog(e, m_store.get(), endpoints());
    dialog.show();
    dialog.textEdit()->setPlainText(QStringLiteral("Looking into it"));
    dialog.revalidateNow();
    QVERIFY(dialog.errorText().isEmpty());
    QVERIFY(dialog.sendButton()->isEnabled());
    QVERIFY(dialog.previewText().contains(QStringLiteral("Looking into it")));

    dialog.formatTabs()->setCurrentIndex(1);
    dialog.blockKitEdit()->setPlainText(QStringLiteral("{\"blocks\": [{\"text\": {\"type\": \"mrkdwn\", \"text\": \"x\"}}]}"));
    dialog.revalidateNow();
    QVERIFY2(dialog.errorText().contains(QStringLiteral("type"), Qt::CaseInsensitive), qPrintable(dialog.errorText()));
    QVERIFY(!dialog.sendButton()->isEnabled());

    dialog.blockKitEdit()->setPlainText(QStringLiteral("[{\"type\": \"section\", \"text\": {\"type\": \"mrkdwn\", \"text\": \"*ok*\"}}]"));
    dialog.revalidateNow();
    QVERIFY(dialog.errorText().isEmpty());
    QVERIFY(dialog.sendButton()->isEnabled());
}

void TestOperatorDialogs::composer_textAnswers_reachResponseUrl_budgetCountsDown_sixthRefused()
{
    const Envelope e = capture(EnvelopeKind::SlashCommand, QStringLiteral("env-answer"));
    AnswerDialog dialog(e, m_store.get(), endpoints());
    QSignalSpy recorded(&dialog, &AnswerDialog::deliveryRecorded);
    QVERIFY(dialog.responseUrlButton()->isChecked());
    QVERIFY2(dialog.budgetText().startsWith(QStringLiteral("uses left 5 of 5 · ")), qPrintable(dialog.budgetText()));
    QVERIFY(dialog.budgetText().contains(QStringLiteral("min left")));
    dialog.inChannelButton()->setChecked(true);
    dialog.textEdit()->setPlainText(QStringLiteral("Answered by hand"));
    dialog.revalidateNow();
    for (int i = 1; i <= 5; ++i) {
        const int posts = static_cast<int>(m_h->slack.responseUrlPostLog().size());
        QVERIFY2(dialog.sendButton()->isEnabled(), qPrintable(dialog.sendButton()->toolTip()));
        QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 10000);
        QVERIFY2(dialog.resultText().contains(QStringLiteral("HTTP 200")), qPrintable(dialog.resultText()));
        QCOMPARE(m_h->slack.responseUrlPostLog().size(), posts + 1);
        QVERIFY(m_h->slack.responseUrlPostLog().last().body.contains("Answered by hand"));
        QVERIFY(m_h->slack.responseUrlPostLog().last().body.contains("in_channel"));
        QVERIFY2(dialog.budgetText().startsWith(QStringLiteral("uses left %1 of 5").arg(5 - i)),
                 qPrintable(dialog.budgetText()));
    }
    QCOMPARE(recorded.count(), 5);
    // The sixth is refused before anything is sent: Send is disabled, with the reason.
    QVERIFY(!dialog.sendButton()->isEnabled());
    QVERIFY(!dialog.sendButton()->toolTip().isEmpty());
    QVERIFY2(dialog.budgetText().contains(QStringLiteral("—")), qPrintable(dialog.budgetText()));
    const int posts = static_cast<int>(m_h->slack.responseUrlPostLog().size());
    QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
    QTest::qWait(200);
    QCOMPARE(m_h->slack.responseUrlPostLog().size(), posts);
    QCOMPARE(m_store->deliveries(e.rowId)->size(), 5);
}

void TestOperatorDialogs::composer_answerFromNautobot_fillsTable_useAsReply()
{
    const Envelope e = capture(EnvelopeKind::SlashCommand, QStringLiteral("env-nb"), QStringLiteral("get-devices location ams01"));
    AnswerDialog dialog(e, m_store.get(), endpoints());
    QAbstractItemModelTester tester(dialog.resultModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(dialog.fromNautobotButton()->isEnabled());
    QVERIFY(!dialog.useAsReplyButton()->isEnabled());
    QTest::mouseClick(dialog.fromNautobotButton(), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(dialog.useAsReplyButton()->isEnabled(), qPrintable(dialog.nautobotStatusText()), 10000);
    QCOMPARE(dialog.resultModel()->rowCount(), m_h->nautobot.config().devicesPerLocation);
    QVERIFY(dialog.resultModel()->columnCount() >= 2);
    const QString firstDevice = dialog.resultModel()->index(0, 0).data().toString();
    QVERIFY(!firstDevice.isEmpty());

    QTest::mouseClick(dialog.useAsReplyButton(), Qt::LeftButton);
    QCOMPARE(dialog.formatTabs()->currentIndex(), 1);
    QVERIFY(dialog.blockKitEdit()->toPlainText().contains(QStringLiteral("\"blocks\"")));
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    QVERIFY(dialog.previewText().contains(firstDevice));
    QVERIFY(dialog.sendButton()->isEnabled());
}

void TestOperatorDialogs::restConsole_get_showsTable_patchRefusedWithoutConfirmation()
{
    RestConsoleDialog console(endpoints());
    QAbstractItemModelTester tester(console.resultModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    console.show();
    console.requestEdit()->setText(QStringLiteral("GET /api/dcim/devices/?location=ams01"));
    QTest::mouseClick(console.runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!console.isBusy() && console.resultModel()->rowCount() > 0, 10000);
    QVERIFY2(console.statusText().contains(QStringLiteral("HTTP 200")), qPrintable(console.statusText()));
    QVERIFY(console.resultModel()->rowCount() < m_h->nautobot.deviceCount()); // filtered to one location
    const QJsonObject list = QJsonDocument::fromJson(console.rawText().toUtf8()).object();
    const QJsonObject device = list.value(QStringLiteral("results")).toArray().first().toObject();
    const QString id = device.value(QStringLiteral("id")).toString();
    const QString display = device.value(QStringLiteral("display")).toString();
    QVERIFY(!id.isEmpty() && !display.isEmpty());

    // PATCH with the wrong name typed: refused, nothing changed.
    console.requestEdit()->setText(QStringLiteral("PATCH /api/dcim/devices/%1/").arg(id));
    console.bodyEdit()->setPlainText(QStringLiteral("{\"serial\": \"CHANGED-BY-TEST\"}"));
    QTest::mouseClick(console.runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(console.confirmationDialog() != nullptr, 10000);
    QDialog *confirm = console.confirmationDialog();
    confirm->findChild<QLineEdit *>(QStringLiteral("restConfirmField"))->setText(QStringLiteral("not-the-device"));
    confirm->accept();
    QTRY_VERIFY_WITH_TIMEOUT(console.statusText().startsWith(QStringLiteral("Refused")), 10000);

    // Cancelled: refused too.
    QTest::mouseClick(console.runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(console.confirmationDialog() != nullptr && console.confirmationDialog() != confirm, 10000);
    console.confirmationDialog()->reject();
    QTRY_VERIFY(console.statusText().contains(QStringLiteral("not confirmed")));

    console.requestEdit()->setText(QStringLiteral("GET /api/dcim/devices/%1/").arg(id));
    QTest::mouseClick(console.runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!console.isBusy() && console.statusText().contains(QStringLiteral("HTTP 200")), 10000);
    QVERIFY(console.rawText().contains(id));
    QVERIFY(!console.rawText().contains(QStringLiteral("CHANGED-BY-TEST")));

    // Typed correctly: it goes through.
    console.requestEdit()->setText(QStringLiteral("PATCH /api/dcim/devices/%1/").arg(id));
    QTest::mouseClick(console.runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(console.confirmationDialog() != nullptr, 10000);
    console.confirmationDialog()->findChild<QLineEdit *>(QStringLiteral("restConfirmField"))->setText(display);
    console.confirmationDialog()->accept();
    QTRY_VERIFY_WITH_TIMEOUT(console.rawText().contains(QStringLiteral("CHANGED-BY-TEST")), 10000);
}

void TestOperatorDialogs::mainWindow_demo_replayShowsInDeliveriesTabAndDeliveryColumn()
{
    MainWindowOptions options;
    options.demo = true;
    options.demoRate = 10;
    options.captureDirectory = m_dir.path();
    MainWindow window(options);
    window.resize(1200, 800);
    window.show();
    QVERIFY(window.replayAction() && window.answerAction() && window.restConsoleAction());
    QCOMPARE(window.replayAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
    QCOMPARE(window.answerAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    QVERIFY(window.envelopeView()->actions().contains(window.replayAction()));
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionBar()->state(), ClientState::Connected, 15000);
    QTRY_VERIFY(window.engine()->demoEndpoints().has_value());
    int row = -1;
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        for (int r = 0; r < window.envelopeModel()->rowCount(); ++r)
            if (window.envelopeModel()->envelopeAt(r).type == QLatin1String("slash_commands"))
                return (row = r) >= 0;
        return false;
    }(), 15000);
    const qint64 rowId = window.envelopeModel()->envelopeAt(row).rowId;
    // Stop the traffic so the row stays put while the replay runs.
    window.toggleConnection();
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionBar()->state(), ClientState::Stopped, 10000);
    for (int r = 0; r < window.envelopeModel()->rowCount(); ++r)
        if (window.envelopeModel()->envelopeAt(r).rowId == rowId)
            row = r;
    window.envelopeView()->setCurrentIndex(window.envelopeModel()->index(row, 0));
    QTRY_VERIFY(window.detailPane()->hasEnvelope());
    QCOMPARE(window.detailPane()->deliveriesModel()->rowCount(), 0);

    window.replayAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.replayDialog() != nullptr, 5000);
    ReplayDialog *dialog = window.replayDialog();
    QVERIFY2(dialog->warningsText().contains(QStringLiteral("really runs")), qPrintable(dialog->warningsText()));
    QVERIFY(!dialog->sendButton()->isEnabled());
    dialog->confirmBox()->setChecked(true);
    QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->resultText().contains(QStringLiteral("HTTP 200")), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(window.detailPane()->deliveriesModel()->rowCount(), 1, 5000);
    QCOMPARE(window.detailPane()->deliveriesModel()->index(0, DeliveryTableModel::Kind).data().toString(),
             QStringLiteral("replay"));
    QVERIFY(!window.envelopeModel()->index(row, EnvelopeTableModel::Delivery).data().toString().isEmpty());
    dialog->close();

    // The answer composer opens on the same row, with the demo's response_url budget.
    window.answerAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.answerDialog() != nullptr, 5000);
    QVERIFY2(window.answerDialog()->budgetText().startsWith(QStringLiteral("uses left")),
             qPrintable(window.answerDialog()->budgetText()));
    window.answerDialog()->close();
}

QTEST_MAIN(TestOperatorDialogs)
#include "tst_operator_dialogs.moc"
