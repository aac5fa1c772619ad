#include "slack/SlackApiError.h"

#include <QHash>

namespace socketscope {

namespace {

struct Known
{
    ApiFailureAction action;
    const char *message;
    const char *fix;
};

const QHash<QString, Known> &knownErrors()
{
    using A = ApiFailureAction;
    static const QHash<QString, Known> table{
        {QStringLiteral("invalid_auth"), {A::Fatal, "Slack rejected the token (invalid_auth): it is invalid, or this network's IP is not allowed.", "Copy the app-level token again from the Slack app's Basic Information → App-Level Tokens (it starts with xapp-), or check the app's IP allow-list."}},
        {QStringLiteral("not_authed"), {A::Fatal, "No token reached Slack (not_authed).", "Set the Slack app token in the profile or in SOCKETSCOPE_SLACK_APP_TOKEN."}},
        {QStringLiteral("missing_args"), {A::Fatal, "Slack says no app-level token was provided (missing_args).", "Use an app-level token (xapp-…); it must travel in the Authorization header."}},
        {QStringLiteral("not_allowed_token_type"), {A::Fatal, "Slack refused this kind of token (not_allowed_token_type).", "apps.connections.open needs the app-level token (xapp-…) from Basic Information → App-Level Tokens, not the bot (xoxb-) or user (xoxp-) token."}},
        {QStringLiteral("missing_scope"), {A::Fatal, "The app-level token lacks the connections:write scope (missing_scope).", "In the Slack app's Basic Information → App-Level Tokens, create a token with the connections:write scope."}},
        {QStringLiteral("account_inactive"), {A::Fatal, "The token belongs to a deactivated account or app (account_inactive).", "Reinstall the Slack app and create a new app-level token."}},
        {QStringLiteral("token_revoked"), {A::Fatal, "The token was revoked (token_revoked).", "Create a new app-level token in the Slack app settings."}},
        {QStringLiteral("token_expired"), {A::Fatal, "The token has expired (token_expired).", "Create a new app-level token in the Slack app settings."}},
        {QStringLiteral("user_removed_from_team"), {A::Fatal, "The token's user was removed from the workspace (user_removed_from_team).", "Reinstall the Slack app with an active user."}},
        {QStringLiteral("team_disabled"), {A::Fatal, "The Slack workspace is disabled (team_disabled).", "Use a token from an active workspace."}},
        {QStringLiteral("no_permission"), {A::Fatal, "The token has no permission for this call (no_permission).", "Ask a workspace admin to allow the app."}},
        {QStringLiteral("access_denied"), {A::Fatal, "Access was denied by the workspace (access_denied).", "Ask a workspace admin to allow the app."}},
        {QStringLiteral("forbidden_team"), {A::Fatal, "The token cannot act on this workspace (forbidden_team).", "Use a token installed in this workspace."}},
        {QStringLiteral("enterprise_is_restricted"), {A::Fatal, "The Enterprise Grid org restricts this method (enterprise_is_restricted).", "Ask an org admin to allow Socket Mode for the app."}},
        {QStringLiteral("is_bot"), {A::Fatal, "This method cannot be called with a bot user's token (is_bot).", "Use the app-level token (xapp-…)."}},
        {QStringLiteral("ekm_access_denied"), {A::Fatal, "Enterprise Key Management denied access (ekm_access_denied).", "Ask your Slack admin about EKM restrictions."}},
        {QStringLiteral("two_factor_setup_required"), {A::Fatal, "The workspace requires two-factor authentication (two_factor_setup_required).", "Set up 2FA for the installing user."}},
        {QStringLiteral("accesslimited"), {A::Fatal, "Slack limits this method on the current network (accesslimited).", "Connect from a network the workspace allows."}},
        {QStringLiteral("method_deprecated"), {A::Fatal, "Slack reports the method as deprecated (method_deprecated).", "Update SocketScope."}},
        {QStringLiteral("deprecated_endpoint"), {A::Fatal, "Slack reports the endpoint as deprecated (deprecated_endpoint).", "Update SocketScope."}},
        {QStringLiteral("org_login_required"), {A::RetrySlowly, "The workspace is being migrated into an org (org_login_required).", "Wait a few minutes; SocketScope retries slowly."}},
        {QStringLiteral("team_added_to_org"), {A::RetrySlowly, "The workspace was just added to an org (team_added_to_org).", "Wait a few minutes; SocketScope retries slowly."}},
        {QStringLiteral("ratelimited"), {A::RateLimited, "Slack rate-limited the call (ratelimited).", "SocketScope waits for Retry-After before trying again."}},
        {QStringLiteral("internal_error"), {A::Transient, "Slack had an internal error (internal_error).", "SocketScope retries with backoff."}},
        {QStringLiteral("fatal_error"), {A::Transient, "Slack had a server error (fatal_error).", "SocketScope retries with backoff."}},
        {QStringLiteral("service_unavailable"), {A::Transient, "Slack is temporarily unavailable (service_unavailable).", "SocketScope retries with backoff."}},
        {QStringLiteral("request_timeout"), {A::Transient, "Slack timed out reading the request (request_timeout).", "SocketScope retries with backoff."}},
    };
    return table;
}

bool isClientBug(const QString &code)
{
    static const QStringList codes{QStringLiteral("insecure_request"), QStringLiteral("invalid_arguments"),
                                   QStringLiteral("invalid_arg_name"), QStringLiteral("invalid_array_arg"),
                                   QStringLiteral("invalid_charset"), QStringLiteral("invalid_form_data"),
                                   QStringLiteral("invalid_post_type"), QStringLiteral("missing_post_type")};
    return codes.contains(code);
}

} // namespace

ApiFailure classifySlackError(const QString &method, const QString &code, const QString &needed,
                              const QString &provided)
{
    ApiFailure failure;
    const auto it = knownErrors().constFind(code);
    if (it != knownErrors().constEnd()) {
        failure.action = it->action;
        failure.error = {code, method + QStringLiteral(": ") + QString::fromUtf8(it->message),
                         QString::fromUtf8(it->fix)};
        if (code == QLatin1String("missing_scope") && (!needed.isEmpty() || !provided.isEmpty())) {
            failure.error.message += QStringLiteral(" Needed: %1; the token has: %2.")
                                         .arg(needed.isEmpty() ? QStringLiteral("?") : needed,
                                              provided.isEmpty() ? QStringLiteral("none") : provided);
        }
        return failure;
    }
    if (isClientBug(code)) {
        failure.action = ApiFailureAction::ClientBug;
        failure.error = {code,
                         QStringLiteral("%1: Slack rejected the request as malformed (%2).").arg(method, code),
                         QStringLiteral("This is a SocketScope bug or a proxy rewriting requests; check the proxy, "
                                        "then report it with the capture's link log.")};
        return failure;
    }
    // Unknown codes: assume transient (the official SDKs retry everything they do not know).
    failure.action = ApiFailureAction::Transient;
    failure.error = {code.isEmpty() ? QStringLiteral("unknown_error") : code,
                     QStringLiteral("%1 failed with an error SocketScope does not know (%2).")
                         .arg(method, code.isEmpty() ? QStringLiteral("no error code") : code),
                     QStringLiteral("SocketScope retries with backoff; check Slack's status page if it persists.")};
    return failure;
}

} // namespace socketscope
