#include "capture/SqlError.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace socketscope::capture {

namespace {

// SQLite primary result codes (sqlite3.h); Qt reports them as nativeErrorCode().
enum SqliteCode {
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteIoErr = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteNotADb = 26,
};

} // namespace

Error sqlError(const QSqlError &error, const QString &what, const QString &path)
{
    bool isNumber = false;
    const int native = error.nativeErrorCode().toInt(&isNumber);
    QString detail = error.databaseText();
    if (detail.isEmpty())
        detail = error.driverText();
    return sqlError(isNumber ? native : -1, detail, what, path);
}

Error sqlError(int sqliteCode, const QString &detail, const QString &what, const QString &path)
{
    const int primary = sqliteCode >= 0 ? (sqliteCode & 0xff) : -1;
    const QString message = QStringLiteral("%1 failed for capture %2: %3.").arg(what, path, detail);

    switch (primary) {
    case SqliteFull:
        return {QStringLiteral("capture_disk_full"),
                QStringLiteral("Capture %1 cannot grow: the disk is full or the capture size limit was reached (%2).")
                    .arg(path, what),
                QStringLiteral("Free disk space or start a new capture on another disk.")};
    case SqliteReadOnly:
        return {QStringLiteral("capture_read_only"), message,
                QStringLiteral("Make the file and its folder writable, or open the capture read-only.")};
    case SqliteNotADb:
        return {QStringLiteral("capture_not_sqlite"),
                QStringLiteral("%1 is not a SocketScope capture (not an SQLite database).").arg(path),
                QStringLiteral("Choose a SocketScope capture file, or a new file name to start a new capture.")};
    case SqliteCorrupt:
        return {QStringLiteral("capture_corrupt"), message,
                QStringLiteral("Restore the capture from a backup or export what is readable with "
                               "'sqlite3 FILE .recover'.")};
    case SqliteBusy:
    case SqliteLocked:
        return {QStringLiteral("capture_busy"), message,
                QStringLiteral("Another process is writing this capture; only one writer per file. Close it "
                               "or open the capture read-only.")};
    case SqliteCantOpen:
        return {QStringLiteral("capture_cannot_open"), message,
                QStringLiteral("Check that the path exists and that its folder is writable.")};
    case SqliteIoErr:
        return {QStringLiteral("capture_io_error"), message,
                QStringLiteral("Check the disk (space, permissions, network file system). Local disks are "
                               "required: SQLite WAL does not work on network shares.")};
    default:
        return {QStringLiteral("capture_sql_error"), message, {}};
    }
}

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

} // namespace socketscope::capture
