#include "capture/CaptureSchema.h"

namespace socketscope::capture {

namespace {

Migration version1()
{
    Migration m{1, QStringLiteral("initial schema: sessions, links, envelopes + FTS5, malformed frames, deliveries"), {}};
    m.statements = {
        QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE sessions("
                       " id INTEGER PRIMARY KEY,"
                       " started_us INTEGER NOT NULL,"
                       " ended_us INTEGER NOT NULL DEFAULT 0,"
                       " source TEXT NOT NULL,"
                       " mode TEXT, api_url TEXT, end_reason TEXT)"),
        QStringLiteral("CREATE TABLE links("
                       " id INTEGER PRIMARY KEY,"
                       " session_id INTEGER REFERENCES sessions(id),"
                       " link_id INTEGER NOT NULL,"
                       " at_us INTEGER NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " detail TEXT)"),
        QStringLiteral("CREATE INDEX links_by_session ON links(session_id, at_us)"),
        // id is the rowid: the inspector pages by it and it is the FTS content_rowid.
        // event_id is NULL (not '') when absent so its index only holds events_api rows.
        QStringLiteral("CREATE TABLE envelopes("
                       " id INTEGER PRIMARY KEY,"
                       " session_id INTEGER REFERENCES sessions(id),"
                       " link_id INTEGER NOT NULL DEFAULT 0,"
                       " envelope_id TEXT NOT NULL,"
                       " type TEXT NOT NULL,"
                       " subtype TEXT, team_id TEXT, channel_id TEXT, user_id TEXT, text TEXT,"
                       " event_id TEXT,"
                       " retry_attempt INTEGER NOT NULL DEFAULT 0,"
                       " retry_reason TEXT,"
                       " accepts_response_payload INTEGER NOT NULL DEFAULT 0,"
                       " duplicate INTEGER NOT NULL DEFAULT 0,"
                       " received_us INTEGER NOT NULL,"
                       " committed_us INTEGER NOT NULL DEFAULT 0,"
                       " acked_us INTEGER NOT NULL DEFAULT 0,"
                       " delivery_status TEXT,"
                       " raw TEXT NOT NULL)"),
        // Every index costs time on the ack path; these are the ones the inspector queries need.
        // (An index on type alone already orders by rowid within a type.)
        QStringLiteral("CREATE INDEX envelopes_by_envelope_id ON envelopes(envelope_id)"),
        QStringLiteral("CREATE INDEX envelopes_by_event_id ON envelopes(event_id) WHERE event_id IS NOT NULL"),
        QStringLiteral("CREATE INDEX envelopes_by_type ON envelopes(type)"),
        QStringLiteral("CREATE INDEX envelopes_by_received ON envelopes(received_us)"),
        QStringLiteral("CREATE TABLE malformed_frames("
                       " id INTEGER PRIMARY KEY,"
                       " session_id INTEGER REFERENCES sessions(id),"
                       " link_id INTEGER NOT NULL DEFAULT 0,"
                       " at_us INTEGER NOT NULL,"
                       " problem TEXT NOT NULL,"
                       " raw BLOB)"),
        QStringLiteral("CREATE TABLE deliveries("
                       " id INTEGER PRIMARY KEY,"
                       " envelope_row INTEGER NOT NULL REFERENCES envelopes(id) ON DELETE CASCADE,"
                       " at_us INTEGER NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " target TEXT,"
                       " status_code INTEGER NOT NULL DEFAULT 0,"
                       " latency_us INTEGER NOT NULL DEFAULT -1,"
                       " outcome TEXT)"),
        QStringLiteral("CREATE INDEX deliveries_by_envelope ON deliveries(envelope_row, at_us)"),
        // External-content FTS5: the text lives once, in envelopes; the index is fed by triggers inside
        // the insert transaction. Only these columns fire the update trigger, so acks and delivery
        // status updates cost no FTS work. detail=none and columnsize=0 keep only "which rows hold
        // this token" (no positions, no per-row sizes): the inspector needs no phrases or ranking,
        // and the index is written on every commit of the ack path.
        QStringLiteral("CREATE VIRTUAL TABLE envelopes_fts USING fts5("
                       "text, subtype, user_id, channel_id, envelope_id, raw,"
                       " content='envelopes', content_rowid='id', detail=none, columnsize=0)"),
        QStringLiteral("CREATE TRIGGER envelopes_fts_insert AFTER INSERT ON envelopes BEGIN"
                       " INSERT INTO envelopes_fts(rowid, text, subtype, user_id, channel_id, envelope_id, raw)"
                       " VALUES (new.id, new.text, new.subtype, new.user_id, new.channel_id, new.envelope_id,"
                       " new.raw); END"),
        QStringLiteral("CREATE TRIGGER envelopes_fts_delete AFTER DELETE ON envelopes BEGIN"
                       " INSERT INTO envelopes_fts(envelopes_fts, rowid, text, subtype, user_id, channel_id,"
                       " envelope_id, raw) VALUES ('delete', old.id, old.text, old.subtype, old.user_id,"
                       " old.channel_id, old.envelope_id, old.raw); END"),
        QStringLiteral("CREATE TRIGGER envelopes_fts_update AFTER UPDATE OF text, subtype, user_id, channel_id,"
                       " envelope_id, raw ON envelopes BEGIN"
                       " INSERT INTO envelopes_fts(envelopes_fts, rowid, text, subtype, user_id, channel_id,"
                       " envelope_id, raw) VALUES ('delete', old.id, old.text, old.subtype, old.user_id,"
                       " old.channel_id, old.envelope_id, old.raw);"
                       " INSERT INTO envelopes_fts(rowid, text, subtype, user_id, channel_id, envelope_id, raw)"
                       " VALUES (new.id, new.text, new.subtype, new.user_id, new.channel_id, new.envelope_id,"
                       " new.raw); END"),
        QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId),
    };
    return m;
}

// Search indexing leaves the commit (and so the ack path): the insert trigger fed FTS5 inside every
// commit, which made a 1,000-row batch cost 3-4x as much as without it. Now FtsIndexer indexes committed
// rows in small chunks on its own connection and moves meta 'fts_indexed_upto' forward; rows above that
// mark are searched by a scan (CaptureStore::searchText), so search stays complete at every moment.
Migration version2()
{
    const QString mark = QStringLiteral("(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'fts_indexed_upto')");
    Migration m{2, QStringLiteral("search indexing after the commit: FTS5 fed by FtsIndexer up to meta fts_indexed_upto"), {}};
    m.statements = {
        QStringLiteral("DROP TRIGGER envelopes_fts_insert"),
        QStringLiteral("DROP TRIGGER envelopes_fts_delete"),
        QStringLiteral("DROP TRIGGER envelopes_fts_update"),
        // Every row so far was indexed by the old trigger.
        QStringLiteral("INSERT OR REPLACE INTO meta(key, value) SELECT 'fts_indexed_upto', coalesce(max(id), 0) FROM envelopes"),
        // A deleted row leaves the index only if it was in it. If the newest rows go, their ids can be
        // handed out again (no AUTOINCREMENT): pull the mark down so those new rows get indexed.
        QStringLiteral("CREATE TRIGGER envelopes_fts_delete AFTER DELETE ON envelopes BEGIN"
                       " INSERT INTO envelopes_fts(envelopes_fts, rowid, text, subtype, user_id, channel_id,"
                       " envelope_id, raw) SELECT 'delete', old.id, old.text, old.subtype, old.user_id,"
                       " old.channel_id, old.envelope_id, old.raw WHERE old.id <= %1;"
                       " UPDATE meta SET value = (SELECT coalesce(max(id), 0) FROM envelopes)"
                       " WHERE key = 'fts_indexed_upto' AND CAST(value AS INTEGER) > (SELECT coalesce(max(id), 0) FROM envelopes);"
                       " END").arg(mark),
        QStringLiteral("CREATE TRIGGER envelopes_fts_update AFTER UPDATE OF text, subtype, user_id, channel_id,"
                       " envelope_id, raw ON envelopes WHEN old.id <= %1 BEGIN"
                       " INSERT INTO envelopes_fts(envelopes_fts, rowid, text, subtype, user_id, channel_id,"
                       " envelope_id, raw) VALUES ('delete', old.id, old.text, old.subtype, old.user_id,"
                       " old.channel_id, old.envelope_id, old.raw);"
                       " INSERT INTO envelopes_fts(rowid, text, subtype, user_id, channel_id, envelope_id, raw)"
                       " VALUES (new.id, new.text, new.subtype, new.user_id, new.channel_id, new.envelope_id,"
                       " new.raw); END").arg(mark),
    };
    return m;
}

// Neither index can serve a query: the type filter compares lower(type), and received_us appears only in
// the ack-latency expression (acked_us - received_us). Each still cost an index insert and, nearly every
// commit, one more WAL page on the ack path: bench_capture_store's one-row commit went from 50 to 37 µs
// at p50 without them.
Migration version3()
{
    Migration m{3, QStringLiteral("drops the envelopes_by_type and envelopes_by_received indexes, which no query can use"), {}};
    m.statements = {
        QStringLiteral("DROP INDEX IF EXISTS envelopes_by_type"),
        QStringLiteral("DROP INDEX IF EXISTS envelopes_by_received"),
    };
    m.readableWithout = true;
    return m;
}

// Both ids are random (UUIDs, Ev… ids), so under load every commit inserted into a different leaf of
// each index: two more 4 KiB WAL pages per envelope, copied again by the checkpoint. listen's CPU per
// envelope at 2,000/s fell from ~55 to ~24 µs without them. Duplicates are found in memory over the
// most recent envelopes (CaptureStore::DuplicateIndex), which covers Slack's retry window many times.
Migration version4()
{
    Migration m{4, QStringLiteral("drops the envelope_id and event_id indexes: duplicates are found in memory"), {}};
    m.statements = {
        QStringLiteral("DROP INDEX IF EXISTS envelopes_by_envelope_id"),
        QStringLiteral("DROP INDEX IF EXISTS envelopes_by_event_id"),
    };
    m.readableWithout = true;
    return m;
}

} // namespace

const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> all{version1(), version2(), version3(), version4()};
    return all;
}

int latestSchemaVersion()
{
    return migrations().back().toVersion;
}

bool readableAsIs(int fromVersion)
{
    for (const Migration &migration : migrations()) {
        if (migration.toVersion > fromVersion && !migration.readableWithout)
            return false;
    }
    return true;
}

} // namespace socketscope::capture
