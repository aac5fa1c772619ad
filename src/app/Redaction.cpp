#include "Redaction.h"

#include "capture/Redactor.h"

namespace socketscope::Redaction {

bool isAvailable()
{
    return true;
}

std::optional<QByteArray> redactFrame(const QByteArray &frame)
{
    return Redactor::redactJson(frame);
}

} // namespace socketscope::Redaction
