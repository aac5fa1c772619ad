#include "secrets/KeychainError.h"

#include <QStringList>

namespace socketscope {

namespace {

QString envHint(SecretKind kind)
{
    const QString var = secretKindEnvVar(kind);
    if (var.isEmpty())
        return QStringLiteral("use the SOCKETSCOPE_* environment variables");
    return QStringLiteral("set ") + var + QStringLiteral(" in the environment");
}

QString opVerb(KeychainOp op)
{
    switch (op) {
    case KeychainOp::Read: return QStringLiteral("read");
    case KeychainOp::Write: return QStringLiteral("save");
    case KeychainOp::Remove: return QStringLiteral("remove");
    case KeychainOp::Probe: return QStringLiteral("reach");
    }
    return QString();
}

bool containsAny(const QString &text, const QStringList &needles)
{
    for (const QString &n : needles) {
        if (text.contains(n, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool looksUnreachable(const QString &detail)
{
    // libsecret/GDBus wording when there is no session bus or nobody owns org.freedesktop.secrets.
    return containsAny(detail, {QStringLiteral("Could not connect"), QStringLiteral("Cannot autolaunch"),
                                QStringLiteral("ServiceUnknown"), QStringLiteral("was not provided by any"),
                                QStringLiteral("Failed to connect to socket"),
                                QStringLiteral("Cannot spawn a message bus"),
                                QStringLiteral("No such interface"), QStringLiteral("not activatable")});
}

bool looksLocked(const QString &detail)
{
    // gnome-keyring without an unlocked default collection, or the unlock prompt could not be shown.
    return containsAny(detail, {QStringLiteral("/collection/"), QStringLiteral("locked"),
                                QStringLiteral("prompt"), QStringLiteral("Cannot create an item in a locked")});
}

bool looksTimedOut(const QString &detail)
{
    return containsAny(detail, {QStringLiteral("NoReply"), QStringLiteral("Timeout was reached"),
                                QStringLiteral("timed out")});
}

QString subject(SecretKind kind, const QString &profile)
{
    return QStringLiteral("the ") + secretKindLabel(kind) + QStringLiteral(" of profile \"") + profile
        + QStringLiteral("\"");
}

} // namespace

Error keychainUnreachableError(const QString &detail)
{
    QString message = QStringLiteral("No keychain service is reachable (no org.freedesktop.secrets on the "
                                     "session bus: headless, SSH, WSL or container).");
    if (!detail.isEmpty())
        message += QStringLiteral(" Detail: ") + detail;
    return Error{QStringLiteral("keychain_unreachable"), message,
                 QStringLiteral("Start gnome-keyring-daemon or KWallet, or use the SOCKETSCOPE_* environment "
                                "variables.")};
}

Error keychainError(QKeychain::Error code, const QString &detail, KeychainOp op, SecretKind kind,
                    const QString &profile)
{
    const QString what = subject(kind, profile);
    switch (code) {
    case QKeychain::NoError:
        break;
    case QKeychain::EntryNotFound:
        return Error{QStringLiteral("not_set"), secretKindLabel(kind) + QStringLiteral(" is not set for profile \"")
                         + profile + QStringLiteral("\"."),
                     QStringLiteral("Enter it in the profile's secrets (setup wizard), or ") + envHint(kind)
                         + QStringLiteral(".")};
    case QKeychain::CouldNotDeleteEntry:
        return Error{QStringLiteral("keychain_delete_failed"),
                     QStringLiteral("The keychain refused to delete ") + what + QStringLiteral(".")
                         + (detail.isEmpty() ? QString() : QStringLiteral(" Detail: ") + detail),
                     QStringLiteral("Unlock the keychain and try again, or delete the entry \"SocketScope\" / \"")
                         + profile + QLatin1Char('/') + secretKindId(kind)
                         + QStringLiteral("\" in your keychain manager (Seahorse, KWalletManager, Keychain Access).")};
    case QKeychain::AccessDeniedByUser:
        return Error{QStringLiteral("keychain_denied"),
                     QStringLiteral("Access to the keychain was denied in the prompt, so SocketScope could not ")
                         + opVerb(op) + QLatin1Char(' ') + what + QStringLiteral("."),
                     QStringLiteral("Try again and allow access, or ") + envHint(kind) + QStringLiteral(".")};
    case QKeychain::AccessDenied:
        return Error{QStringLiteral("keychain_denied"),
                     QStringLiteral("The keychain denied access to ") + what
                         + QStringLiteral(" (it may be locked, or the entry belongs to another application).")
                         + (detail.isEmpty() ? QString() : QStringLiteral(" Detail: ") + detail),
                     QStringLiteral("Unlock the keychain (log in again, or open Seahorse/KWalletManager) and "
                                    "retry, or ")
                         + envHint(kind) + QStringLiteral(".")};
    case QKeychain::NoBackendAvailable:
        return keychainUnreachableError(detail);
    case QKeychain::NotImplemented:
        return Error{QStringLiteral("keychain_unsupported"),
                     QStringLiteral("This platform's keychain backend does not support this operation.")
                         + (detail.isEmpty() ? QString() : QStringLiteral(" Detail: ") + detail),
                     QStringLiteral("Use the SOCKETSCOPE_* environment variables on this system.")};
    case QKeychain::OtherError:
        if (looksUnreachable(detail))
            return keychainUnreachableError(detail);
        if (looksTimedOut(detail)) {
            return Error{QStringLiteral("keychain_timeout"),
                         QStringLiteral("The keychain service did not answer in time. Detail: ") + detail,
                         QStringLiteral("Check that gnome-keyring or KWallet is running and unlocked, or ")
                             + envHint(kind) + QStringLiteral(".")};
        }
        if (looksLocked(detail)) {
            return Error{QStringLiteral("keychain_locked"),
                         QStringLiteral("The keychain is reachable but has no unlocked default collection, so ")
                             + what + QStringLiteral(" could not be ") + (op == KeychainOp::Write ? QStringLiteral("saved") : QStringLiteral("accessed"))
                             + QStringLiteral(" (the unlock prompt could not be shown). Detail: ") + detail,
                         QStringLiteral("Unlock or create the login keyring (Seahorse: Passwords and Keys), or run "
                                        "gnome-keyring-daemon --unlock, or ")
                             + envHint(kind) + QStringLiteral(".")};
        }
        break;
    }
    return Error{QStringLiteral("keychain_error"),
                 QStringLiteral("The keychain could not ") + opVerb(op) + QLatin1Char(' ') + what
                     + QStringLiteral(".") + (detail.isEmpty() ? QString() : QStringLiteral(" Detail: ") + detail),
                 QStringLiteral("Check the keychain service (gnome-keyring, KWallet) and retry, or ") + envHint(kind)
                     + QStringLiteral(".")};
}

} // namespace socketscope
