// The simulator's WebSocket side over real sockets: hello, pings, envelopes, acks, Events API
// retries, every scenario as a client observes it, the zero-link meter and traffic.
#include "SimTestClient.h"
#include "SlackSimulator.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QtTest>

using namespace socketscope::sim;
using namespace simtest;

namespace {

SlackSimConfig fastConfig()
{
    SlackSimConfig config;
    config.serverPingIntervalMs = 100;
    config.ackDeadlineMs = 150;
    config.retryDelaysMs = {0, 100, 100};
    config.warningCloseDelayMs = 300;
    config.refreshCloseDelayMs = 300;
    config.linkDisabledCloseDelayMs = 100;
    config.tooManyWebsocketsAbortDelayMs = 50;
    config.rateLimitRetryAfterS = 1;
    config.rateLimitedOpens = 2;
    return config;
}

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toObject();
}

} // namespace

class TstSimLinks : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SlackSimulator> sim;
    QNetworkAccessManager nam;

    void start(const SlackSimConfig &config = fastConfig())
    {
        sim = std::make_unique<SlackSimulator>(config);
        QVERIFY(sim->listen(0).ok());
    }
    QJsonObject only(LinkClient &client, const QString &type)
    {
        [&] { QVERIFY(client.waitForType(type)); }();
        return client.ofType(type).value(0);
    }

