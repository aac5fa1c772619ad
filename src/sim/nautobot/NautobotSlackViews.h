#pragma once

#include "HttpServer.h"
#include "NautobotCommandRunner.h"

#include <QHash>

#include <functional>

namespace socketscope::sim {

struct NautobotSimConfig;

// A permitted command on its way to the (simulated) Celery worker.
struct ChatOpsJob
{
    ParsedCommand command;
    ChatOpsContext context;
};

// Nautobot ChatOps' Slack webhook views (CO:nautobot_chatops/api/views/slack.py):
// POST /api/plugins/chatops/slack/{slash_command,interaction,event}/ with the v0 signature check
// (401, empty body, cause in the status line; no freshness check), 404 when Slack is disabled,
// 405 for other methods, and the slash / interaction / mention flows up to the enqueue.
class NautobotSlackViews
{
public:
    struct Hooks
    {
        std::function<void(const ChatOpsJob &)> enqueue;                              // grants passed
        std::function<void(const QJsonObject &, const ChatOpsContext &)> post;        // help, denials
        std::function<void(const ChatOpsJob &, const QString &details)> logBlocked;    // CommandLog "blocked"
    };

    NautobotSlackViews(const NautobotSimConfig &config, NautobotCommandRunner &runner, Hooks hooks);

    void registerOn(HttpServer &server);
    HttpResponse handle(const HttpRequest &request);

    // nautobot_chatops_signature_error_count{type}: missing_signature | missing_timestamp | incorrect_signature
    const QHash<QString, int> &signatureErrors() const { return m_signatureErrors; }
    int requestsHandled() const { return m_requests; }

private:
    HttpResponse dispatch(const HttpRequest &request);
    HttpResponse slashCommand(const HttpRequest &request);
    HttpResponse interaction(const HttpRequest &request);
    HttpResponse event(const HttpRequest &request);
    void checkAndEnqueue(const ParsedCommand &command, const ChatOpsContext &context);
    static HttpResponse plain(const QByteArray &body, int status = 200);

    const NautobotSimConfig &m_config;
    NautobotCommandRunner &m_runner;
    Hooks m_hooks;
    QHash<QString, int> m_signatureErrors;
    int m_requests = 0;
};

} // namespace socketscope::sim
