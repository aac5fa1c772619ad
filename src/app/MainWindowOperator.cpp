// MainWindow's operator actions: replay, hand-answer, REST console, and the Deliveries tab.
#include "MainWindow.h"

#include "EngineController.h"
#include "answers/NautobotCommandMapper.h"
#include "dialogs/AnswerDialog.h"
#include "dialogs/ReplayDialog.h"
#include "dialogs/RestConsoleDialog.h"
#include "models/CaptureStorePager.h"
#include "models/EnvelopeTableModel.h"
#include "nautobot/NautobotClient.h"
#include "profile/ProfileStore.h"
#include "secrets/SecretResolver.h"
#include "secrets/SecretStore.h"
#include "widgets/ConnectionBar.h"
#include "widgets/DetailPane.h"
#include "widgets/EnvelopeTableView.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QCheckBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>

namespace socketscope {

ReplayDialog *MainWindow::replayDialog() const { return m_replayDialog.data(); }
AnswerDialog *MainWindow::answerDialog() const { return m_answerDialog.data(); }
RestConsoleDialog *MainWindow::restConsoleDialog() const { return m_restConsoleDialog.data(); }

void MainWindow::buildOperatorMenus()
{
    QMenu *envelopeMenu = new QMenu(tr("E&nvelope"), this);
    envelopeMenu->setObjectName(QStringLiteral("menuEnvelope"));
    m_replayAction = envelopeMenu->addAction(tr("&Replay to Nautobot…"));
    connect(m_replayAction, &QAction::triggered, this, &MainWindow::openReplayDialog);
    m_replayAction->setObjectName(QStringLiteral("actionReplay"));
    m_replayAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_answerAction = envelopeMenu->addAction(tr("&Answer…"));
    connect(m_answerAction, &QAction::triggered, this, &MainWindow::openAnswerDialog);
    m_answerAction->setObjectName(QStringLiteral("actionAnswer"));
    m_answerAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));

    // The Tools menu may already exist (another feature adds to it).
    QMenu *tools = menuBar()->findChild<QMenu *>(QStringLiteral("menuTools"));
    if (!tools) {
        tools = new QMenu(tr("&Tools"), this);
        tools->setObjectName(QStringLiteral("menuTools"));
        menuBar()->addMenu(tools);
    }
    menuBar()->insertMenu(tools->menuAction(), envelopeMenu);
    m_restConsoleAction = tools->addAction(tr("Nautobot &REST console…"));
    connect(m_restConsoleAction, &QAction::triggered, this, &MainWindow::openRestConsole);
    m_restConsoleAction->setObjectName(QStringLiteral("actionRestConsole"));

    // Context menu on the table: the operator actions, then copy.
    envelopeView()->setContextMenuPolicy(Qt::ActionsContextMenu);
    envelopeView()->insertAction(envelopeView()->actions().value(0), m_answerAction);
    envelopeView()->insertAction(m_answerAction, m_replayAction);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    envelopeView()->insertAction(envelopeView()->actions().value(2), separator);
}

std::optional<Envelope> MainWindow::currentEnvelope()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_pager) {
        m_messages->showMessage(MessageBar::Kind::Warning, tr("Select an envelope first."));
        return std::nullopt;
    }
    auto full = m_pager->full(m_model->envelopeAt(current.row()).rowId);
    if (!full.ok()) {
        m_messages->showMessage(MessageBar::Kind::Error, full.error().toString());
        return std::nullopt;
    }
    return full.value();
}

CaptureStore *MainWindow::operatorStore()
{
    const QString path = currentCapturePath();
    if (path.isEmpty())
        return nullptr;
    if (m_operatorStore && m_operatorStore->path() == path)
        return m_operatorStore.get();
    m_operatorStore.reset();
    CaptureStore::Options options;
    options.recentIdCapacity = 16; // this connection never inserts envelopes
    options.backgroundSearchIndexing = false; // the engine's connection indexes, on its own thread
    auto opened = CaptureStore::open(path, CaptureStore::Mode::ReadWrite, options);
    if (!opened.ok()) {
        m_messages->showMessage(MessageBar::Kind::Warning,
                                tr("Replays and answers will not be recorded: %1").arg(opened.error().toString()));
        return nullptr;
    }
    m_operatorStore = std::move(opened).value();
    return m_operatorStore.get();
}

void MainWindow::refreshDeliveries(qint64 rowId)
{
    if (!m_reader || rowId <= 0)
        return;
    if (m_pager) {
        auto e = m_pager->full(rowId);
        if (e.ok() && !e->deliveryStatus.isEmpty())
            m_model->setDeliveryStatus(rowId, e->deliveryStatus);
    }
    if (!m_detail->hasEnvelope() || m_detail->envelope().rowId != rowId)
        return;
    auto deliveries = m_reader->deliveries(rowId);
    if (!deliveries.ok()) {
        m_messages->showMessage(MessageBar::Kind::Error, deliveries.error().toString());
        return;
    }
    m_detail->setDeliveries(deliveries.value());
}

