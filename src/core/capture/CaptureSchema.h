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
};

const std::vector<Migration> &migrations();
int latestSchemaVersion();

} // namespace socketscope::capture
