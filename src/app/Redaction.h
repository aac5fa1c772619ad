#pragma once

#include <QByteArray>

#include <optional>

namespace socketscope::Redaction {

// Whether this build has the capture Redactor (src/core/capture/Redactor, from the store branch).
bool isAvailable();
// The frame with secrets masked, or nothing when redaction is unavailable (callers must not fall
// back to the unredacted bytes without asking).
std::optional<QByteArray> redactFrame(const QByteArray &frame);

} // namespace socketscope::Redaction
