// The whole network path over real sockets on 127.0.0.1: REST (QNetworkAccessManager) and WebSocket
// (QWebSocket) through an HTTP proxy chosen by ProxyResolver, and TLS trust from a PEM CA bundle.
//
// Qt 6.4 sends loopback traffic direct whenever the proxy comes from the global machinery
// (QGlobalNetworkProxy::proxyForQuery returns NoProxy for localhost/127.0.0.1 before asking any
// factory). ProxyResolver is therefore installed per QNetworkAccessManager (setProxyFactory) and handed
// to QWebSocket as an explicit proxy, which Qt uses as is; loopback_globalFactory_isBypassedByQt
// pins down that behaviour so the tests below know they are real.
#include "NetFixtures.h"
#include "net/ProxyResolver.h"
#include "net/TlsSettings.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtTest>

#include <unistd.h>

using namespace socketscope;
using namespace testnet;

namespace {

EnvProxyConfig envFrom(const QHash<QString, QString> &m)
{
    return EnvProxyConfig::fromLookup([m](const QString &name) { return m.value(name); });
}

struct RestOutcome
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QSslError> sslErrors;
};

RestOutcome getUrl(ProxyResolver *resolver, const QUrl &url, const std::optional<QSslConfiguration> &tls)
{
    QNetworkAccessManager nam;
    nam.setProxyFactory(resolver); // takes ownership
    QNetworkRequest req(url);
    if (tls)
        req.setSslConfiguration(*tls);
    RestOutcome out;
    std::unique_ptr<QNetworkReply> reply(nam.get(req));
    QObject::connect(reply.get(), &QNetworkReply::sslErrors, reply.get(),
                     [&out](const QList<QSslError> &e) { out.sslErrors = e; });
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 15000)) {
        out.error = QNetworkReply::TimeoutError;
        return out;
    }
    out.error = reply->error();
    out.body = reply->readAll();
    return out;
}

// Opens the socket, sends one text message and waits for the echo; returns the echo or an error text.
QString echoOverWebSocket(const QUrl &url, const QNetworkProxy &proxy, const std::optional<QSslConfiguration> &tls)
{
    QWebSocket ws;
    ws.setProxy(proxy);
    if (tls)
        ws.setSslConfiguration(*tls);
    QString echoed;
    QString failure;
    QObject::connect(&ws, &QWebSocket::connected, &ws, [&ws] { ws.sendTextMessage(QStringLiteral("ping")); });
    QObject::connect(&ws, &QWebSocket::textMessageReceived, &ws, [&echoed](const QString &m) { echoed = m; });
    // Qt 6.4 has error(); errorOccurred() arrives in 6.5.
    QObject::connect(&ws, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), &ws,
                     [&ws, &failure](QAbstractSocket::SocketError) { failure = ws.errorString(); });
    QObject::connect(&ws, &QWebSocket::sslErrors, &ws, [&failure](const QList<QSslError> &e) {
        failure = TlsSettings::describeSslErrors(e).message;
    });
    ws.open(url);
    if (!QTest::qWaitFor([&] { return !echoed.isEmpty() || !failure.isEmpty(); }, 15000))
        failure = QStringLiteral("timeout");
    ws.close();
    if (!failure.isEmpty())
        return QStringLiteral("error: ") + failure;
    return echoed;
}

} // namespace

class TestNetPath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void loopback_globalFactory_isBypassedByQt();
    void profileProxy_plainRestAndWebSocket_bothGoThroughProxy();
    void httpsProxyEnv_httpsRestAndWss_tunnelledWithCaBundle();
    void profileProxyWithCredentials_authenticatesTunnels();
    void noProxyEnv_loopbackEntry_goesDirect();

    void tls_withBundle_handshakeSucceeds();
    void tls_withoutBundle_failsNamingSubjectAndIssuer();
    void tls_bundleProblems_areNamed();
    void tls_configuration_keepsSystemCasAndAddsBundle();

private:
    QUrl restUrl(bool tls) const;
    QUrl wsUrl(bool tls) const;

    TlsFixture m_tls;
    std::unique_ptr<TunnelProxy> m_proxy;
    std::unique_ptr<HttpResponder> m_http;
    std::unique_ptr<HttpResponder> m_https;
    std::unique_ptr<QWebSocketServer> m_ws;
    std::unique_ptr<QWebSocketServer> m_wss;
};

void TestNetPath::initTestCase()
{
    QVERIFY2(m_tls.dir.isValid(), "no temporary folder");
    QVERIFY2(m_tls.generate(), qPrintable(m_tls.error));
}

