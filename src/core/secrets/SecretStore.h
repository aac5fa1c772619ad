#pragma once

#include "secrets/SecretKind.h"
#include "util/Result.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <functional>

namespace QKeychain {
class Job;
}

namespace socketscope {

// Asynchronous, fallible access to the system keychain through QtKeychain.
// One entry per (profile, kind): service "SocketScope", key "<profile>/<kind id>".
// Never blocks (no nested event loop, no waiting): every result arrives later through the callback,
// even argument errors. Callbacks run only while both this store and `context` are alive.
// The insecure plaintext fallback of QtKeychain is always off.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)
public:
    using ReadCallback = std::function<void(Result<QString>)>;
    using DoneCallback = std::function<void(Result<void>)>;

    static QString defaultServiceName() { return QStringLiteral("SocketScope"); }

    explicit SecretStore(QObject *parent = nullptr);
    SecretStore(const QString &serviceName, QObject *parent);
    ~SecretStore() override;

    QString serviceName() const { return m_service; }
    static QString keyFor(const QString &profile, SecretKind kind);

    // A job that has not answered by then (e.g. an unlock prompt nobody can see) is reported as
    // keychain_timeout; its late answer is dropped. Default 30 s, long enough for a human at a prompt.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    void read(const QString &profile, SecretKind kind, const QObject *context, ReadCallback done);
    void write(const QString &profile, SecretKind kind, const QString &value, const QObject *context,
               DoneCallback done);
    // Removing an entry that does not exist succeeds: the goal "not stored" is reached.
    void remove(const QString &profile, SecretKind kind, const QObject *context, DoneCallback done);

    // For ProfileStore::renamed / removed: moves or deletes every kind of the profile, one after the other.
    // A kind that is not set is skipped; the first other error stops and is reported.
    void moveProfile(const QString &from, const QString &to, const QObject *context, DoneCallback done);
    void removeProfile(const QString &profile, const QObject *context, DoneCallback done);

Q_SIGNALS:
    // After a successful write or remove; carries no value.
    void secretChanged(const QString &profile, socketscope::SecretKind kind);

private:
    using JobDone = std::function<void(QKeychain::Job *job)>;
    void startJob(QKeychain::Job *job, const QObject *context, JobDone onFinished,
                  std::function<void()> onTimeout);
    void deliverLater(const QObject *context, std::function<void()> fn);
    Result<void> checkProfile(const QString &profile) const;
    void moveNext(QString from, QString to, QList<SecretKind> kinds, QPointer<const QObject> context,
                  DoneCallback done);
    void removeNext(QString profile, QList<SecretKind> kinds, QPointer<const QObject> context,
                    DoneCallback done);

    QString m_service;
    std::chrono::milliseconds m_timeout{30000};
};

} // namespace socketscope
