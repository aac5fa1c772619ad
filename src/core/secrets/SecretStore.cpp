#include "secrets/SecretStore.h"

#include "secrets/KeychainError.h"
#include "util/Logging.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

#include <memory>

namespace socketscope {

SecretStore::SecretStore(QObject *parent) : SecretStore(defaultServiceName(), parent) {}

SecretStore::SecretStore(const QString &serviceName, QObject *parent)
    : QObject(parent), m_service(serviceName)
{
}

SecretStore::~SecretStore() = default;

QString SecretStore::keyFor(const QString &profile, SecretKind kind)
{
    return profile + QLatin1Char('/') + secretKindId(kind);
}

Result<void> SecretStore::checkProfile(const QString &profile) const
{
    if (profile.isEmpty() || profile.contains(QLatin1Char('/'))) {
        return Error{QStringLiteral("bad_profile"),
                     QStringLiteral("A keychain entry needs a profile name without '/'."),
                     QStringLiteral("Pick or create a profile first.")};
    }
    return {};
}

void SecretStore::deliverLater(const QObject *context, std::function<void()> fn)
{
    // Callers may rely on the callback never running inside read()/write() itself.
    QPointer<const QObject> ctx(context);
    QTimer::singleShot(0, this, [ctx, fn = std::move(fn)] {
        if (ctx)
            fn();
    });
}

void SecretStore::startJob(QKeychain::Job *job, const QObject *context, JobDone onFinished,
                           std::function<void()> onTimeout)
{
    // Shared between the finished handler and the timer: whichever comes first settles the request.
    auto settled = std::make_shared<bool>(false);
    QPointer<const QObject> ctx(context);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this,
            [settled, ctx, onFinished = std::move(onFinished)](QKeychain::Job *j) {
                if (*settled)
                    return;
                *settled = true;
                if (ctx)
                    onFinished(j);
            });
    QTimer::singleShot(m_timeout, this, [settled, ctx, onTimeout = std::move(onTimeout)] {
        if (*settled)
            return;
        *settled = true;
        if (ctx)
            onTimeout();
    });
    job->start();
}

namespace {

Error timeoutError(SecretKind kind, std::chrono::milliseconds timeout)
{
    return Error{QStringLiteral("keychain_timeout"),
                 QStringLiteral("The keychain did not answer within ") + QString::number(timeout.count() / 1000.0)
                     + QStringLiteral(" s (it may be waiting for an unlock prompt nobody can see)."),
                 QStringLiteral("Unlock the keychain (Seahorse/KWalletManager) and retry, or set ")
                     + (secretKindEnvVar(kind).isEmpty() ? QStringLiteral("the SOCKETSCOPE_* variables")
                                                         : secretKindEnvVar(kind))
                     + QStringLiteral(" in the environment.")};
}

} // namespace

