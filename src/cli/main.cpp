#include "CliOutput.h"
#include "Commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace socketscope::cli;

namespace {

struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &);
};

// Commands are added here as they are implemented; the contract is in DESIGN.md.
const Command kCommands[] = {
    {"listen", "hold a Socket Mode connection, capture and ack every envelope", runListen},
    {"check", "check the Slack app, tokens, scopes, Nautobot, ChatOps and the network path", runCheck},
    {"sim", "run the built-in Slack/Nautobot simulator on 127.0.0.1", runSim},
    {"export", "export a capture to JSONL (redacted unless --no-redact)", runExport},
    {"import", "import JSONL files into a capture", runImport},
    {"index", "build a capture's free-text search index now", runIndex},
    {"replay", "re-deliver a captured envelope, signed, to Nautobot ChatOps", runReplay},
};

void printHelp(FILE *stream)
{
    QString text = QStringLiteral(
        "Usage: socketscope-cli <command> [options]\n\n"
        "SocketScope: Socket Mode inspector for Nautobot ChatOps on Slack.\n\nCommands:\n");
    for (const Command &command : kCommands)
        text += QStringLiteral("  %1  %2\n").arg(QString::fromLatin1(command.name).leftJustified(8),
                                               QString::fromLatin1(command.summary));
    text += QStringLiteral(
        "\nRun 'socketscope-cli <command> --help' for a command's options.\n"
        "Environment: SOCKETSCOPE_SLACK_APP_TOKEN, SOCKETSCOPE_SLACK_BOT_TOKEN,\n"
        "SOCKETSCOPE_SLACK_SIGNING_SECRET, SOCKETSCOPE_NAUTOBOT_TOKEN override the keychain;\n"
        "SOCKETSCOPE_SLACK_API_URL (default https://slack.com/api/), SOCKETSCOPE_NAUTOBOT_URL.\n"
        "Exit codes: 0 done, 2 usage, 3 auth/config, 4 network gave up, 5 check failures.\n");
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("socketscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("SocketScope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SOCKETSCOPE_VERSION));

    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        printHelp(stderr);
        return ExitUsage;
    }
    const QString first = args.first();
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out(QStringLiteral("socketscope-cli %1 (Qt %2)")
                .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()))
                .toUtf8());
        return ExitOk;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        printHelp(stdout);
        return ExitOk;
    }
    for (const Command &command : kCommands) {
        if (first == QLatin1String(command.name))
            return command.run(args);
    }
    status(QStringLiteral("socketscope-cli: unknown command '%1'. Run 'socketscope-cli --help'.").arg(first));
    return ExitUsage;
}
