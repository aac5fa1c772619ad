// libFuzzer target: one line of a JSONL capture export on its way back in (JsonlImport::parseLine).
// Import files come from other people's machines; a bad line must be an error value, never a crash.
#include "capture/JsonlImport.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray line(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto parsed = socketscope::JsonlImport::parseLine(line);
    if (parsed) {
        const socketscope::Envelope &e = parsed.value();
        if (e.envelopeId.isEmpty() || e.receivedUs <= 0 || e.raw.isEmpty())
            std::abort();
    } else if (parsed.error().message.isEmpty()) {
        std::abort();
    }
    return 0;
}