void TestNetPath::init()
{
    m_proxy = std::make_unique<TunnelProxy>();
    QVERIFY(m_proxy->start());
    m_http = std::make_unique<HttpResponder>();
    QVERIFY(m_http->start());
    m_https = std::make_unique<HttpResponder>();
    m_https->certificate = m_tls.serverCert;
    m_https->key = m_tls.serverKey;
    QVERIFY(m_https->start());

    const auto echo = [](QWebSocketServer *server) {
        QObject::connect(server, &QWebSocketServer::newConnection, server, [server] {
            while (QWebSocket *s = server->nextPendingConnection()) {
                QObject::connect(s, &QWebSocket::textMessageReceived, s,
                                 [s](const QString &m) { s->sendTextMessage(m); });
                QObject::connect(s, &QWebSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    };
    m_ws = std::make_unique<QWebSocketServer>(QStringLiteral("ws"), QWebSocketServer::NonSecureMode);
    echo(m_ws.get());
    QVERIFY(m_ws->listen(QHostAddress::LocalHost, 0));
    m_wss = std::make_unique<QWebSocketServer>(QStringLiteral("wss"), QWebSocketServer::SecureMode);
    QSslConfiguration serverTls = QSslConfiguration::defaultConfiguration();
    serverTls.setLocalCertificate(m_tls.serverCert);
    serverTls.setPrivateKey(m_tls.serverKey);
    serverTls.setPeerVerifyMode(QSslSocket::VerifyNone); // the server does not ask for client certificates
    m_wss->setSslConfiguration(serverTls);
    echo(m_wss.get());
    QVERIFY(m_wss->listen(QHostAddress::LocalHost, 0));
}

void TestNetPath::cleanup()
{
    m_wss.reset();
    m_ws.reset();
    m_https.reset();
    m_http.reset();
    m_proxy.reset();
}

QUrl TestNetPath::restUrl(bool tls) const
{
    return QUrl((tls ? QStringLiteral("https://127.0.0.1:") + QString::number(m_https->serverPort())
                     : QStringLiteral("http://127.0.0.1:") + QString::number(m_http->serverPort()))
                + QStringLiteral("/api/apps.connections.open"));
}

QUrl TestNetPath::wsUrl(bool tls) const
{
    return QUrl((tls ? QStringLiteral("wss://127.0.0.1:") + QString::number(m_wss->serverPort())
                     : QStringLiteral("ws://127.0.0.1:") + QString::number(m_ws->serverPort()))
                + QStringLiteral("/link/?ticket=t"));
}

void TestNetPath::loopback_globalFactory_isBypassedByQt()
{
    ProxySettings explicitProxy;
    explicitProxy.kind = ProxySettings::Kind::Http;
    explicitProxy.host = QStringLiteral("127.0.0.1");
    explicitProxy.port = m_proxy->port();
    QNetworkProxyFactory::setApplicationProxyFactory(new ProxyResolver(explicitProxy, QString(), envFrom({})));
    const auto global = QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(restUrl(false)));
    const auto remote = QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(QUrl(QStringLiteral("http://192.0.2.1/"))));
    QNetworkProxyFactory::setApplicationProxyFactory(nullptr);
    QCOMPARE(global.value(0).type(), QNetworkProxy::NoProxy); // Qt's loopback shortcut
    QCOMPARE(remote.value(0).type(), QNetworkProxy::HttpProxy); // the factory itself was installed
}

void TestNetPath::profileProxy_plainRestAndWebSocket_bothGoThroughProxy()
{
    ProxySettings ps;
    ps.kind = ProxySettings::Kind::Http;
    ps.host = QStringLiteral("127.0.0.1");
    ps.port = m_proxy->port();
    const EnvProxyConfig env = envFrom({});

    const RestOutcome rest = getUrl(new ProxyResolver(ps, QString(), env), restUrl(false), std::nullopt);
    QCOMPARE(rest.error, QNetworkReply::NoError);
    QCOMPARE(rest.body, QByteArray("ok"));
    QCOMPARE(m_proxy->forwards, QStringList{restUrl(false).toString()});
    QCOMPARE(m_http->hits, 1);

    ProxyResolver resolver(ps, QString(), env);
    QCOMPARE(resolver.choose(wsUrl(false)).describe(),
             QStringLiteral("via http://127.0.0.1:") + QString::number(m_proxy->port()) + QStringLiteral(" (from the profile)"));
    QCOMPARE(echoOverWebSocket(wsUrl(false), resolver.proxyForUrl(wsUrl(false)), std::nullopt), QStringLiteral("ping"));
    QCOMPARE(m_proxy->tunnels, QStringList{QStringLiteral("127.0.0.1:") + QString::number(m_ws->serverPort())});
}

void TestNetPath::httpsProxyEnv_httpsRestAndWss_tunnelledWithCaBundle()
{
    const EnvProxyConfig env = envFrom({{QStringLiteral("HTTPS_PROXY"), m_proxy->url()},
                                        {QStringLiteral("no_proxy"), QStringLiteral("localhost,.internal")}});
    const auto tls = TlsSettings::configuration(m_tls.caPath);
    QVERIFY(tls.ok());
    const auto makeResolver = [&env] {
        auto *r = new ProxyResolver(ProxySettings{}, QString(), env);
        r->setBypassLoopback(false); // the peers are on 127.0.0.1; a real deployment keeps the default
        return r;
    };

    const RestOutcome rest = getUrl(makeResolver(), restUrl(true), tls.value());
    QVERIFY2(rest.sslErrors.isEmpty(), qPrintable(TlsSettings::describeSslErrors(rest.sslErrors).message));
    QCOMPARE(rest.error, QNetworkReply::NoError);
    QCOMPARE(rest.body, QByteArray("ok"));

    std::unique_ptr<ProxyResolver> resolver(makeResolver());
    const ProxyChoice choice = resolver->choose(wsUrl(true));
    QCOMPARE(choice.describe(), QStringLiteral("via ") + m_proxy->url() + QStringLiteral(" (from HTTPS_PROXY)"));
    QCOMPARE(echoOverWebSocket(wsUrl(true), choice.proxy, tls.value()), QStringLiteral("ping"));

    QCOMPARE(m_proxy->tunnels, (QStringList{QStringLiteral("127.0.0.1:") + QString::number(m_https->serverPort()),
                                            QStringLiteral("127.0.0.1:") + QString::number(m_wss->serverPort())}));
    QVERIFY(m_proxy->forwards.isEmpty());
    QCOMPARE(m_https->hits, 1);
}

void TestNetPath::profileProxyWithCredentials_authenticatesTunnels()
{
    m_proxy->requiredAuth = "Basic " + QByteArray("alice:s3cr3t-proxy-pw").toBase64();
    ProxySettings ps;
    ps.kind = ProxySettings::Kind::Http;
    ps.host = QStringLiteral("127.0.0.1");
    ps.port = m_proxy->port();
    ps.user = QStringLiteral("alice");
    const QString password = QStringLiteral("s3cr3t-proxy-pw"); // would come from the keychain
    const auto tls = TlsSettings::configuration(m_tls.caPath);
    QVERIFY(tls.ok());

    const RestOutcome rest = getUrl(new ProxyResolver(ps, password, envFrom({})), restUrl(true), tls.value());
    QCOMPARE(rest.error, QNetworkReply::NoError);
    QCOMPARE(rest.body, QByteArray("ok"));
    ProxyResolver resolver(ps, password, envFrom({}));
    QCOMPARE(echoOverWebSocket(wsUrl(true), resolver.proxyForUrl(wsUrl(true)), tls.value()), QStringLiteral("ping"));
    QCOMPARE(m_proxy->tunnels.size(), 2); // only authenticated CONNECTs are recorded
    QVERIFY(!resolver.choose(wsUrl(true)).describe().contains(password));

    // Wrong password: the proxy keeps refusing and nothing is tunnelled.
    const int before = m_proxy->tunnels.size();
    const RestOutcome denied = getUrl(new ProxyResolver(ps, QStringLiteral("wrong"), envFrom({})), restUrl(true), tls.value());
    QCOMPARE(denied.error, QNetworkReply::ProxyAuthenticationRequiredError);
    QCOMPARE(m_proxy->tunnels.size(), before);
    QVERIFY(m_proxy->challenges >= 1);
}

void TestNetPath::noProxyEnv_loopbackEntry_goesDirect()
{
    const EnvProxyConfig env = envFrom({{QStringLiteral("HTTPS_PROXY"), m_proxy->url()},
                                        {QStringLiteral("HTTP_PROXY"), m_proxy->url()},
                                        {QStringLiteral("NO_PROXY"), QStringLiteral("example.org, 127.0.0.1")}});
    auto *rest = new ProxyResolver(ProxySettings{}, QString(), env);
    rest->setBypassLoopback(false);
    const RestOutcome r = getUrl(rest, restUrl(false), std::nullopt);
    QCOMPARE(r.error, QNetworkReply::NoError);
    ProxyResolver resolver(ProxySettings{}, QString(), env);
    resolver.setBypassLoopback(false);
    QCOMPARE(resolver.choose(wsUrl(false)).describe(), QStringLiteral("direct (NO_PROXY entry 127.0.0.1)"));
    QCOMPARE(echoOverWebSocket(wsUrl(false), resolver.proxyForUrl(wsUrl(false)), std::nullopt), QStringLiteral("ping"));
    QVERIFY(m_proxy->tunnels.isEmpty());
    QVERIFY(m_proxy->forwards.isEmpty());
    QCOMPARE(m_http->hits, 1);
}

void TestNetPath::tls_withBundle_handshakeSucceeds()
{
    const auto config = TlsSettings::configuration(m_tls.caPath);
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
    QSslSocket socket;
    socket.setSslConfiguration(config.value());
    socket.setProxy(QNetworkProxy::NoProxy);
    QList<QSslError> errors;
    connect(&socket, &QSslSocket::sslErrors, this, [&errors](const QList<QSslError> &e) { errors = e; });
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_https->serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(socket.isEncrypted() || !errors.isEmpty(), 10000);
    QVERIFY2(errors.isEmpty(), qPrintable(TlsSettings::describeSslErrors(errors).toString()));
    QCOMPARE(socket.peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0),
             QStringLiteral("SocketScope Test Server"));
}

void TestNetPath::tls_withoutBundle_failsNamingSubjectAndIssuer()
{
    const auto config = TlsSettings::configuration(QString()); // system CAs only
    QVERIFY(config.ok());
    QSslSocket socket;
    socket.setSslConfiguration(config.value());
    socket.setProxy(QNetworkProxy::NoProxy);
    QList<QSslError> errors;
    connect(&socket, &QSslSocket::sslErrors, this, [&errors](const QList<QSslError> &e) { errors = e; });
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_https->serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
    // Nothing ignores the errors, so the handshake must not complete.
    QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState, 10000);
    QVERIFY(!socket.isEncrypted());

    const Error e = TlsSettings::describeSslErrors(errors, QStringLiteral("127.0.0.1"));
    QCOMPARE(e.code, QStringLiteral("tls_untrusted"));
    QVERIFY2(e.message.contains(QStringLiteral("\"CN=SocketScope Test Server, O=SocketScope Tests\"")), qPrintable(e.message));
    QVERIFY2(e.message.contains(QStringLiteral("issued by \"CN=SocketScope Test CA, O=SocketScope Tests\"")), qPrintable(e.message));
    QVERIFY(e.message.startsWith(QStringLiteral("TLS verification of 127.0.0.1 failed: ")));
    QVERIFY2(e.fix.contains(QStringLiteral("import your proxy's CA bundle")), qPrintable(e.fix));
}

