#pragma once

#include <QString>

namespace socketscope::cli {

// Human status goes to stderr; machine output (JSONL, tables) to stdout.
void status(const QString &line);
void out(const QByteArray &line); // writes line + '\n' to stdout, flushed
bool stderrIsTerminal();
// "socketscope-cli COMMAND: PROBLEM" and the command's usage text on stderr; returns the usage exit code (2).
int usageError(const char *command, const char *usage, const QString &problem);
// A file name as a POSIX shell word, for commands we suggest (quoted only when it needs it).
QString shellWord(const QString &text);

} // namespace socketscope::cli
