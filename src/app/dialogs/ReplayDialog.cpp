#include "dialogs/ReplayDialog.h"

#include "answers/JsonInput.h"
#include "dialogs/SecretMask.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace socketscope {

namespace {
QString errorStyle()
{
    return QStringLiteral("color: #c0392b;");
}
} // namespace

ReplayDialog::ReplayDialog(const Envelope &envelope, CaptureStore *store, const OperatorEndpoints &endpoints,
                           QWidget *parent)
    : QDialog(parent), m_envelope(envelope), m_store(store), m_endpoints(endpoints),
      m_replayer(new Replayer(endpoints.nautobotUrl, this)), m_header(new QLabel(this)), m_warnings(new QLabel(this)),
      m_editTabs(new QTabWidget(this)), m_command(new QLineEdit(this)), m_payload(new QPlainTextEdit(this)),
      m_editError(new QLabel(this)), m_request(new QPlainTextEdit(this)),
      m_confirm(new QCheckBox(tr("I understand this runs the command in Nautobot"), this)),
      m_send(new QPushButton(tr("&Send replay"), this)), m_progress(new QProgressBar(this)),
      m_result(new QLabel(this)), m_replanTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("replayDialog"));
    setWindowTitle(tr("Replay to Nautobot — %1").arg(envelope.envelopeId));
    resize(760, 640);
    m_replayer->setSigningSecret(endpoints.signingSecret);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setText(tr("%1 · %2 · to %3%4")
                          .arg(envelope.type, envelope.subtype.isEmpty() ? envelope.envelopeId : envelope.subtype,
                               endpoints.nautobotUrl.isValid() ? endpoints.nautobotUrl.toDisplayString()
                                                               : tr("(no Nautobot URL)"),
                               endpoints.origin.isEmpty() ? QString() : tr(" (%1)").arg(endpoints.origin)));
    m_warnings->setObjectName(QStringLiteral("replayWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setStyleSheet(QStringLiteral("QLabel { background: rgba(230, 160, 0, 40); padding: 6px; }"));

    m_command->setObjectName(QStringLiteral("replayCommandText"));
    m_command->setFont(mono);
    m_command->setPlaceholderText(tr("Command text, e.g. get-devices location ams01"));
    m_payload->setObjectName(QStringLiteral("replayPayloadJson"));
    m_payload->setFont(mono);
    m_payload->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *commandPage = new QWidget(this);
    auto *commandForm = new QFormLayout(commandPage);
    commandForm->addRow(tr("%1 text:").arg(envelope.subtype.isEmpty() ? tr("Command") : envelope.subtype), m_command);
    const bool isSlash = envelope.type == QLatin1String("slash_commands");
    m_editTabs->addTab(commandPage, tr("Command text"));
    m_editTabs->addTab(m_payload, tr("Payload JSON"));
    m_editTabs->setTabEnabled(0, isSlash);
    if (!isSlash)
        m_editTabs->setCurrentIndex(1);
    m_editError->setObjectName(QStringLiteral("replayEditError"));
    m_editError->setWordWrap(true);
    m_editError->setStyleSheet(errorStyle());
    m_editError->hide();

    m_request->setObjectName(QStringLiteral("replayRequest"));
    m_request->setReadOnly(true);
    m_request->setFont(mono);
    m_request->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    m_confirm->setObjectName(QStringLiteral("replayConfirm"));
    m_send->setObjectName(QStringLiteral("replaySend"));
    m_send->setEnabled(false);
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(12);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_result->setObjectName(QStringLiteral("replayResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_send, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_warnings);
    layout->addWidget(new QLabel(tr("Edit before sending (re-signed on every change):"), this));
    layout->addWidget(m_editTabs, 1);
    m_editTabs->setMaximumHeight(260);
    layout->addWidget(m_editError);
    layout->addWidget(new QLabel(tr("Request (secrets masked):"), this));
    layout->addWidget(m_request, 3);
    layout->addWidget(m_confirm);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(buttons);

    m_replanTimer->setSingleShot(true);
    m_replanTimer->setInterval(250);
    connect(m_replanTimer, &QTimer::timeout, this, &ReplayDialog::replan);
    connect(m_command, &QLineEdit::textChanged, this, [this] {
        if (m_command->property("settingText").toBool())
            return;
        m_editSource = 1;
        m_replanTimer->start();
    });
    connect(m_payload, &QPlainTextEdit::textChanged, this, [this] {
        if (m_payload->property("settingText").toBool())
            return;
        m_editSource = 2;
        m_replanTimer->start();
    });
    connect(m_confirm, &QCheckBox::toggled, this, &ReplayDialog::updateSend);
    connect(m_send, &QPushButton::clicked, this, &ReplayDialog::send);

    if (!endpoints.nautobotUrl.isValid() || endpoints.nautobotUrl.isEmpty())
        m_setupProblem = tr("No Nautobot URL: set it in the profile or SOCKETSCOPE_NAUTOBOT_URL.");
    else if (endpoints.signingSecret.isEmpty())
        m_setupProblem = tr("No Slack signing secret: store it in the profile's keychain entry or set "
                            "SOCKETSCOPE_SLACK_SIGNING_SECRET. Nautobot rejects unsigned requests.");

    auto planned = m_replayer->plan(envelope, history());
    if (!planned.ok()) {
        m_editError->setText(planned.error().toString());
        m_editError->show();
    } else {
        m_basePlan = planned.value();
        m_plan = planned.value();
        m_command->setProperty("settingText", true);
        m_command->setText(m_plan->commandText());
        m_command->setProperty("settingText", false);
        m_payload->setProperty("settingText", true);
        m_payload->setPlainText(QString::fromUtf8(
            QJsonDocument(secretmask::mask(m_plan->payload()).toObject()).toJson(QJsonDocument::Indented)));
        m_payload->setProperty("settingText", false);
    }
    showPlan();
}

QVector<DeliveryRecord> ReplayDialog::history() const
{
    if (!m_store || m_envelope.rowId <= 0)
        return {};
    auto d = m_store->deliveries(m_envelope.rowId);
    return d.ok() ? d.value() : QVector<DeliveryRecord>();
}

void ReplayDialog::replanNow()
{
    if (m_replanTimer->isActive()) {
        m_replanTimer->stop();
        replan();
    }
}

void ReplayDialog::replan()
{
    if (!m_basePlan)
        return;
    m_editError->hide();
    Result<ReplayPlan> next = Error{};
    if (m_editSource == 1) {
        next = m_replayer->withCommandText(*m_basePlan, m_command->text(), history());
    } else if (m_editSource == 2) {
        auto parsed = answers::parseOperatorJson(m_payload->toPlainText().toUtf8(), tr("Payload"));
        if (!parsed.ok()) {
            next = parsed.error();
        } else {
            const QJsonValue restored = secretmask::unmask(parsed->object(), m_basePlan->payload());
            next = m_replayer->withPayloadJson(*m_basePlan, QJsonDocument(restored.toObject()).toJson(QJsonDocument::Compact),
                                               history());
        }
    } else {
        return;
    }
    if (!next.ok()) {
        // The last good plan stays visible but cannot be sent while the edit is invalid.
        m_plan.reset();
        m_editError->setText(next.error().toString());
        m_editError->show();
    } else {
        m_plan = next.value();
        if (m_editSource == 2 && m_editTabs->isTabEnabled(0)) {
            m_command->setProperty("settingText", true);
            m_command->setText(m_plan->commandText());
            m_command->setProperty("settingText", false);
        }
    }
    showPlan();
}

void ReplayDialog::showPlan()
{
    if (m_plan) {
        m_request->setPlainText(m_plan->displayText(true));
        QStringList lines;
        for (const ReplayWarning &w : m_plan->warnings)
            lines.append(QStringLiteral("⚠ ") + w.message);
        if (!m_setupProblem.isEmpty())
            lines.prepend(QStringLiteral("✖ ") + m_setupProblem);
        m_warnings->setText(lines.join(QLatin1Char('\n')));
        m_warnings->setVisible(!lines.isEmpty());
    } else if (!m_setupProblem.isEmpty()) {
        m_warnings->setText(QStringLiteral("✖ ") + m_setupProblem);
        m_warnings->show();
    }
    updateSend();
}

void ReplayDialog::updateSend()
{
    const bool ready = m_plan.has_value() && m_setupProblem.isEmpty() && !m_busy && !m_replanTimer->isActive();
    m_send->setEnabled(ready && m_confirm->isChecked());
    if (!m_setupProblem.isEmpty())
        m_send->setToolTip(m_setupProblem);
    else if (!m_plan)
        m_send->setToolTip(tr("Fix the edit first."));
    else if (!m_confirm->isChecked())
        m_send->setToolTip(tr("Tick the confirmation first."));
    else
        m_send->setToolTip(QString());
}

void ReplayDialog::send()
{
    replanNow();
    if (!m_plan || m_busy || !m_confirm->isChecked() || !m_setupProblem.isEmpty())
        return;
    m_busy = true;
    m_progress->show();
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Sending to %1…").arg(m_plan->path));
    m_command->setEnabled(false);
    m_payload->setReadOnly(true);
    updateSend();
    m_replayer->send(*m_plan, m_store, this, [this](const Result<ReplayResult> &result) {
        m_busy = false;
        m_progress->hide();
        m_command->setEnabled(true);
        m_payload->setReadOnly(false);
        // One replay per confirmation: the operator ticks it again to run the command again.
        m_confirm->setChecked(false);
        if (!result.ok()) {
            m_result->setStyleSheet(errorStyle());
            m_result->setText(tr("Not sent: %1").arg(result.error().toString()));
            updateSend();
            return;
        }
        const DeliveryOutcome &o = result->outcome;
        QString text = tr("%1 · %2 · %3 ms\n%4")
                           .arg(o.httpStatus > 0 ? QStringLiteral("HTTP %1 %2").arg(o.httpStatus)
                                                       .arg(QString::fromLatin1(o.reasonPhrase))
                                                 : tr("no HTTP answer"),
                                deliveryVerdictName(o.verdict))
                           .arg(double(o.latencyUs) / 1000.0, 0, 'f', 1)
                           .arg(o.meaning);
        if (!o.bodyExcerpt.isEmpty())
            text += tr("\nBody: %1").arg(o.bodyExcerpt);
        if (result->recordError)
            text += tr("\nNot recorded in the capture: %1").arg(result->recordError->toString());
        m_result->setStyleSheet(o.accepted() ? QString() : errorStyle());
        m_result->setText(text);
        updateSend();
        if (result->deliveryId > 0)
            Q_EMIT deliveryRecorded(m_envelope.rowId);
    });
}

QString ReplayDialog::requestText() const
{
    return m_request->toPlainText();
}

QString ReplayDialog::warningsText() const
{
    return m_warnings->text();
}

QString ReplayDialog::resultText() const
{
    return m_result->text();
}

QString ReplayDialog::editErrorText() const
{
    return m_editError->isHidden() ? QString() : m_editError->text();
}

} // namespace socketscope
