#include "secrets/KeychainProbe.h"

#include "secrets/KeychainError.h"
#include "secrets/SecretStore.h"
#include "util/Logging.h"

#include <qt6keychain/keychain.h>

#include <QPointer>
#include <QTimer>

#include <memory>

namespace socketscope {

KeychainProbe::KeychainProbe(QObject *parent) : KeychainProbe(SecretStore::defaultServiceName(), parent) {}

KeychainProbe::KeychainProbe(const QString &serviceName, QObject *parent)
    : QObject(parent), m_service(serviceName)
{
}

KeychainProbe::~KeychainProbe() = default;

void KeychainProbe::run(const QObject *context, Callback done)
{
    auto settled = std::make_shared<bool>(false);
    QPointer<const QObject> ctx(context);
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(probeKey());
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [settled, ctx, done](QKeychain::Job *j) {
        if (*settled)
            return;
        *settled = true;
        if (!ctx)
            return;
        if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound) {
            qCDebug(lcSecrets) << "keychain probe: reachable";
            done(Result<void>());
            return;
        }
        const Error e = keychainError(j->error(), j->errorString(), KeychainOp::Probe,
                                      SecretKind::SlackAppToken, QStringLiteral("(probe)"));
        qCInfo(lcSecrets) << "keychain probe failed:" << e.code;
        done(e);
    });
    const auto timeout = m_timeout;
    QTimer::singleShot(timeout, this, [settled, ctx, done, timeout] {
        if (*settled)
            return;
        *settled = true;
        if (!ctx)
            return;
        done(Error{QStringLiteral("keychain_timeout"),
                   QStringLiteral("The keychain service did not answer within ")
                       + QString::number(timeout.count() / 1000.0)
                       + QStringLiteral(" s (a hung or locked KWallet/gnome-keyring, or a slow D-Bus)."),
                   QStringLiteral("Restart the keychain service (gnome-keyring-daemon or kwalletd), or use the "
                                  "SOCKETSCOPE_* environment variables.")});
    });
    job->start();
}

} // namespace socketscope
