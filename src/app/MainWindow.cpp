#include "MainWindow.h"

#include "AboutDialog.h"
#include "EngineController.h"
#include "ExportDialog.h"
#include "ProfileConnector.h"
#include "doctor/DoctorWindow.h"
#include "secrets/SecretResolver.h"
#include "secrets/SecretStore.h"
#include "wizard/SetupWizard.h"
#include "Redaction.h"
#include "SearchIndexJob.h"
#include "models/CaptureStorePager.h"
#include "capture/JsonlImport.h"
#include "models/EnvelopeTableModel.h"
#include "profile/ProfileStore.h"
#include "ui_MainWindow.h"
#include "util/Json.h"
#include "widgets/AckHistogram.h"
#include "widgets/ColorLegend.h"
#include "widgets/ConnectionBar.h"
#include "widgets/DetailPane.h"
#include "widgets/EnvelopeTableView.h"
#include "widgets/FilterBar.h"
#include "widgets/LinkTimeline.h"
#include "widgets/MessageBar.h"

#include <QApplication>
#include <QFile>
#include <QPointer>
#include <QThread>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QComboBox>
#include <QMenu>
#include <QPushButton>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

void socketscopeInitResources();

namespace socketscope {

namespace {
constexpr int kRecentRows = 20000;

QString fmtMs(qint64 us)
{
    return us < 0 ? QStringLiteral("—") : QStringLiteral("%1 ms").arg(double(us) / 1000.0, 0, 'f', 1);
}
} // namespace

MainWindow::MainWindow(const MainWindowOptions &options, QWidget *parent)
    : QMainWindow(parent), ui(std::make_unique<Ui::MainWindow>()), m_options(options),
      m_engine(new EngineController(this)), m_secretStore(new SecretStore(this)),
      m_secretResolver(new SecretResolver(m_secretStore, this)),
      m_profileConnector(new ProfileConnector(m_secretResolver, this))
{
    socketscopeInitResources();
    ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/socketscope.svg")));
    buildLayout();
    wireActions();
    wireWorkspaceActions(); // creates the Tools menu
    buildOperatorMenus();   // adds to Tools, and the Envelope menu
    installHelpMenu(this);  // last, so Help stays rightmost
    restoreState();

    auto *statsTimer = new QTimer(this);
    statsTimer->setInterval(1000);
    connect(statsTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    statsTimer->start();
    updateStatus();

    if (!options.openCapture.isEmpty()) {
        const auto opened = openCapture(options.openCapture);
        if (!opened.ok())
            m_messages->showMessage(MessageBar::Kind::Error, opened.error().toString());
    } else if (options.demo || noProfileConfigured()) {
        QTimer::singleShot(0, this, &MainWindow::connectDemo);
    }
}

MainWindow::~MainWindow()
{
    m_indexJob.reset();
    m_engine->shutdown();
}

bool MainWindow::noProfileConfigured()
{
    return ProfileStore().names().isEmpty();
}

void MainWindow::buildLayout()
{
    auto *central = ui->centralLayout;
    m_connectionBar = new ConnectionBar(this);
    m_messages = new MessageBar(this);
    m_filterBar = new FilterBar(this);
    m_legend = new ColorLegend(this);
    central->addWidget(m_connectionBar);
    central->addWidget(m_messages);
    central->addWidget(m_filterBar);

    m_model = new EnvelopeTableModel(this);
    m_view = new EnvelopeTableView(this);
    m_view->setEnvelopeModel(m_model);
    m_detail = new DetailPane(this);
    m_timeline = new LinkTimeline(this);
    m_timeline->setObjectName(QStringLiteral("linkTimeline"));
    m_histogram = new AckHistogram(this);
    m_histogram->setObjectName(QStringLiteral("ackHistogram"));

    auto *tableBox = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(2);
    tableLayout->addWidget(m_view, 1);
    tableLayout->addWidget(m_legend);

    auto *side = new QSplitter(Qt::Vertical, this);
    side->setObjectName(QStringLiteral("sideSplitter"));
    side->addWidget(m_timeline);
    side->addWidget(m_histogram);
    side->setChildrenCollapsible(false);

    m_bottomSplitter = new QSplitter(Qt::Horizontal, this);
    m_bottomSplitter->setObjectName(QStringLiteral("bottomSplitter"));
    m_bottomSplitter->addWidget(m_detail);
    m_bottomSplitter->addWidget(side);
    m_bottomSplitter->setStretchFactor(0, 3);
    m_bottomSplitter->setStretchFactor(1, 2);

    m_mainSplitter = new QSplitter(Qt::Vertical, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(tableBox);
    m_mainSplitter->addWidget(m_bottomSplitter);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 2);
    central->addWidget(m_mainSplitter, 1);

    auto *header = m_view->horizontalHeader();
    const int widths[] = {96, 110, 120, 96, 96, 320, 70, 90, 80};
    for (int c = 0; c < EnvelopeTableModel::ColumnCount; ++c)
        header->resizeSection(c, widths[c]);

    m_rateLabel = new QLabel(this);
    m_rateLabel->setObjectName(QStringLiteral("rateLabel"));
    m_ackLabel = new QLabel(this);
    m_ackLabel->setObjectName(QStringLiteral("ackLabel"));
    m_rowsLabel = new QLabel(this);
    m_rowsLabel->setObjectName(QStringLiteral("rowsLabel"));
    m_captureLabel = new QLabel(this);
    m_captureLabel->setObjectName(QStringLiteral("captureLabel"));
    statusBar()->addWidget(m_rateLabel);
    statusBar()->addWidget(m_ackLabel);
    statusBar()->addWidget(m_rowsLabel);
    m_indexLabel = new QLabel(this);
    m_indexLabel->setObjectName(QStringLiteral("indexLabel"));
    m_indexLabel->hide();
    statusBar()->addPermanentWidget(m_indexLabel);
    statusBar()->addPermanentWidget(m_captureLabel);

    refreshProfiles();

    const bool redactorAvailable = Redaction::isAvailable();
    ui->actionCopyRedacted->setEnabled(redactorAvailable);
    if (!redactorAvailable)
        ui->actionCopyRedacted->setToolTip(tr("Redacted copy needs the capture Redactor, which is not in this build yet"));
}

void MainWindow::wireActions()
{
    connect(ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui->actionOpenCapture, &QAction::triggered, this, &MainWindow::chooseCaptureToOpen);
    connect(ui->actionExport, &QAction::triggered, this, &MainWindow::exportEnvelopes);
    connect(ui->actionCopyRedacted, &QAction::triggered, this, [this] { copySelection(true); });
    connect(ui->actionCopyUnredacted, &QAction::triggered, this, [this] { copySelection(false); });
    connect(ui->actionFocusFilter, &QAction::triggered, m_filterBar, &FilterBar::focusFilter);
    connect(ui->actionNext, &QAction::triggered, this, [this] { m_view->selectRelative(+1); });
    connect(ui->actionPrevious, &QAction::triggered, this, [this] { m_view->selectRelative(-1); });
    connect(ui->actionConnect, &QAction::triggered, this, &MainWindow::toggleConnection);
    connect(ui->actionClear, &QAction::triggered, m_model, &EnvelopeTableModel::clear);
    ui->actionNext->setShortcuts({QKeySequence(Qt::Key_J), QKeySequence(Qt::CTRL | Qt::Key_Down)});
    ui->actionPrevious->setShortcuts({QKeySequence(Qt::Key_K), QKeySequence(Qt::CTRL | Qt::Key_Up)});
    auto *slash = new QShortcut(QKeySequence(Qt::Key_Slash), this);
    connect(slash, &QShortcut::activated, m_filterBar, &FilterBar::focusFilter);
    // The table's own Ctrl+C would copy cell text unredacted; route it through the redacting action.
    m_view->addAction(ui->actionCopyRedacted);

    connect(m_connectionBar, &ConnectionBar::connectRequested, this, &MainWindow::toggleConnection);
    connect(m_connectionBar, &ConnectionBar::disconnectRequested, this, &MainWindow::toggleConnection);
    connect(m_filterBar, &FilterBar::filterChanged, m_model, &EnvelopeTableModel::setFilter);
    connect(m_model, &EnvelopeTableModel::historyError, this,
            [this](const QString &text) { m_messages->showMessage(MessageBar::Kind::Error, text); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::onSelectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_detail->clearEnvelope(); });
    connect(m_detail, &DetailPane::status, this, [this](const QString &text) { statusBar()->showMessage(text, 3000); });

    connect(m_engine, &EngineController::captureReady, this, &MainWindow::attachCapture);
    connect(m_engine, &EngineController::stateChanged, this, [this](ClientState state, const QString &detail) {
        m_connectionBar->setState(state, detail);
        const bool up = state != ClientState::Idle && state != ClientState::Stopped;
        ui->actionConnect->setText(up ? tr("&Disconnect") : tr("&Connect"));
        if (state == ClientState::Connected && m_messages->kind() != MessageBar::Kind::Error)
            m_messages->dismiss();
        if (state == ClientState::Connected && m_connectionBar->isDemo())
            showWelcome();
    });
    connect(m_engine, &EngineController::envelopesCommitted, this, &MainWindow::onEnvelopesCommitted);
    connect(m_engine, &EngineController::envelopesAcked, this, &MainWindow::onEnvelopesAcked);
    connect(m_engine, &EngineController::linkEvent, this, [this](const LinkEvent &event) {
        m_linkEvents.append(event);
        if (m_linkEvents.size() > 2000)
            m_linkEvents.remove(0, m_linkEvents.size() - 2000);
        m_timeline->addEvent(event);
    });
    connect(m_engine, &EngineController::helloReceived, this,
            [this](int, int numConnections, const QString &) { m_connectionBar->setNumConnections(numConnections); });
    connect(m_engine, &EngineController::counters, this, [this](int links, int reconnects) {
        m_connectionBar->setLiveLinks(links);
        m_connectionBar->setReconnects(reconnects);
    });
    connect(m_engine, &EngineController::warning, this,
            [this](const QString &text) { m_messages->showMessage(MessageBar::Kind::Warning, text); });
    connect(m_engine, &EngineController::deliveryUpdated, this, [this](qint64 rowId, const QString &status) {
        m_model->setDeliveryStatus(rowId, status);
        refreshDeliveries(rowId);
    });
    connect(m_engine, &EngineController::failed, this,
            [this](const QString &text) { m_messages->showMessage(MessageBar::Kind::Error, text); });
}

QString MainWindow::newCapturePath(const QString &prefix) const
{
    QString dir = m_options.captureDirectory;
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/captures");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + prefix + QLatin1Char('-')
           + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) + QStringLiteral(".sqlite");
}

void MainWindow::connectDemo()
{
    m_viewingFile = false;
    m_connectionBar->setDemo(true);
    m_engine->startDemo(newCapturePath(QStringLiteral("demo")), m_connectionBar->mode(), m_options.demoRate);
}

void MainWindow::toggleConnection()
{
    if (m_engine->isActive()) {
        m_engine->stop();
        return;
    }
    if (noProfileConfigured() || m_connectionBar->isDemo()) {
        connectDemo();
        return;
    }
    connectProfile(m_connectionBar->profileCombo()->currentData().toString());
}

void MainWindow::attachCapture(const QString &path)
{
    if (m_reader && m_reader->path() == path)
        return;
    auto opened = CaptureStore::open(path, CaptureStore::Mode::ReadOnly);
    if (!opened.ok()) {
        m_messages->showMessage(MessageBar::Kind::Error,
                                tr("Could not read the capture %1: %2").arg(path, opened.error().toString()));
        return;
    }
    m_indexJob.reset(); // the engine's own store indexes the live capture
    m_indexLabel->hide();
    m_model->setPager(nullptr);
    m_pager.reset();
    m_reader = std::move(opened).value();
    m_pager = std::make_unique<CaptureStorePager>(m_reader.get());
    m_model->setPager(m_pager.get());
    auto events = m_reader->linkEvents();
    m_linkEvents = events.ok() ? events.value() : QVector<LinkEvent>();
    m_timeline->setEvents(m_linkEvents);
    m_captureLabel->setText(QFileInfo(path).fileName());
    m_captureLabel->setToolTip(path);
}

Result<void> MainWindow::openCapture(const QString &path)
{
    if (!QFileInfo::exists(path))
        return Error{QStringLiteral("not_found"), tr("The file %1 does not exist.").arg(path), QString()};
    if (path.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive)) {
        importJsonl(path);
        return {};
    }
    auto opened = CaptureStore::open(path, CaptureStore::Mode::ReadOnly);
    if (!opened.ok())
        return opened.error();
    if (m_engine->isActive())
        m_engine->stop();
    m_viewingFile = true;
    m_model->setPager(nullptr);
    m_pager.reset();
    m_reader = std::move(opened).value();
    m_pager = std::make_unique<CaptureStorePager>(m_reader.get());
    m_stats.clear();
    m_model->setPager(m_pager.get());
    auto events = m_reader->linkEvents();
    m_linkEvents = events.ok() ? events.value() : QVector<LinkEvent>();
    m_timeline->setEvents(m_linkEvents);
    QVector<qint64> latencies;
    for (int row = 0; row < m_model->rowCount(); ++row)
        latencies.append(m_model->envelopeAt(row).ackLatencyUs());
    m_histogram->setSamples(latencies);
    m_captureLabel->setText(QFileInfo(path).fileName());
    m_captureLabel->setToolTip(path);
    m_messages->showMessage(MessageBar::Kind::Info, tr("Viewing %1 (read-only).").arg(QFileInfo(path).fileName()));
    indexViewedCapture(path);
    return {};
}

