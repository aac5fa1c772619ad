#pragma once

#include <QStringList>

// Exit codes of the CLI contract (DESIGN.md).
namespace socketscope::cli {

enum ExitCode : int {
    ExitOk = 0,
    ExitUsage = 2,
    ExitConfig = 3,  // authentication or configuration error
    ExitNetwork = 4, // network failure after giving up
    ExitCheckFailed = 5,
};

// Each subcommand parses its own arguments (args[0] is the subcommand name).
int runListen(const QStringList &args);
int runCheck(const QStringList &args);
int runSim(const QStringList &args);
int runExport(const QStringList &args);
int runImport(const QStringList &args);
int runIndex(const QStringList &args);
int runReplay(const QStringList &args);

} // namespace socketscope::cli