void SecretStore::read(const QString &profile, SecretKind kind, const QObject *context, ReadCallback done)
{
    if (auto r = checkProfile(profile); !r) {
        deliverLater(context, [done, e = r.error()] { done(e); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(keyFor(profile, kind));
    const auto timeout = m_timeout;
    startJob(
        job, context,
        [done, profile, kind](QKeychain::Job *j) {
            if (j->error() != QKeychain::NoError) {
                const Error e = keychainError(j->error(), j->errorString(), KeychainOp::Read, kind, profile);
                qCDebug(lcSecrets) << "read" << secretKindId(kind) << "of" << profile << "failed:" << e.code;
                done(e);
                return;
            }
            done(static_cast<QKeychain::ReadPasswordJob *>(j)->textData());
        },
        [done, kind, timeout] { done(timeoutError(kind, timeout)); });
}

void SecretStore::write(const QString &profile, SecretKind kind, const QString &value, const QObject *context,
                        DoneCallback done)
{
    if (auto r = checkProfile(profile); !r) {
        deliverLater(context, [done, e = r.error()] { done(e); });
        return;
    }
    if (value.isEmpty()) {
        deliverLater(context, [done, kind] {
            done(Error{QStringLiteral("empty"), secretKindLabel(kind) + QStringLiteral(": nothing to save."),
                       QStringLiteral("Paste the value, or use Remove to delete the stored one.")});
        });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(keyFor(profile, kind));
    job->setTextData(value);
    const auto timeout = m_timeout;
    QPointer<SecretStore> self(this);
    startJob(
        job, context,
        [self, done, profile, kind](QKeychain::Job *j) {
            if (j->error() != QKeychain::NoError) {
                done(keychainError(j->error(), j->errorString(), KeychainOp::Write, kind, profile));
                return;
            }
            qCInfo(lcSecrets) << "saved" << secretKindId(kind) << "of profile" << profile << "in the keychain";
            if (self)
                Q_EMIT self->secretChanged(profile, kind);
            done(Result<void>());
        },
        [done, kind, timeout] { done(timeoutError(kind, timeout)); });
}

void SecretStore::remove(const QString &profile, SecretKind kind, const QObject *context, DoneCallback done)
{
    if (auto r = checkProfile(profile); !r) {
        deliverLater(context, [done, e = r.error()] { done(e); });
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(keyFor(profile, kind));
    const auto timeout = m_timeout;
    QPointer<SecretStore> self(this);
    startJob(
        job, context,
        [self, done, profile, kind](QKeychain::Job *j) {
            if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound) {
                done(keychainError(j->error(), j->errorString(), KeychainOp::Remove, kind, profile));
                return;
            }
            qCInfo(lcSecrets) << "removed" << secretKindId(kind) << "of profile" << profile;
            if (self)
                Q_EMIT self->secretChanged(profile, kind);
            done(Result<void>());
        },
        [done, kind, timeout] { done(timeoutError(kind, timeout)); });
}

void SecretStore::moveProfile(const QString &from, const QString &to, const QObject *context, DoneCallback done)
{
    if (auto r = checkProfile(from); !r) {
        deliverLater(context, [done, e = r.error()] { done(e); });
        return;
    }
    if (auto r = checkProfile(to); !r) {
        deliverLater(context, [done, e = r.error()] { done(e); });
        return;
    }
    moveNext(from, to, allSecretKinds(), QPointer<const QObject>(context), std::move(done));
}

void SecretStore::moveNext(QString from, QString to, QList<SecretKind> kinds, QPointer<const QObject> context,
                           DoneCallback done)
{
    if (!context)
        return;
    if (kinds.isEmpty()) {
        deliverLater(context, [done] { done(Result<void>()); });
        return;
    }
    const SecretKind kind = kinds.takeFirst();
    // read old → write new → remove old; the old entry goes only after the new one is safely stored.
    read(from, kind, context, [this, from, to, kinds, context, done, kind](Result<QString> value) {
        if (!value) {
            if (value.error().code == QLatin1String("not_set")) {
                moveNext(from, to, kinds, context, done);
                return;
            }
            done(value.error());
            return;
        }
        write(to, kind, value.value(), context, [this, from, to, kinds, context, done, kind](Result<void> w) {
            if (!w) {
                done(w.error());
                return;
            }
            remove(from, kind, context, [this, from, to, kinds, context, done](Result<void> rm) {
                if (!rm) {
                    done(rm.error());
                    return;
                }
                moveNext(from, to, kinds, context, done);
            });
        });
    });
}

void SecretStore::removeProfile(const QString &profile, const QObject *context, DoneCallback done)
{
    if (auto r = checkProfile(profile); !r) {
        deliverLater(context, [done, e = r.error()] { done(e); });
        return;
    }
    removeNext(profile, allSecretKinds(), QPointer<const QObject>(context), std::move(done));
}

void SecretStore::removeNext(QString profile, QList<SecretKind> kinds, QPointer<const QObject> context,
                             DoneCallback done)
{
    if (!context)
        return;
    if (kinds.isEmpty()) {
        deliverLater(context, [done] { done(Result<void>()); });
        return;
    }
    const SecretKind kind = kinds.takeFirst();
    remove(profile, kind, context, [this, profile, kinds, context, done](Result<void> r) {
        if (!r) {
            done(r.error());
            return;
        }
        removeNext(profile, kinds, context, done);
    });
}

} // namespace socketscope
