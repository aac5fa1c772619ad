#include "net/NoProxyRules.h"
#include "net/ProxyResolver.h"

#include <QtTest>

using namespace socketscope;

using EnvMap = QHash<QString, QString>;
Q_DECLARE_METATYPE(EnvMap)

namespace {
EnvProxyConfig envFrom(const EnvMap &m)
{
    return EnvProxyConfig::fromLookup([m](const QString &name) { return m.value(name); });
}
QString S(const char *s)
{
    return QString::fromUtf8(s);
}
} // namespace

class TestProxyResolver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseProxyUrl_data();
    void parseProxyUrl();
    void env_lowerCaseWinsUpperCaseAccepted();
    void noProxy_data();
    void noProxy();
    void choose_data();
    void choose();
    void describe_neverShowsCredentials();
    void queryProxy_tcpQueryWithoutScheme_usesHttpsProxy();
    void system_isAskedOnlyWhenNothingElseApplies();
};

void TestProxyResolver::parseProxyUrl_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("type"); // -1 = error
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::newRow("http") << S("http://proxy.corp:3128") << int(QNetworkProxy::HttpProxy) << S("proxy.corp") << 3128 << QString();
    QTest::newRow("no scheme") << S("proxy.corp:8080") << int(QNetworkProxy::HttpProxy) << S("proxy.corp") << 8080 << QString();
    QTest::newRow("default port") << S("http://proxy.corp") << int(QNetworkProxy::HttpProxy) << S("proxy.corp") << 1080 << QString();
    QTest::newRow("trailing slash") << S("http://proxy.corp:3128/") << int(QNetworkProxy::HttpProxy) << S("proxy.corp") << 3128 << QString();
    QTest::newRow("credentials") << S("http://al%40ice:p%3Aw@proxy.corp:3128") << int(QNetworkProxy::HttpProxy) << S("proxy.corp") << 3128 << S("al@ice");
    QTest::newRow("socks5") << S("socks5://10.0.0.1:1080") << int(QNetworkProxy::Socks5Proxy) << S("10.0.0.1") << 1080 << QString();
    QTest::newRow("socks5h") << S("socks5h://gw:9050") << int(QNetworkProxy::Socks5Proxy) << S("gw") << 9050 << QString();
    QTest::newRow("ipv6") << S("http://[fd00::1]:3128") << int(QNetworkProxy::HttpProxy) << S("fd00::1") << 3128 << QString();
    QTest::newRow("https proxy unsupported") << S("https://proxy.corp:443") << -1 << QString() << 0 << QString();
    QTest::newRow("socks4 unsupported") << S("socks4://proxy.corp:1080") << -1 << QString() << 0 << QString();
    QTest::newRow("garbage") << S("http://") << -1 << QString() << 0 << QString();
}

void TestProxyResolver::parseProxyUrl()
{
    QFETCH(QString, value);
    QFETCH(int, type);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, user);
    const auto r = socketscope::parseProxyUrl(value);
    if (type < 0) {
        QVERIFY(!r.ok());
        QVERIFY(!r.error().fix.isEmpty());
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(int(r->type()), type);
    QCOMPARE(r->hostName(), host);
    QCOMPARE(int(r->port()), port);
    QCOMPARE(r->user(), user);
    if (!user.isEmpty())
        QVERIFY(r->password() == S("p:w"));
}