private Q_SLOTS:
    void cleanup() { sim.reset(); }

    void scenarioNames_roundTrip_allTenKnown()
    {
        const QStringList names = scenarioNames();
        QCOMPARE(names.size(), 10);
        for (const QString &name : names) {
            const auto scenario = scenarioFromName(name);
            QVERIFY(scenario.has_value());
            QCOMPARE(scenarioName(*scenario), name);
        }
        QVERIFY(!scenarioFromName(QStringLiteral("nope")).has_value());
    }

    void hello_firstAndSecondLink_countsConnectionsAndDebugInfo()
    {
        start();
        LinkClient first, second;
        QVERIFY(first.openFrom(nam, *sim));
        QVERIFY(second.openFrom(nam, *sim));
        const QJsonObject hello1 = first.ofType(QStringLiteral("hello")).value(0);
        const QJsonObject hello2 = second.ofType(QStringLiteral("hello")).value(0);
        QCOMPARE(hello1.value(QStringLiteral("num_connections")).toInt(), 1);
        QCOMPARE(hello2.value(QStringLiteral("num_connections")).toInt(), 2);
        const QJsonObject debug = obj(hello1, "debug_info");
        QVERIFY(str(debug, "host").startsWith(QStringLiteral("applink-")));
        QVERIFY(debug.value(QStringLiteral("build_number")).toInt() > 0);
        QCOMPARE(debug.value(QStringLiteral("approximate_connection_time")).toInt(), 18060);
        QCOMPARE(str(obj(hello1, "connection_info"), "app_id"), sim->config().appId);
        QCOMPARE(sim->stats().liveLinks, 2);
        QCOMPARE(sim->stats().linksOpened, 2);
    }

    void debugReconnects_scaledLifetime_refreshRequestedThenClosed()
    {
        SlackSimConfig config = fastConfig();
        config.connectionTimeScale = 0.001; // 360 s → 360 ms
        start(config);
        LinkClient debug, normal;
        QVERIFY(debug.openFrom(nam, *sim, QStringLiteral("&debug_reconnects=true")));
        QVERIFY(normal.openFrom(nam, *sim));
        QCOMPARE(obj(debug.ofType(QStringLiteral("hello")).value(0), "debug_info").value(QStringLiteral("approximate_connection_time")).toInt(), 360);
        QVERIFY(debug.waitForType(QStringLiteral("disconnect"), 1, 3000));
        QCOMPARE(str(debug.ofType(QStringLiteral("disconnect")).value(0), "reason"), QStringLiteral("refresh_requested"));
        QVERIFY(debug.waitDisconnected(3000));
        QCOMPARE(debug.socket.closeCode(), QWebSocketProtocol::CloseCodeNormal);
        QVERIFY(normal.ofType(QStringLiteral("disconnect")).isEmpty()); // 18060 s × 0.001 = 18 s: not yet
    }

    void serverPing_rawClient_seesPingControlFrames()
    {
        start();
        const HttpResult open = openConnection(nam, *sim, sim->config().appToken);
        const QUrl url(str(open.json, "url"));
        QTcpSocket tcp;
        tcp.connectToHost(QHostAddress::LocalHost, sim->linkPort());
        QTRY_COMPARE_WITH_TIMEOUT(tcp.state(), QAbstractSocket::ConnectedState, 5000);
        const QByteArray key = QByteArray::number(QRandomGenerator::global()->generate64()).toBase64();
        tcp.write("GET " + url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QByteArray received;
        int opcodePing = 0;
        QElapsedTimer timer;
        timer.start();
        bool upgraded = false;
        while (opcodePing == 0 && timer.elapsed() < 5000) {
            QTest::qWait(10);
            received += tcp.readAll();
            if (!upgraded) {
                const int end = received.indexOf("\r\n\r\n");
                if (end < 0)
                    continue;
                QVERIFY(received.startsWith("HTTP/1.1 101"));
                received.remove(0, end + 4);
                upgraded = true;
            }
            // Server frames are unmasked: opcode, then a 7-bit/16-bit length.
            while (received.size() >= 2) {
                const int opcode = received.at(0) & 0x0f;
                int length = received.at(1) & 0x7f;
                int header = 2;
                if (length == 126) {
                    if (received.size() < 4)
                        break;
                    length = (static_cast<unsigned char>(received.at(2)) << 8) | static_cast<unsigned char>(received.at(3));
                    header = 4;
                }
                if (received.size() < header + length)
                    break;
                if (opcode == 0x9)
                    ++opcodePing;
                received.remove(0, header + length);
            }
        }
        QVERIFY2(opcodePing > 0, "no WebSocket ping control frame from the simulator");
    }

    void envelopes_eachKind_slackShapes()
    {
        start();
        LinkClient client;
        QVERIFY(client.openFrom(nam, *sim));
        const QString slashId = sim->sendEnvelope(EnvelopeKind::SlashCommand);
        sim->sendEnvelope(EnvelopeKind::BlockActions);
        sim->sendEnvelope(EnvelopeKind::ViewSubmission);
        sim->sendEnvelope(EnvelopeKind::AppMention);
        sim->sendEnvelope(EnvelopeKind::Message);
        QVERIFY(!slashId.isEmpty());
        QVERIFY(client.waitForType(QStringLiteral("interactive"), 2));
        QVERIFY(client.waitForType(QStringLiteral("events_api"), 2));
        QVERIFY(client.waitForType(QStringLiteral("slash_commands"), 1));
        QSet<QString> ids;
        for (const QJsonObject &frame : client.frames) {
            if (frame.contains(QStringLiteral("envelope_id")))
                ids.insert(str(frame, "envelope_id"));
        }
        QCOMPARE(ids.size(), 5);

        const QJsonObject slash = client.ofType(QStringLiteral("slash_commands")).value(0);
        QCOMPARE(str(slash, "envelope_id"), slashId);
        QCOMPARE(slash.value(QStringLiteral("accepts_response_payload")).toBool(), true);
        QVERIFY(!slash.contains(QStringLiteral("retry_attempt")));
        const QJsonObject form = obj(slash, "payload");
        for (const char *key : {"token", "team_id", "team_domain", "channel_id", "channel_name", "user_id", "user_name",
                                "command", "text", "api_app_id", "is_enterprise_install", "response_url", "trigger_id"})
            QVERIFY2(form.value(QLatin1String(key)).isString(), key);
        QCOMPARE(str(form, "command"), QStringLiteral("/nautobot"));
        QVERIFY(str(form, "response_url").startsWith(QStringLiteral("http://127.0.0.1:%1/hooks/commands/%2/").arg(sim->httpPort()).arg(sim->config().teamId)));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.[0-9a-f]{32}$")).match(str(form, "trigger_id")).hasMatch());

        QJsonObject blockActions, viewSubmission;
        for (const QJsonObject &frame : client.ofType(QStringLiteral("interactive"))) {
            if (str(obj(frame, "payload"), "type") == QLatin1String("block_actions"))
                blockActions = frame;
            else if (str(obj(frame, "payload"), "type") == QLatin1String("view_submission"))
                viewSubmission = frame;
        }
        QVERIFY(!blockActions.isEmpty());
        QCOMPARE(blockActions.value(QStringLiteral("accepts_response_payload")).toBool(), false);
        const QJsonObject action = obj(blockActions, "payload").value(QStringLiteral("actions")).toArray().at(0).toObject();
        QCOMPARE(str(action, "action_id"), QStringLiteral("nautobot get-devices location"));
        QVERIFY(str(obj(blockActions, "payload"), "response_url").contains(QStringLiteral("/hooks/actions/")));
        QVERIFY(!viewSubmission.isEmpty());
        QCOMPARE(viewSubmission.value(QStringLiteral("accepts_response_payload")).toBool(), true);
        QVERIFY(obj(obj(obj(viewSubmission, "payload"), "view"), "state").contains(QStringLiteral("values")));

        QSet<QString> eventTypes;
        for (const QJsonObject &frame : client.ofType(QStringLiteral("events_api"))) {
            const QJsonObject payload = obj(frame, "payload");
            QCOMPARE(str(payload, "type"), QStringLiteral("event_callback"));
            QVERIFY(str(payload, "event_id").startsWith(QStringLiteral("Ev")));
            QCOMPARE(frame.value(QStringLiteral("retry_attempt")).toInt(-1), 0);
            QCOMPARE(str(frame, "retry_reason"), QString());
            QCOMPARE(frame.value(QStringLiteral("accepts_response_payload")).toBool(true), false);
            eventTypes.insert(str(obj(payload, "event"), "type"));
        }
        QCOMPARE(eventTypes, (QSet<QString>{QStringLiteral("app_mention"), QStringLiteral("message")}));
    }

    void ack_validDuplicateMalformedUnknown_bookkeeping()
    {
        start();
        LinkClient client;
        QVERIFY(client.openFrom(nam, *sim));
        QSignalSpy acked(sim.get(), &SlackSimulator::envelopeAcked);
        const QString a = sim->sendEnvelope(EnvelopeKind::SlashCommand);
        const QString b = sim->sendEnvelope(EnvelopeKind::AppMention);
        QVERIFY(client.waitForType(QStringLiteral("events_api")));
        client.ack(a);
        client.socket.sendTextMessage(QStringLiteral("{\"envelope_id\":\"%1\"}").arg(b)); // bare ack (PY style)
        QTRY_COMPARE_WITH_TIMEOUT(acked.count(), 2, 5000);
        client.ack(a); // duplicate
        client.socket.sendTextMessage(QStringLiteral("not json"));
        client.socket.sendTextMessage(QStringLiteral("{\"envelope_id\":5}"));
        client.socket.sendTextMessage(QStringLiteral("{\"envelope_id\":\"%1\",\"payload\":\"text\"}").arg(a));
        client.ack(QStringLiteral("never-sent"));
        QTRY_COMPARE_WITH_TIMEOUT(sim->stats().unknownAcks, 1, 5000);
        const SimStats stats = sim->stats();
        QCOMPARE(stats.sent, 2);
        QCOMPARE(stats.acked, 2);
        QCOMPARE(stats.duplicateAcks, 1);
        QCOMPARE(stats.malformedAcks, 3);
        QCOMPARE(stats.ackLatenciesUs.size(), 2);
        for (qint64 latency : stats.ackLatenciesUs)
            QVERIFY(latency > 0 && latency < 5000000);
        QCOMPARE(acked.at(0).at(1).toLongLong(), stats.ackLatenciesUs.at(0));
        QCOMPARE(sim->ackedEnvelopeIds(), (QSet<QString>{a, b}));
        QCOMPARE(sim->sentEnvelopeIds(), (QSet<QString>{a, b}));
    }

    void ack_onAnotherLiveLink_accepted()
    {
        start();
        LinkClient first, second;
        QVERIFY(first.openFrom(nam, *sim));
        QVERIFY(second.openFrom(nam, *sim));
        QStringList ids;
        for (int i = 0; i < 4; ++i)
            ids.append(sim->sendEnvelope(EnvelopeKind::SlashCommand));
        QTRY_COMPARE_WITH_TIMEOUT(first.ofType(QStringLiteral("slash_commands")).size() + second.ofType(QStringLiteral("slash_commands")).size(), 4, 5000);
        QVERIFY(!first.ofType(QStringLiteral("slash_commands")).isEmpty()); // spread over both links
        QVERIFY(!second.ofType(QStringLiteral("slash_commands")).isEmpty());
        for (const QJsonObject &frame : first.ofType(QStringLiteral("slash_commands")))
            second.ack(str(frame, "envelope_id"));
        for (const QJsonObject &frame : second.ofType(QStringLiteral("slash_commands")))
            first.ack(str(frame, "envelope_id"));
        QTRY_COMPARE_WITH_TIMEOUT(sim->stats().acked, 4, 5000);
    }

    void retry_unackedEvent_sameEventIdAttemptsOneToThreeThenGivenUp()
    {
        start();
        LinkClient client;
        QVERIFY(client.openFrom(nam, *sim));
        sim->sendEnvelope(EnvelopeKind::AppMention);
        sim->sendEnvelope(EnvelopeKind::SlashCommand);
        sim->sendEnvelope(EnvelopeKind::BlockActions);
        QVERIFY(client.waitForType(QStringLiteral("events_api"), 4, 5000));
        const QVector<QJsonObject> deliveries = client.ofType(QStringLiteral("events_api"));
        const QString eventId = str(obj(deliveries.at(0), "payload"), "event_id");
        QSet<QString> envelopeIds;
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(deliveries.at(i).value(QStringLiteral("retry_attempt")).toInt(), i);
            QCOMPARE(str(deliveries.at(i), "retry_reason"), i == 0 ? QString() : QStringLiteral("timeout"));
            QCOMPARE(str(obj(deliveries.at(i), "payload"), "event_id"), eventId);
            envelopeIds.insert(str(deliveries.at(i), "envelope_id"));
        }
        QCOMPARE(envelopeIds.size(), 4); // a new envelope id per delivery
        QTRY_COMPARE_WITH_TIMEOUT(sim->stats().eventsGivenUp, 1, 5000);
        QTest::qWait(300);
        QCOMPARE(client.ofType(QStringLiteral("events_api")).size(), 4);
        QCOMPARE(client.ofType(QStringLiteral("slash_commands")).size(), 1); // never retried
        QCOMPARE(client.ofType(QStringLiteral("interactive")).size(), 1);
        QCOMPARE(sim->stats().retriesSent, 3);
    }

    void retry_eventAckedOnRetry_stopsRetrying()
    {
        start();
        LinkClient client;
        QVERIFY(client.openFrom(nam, *sim));
        sim->sendEnvelope(EnvelopeKind::Message);
        QVERIFY(client.waitForType(QStringLiteral("events_api"), 2, 5000));
        client.ack(str(client.ofType(QStringLiteral("events_api")).at(1), "envelope_id"));
        QTRY_COMPARE_WITH_TIMEOUT(sim->stats().acked, 1, 5000);
        QTest::qWait(600);
        QVERIFY(client.ofType(QStringLiteral("events_api")).size() <= 3); // at most one already in flight
        QCOMPARE(sim->stats().pendingEvents, 0);
        QCOMPARE(sim->stats().eventsGivenUp, 0);
    }

    void scenarioRefresh_liveLinks_refreshRequestedThenServerCloses()
    {
        start();
        LinkClient client;
        QVERIFY(client.openFrom(nam, *sim));
        sim->runScenario(Scenario::Refresh);
        const QJsonObject disconnect = only(client, QStringLiteral("disconnect"));
        QCOMPARE(str(disconnect, "reason"), QStringLiteral("refresh_requested"));
        QVERIFY(str(obj(disconnect, "debug_info"), "host").startsWith(QStringLiteral("applink-")));
        QVERIFY(!disconnect.contains(QStringLiteral("envelope_id")));
        QVERIFY(client.waitDisconnected(3000));
        QCOMPARE(client.socket.closeCode(), QWebSocketProtocol::CloseCodeNormal);
        QVERIFY(!client.socket.closeReason().isEmpty()); // a real close frame
    }

    void scenarioWarning_liveLinks_warningThenCloseAfterDelay()
    {
        start();
        LinkClient client;
        QVERIFY(client.openFrom(nam, *sim));
        QElapsedTimer timer;
        timer.start();
        sim->runScenario(Scenario::Warning);
        QCOMPARE(str(only(client, QStringLiteral("disconnect")), "reason"), QStringLiteral("warning"));
        QVERIFY(client.waitDisconnected(3000));
        QVERIFY2(timer.elapsed() >= 250, "closed before warningCloseDelayMs");
    }

    void scenarioDrop_liveLinks_tcpAbortWithoutCloseFrame()
    {
        start();
        LinkClient client;
        QVERIFY(client.openFrom(nam, *sim));
        sim->runScenario(Scenario::Drop);
        QVERIFY(client.waitDisconnected(3000));
        QVERIFY(client.ofType(QStringLiteral("disconnect")).isEmpty());
        // QWebSocket reports no close reason when the TCP connection ended without a close frame.
        QCOMPARE(client.socket.closeReason(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(sim->liveLinkCount(), 0, 3000);
    }

    void scenarioStale_existingLink_noFramesNoPongs_newLinkWorks()
    {
        start();
        LinkClient client;
        QVERIFY(client.openFrom(nam, *sim));
        client.socket.ping("before");
        QTRY_COMPARE_WITH_TIMEOUT(client.pongs, 1, 3000);
        sim->runScenario(Scenario::Stale);
        client.socket.ping("during");
        const QString lost = sim->sendEnvelope(EnvelopeKind::SlashCommand);
        QTest::qWait(500);
        QCOMPARE(client.pongs, 1);
        QVERIFY(lost.isEmpty());
        QVERIFY(client.ofType(QStringLiteral("slash_commands")).isEmpty());
        QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState); // connected but deaf

        LinkClient fresh;
        QVERIFY(fresh.openFrom(nam, *sim));
        QVERIFY(!sim->sendEnvelope(EnvelopeKind::SlashCommand).isEmpty());
        QVERIFY(fresh.waitForType(QStringLiteral("slash_commands")));
        QVERIFY(client.ofType(QStringLiteral("slash_commands")).isEmpty());

        sim->runScenario(Scenario::Normal); // hears again: the pending ping gets its pong
        QTRY_COMPARE_WITH_TIMEOUT(client.pongs, 2, 3000);
    }

    void scenarioMalformed_badFramesInterleavedWithEnvelopes()
    {
        start();
        LinkClient client;
        QVERIFY(client.openFrom(nam, *sim));
        sim->runScenario(Scenario::Malformed);
        QTRY_COMPARE_WITH_TIMEOUT(client.binaries.size(), 1, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(client.texts.size() >= 1 + 5 + 6, 3000); // hello, 5 bad text frames, 6 envelopes
        QVERIFY(client.texts.contains(QStringLiteral("this is not json {")));
        QVERIFY(client.texts.contains(QString()));
        QVERIFY(client.texts.contains(QStringLiteral("[\"an\",\"array\"]")));
        int envelopes = 0;
        for (const QJsonObject &frame : client.frames)
            envelopes += frame.value(QStringLiteral("envelope_id")).isString() ? 1 : 0;
        QCOMPARE(envelopes, 6);
        QCOMPARE(sim->stats().malformedFramesSent, 6);
        sim->sendBurst(20); // the mode stays on: traffic carries bad frames too
        QTRY_VERIFY_WITH_TIMEOUT(sim->stats().malformedFramesSent >= 8, 3000);
    }

    void scenarioRateLimited_nextOpens429ThenOk()
    {
        start();
        sim->runScenario(Scenario::RateLimited);
        for (int i = 0; i < 2; ++i) {
            const HttpResult result = openConnection(nam, *sim, sim->config().appToken);
            QCOMPARE(result.status, 429);
            QCOMPARE(result.headers.value("retry-after"), QByteArray("1"));
        }
        QCOMPARE(openConnection(nam, *sim, sim->config().appToken).status, 200);
    }

    void scenarioInvalidAuth_opensFailUntilNormal()
    {
        start();
        sim->runScenario(Scenario::InvalidAuth);
        QCOMPARE(str(openConnection(nam, *sim, sim->config().appToken).json, "error"), QStringLiteral("invalid_auth"));
        sim->runScenario(Scenario::Normal);
        QCOMPARE(openConnection(nam, *sim, sim->config().appToken).json.value(QStringLiteral("ok")).toBool(), true);
    }

    void scenarioLinkDisabled_liveAndNewLinksToldAndClosed()
    {
        start();
        LinkClient client;
        QVERIFY(client.openFrom(nam, *sim));
        sim->runScenario(Scenario::LinkDisabled);
        QCOMPARE(str(only(client, QStringLiteral("disconnect")), "reason"), QStringLiteral("link_disabled"));
        QVERIFY(client.waitDisconnected(3000));

        // apps.connections.open keeps working (Slack documents no open error for this state);
        // the new link is told link_disabled instead of hello.
        const HttpResult open = openConnection(nam, *sim, sim->config().appToken);
        QCOMPARE(open.json.value(QStringLiteral("ok")).toBool(), true);
        LinkClient next;
        QVERIFY(next.open(QUrl(str(open.json, "url"))));
        QCOMPARE(str(only(next, QStringLiteral("disconnect")), "reason"), QStringLiteral("link_disabled"));
        QVERIFY(next.ofType(QStringLiteral("hello")).isEmpty());
        QVERIFY(next.waitDisconnected(3000));
        QCOMPARE(sim->liveLinkCount(), 0);

        sim->runScenario(Scenario::Normal);
        LinkClient again;
        QVERIFY(again.openFrom(nam, *sim));
    }

    void tooManyWebsockets_beyondMax_helloThenDisconnectThenAbort()
    {
        SlackSimConfig config = fastConfig();
        config.maxConnections = 2;
        start(config);
        LinkClient a, b, c;
        QVERIFY(a.openFrom(nam, *sim));
        QVERIFY(b.openFrom(nam, *sim));
        QVERIFY(c.openFrom(nam, *sim));
        QCOMPARE(c.ofType(QStringLiteral("hello")).value(0).value(QStringLiteral("num_connections")).toInt(), 3);
        QCOMPARE(str(only(c, QStringLiteral("disconnect")), "reason"), QStringLiteral("too_many_websockets"));
        QVERIFY(c.waitDisconnected(3000));
        QCOMPARE(c.socket.closeReason(), QString()); // aborted, no close frame (1006 as observed at Slack)
        QCOMPARE(sim->stats().tooManyWebsocketsRejected, 1);
        QCOMPARE(sim->liveLinkCount(), 2);
    }

    void scenarioTooManyWebsockets_warningThenReconnectRejected()
    {
        start();
        LinkClient client;
        QVERIFY(client.openFrom(nam, *sim));
        sim->runScenario(Scenario::TooManyWebsockets);
        QCOMPARE(str(only(client, QStringLiteral("disconnect")), "reason"), QStringLiteral("warning"));
        LinkClient replacement;
        QVERIFY(replacement.openFrom(nam, *sim));
        QCOMPARE(str(only(replacement, QStringLiteral("disconnect")), "reason"), QStringLiteral("too_many_websockets"));
        QCOMPARE(replacement.ofType(QStringLiteral("hello")).value(0).value(QStringLiteral("num_connections")).toInt(),
                 sim->config().maxConnections + 2);
        QVERIFY(replacement.waitDisconnected(3000));
    }

    void zeroLink_overlapAcrossRefresh_noWindow_closeFirst_window()
    {
        start();
        LinkClient old;
        QVERIFY(old.openFrom(nam, *sim));
        sim->runScenario(Scenario::Refresh);
        QVERIFY(old.waitForType(QStringLiteral("disconnect")));
        LinkClient replacement; // make-before-break
        QVERIFY(replacement.openFrom(nam, *sim));
        QVERIFY(old.waitDisconnected(3000));
        QCOMPARE(sim->stats().zeroLinkWindows, 0);
        QCOMPARE(sim->stats().zeroLinkUs, 0);

        replacement.socket.close(); // break-before-make
        QTRY_COMPARE_WITH_TIMEOUT(sim->liveLinkCount(), 0, 3000);
        QTest::qWait(50);
        LinkClient late;
        QVERIFY(late.openFrom(nam, *sim));
        SimStats stats = sim->stats();
        QCOMPARE(stats.zeroLinkWindows, 1);
        QVERIFY(stats.zeroLinkUs >= 50000);

        sim->stopGapMeasurement(); // the client leaves on purpose: not a gap
        late.socket.close();
        QTRY_COMPARE_WITH_TIMEOUT(sim->liveLinkCount(), 0, 3000);
        QTest::qWait(50);
        QCOMPARE(sim->stats().zeroLinkWindows, 1);
        QCOMPARE(sim->stats().zeroLinkUs, stats.zeroLinkUs);
    }

    void traffic_startTraffic_holdsRateAndEveryEnvelopeAcked()
    {
        SlackSimConfig config = fastConfig();
        config.ackDeadlineMs = 3000;
        start(config);
        LinkClient first(true), second(true);
        QVERIFY(first.openFrom(nam, *sim));
        QVERIFY(second.openFrom(nam, *sim));
        QElapsedTimer timer;
        timer.start();
        sim->startTraffic(2000);
        // One second's worth of the rate. Under a sanitizer on a loaded machine the process stalls,
        // and the pacer drops what a stall owed beyond one burst (unit-tested in tst_traffic_pacer),
        // so wait for the rate's count, not for the wall clock.
        QTRY_VERIFY_WITH_TIMEOUT(sim->stats().sent + sim->stats().trafficSkipped >= 2000, 15000);
        sim->stopTraffic();
        const qint64 elapsedMs = timer.elapsed();
        const int sent = sim->stats().sent;
        const int skipped = sim->stats().trafficSkipped;
        QVERIFY2(sent >= 200 && sent + skipped <= 2 * elapsedMs, // never ahead of the rate
                 qPrintable(QStringLiteral("sent %1, skipped %2 in %3 ms").arg(sent).arg(skipped).arg(elapsedMs)));
        QTRY_COMPARE_WITH_TIMEOUT(sim->stats().acked, sent, 10000);
        QCOMPARE(sim->stats().retriesSent, 0);
        QCOMPARE(sim->stats().ackLatenciesUs.size(), sent);
        qInfo("traffic: %d envelopes (%d skipped after stalls) in %lld ms over 2 links, all acked", sent, skipped, elapsedMs);
    }

    void traffic_sendBurst_allDeliveredAndAcked()
    {
        SlackSimConfig config = fastConfig();
        config.ackDeadlineMs = 5000;
        start(config);
        LinkClient client(true);
        QVERIFY(client.openFrom(nam, *sim));
        sim->sendBurst(5000);
        QCOMPARE(sim->stats().sent, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(sim->stats().acked, 5000, 20000);
        QCOMPARE(sim->ackedEnvelopeIds(), sim->sentEnvelopeIds());
    }
};

QTEST_GUILESS_MAIN(TstSimLinks)
#include "tst_sim_links.moc"
