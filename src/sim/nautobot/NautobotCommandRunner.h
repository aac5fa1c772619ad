#pragma once

#include "util/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace socketscope::sim {

class NautobotStore;
struct NautobotSimConfig;

// Who asked, where, and how to answer: what ChatOps builds from a Slack request.
struct ChatOpsContext
{
    QString orgId;
    QString orgName;
    QString channelId;
    QString channelName;
    QString userId;
    QString userName;
    QString responseUrl; // secret: never logged
    QString triggerId;   // secret: never logged
    QString threadTs;
};

struct ParsedCommand
{
    QString command;    // e.g. nautobot
    QString subcommand; // e.g. get-devices; empty for help
    QStringList params;
};

// What the (simulated) Celery worker did with one command.
struct CommandOutcome
{
    bool logged = false;  // help and prompts are not written to the command log
    QString status;       // succeeded | failed | errored (when logged)
    QString details;
    QJsonArray params;    // [[name, value], …] as the command log stores them
    QVector<QJsonObject> messages; // Slack message payloads the worker posts
    bool wantsModal = false;       // a text prompt (views.open with the trigger_id)
};

// The /nautobot command family of Nautobot ChatOps, answered from the simulator's inventory:
// get-devices, get-device-facts, get-device-status, change-device-status, get-vlans, get-circuits,
// get-circuit-providers, get-manufacturer-summary, about, help. Missing parameters produce the
// same menus (static_select whose action_id is the command so far) the real worker sends.
class NautobotCommandRunner
{
public:
    NautobotCommandRunner(NautobotStore &store, const NautobotSimConfig &config);

    // parse_command_string: shell-style split (smart quotes → '), "command sub-command args" or
    // "command-sub-command args", '_' → '-' in names.
    static Result<ParsedCommand> parse(const QString &commandLine);
    static bool knowsCommand(const QString &command); // nautobot, clear

    // Access grants: nothing when permitted, else the user-facing denial and the command-log detail.
    struct Denial
    {
        QString message;
        QString details;
    };
    std::optional<Denial> checkGrants(const ParsedCommand &command, const ChatOpsContext &context) const;

    CommandOutcome run(const ParsedCommand &command, const ChatOpsContext &context);
    QJsonObject helpMessage(const QString &command) const;
    static QJsonObject textMessage(const QString &text);

private:
    CommandOutcome getDevices(const ParsedCommand &c, const ChatOpsContext &ctx);
    CommandOutcome getVlans(const ParsedCommand &c, const ChatOpsContext &ctx);
    CommandOutcome getCircuits(const ParsedCommand &c, const ChatOpsContext &ctx);
    CommandOutcome getCircuitProviders(const ParsedCommand &c, const ChatOpsContext &ctx);
    CommandOutcome getManufacturerSummary(const ParsedCommand &c, const ChatOpsContext &ctx);
    CommandOutcome deviceCommand(const ParsedCommand &c, const ChatOpsContext &ctx);
    CommandOutcome changeDeviceStatus(const ParsedCommand &c, const ChatOpsContext &ctx);

    QJsonObject menu(const QString &actionId, const QString &prompt, const QVector<QPair<QString, QString>> &choices,
                     int offset) const;
    QJsonObject resultMessage(const ChatOpsContext &ctx, const QString &description, const ParsedCommand &c,
                              const QString &body) const;
    QVector<QPair<QString, QString>> choicesOf(const QString &objectType) const;
    QVector<QPair<QString, QString>> deviceChoices() const;

    NautobotStore &m_store;
    const NautobotSimConfig &m_config;
};

} // namespace socketscope::sim
