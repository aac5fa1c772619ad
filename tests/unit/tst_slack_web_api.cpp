#include "slack/SlackWebApi.h"
#include "support/CannedHttpServer.h"

#include <QtTest>

using namespace socketscope;

class TestSlackWebApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_everyReferenceCode_data();
    void classify_everyReferenceCode();
    void classify_missingScope_namesNeededAndProvided();
    void classify_unknownCode_isTransient();
    void open_ok_returnsUrlAndSendsBearerHeader();
    void open_errorCode_mapsToFailure();
    void open_http429_honoursRetryAfter();
    void open_html_saysHtmlNotJson();
    void open_http500_isTransient();
    void open_http404_isFatalAndNamesUrl();
    void open_noAnswer_timesOut();
    void open_connectionRefused_isTransient();
    void parseBaseUrl_addsSlashAndRejectsNonHttp();

private:
    ApiReply call(CannedHttpServer &server, int timeoutMs = 5000);
};

void TestSlackWebApi::classify_everyReferenceCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("action");
    using A = ApiFailureAction;
    const char *fatal[] = {"invalid_auth", "not_authed", "missing_args", "not_allowed_token_type", "missing_scope",
                           "account_inactive", "token_revoked", "token_expired", "no_permission", "access_denied",
                           "forbidden_team", "enterprise_is_restricted", "is_bot", "ekm_access_denied",
                           "two_factor_setup_required", "accesslimited", "method_deprecated", "deprecated_endpoint"};
    for (const char *c : fatal)
        QTest::newRow(c) << QString::fromLatin1(c) << int(A::Fatal);
    for (const char *c : {"org_login_required", "team_added_to_org"})
        QTest::newRow(c) << QString::fromLatin1(c) << int(A::RetrySlowly);
    const char *bugs[] = {"insecure_request", "invalid_arguments", "invalid_arg_name", "invalid_array_arg",
                          "invalid_charset", "invalid_form_data", "invalid_post_type", "missing_post_type"};
    for (const char *c : bugs)
        QTest::newRow(c) << QString::fromLatin1(c) << int(A::ClientBug);
    QTest::newRow("ratelimited") << QStringLiteral("ratelimited") << int(A::RateLimited);
    for (const char *c : {"internal_error", "fatal_error", "service_unavailable", "request_timeout"})
        QTest::newRow(c) << QString::fromLatin1(c) << int(A::Transient);
}

void TestSlackWebApi::classify_everyReferenceCode()
{
    QFETCH(QString, code);
    QFETCH(int, action);
    const ApiFailure f = classifySlackError(QStringLiteral("apps.connections.open"), code);
    QCOMPARE(int(f.action), action);
    QCOMPARE(f.error.code, code);
    QVERIFY2(f.error.message.contains(code), qPrintable(f.error.message));
    QVERIFY2(!f.error.fix.isEmpty(), "every known error names a fix");
}

void TestSlackWebApi::classify_missingScope_namesNeededAndProvided()
{
    const ApiFailure f = classifySlackError(QStringLiteral("apps.connections.open"), QStringLiteral("missing_scope"),
                                            QStringLiteral("connections:write"), QStringLiteral("authorizations:read"));
    QVERIFY(f.error.message.contains(QLatin1String("Needed: connections:write")));
    QVERIFY(f.error.message.contains(QLatin1String("authorizations:read")));
}

void TestSlackWebApi::classify_unknownCode_isTransient()
{
    const ApiFailure f = classifySlackError(QStringLiteral("apps.connections.open"), QStringLiteral("brand_new_error"));
    QCOMPARE(f.action, ApiFailureAction::Transient);
    QVERIFY(f.error.message.contains(QLatin1String("brand_new_error")));
}

ApiReply TestSlackWebApi::call(CannedHttpServer &server, int timeoutMs)
{
    SlackWebApi api(QUrl(server.baseUrl()));
    api.setTimeoutMs(timeoutMs);
    std::optional<ApiReply> result;
    api.openConnection(QStringLiteral("xapp-1-A1-2-abc"), this, [&](const ApiReply &r) { result = r; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), timeoutMs + 5000); }();
    return result.value_or(ApiReply{});
}

