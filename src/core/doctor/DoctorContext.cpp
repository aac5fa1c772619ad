#include "doctor/DoctorContext.h"

#include "nautobot/NautobotClient.h"
#include "net/TlsSettings.h"
#include "slack/SlackWebApi.h"
#include "util/Logging.h"

#include <QPointer>
#include <QTimer>

namespace socketscope {

namespace {

const QList<SecretKind> kDoctorSecrets{SecretKind::SlackAppToken, SecretKind::SlackBotToken,
                                       SecretKind::SlackSigningSecret, SecretKind::NautobotToken};

SecretResolver::Environment processEnvironment()
{
    return [](const QString &name) {
        const QByteArray n = name.toLatin1();
        return qEnvironmentVariableIsSet(n.constData()) ? qEnvironmentVariable(n.constData()) : QString();
    };
}

Error notSet(SecretKind kind)
{
    return Error{QStringLiteral("not_set"),
                 QStringLiteral("%1 is not set (%2 is empty).").arg(secretKindLabel(kind), secretKindEnvVar(kind)),
                 QStringLiteral("Set %1, or use a profile whose keychain entry holds it.").arg(secretKindEnvVar(kind))};
}

// Applies SOCKETSCOPE_SLACK_API_URL / SOCKETSCOPE_NAUTOBOT_URL; records which ones replaced a value.
Result<void> applyEndpointVariables(const SecretResolver::Environment &env, Profile &profile, QStringList *overridden)
{
    const QString slack = env(QStringLiteral("SOCKETSCOPE_SLACK_API_URL")).trimmed();
    if (!slack.isEmpty()) {
        auto url = SlackWebApi::parseBaseUrl(slack);
        if (!url) {
            return Error{QStringLiteral("bad_config"),
                         QStringLiteral("SOCKETSCOPE_SLACK_API_URL: %1").arg(url.error().message), url.error().fix};
        }
        if (overridden && url.value() != profile.slackApiUrl)
            overridden->append(QStringLiteral("SOCKETSCOPE_SLACK_API_URL"));
        profile.slackApiUrl = url.value();
    }
    const QString nautobot = env(QStringLiteral("SOCKETSCOPE_NAUTOBOT_URL")).trimmed();
    if (!nautobot.isEmpty()) {
        auto url = NautobotClient::parseBaseUrl(nautobot);
        if (!url) {
            return Error{QStringLiteral("bad_config"),
                         QStringLiteral("SOCKETSCOPE_NAUTOBOT_URL: %1").arg(url.error().message), url.error().fix};
        }
        if (overridden && url.value() != profile.nautobotUrl)
            overridden->append(QStringLiteral("SOCKETSCOPE_NAUTOBOT_URL"));
        profile.nautobotUrl = url.value();
    }
    return {};
}

void applyTls(DoctorContext &context)
{
    auto tls = TlsSettings::configuration(context.profile.caBundlePath);
    if (tls) {
        context.tls = tls.value();
    } else {
        context.tlsProblem = tls.error();
        context.tls = QSslConfiguration::defaultConfiguration();
    }
}

} // namespace

const DoctorSecret &DoctorContext::secret(SecretKind kind) const
{
    static const DoctorSecret none;
    auto it = secrets.constFind(kind);
    return it == secrets.constEnd() ? none : it.value();
}

bool DoctorContext::keychainNeeded() const
{
    // Without a profile nothing is ever looked up in the keychain.
    if (!fromProfile())
        return false;
    for (SecretKind kind : kDoctorSecrets) {
        const DoctorSecret &s = secret(kind);
        if (!s.resolved || s.resolved->source == SecretSource::Keychain)
            return true;
    }
    return false;
}

QStringList DoctorContext::secretValues() const
{
    QStringList values;
    for (auto it = secrets.constBegin(); it != secrets.constEnd(); ++it) {
        if (it->resolved && !it->resolved->value.isEmpty())
            values.append(it->resolved->value);
    }
    return values;
}

QNetworkProxy DoctorContext::proxyFor(const QUrl &url) const
{
    return proxy ? proxy->proxyForUrl(url) : QNetworkProxy(QNetworkProxy::NoProxy);
}

ProxyChoice DoctorContext::proxyChoiceFor(const QUrl &url) const
{
    if (!proxy) {
        ProxyChoice direct;
        direct.source = QStringLiteral("none");
        return direct;
    }
    return proxy->choose(url);
}

Result<DoctorContext> DoctorContext::fromEnvironment(const SecretResolver::Environment &envIn)
{
    const SecretResolver::Environment env = envIn ? envIn : processEnvironment();
    DoctorContext context;
    context.profile.slackApiUrl = QUrl(QStringLiteral("https://slack.com/api/"));
    if (auto applied = applyEndpointVariables(env, context.profile, nullptr); !applied)
        return applied.error();
    for (SecretKind kind : kDoctorSecrets) {
        DoctorSecret secret;
        const QString value = env(secretKindEnvVar(kind)).trimmed();
        if (value.isEmpty())
            secret.problem = notSet(kind);
        else
            secret.resolved = ResolvedSecret{value, SecretSource::Environment,
                                             QStringLiteral("environment variable ") + secretKindEnvVar(kind)};
        context.secrets.insert(kind, secret);
    }
    EnvProxyConfig proxyEnv = EnvProxyConfig::fromLookup(env);
    context.proxy = std::make_shared<ProxyResolver>(context.profile.proxy, QString(), proxyEnv);
    applyTls(context);
    return context;
}

DoctorContextBuilder::DoctorContextBuilder(SecretResolver *resolver, QObject *parent)
    : QObject(parent)
    , m_resolver(resolver)
    , m_env(processEnvironment())
{}

DoctorContextBuilder::~DoctorContextBuilder() = default;

void DoctorContextBuilder::build(const Profile &profileIn, const QObject *context, Callback done)
{
    QPointer<const QObject> guard(context);
    auto deliver = [this, guard, done](Result<DoctorContext> result) {
        QTimer::singleShot(0, this, [guard, done, result = std::move(result)] {
            if (guard)
                done(result);
        });
    };
    if (auto valid = profileIn.validate(); !valid) {
        deliver(Error{QStringLiteral("bad_config"),
                      QStringLiteral("Profile \"%1\": %2").arg(profileIn.name, valid.error().message),
                      valid.error().fix});
        return;
    }
    auto built = std::make_shared<DoctorContext>();
    built->profile = profileIn;
    if (auto applied = applyEndpointVariables(m_env, built->profile, &built->overriddenByEnvironment); !applied) {
        deliver(applied.error());
        return;
    }
    applyTls(*built);

    // One secret after the other: the keychain may show one unlock prompt, not four at once.
    QList<SecretKind> kinds = kDoctorSecrets;
    if (!profileIn.proxy.user.isEmpty())
        kinds.append(SecretKind::ProxyPassword);
    auto step = std::make_shared<std::function<void(int)>>();
    QPointer<DoctorContextBuilder> self(this);
    *step = [self, built, kinds, step, deliver](int index) {
        if (!self)
            return;
        if (index >= kinds.size()) {
            const QString password = built->secret(SecretKind::ProxyPassword).value();
            built->proxy = std::make_shared<ProxyResolver>(built->profile.proxy, password);
            DoctorContext result = *built;
            // Clearing *step destroys this lambda and its captures: keep what is still needed on the stack.
            const auto deliverNow = deliver;
            *step = nullptr; // breaks the self-reference of the chain
            deliverNow(std::move(result));
            return;
        }
        const SecretKind kind = kinds.at(index);
        self->m_resolver->resolve(built->profile.name, kind, self,
                                  [built, kind, step, index](Result<ResolvedSecret> r) {
                                      DoctorSecret secret;
                                      if (r)
                                          secret.resolved = r.value();
                                      else
                                          secret.problem = r.error();
                                      built->secrets.insert(kind, secret);
                                      if (*step)
                                          (*step)(index + 1);
                                  });
    };
    (*step)(0);
}

} // namespace socketscope
