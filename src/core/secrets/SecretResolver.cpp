#include "secrets/SecretResolver.h"

#include "secrets/SecretStore.h"
#include "util/Logging.h"

#include <QPointer>
#include <QTimer>

namespace socketscope {

QString secretSourceName(SecretSource source)
{
    return source == SecretSource::Environment ? QStringLiteral("env") : QStringLiteral("keychain");
}

SecretResolver::SecretResolver(SecretStore *store, QObject *parent)
    : QObject(parent), m_store(store), m_env([](const QString &name) {
          const QByteArray n = name.toLatin1();
          return qEnvironmentVariableIsSet(n.constData()) ? qEnvironmentVariable(n.constData()) : QString();
      })
{
}

SecretResolver::~SecretResolver() = default;

std::optional<ResolvedSecret> SecretResolver::fromEnvironment(SecretKind kind) const
{
    const QString var = secretKindEnvVar(kind);
    if (var.isEmpty())
        return std::nullopt;
    // `export X=$(cat file)` and CI secret stores often add a newline; tokens never contain spaces.
    const QString value = m_env(var).trimmed();
    if (value.isEmpty())
        return std::nullopt;
    return ResolvedSecret{value, SecretSource::Environment, QStringLiteral("environment variable ") + var};
}

void SecretResolver::resolve(const QString &profile, SecretKind kind, const QObject *context, Callback done)
{
    if (auto env = fromEnvironment(kind)) {
        qCDebug(lcSecrets) << secretKindId(kind) << "comes from" << env->origin;
        QPointer<const QObject> ctx(context);
        QTimer::singleShot(0, this, [ctx, done, resolved = *env] {
            if (ctx)
                done(resolved);
        });
        return;
    }
    const QString origin = QStringLiteral("keychain entry ") + m_store->serviceName() + QStringLiteral(": ")
        + SecretStore::keyFor(profile, kind);
    m_store->read(profile, kind, context, [done, origin](Result<QString> value) {
        if (!value) {
            done(value.error());
            return;
        }
        done(ResolvedSecret{value.value(), SecretSource::Keychain, origin});
    });
}

} // namespace socketscope
