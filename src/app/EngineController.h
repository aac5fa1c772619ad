#pragma once

#include "capture/CaptureStore.h"
#include "dialogs/OperatorEndpoints.h"
#include "slack/SocketModeClient.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QThread;

namespace socketscope {

class EngineWorker;
class SimWorker;

// Runs the engine (SocketModeClient + its read-write CaptureStore) in a worker thread and, in demo
// mode, the built-in simulator in another; forwards the client's signals to the GUI thread (queued).
// Nothing here blocks the GUI thread except joining the threads at shutdown.
class EngineController : public QObject
{
    Q_OBJECT
public:
    explicit EngineController(QObject *parent = nullptr);
    ~EngineController() override;

    // Demo: starts the simulator with traffic (envelopes per second), then connects to it.
    void startDemo(const QString &capturePath, const QString &mode, double perSecond);
    // A real workspace; the token stays in memory only.
    void start(const QString &capturePath, const ClientOptions &options);
    void stop();
    bool isActive() const { return m_active; }
    bool isDemo() const { return m_demo; }
    QString capturePath() const { return m_capturePath; }
    void setDemoRate(double perSecond);
    void shutdown(); // stops and joins the worker threads
    // Demo workspace: the in-process simulator's Nautobot (REST + ChatOps) and Slack Web API, with
    // their generated secrets; empty until the simulator listens.
    std::optional<OperatorEndpoints> demoEndpoints() const { return m_demoEndpoints; }

Q_SIGNALS:
    void captureReady(const QString &path); // the writer created the schema; readers may open it now
    void stateChanged(socketscope::ClientState state, const QString &detail);
    void envelopesCommitted(const QVector<socketscope::Envelope> &envelopes);
    void envelopesAcked(const QVector<socketscope::AckUpdate> &acks);
    void linkEvent(const socketscope::LinkEvent &event);
    void helloReceived(int linkId, int numConnections, const QString &host);
    void counters(int liveLinks, int reconnects);
    void warning(const QString &text);
    void failed(const QString &text); // fatal, gave up, or could not start
    void deliveryUpdated(qint64 rowId, const QString &status); // Bridge mode: a re-delivery's outcome

private:
    void ensureEngineThread();
    void startEngine(const ClientOptions &options);

    QThread *m_engineThread = nullptr;
    QThread *m_simThread = nullptr;
    QPointer<EngineWorker> m_engine;
    QPointer<SimWorker> m_sim;
    QString m_capturePath;
    QString m_mode;
    bool m_active = false;
    bool m_demo = false;
    std::optional<OperatorEndpoints> m_demoEndpoints;
};

} // namespace socketscope
