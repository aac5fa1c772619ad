#pragma once

#include "slack/Envelope.h"
#include "util/Result.h"

#include <QIODevice>
#include <QVector>

namespace socketscope {

class CaptureStore;

struct ImportProblem
{
    qint64 line = 0;  // 1-based
    QString reason;   // never quotes the line itself: it may hold secrets
};

struct ImportReport
{
    qint64 sessionId = 0;
    qint64 imported = 0;
    qint64 skipped = 0;
    QVector<ImportProblem> problems; // the first kMaxProblems; skipped counts all
};

// Reads JSONL written by JsonlExport (or by listen --jsonl) back into a capture, as a new session with
// source "import". Each line's "envelope" frame is parsed again, so summary fields follow the frame;
// received_us/acked_us, link and delivery_status come from the metadata, and the duplicate flag is
// decided by the capture it lands in. A bad line is skipped and reported; the others are kept.
class JsonlImport
{
public:
    static constexpr int kMaxProblems = 100;
    static constexpr int kBatchSize = 500;

    // One line to an envelope (no row or session yet); the error says why the line is unusable.
    static Result<Envelope> parseLine(const QByteArray &line);
    // Fails only when the capture cannot be written; bad lines are in the report.
    static Result<ImportReport> read(CaptureStore &store, QIODevice &in, const QString &sourceName);
};

} // namespace socketscope