void MainWindow::indexViewedCapture(const QString &path)
{
    m_indexJob.reset();
    m_indexLabel->hide();
    const Result<qint64> backlog = m_reader->searchIndexBacklog();
    // Acked envelopes of a session that died wait in the ack journal; the job's read-write open stores them.
    const qint64 waiting = m_reader->waitingInJournal();
    if ((!backlog || *backlog == 0) && waiting == 0)
        return;
    // Indexing writes to the file; viewing an older capture must not upgrade its schema on the side.
    if (m_reader->schemaVersion() != CaptureStore::kSchemaVersion || !QFileInfo(path).isWritable()) {
        if (waiting > 0) {
            m_messages->showMessage(
                MessageBar::Kind::Warning,
                tr("%n envelope(s) acknowledged by a session that stopped abruptly are not in this view: they wait in "
                   "the capture's ack journal, and this file cannot be written here. Open it for writing once (for "
                   "example with socketscope-cli index) to store them.",
                   nullptr, int(std::min<qint64>(waiting, INT_MAX))));
        }
        if (backlog && *backlog > 0) {
            statusBar()->showMessage(tr("Search scans the %n envelope(s) of this capture that are not indexed yet "
                                        "(the file cannot be indexed here).",
                                        nullptr, int(std::min<qint64>(*backlog, INT_MAX))),
                                     10000);
        }
        return;
    }
    if (waiting > 0) {
        m_messages->showMessage(MessageBar::Kind::Warning,
                                tr("%n envelope(s) acknowledged by a session that stopped abruptly wait in the "
                                   "capture's ack journal. They are being stored and appear when that is done.",
                                   nullptr, int(std::min<qint64>(waiting, INT_MAX))));
    }
    m_indexJob = std::make_unique<SearchIndexJob>(path);
    m_indexLabel->setText(tr("Indexing for search…"));
    m_indexLabel->setToolTip(tr("Searches find every envelope meanwhile; those not indexed yet are scanned."));
    m_indexLabel->show();
    connect(m_indexJob.get(), &SearchIndexJob::progress, this, [this](qint64 indexed, qint64 total) {
        m_indexLabel->setText(tr("Indexing for search: %1 %").arg(total > 0 ? indexed * 100 / total : 100));
    });
    connect(m_indexJob.get(), &SearchIndexJob::finished, this, [this, path, waiting](bool complete, const QString &problem) {
        m_indexLabel->hide();
        if (complete && waiting > 0) {
            // The view shows the file as it was opened: open it again, once the job has let go of it.
            QTimer::singleShot(0, this, [this, path, waiting] {
                if (m_reader && m_reader->path() == path && openCapture(path).ok()) {
                    statusBar()->showMessage(tr("Stored %n envelope(s) from the capture's ack journal.", nullptr,
                                                int(std::min<qint64>(waiting, INT_MAX))),
                                             10000);
                }
            });
        } else if (complete) {
            statusBar()->showMessage(tr("Search index ready."), 5000);
        }
        else if (!problem.isEmpty())
            m_messages->showMessage(MessageBar::Kind::Warning,
                                    tr("Could not index this capture for search; search still finds every "
                                       "envelope, more slowly. %1").arg(problem));
    });
    m_indexJob->start();
}

