#pragma once

#include "answers/ResultTable.h"
#include "slack/Envelope.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <QVector>

namespace socketscope {

// A /nautobot command line as Nautobot ChatOps parses it (nautobot-chatops.md §4).
struct ChatOpsCommand
{
    QString command;    // "nautobot"
    QString subcommand; // "get-devices"
    QStringList params; // positional, shell-split

    // "nautobot get-devices location ams01" (params with spaces quoted).
    QString toString() const;
};

// One GET against the Nautobot REST API.
struct RestCall
{
    QString path;     // relative to the Nautobot root, e.g. "api/dcim/devices/"
    QUrlQuery query;
    bool list = true; // list endpoint (follow pagination) or a detail object
    QString toString() const; // "GET /api/dcim/devices/?location=ams01&depth=1"
};

// The REST equivalent of one command: the calls to make and how to tabulate their results.
struct RestMapping
{
    ChatOpsCommand command;
    QString description;   // what ChatOps calls the answer: "list of devices"
    QVector<RestCall> calls;
    QStringList columns;
    QString note;          // how the mapping differs from ChatOps, when it does
    QString requestsText() const; // every call, one per line
};

// Parses /nautobot command lines like ChatOps and maps them to REST (nautobot-chatops.md §7).
class NautobotCommandMapper
{
public:
    // "command sub-command [args…]" or "command-sub-command [args…]"; shell-split (non-POSIX fallback
    // on unmatched quotes); smart quotes → '; '_' → '-' in names.
    static Result<ChatOpsCommand> parse(const QString &commandLine);
    // The command line a captured envelope carries: slash command (prefix stripped) + text, a menu
    // choice (action_id + 'value'), a modal submission (callback_id + 'value') or a mention's text.
    static Result<ChatOpsCommand> fromEnvelope(const Envelope &envelope, const QString &slashPrefix = QStringLiteral("/"));

    // Errors: incomplete_command (ChatOps would prompt), unknown_filter, changes_data (use the REST
    // console with confirmation), no_rest_equivalent.
    static Result<RestMapping> map(const ChatOpsCommand &command);

    // results[i] = the objects call i returned (a detail call gives one object).
    static Result<ResultTable> tabulate(const RestMapping &mapping, const QVector<QVector<QJsonObject>> &results);
};

} // namespace socketscope