void TestProxyResolver::env_lowerCaseWinsUpperCaseAccepted()
{
    const auto both = envFrom({{S("https_proxy"), S("http://lower:1")}, {S("HTTPS_PROXY"), S("http://upper:2")}});
    QCOMPARE(both.https->name, S("https_proxy"));
    QCOMPARE(both.https->value, S("http://lower:1"));
    const auto upper = envFrom({{S("HTTPS_PROXY"), S("http://upper:2")}, {S("NO_PROXY"), S(".corp")},
                                {S("ALL_PROXY"), S("socks5://s:1")}, {S("HTTP_PROXY"), S("h:3")}});
    QCOMPARE(upper.https->name, S("HTTPS_PROXY"));
    QCOMPARE(upper.noProxy->name, S("NO_PROXY"));
    QCOMPARE(upper.all->name, S("ALL_PROXY"));
    QCOMPARE(upper.http->name, S("HTTP_PROXY"));
    const auto blank = envFrom({{S("https_proxy"), S("  ")}, {S("HTTPS_PROXY"), S("http://upper:2")}});
    QCOMPARE(blank.https->name, S("HTTPS_PROXY")); // a blank lower-case variable does not hide the other
    QVERIFY(!envFrom({}).https.has_value());
}

void TestProxyResolver::noProxy_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("matched"); // empty = no match
    QTest::newRow("star") << S("*") << S("slack.com") << 443 << S("*");
    QTest::newRow("exact") << S("slack.com") << S("slack.com") << 443 << S("slack.com");
    QTest::newRow("suffix subdomain") << S("slack.com") << S("wss-primary.slack.com") << 443 << S("slack.com");
    QTest::newRow("suffix needs dot boundary") << S("slack.com") << S("notslack.com") << 443 << QString();
    QTest::newRow("leading dot subdomain") << S(".corp.example") << S("nautobot.corp.example") << 443 << S(".corp.example");
    QTest::newRow("leading dot apex") << S(".corp.example") << S("corp.example") << 443 << S(".corp.example");
    QTest::newRow("star dot") << S("*.corp.example") << S("a.b.corp.example") << 443 << S("*.corp.example");
    QTest::newRow("case insensitive") << S("Corp.Example") << S("NAUTOBOT.corp.example") << 443 << S("Corp.Example");
    QTest::newRow("trailing dot host") << S("corp.example") << S("nautobot.corp.example.") << 443 << S("corp.example");
    QTest::newRow("list with spaces") << S("localhost, 127.0.0.1 ,.internal") << S("db.internal") << 5432 << S(".internal");
    QTest::newRow("ip exact") << S("10.1.2.3") << S("10.1.2.3") << 443 << S("10.1.2.3");
    QTest::newRow("ip other") << S("10.1.2.3") << S("10.1.2.4") << 443 << QString();
    QTest::newRow("ip is not a name suffix") << S("2.3") << S("10.1.2.3") << 443 << QString();
    QTest::newRow("cidr") << S("10.0.0.0/8") << S("10.200.3.4") << 443 << S("10.0.0.0/8");
    QTest::newRow("cidr outside") << S("10.0.0.0/8") << S("11.0.0.1") << 443 << QString();
    QTest::newRow("name does not match ip entry") << S("127.0.0.1") << S("localhost") << 80 << QString();
    QTest::newRow("port match") << S("nautobot.corp:8443") << S("nautobot.corp") << 8443 << S("nautobot.corp:8443");
    QTest::newRow("port mismatch") << S("nautobot.corp:8443") << S("nautobot.corp") << 443 << QString();
    QTest::newRow("ip with port") << S("127.0.0.1:8080") << S("127.0.0.1") << 8080 << S("127.0.0.1:8080");
    QTest::newRow("ipv6 literal") << S("::1") << S("[::1]") << 80 << S("::1");
    QTest::newRow("ipv6 bracket port") << S("[fd00::5]:443") << S("fd00::5") << 443 << S("[fd00::5]:443");
    QTest::newRow("ipv6 cidr") << S("fd00::/8") << S("fd12::1") << 443 << S("fd00::/8");
    QTest::newRow("empty") << QString() << S("slack.com") << 443 << QString();
}

void TestProxyResolver::noProxy()
{
    QFETCH(QString, spec);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, matched);
    QCOMPARE(NoProxyRules::parse(spec).match(host, port), matched);
}

