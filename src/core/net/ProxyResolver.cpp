#include "net/ProxyResolver.h"

#include <QHostAddress>

namespace socketscope {

namespace {

std::optional<EnvProxyConfig::Var> lookupPair(const std::function<QString(const QString &)> &lookup,
                                              const QString &lower)
{
    for (const QString &name : {lower, lower.toUpper()}) {
        const QString v = lookup(name);
        if (!v.trimmed().isEmpty())
            return EnvProxyConfig::Var{name, v.trimmed()};
    }
    return std::nullopt;
}

bool isLoopbackHost(const QString &host)
{
    const QString h = normalizeHost(host);
    if (h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost")))
        return true;
    QHostAddress a;
    return a.setAddress(h) && a.isLoopback();
}

} // namespace

EnvProxyConfig EnvProxyConfig::fromLookup(const std::function<QString(const QString &)> &lookup)
{
    EnvProxyConfig c;
    c.https = lookupPair(lookup, QStringLiteral("https_proxy"));
    c.http = lookupPair(lookup, QStringLiteral("http_proxy"));
    c.all = lookupPair(lookup, QStringLiteral("all_proxy"));
    c.noProxy = lookupPair(lookup, QStringLiteral("no_proxy"));
    return c;
}

EnvProxyConfig EnvProxyConfig::fromEnvironment()
{
    return fromLookup([](const QString &name) {
        const QByteArray n = name.toLatin1();
        return qEnvironmentVariableIsSet(n.constData()) ? qEnvironmentVariable(n.constData()) : QString();
    });
}

Result<QNetworkProxy> parseProxyUrl(const QString &value)
{
    QString text = value.trimmed();
    if (!text.contains(QLatin1String("://")))
        text.prepend(QStringLiteral("http://"));
    const QUrl url(text, QUrl::StrictMode);
    const QString fix = QStringLiteral("Write it as http://host:port or socks5://host:port "
                                       "(credentials as http://user:password@host:port).");
    if (!url.isValid() || url.host().isEmpty()) {
        return Error{QStringLiteral("bad_proxy_url"), QStringLiteral("The proxy setting is not a valid URL."),
                     fix};
    }
    const QString scheme = url.scheme().toLower();
    QNetworkProxy::ProxyType type;
    if (scheme == QLatin1String("http")) {
        type = QNetworkProxy::HttpProxy;
    } else if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h")
               || scheme == QLatin1String("socks")) {
        type = QNetworkProxy::Socks5Proxy;
    } else if (scheme == QLatin1String("https")) {
        return Error{QStringLiteral("unsupported_proxy"),
                     QStringLiteral("The proxy uses https:// (TLS to the proxy itself), which Qt does not support."),
                     QStringLiteral("Use the proxy's plain http:// address; HTTPS traffic is still tunnelled "
                                    "end-to-end with CONNECT.")};
    } else {
        return Error{QStringLiteral("unsupported_proxy"),
                     QStringLiteral("The proxy scheme \"") + scheme + QStringLiteral("\" is not supported."), fix};
    }
    QNetworkProxy proxy(type, url.host(), quint16(url.port(1080)));
    if (!url.userName().isEmpty()) {
        proxy.setUser(url.userName(QUrl::FullyDecoded));
        proxy.setPassword(url.password(QUrl::FullyDecoded));
    }
    return proxy;
}

QString describeProxy(const QNetworkProxy &proxy)
{
    QString scheme;
    switch (proxy.type()) {
    case QNetworkProxy::NoProxy: return QStringLiteral("direct");
    case QNetworkProxy::DefaultProxy: return QStringLiteral("the application default proxy");
    case QNetworkProxy::Socks5Proxy: scheme = QStringLiteral("socks5"); break;
    case QNetworkProxy::HttpProxy:
    case QNetworkProxy::HttpCachingProxy:
    case QNetworkProxy::FtpCachingProxy: scheme = QStringLiteral("http"); break;
    }
    QString host = proxy.hostName();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return scheme + QStringLiteral("://") + host + QLatin1Char(':') + QString::number(proxy.port());
}

QString ProxyChoice::describe() const
{
    QString why;
    if (source == QLatin1String("NO_PROXY") || source == QLatin1String("no_proxy"))
        why = source + QStringLiteral(" entry ") + detail;
    else if (source == QLatin1String("profile"))
        why = detail.isEmpty() ? QStringLiteral("from the profile") : detail;
    else if (source == QLatin1String("loopback"))
        why = QStringLiteral("loopback address");
    else if (source == QLatin1String("system"))
        why = QStringLiteral("from the system proxy configuration");
    else if (!source.isEmpty())
        why = QStringLiteral("from ") + source;
    if (!detail.isEmpty() && !why.contains(detail))
        why += (why.isEmpty() ? QString() : QStringLiteral(", ")) + detail;
    if (!proxy.user().isEmpty())
        why += QStringLiteral(", with credentials");
    QString text = isDirect() ? QStringLiteral("direct") : QStringLiteral("via ") + describeProxy(proxy);
    if (!why.isEmpty())
        text += QStringLiteral(" (") + why + QLatin1Char(')');
    if (problem)
        text += QStringLiteral(" — ") + problem->message;
    return text;
}

ProxyResolver::ProxyResolver(const ProxySettings &profileProxy, const QString &proxyPassword, EnvProxyConfig env)
    : m_profile(profileProxy), m_password(proxyPassword), m_env(std::move(env)),
      m_system([](const QNetworkProxyQuery &q) { return QNetworkProxyFactory::systemProxyForQuery(q); })
{
    if (m_env.noProxy)
        m_noProxy = NoProxyRules::parse(m_env.noProxy->value);
}

ProxyResolver::~ProxyResolver() = default;

ProxyChoice ProxyResolver::choose(const QUrl &url) const
{
    const QString scheme = url.scheme().toLower();
    int defaultPort = -1;
    if (scheme == QLatin1String("https") || scheme == QLatin1String("wss"))
        defaultPort = 443;
    else if (scheme == QLatin1String("http") || scheme == QLatin1String("ws"))
        defaultPort = 80;
    QNetworkProxyQuery query(url);
    return chooseFor(scheme, url.host(), url.port(defaultPort), query);
}

ProxyChoice ProxyResolver::choose(const QNetworkProxyQuery &query) const
{
    if (query.queryType() == QNetworkProxyQuery::UrlRequest)
        return choose(query.url());
    // A raw TCP query (QWebSocket's socket, QSslSocket) carries no scheme unless a protocol tag was set;
    // port 80 is plain HTTP, anything else is assumed to be TLS.
    QString scheme = query.protocolTag().toLower();
    if (scheme.isEmpty())
        scheme = query.peerPort() == 80 ? QStringLiteral("http") : QStringLiteral("https");
    return chooseFor(scheme, query.peerHostName(), query.peerPort(), query);
}

ProxyChoice ProxyResolver::chooseFor(const QString &scheme, const QString &host, int port,
                                     const QNetworkProxyQuery &query) const
{
    ProxyChoice c;
    if (m_profile.kind == ProxySettings::Kind::None) {
        c.source = QStringLiteral("profile");
        c.detail = QStringLiteral("the profile says no proxy");
        return c;
    }
    if (m_env.noProxy) {
        const QString entry = m_noProxy.match(host, port);
        if (!entry.isEmpty()) {
            c.source = m_env.noProxy->name;
            c.detail = entry;
            return c;
        }
    }
    if (m_profile.isExplicit()) {
        c.proxy = QNetworkProxy(m_profile.kind == ProxySettings::Kind::Socks5 ? QNetworkProxy::Socks5Proxy
                                                                                : QNetworkProxy::HttpProxy,
                                m_profile.host, m_profile.port);
        if (!m_profile.user.isEmpty()) {
            c.proxy.setUser(m_profile.user);
            c.proxy.setPassword(m_password);
        }
        c.source = QStringLiteral("profile");
        return c;
    }
    if (m_bypassLoopback && isLoopbackHost(host)) {
        c.source = QStringLiteral("loopback");
        return c;
    }
    std::optional<EnvProxyConfig::Var> var;
    if (scheme == QLatin1String("https") || scheme == QLatin1String("wss"))
        var = m_env.https;
    else if (scheme == QLatin1String("http") || scheme == QLatin1String("ws"))
        var = m_env.http;
    if (!var)
        var = m_env.all;
    if (var) {
        c.source = var->name;
        auto parsed = parseProxyUrl(var->value);
        if (!parsed) {
            Error e = parsed.error();
            e.message = var->name + QStringLiteral(" is set but unusable: ") + e.message;
            c.problem = e;
            return c;
        }
        c.proxy = parsed.value();
        return c;
    }
    const QList<QNetworkProxy> system = m_system ? m_system(query) : QList<QNetworkProxy>();
    c.source = QStringLiteral("system");
    if (!system.isEmpty())
        c.proxy = system.first();
    if (c.proxy.type() == QNetworkProxy::DefaultProxy)
        c.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    return c;
}

QList<QNetworkProxy> ProxyResolver::queryProxy(const QNetworkProxyQuery &query)
{
    return {choose(query).proxy};
}

} // namespace socketscope
