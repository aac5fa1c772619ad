#include "Redaction.h"

namespace socketscope::Redaction {

// The Redactor has not landed on main yet; until it does, redaction is reported as unavailable and
// every redacted action stays disabled rather than pretending.
bool isAvailable()
{
    return false;
}

std::optional<QByteArray> redactFrame(const QByteArray &)
{
    return std::nullopt;
}

} // namespace socketscope::Redaction