void TestProxyResolver::choose_data()
{
    QTest::addColumn<int>("profileKind");
    QTest::addColumn<EnvMap>("env");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("described");

    const int sys = int(ProxySettings::Kind::System);
    const int none = int(ProxySettings::Kind::None);
    const int http = int(ProxySettings::Kind::Http);
    const int socks = int(ProxySettings::Kind::Socks5);
    const EnvMap corp{{S("HTTPS_PROXY"), S("http://proxy.corp:3128")},
                      {S("http_proxy"), S("http://plain.corp:8080")},
                      {S("NO_PROXY"), S(".corp.example,10.0.0.0/8")}};
    QTest::newRow("https from HTTPS_PROXY") << sys << corp << S("https://slack.com/api/apps.connections.open")
                                            << S("via http://proxy.corp:3128 (from HTTPS_PROXY)");
    QTest::newRow("wss from HTTPS_PROXY") << sys << corp << S("wss://wss-primary.slack.com/link/?ticket=x")
                                          << S("via http://proxy.corp:3128 (from HTTPS_PROXY)");
    QTest::newRow("http from http_proxy") << sys << corp << S("http://nautobot.lab/")
                                          << S("via http://plain.corp:8080 (from http_proxy)");
    QTest::newRow("NO_PROXY domain") << sys << corp << S("https://nautobot.corp.example/api/")
                                     << S("direct (NO_PROXY entry .corp.example)");
    QTest::newRow("NO_PROXY cidr") << sys << corp << S("https://10.9.8.7/api/") << S("direct (NO_PROXY entry 10.0.0.0/8)");
    QTest::newRow("loopback bypass") << sys << corp << S("http://127.0.0.1:8080/api/") << S("direct (loopback address)");
    QTest::newRow("localhost bypass") << sys << corp << S("wss://localhost:9000/") << S("direct (loopback address)");
    QTest::newRow("ALL_PROXY fallback") << sys << EnvMap{{S("ALL_PROXY"), S("socks5://gw:1080")}}
                                        << S("wss://wss-primary.slack.com/") << S("via socks5://gw:1080 (from ALL_PROXY)");
    QTest::newRow("all_proxy for http") << sys << EnvMap{{S("HTTPS_PROXY"), S("http://p:1")}, {S("all_proxy"), S("http://a:2")}}
                                        << S("http://nautobot.lab/") << S("via http://a:2 (from all_proxy)");
    QTest::newRow("unusable env") << sys << EnvMap{{S("https_proxy"), S("https://tls-proxy:443")}}
                                  << S("https://slack.com/api/")
                                  << S("direct (from https_proxy) — https_proxy is set but unusable: The proxy uses https:// "
                                       "(TLS to the proxy itself), which Qt does not support.");
    QTest::newRow("profile none beats env") << none << corp << S("https://slack.com/api/") << S("direct (the profile says no proxy)");
    QTest::newRow("profile http beats env") << http << corp << S("https://slack.com/api/")
                                            << S("via http://profile.proxy:3128 (from the profile, with credentials)");
    QTest::newRow("profile socks5") << socks << EnvMap{} << S("wss://wss-primary.slack.com/")
                                    << S("via socks5://profile.proxy:3128 (from the profile, with credentials)");
    QTest::newRow("profile proxy applies to loopback") << http << EnvMap{} << S("http://127.0.0.1:1/")
                                                       << S("via http://profile.proxy:3128 (from the profile, with credentials)");
    QTest::newRow("NO_PROXY beats profile proxy") << http << corp << S("https://nautobot.corp.example/")
                                                  << S("direct (NO_PROXY entry .corp.example)");
    QTest::newRow("nothing configured") << sys << EnvMap{} << S("https://slack.com/api/")
                                        << S("direct (from the system proxy configuration)");
}

