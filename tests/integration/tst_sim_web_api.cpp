// The simulator's HTTP side over real sockets: apps.connections.open errors, tickets, auth.test,
// and the reusable route table.
#include "HttpServer.h"
#include "SimTestClient.h"
#include "SlackSimulator.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QtTest>

using namespace socketscope::sim;
using namespace simtest;

class TstSimWebApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SlackSimulator> sim;
    QNetworkAccessManager nam;

    QUrl api(const char *method) const { return sim->apiUrl().resolved(QUrl(QString::fromLatin1(method))); }
    QString openError(const HttpResult &result) const { return result.json.value(QStringLiteral("error")).toString(); }

private Q_SLOTS:
    void init()
    {
        sim = std::make_unique<SlackSimulator>();
        QVERIFY(sim->listen(0).ok());
    }
    void cleanup() { sim.reset(); }

    void open_listensOnLoopbackOnly_apiUrlIsLocal()
    {
        QCOMPARE(sim->apiUrl().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(sim->httpPort() > 0);
        QVERIFY(sim->linkPort() > 0);
        QVERIFY(sim->linkPort() != sim->httpPort());
    }

    void open_validAppToken_returnsOneTimeTicketUrl()
    {
        const HttpResult result = openConnection(nam, *sim, sim->config().appToken);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json.value(QStringLiteral("ok")).toBool(), true);
        const QString url = result.json.value(QStringLiteral("url")).toString();
        const QRegularExpression shape(QStringLiteral(
            "^ws://127\\.0\\.0\\.1:(\\d+)/link/\\?ticket=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}&app_id=[0-9a-f]{64}$"));
        const auto match = shape.match(url);
        QVERIFY2(match.hasMatch(), qPrintable(url));
        QCOMPARE(match.captured(1).toUShort(), sim->linkPort());
        QCOMPARE(result.headers.value("x-oauth-scopes"), QByteArray("connections:write"));
        QCOMPARE(sim->stats().connectionsOpenCalls, 1);
    }

    void open_noAuthorizationHeader_notAuthed()
    {
        const HttpResult result = openConnection(nam, *sim, QString());
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(openError(result), QStringLiteral("not_authed"));
    }

    void open_tokenAsFormField_missingArgs()
    {
        const QByteArray body = "token=" + QUrl::toPercentEncoding(sim->config().appToken);
        const HttpResult result = httpCall(nam, "POST", api("apps.connections.open"), QByteArray(), body);
        QCOMPARE(openError(result), QStringLiteral("missing_args"));
    }

    void open_botOrUserToken_notAllowedTokenType()
    {
        QCOMPARE(openError(openConnection(nam, *sim, sim->config().botToken)), QStringLiteral("not_allowed_token_type"));
        QCOMPARE(openError(openConnection(nam, *sim, QStringLiteral("xoxp-1-2-3-abc"))), QStringLiteral("not_allowed_token_type"));
    }

    void open_unknownAppToken_invalidAuth()
    {
        QCOMPARE(openError(openConnection(nam, *sim, QStringLiteral("xapp-1-A000-1-deadbeef"))), QStringLiteral("invalid_auth"));
        QCOMPARE(openError(openConnection(nam, *sim, QStringLiteral("garbage"))), QStringLiteral("invalid_auth"));
    }

    void open_getRequest_insecureRequest()
    {
        const HttpResult result = httpCall(nam, "GET", api("apps.connections.open"),
                                           QByteArray("Bearer " + sim->config().appToken.toUtf8()));
        QCOMPARE(openError(result), QStringLiteral("insecure_request"));
    }

    void open_setOpenError_returnsThatErrorWithScopesForMissingScope()
    {
        QSignalSpy called(sim.get(), &SlackSimulator::connectionsOpenCalled);
        sim->setOpenError(QStringLiteral("missing_scope"));
        HttpResult result = openConnection(nam, *sim, sim->config().appToken);
        QCOMPARE(openError(result), QStringLiteral("missing_scope"));
        QCOMPARE(result.json.value(QStringLiteral("needed")).toString(), QStringLiteral("connections:write"));
        QVERIFY(!result.json.value(QStringLiteral("provided")).toString().isEmpty());
        sim->setOpenError(QStringLiteral("internal_error"));
        QCOMPARE(openError(openConnection(nam, *sim, sim->config().appToken)), QStringLiteral("internal_error"));
        sim->setOpenError(QString());
        QCOMPARE(openConnection(nam, *sim, sim->config().appToken).json.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(called.count(), 3);
        QCOMPARE(called.at(0).at(0).toBool(), false);
        QCOMPARE(called.at(2).at(0).toBool(), true);
    }

    void open_rateLimited_http429WithRetryAfterThenOk()
    {
        sim->setRateLimited(7, 2);
        for (int i = 0; i < 2; ++i) {
            const HttpResult result = openConnection(nam, *sim, sim->config().appToken);
            QCOMPARE(result.status, 429);
            QCOMPARE(result.headers.value("retry-after"), QByteArray("7"));
            QCOMPARE(openError(result), QStringLiteral("ratelimited"));
        }
        QCOMPARE(openConnection(nam, *sim, sim->config().appToken).status, 200);
    }

    void ticket_usedTwice_secondHandshakeRefused()
    {
        const HttpResult result = openConnection(nam, *sim, sim->config().appToken);
        const QUrl url(result.json.value(QStringLiteral("url")).toString());
        LinkClient first;
        QVERIFY(first.open(url));
        QVERIFY(first.waitForType(QStringLiteral("hello")));

        QSignalSpy refused(sim.get(), &SlackSimulator::handshakeRefused);
        LinkClient second;
        QVERIFY(!second.open(url));
        QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, 5000);
        QCOMPARE(sim->stats().handshakesRefused, 1);
        QCOMPARE(sim->stats().linksOpened, 1);
    }

    void ticket_unknown_handshakeRefused()
    {
        LinkClient client;
        QVERIFY(!client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/link/?ticket=00000000-0000-0000-0000-000000000000&app_id=ab")
                                      .arg(sim->linkPort()))));
        QTRY_COMPARE_WITH_TIMEOUT(sim->stats().handshakesRefused, 1, 5000);
        QCOMPARE(sim->liveLinkCount(), 0);
    }

    void authTest_botToken_identityAndManifestScopes()
    {
        const HttpResult result = httpCall(nam, "POST", api("auth.test"), QByteArray("Bearer " + sim->config().botToken.toUtf8()));
        QCOMPARE(result.status, 200);
        const QJsonObject &body = result.json;
        QCOMPARE(body.value(QStringLiteral("ok")).toBool(), true);
        for (const char *key : {"url", "team", "user", "team_id", "user_id", "bot_id"})
            QVERIFY2(!body.value(QLatin1String(key)).toString().isEmpty(), key);
        QCOMPARE(body.value(QStringLiteral("team_id")).toString(), sim->config().teamId);
        const QByteArrayList scopes = result.headers.value("x-oauth-scopes").split(',');
        for (const char *scope : {"commands", "chat:write", "channels:read", "files:write", "incoming-webhook", "users:read",
                                  "users:read.email", "app_mentions:read", "groups:read", "im:read", "mpim:read"})
            QVERIFY2(scopes.contains(QByteArray(scope)), scope);
    }

    void authTest_badOrMissingToken_slackErrors()
    {
        QCOMPARE(openError(httpCall(nam, "POST", api("auth.test"), "Bearer xoxb-wrong")), QStringLiteral("invalid_auth"));
        QCOMPARE(openError(httpCall(nam, "POST", api("auth.test"), QByteArray())), QStringLiteral("not_authed"));
    }

    void http_unknownApiMethod_unknownMethod()
    {
        QCOMPARE(openError(httpCall(nam, "POST", api("chat.nothing"), QByteArray())), QStringLiteral("unknown_method"));
    }

    void http_routeTable_otherModulesRegisterRoutesOnSamePort()
    {
        sim->httpServer().addRoute("GET", QStringLiteral("/nautobot/api/status/"), [](const HttpRequest &request) {
            return HttpResponse::json(QJsonObject{{QStringLiteral("query"), request.query.queryItemValue(QStringLiteral("q"))}});
        });
        const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(sim->httpPort()));
        const HttpResult ok = httpCall(nam, "GET", base.resolved(QUrl(QStringLiteral("/nautobot/api/status/?q=hi"))), QByteArray());
        QCOMPARE(ok.json.value(QStringLiteral("query")).toString(), QStringLiteral("hi"));
        QCOMPARE(httpCall(nam, "POST", base.resolved(QUrl(QStringLiteral("/nautobot/api/status/"))), QByteArray()).status, 405);
        QCOMPARE(httpCall(nam, "GET", base.resolved(QUrl(QStringLiteral("/nowhere"))), QByteArray()).status, 404);
    }

    void http_keepAliveAndPipelining_twoAnswersOnOneConnection()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, sim->httpPort());
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::ConnectedState, 5000);
        const QByteArray body = "token=x";
        const QByteArray request = "POST /api/auth.test HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                   "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        socket.write(request + request);
        QByteArray received;
        QElapsedTimer timer;
        timer.start();
        // The server runs in this thread: wait with the event loop running.
        while (received.count("HTTP/1.1 200 OK") < 2 && timer.elapsed() < 5000) {
            QTest::qWait(10);
            received += socket.readAll();
        }
        QCOMPARE(received.count("HTTP/1.1 200 OK"), 2);
        QCOMPARE(received.count("\"error\":\"invalid_auth\""), 2);
        QCOMPARE(received.count("Connection: keep-alive"), 2);
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }

    void http_responseUrl_acceptsHandAnswers()
    {
        const QUrl hook(QStringLiteral("http://127.0.0.1:%1/hooks/commands/T0SIM0001/123/abc").arg(sim->httpPort()));
        const HttpResult result = httpCall(nam, "POST", hook, QByteArray(), "{\"text\":\"hi\"}");
        QCOMPARE(result.status, 200);
        QCOMPARE(sim->stats().responseUrlPosts, 1);
    }
};

QTEST_GUILESS_MAIN(TstSimWebApi)
#include "tst_sim_web_api.moc"
