#pragma once

#include "slack/Envelope.h"
#include "util/Result.h"

#include <QIODevice>
#include <QJsonObject>
#include <QVector>

namespace socketscope {

class CaptureStore;

struct JsonlExportOptions
{
    bool redact = true;      // secrets masked unless the operator opts out
    QVector<qint64> rowIds;  // empty = every envelope, in capture order
};

// One JSON object per envelope and line: capture metadata (envelope_id, type, subtype, team, channel,
// user, text, event_id, received_at/received_us, acked_at/acked_us, ack_us, link, retry_attempt,
// retry_reason, accepts_response_payload, duplicate, delivery_status) plus the frame under "envelope".
// Keys are sorted, so the same envelope always gives the same line.
class JsonlExport
{
public:
    static QJsonObject toObject(const Envelope &envelope, bool redact);
    static QByteArray toLine(const Envelope &envelope, bool redact); // compact, without the newline
    // Streams the capture to out, one line per envelope, in constant memory. Returns lines written.
    static Result<qint64> write(const CaptureStore &store, QIODevice &out, const JsonlExportOptions &options = {});

    // "2021-01-10T01:22:21.123456Z" (UTC, microseconds); empty for 0.
    static QString isoTimeUs(qint64 us);
};

} // namespace socketscope
