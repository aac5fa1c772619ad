#include "EngineController.h"

#include "NautobotSimulator.h"
#include "SlackSimulator.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <climits>

namespace socketscope {

// Lives in the engine thread: owns the read-write store and the client.
class EngineWorker : public QObject
{
    Q_OBJECT
public:
    std::unique_ptr<CaptureStore> store;
    QString storePath;
    SocketModeClient *client = nullptr;
    QTimer *countersTimer = nullptr;

    void start(const QString &path, const ClientOptions &options)
    {
        if (!store || storePath != path) {
            client = nullptr;
            CaptureStore::Options storeOptions;
            storeOptions.ackJournal = true; // dedicated mode acks after the journal write (see AckJournal)
            auto opened = CaptureStore::open(path, CaptureStore::Mode::ReadWrite, storeOptions);
            if (!opened.ok()) {
                Q_EMIT failed(tr("Could not open the capture %1: %2").arg(path, opened.error().toString()));
                return;
            }
            store = std::move(opened).value();
            storePath = path;
            if (const qint64 recovered = store->recoveredFromJournal(); recovered > 0) {
                Q_EMIT warning(tr("Stored %n envelope(s) that an earlier session acknowledged but had not written to "
                                  "the capture's tables when it stopped (they were safe in its ack journal).",
                                  nullptr, int(std::min<qint64>(recovered, INT_MAX))));
            }
        }
        Q_EMIT captureReady(path);
        if (client)
            client->deleteLater();
        client = new SocketModeClient(store.get(), options, this);
        connect(client, &SocketModeClient::stateChanged, this, &EngineWorker::stateChanged);
        connect(client, &SocketModeClient::envelopesCommitted, this, &EngineWorker::envelopesCommitted);
        connect(client, &SocketModeClient::envelopesAcked, this, &EngineWorker::envelopesAcked);
        connect(client, &SocketModeClient::linkEvent, this, &EngineWorker::linkEvent);
        connect(client, &SocketModeClient::helloReceived, this, &EngineWorker::helloReceived);
        connect(client, &SocketModeClient::warning, this, &EngineWorker::warning);
        connect(client, &SocketModeClient::deliveryUpdated, this, &EngineWorker::deliveryUpdated);
        connect(client, &SocketModeClient::fatalError, this,
                [this](const Error &e) { Q_EMIT failed(e.toString()); });
        connect(client, &SocketModeClient::gaveUp, this, [this](const Error &e) { Q_EMIT failed(e.toString()); });
        if (!countersTimer) {
            countersTimer = new QTimer(this);
            countersTimer->setInterval(500);
            connect(countersTimer, &QTimer::timeout, this, [this] {
                if (client)
                    Q_EMIT counters(client->liveLinkCount(), client->reconnectCount());
            });
            countersTimer->start();
        }
        client->start();
    }

    void stop()
    {
        if (client)
            client->stop();
    }

    void shutdown()
    {
        if (client) {
            client->stop(QStringLiteral("application closing"));
            delete client;
            client = nullptr;
        }
        store.reset();
    }

Q_SIGNALS:
    void captureReady(const QString &path);
    void stateChanged(socketscope::ClientState state, const QString &detail);
    void envelopesCommitted(const QVector<socketscope::Envelope> &envelopes);
    void envelopesAcked(const QVector<socketscope::AckUpdate> &acks);
    void linkEvent(const socketscope::LinkEvent &event);
    void helloReceived(int linkId, int numConnections, const QString &host);
    void counters(int liveLinks, int reconnects);
    void warning(const QString &text);
    void failed(const QString &text);
    void deliveryUpdated(qint64 rowId, const QString &status);
};

// Lives in the simulator thread.
class SimWorker : public QObject
{
    Q_OBJECT
public:
    sim::SlackSimulator *simulator = nullptr;
    sim::NautobotSimulator *nautobot = nullptr;

