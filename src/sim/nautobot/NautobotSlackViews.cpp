#include "NautobotSlackViews.h"

#include "NautobotRestApi.h"
#include "NautobotSimConfig.h"
#include "nautobot/SlackSignature.h"
#include "util/Logging.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace socketscope::sim {

namespace {
const QString kSlackPrefix = QStringLiteral("/api/plugins/chatops/slack/");

QString field(const QUrlQuery &form, const QString &name)
{
    return form.queryItemValue(name, QUrl::FullyDecoded);
}
} // namespace

NautobotSlackViews::NautobotSlackViews(const NautobotSimConfig &config, NautobotCommandRunner &runner, Hooks hooks)
    : m_config(config), m_runner(runner), m_hooks(std::move(hooks))
{
}

void NautobotSlackViews::registerOn(HttpServer &server)
{
    server.addPrefixRoute({}, kSlackPrefix, [this](const HttpRequest &request) { return handle(request); });
}

HttpResponse NautobotSlackViews::plain(const QByteArray &body, int status)
{
    // Django's HttpResponse default content type.
    HttpResponse response;
    response.status = status;
    response.body = body;
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8")});
    return response;
}

HttpResponse NautobotSlackViews::handle(const HttpRequest &request)
{
    ++m_requests;
    HttpResponse response = dispatch(request);
    if (m_config.chatOpsInstalled) {
        response.delayMs = m_config.chatOpsDelayMs;
        response.never = m_config.chatOpsNeverAnswers;
    }
    return response;
}

HttpResponse NautobotSlackViews::dispatch(const HttpRequest &request)
{
    const QString version = m_config.apiVersions.isEmpty() ? QStringLiteral("3.1") : m_config.apiVersions.last();
    const QString view = request.path.mid(kSlackPrefix.size());
    const bool known = view == QLatin1String("slash_command/") || view == QLatin1String("interaction/")
                       || view == QLatin1String("event/");
    const bool knownWithoutSlash = view == QLatin1String("slash_command") || view == QLatin1String("interaction")
                                   || view == QLatin1String("event");
    // enable_slack false (or no app): the URLs do not resolve, so no APPEND_SLASH redirect either.
    if (!m_config.chatOpsInstalled || !m_config.enableSlack || (!known && !knownWithoutSlash))
        return NautobotRestApi::notFound(version);
    if (knownWithoutSlash) {
        HttpResponse redirect = plain(QByteArray(), 302);
        return redirect.withHeader("Location", request.path.toUtf8() + '/');
    }
    if (request.method != "POST")
        return plain(QByteArray(), 405).withHeader("Allow", "POST");

    // verify_signature(): the reason goes into the status line, the body stays empty.
    const QByteArray signature = request.header("x-slack-signature");
    const QByteArray timestamp = request.header("x-slack-request-timestamp");
    auto refuse = [this](const char *metric, const char *reason) {
        ++m_signatureErrors[QString::fromLatin1(metric)];
        qCInfo(lcSim) << "nautobot: signature check failed:" << reason;
        HttpResponse response = plain(QByteArray(), 401);
        response.reason = QByteArray(reason);
        return response;
    };
    if (!request.headers.contains("x-slack-signature"))
        return refuse("missing_signature", "Missing X-Slack-Signature header");
    if (!request.headers.contains("x-slack-request-timestamp"))
        return refuse("missing_timestamp", "Missing X-Slack-Request-Timestamp header");
    if (!SlackSignature::verify(m_config.signingSecret, timestamp, request.body, signature))
        return refuse("incorrect_signature", "Incorrect signature");

    if (view == QLatin1String("slash_command/"))
        return slashCommand(request);
    if (view == QLatin1String("interaction/"))
        return interaction(request);
    return event(request);
}

HttpResponse NautobotSlackViews::slashCommand(const HttpRequest &request)
{
    // Django parses the form whatever the content type says.
    QByteArray normalised = request.body;
    normalised.replace('+', "%20");
    const QUrlQuery form(QString::fromUtf8(normalised));
    QString command = field(form, QStringLiteral("command"));
    if (command.isEmpty())
        return plain(QByteArrayLiteral("No command specified"));
    if (!m_config.slashCommandPrefix.isEmpty())
        command.remove(m_config.slashCommandPrefix);
    const QString text = field(form, QStringLiteral("text"));
    ChatOpsContext context;
    context.orgId = field(form, QStringLiteral("team_id"));
    context.orgName = field(form, QStringLiteral("team_domain"));
    context.channelId = field(form, QStringLiteral("channel_id"));
    context.channelName = field(form, QStringLiteral("channel_name"));
    context.userId = field(form, QStringLiteral("user_id"));
    context.userName = field(form, QStringLiteral("user_name"));
    context.responseUrl = field(form, QStringLiteral("response_url"));
    context.triggerId = field(form, QStringLiteral("trigger_id"));

    auto parsed = NautobotCommandRunner::parse(command + QLatin1Char(' ') + text);
    if (!parsed) {
        return plain(QStringLiteral("'Error: %1' encountered on command '%2 %3'.")
                         .arg(parsed.error().message, command, text)
                         .toUtf8());
    }
    if (!NautobotCommandRunner::knowsCommand(parsed->command)) {
        m_hooks.post(m_runner.helpMessage(QStringLiteral("nautobot")), context);
        return plain(QByteArray());
    }
    checkAndEnqueue(parsed.value(), context);
    return plain(QByteArray());
}

