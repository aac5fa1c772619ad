#pragma once

#include "secrets/SecretKind.h"
#include "util/Result.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace socketscope {

class SecretStore;

enum class SecretSource { Environment, Keychain };
QString secretSourceName(SecretSource source); // "env" | "keychain"

struct ResolvedSecret
{
    QString value;       // the secret: never log or print it
    SecretSource source = SecretSource::Keychain;
    QString origin;      // where it came from, safe to show: "environment variable SOCKETSCOPE_…"
};

// Finds a profile's secret: the SOCKETSCOPE_* environment variable wins (CI, headless hosts), else the
// keychain. Reports the source, never the value.
class SecretResolver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretResolver)
public:
    using Callback = std::function<void(Result<ResolvedSecret>)>;
    // Returns the variable's value or a null QString when unset; a seam so tests need not touch the
    // process environment.
    using Environment = std::function<QString(const QString &name)>;

    explicit SecretResolver(SecretStore *store, QObject *parent = nullptr);
    ~SecretResolver() override;

    void setEnvironment(Environment environment) { m_env = std::move(environment); }

    // Synchronous part: the environment only. An empty or all-blank variable counts as unset.
    std::optional<ResolvedSecret> fromEnvironment(SecretKind kind) const;

    // The callback runs later (never inside resolve()) if `context` is still alive.
    void resolve(const QString &profile, SecretKind kind, const QObject *context, Callback done);

private:
    SecretStore *m_store;
    Environment m_env;
};

} // namespace socketscope
