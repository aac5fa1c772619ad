#pragma once

#include "doctor/DoctorCheck.h"

namespace socketscope {

// apps.connections.open accepts the app-level token (Socket Mode on, connections:write present).
// Keeps the returned URL for SocketHelloCheck: one open call per doctor run (the method is Tier 1).
class AppTokenAcceptedCheck final : public DoctorCheck
{
public:
    AppTokenAcceptedCheck();

protected:
    void run() override;
};

// The WebSocket upgrade works through the configured proxy and Slack sends hello. Reports
// num_connections and closes the link right after hello so it takes (almost) no envelopes.
class SocketHelloCheck final : public DoctorCheck
{
public:
    SocketHelloCheck();

protected:
    void run() override;
};

// auth.test accepts the bot token; records team, bot user and the token's scopes.
class BotTokenAuthCheck final : public DoctorCheck
{
public:
    BotTokenAuthCheck();

protected:
    void run() override;
};

// The bot token's scopes (x-oauth-scopes) include every scope of the ChatOps manifest.
class BotScopesCheck final : public DoctorCheck
{
public:
    BotScopesCheck();

protected:
    void run() override;
};

} // namespace socketscope