HttpResponse NautobotSlackViews::interaction(const HttpRequest &request)
{
    QByteArray normalised = request.body;
    normalised.replace('+', "%20");
    const QUrlQuery form(QString::fromUtf8(normalised));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(field(form, QStringLiteral("payload")).toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return plain(QByteArray(), 500); // json.loads raises: an unhandled exception
    const QJsonObject payload = doc.object();
    const QString type = payload.value(QLatin1String("type")).toString();
    const QJsonObject team = payload.value(QLatin1String("team")).toObject();
    const QJsonObject user = payload.value(QLatin1String("user")).toObject();
    ChatOpsContext context;
    context.orgId = team.value(QLatin1String("id")).toString();
    context.orgName = team.value(QLatin1String("domain")).toString();
    context.userId = user.value(QLatin1String("id")).toString();
    context.userName = user.value(QLatin1String("username")).toString();
    context.responseUrl = payload.value(QLatin1String("response_url")).toString();
    context.triggerId = payload.value(QLatin1String("trigger_id")).toString();

    QString commandLine;
    if (type == QLatin1String("block_actions")) {
        const QJsonObject channel = payload.value(QLatin1String("channel")).toObject();
        context.channelId = channel.value(QLatin1String("id")).toString();
        context.channelName = channel.value(QLatin1String("name")).toString();
        context.threadTs = payload.value(QLatin1String("container")).toObject().value(QLatin1String("thread_ts")).toString();
        const QJsonObject action = payload.value(QLatin1String("actions")).toArray().first().toObject();
        const QString actionType = action.value(QLatin1String("type")).toString();
        QString value;
        if (actionType == QLatin1String("static_select"))
            value = action.value(QLatin1String("selected_option")).toObject().value(QLatin1String("value")).toString();
        else if (actionType == QLatin1String("button"))
            value = action.value(QLatin1String("value")).toString();
        else
            return plain(QByteArray(), 500); // "Unhandled action type" (#148)
        commandLine = action.value(QLatin1String("action_id")).toString() + QStringLiteral(" '") + value + QLatin1Char('\'');
    } else if (type == QLatin1String("view_submission")) {
        const QJsonObject view = payload.value(QLatin1String("view")).toObject();
        const QJsonObject values = view.value(QLatin1String("state")).toObject().value(QLatin1String("values")).toObject();
        QStringList blocks = values.keys();
        std::sort(blocks.begin(), blocks.end());
        if (blocks.isEmpty())
            return plain(QByteArray(), 500);
        const QJsonObject block = values.value(blocks.first()).toObject();
        const QJsonObject input = block.value(block.keys().value(0)).toObject();
        if (input.value(QLatin1String("type")).toString() != QLatin1String("plain_text_input"))
            return plain(QByteArray(), 500);
        commandLine = view.value(QLatin1String("callback_id")).toString() + QStringLiteral(" '")
                      + input.value(QLatin1String("value")).toString() + QLatin1Char('\'');
        const QJsonObject metadata =
            QJsonDocument::fromJson(view.value(QLatin1String("private_metadata")).toString().toUtf8()).object();
        context.channelId = metadata.value(QLatin1String("channel_id")).toString();
        context.threadTs = metadata.value(QLatin1String("thread_ts")).toString();
    } else {
        return plain(QByteArrayLiteral("I didn't understand that notification."));
    }

    auto parsed = NautobotCommandRunner::parse(commandLine);
    if (!parsed)
        return plain(QByteArray());
    if (!NautobotCommandRunner::knowsCommand(parsed->command)) {
        m_hooks.post(m_runner.helpMessage(QStringLiteral("nautobot")), context);
        return plain(QByteArray());
    }
    checkAndEnqueue(parsed.value(), context);
    return plain(QByteArray());
}

HttpResponse NautobotSlackViews::event(const HttpRequest &request)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return plain(QByteArray(), 500);
    const QJsonObject body = doc.object();
    if (body.value(QLatin1String("type")).toString() == QLatin1String("url_verification"))
        return plain(body.value(QLatin1String("challenge")).toString().toUtf8());

    // Everything else is taken for a mention, without looking at event.type (reference §3).
    const QJsonObject event = body.value(QLatin1String("event")).toObject();
    ChatOpsContext context;
    context.orgId = body.value(QLatin1String("team_id")).toString();
    context.channelId = event.value(QLatin1String("channel")).toString();
    context.userId = event.value(QLatin1String("user")).toString();
    context.userName = context.userId;
    context.threadTs = event.value(QLatin1String("thread_ts")).toString();
    if (context.threadTs.isEmpty())
        context.threadTs = event.value(QLatin1String("ts")).toString();
    const QString botId =
        body.value(QLatin1String("authorizations")).toArray().first().toObject().value(QLatin1String("user_id")).toString();
    QString text = event.value(QLatin1String("text")).toString();
    text.remove(QStringLiteral("<@%1>").arg(botId));
    auto parsed = NautobotCommandRunner::parse(text.trimmed());
    if (!parsed)
        return plain(QByteArray());
    if (!NautobotCommandRunner::knowsCommand(parsed->command)) {
        m_hooks.post(m_runner.helpMessage(QStringLiteral("nautobot")), context);
        return plain(QByteArray());
    }
    checkAndEnqueue(parsed.value(), context);
    return plain(QByteArray());
}

void NautobotSlackViews::checkAndEnqueue(const ParsedCommand &command, const ChatOpsContext &context)
{
    const ChatOpsJob job{command, context};
    if (auto denial = m_runner.checkGrants(command, context)) {
        QJsonObject message = NautobotCommandRunner::textMessage(denial->message);
        message.insert(QStringLiteral("response_type"), QStringLiteral("ephemeral"));
        m_hooks.post(message, context);
        m_hooks.logBlocked(job, denial->details);
        return;
    }
    m_hooks.enqueue(job);
}

} // namespace socketscope::sim
