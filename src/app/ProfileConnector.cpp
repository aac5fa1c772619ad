#include "ProfileConnector.h"

#include "net/ProxyResolver.h"
#include "net/TlsSettings.h"
#include "secrets/SecretResolver.h"
#include "slack/SlackWebApi.h"

#include <QPointer>
#include <QTimer>

#include <memory>

namespace socketscope {

ProfileConnector::ProfileConnector(SecretResolver *resolver, QObject *parent)
    : QObject(parent), m_resolver(resolver)
{}

QUrl ProfileConnector::socketUrlFor(const QUrl &apiUrl)
{
    if (apiUrl.host().endsWith(QLatin1String("slack.com")))
        return QUrl(QStringLiteral("wss://wss-primary.slack.com/link/"));
    QUrl url = apiUrl;
    url.setScheme(apiUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/link/"));
    return url;
}

void ProfileConnector::prepare(const Profile &profileIn, const QString &mode, const QObject *context, Callback done)
{
    QPointer<const QObject> guard(context);
    auto finish = [this, guard, done](Result<ClientOptions> result) {
        QTimer::singleShot(0, this, [guard, done, result = std::move(result)] {
            if (guard)
                done(result);
        });
    };
    Profile profile = profileIn;
    const QString api = qEnvironmentVariable("SOCKETSCOPE_SLACK_API_URL").trimmed();
    if (!api.isEmpty()) {
        auto url = SlackWebApi::parseBaseUrl(api);
        if (!url) {
            finish(Error{QStringLiteral("bad_config"),
                         tr("SOCKETSCOPE_SLACK_API_URL: %1").arg(url.error().message), url.error().fix});
            return;
        }
        profile.slackApiUrl = url.value();
    }
    const QString nautobot = qEnvironmentVariable("SOCKETSCOPE_NAUTOBOT_URL").trimmed();
    if (!nautobot.isEmpty())
        profile.nautobotUrl = QUrl(nautobot);
    const bool bridge = mode == QLatin1String("bridge");
    if (bridge && profile.nautobotUrl.isEmpty()) {
        finish(Error{QStringLiteral("bad_config"),
                     tr("Bridge mode needs the Nautobot URL of profile \"%1\".").arg(profile.name),
                     tr("Set it with Connection → Edit profile…, or connect in Dedicated mode.")});
        return;
    }
    auto tls = TlsSettings::configuration(profile.caBundlePath);
    if (!tls) {
        finish(Error{tls.error().code, tr("The CA bundle of profile \"%1\": %2").arg(profile.name, tls.error().message),
                     tls.error().fix});
        return;
    }

    QList<SecretKind> kinds{SecretKind::SlackAppToken};
    if (bridge)
        kinds.append(SecretKind::SlackSigningSecret);
    if (profile.proxy.isExplicit() && !profile.proxy.user.isEmpty())
        kinds.append(SecretKind::ProxyPassword);

    // One after the other, so a locked keychain shows one unlock prompt at a time.
    auto values = std::make_shared<QMap<SecretKind, QString>>();
    auto step = std::make_shared<std::function<void(int)>>();
    QPointer<ProfileConnector> self(this);
    const QSslConfiguration ssl = tls.value();
    *step = [self, profile, kinds, values, step, finish, bridge, mode, ssl](int index) {
        if (!self)
            return;
        if (index >= kinds.size()) {
            ClientOptions options;
            options.apiUrl = profile.slackApiUrl;
            options.appToken = values->value(SecretKind::SlackAppToken);
            options.mode = mode;
            if (bridge) {
                options.bridge.nautobotUrl = profile.nautobotUrl;
                options.bridge.signingSecret = values->value(SecretKind::SlackSigningSecret).toUtf8();
            }
            const ProxyResolver proxy(profile.proxy, values->value(SecretKind::ProxyPassword));
            options.proxy = proxy.proxyForUrl(socketUrlFor(profile.slackApiUrl));
            if (!profile.caBundlePath.isEmpty())
                options.sslConfiguration = ssl;
            // Clearing *step destroys this lambda and its captures: keep what is still needed on the stack.
            const auto finishNow = finish;
            *step = nullptr; // breaks the self-reference of the chain
            finishNow(std::move(options));
            return;
        }
        const SecretKind kind = kinds.at(index);
        self->m_resolver->resolve(profile.name, kind, self, [step, values, kind, index, finish, profile](
                                                                Result<ResolvedSecret> r) {
            if (!r) {
                *step = nullptr;
                const Error &e = r.error();
                if (e.code == QLatin1String("not_set")) {
                    const QString var = secretKindEnvVar(kind);
                    finish(Error{e.code,
                                 var.isEmpty() ? tr("No %1 for profile \"%2\" in the keychain.")
                                                     .arg(secretKindLabel(kind), profile.name)
                                               : tr("No %1 for profile \"%2\": it is not in the keychain and %3 "
                                                    "is not set.").arg(secretKindLabel(kind), profile.name, var),
                                 var.isEmpty() ? tr("Enter it with Connection → Edit profile….")
                                               : tr("Enter it with Connection → Edit profile…, or set %1.").arg(var)});
                } else {
                    finish(Error{e.code, tr("The %1 of profile \"%2\" could not be read: %3")
                                             .arg(secretKindLabel(kind), profile.name, e.message),
                                 e.fix});
                }
                return;
            }
            values->insert(kind, r->value);
            if (*step)
                (*step)(index + 1);
        });
    };
    (*step)(0);
}

} // namespace socketscope
