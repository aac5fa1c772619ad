#pragma once

#include "answers/NautobotCommandMapper.h"
#include "capture/CaptureStore.h"
#include "dialogs/OperatorEndpoints.h"
#include "slack/Envelope.h"

#include <QDialog>
#include <QJsonObject>

#include <optional>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace socketscope {

class ChatPostMessageSender;
class NautobotAnswerRunner;
class NautobotClient;
class ResponseUrlSender;
class ResultTableModel;

// Envelope → Answer…: hand-answer a slash command or interaction. Plain text or Block Kit JSON,
// validated as typed (ReplyComposer) with a preview; sent through the envelope's response_url
// (within Slack's 5 uses / 30 minutes, shown and enforced) or with chat.postMessage to its channel.
// "Answer from Nautobot" runs the /nautobot command's REST equivalent and fills the reply.
class AnswerDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Target { ResponseUrl, ChatPostMessage };

    // store: records each answer and counts the response_url budget; must outlive the dialog.
    AnswerDialog(const Envelope &envelope, CaptureStore *store, const OperatorEndpoints &endpoints,
                 QWidget *parent = nullptr);

    QTabWidget *formatTabs() const { return m_formatTabs; }
    QPlainTextEdit *textEdit() const { return m_text; }
    QPlainTextEdit *blockKitEdit() const { return m_blockKit; }
    QRadioButton *inChannelButton() const { return m_inChannel; }
    QCheckBox *replaceOriginalBox() const { return m_replaceOriginal; }
    QRadioButton *responseUrlButton() const { return m_viaResponseUrl; }
    QRadioButton *chatPostMessageButton() const { return m_viaChat; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *fromNautobotButton() const { return m_fromNautobot; }
    QPushButton *useAsReplyButton() const { return m_useAsReply; }
    ResultTableModel *resultModel() const { return m_resultModel; }
    QString errorText() const;
    QString previewText() const;
    QString budgetText() const;
    QString resultText() const;
    QString nautobotStatusText() const;
    bool isBusy() const { return m_busy; }
    void revalidateNow();

Q_SIGNALS:
    void deliveryRecorded(qint64 envelopeRowId);

private:
    void revalidate();
    void refreshBudget();
    void updateSend();
    void send();
    void answerFromNautobot();
    void useAsReply();
    void setBusy(bool busy);

    Envelope m_envelope;
    CaptureStore *m_store;
    OperatorEndpoints m_endpoints;
    ResponseUrlSender *m_responseUrl;
    ChatPostMessageSender *m_chat;
    NautobotClient *m_nautobot;
    NautobotAnswerRunner *m_runner;
    std::optional<QJsonObject> m_message;
    std::optional<ChatOpsCommand> m_command;
    QString m_budgetProblem;
    bool m_busy = false;

    QTabWidget *m_formatTabs;
    QPlainTextEdit *m_text;
    QPlainTextEdit *m_blockKit;
    QLabel *m_error;
    QPlainTextEdit *m_preview;
    QRadioButton *m_ephemeral;
    QRadioButton *m_inChannel;
    QCheckBox *m_replaceOriginal;
    QRadioButton *m_viaResponseUrl;
    QRadioButton *m_viaChat;
    QLabel *m_budget;
    QPushButton *m_send;
    QProgressBar *m_progress;
    QLabel *m_result;
    QPushButton *m_fromNautobot;
    QPushButton *m_useAsReply;
    QLabel *m_nautobotStatus;
    QTableView *m_resultView;
    ResultTableModel *m_resultModel;
    QTimer *m_validateTimer;
    QTimer *m_budgetTimer;
};

} // namespace socketscope
