#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace socketscope {

// Masks the secrets that Slack payloads carry, Stripe-style: a short recognisable prefix stays
// ("xoxb-1234…[redacted]", "https://hooks.slack.com/commands/…[redacted]"), never enough to reuse.
//   - by key, at any depth: response_url (also inside response_urls[]), trigger_id, legacy token,
//     bot_access_token (xwfp-) and other *_token/secret keys;
//   - by content, in any string: xapp-/xoxb-/xoxp-/xoxa-/xoxr-/xoxe-/xwfp- tokens and hooks.slack.com URLs.
// Redacting twice gives the same result, so redacted exports can be imported and exported again.
class Redactor
{
public:
    static QString marker(); // "…[redacted]"

    static QJsonObject redact(const QJsonObject &object);
    static QJsonValue redact(const QJsonValue &value);
    // A JSON document (object or array) comes back compact; anything else is redacted as text.
    static QByteArray redactJson(const QByteArray &json);
    // Masks tokens and hooks.slack.com URLs inside free text; the rest is unchanged.
    static QString redactText(const QString &text);
    // An application/x-www-form-urlencoded body (slash command, or interactive "payload=<json>").
    // Fields without secrets keep their exact bytes and order.
    static QByteArray redactFormBody(const QByteArray &body);

    static bool isSecretKey(const QString &key);
    // Masks a whole value known to be secret (the value of a secret key).
    static QString maskSecret(const QString &value);
};

} // namespace socketscope
