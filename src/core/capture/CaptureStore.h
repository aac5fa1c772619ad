#pragma once

#include "capture/AckJournal.h"
#include "slack/Envelope.h"
#include "util/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>
#include <QVector>

#include <functional>
#include <memory>

namespace socketscope {

class FtsIndexer;
class WalCheckpointer;
struct WalStats;

// A link lifecycle event, stored so the timeline can be drawn later and offline.
struct LinkEvent
{
    qint64 sessionId = 0;
    int linkId = 0;
    qint64 atUs = 0;
    QString kind;    // opening | open | hello | disconnect | closing | closed | error | ping_timeout
    QString detail;  // reason, host, num_connections, close code … (never a secret)
};

struct AckUpdate
{
    qint64 rowId = 0;
    qint64 ackedUs = 0;
};

// What the capture knows about a session (one run of listen / one GUI connection).
struct SessionInfo
{
    qint64 id = 0;
    qint64 startedUs = 0;
    qint64 endedUs = 0;
    QString source;  // "listen", "gui", "import", "demo"
    QString mode;    // dedicated | bridge
    QString apiUrl;  // Slack API base URL (no token)
    QString endReason;
};

// A frame that could not be used as an envelope, kept verbatim.
struct MalformedFrame
{
    qint64 id = 0;
    qint64 sessionId = 0;
    int linkId = 0;
    qint64 atUs = 0;
    QString problem;
    QByteArray raw;
};

// One attempt to deliver or answer a captured envelope (Bridge, replay, response_url, chat.postMessage).
struct DeliveryRecord
{
    qint64 id = 0;
    qint64 envelopeRowId = 0;
    qint64 atUs = 0;
    QString kind;         // bridge | replay | response_url | chat.postMessage | ack_payload …
    QString target;       // endpoint; stored redacted (a response_url is a secret)
    int statusCode = 0;   // HTTP status; 0 = no response
    qint64 latencyUs = -1;
    QString outcome;      // short text: "200 OK", "timeout after 3 s", …
};

// The SQLite capture file (WAL). One instance per thread; not a QObject.
// Every write is one transaction; a committed envelope survives SIGKILL of the process.
class CaptureStore
{
public:
    enum class Mode { ReadWrite, ReadOnly };

    static constexpr int kSchemaVersion = 4;

    struct Options
    {
        // Envelope/event ids remembered in memory for duplicate detection without a query per row: a
        // copy is flagged if its id is among this many recent ones (Slack retries within minutes).
        int recentIdCapacity = 100000;
        // Feed the FTS5 index between commits, in small slices on this connection's thread and event loop
        // (read-write only). Off: rows wait for indexSearchTextNow(); search still finds them (tests use
        // this to pin either path; a second writer that inserts no envelopes turns it off).
        bool backgroundSearchIndexing = true;
        // Past this many WAL frames, checkpoints turn small and frequent until SQLite can start the WAL
        // over (see WalCheckpointer). Tests set it low to see the WAL stay bounded.
        qint64 walRestartFrames = 16384;
        // Keep an ack journal for journalEnvelopes() (listen and the desktop app, in dedicated mode).
        bool ackJournal = false;
    };

    static Result<std::unique_ptr<CaptureStore>> open(const QString &path, Mode mode = Mode::ReadWrite);
    static Result<std::unique_ptr<CaptureStore>> open(const QString &path, Mode mode, const Options &options);
    ~CaptureStore();
    CaptureStore(const CaptureStore &) = delete;
    CaptureStore &operator=(const CaptureStore &) = delete;

    QString path() const { return m_path; }
    int schemaVersion() const;
    bool isReadOnly() const { return m_readOnly; }

    Result<qint64> beginSession(const SessionInfo &info);
    Result<void> endSession(qint64 sessionId, const QString &reason);
    Result<void> recordLinkEvent(const LinkEvent &event);

    // Inserts the batch in one transaction, sets rowId/committedUs on each envelope and flags
    // duplicates (same event_id, or same envelope_id, among the last recentIdCapacity). Also applies the
    // pending ack updates in the same transaction, so acks cost no extra commit.
    Result<void> insertEnvelopes(QVector<Envelope> &batch, const QVector<AckUpdate> &acks = {});
    Result<void> applyAcks(const QVector<AckUpdate> &acks);
    // The ack path's commit point (see AckJournal): appends the batch to the capture's ack journal in one
    // write and stamps committedUs. From then on the envelopes survive a crash of this process; the next
    // read-write open of the capture stores what the tables lack. Only when hasAckJournal(): it is false
    // without Options::ackJournal, or when another writer holds this capture's journal.
    bool hasAckJournal() const { return m_journal != nullptr; }
    Result<void> journalEnvelopes(QVector<Envelope> &batch);
    // The ack times (ackedUs) of the batch just journaled, so a crash before applyJournal() keeps them:
    // they go into the journal with the next batch, at no cost of their own.
    void journalAckTimes(const QVector<Envelope> &lastBatch);
    // Stores every envelope journaled since the last call, in the same order (their ackedUs may be set by
    // now), as insertEnvelopes does, and notes in the same transaction that the journal is applied. After
    // a failed call, the next one may leave out that call's envelopes: they are read back from the journal.
    Result<void> applyJournal(QVector<Envelope> &journaled, const QVector<AckUpdate> &acks = {});
    // Envelopes a writer that died had journaled, and this open stored (0 for almost every open).
    qint64 recoveredFromJournal() const { return m_recoveredFromJournal; }
    // Read-only: envelopes such a writer left in its journal, which the next read-write open stores;
    // until then no query sees them (0 for almost every open).
    qint64 waitingInJournal() const { return m_waitingInJournal; }
    Result<void> setDeliveryStatus(qint64 rowId, const QString &status);
    // Frames that were not usable (not JSON, no envelope_id, …) are kept too: nothing captured is lost.
    Result<void> recordMalformedFrame(qint64 sessionId, int linkId, qint64 atUs, const QString &problem,
                                      const QByteArray &raw);
    // Returns the new delivery id. The target is redacted before it is stored.
    Result<qint64> recordDelivery(const DeliveryRecord &record);
    // Caps the file size for this connection; a write beyond it fails like a full disk (capture_disk_full).
    Result<void> setSizeLimit(qint64 maxBytes);
    // How this writer kept the WAL bounded so far (include capture/WalCheckpointer.h); zeros when read-only.
    WalStats walStats() const;

