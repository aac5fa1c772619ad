#include "CliConfig.h"

#include "profile/ProfileStore.h"
#include "secrets/SecretResolver.h"
#include "secrets/SecretStore.h"

#include <QCoreApplication>

#include <optional>

namespace socketscope::cli {

namespace {

// The profile's context, built asynchronously (keychain reads) on this thread's event loop.
Result<DoctorContext> contextForProfile(const QString &name)
{
    ProfileStore store;
    auto profile = store.profile(name);
    if (!profile) {
        const QStringList names = store.names();
        return Error{QStringLiteral("no_profile"),
                     QStringLiteral("There is no profile \"%1\" in %2 (profiles: %3).")
                         .arg(name, store.settingsPath(),
                              names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))),
                     QStringLiteral("Create it in the SocketScope setup wizard, or run without --profile and set the "
                                    "SOCKETSCOPE_* environment variables.")};
    }
    SecretStore secrets;
    secrets.setTimeout(std::chrono::seconds(15));
    SecretResolver resolver(&secrets);
    DoctorContextBuilder builder(&resolver);
    std::optional<Result<DoctorContext>> built;
    builder.build(profile.value(), &builder, [&built](Result<DoctorContext> result) {
        built.emplace(std::move(result));
        QCoreApplication::exit(0);
    });
    QCoreApplication::exec();
    if (!built) {
        return Error{QStringLiteral("interrupted"), QStringLiteral("Reading the profile's secrets was interrupted."),
                     QString()};
    }
    return *built;
}

} // namespace

Result<DoctorContext> loadConfiguration(const QString &profileName)
{
    return profileName.isEmpty() ? DoctorContext::fromEnvironment() : contextForProfile(profileName);
}

} // namespace socketscope::cli
