#pragma once

#include "doctor/DoctorContext.h"
#include "util/Result.h"

namespace socketscope::cli {

// The configuration a command runs with: a saved profile (secrets from the keychain, SOCKETSCOPE_*
// variables override them) or, with no profile name, the SOCKETSCOPE_* variables alone.
// Runs the event loop until the keychain has answered (fine in the CLI; never on a GUI thread).
Result<DoctorContext> loadConfiguration(const QString &profileName);

} // namespace socketscope::cli
