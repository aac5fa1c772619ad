#include "dialogs/RestConsoleDialog.h"

#include "answers/JsonInput.h"
#include "models/ResultTableModel.h"
#include "nautobot/NautobotClient.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace socketscope {

namespace {
const QString kErrorStyle = QStringLiteral("color: #c0392b;");
}

RestConsoleDialog::RestConsoleDialog(const OperatorEndpoints &endpoints, QWidget *parent)
    : QDialog(parent), m_client(new NautobotClient(endpoints.nautobotUrl, this)),
      m_console(new RestConsole(m_client, this)), m_request(new QLineEdit(this)), m_body(new QPlainTextEdit(this)),
      m_run(new QPushButton(tr("&Run"), this)), m_progress(new QProgressBar(this)), m_status(new QLabel(this)),
      m_tabs(new QTabWidget(this)), m_table(new QTableView(this)), m_model(new ResultTableModel(this)),
      m_raw(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("restConsoleDialog"));
    setWindowTitle(tr("Nautobot REST console — %1").arg(endpoints.nautobotUrl.toDisplayString()));
    resize(900, 600);
    m_client->setToken(endpoints.nautobotToken);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_request->setObjectName(QStringLiteral("restRequest"));
    m_request->setFont(mono);
    m_request->setPlaceholderText(QStringLiteral("GET /api/dcim/devices/?location=ams01"));
    m_body->setObjectName(QStringLiteral("restBody"));
    m_body->setFont(mono);
    m_body->setPlaceholderText(tr("JSON body for PATCH / POST, e.g. {\"status\": \"Planned\"}"));
    m_body->setMaximumHeight(90);
    m_run->setObjectName(QStringLiteral("restRun"));
    m_run->setDefault(true);
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(12);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_status->setObjectName(QStringLiteral("restStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_table->setObjectName(QStringLiteral("restTable"));
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_raw->setObjectName(QStringLiteral("restRaw"));
    m_raw->setReadOnly(true);
    m_raw->setFont(mono);
    m_tabs->addTab(m_table, tr("Table"));
    m_tabs->addTab(m_raw, tr("Raw JSON"));

    auto *line = new QHBoxLayout;
    line->addWidget(m_request, 1);
    line->addWidget(m_run);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(line);
    layout->addWidget(m_body);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);

    connect(m_run, &QPushButton::clicked, this, &RestConsoleDialog::run);
    connect(m_request, &QLineEdit::returnPressed, this, &RestConsoleDialog::run);
    if (!endpoints.nautobotUrl.isValid() || endpoints.nautobotUrl.isEmpty()) {
        m_run->setEnabled(false);
        fail(tr("No Nautobot URL: set it in the profile or SOCKETSCOPE_NAUTOBOT_URL."));
    } else {
        m_status->setText(tr("Token from %1. GET runs at once; PATCH, POST and DELETE ask you to confirm by name.")
                              .arg(endpoints.origin.isEmpty() ? tr("the environment") : endpoints.origin));
    }
}

void RestConsoleDialog::fail(const QString &text)
{
    m_status->setStyleSheet(kErrorStyle);
    m_status->setText(text);
}

void RestConsoleDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_run->setEnabled(!busy);
    m_request->setReadOnly(busy);
}

void RestConsoleDialog::run()
{
    if (m_busy)
        return;
    auto parsed = RestConsoleRequest::parse(m_request->text());
    if (!parsed.ok()) {
        fail(parsed.error().toString());
        return;
    }
    RestConsoleRequest request = parsed.value();
    if (request.method == "PATCH" || request.method == "POST") {
        auto body = answers::parseOperatorJson(m_body->toPlainText().toUtf8(), tr("Body"));
        if (!body.ok() || !body->isObject()) {
            fail(body.ok() ? tr("Body: a JSON object is needed.") : body.error().toString());
            return;
        }
        request.body = body->object();
    }
    if (!request.changesData()) {
        perform(request);
        return;
    }
    setBusy(true);
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Reading what %1 would change…").arg(QString::fromLatin1(request.method)));
    m_console->requiredConfirmation(request, this, [this, request](const Result<QString> &expected) {
        setBusy(false);
        if (!expected.ok()) {
            fail(expected.error().toString());
            return;
        }
        askConfirmation(request, expected.value());
    });
}

void RestConsoleDialog::askConfirmation(const RestConsoleRequest &request, const QString &expected)
{
    // Modal, as confirmations are; opened (not exec'd) so no nested event loop runs.
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("restConfirmDialog"));
    dialog->setWindowTitle(tr("Confirm %1").arg(QString::fromLatin1(request.method)));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *text = new QLabel(tr("%1 %2 changes data in Nautobot.\nType “%3” to confirm:")
                                .arg(QString::fromLatin1(request.method), request.path, expected),
                            dialog);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    auto *field = new QLineEdit(dialog);
    field->setObjectName(QStringLiteral("restConfirmField"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Send %1").arg(QString::fromLatin1(request.method)));
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(field);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::finished, this, [this, request, field](int code) {
        if (code != QDialog::Accepted) {
            fail(tr("Refused: %1 was not confirmed; nothing was sent.").arg(QString::fromLatin1(request.method)));
            return;
        }
        RestConsoleRequest confirmed = request;
        confirmed.confirmation = field->text();
        perform(confirmed); // RestConsole checks the typed name and refuses a mismatch before sending
    });
    m_confirmDialog = dialog;
    dialog->open();
}

void RestConsoleDialog::perform(const RestConsoleRequest &request)
{
    setBusy(true);
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Running %1 %2…").arg(QString::fromLatin1(request.method), request.path));
    m_console->run(request, this, [this, request](const Result<RestConsoleResult> &r) {
        setBusy(false);
        if (!r.ok()) {
            fail(r.error().code.startsWith(QLatin1String("confirmation"))
                     ? tr("Refused, nothing was sent: %1").arg(r.error().toString())
                     : r.error().toString());
            return;
        }
        m_model->setTable(r->table);
        m_table->resizeColumnsToContents();
        m_raw->setPlainText(QString::fromUtf8(QJsonDocument(r->json).toJson(QJsonDocument::Indented)));
        m_status->setText(tr("%1 %2 → HTTP %3 · %4 row(s)%5 · %6 ms")
                              .arg(QString::fromLatin1(request.method), request.path)
                              .arg(r->httpStatus)
                              .arg(r->table.rows.size())
                              .arg(r->table.truncated ? tr(" (truncated)") : QString())
                              .arg(double(r->latencyUs) / 1000.0, 0, 'f', 1));
    });
}

QString RestConsoleDialog::rawText() const { return m_raw->toPlainText(); }
QString RestConsoleDialog::statusText() const { return m_status->text(); }

} // namespace socketscope
