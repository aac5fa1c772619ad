#include "capture/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QList>
#include <QRegularExpression>
#include <QUrl>

namespace socketscope {

namespace {

// Slack tokens: xapp- (app-level), xoxb-/xoxp- (bot/user), xoxa-/xoxr-/xoxs- (older or refresh),
// xoxe- and xoxe.xoxp- (rotating), xwfp- (workflow function bot_access_token).
const QRegularExpression &tokenPattern()
{
    static const QRegularExpression re(
        QStringLiteral("(?:xoxe\\.)?(?:xapp|xox[abposre]|xwfp)-[A-Za-z0-9-]{4,}"));
    return re;
}

// Webhook / response URLs: the path is the credential. Slack writes links as <url|label>, so stop
// at | and >. GovSlack uses slack-gov.com.
const QRegularExpression &hooksUrlPattern()
{
    static const QRegularExpression re(
        QStringLiteral("https?://hooks\\.slack(?:-gov)?\\.com/[^\\s\"'<>|]*"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

constexpr int kTokenKeep = 4;       // characters kept after "xoxb-"
constexpr int kGenericKeep = 4;     // characters kept of another secret value …
constexpr int kGenericMinSize = 16; // … but only when it is long enough that 4 characters say nothing

QString maskToken(const QString &token)
{
    const int dash = static_cast<int>(token.indexOf(QLatin1Char('-')));
    const int rest = static_cast<int>(token.size()) - dash - 1;
    const int keep = rest >= kGenericMinSize ? kTokenKeep : 0;
    return token.left(dash + 1 + keep) + Redactor::marker();
}

QString maskHooksUrl(const QString &url)
{
    // Keep scheme, host and the first path segment (commands/actions/services/…): it tells the operator
    // what kind of URL it was.
    const int hostEnd = static_cast<int>(url.indexOf(QLatin1Char('/'), url.indexOf(QLatin1String("//")) + 2));
    const int segmentEnd = static_cast<int>(url.indexOf(QLatin1Char('/'), hostEnd + 1));
    const int keep = segmentEnd > 0 ? segmentEnd + 1 : hostEnd + 1;
    return url.left(keep) + Redactor::marker();
}

bool alreadyMasked(const QString &text, qsizetype matchEnd, const QString &match)
{
    return match.contains(Redactor::marker()) || QStringView(text).mid(matchEnd).startsWith(Redactor::marker());
}

QString replaceAll(const QString &text, const QRegularExpression &re, QString (*mask)(const QString &))
{
    QString result;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString found = m.captured(0);
        if (alreadyMasked(text, m.capturedEnd(0), found))
            continue;
        result += QStringView(text).mid(last, m.capturedStart(0) - last);
        result += mask(found);
        last = m.capturedEnd(0);
    }
    if (last == 0)
        return text;
    result += QStringView(text).mid(last);
    return result;
}

bool mightHoldSecret(const QString &text)
{
    return text.contains(QLatin1String("xox")) || text.contains(QLatin1String("xapp-"))
        || text.contains(QLatin1String("xwfp-")) || text.contains(QLatin1String("hooks.slack"), Qt::CaseInsensitive);
}

QByteArray formDecode(const QByteArray &value)
{
    QByteArray v = value;
    v.replace('+', ' ');
    return QByteArray::fromPercentEncoding(v);
}

QByteArray formEncode(const QString &value)
{
    return QUrl::toPercentEncoding(value);
}

} // namespace

QString Redactor::marker()
{
    return QStringLiteral("…[redacted]");
}

bool Redactor::isSecretKey(const QString &key)
{
    static const QLatin1String keys[] = {
        QLatin1String("response_url"),  QLatin1String("trigger_id"),   QLatin1String("token"),
        QLatin1String("bot_access_token"), QLatin1String("access_token"), QLatin1String("refresh_token"),
        QLatin1String("app_token"),     QLatin1String("bot_token"),    QLatin1String("signing_secret"),
        QLatin1String("client_secret"),
    };
    for (const QLatin1String &k : keys) {
        if (key == k)
            return true;
    }
    return false;
}

QString Redactor::maskSecret(const QString &value)
{
    if (value.isEmpty() || value.endsWith(marker()))
        return value;
    const QRegularExpressionMatch token = tokenPattern().match(value);
    if (token.hasMatch() && token.capturedStart(0) == 0 && token.capturedLength(0) == value.size())
        return maskToken(value);
    const QRegularExpressionMatch url = hooksUrlPattern().match(value);
    if (url.hasMatch() && url.capturedStart(0) == 0)
        return maskHooksUrl(value);
    const int keep = value.size() >= kGenericMinSize ? kGenericKeep : 0;
    return value.left(keep) + marker();
}

QString Redactor::redactText(const QString &text)
{
    if (!mightHoldSecret(text))
        return text;
    return replaceAll(replaceAll(text, tokenPattern(), maskToken), hooksUrlPattern(), maskHooksUrl);
}

QJsonValue Redactor::redact(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        return redact(value.toObject());
    case QJsonValue::Array: {
        QJsonArray out;
        const QJsonArray in = value.toArray();
        for (const QJsonValue &item : in)
            out.append(redact(item));
        return out;
    }
    case QJsonValue::String:
        return redactText(value.toString());
    default:
        return value;
    }
}

QJsonObject Redactor::redact(const QJsonObject &object)
{
    QJsonObject out;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QJsonValue v = it.value();
        if (isSecretKey(it.key())) {
            if (v.isString())
                out.insert(it.key(), maskSecret(v.toString()));
            else if (v.isNull() || v.isUndefined())
                out.insert(it.key(), v);
            else
                out.insert(it.key(), marker()); // a secret key with a number/object: keep nothing
        } else {
            out.insert(it.key(), redact(v));
        }
    }
    return out;
}

QByteArray Redactor::redactJson(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || doc.isNull())
        return redactText(QString::fromUtf8(json)).toUtf8();
    if (doc.isObject())
        return QJsonDocument(redact(doc.object())).toJson(QJsonDocument::Compact);
    return QJsonDocument(redact(QJsonValue(doc.array())).toArray()).toJson(QJsonDocument::Compact);
}

QByteArray Redactor::redactFormBody(const QByteArray &body)
{
    const QList<QByteArray> fields = body.split('&');
    QByteArray out;
    out.reserve(body.size());
    bool first = true;
    for (const QByteArray &field : fields) {
        if (!first)
            out += '&';
        first = false;
        const qsizetype eq = field.indexOf('=');
        if (eq < 0) {
            out += field;
            continue;
        }
        const QByteArray rawKey = field.left(eq);
        const QString key = QString::fromUtf8(formDecode(rawKey));
        const QString value = QString::fromUtf8(formDecode(field.mid(eq + 1)));
        QString redacted;
        if (isSecretKey(key))
            redacted = maskSecret(value);
        else if (key == QLatin1String("payload") && value.startsWith(QLatin1Char('{')))
            redacted = QString::fromUtf8(redactJson(value.toUtf8()));
        else
            redacted = redactText(value);
        if (redacted == value)
            out += field; // untouched fields keep their exact encoding
        else
            out += rawKey + '=' + formEncode(redacted);
    }
    return out;
}

} // namespace socketscope
