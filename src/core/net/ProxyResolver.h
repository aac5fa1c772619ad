#pragma once

#include "net/NoProxyRules.h"
#include "profile/Profile.h"
#include "util/Result.h"

#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QUrl>

#include <functional>
#include <optional>

namespace socketscope {

// The proxy-related environment, read once. Lower-case names win over upper-case ones, as in curl.
struct EnvProxyConfig
{
    struct Var
    {
        QString name;  // e.g. "HTTPS_PROXY"
        QString value;
    };
    std::optional<Var> https; // https_proxy / HTTPS_PROXY
    std::optional<Var> http;  // http_proxy / HTTP_PROXY
    std::optional<Var> all;   // all_proxy / ALL_PROXY
    std::optional<Var> noProxy;

    // lookup returns a null QString for an unset variable.
    static EnvProxyConfig fromLookup(const std::function<QString(const QString &)> &lookup);
    static EnvProxyConfig fromEnvironment();
};

// "http://user:pass@proxy:3128", "proxy:3128" (= http), "socks5://…", "socks5h://…".
// The port defaults to 1080, as curl does. TLS to the proxy (https://) and SOCKS4 are not supported by Qt.
Result<QNetworkProxy> parseProxyUrl(const QString &value);

// "http://proxy:3128" or "socks5://proxy:1080"; never includes the user name or password.
QString describeProxy(const QNetworkProxy &proxy);

// Which proxy a connection uses and why, for the doctor and the logs.
struct ProxyChoice
{
    QNetworkProxy proxy{QNetworkProxy::NoProxy};
    QString source;               // "profile", "HTTPS_PROXY", "NO_PROXY", "system", "loopback", …
    QString detail;               // e.g. the NO_PROXY entry that matched
    std::optional<Error> problem; // a configured proxy that could not be used (then the choice is direct)

    bool isDirect() const { return proxy.type() == QNetworkProxy::NoProxy; }
    // "via http://proxy:3128 (from HTTPS_PROXY)" / "direct (NO_PROXY entry .corp.example)"; no credentials.
    QString describe() const;
};

// One proxy policy for every hop (Slack Web API, Slack WebSocket, Nautobot), in this order:
//   1. profile proxy kind None → direct;
//   2. NO_PROXY/no_proxy → direct (also for a profile proxy, as curl does for --proxy);
//   3. profile kind Http/Socks5 → that proxy, user from the profile, password from the keychain;
//   4. loopback hosts → direct (Qt's default; keeps the built-in simulator working behind a proxy);
//   5. https_proxy/HTTPS_PROXY for https/wss, http_proxy/HTTP_PROXY for http/ws, then
//      all_proxy/ALL_PROXY (lower case wins); 6. the system configuration (OS settings on Windows/macOS).
// Install it with QNetworkAccessManager::setProxyFactory (REST) and use proxyForUrl(wssUrl) with
// QWebSocket::setProxy: Qt's own generic factory never consults https_proxy for the WebSocket's TCP query.
class ProxyResolver final : public QNetworkProxyFactory
{
public:
    using SystemLookup = std::function<QList<QNetworkProxy>(const QNetworkProxyQuery &)>;

    ProxyResolver(const ProxySettings &profileProxy, const QString &proxyPassword,
                  EnvProxyConfig env = EnvProxyConfig::fromEnvironment());
    ~ProxyResolver() override;

    // Default true. Applies to environment and system proxies, not to an explicit profile proxy.
    void setBypassLoopback(bool bypass) { m_bypassLoopback = bypass; }
    // Test seam; the default is QNetworkProxyFactory::systemProxyForQuery.
    void setSystemLookup(SystemLookup lookup) { m_system = std::move(lookup); }

    ProxyChoice choose(const QUrl &url) const;
    ProxyChoice choose(const QNetworkProxyQuery &query) const;
    QNetworkProxy proxyForUrl(const QUrl &url) const { return choose(url).proxy; }

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query = QNetworkProxyQuery()) override;

private:
    ProxyChoice chooseFor(const QString &scheme, const QString &host, int port,
                          const QNetworkProxyQuery &query) const;

    ProxySettings m_profile;
    QString m_password;
    EnvProxyConfig m_env;
    NoProxyRules m_noProxy;
    bool m_bypassLoopback = true;
    SystemLookup m_system;
};

} // namespace socketscope