void MainWindow::importJsonl(const QString &path)
{
    // JSONL goes into a new capture file through JsonlImport, in a worker thread (files can be large).
    const QString target = newCapturePath(QFileInfo(path).completeBaseName());
    m_messages->showMessage(MessageBar::Kind::Info, tr("Importing %1…").arg(QFileInfo(path).fileName()));
    QPointer<MainWindow> self(this);
    QThread *thread = QThread::create([self, path, target] {
        QString error;
        QString summary;
        auto store = CaptureStore::open(target, CaptureStore::Mode::ReadWrite);
        QFile in(path);
        if (!store.ok()) {
            error = store.error().toString();
        } else if (!in.open(QIODevice::ReadOnly)) {
            error = tr("Could not read %1: %2").arg(path, in.errorString());
        } else {
            auto report = JsonlImport::read(*store.value(), in, QFileInfo(path).fileName());
            if (!report.ok())
                error = report.error().toString();
            else
                summary = tr("Imported %1 envelope(s) from %2%3")
                              .arg(report->imported)
                              .arg(QFileInfo(path).fileName(),
                                   report->skipped ? tr(", %1 line(s) skipped").arg(report->skipped) : QString());
        }
        store = Error{}; // close the writer before the GUI opens the file read-only
        QMetaObject::invokeMethod(qApp, [self, target, error, summary] {
            if (!self)
                return;
            if (!error.isEmpty()) {
                self->m_messages->showMessage(MessageBar::Kind::Error, error);
                return;
            }
            const auto opened = self->openCapture(target);
            if (!opened.ok())
                self->m_messages->showMessage(MessageBar::Kind::Error, opened.error().toString());
            else
                self->m_messages->showMessage(MessageBar::Kind::Info, summary);
            Q_EMIT self->jsonlImported(target);
        });
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void MainWindow::chooseCaptureToOpen()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open capture"), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
        tr("Captures (*.sqlite *.db *.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    const auto opened = openCapture(path);
    if (!opened.ok())
        m_messages->showMessage(MessageBar::Kind::Error, opened.error().toString());
}

void MainWindow::onEnvelopesCommitted(const QVector<Envelope> &envelopes)
{
    if (m_viewingFile)
        return;
    m_model->appendLive(envelopes);
    m_stats.addEnvelopes(static_cast<int>(envelopes.size()), json::nowUs());
    for (const Envelope &e : envelopes) {
        if (e.ackedUs > 0) {
            m_stats.addAckLatency(e.ackLatencyUs());
            continue;
        }
        m_receivedByRow.insert(e.rowId, e.receivedUs);
        m_receivedOrder.push_back(e.rowId);
        if (m_receivedOrder.size() > static_cast<size_t>(kRecentRows)) {
            m_receivedByRow.remove(m_receivedOrder.front());
            m_receivedOrder.pop_front();
        }
    }
}

void MainWindow::onEnvelopesAcked(const QVector<AckUpdate> &acks)
{
    if (m_viewingFile)
        return;
    m_model->applyAcks(acks);
    for (const AckUpdate &ack : acks) {
        const auto it = m_receivedByRow.constFind(ack.rowId);
        if (it != m_receivedByRow.constEnd())
            m_stats.addAckLatency(ack.ackedUs - it.value());
    }
}

void MainWindow::onSelectionChanged()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_pager) {
        m_detail->clearEnvelope();
        return;
    }
    const Envelope &lean = m_model->envelopeAt(current.row());
    auto full = m_pager->full(lean.rowId); // one row by primary key
    if (!full.ok()) {
        m_messages->showMessage(MessageBar::Kind::Error, full.error().toString());
        return;
    }
    Envelope e = full.value();
    if (e.ackedUs == 0)
        e.ackedUs = lean.ackedUs; // the ack may not be written yet (it rides with the next commit)
    m_detail->setEnvelope(e, m_linkEvents);
    refreshDeliveries(e.rowId);
}

QVector<qint64> MainWindow::selectedRowIds() const
{
    QVector<qint64> ids;
    const auto rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids.append(m_model->envelopeAt(index.row()).rowId);
    std::sort(ids.begin(), ids.end());
    return ids;
}

void MainWindow::copySelection(bool redacted)
{
    const QVector<qint64> ids = selectedRowIds();
    if (ids.isEmpty() || !m_pager)
        return;
    if (redacted && !Redaction::isAvailable()) {
        m_messages->showMessage(MessageBar::Kind::Warning, tr("Redacted copy is not available in this build."));
        return;
    }
    if (!redacted) {
        const auto answer = QMessageBox::question(
            this, tr("Copy unredacted?"),
            tr("The copy will contain response_url, trigger_id and any tokens in the payload. Anyone who gets "
               "them can post as the app or open modals. Copy %n envelope(s) unredacted?", nullptr,
               static_cast<int>(ids.size())),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    QStringList lines;
    for (qint64 id : ids) {
        auto e = m_pager->full(id);
        if (!e.ok())
            continue;
        if (redacted) {
            const auto masked = Redaction::redactFrame(e->raw);
            if (!masked)
                return;
            lines.append(QString::fromUtf8(*masked));
        } else {
            lines.append(QString::fromUtf8(e->raw));
        }
    }
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
    statusBar()->showMessage(redacted ? tr("Copied %n envelope(s), redacted", nullptr, static_cast<int>(lines.size()))
                                      : tr("Copied %n envelope(s), unredacted", nullptr, static_cast<int>(lines.size())),
                             3000);
}

void MainWindow::exportEnvelopes()
{
    if (!m_pager || !m_reader) {
        m_messages->showMessage(MessageBar::Kind::Warning, tr("Nothing to export yet: no capture is open."));
        return;
    }
    ExportDialog dialog(m_reader.get(), m_model->filter(), selectedRowIds(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_messages->showMessage(MessageBar::Kind::Info, dialog.resultText());
}

void MainWindow::selectEnvelopeForScreenshot()
{
    for (int row = m_model->rowCount() - 3; row >= 0; --row) {
        if (m_model->envelopeAt(row).type == QLatin1String("slash_commands")) {
            m_view->setCurrentIndex(m_model->index(row, 0));
            m_view->selectRow(row);
            m_detail->treeView()->expandAll();
            return;
        }
    }
}

QString MainWindow::statusText() const
{
    return m_rateLabel->text() + QStringLiteral(" | ") + m_ackLabel->text() + QStringLiteral(" | ")
           + m_rowsLabel->text();
}

QString MainWindow::currentCapturePath() const
{
    return m_reader ? m_reader->path() : QString();
}

void MainWindow::updateStatus()
{
    const qint64 now = json::nowUs();
    m_rateLabel->setText(tr("Rate: %1 env/s").arg(m_stats.ratePerSecond(now), 0, 'f', 1));
    m_ackLabel->setText(tr("Ack p50 %1 · p99 %2").arg(fmtMs(m_stats.percentileUs(0.5)), fmtMs(m_stats.percentileUs(0.99))));
    if (m_model->rowCount() == 0)
        m_view->setEmptyText(!m_model->filter().isEmpty() ? tr("No envelopes match the filter.")
                             : m_engine->isActive()     ? tr("Connected. Waiting for envelopes…\nRun a /nautobot command "
                                                             "in Slack, or use the demo workspace's simulator traffic.")
                                                        : tr("No envelopes. Connect (Ctrl+K) or open a capture (Ctrl+O)."));
    m_rowsLabel->setText(tr("Rows: %1%2%3")
                             .arg(m_model->rowCount())
                             .arg(m_model->liveFilteredOut() > 0
                                      ? tr(" (%1 live filtered out)").arg(m_model->liveFilteredOut())
                                      : QString(),
                                  m_model->hasOlder() ? tr(" · older rows: scroll to the top") : QString())
                             + (m_model->isDetachedFromTail()
                                    ? tr(" · %1 newer envelope(s) not shown while viewing older history (change "
                                         "the filter to return to the tail)").arg(m_model->liveNotShown())
                                    : QString()));
    if (!m_viewingFile)
        m_histogram->setSamples(m_stats.latencies());
    m_timeline->update();
}

void MainWindow::restoreState()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    if (settings.contains(QStringLiteral("geometry")))
        restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    QMainWindow::restoreState(settings.value(QStringLiteral("state")).toByteArray());
    if (settings.contains(QStringLiteral("tableHeader")))
        m_view->horizontalHeader()->restoreState(settings.value(QStringLiteral("tableHeader")).toByteArray());
    m_mainSplitter->restoreState(settings.value(QStringLiteral("mainSplitter")).toByteArray());
    m_bottomSplitter->restoreState(settings.value(QStringLiteral("bottomSplitter")).toByteArray());
    settings.endGroup();
}

void MainWindow::saveState()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), QMainWindow::saveState());
    settings.setValue(QStringLiteral("tableHeader"), m_view->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("bottomSplitter"), m_bottomSplitter->saveState());
    settings.endGroup();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    m_indexJob.reset();
    m_engine->shutdown();
    event->accept();
}

// ---- workspaces: setup wizard, doctor, profile connections ----

void MainWindow::wireWorkspaceActions()
{
    m_setupAction = new QAction(tr("&Set up workspace…"), this);
    m_setupAction->setObjectName(QStringLiteral("actionSetupWorkspace"));
    m_editProfileAction = new QAction(tr("&Edit profile…"), this);
    m_editProfileAction->setObjectName(QStringLiteral("actionEditProfile"));
    m_doctorAction = new QAction(tr("&Doctor…"), this);
    m_doctorAction->setObjectName(QStringLiteral("actionDoctor"));
    m_doctorAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    ui->menuConnection->addSeparator();
    ui->menuConnection->addAction(m_setupAction);
    ui->menuConnection->addAction(m_editProfileAction);
    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(QStringLiteral("menuTools"));
    tools->addAction(m_doctorAction);
    connect(m_setupAction, &QAction::triggered, this, [this] { openSetupWizard(); });
    connect(m_editProfileAction, &QAction::triggered, this, [this] { openEditProfile(); });
    m_editProfileAction->setEnabled(!noProfileConfigured());
    connect(m_doctorAction, &QAction::triggered, this, [this] { openDoctor(); });
    connect(m_connectionBar, &ConnectionBar::profileSelected, this, [this](const QString &name) {
        if (name.isEmpty()) {
            m_connectionBar->setDemo(true);
            return;
        }
        ProfileStore store;
        const auto current = store.setCurrent(name);
        if (!current) {
            m_messages->showMessage(MessageBar::Kind::Error, current.error().toString());
            return;
        }
        m_connectionBar->setDemo(false);
        m_messages->dismiss();
    });
}

void MainWindow::refreshProfiles()
{
    ProfileStore store;
    const bool demo = m_connectionBar->isDemo() || store.names().isEmpty();
    m_connectionBar->setProfiles(store.names(), demo ? QString() : store.currentName());
    if (m_editProfileAction)
        m_editProfileAction->setEnabled(!store.names().isEmpty());
}

void MainWindow::showWelcome()
{
    if (m_welcomeShown || !noProfileConfigured())
        return;
    m_welcomeShown = true;
    m_messages->showMessage(MessageBar::Kind::Info,
                            tr("You are watching the demo workspace: the built-in simulator. Set up a workspace to "
                               "connect to your own Slack app and Nautobot."),
                            m_setupAction);
}

SetupWizard *MainWindow::openSetupWizard()
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    auto *store = new ProfileStore(QString(), nullptr);
    auto *wizard = new SetupWizard(store, m_secretStore, this);
    store->setParent(wizard);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &SetupWizard::profileSaved, this, [this](const QString &name) {
        if (m_connectionBar->isDemo() && !m_engine->isActive())
            m_connectionBar->setDemo(false);
        if (!m_engine->isActive())
            m_connectionBar->setDemo(false);
        refreshProfiles();
        m_messages->showMessage(MessageBar::Kind::Info,
                                tr("Profile \"%1\" saved. Connect (Ctrl+K) to open its Socket Mode connection.")
                                    .arg(name));
    });
    m_wizard = wizard;
    wizard->show();
    return wizard;
}

