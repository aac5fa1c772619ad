#include "capture/SqliteStatement.h"

#include "capture/SqlError.h"

#include <sqlite3.h>

namespace socketscope::capture {

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

Result<void> SqliteStatement::prepare(sqlite3 *db, const char *sql, const QString &path)
{
    m_path = path;
    if (!db)
        return sqlError(SQLITE_MISUSE, QStringLiteral("no SQLite connection"), QStringLiteral("Preparing statements"), path);
    m_db = db;
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    if (const int rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr); rc != SQLITE_OK)
        return sqlError(sqlite3_extended_errcode(db), QString::fromUtf8(sqlite3_errmsg(db)),
                        QStringLiteral("Preparing statements"), path);
    return {};
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bindEmpty(int index, Empty empty)
{
    if (empty == Empty::AsText)
        sqlite3_bind_text(m_stmt, index, "", 0, SQLITE_STATIC);
    else
        sqlite3_bind_null(m_stmt, index);
}

void SqliteStatement::bindText(int index, const QString &text, Empty empty)
{
    if (text.isEmpty())
        return bindEmpty(index, empty);
    // SQLITE_STATIC: the caller keeps the string alive until step(); SQLite converts it to UTF-8 itself.
    sqlite3_bind_text16(m_stmt, index, text.utf16(), int(text.size() * sizeof(char16_t)), SQLITE_STATIC);
}

void SqliteStatement::bindUtf8(int index, const QByteArray &utf8, Empty empty)
{
    if (utf8.isEmpty())
        return bindEmpty(index, empty);
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

Result<bool> SqliteStatement::step(const QString &what)
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE) {
        reset();
        return false;
    }
    // The extended code and message belong to the connection: read them before anything else runs on it.
    const Error error = sqlError(sqlite3_extended_errcode(m_db), QString::fromUtf8(sqlite3_errmsg(m_db)), what, m_path);
    reset();
    return error;
}

Result<void> SqliteStatement::run(const QString &what)
{
    const Result<bool> r = step(what);
    if (!r)
        return r.error();
    if (*r)
        reset(); // a row nobody asked for: done with it
    return {};
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 SqliteStatement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString SqliteStatement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column)) : QString();
}

int SqliteStatement::changes() const
{
    return sqlite3_changes(m_db);
}

qint64 SqliteStatement::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

} // namespace socketscope::capture
