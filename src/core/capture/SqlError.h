#pragma once

#include "util/Result.h"

#include <QSqlError>

class QSqlDatabase;
struct sqlite3;

namespace socketscope::capture {

// Turns a Qt/SQLite error into an operator-facing Error. Codes are stable:
// capture_disk_full, capture_read_only, capture_not_sqlite, capture_corrupt, capture_busy,
// capture_cannot_open, capture_io_error, capture_sql_error.
// The message carries SQLite's text, never bound values (which may hold secrets).
Error sqlError(const QSqlError &error, const QString &what, const QString &path);
// The same for a result code and message of SQLite's C API.
Error sqlError(int sqliteCode, const QString &detail, const QString &what, const QString &path);

// The SQLite connection under a QSQLITE database, for what Qt SQL does not offer (busy handler, WAL
// hook); nullptr for any other driver or a closed database.
sqlite3 *sqliteHandle(const QSqlDatabase &db);

} // namespace socketscope::capture
