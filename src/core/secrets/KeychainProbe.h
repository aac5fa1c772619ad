#pragma once

#include "util/Result.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

namespace socketscope {

// Asks the keychain service whether it answers at all, within a time limit, without touching any
// real entry (it looks up a key no profile can have). Used by the doctor and the setup wizard.
// ok() = a backend answered. It does not prove the keyring is unlocked: a lookup of a missing key
// never triggers an unlock prompt, and a probe must not pop up dialogs.
class KeychainProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainProbe)
public:
    using Callback = std::function<void(Result<void>)>;

    explicit KeychainProbe(QObject *parent = nullptr);
    KeychainProbe(const QString &serviceName, QObject *parent);
    ~KeychainProbe() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    // The callback runs once, later (never inside run()), if `context` is still alive.
    void run(const QObject *context, Callback done);

    static QString probeKey() { return QStringLiteral(".socketscope-probe"); }

private:
    QString m_service;
    std::chrono::milliseconds m_timeout{5000};
};

} // namespace socketscope
