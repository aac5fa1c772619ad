#include "dialogs/AnswerDialog.h"

#include "answers/ChatPostMessageSender.h"
#include "answers/NautobotAnswer.h"
#include "answers/ReplyComposer.h"
#include "answers/ResponseUrlSender.h"
#include "models/ResultTableModel.h"
#include "nautobot/NautobotClient.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace socketscope {

namespace {
const QString kErrorStyle = QStringLiteral("color: #c0392b;");
}

AnswerDialog::AnswerDialog(const Envelope &envelope, CaptureStore *store, const OperatorEndpoints &endpoints,
                           QWidget *parent)
    : QDialog(parent), m_envelope(envelope), m_store(store), m_endpoints(endpoints),
      m_responseUrl(new ResponseUrlSender(this)), m_chat(new ChatPostMessageSender(endpoints.slackApiUrl, this)),
      m_nautobot(new NautobotClient(endpoints.nautobotUrl, this)), m_runner(new NautobotAnswerRunner(m_nautobot, this)),
      m_formatTabs(new QTabWidget(this)), m_text(new QPlainTextEdit(this)), m_blockKit(new QPlainTextEdit(this)),
      m_error(new QLabel(this)), m_preview(new QPlainTextEdit(this)), m_ephemeral(new QRadioButton(tr("Ephemeral"), this)),
      m_inChannel(new QRadioButton(tr("In channel"), this)),
      m_replaceOriginal(new QCheckBox(tr("Replace original"), this)),
      m_viaResponseUrl(new QRadioButton(tr("response_url"), this)),
      m_viaChat(new QRadioButton(tr("chat.postMessage"), this)), m_budget(new QLabel(this)),
      m_send(new QPushButton(tr("&Send answer"), this)), m_progress(new QProgressBar(this)), m_result(new QLabel(this)),
      m_fromNautobot(new QPushButton(tr("Answer from &Nautobot"), this)),
      m_useAsReply(new QPushButton(tr("&Use as reply"), this)), m_nautobotStatus(new QLabel(this)),
      m_resultView(new QTableView(this)), m_resultModel(new ResultTableModel(this)), m_validateTimer(new QTimer(this)),
      m_budgetTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("answerDialog"));
    setWindowTitle(tr("Answer — %1 %2").arg(envelope.subtype, envelope.text.left(40)));
    resize(900, 680);
    m_chat->setBotToken(endpoints.botToken);
    m_nautobot->setToken(endpoints.nautobotToken);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_text->setObjectName(QStringLiteral("answerText"));
    m_text->setPlaceholderText(tr("Plain text (Slack mrkdwn)"));
    m_blockKit->setObjectName(QStringLiteral("answerBlockKit"));
    m_blockKit->setFont(mono);
    m_blockKit->setPlaceholderText(tr("{\"blocks\": [...]} or a bare array of blocks, as Block Kit Builder copies them"));
    m_formatTabs->addTab(m_text, tr("Text"));
    m_formatTabs->addTab(m_blockKit, tr("Block Kit JSON"));
    m_error->setObjectName(QStringLiteral("answerError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(kErrorStyle);
    m_error->hide();
    m_preview->setObjectName(QStringLiteral("answerPreview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(mono);

    auto *visibility = new QButtonGroup(this);
    visibility->addButton(m_ephemeral);
    visibility->addButton(m_inChannel);
    m_ephemeral->setChecked(true);
    auto *target = new QButtonGroup(this);
    target->addButton(m_viaResponseUrl);
    target->addButton(m_viaChat);
    const bool hasChannel = !envelope.channelId.isEmpty();
    m_viaChat->setText(hasChannel ? tr("chat.postMessage to %1").arg(envelope.channelId)
                                  : tr("chat.postMessage (no channel)"));
    m_viaChat->setEnabled(hasChannel);
    const bool hasResponseUrl = ResponseUrlSender::responseUrlOf(envelope).ok();
    m_viaResponseUrl->setEnabled(hasResponseUrl);
    (hasResponseUrl ? m_viaResponseUrl : m_viaChat)->setChecked(true);
    m_budget->setObjectName(QStringLiteral("answerBudget"));
    m_budget->setWordWrap(true);

    m_send->setObjectName(QStringLiteral("answerSend"));
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(12);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_result->setObjectName(QStringLiteral("answerResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);

    m_fromNautobot->setObjectName(QStringLiteral("answerFromNautobot"));
    m_useAsReply->setObjectName(QStringLiteral("answerUseAsReply"));
    m_useAsReply->setEnabled(false);
    m_nautobotStatus->setObjectName(QStringLiteral("answerNautobotStatus"));
    m_nautobotStatus->setWordWrap(true);
    m_resultView->setObjectName(QStringLiteral("answerResultTable"));
    m_resultView->setModel(m_resultModel);
    m_resultView->verticalHeader()->hide();
    m_resultView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_resultView->horizontalHeader()->setStretchLastSection(true);
    m_resultView->setAlternatingRowColors(true);

    // Left: composer. Right: Nautobot data.
    auto *composer = new QWidget(this);
    auto *cl = new QVBoxLayout(composer);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->addWidget(m_formatTabs, 2);
    cl->addWidget(m_error);
    cl->addWidget(new QLabel(tr("Preview:"), composer));
    cl->addWidget(m_preview, 2);
    auto *opts = new QHBoxLayout;
    opts->addWidget(m_ephemeral);
    opts->addWidget(m_inChannel);
    opts->addWidget(m_replaceOriginal);
    opts->addStretch(1);
    cl->addLayout(opts);
    auto *targetBox = new QGroupBox(tr("Send to"), composer);
    auto *tl = new QVBoxLayout(targetBox);
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_viaResponseUrl);
    urlRow->addWidget(m_budget, 1);
    tl->addLayout(urlRow);
    tl->addWidget(m_viaChat);
    cl->addWidget(targetBox);

    auto *data = new QWidget(this);
    auto *dl = new QVBoxLayout(data);
    dl->setContentsMargins(0, 0, 0, 0);
    auto *dataButtons = new QHBoxLayout;
    dataButtons->addWidget(m_fromNautobot);
    dataButtons->addWidget(m_useAsReply);
    dataButtons->addStretch(1);
    dl->addLayout(dataButtons);
    dl->addWidget(m_nautobotStatus);
    dl->addWidget(m_resultView, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(composer);
    split->addWidget(data);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_send, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    auto *header = new QLabel(tr("%1 · %2 · user %3 · channel %4")
                                  .arg(envelope.type, envelope.subtype, envelope.userId, envelope.channelId),
                              this);
    header->setTextFormat(Qt::PlainText);
    layout->addWidget(header);
    layout->addWidget(split, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(buttons);

    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(200);
    connect(m_validateTimer, &QTimer::timeout, this, &AnswerDialog::revalidate);
    for (QPlainTextEdit *edit : {m_text, m_blockKit})
        connect(edit, &QPlainTextEdit::textChanged, m_validateTimer, qOverload<>(&QTimer::start));
    connect(m_formatTabs, &QTabWidget::currentChanged, this, &AnswerDialog::revalidate);
    for (QAbstractButton *b : std::initializer_list<QAbstractButton *>{m_ephemeral, m_inChannel, m_replaceOriginal})
        connect(b, &QAbstractButton::toggled, this, &AnswerDialog::revalidate);
    connect(m_viaResponseUrl, &QAbstractButton::toggled, this, &AnswerDialog::updateSend);
    connect(m_send, &QPushButton::clicked, this, &AnswerDialog::send);
    connect(m_fromNautobot, &QPushButton::clicked, this, &AnswerDialog::answerFromNautobot);
    connect(m_useAsReply, &QPushButton::clicked, this, &AnswerDialog::useAsReply);
    m_budgetTimer->setInterval(15000);
    connect(m_budgetTimer, &QTimer::timeout, this, &AnswerDialog::refreshBudget);
    m_budgetTimer->start();

    auto command = NautobotCommandMapper::fromEnvelope(envelope, endpoints.slashPrefix);
    if (command.ok())
        m_command = command.value();
    if (!m_command) {
        m_fromNautobot->setEnabled(false);
        m_nautobotStatus->setText(tr("No /nautobot command in this envelope: %1").arg(command.error().message));
    } else if (!endpoints.nautobotUrl.isValid() || endpoints.nautobotUrl.isEmpty()) {
        m_fromNautobot->setEnabled(false);
        m_nautobotStatus->setText(tr("No Nautobot URL: set it in the profile or SOCKETSCOPE_NAUTOBOT_URL."));
    } else {
        m_nautobotStatus->setText(tr("Command: %1").arg(m_command->toString()));
    }
    refreshBudget();
    revalidate();
}

void AnswerDialog::revalidateNow()
{
    m_validateTimer->stop();
    revalidate();
}

void AnswerDialog::revalidate()
{
    ReplyOptions options;
    options.visibility = m_inChannel->isChecked() ? ReplyVisibility::InChannel : ReplyVisibility::Ephemeral;
    options.replaceOriginal = m_replaceOriginal->isChecked();
    const bool blockKit = m_formatTabs->currentIndex() == 1;
    Result<QJsonObject> built = blockKit ? ReplyComposer::fromBlockKit(m_blockKit->toPlainText().toUtf8(), options)
                                         : ReplyComposer::fromText(m_text->toPlainText(), options);
    if (built.ok()) {
        if (auto valid = ReplyComposer::validate(built.value()); !valid.ok())
            built = valid.error();
    }
    if (built.ok()) {
        m_message = built.value();
        m_error->hide();
        m_preview->setPlainText(ReplyComposer::preview(*m_message));
    } else {
        m_message.reset();
        m_error->setText(built.error().toString());
        m_error->show();
        m_preview->setPlainText(QString());
    }
    updateSend();
}

void AnswerDialog::refreshBudget()
{
    m_budgetProblem.clear();
    if (!m_viaResponseUrl->isEnabled()) {
        m_budget->setText(tr("no response_url in this envelope"));
        m_budgetProblem = m_budget->text();
    } else if (!m_store) {
        m_budget->setText(tr("budget unknown (no capture open)"));
    } else {
        auto state = m_responseUrl->budget(m_envelope, *m_store);
        if (!state.ok()) {
            m_budgetProblem = state.error().toString();
            m_budget->setText(m_budgetProblem);
        } else {
            const qint64 minutes = (state->msLeft() + 59'999) / 60'000;
            QString text = tr("uses left %1 of %2 · %3 min left")
                               .arg(qMax(0, state->usesLeft))
                               .arg(state->maxUses)
                               .arg(minutes);
            if (auto check = state->check(); !check.ok()) {
                m_budgetProblem = check.error().message;
                text = tr("%1 — %2").arg(text, m_budgetProblem);
            }
            m_budget->setText(text);
        }
    }
    m_budget->setStyleSheet(m_budgetProblem.isEmpty() ? QString() : kErrorStyle);
    updateSend();
}

void AnswerDialog::updateSend()
{
    QString why;
    if (m_busy)
        why = tr("Sending…");
    else if (!m_message)
        why = tr("Fix the message first.");
    else if (m_viaResponseUrl->isChecked() && !m_budgetProblem.isEmpty())
        why = m_budgetProblem;
    else if (m_viaChat->isChecked() && m_endpoints.botToken.isEmpty())
        why = tr("No bot token (xoxb-…): store it in the profile or set SOCKETSCOPE_SLACK_BOT_TOKEN.");
    m_send->setEnabled(why.isEmpty());
    m_send->setToolTip(why);
}

void AnswerDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    updateSend();
}

void AnswerDialog::send()
{
    revalidateNow();
    if (!m_send->isEnabled() || !m_message)
        return;
    setBusy(true);
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Sending…"));
    if (m_viaResponseUrl->isChecked()) {
        m_responseUrl->send(m_envelope, *m_message, m_store, this, [this](const Result<ResponseUrlOutcome> &r) {
            setBusy(false);
            if (!r.ok()) {
                m_result->setStyleSheet(kErrorStyle);
                m_result->setText(tr("Not sent: %1").arg(r.error().toString()));
            } else {
                m_result->setStyleSheet(r->delivered ? QString() : kErrorStyle);
                m_result->setText(tr("response_url: %1 · %2 ms · %3%4")
                                      .arg(r->httpStatus > 0 ? QStringLiteral("HTTP %1").arg(r->httpStatus)
                                                             : tr("no HTTP answer"))
                                      .arg(double(r->latencyUs) / 1000.0, 0, 'f', 1)
                                      .arg(r->meaning,
                                           r->recordError ? tr("\nNot recorded: %1").arg(r->recordError->toString())
                                                          : QString()));
                if (r->deliveryId > 0)
                    Q_EMIT deliveryRecorded(m_envelope.rowId);
            }
            refreshBudget();
        });
        refreshBudget(); // counts the answer in flight
        return;
    }
    m_chat->post(m_envelope.channelId, *m_message, m_store, m_envelope.rowId, this,
                 [this](const Result<PostedMessage> &r) {
                     setBusy(false);
                     if (!r.ok()) {
                         m_result->setStyleSheet(kErrorStyle);
                         m_result->setText(tr("chat.postMessage failed: %1").arg(r.error().toString()));
                         // A failed post may still have been recorded.
                         Q_EMIT deliveryRecorded(m_envelope.rowId);
                         return;
                     }
                     m_result->setText(tr("Posted to %1 (ts %2) · %3 ms")
                                           .arg(r->channel, r->ts)
                                           .arg(double(r->latencyUs) / 1000.0, 0, 'f', 1));
                     Q_EMIT deliveryRecorded(m_envelope.rowId);
                 });
}

void AnswerDialog::answerFromNautobot()
{
    if (!m_command)
        return;
    m_fromNautobot->setEnabled(false);
    m_useAsReply->setEnabled(false);
    m_nautobotStatus->setStyleSheet(QString());
    m_nautobotStatus->setText(tr("Running %1 against Nautobot…").arg(m_command->toString()));
    m_runner->run(*m_command, this, [this](const Result<NautobotAnswer> &r) {
        m_fromNautobot->setEnabled(true);
        if (!r.ok()) {
            m_resultModel->setTable({});
            m_nautobotStatus->setStyleSheet(kErrorStyle);
            m_nautobotStatus->setText(r.error().toString());
            return;
        }
        m_resultModel->setTable(r->table);
        m_resultView->resizeColumnsToContents();
        m_nautobotStatus->setText(tr("%1: %2 row(s)%3 · %4 ms\n%5")
                                      .arg(r->table.title)
                                      .arg(r->table.rows.size())
                                      .arg(r->table.truncated ? tr(" (truncated)") : QString())
                                      .arg(double(r->latencyUs) / 1000.0, 0, 'f', 1)
                                      .arg(r->mapping.requestsText()));
        m_useAsReply->setEnabled(true);
    });
}

void AnswerDialog::useAsReply()
{
    if (!m_command)
        return;
    ReplyOptions options;
    options.visibility = m_inChannel->isChecked() ? ReplyVisibility::InChannel : ReplyVisibility::Ephemeral;
    options.replaceOriginal = m_replaceOriginal->isChecked();
    const QJsonObject message = AnswerFormatter::toMessage(m_resultModel->table(), *m_command, m_envelope.userId,
                                                           options, AnswerFormatter::Style::BlockKit,
                                                           m_endpoints.slashPrefix);
    m_blockKit->setPlainText(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Indented)));
    m_formatTabs->setCurrentIndex(1);
    revalidateNow();
}

QString AnswerDialog::errorText() const { return m_error->isHidden() ? QString() : m_error->text(); }
QString AnswerDialog::previewText() const { return m_preview->toPlainText(); }
QString AnswerDialog::budgetText() const { return m_budget->text(); }
QString AnswerDialog::resultText() const { return m_result->text(); }
QString AnswerDialog::nautobotStatusText() const { return m_nautobotStatus->text(); }

} // namespace socketscope
