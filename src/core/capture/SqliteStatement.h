#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace socketscope::capture {

// One prepared statement on SQLite's C API, for the statements on the ack path. Qt SQL costs more
// there than the SQL itself: every QSqlQuery::bindValue formats a placeholder name and copies a
// QVariant, and text goes through UTF-16. Errors come back as the same Error values as sqlError().
class SqliteStatement
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    Result<void> prepare(sqlite3 *db, const char *sql, const QString &path);

    enum class Empty { AsNull, AsText }; // AsText for NOT NULL columns: '' stays ''

    // Parameters count from 1, as in SQLite. Text is not copied: it must outlive the next step().
    void bind(int index, qint64 value);
    void bindText(int index, const QString &text, Empty empty = Empty::AsNull);
    void bindUtf8(int index, const QByteArray &utf8, Empty empty = Empty::AsNull);
    void bindNull(int index);

    // Runs to the next row: true for a row, false when done. Resets the statement when done or failed.
    Result<bool> step(const QString &what);
    // For a statement without rows (INSERT, UPDATE, BEGIN …).
    Result<void> run(const QString &what);
    void reset();

    qint64 columnInt64(int column) const;
    QString columnText(int column) const;
    int changes() const;
    qint64 lastInsertRowId() const;

private:
    void bindEmpty(int index, Empty empty);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_path;
};

} // namespace socketscope::capture
