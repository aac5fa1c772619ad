#pragma once

#include "slack/Envelope.h"
#include "util/Result.h"

#include <QString>
#include <QVector>

#include <memory>

namespace socketscope {

// Where the ack path commits. A SQLite commit costs a transaction, six file locks and whole WAL pages
// for every envelope; this is one write() of the frames themselves, so the ack leaves sooner and the
// capture's tables get the envelopes in groups a moment later (CaptureStore::applyJournal). Like a
// commit with synchronous=OFF it survives a crash or SIGKILL of the process, not a power loss.
//
// The file sits beside the capture (`<capture>-acks`) and is owned by one writer at a time (an
// exclusive flock, released by the kernel when the process dies). It is reused in place: a header with
// a generation number, then records of that generation (envelopes, and the ack times of earlier ones);
// a record of an older generation, a bad checksum or a short tail ends it. The capture's meta table says how far the current generation was applied, in
// the same transaction as the rows, so a crash at any point replays exactly what the tables lack.
class AckJournal
{
public:
    struct Mark
    {
        quint64 generation = 0;
        qint64 offset = 0; // bytes of the journal already in the capture's tables
    };
    struct Record
    {
        qint64 offset = 0; // where the record starts: what an ack time refers to
        qint64 sessionId = 0;
        int linkId = 0;
        qint64 receivedUs = 0;
        qint64 committedUs = 0;
        qint64 ackedUs = 0; // from a later ack-times record; 0 when none was written
        QByteArray raw;
    };
    // When an envelope's ack left. Written with the next batch (no write of its own), so a crash loses at
    // most the last batch's ack times, as it did when acks were recorded with the next SQLite commit.
    struct AckTime
    {
        qint64 recordOffset = 0;
        qint64 ackedUs = 0;
    };
    struct Contents
    {
        quint64 generation = 0; // 0: no valid header (nothing to replay)
        QVector<Record> records; // those after the mark, in order
        qint64 end = 0;          // offset after the last valid record
    };

    static QString pathFor(const QString &capturePath);

    // Opens (or creates) and locks the journal beside the capture. An empty pointer, not an error, when
    // another live writer holds it: that one applies its own records.
    static Result<std::unique_ptr<AckJournal>> acquire(const QString &capturePath);
    // For a reader: the journal of a writer that is gone (none, or one a live writer holds: empty
    // pointer). Opened read-only; read() works, nothing else may be called.
    static Result<std::unique_ptr<AckJournal>> peekOrphaned(const QString &capturePath);
    ~AckJournal(); // releases the lock; the file stays (see remove())
    AckJournal(const AckJournal &) = delete;
    AckJournal &operator=(const AckJournal &) = delete;

    QString path() const { return m_path; }
    quint64 generation() const { return m_generation; }
    qint64 end() const { return m_end; }

    // What the file holds past `applied` (everything, when the generation differs).
    Result<Contents> read(const Mark &applied) const;
    // Starts the file over with a new generation; only when every record is in the tables.
    Result<void> restart();
    // One write for the whole batch, preceded by the ack times (of earlier batches) given. Sets, per
    // envelope, the offset of its record.
    Result<void> append(const QVector<Envelope> &batch, const QVector<AckTime> &ackTimes, QVector<qint64> *offsets);
    // The file is no longer needed (every record applied); the lock goes with the object.
    void remove();

    static QString markText(const Mark &mark);
    static Mark parseMark(const QString &text);

private:
    AckJournal() = default;
    Error ioError(const QString &what, int errnum) const;
    void readHeader();

    QString m_path;
    int m_fd = -1;
    quint64 m_generation = 0;
    qint64 m_end = 0;
};

} // namespace socketscope