void MainWindow::resolveEndpoints(std::function<void(const OperatorEndpoints &)> done)
{
    if (m_engine->isDemo() && m_engine->demoEndpoints() && !m_viewingFile) {
        done(*m_engine->demoEndpoints());
        return;
    }
    // A workspace: URLs from the profile (the environment overrides), secrets from the environment
    // or the profile's keychain entries, resolved asynchronously.
    OperatorEndpoints endpoints;
    const QString profileName = m_connectionBar->profile();
    const auto profile = ProfileStore().profile(profileName);
    if (profile.ok()) {
        endpoints.nautobotUrl = profile->nautobotUrl;
        endpoints.slackApiUrl = profile->slackApiUrl;
        endpoints.slashPrefix = profile->slashCommand.startsWith(QLatin1Char('/'))
                                    ? QStringLiteral("/")
                                    : QString();
        endpoints.origin = tr("profile %1").arg(profileName);
    } else {
        endpoints.origin = tr("environment");
    }
    if (auto url = NautobotClient::urlFromEnvironment())
        endpoints.nautobotUrl = *url;
    const QString api = qEnvironmentVariable("SOCKETSCOPE_SLACK_API_URL");
    if (!api.isEmpty())
        endpoints.slackApiUrl = QUrl(api);

    if (!m_secretResolver) {
        m_secretStore = new SecretStore(this);
        m_secretResolver = new SecretResolver(m_secretStore, this);
    }
    struct Pending
    {
        OperatorEndpoints endpoints;
        QList<SecretKind> kinds{SecretKind::SlackSigningSecret, SecretKind::SlackBotToken, SecretKind::NautobotToken};
    };
    auto pending = std::make_shared<Pending>();
    pending->endpoints = endpoints;
    const bool useKeychain = profile.ok();
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, pending, done, useKeychain, profileName, step]() {
        if (pending->kinds.isEmpty()) {
            done(pending->endpoints);
            // Break the self-reference once this call has returned.
            QTimer::singleShot(0, this, [step] { *step = nullptr; });
            return;
        }
        const SecretKind kind = pending->kinds.takeFirst();
        auto apply = [pending, kind](const ResolvedSecret &secret) {
            switch (kind) {
            case SecretKind::SlackSigningSecret: pending->endpoints.signingSecret = secret.value.toUtf8(); break;
            case SecretKind::SlackBotToken: pending->endpoints.botToken = secret.value; break;
            case SecretKind::NautobotToken: pending->endpoints.nautobotToken = secret.value; break;
            default: break;
            }
        };
        if (!useKeychain) {
            if (auto secret = m_secretResolver->fromEnvironment(kind))
                apply(*secret);
            (*step)();
            return;
        }
        // A missing secret is not an error here: the dialog names what is missing, inline.
        m_secretResolver->resolve(profileName, kind, this, [apply, step](Result<ResolvedSecret> secret) {
            if (secret.ok())
                apply(secret.value());
            if (*step)
                (*step)();
        });
    };
    (*step)();
}

void MainWindow::openReplayDialog()
{
    const auto envelope = currentEnvelope();
    if (!envelope)
        return;
    resolveEndpoints([this, e = *envelope](const OperatorEndpoints &endpoints) {
        if (m_replayDialog)
            m_replayDialog->close();
        auto *dialog = new ReplayDialog(e, operatorStore(), endpoints, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &ReplayDialog::deliveryRecorded, this, &MainWindow::refreshDeliveries);
        m_replayDialog = dialog;
        dialog->show();
    });
}

void MainWindow::openAnswerDialog()
{
    const auto envelope = currentEnvelope();
    if (!envelope)
        return;
    if (envelope->type == QLatin1String("events_api") && envelope->channelId.isEmpty()) {
        m_messages->showMessage(MessageBar::Kind::Warning,
                                tr("This event has no channel or response_url to answer to."));
        return;
    }
    resolveEndpoints([this, e = *envelope](const OperatorEndpoints &endpoints) {
        if (m_answerDialog)
            m_answerDialog->close();
        auto *dialog = new AnswerDialog(e, operatorStore(), endpoints, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &AnswerDialog::deliveryRecorded, this, &MainWindow::refreshDeliveries);
        m_answerDialog = dialog;
        dialog->show();
    });
}

void MainWindow::openRestConsole()
{
    resolveEndpoints([this](const OperatorEndpoints &endpoints) {
        if (m_restConsoleDialog) {
            m_restConsoleDialog->raise();
            m_restConsoleDialog->activateWindow();
            return;
        }
        auto *dialog = new RestConsoleDialog(endpoints, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_restConsoleDialog = dialog;
        dialog->show();
    });
}

void MainWindow::showOperatorDialogForScreenshot(const QString &which)
{
    // A /nautobot command with a REST equivalent, so "Answer from Nautobot" has rows to show.
    for (int row = m_model->rowCount() - 1; row >= 0; --row) {
        const Envelope &e = m_model->envelopeAt(row);
        if (e.type != QLatin1String("slash_commands"))
            continue;
        auto command = NautobotCommandMapper::parse(e.subtype.mid(1) + QLatin1Char(' ') + e.text);
        if (command.ok() && NautobotCommandMapper::map(command.value()).ok()) {
            m_view->setCurrentIndex(m_model->index(row, 0));
            m_view->selectRow(row);
            break;
        }
    }
    if (which == QLatin1String("replay"))
        openReplayDialog();
    else if (which == QLatin1String("answer"))
        openAnswerDialog();
    QTimer::singleShot(500, this, [this] {
        if (m_replayDialog) {
            m_replayDialog->move(0, 0);
            m_replayDialog->confirmBox()->setChecked(true);
        }
        if (m_answerDialog) {
            m_answerDialog->move(0, 0);
            m_answerDialog->textEdit()->setPlainText(tr("Looking into it — the *ams01* switches are being checked."));
            m_answerDialog->revalidateNow();
            QMetaObject::invokeMethod(m_answerDialog->fromNautobotButton(), &QPushButton::click);
        }
    });
}

} // namespace socketscope