void TestSlackWebApi::open_ok_returnsUrlAndSendsBearerHeader()
{
    CannedHttpServer server;
    QVERIFY(server.start());
    server.response = CannedHttpServer::reply(200, "application/json",
                                              R"({"ok":true,"url":"wss://wss-primary.slack.com/link/?ticket=1&app_id=2"})");
    const ApiReply r = call(server);
    QVERIFY(r.ok());
    QCOMPARE(r.json().value(QLatin1String("url")).toString(), QStringLiteral("wss://wss-primary.slack.com/link/?ticket=1&app_id=2"));
    QVERIFY(server.lastRequest.startsWith("POST /api/apps.connections.open HTTP/1.1"));
    QVERIFY(server.lastRequest.contains("Authorization: Bearer xapp-1-A1-2-abc"));
    // The token travels only in the header, never in the body.
    QVERIFY(server.lastRequest.endsWith("\r\n\r\n"));
}

void TestSlackWebApi::open_errorCode_mapsToFailure()
{
    CannedHttpServer server;
    QVERIFY(server.start());
    server.response = CannedHttpServer::reply(200, "application/json", R"({"ok":false,"error":"not_allowed_token_type"})");
    const ApiReply r = call(server);
    QVERIFY(!r.ok());
    QCOMPARE(r.failure().action, ApiFailureAction::Fatal);
    QVERIFY(r.failure().error.fix.contains(QLatin1String("xapp-")));
}

void TestSlackWebApi::open_http429_honoursRetryAfter()
{
    CannedHttpServer server;
    QVERIFY(server.start());
    server.response = CannedHttpServer::reply(429, "application/json", R"({"ok":false,"error":"ratelimited"})",
                                              "Retry-After: 7\r\n");
    const ApiReply r = call(server);
    QVERIFY(!r.ok());
    QCOMPARE(r.failure().action, ApiFailureAction::RateLimited);
    QCOMPARE(r.failure().retryAfterMs, 7000);
}

void TestSlackWebApi::open_html_saysHtmlNotJson()
{
    CannedHttpServer server;
    QVERIFY(server.start());
    server.response = CannedHttpServer::reply(200, "text/html", "<html><body>Please log in to the proxy</body></html>");
    const ApiReply r = call(server);
    QVERIFY(!r.ok());
    QCOMPARE(r.failure().error.code, QStringLiteral("not_json"));
    QVERIFY(r.failure().error.message.contains(QLatin1String("HTML")));
    QVERIFY(!r.failure().error.fix.isEmpty());
}

void TestSlackWebApi::open_http500_isTransient()
{
    CannedHttpServer server;
    QVERIFY(server.start());
    server.response = CannedHttpServer::reply(500, "text/plain", "upstream exploded");
    const ApiReply r = call(server);
    QVERIFY(!r.ok());
    QCOMPARE(r.failure().action, ApiFailureAction::Transient);
    QCOMPARE(r.failure().error.code, QStringLiteral("http_500"));
}

void TestSlackWebApi::open_http404_isFatalAndNamesUrl()
{
    CannedHttpServer server;
    QVERIFY(server.start());
    server.response = CannedHttpServer::reply(404, "text/html", "<h1>Not Found</h1>");
    const ApiReply r = call(server);
    QVERIFY(!r.ok());
    QCOMPARE(r.failure().action, ApiFailureAction::Fatal);
    QVERIFY(r.failure().error.fix.contains(server.baseUrl()));
}

void TestSlackWebApi::open_noAnswer_timesOut()
{
    CannedHttpServer server;
    QVERIFY(server.start()); // never answers
    const ApiReply r = call(server, 500);
    QVERIFY(!r.ok());
    QCOMPARE(r.failure().error.code, QStringLiteral("timeout"));
    QCOMPARE(r.failure().action, ApiFailureAction::Transient);
}

void TestSlackWebApi::open_connectionRefused_isTransient()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    SlackWebApi api(QUrl(QStringLiteral("http://127.0.0.1:%1/api/").arg(port)));
    std::optional<ApiReply> result;
    api.openConnection(QStringLiteral("xapp-x"), this, [&](const ApiReply &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QCOMPARE(result->failure().error.code, QStringLiteral("connection_refused"));
    QCOMPARE(result->failure().action, ApiFailureAction::Transient);
}

void TestSlackWebApi::parseBaseUrl_addsSlashAndRejectsNonHttp()
{
    auto ok = SlackWebApi::parseBaseUrl(QStringLiteral("http://127.0.0.1:8/api"));
    QVERIFY(ok);
    QCOMPARE(ok.value().toString(), QStringLiteral("http://127.0.0.1:8/api/"));
    QVERIFY(!SlackWebApi::parseBaseUrl(QStringLiteral("ftp://x/api/")));
    QVERIFY(!SlackWebApi::parseBaseUrl(QStringLiteral("not a url")));
}

QTEST_GUILESS_MAIN(TestSlackWebApi)
#include "tst_slack_web_api.moc"
