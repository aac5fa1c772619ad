#include "doctor/SecretChecks.h"

#include "doctor/DoctorChecks.h"
#include "doctor/DoctorContext.h"
#include "net/TlsSettings.h"
#include "secrets/KeychainProbe.h"
#include "secrets/SecretFormat.h"

namespace socketscope {

KeychainReachableCheck::KeychainReachableCheck()
    : DoctorCheck({DoctorChecks::kKeychain, QStringLiteral("Keychain reachable"), {}, {}})
{}

void KeychainReachableCheck::run()
{
    if (!context().keychainNeeded()) {
        skip(QStringLiteral("Not needed: every secret comes from a SOCKETSCOPE_* environment variable, so the "
                            "keychain was not consulted."));
        return;
    }
    auto *probe = new KeychainProbe(scope());
    probe->run(scope(), [this](Result<void> result) {
        if (result) {
            pass(QStringLiteral("A keychain service (Secret Service, KWallet, macOS Keychain or Windows Credential "
                                "Manager) answered."));
            return;
        }
        fail(
            result.error().message,
            result.error().fix.isEmpty()
                ? QStringLiteral("Start or unlock the system keychain, or set the SOCKETSCOPE_* environment variables.")
                : result.error().fix);
    });
}

CaBundleCheck::CaBundleCheck()
    : DoctorCheck({DoctorChecks::kCaBundle, QStringLiteral("Extra CA bundle loads"), {}, {}})
{}

void CaBundleCheck::run()
{
    const QString path = context().profile.caBundlePath;
    if (path.isEmpty()) {
        skip(QStringLiteral("No extra CA bundle configured: TLS is verified against the system trust store only."));
        return;
    }
    if (context().tlsProblem) {
        fail(QStringLiteral("The profile's CA bundle %1 cannot be used: %2").arg(path, context().tlsProblem->message),
             QStringLiteral("Point the profile's \"CA bundle\" setting at a readable PEM file (or a directory of PEM "
                            "files) with the proxy's or private CA's certificate. %1")
                 .arg(context().tlsProblem->fix));
        return;
    }
    auto certs = TlsSettings::loadCaBundle(path);
    pass(QStringLiteral("%1 certificate(s) from %2 are trusted in addition to the system CAs.")
             .arg(certs ? certs->size() : 0)
             .arg(path));
}

SecretPresentCheck::SecretPresentCheck(QString id, SecretKind kind, QString usedFor, bool required)
    : DoctorCheck({std::move(id), QStringLiteral("%1 present").arg(secretKindLabel(kind)), {}, {}})
    , m_kind(kind)
    , m_usedFor(std::move(usedFor))
    , m_required(required)
{}

void SecretPresentCheck::run()
{
    const DoctorSecret &secret = context().secret(m_kind);
    const QString label = secretKindLabel(m_kind);
    const QString variable = secretKindEnvVar(m_kind);
    if (!secret.present()) {
        const Error problem = secret.problem.value_or(Error{QStringLiteral("not_set"), QString(), QString()});
        if (problem.code != QLatin1String("not_set")) {
            // The keychain was asked and could not answer: that is a failure, not a missing value.
            fail(QStringLiteral("%1 could not be read: %2").arg(label, problem.message),
                 problem.fix.isEmpty() ? QStringLiteral("Set %1, or fix the keychain.").arg(variable) : problem.fix);
            return;
        }
        const QString where = context().fromProfile()
                                  ? QStringLiteral("set %1 or store it in profile \"%2\" (keychain)")
                                        .arg(variable, context().profile.name)
                                  : QStringLiteral("set %1").arg(variable);
        if (m_required) {
            fail(QStringLiteral("%1 is not set; it is needed for %2.").arg(label, m_usedFor),
                 QStringLiteral("In the Slack app settings, Basic Information → App-Level Tokens: create a token with "
                                "the connections:write scope, then %1.")
                     .arg(where));
        } else {
            skip(QStringLiteral("%1 is not set, so %2 are not checked: %3.").arg(label, m_usedFor, where));
        }
        return;
    }
    const QString origin = secret.resolved->origin;
    if (auto format = SecretFormat::validate(m_kind, secret.value()); !format) {
        fail(QStringLiteral("%1 from %2 looks wrong: %3").arg(label, origin, format.error().message),
             format.error().fix);
        return;
    }
    pass(QStringLiteral("Set (from %1); the format is right.").arg(origin));
}

} // namespace socketscope
