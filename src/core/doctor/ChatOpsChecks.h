#pragma once

#include "doctor/DoctorCheck.h"

namespace socketscope {

// The ChatOps Slack endpoints exist: an unsigned POST to slack/slash_command/ gets 401 (enabled),
// not 404 (enable_slack off or the app missing). Runs no command.
class SlackEndpointsEnabledCheck final : public DoctorCheck
{
public:
    SlackEndpointsEnabledCheck();

protected:
    void run() override;
};

// Nautobot and SocketScope share the signing secret: a signed POST without a command field gets
// 200 "No command specified", a wrong secret 401 "Incorrect signature". Runs no command.
class SigningSecretMatchesCheck final : public DoctorCheck
{
public:
    SigningSecretMatchesCheck();

protected:
    void run() override;
};

// Access grants let someone run the configured slash command: ChatOps denies all by default, and
// organization, channel and user grants must all match. Flags values that look like names, not IDs.
class AccessGrantsCheck final : public DoctorCheck
{
public:
    AccessGrantsCheck();

    // "/nautobot" → "nautobot"; "/network2-nautobot" (slack_slash_command_prefix "/network2-") → "nautobot".
    static QString chatOpsCommand(const QString &slashCommand);
    // Slack IDs look like T0ABC123 (team), C…/G… (channel), U…/W… (user); anything else is probably a name.
    static bool looksLikeSlackId(const QString &value);

protected:
    void run() override;
};

// Recent blocked or errored rows in the ChatOps command log, newest first.
class CommandLogCheck final : public DoctorCheck
{
public:
    CommandLogCheck();

    static constexpr int kLookbackDays = 7;

protected:
    void run() override;
};

} // namespace socketscope