    // Reading
    Result<qint64> envelopeCount() const;
    Result<QVector<Envelope>> envelopes(qint64 afterRowId, int limit) const;  // ascending by rowId
    Result<Envelope> envelope(qint64 rowId) const;
    // The inspector's history page: up to `limit` envelopes with id < beforeRowId (0 = from the
    // newest) that satisfy `where` (an EnvelopeFilter::toSql() clause with its bound values), newest
    // first. One indexed query walking the rowid backwards.
    Result<QVector<Envelope>> envelopesWhere(const QString &where, const QVariantList &values, qint64 beforeRowId,
                                             int limit) const;
    Result<Envelope> envelopeById(const QString &envelopeId) const;
    Result<QVector<LinkEvent>> linkEvents(qint64 sessionId = 0) const;        // 0 = all sessions
    Result<QVector<SessionInfo>> sessions() const;
    Result<QVector<MalformedFrame>> malformedFrames(qint64 sessionId = 0) const; // 0 = all sessions
    Result<QVector<DeliveryRecord>> deliveries(qint64 envelopeRowId) const;       // ascending by time

    // Full-text search over text, subtype, user, channel, envelope_id and the raw frame. The query is
    // plain words (all must match, "word*" for a prefix); FTS5 syntax characters are taken literally.
    // Returns row ids, newest first. Complete at every moment: rows committed but not yet in the FTS5
    // index (it is fed after the commit, off the ack path) are matched by a scan with the same rules.
    Result<QVector<qint64>> searchText(const QString &query, int limit) const;
    // Rows committed but not yet in the FTS5 index (a read-write store indexes them in the background).
    Result<qint64> searchIndexBacklog() const;
    // The highest row id the FTS5 index holds; rows above it are matched by a scan (see searchText).
    Result<qint64> searchIndexedUpTo() const;
    // Indexes every pending row now, on this connection, chunkRows rows per transaction (import, tests,
    // `socketscope-cli index`, the desktop app's build for a capture it views). After each chunk,
    // progress(rows indexed by this call, rows it has to index) runs; false stops it there (what is
    // indexed stays). A chunk holds the capture's write lock: another writer's commit waits for it.
    using IndexProgress = std::function<bool(qint64 indexed, qint64 total)>;
    Result<void> indexSearchTextNow(const IndexProgress &progress = {}, int chunkRows = 4096);
    // For a capture someone else may be writing to (`socketscope-cli index`, the desktop app's build for a
    // capture it views): opens it read-write without the background indexer and indexes it in small
    // chunks, so a listener's next commit waits at most one chunk. Returns the rows indexed.
    static Result<qint64> buildSearchIndex(const QString &path, const IndexProgress &progress = {});

    // Streams every envelope in row order (for export) without loading all into memory.
    // visit returns false to stop early.
    Result<void> forEachEnvelope(const std::function<bool(const Envelope &)> &visit) const;
    // The same for the given rows, in the given order; a missing row is an error (not_found).
    Result<void> forEachEnvelope(const QVector<qint64> &rowIds,
                                 const std::function<bool(const Envelope &)> &visit) const;

private:
    struct Statements;
    class DuplicateIndex;

    CaptureStore();
    Result<void> configureConnection();
    Result<void> migrate();
    Result<void> prepareStatements();
    Result<void> inTransaction(const std::function<Result<void>()> &work);
    enum class CommitStamp { Now, Journaled };
    Result<void> insertBatch(QVector<Envelope> &batch, const QVector<AckUpdate> &acks, CommitStamp stamp,
                             const QString &markText);
    Result<void> writeBatch(QVector<Envelope> &batch, const QVector<AckUpdate> &acks, CommitStamp stamp);
    Result<void> recoverAckJournal(bool keep);
    Result<AckJournal::Mark> journalMark() const;
    static QVector<Envelope> envelopesFromJournal(const QVector<AckJournal::Record> &records);
    void countWaitingInJournal();
    Result<void> writeAcks(const QVector<AckUpdate> &acks);
    Result<void> execWrite(QSqlQuery &query, const QString &what);
    void syncedCheckpoints(bool on);
    Error readOnlyError() const;
    QSqlDatabase database() const;

    QString m_path;
    QString m_connectionName;
    bool m_readOnly = false;
    int m_schemaVersion = 0;
    std::unique_ptr<Statements> m_statements;
    std::unique_ptr<DuplicateIndex> m_duplicates;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // read-write only
    std::unique_ptr<FtsIndexer> m_indexer;           // read-write only
    std::unique_ptr<AckJournal> m_journal;           // Options::ackJournal
    qint64 m_journaledNotApplied = 0;
    qint64 m_journaledByFailedApply = 0; // the first of those, given to an apply that failed
    AckJournal::Mark m_journalApplied; // how far the tables hold the journal
    QVector<qint64> m_journalOffsets;  // of the records not applied yet, in order
    QVector<AckJournal::AckTime> m_pendingAckTimes;
    qint64 m_recoveredFromJournal = 0;
    qint64 m_waitingInJournal = 0;
};

} // namespace socketscope
