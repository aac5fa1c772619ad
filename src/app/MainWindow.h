#pragma once

#include "capture/CaptureStore.h"
#include "models/LiveStats.h"
#include "slack/SocketModeClient.h"

#include "dialogs/OperatorEndpoints.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QSplitter;

namespace Ui {
class MainWindow;
}

namespace socketscope {

class AckHistogram;
class AnswerDialog;
class ReplayDialog;
class RestConsoleDialog;
class SearchIndexJob;
class SecretResolver;
class SecretStore;
class CaptureStorePager;
class ColorLegend;
class ConnectionBar;
class DetailPane;
class DoctorWindow;
class EngineController;
class EnvelopeTableModel;
class EnvelopeTableView;
class FilterBar;
class LinkTimeline;
class MessageBar;
class ProfileConnector;
class SecretResolver;
class SecretStore;
class SetupWizard;

struct MainWindowOptions
{
    bool demo = false;           // start the built-in simulator and connect to it
    double demoRate = 4.0;       // envelopes per second in demo mode
    QString openCapture;         // open this capture file instead of connecting
    QString captureDirectory;    // where new captures go; empty = the app data folder
};

// Composes the inspector: connection bar, filter bar, envelope table, detail pane, link timeline,
// ack histogram and status bar. Logic lives in the widgets, the models and core.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const MainWindowOptions &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // True when ProfileStore has no profile (no workspace configured yet): the demo workspace starts.
    static bool noProfileConfigured();

    // SQLite captures open read-only at once; .jsonl is imported into a new capture first (in a
    // worker thread), then opened: jsonlImported() tells when.
    Result<void> openCapture(const QString &path);
    void connectDemo();
    void toggleConnection();

    // For tests and the screenshot script.
    EnvelopeTableModel *envelopeModel() const { return m_model; }
    EnvelopeTableView *envelopeView() const { return m_view; }
    FilterBar *filterBar() const { return m_filterBar; }
    DetailPane *detailPane() const { return m_detail; }
    ConnectionBar *connectionBar() const { return m_connectionBar; }
    MessageBar *messageBar() const { return m_messages; }
    LinkTimeline *linkTimeline() const { return m_timeline; }
    AckHistogram *ackHistogram() const { return m_histogram; }
    EngineController *engine() const { return m_engine; }
    QString statusText() const;
    void selectEnvelopeForScreenshot(); // picks a slash command near the tail and shows its JSON tree
    QString currentCapturePath() const;
    // The background search-index build for the capture being viewed; null when none runs.
    SearchIndexJob *searchIndexJob() const { return m_indexJob.get(); }

    // Operator actions (Envelope and Tools menus; MainWindowOperator.cpp). The dialogs open
    // non-modal once the endpoints and secrets are resolved (asynchronously).
    QAction *replayAction() const { return m_replayAction; }
    QAction *answerAction() const { return m_answerAction; }
    QAction *restConsoleAction() const { return m_restConsoleAction; }
    ReplayDialog *replayDialog() const;
    AnswerDialog *answerDialog() const;
    RestConsoleDialog *restConsoleDialog() const;
    void openReplayDialog();
    void openAnswerDialog();
    void openRestConsole();
    void showOperatorDialogForScreenshot(const QString &which); // "replay" | "answer" (screenshot script)
    // Workspaces: the setup wizard (Connection → Set up workspace… / Edit profile…) and the Doctor
    // window (Tools → Doctor…). Non-modal; each returns the open window.
    SetupWizard *openSetupWizard();
    SetupWizard *openEditProfile();
    DoctorWindow *openDoctor();
    SecretStore *secretStore() const { return m_secretStore; }
    QAction *setupWorkspaceAction() const { return m_setupAction; }

Q_SIGNALS:
    void jsonlImported(const QString &capturePath);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildLayout();
    void wireActions();
    void restoreState();
    void saveState();
    void attachCapture(const QString &path);
    void onEnvelopesCommitted(const QVector<Envelope> &envelopes);
    void onEnvelopesAcked(const QVector<AckUpdate> &acks);
    void onSelectionChanged();
    void updateStatus();
    void copySelection(bool redacted);
    void exportEnvelopes();
    void chooseCaptureToOpen();
    void importJsonl(const QString &path);
    void indexViewedCapture(const QString &path);
    QString newCapturePath(const QString &prefix) const;
    QVector<qint64> selectedRowIds() const;
    void buildOperatorMenus();
    void resolveEndpoints(std::function<void(const OperatorEndpoints &)> done);
    std::optional<Envelope> currentEnvelope();
    CaptureStore *operatorStore();
    void refreshDeliveries(qint64 rowId);
    void wireWorkspaceActions();
    void refreshProfiles();
    void connectProfile(const QString &name);
    void showWelcome();

    std::unique_ptr<Ui::MainWindow> ui;
    MainWindowOptions m_options;
    EngineController *m_engine;
    ConnectionBar *m_connectionBar = nullptr;
    MessageBar *m_messages = nullptr;
    FilterBar *m_filterBar = nullptr;
    ColorLegend *m_legend = nullptr;
    EnvelopeTableModel *m_model = nullptr;
    EnvelopeTableView *m_view = nullptr;
    DetailPane *m_detail = nullptr;
    LinkTimeline *m_timeline = nullptr;
    AckHistogram *m_histogram = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_bottomSplitter = nullptr;
    QLabel *m_rateLabel = nullptr;
    QLabel *m_ackLabel = nullptr;
    QLabel *m_rowsLabel = nullptr;
    QLabel *m_captureLabel = nullptr;
    QLabel *m_indexLabel = nullptr;

    std::unique_ptr<CaptureStore> m_reader;       // read-only, GUI thread
    std::unique_ptr<CaptureStorePager> m_pager;
    std::unique_ptr<SearchIndexJob> m_indexJob;   // indexes the viewed capture, on its own thread
    QVector<LinkEvent> m_linkEvents;
    LiveStats m_stats;
    QHash<qint64, qint64> m_receivedByRow;        // recent rows' receive time, for ack latency
    std::deque<qint64> m_receivedOrder;
    bool m_viewingFile = false;

    QAction *m_replayAction = nullptr;
    QAction *m_answerAction = nullptr;
    QAction *m_restConsoleAction = nullptr;
    QPointer<ReplayDialog> m_replayDialog;
    QPointer<AnswerDialog> m_answerDialog;
    QPointer<RestConsoleDialog> m_restConsoleDialog;
    std::unique_ptr<CaptureStore> m_operatorStore; // read-write, GUI thread: records replays and answers
    SecretStore *m_secretStore = nullptr;
    SecretResolver *m_secretResolver = nullptr;
    ProfileConnector *m_profileConnector = nullptr;
    QPointer<SetupWizard> m_wizard;
    QPointer<DoctorWindow> m_doctorWindow;
    QAction *m_setupAction = nullptr;
    QAction *m_editProfileAction = nullptr;
    QAction *m_doctorAction = nullptr;
    bool m_welcomeShown = false;
    quint64 m_connectSerial = 0;
};

} // namespace socketscope
