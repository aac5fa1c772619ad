#pragma once

#include "capture/CaptureStore.h"
#include "dialogs/OperatorEndpoints.h"
#include "nautobot/Replay.h"
#include "slack/Envelope.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTimer;

namespace socketscope {

// Envelope → Replay to Nautobot…: the signed request a replay will POST (masked), its warnings, an
// editor for the command text or the payload JSON (re-planned and re-signed on each edit), and a
// confirmation before anything is sent, because a replay really runs the command.
class ReplayDialog : public QDialog
{
    Q_OBJECT
public:
    // store: where the attempt is recorded (may be null: then nothing is recorded); must outlive the dialog.
    ReplayDialog(const Envelope &envelope, CaptureStore *store, const OperatorEndpoints &endpoints,
                 QWidget *parent = nullptr);

    QLineEdit *commandEdit() const { return m_command; }
    QPlainTextEdit *payloadEdit() const { return m_payload; }
    QCheckBox *confirmBox() const { return m_confirm; }
    QPushButton *sendButton() const { return m_send; }
    QString requestText() const;
    QString warningsText() const;
    QString resultText() const;
    QString editErrorText() const;
    bool isBusy() const { return m_busy; }
    bool hasPlan() const { return m_plan.has_value(); }
    void replanNow(); // applies pending edits at once (tests; the editor re-plans after a short pause)

Q_SIGNALS:
    void deliveryRecorded(qint64 envelopeRowId);

private:
    void replan();
    void showPlan();
    void updateSend();
    void send();
    QVector<DeliveryRecord> history() const;

    Envelope m_envelope;
    CaptureStore *m_store;
    OperatorEndpoints m_endpoints;
    Replayer *m_replayer;
    std::optional<ReplayPlan> m_basePlan;
    std::optional<ReplayPlan> m_plan;
    bool m_busy = false;
    QString m_setupProblem;

    QLabel *m_header;
    QLabel *m_warnings;
    QTabWidget *m_editTabs;
    QLineEdit *m_command;
    QPlainTextEdit *m_payload;
    QLabel *m_editError;
    QPlainTextEdit *m_request;
    QCheckBox *m_confirm;
    QPushButton *m_send;
    QProgressBar *m_progress;
    QLabel *m_result;
    QTimer *m_replanTimer;
    int m_editSource = 0; // 0 none, 1 command text, 2 payload JSON
};

} // namespace socketscope
