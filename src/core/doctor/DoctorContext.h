#pragma once

#include "net/ProxyResolver.h"
#include "profile/Profile.h"
#include "secrets/SecretKind.h"
#include "secrets/SecretResolver.h"
#include "util/Result.h"

#include <QMap>
#include <QObject>
#include <QSslConfiguration>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace socketscope {

// One secret as the doctor sees it: the resolved value with its source, or why there is none.
struct DoctorSecret
{
    std::optional<ResolvedSecret> resolved; // value + source (env/keychain) + origin; never log the value
    std::optional<Error> problem;           // not_set, keychain_unreachable, … when resolved is empty

    bool present() const { return resolved.has_value(); }
    QString value() const { return resolved ? resolved->value : QString(); }
};

// Everything the checks need: endpoints and settings from a profile (or the environment), the four
// secrets with their source, the proxy policy and the TLS trust. Copyable; the secrets stay in
// memory only and every renderer scrubs them (secretValues()) as a second line of defence.
struct DoctorContext
{
    Profile profile; // name empty = configuration from environment variables only
    QMap<SecretKind, DoctorSecret> secrets;
    std::shared_ptr<ProxyResolver> proxy; // never null once built
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    std::optional<Error> tlsProblem;     // the profile's CA bundle could not be used (system CAs are used then)
    QStringList overriddenByEnvironment; // endpoint variables that replaced a profile value
    int networkTimeoutMs = 10000;        // Slack Web API, WebSocket handshake + hello, Nautobot REST
    int chatOpsTimeoutMs = 5000;         // ChatOps webhook probes (Slack itself gives up after 3 s)

    bool fromProfile() const { return !profile.name.isEmpty(); }
    const DoctorSecret &secret(SecretKind kind) const;
    // True when at least one secret was looked up in the keychain (not all came from the environment).
    bool keychainNeeded() const;
    // Every secret value present (proxy password included): renderers remove these from any text.
    QStringList secretValues() const;
    QNetworkProxy proxyFor(const QUrl &url) const;
    ProxyChoice proxyChoiceFor(const QUrl &url) const;

    // From SOCKETSCOPE_SLACK_API_URL, SOCKETSCOPE_NAUTOBOT_URL and the four secret variables.
    // Errors (code bad_config) for an unusable URL in a variable. env: lookup seam, null = unset.
    static Result<DoctorContext> fromEnvironment(const SecretResolver::Environment &env = {});
};

// Builds a DoctorContext for a saved profile without blocking: each secret is resolved through
// SecretResolver (environment variable first, then the keychain), the proxy password from the
// keychain when the profile's proxy has a user. Endpoint variables override the profile's URLs.
class DoctorContextBuilder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DoctorContextBuilder)
public:
    using Callback = std::function<void(Result<DoctorContext>)>;

    explicit DoctorContextBuilder(SecretResolver *resolver, QObject *parent = nullptr);
    ~DoctorContextBuilder() override;

    void setEnvironment(SecretResolver::Environment env) { m_env = std::move(env); }

    // The callback runs later (never inside build()) while `context` is alive. Errors: the profile
    // fails Profile::validate() or an endpoint variable holds an unusable URL. A secret that cannot be
    // read is not an error here: the context records why, and the doctor's checks report it.
    void build(const Profile &profile, const QObject *context, Callback done);

private:
    SecretResolver *m_resolver;
    SecretResolver::Environment m_env;
};

} // namespace socketscope
