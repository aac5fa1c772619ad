#include "secrets/SecretFormat.h"

#include <QRegularExpression>

namespace socketscope {
namespace SecretFormat {

namespace {

const QString kAppTokenWhere = QStringLiteral(
    "The app-level token starts with xapp- and is under Basic Information → App-Level Tokens "
    "(create one with the connections:write scope).");
const QString kBotTokenWhere = QStringLiteral(
    "The bot token starts with xoxb- and is under OAuth & Permissions → Bot User OAuth Token.");
const QString kSigningSecretWhere = QStringLiteral(
    "The signing secret is 32 lowercase hex characters under Basic Information → App Credentials → "
    "Signing Secret (click Show, then copy).");
const QString kNautobotWhere = QStringLiteral(
    "Create a token in Nautobot under your user menu → Profile → API Tokens (40 hex characters) and paste "
    "only the key.");

Error formatError(SecretKind kind, const QString &code, const QString &what, const QString &fix)
{
    return Error{code, secretKindLabel(kind) + QStringLiteral(": ") + what, fix};
}

bool isHex(const QString &s, bool allowUpper)
{
    for (const QChar c : s) {
        const bool digit = c >= QLatin1Char('0') && c <= QLatin1Char('9');
        const bool lower = c >= QLatin1Char('a') && c <= QLatin1Char('f');
        const bool upper = c >= QLatin1Char('A') && c <= QLatin1Char('F');
        if (!(digit || lower || (allowUpper && upper)))
            return false;
    }
    return true;
}

bool isTokenChars(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9.-]+$"));
    return re.match(s).hasMatch();
}

// Names what a Slack token is by its prefix, so a mix-up can be explained instead of "invalid".
QString slackTokenKind(const QString &v)
{
    if (v.startsWith(QLatin1String("xapp-")))
        return QStringLiteral("an app-level token (xapp-…)");
    if (v.startsWith(QLatin1String("xoxb-")))
        return QStringLiteral("a bot token (xoxb-…)");
    if (v.startsWith(QLatin1String("xoxp-")))
        return QStringLiteral("a user token (xoxp-…)");
    if (v.startsWith(QLatin1String("xoxe.")))
        return QStringLiteral("a rotating access token (xoxe.…), which expires after 12 hours");
    if (v.startsWith(QLatin1String("xoxe-")))
        return QStringLiteral("a token-rotation refresh token (xoxe-…)");
    if (v.startsWith(QLatin1String("xoxa-")) || v.startsWith(QLatin1String("xoxs-"))
        || v.startsWith(QLatin1String("xoxc-")) || v.startsWith(QLatin1String("xoxd-")))
        return QStringLiteral("a legacy, session or browser token (") + v.left(5) + QStringLiteral("…)");
    if (v.size() == 32 && isHex(v, true))
        return QStringLiteral("a 32-character hex value, probably the signing secret");
    if (v.size() == 24 && isTokenChars(v))
        return QStringLiteral("a 24-character value, probably the deprecated Verification Token");
    if (v.size() == 40 && isHex(v, true))
        return QStringLiteral("a 40-character hex value, probably a Nautobot API token");
    return QString();
}

Result<void> checkSlackToken(SecretKind kind, const QString &v, const QString &prefix, const QString &where)
{
    if (!v.startsWith(prefix)) {
        const QString what = slackTokenKind(v);
        if (!what.isEmpty()) {
            return formatError(kind, QStringLiteral("wrong_token_type"),
                               QStringLiteral("this is ") + what + QStringLiteral(", not a ")
                                   + secretKindLabel(kind) + QStringLiteral("."),
                               where);
        }
        return formatError(kind, QStringLiteral("bad_format"),
                           QStringLiteral("it does not start with ") + prefix + QStringLiteral("."), where);
    }
    // Real tokens are well over 40 characters; a short one was cut off while copying.
    if (v.size() < prefix.size() + 20 || !isTokenChars(v)) {
        return formatError(kind, QStringLiteral("bad_format"),
                           QStringLiteral("it starts with ") + prefix
                               + QStringLiteral(" but is too short or contains characters a Slack token "
                                                "never has (it may be cut off)."),
                           QStringLiteral("Copy the whole token again with the Copy button. ") + where);
    }
    return {};
}

Result<void> checkTrimmed(SecretKind kind, const QString &v)
{
    switch (kind) {
    case SecretKind::SlackAppToken:
        return checkSlackToken(kind, v, QStringLiteral("xapp-"), kAppTokenWhere);
    case SecretKind::SlackBotToken:
        if (v.startsWith(QLatin1String("xoxe.xoxb-"))) {
            return formatError(kind, QStringLiteral("rotating_token"),
                               QStringLiteral("this is a rotating bot token (xoxe.xoxb-…); it expires after "
                                              "12 hours and SocketScope cannot refresh it."),
                               QStringLiteral("Turn off token rotation for a test app, or paste a fresh "
                                              "token each session. ")
                                   + kBotTokenWhere);
        }
        return checkSlackToken(kind, v, QStringLiteral("xoxb-"), kBotTokenWhere);
    case SecretKind::SlackSigningSecret: {
        if (v.size() == 32 && isHex(v, false))
            return {};
        const QString what = slackTokenKind(v);
        if (v.startsWith(QLatin1String("xox")) || v.startsWith(QLatin1String("xapp-"))
            || (v.size() == 24 && isTokenChars(v))) {
            return formatError(kind, QStringLiteral("wrong_token_type"),
                               QStringLiteral("this is ") + what + QStringLiteral(", not the signing secret."),
                               kSigningSecretWhere);
        }
        if (v.size() == 32 && isHex(v, true)) {
            return formatError(kind, QStringLiteral("bad_format"),
                               QStringLiteral("it contains upper-case letters; Slack signing secrets are "
                                              "lower-case and the signature would not match."),
                               kSigningSecretWhere);
        }
        return formatError(kind, QStringLiteral("bad_format"),
                           QStringLiteral("expected 32 hex characters, got ") + QString::number(v.size())
                               + QStringLiteral(" characters") + (isHex(v, true) ? QString() : QStringLiteral(" that are not all hex"))
                               + QStringLiteral("."),
                           kSigningSecretWhere);
    }
    case SecretKind::NautobotToken:
        if (v.size() == 40 && isHex(v, true))
            return {};
        if (v.startsWith(QLatin1String("xox")) || v.startsWith(QLatin1String("xapp-"))) {
            return formatError(kind, QStringLiteral("wrong_token_type"),
                               QStringLiteral("this is ") + slackTokenKind(v)
                                   + QStringLiteral(", a Slack token, not a Nautobot token."),
                               kNautobotWhere);
        }
        return formatError(kind, QStringLiteral("bad_format"),
                           QStringLiteral("expected 40 hex characters, got ") + QString::number(v.size())
                               + QStringLiteral(" characters") + (isHex(v, true) ? QString() : QStringLiteral(" that are not all hex"))
                               + QStringLiteral("."),
                           kNautobotWhere);
    case SecretKind::ProxyPassword:
        return {};
    }
    return {};
}

} // namespace

Result<Checked> check(SecretKind kind, const QString &value)
{
    // Proxy passwords may legitimately begin or end with spaces; tokens never do.
    const bool trims = kind != SecretKind::ProxyPassword;
    Checked out;
    out.value = trims ? value.trimmed() : value;
    out.trimmed = out.value.size() != value.size();
    if (out.value.isEmpty()) {
        return formatError(kind, QStringLiteral("empty"), QStringLiteral("nothing was entered."),
                           QStringLiteral("Paste the value; SocketScope stores it in the system keychain."));
    }
    if (trims) {
        static const QRegularExpression header(QStringLiteral("^(Bearer|Token)\\s+"),
                                               QRegularExpression::CaseInsensitiveOption);
        if (header.match(out.value).hasMatch()) {
            return formatError(kind, QStringLiteral("has_prefix"),
                               QStringLiteral("the value starts with an HTTP header word (Bearer/Token)."),
                               QStringLiteral("Paste only the token itself, without \"Bearer \" or \"Token \"."));
        }
        for (const QChar c : out.value) {
            if (c.isSpace()) {
                return formatError(kind, QStringLiteral("inner_whitespace"),
                                   QStringLiteral("the value contains spaces or line breaks inside it."),
                                   QStringLiteral("Copy the value again; a wrapped line may have been pasted."));
            }
        }
    }
    if (auto r = checkTrimmed(kind, out.value); !r)
        return r.error();
    return out;
}

Result<void> validate(SecretKind kind, const QString &value)
{
    auto r = check(kind, value);
    if (!r)
        return r.error();
    return {};
}

} // namespace SecretFormat
} // namespace socketscope
