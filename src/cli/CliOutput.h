#pragma once

#include <QString>

namespace socketscope::cli {

// Human status goes to stderr; machine output (JSONL, tables) to stdout.
void status(const QString &line);
void out(const QByteArray &line); // writes line + '\n' to stdout, flushed
bool stderrIsTerminal();

} // namespace socketscope::cli
