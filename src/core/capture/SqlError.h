#pragma once

#include "util/Result.h"

#include <QSqlError>

namespace socketscope::capture {

// Turns a Qt/SQLite error into an operator-facing Error. Codes are stable:
// capture_disk_full, capture_read_only, capture_not_sqlite, capture_corrupt, capture_busy,
// capture_cannot_open, capture_io_error, capture_sql_error.
// The message carries SQLite's text, never bound values (which may hold secrets).
Error sqlError(const QSqlError &error, const QString &what, const QString &path);

} // namespace socketscope::capture