void TestNetPath::tls_bundleProblems_areNamed()
{
    auto missing = TlsSettings::configuration(m_tls.dir.filePath(QStringLiteral("nope.pem")));
    QCOMPARE(missing.error().code, QStringLiteral("ca_bundle_unreadable"));
    QVERIFY(missing.error().message.contains(QStringLiteral("nope.pem")));

    QFile notPem(m_tls.dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(notPem.open(QIODevice::WriteOnly));
    notPem.write("this is not a certificate\n");
    notPem.close();
    auto empty = TlsSettings::configuration(notPem.fileName());
    QCOMPARE(empty.error().code, QStringLiteral("ca_bundle_empty"));
    QVERIFY(empty.error().fix.contains(QStringLiteral("openssl x509 -inform der")));

    // A key file is not a certificate either.
    QCOMPARE(TlsSettings::loadCaBundle(m_tls.dir.filePath(QStringLiteral("server.key"))).error().code,
             QStringLiteral("ca_bundle_empty"));

    // A folder: certificates are picked out of whatever else is there (keys, notes, CSRs).
    auto folder = TlsSettings::loadCaBundle(m_tls.dir.path());
    QVERIFY(folder.ok());
    QCOMPARE(folder->size(), 2); // ca.pem and server.pem
    QTemporaryDir emptyDir;
    QCOMPARE(TlsSettings::loadCaBundle(emptyDir.path()).error().code, QStringLiteral("ca_bundle_empty"));

    if (::geteuid() != 0) { // root reads anything, so permissions cannot make a file unreadable
        QFile locked(m_tls.dir.filePath(QStringLiteral("locked.pem")));
        QVERIFY(locked.open(QIODevice::WriteOnly));
        locked.close();
        locked.setPermissions(QFileDevice::Permissions());
        QCOMPARE(TlsSettings::loadCaBundle(locked.fileName()).error().code, QStringLiteral("ca_bundle_unreadable"));
    }
}

void TestNetPath::tls_configuration_keepsSystemCasAndAddsBundle()
{
    const auto config = TlsSettings::configuration(m_tls.caPath);
    QVERIFY(config.ok());
    const QList<QSslCertificate> cas = config->caCertificates();
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    QCOMPARE(cas.size(), system.size() + 1);
    QVERIFY(cas.contains(TlsSettings::loadCaBundle(m_tls.caPath).value().first()));
    if (!system.isEmpty())
        QVERIFY(cas.contains(system.first()));
}

QTEST_GUILESS_MAIN(TestNetPath)
#include "tst_net_path.moc"
