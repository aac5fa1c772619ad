#pragma once

#include "answers/RestConsole.h"
#include "dialogs/OperatorEndpoints.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;

namespace socketscope {

class NautobotClient;
class ResultTableModel;

// Tools → Nautobot REST console…: one request line ("GET /api/dcim/devices/?location=ams01"), the
// answer as a table and as raw JSON. PATCH/POST/DELETE ask the operator to type the object's name
// first (RestConsole enforces it, so nothing that changes data is sent unconfirmed).
class RestConsoleDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RestConsoleDialog(const OperatorEndpoints &endpoints, QWidget *parent = nullptr);

    QLineEdit *requestEdit() const { return m_request; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    QPushButton *runButton() const { return m_run; }
    ResultTableModel *resultModel() const { return m_model; }
    QString rawText() const;
    QString statusText() const;
    bool isBusy() const { return m_busy; }
    // The open "type to confirm" dialog of a data-changing request, or null.
    QDialog *confirmationDialog() const { return m_confirmDialog; }

    void run();

private:
    void perform(const RestConsoleRequest &request);
    void askConfirmation(const RestConsoleRequest &request, const QString &expected);
    void setBusy(bool busy);
    void fail(const QString &text);

    NautobotClient *m_client;
    RestConsole *m_console;
    bool m_busy = false;
    QPointer<QDialog> m_confirmDialog;

    QLineEdit *m_request;
    QPlainTextEdit *m_body;
    QPushButton *m_run;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTabWidget *m_tabs;
    QTableView *m_table;
    ResultTableModel *m_model;
    QPlainTextEdit *m_raw;
};

} // namespace socketscope