SetupWizard *MainWindow::openEditProfile()
{
    ProfileStore store;
    QString name = m_connectionBar->profileCombo()->currentData().toString();
    if (name.isEmpty())
        name = store.currentName();
    const auto profile = store.profile(name);
    if (!profile) {
        m_messages->showMessage(MessageBar::Kind::Warning, tr("No profile to edit yet. Set up a workspace first."),
                                m_setupAction);
        return nullptr;
    }
    if (m_wizard)
        m_wizard->close();
    SetupWizard *wizard = openSetupWizard();
    wizard->editProfile(profile.value());
    return wizard;
}

DoctorWindow *MainWindow::openDoctor()
{
    ProfileStore store;
    QString name = m_connectionBar->profileCombo()->currentData().toString();
    if (name.isEmpty())
        name = store.currentName();
    const auto profile = store.profile(name);
    if (!profile) {
        m_messages->showMessage(MessageBar::Kind::Warning,
                                tr("The doctor checks a workspace profile, and there is none yet (the demo "
                                   "workspace needs no checks)."),
                                m_setupAction);
        return nullptr;
    }
    if (!m_doctorWindow) {
        m_doctorWindow = new DoctorWindow(m_secretResolver, this);
        m_doctorWindow->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_doctorWindow->show();
    m_doctorWindow->raise();
    m_doctorWindow->runFor(profile.value());
    return m_doctorWindow;
}

void MainWindow::connectProfile(const QString &name)
{
    const auto profile = ProfileStore().profile(name);
    if (!profile) {
        m_messages->showMessage(MessageBar::Kind::Error, profile.error().toString());
        return;
    }
    const QString mode = m_connectionBar->mode();
    const quint64 serial = ++m_connectSerial;
    m_connectionBar->connectButton()->setEnabled(false);
    statusBar()->showMessage(tr("Reading the secrets of profile \"%1\"…").arg(name));
    m_profileConnector->prepare(profile.value(), mode, this, [this, name, serial](Result<ClientOptions> options) {
        if (serial != m_connectSerial)
            return;
        m_connectionBar->connectButton()->setEnabled(true);
        statusBar()->clearMessage();
        if (!options) {
            m_messages->showMessage(MessageBar::Kind::Error, options.error().toString());
            return;
        }
        if (m_engine->isActive())
            return; // the operator started something else meanwhile
        m_viewingFile = false;
        m_engine->start(newCapturePath(name), options.value());
    });
}

} // namespace socketscope
