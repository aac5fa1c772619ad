// libFuzzer target: one WebSocket text frame from Slack through parseFrame (the first code every byte
// from the network meets). Checks the parser's own contract besides "no crash, no UB".
#include "slack/Envelope.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const socketscope::Frame frame = socketscope::parseFrame(bytes, 1700000000000000);
    switch (frame.kind) {
    case socketscope::Frame::Kind::Envelope:
        // An envelope always has a usable id, its receipt time and the frame exactly as received.
        if (frame.envelope.envelopeId.isEmpty() || frame.envelope.raw != bytes ||
            frame.envelope.receivedUs != 1700000000000000)
            std::abort();
        break;
    case socketscope::Frame::Kind::Malformed:
        if (frame.problem.isEmpty()) // a rejected frame always says why
            std::abort();
        break;
    case socketscope::Frame::Kind::Hello:
    case socketscope::Frame::Kind::Disconnect:
        break;
    }
    return 0;
}