void TestProxyResolver::choose()
{
    QFETCH(int, profileKind);
    QFETCH(EnvMap, env);
    QFETCH(QString, url);
    QFETCH(QString, described);
    ProxySettings ps;
    ps.kind = ProxySettings::Kind(profileKind);
    ps.host = S("profile.proxy");
    ps.port = 3128;
    ps.user = S("alice");
    ProxyResolver resolver(ps, S("fixture-password"), envFrom(env));
    resolver.setSystemLookup([](const QNetworkProxyQuery &) { return QList<QNetworkProxy>{QNetworkProxy::NoProxy}; });
    const ProxyChoice c = resolver.choose(QUrl(url));
    QCOMPARE(c.describe(), described);
    if (ps.isExplicit() && !c.isDirect()) {
        QCOMPARE(c.proxy.user(), S("alice"));
        QVERIFY(c.proxy.password() == S("fixture-password"));
    }
    // The factory interface returns the same choice.
    QCOMPARE(resolver.queryProxy(QNetworkProxyQuery(QUrl(url))).value(0), c.proxy);
}

void TestProxyResolver::describe_neverShowsCredentials()
{
    ProxyResolver resolver(ProxySettings{}, QString(),
                           envFrom({{S("HTTPS_PROXY"), S("http://bob:hunter2secret@proxy.corp:3128")}}));
    const ProxyChoice c = resolver.choose(QUrl(S("https://slack.com/api/")));
    QCOMPARE(c.proxy.user(), S("bob"));
    QVERIFY(c.proxy.password() == S("hunter2secret"));
    const QString text = c.describe();
    QCOMPARE(text, S("via http://proxy.corp:3128 (from HTTPS_PROXY, with credentials)"));
    QVERIFY(!text.contains(S("hunter2")));
    QVERIFY(!text.contains(S("bob")));
}

void TestProxyResolver::queryProxy_tcpQueryWithoutScheme_usesHttpsProxy()
{
    // QWebSocket's socket asks with a TCP query and no protocol tag; Qt's generic factory would then
    // consult only all_proxy/http_proxy. Ours treats any port but 80 as TLS and uses HTTPS_PROXY.
    ProxyResolver resolver(ProxySettings{}, QString(),
                           envFrom({{S("HTTPS_PROXY"), S("http://proxy.corp:3128")},
                                    {S("HTTP_PROXY"), S("http://plain.corp:8080")}}));
    const QNetworkProxyQuery tls(S("wss-primary.slack.com"), 443);
    QCOMPARE(resolver.queryProxy(tls).value(0).hostName(), S("proxy.corp"));
    const QNetworkProxyQuery plain(S("nautobot.lab"), 80);
    QCOMPARE(resolver.queryProxy(plain).value(0).hostName(), S("plain.corp"));
    const QNetworkProxyQuery tagged(S("nautobot.lab"), 8080, S("http"));
    QCOMPARE(resolver.queryProxy(tagged).value(0).hostName(), S("plain.corp"));
    QCOMPARE(resolver.proxyForUrl(QUrl(S("wss://wss-primary.slack.com/link"))).hostName(), S("proxy.corp"));
}

void TestProxyResolver::system_isAskedOnlyWhenNothingElseApplies()
{
    int asked = 0;
    ProxyResolver resolver(ProxySettings{}, QString(), envFrom({{S("no_proxy"), S("internal")}}));
    resolver.setSystemLookup([&asked](const QNetworkProxyQuery &) {
        ++asked;
        return QList<QNetworkProxy>{QNetworkProxy(QNetworkProxy::HttpProxy, S("os.proxy"), 8080)};
    });
    QCOMPARE(resolver.choose(QUrl(S("https://slack.com/"))).describe(),
             S("via http://os.proxy:8080 (from the system proxy configuration)"));
    QCOMPARE(asked, 1);
    QVERIFY(resolver.choose(QUrl(S("https://nb.internal/"))).isDirect());
    QVERIFY(resolver.choose(QUrl(S("https://127.0.0.1/"))).isDirect());
    QCOMPARE(asked, 1);
    resolver.setBypassLoopback(false);
    QCOMPARE(resolver.choose(QUrl(S("https://127.0.0.1/"))).proxy.hostName(), S("os.proxy"));
}

QTEST_GUILESS_MAIN(TestProxyResolver)
#include "tst_proxy_resolver.moc"
