#pragma once

#include "slack/Envelope.h"
#include "util/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include <functional>
#include <memory>

namespace socketscope {

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

// The SQLite capture file (WAL). One instance per thread; not a QObject.
// Every write is one transaction; a committed envelope survives SIGKILL of the process.
class CaptureStore
{
public:
    enum class Mode { ReadWrite, ReadOnly };

    static Result<std::unique_ptr<CaptureStore>> open(const QString &path, Mode mode = Mode::ReadWrite);
    ~CaptureStore();
    CaptureStore(const CaptureStore &) = delete;
    CaptureStore &operator=(const CaptureStore &) = delete;

    QString path() const { return m_path; }
    int schemaVersion() const;

    Result<qint64> beginSession(const SessionInfo &info);
    Result<void> endSession(qint64 sessionId, const QString &reason);
    Result<void> recordLinkEvent(const LinkEvent &event);

    // Inserts the batch in one transaction, sets rowId/committedUs on each envelope and flags
    // duplicates (same event_id, or same envelope_id, already in the capture). Also applies the
    // pending ack updates in the same transaction, so acks cost no extra commit.
    Result<void> insertEnvelopes(QVector<Envelope> &batch, const QVector<AckUpdate> &acks = {});
    Result<void> applyAcks(const QVector<AckUpdate> &acks);
    Result<void> setDeliveryStatus(qint64 rowId, const QString &status);
    // Frames that were not usable (not JSON, no envelope_id, …) are kept too: nothing captured is lost.
    Result<void> recordMalformedFrame(qint64 sessionId, int linkId, qint64 atUs, const QString &problem,
                                      const QByteArray &raw);

    // Reading
    Result<qint64> envelopeCount() const;
    Result<QVector<Envelope>> envelopes(qint64 afterRowId, int limit) const;  // ascending by rowId
    Result<Envelope> envelope(qint64 rowId) const;
    Result<Envelope> envelopeById(const QString &envelopeId) const;
    Result<QVector<LinkEvent>> linkEvents(qint64 sessionId = 0) const;        // 0 = all sessions
    Result<QVector<SessionInfo>> sessions() const;

    // Streams every envelope in row order (for export) without loading all into memory.
    Result<void> forEachEnvelope(const std::function<bool(const Envelope &)> &visit) const;

private:
    CaptureStore() = default;
    Result<void> migrate();

    QString m_path;
    QString m_connectionName;
    bool m_readOnly = false;
};

} // namespace socketscope
