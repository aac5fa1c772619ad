#pragma once

#include <QStringList>

#include <vector>

namespace socketscope::capture {

// "SSCP": PRAGMA application_id, so other tools (and we) can tell a capture from any other SQLite file.
constexpr int kApplicationId = 0x53534350;

// One step of the schema history. Steps run in order, each in its own transaction together with
// PRAGMA user_version = toVersion, so a crash leaves the file at a known version.
// Never edit a released step; append a new one.
struct Migration
{
    int toVersion;
    QString summary;
    QStringList statements;
    // True if a file without this step reads the same (the step only drops or adds an index): a read-only
    // open then accepts the older file instead of asking for an upgrade it cannot do.
    bool readableWithout = false;
};

const std::vector<Migration> &migrations();
int latestSchemaVersion();
// True if every step after fromVersion is readableWithout: this version can read such a file as it is.
bool readableAsIs(int fromVersion);

} // namespace socketscope::capture