    void start(double perSecond)
    {
        if (!simulator) {
            simulator = new sim::SlackSimulator(sim::SlackSimConfig{}, this);
            // The demo's Nautobot shares the Slack simulator's port, so replays, answers and the REST
            // console work in the demo workspace too.
            nautobot = new sim::NautobotSimulator(sim::NautobotSimConfig{}, this);
            nautobot->registerOn(simulator->httpServer());
            auto listening = simulator->listen(0);
            if (!listening.ok()) {
                // Explicit context: lupdate cannot resolve this .cpp-local class's tr().
                Q_EMIT failed(QCoreApplication::translate("socketscope::SimWorker",
                                                          "The built-in simulator could not listen on 127.0.0.1: %1")
                                  .arg(listening.error().toString()));
                return;
            }
        }
        simulator->startTraffic(perSecond);
        OperatorEndpoints endpoints;
        endpoints.nautobotUrl = simulator->apiUrl().resolved(QUrl(QStringLiteral("/")));
        endpoints.nautobotToken = nautobot->config().token;
        endpoints.signingSecret = nautobot->config().signingSecret;
        endpoints.slackApiUrl = simulator->apiUrl();
        endpoints.botToken = simulator->config().botToken;
        endpoints.slashPrefix = nautobot->config().slashCommandPrefix;
        endpoints.origin = tr("demo simulator");
        Q_EMIT nautobotReady(endpoints);
        Q_EMIT ready(simulator->apiUrl(), simulator->config().appToken);
    }
    void setRate(double perSecond)
    {
        if (simulator)
            simulator->startTraffic(perSecond);
    }
    void shutdown()
    {
        delete nautobot;
        nautobot = nullptr;
        delete simulator;
        simulator = nullptr;
    }

Q_SIGNALS:
    void ready(const QUrl &apiUrl, const QString &appToken);
    void nautobotReady(const socketscope::OperatorEndpoints &endpoints);
    void failed(const QString &text);
};

EngineController::EngineController(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<QVector<Envelope>>();
    qRegisterMetaType<QVector<AckUpdate>>();
    qRegisterMetaType<LinkEvent>();
    qRegisterMetaType<ClientState>();
    qRegisterMetaType<Error>();
    qRegisterMetaType<OperatorEndpoints>();
}

EngineController::~EngineController()
{
    shutdown();
}

void EngineController::ensureEngineThread()
{
    if (m_engineThread)
        return;
    m_engineThread = new QThread(this);
    m_engineThread->setObjectName(QStringLiteral("engine"));
    auto *worker = new EngineWorker;
    worker->moveToThread(m_engineThread);
    m_engine = worker;
    connect(m_engineThread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &EngineWorker::captureReady, this, &EngineController::captureReady);
    connect(worker, &EngineWorker::stateChanged, this, [this](ClientState s, const QString &detail) {
        m_active = s != ClientState::Stopped && s != ClientState::Idle;
        Q_EMIT stateChanged(s, detail);
    });
    connect(worker, &EngineWorker::envelopesCommitted, this, &EngineController::envelopesCommitted);
    connect(worker, &EngineWorker::envelopesAcked, this, &EngineController::envelopesAcked);
    connect(worker, &EngineWorker::linkEvent, this, &EngineController::linkEvent);
    connect(worker, &EngineWorker::helloReceived, this, &EngineController::helloReceived);
    connect(worker, &EngineWorker::counters, this, &EngineController::counters);
    connect(worker, &EngineWorker::warning, this, &EngineController::warning);
    connect(worker, &EngineWorker::failed, this, &EngineController::failed);
    connect(worker, &EngineWorker::deliveryUpdated, this, &EngineController::deliveryUpdated);
    m_engineThread->start();
}

void EngineController::startEngine(const ClientOptions &options)
{
    ensureEngineThread();
    m_active = true;
    const QString path = m_capturePath;
    QMetaObject::invokeMethod(m_engine, [worker = m_engine, path, options] {
        if (worker)
            worker->start(path, options);
    });
}

void EngineController::start(const QString &capturePath, const ClientOptions &options)
{
    m_demo = false;
    m_capturePath = capturePath;
    startEngine(options);
}

void EngineController::startDemo(const QString &capturePath, const QString &mode, double perSecond)
{
    m_demo = true;
    m_capturePath = capturePath;
    m_mode = mode;
    m_active = true;
    if (!m_simThread) {
        m_simThread = new QThread(this);
        m_simThread->setObjectName(QStringLiteral("simulator"));
        auto *worker = new SimWorker;
        worker->moveToThread(m_simThread);
        m_sim = worker;
        connect(m_simThread, &QThread::finished, worker, &QObject::deleteLater);
        connect(worker, &SimWorker::failed, this, [this](const QString &text) {
            m_active = false;
            Q_EMIT failed(text);
        });
        connect(worker, &SimWorker::nautobotReady, this,
                [this](const OperatorEndpoints &endpoints) { m_demoEndpoints = endpoints; });
        connect(worker, &SimWorker::ready, this, [this](const QUrl &apiUrl, const QString &token) {
            ClientOptions options;
            options.apiUrl = apiUrl;
            options.appToken = token;
            options.mode = m_mode;
            startEngine(options);
        });
        m_simThread->start();
    }
    QMetaObject::invokeMethod(m_sim, [worker = m_sim, perSecond] {
        if (worker)
            worker->start(perSecond);
    });
}

void EngineController::setDemoRate(double perSecond)
{
    if (m_sim)
        QMetaObject::invokeMethod(m_sim, [worker = m_sim, perSecond] {
            if (worker)
                worker->setRate(perSecond);
        });
}

void EngineController::stop()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, [worker = m_engine] {
            if (worker)
                worker->stop();
        });
}

void EngineController::shutdown()
{
    // Objects made in a thread are destroyed in it, then the thread is joined.
    if (m_engineThread) {
        QMetaObject::invokeMethod(m_engine, [worker = m_engine] {
            if (worker)
                worker->shutdown();
        }, Qt::BlockingQueuedConnection);
        m_engineThread->quit();
        m_engineThread->wait();
        m_engineThread = nullptr;
    }
    if (m_simThread) {
        QMetaObject::invokeMethod(m_sim, [worker = m_sim] {
            if (worker)
                worker->shutdown();
        }, Qt::BlockingQueuedConnection);
        m_simThread->quit();
        m_simThread->wait();
        m_simThread = nullptr;
    }
    m_active = false;
}

} // namespace socketscope

#include "EngineController.moc"
