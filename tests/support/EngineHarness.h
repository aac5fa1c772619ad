#pragma once

#include "capture/CaptureStore.h"
#include "slack/SocketModeClient.h"
#include "SlackSimulator.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

// Test support: a simulator on 127.0.0.1, a capture in a temp dir and a client wired to both,
// with short timings so reconnect and liveness cases run in seconds.
struct EngineHarness
{
    explicit EngineHarness(socketscope::sim::SlackSimConfig simConfig = fastSimConfig())
        : sim(simConfig)
    {
    }

    static socketscope::sim::SlackSimConfig fastSimConfig()
    {
        socketscope::sim::SlackSimConfig c;
        c.serverPingIntervalMs = 500;
        c.ackDeadlineMs = 3000;
        c.retryDelaysMs = {0, 1000, 2000};
        c.warningCloseDelayMs = 1500;
        return c;
    }

    socketscope::ClientOptions fastOptions() const
    {
        socketscope::ClientOptions o;
        o.apiUrl = sim.apiUrl();
        o.appToken = sim.config().appToken;
        o.pingIntervalMs = 200;
        o.livenessWindowMs = 1500;
        o.backoffInitialMs = 100;
        o.backoffMaxMs = 1000;
        o.oldLinkDrainMs = 4000; // longer than the simulator's refresh/warning close delays
        o.oldLinkCloseTimeoutMs = 500;
        o.tooManyWebsocketsBackoffMs = 1500;
        o.helloTimeoutMs = 2000;
        return o;
    }

    bool start(socketscope::ClientOptions options)
    {
        if (sim.httpPort() == 0 && !sim.listen(0))
            return false;
        if (options.apiUrl.port() <= 0)
            options.apiUrl = sim.apiUrl();
        socketscope::CaptureStore::Options storeOptions;
        storeOptions.ackJournal = ackJournal;
        auto opened = socketscope::CaptureStore::open(dir.filePath(QStringLiteral("capture.sqlite")),
                                                      socketscope::CaptureStore::Mode::ReadWrite, storeOptions);
        if (!opened)
            return false;
        store = std::move(opened.value());
        client = std::make_unique<socketscope::SocketModeClient>(store.get(), options);
        QObject::connect(client.get(), &socketscope::SocketModeClient::fatalError, client.get(),
                         [this](const socketscope::Error &e) { fatal = e; });
        QObject::connect(client.get(), &socketscope::SocketModeClient::gaveUp, client.get(),
                         [this](const socketscope::Error &e) { gaveUp = e; });
        client->start();
        return true;
    }
    bool start() { return start(fastOptions()); }

    qint64 captured() const
    {
        auto count = store->envelopeCount();
        return count ? count.value() : -1;
    }

    QSet<QString> capturedIds() const
    {
        QSet<QString> ids;
        (void)store->forEachEnvelope([&](const socketscope::Envelope &e) {
            ids.insert(e.envelopeId);
            return true;
        });
        return ids;
    }

    // As listen and the desktop app run it: dedicated mode acks after the ack journal's write.
    bool ackJournal = true;
    QTemporaryDir dir;
    socketscope::sim::SlackSimulator sim;
    std::unique_ptr<socketscope::CaptureStore> store;
    std::unique_ptr<socketscope::SocketModeClient> client;
    std::optional<socketscope::Error> fatal;
    std::optional<socketscope::Error> gaveUp;
};
