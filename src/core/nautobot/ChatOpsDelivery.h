#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace socketscope {

// What Nautobot ChatOps made of one re-delivered envelope.
enum class DeliveryVerdict {
    Accepted,          // 200 empty: grants checked, command enqueued (or help posted, or blocked)
    AnsweredWithText,  // 200 with a body (url_verification challenge, parse error, "I didn't understand…")
    CommandMissing,    // 200 "No command specified": signature fine, but no command field
    BadSignature,      // 401: wrong signing secret or missing headers (reason in the status line)
    NotFound,          // 404: enable_slack false, app missing or wrong URL
    Redirected,        // 3xx: missing trailing slash (Slack would not re-POST) or a login page
    ServerError,       // 5xx
    Timeout,           // no answer in time (Slack gives up after 3 s: operation_timeout)
    NetworkError,      // refused, DNS, TLS
    OtherHttp,
};

struct DeliveryOutcome
{
    DeliveryVerdict verdict = DeliveryVerdict::OtherHttp;
    int httpStatus = 0;       // 0 when no HTTP answer arrived
    QByteArray reasonPhrase;  // status-line reason, e.g. "Incorrect signature"
    QString bodyExcerpt;      // short, printable
    QByteArray body;          // full answer body (Bridge mode returns text bodies in the ack)
    qint64 latencyUs = 0;     // request sent → answer complete (or give-up)
    QString meaning;          // what this answer means, in words, with the fix where there is one
    QString path;             // the ChatOps path it was sent to

    bool accepted() const
    {
        return verdict == DeliveryVerdict::Accepted || verdict == DeliveryVerdict::AnsweredWithText;
    }
};

// Signed re-delivery of a captured Socket Mode envelope to Nautobot ChatOps' HTTP endpoints, as
// Slack would have POSTed it in webhook mode (SlackHttpForm builds path, body and headers; this
// signs exactly those bytes). Re-delivery really runs the command in Nautobot.
class ChatOpsDelivery : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<DeliveryOutcome> &)>;

    // nautobotBaseUrl: the Nautobot root, e.g. https://nautobot.example.com/
    explicit ChatOpsDelivery(QUrl nautobotBaseUrl, QObject *parent = nullptr);

    void setSigningSecret(const QByteArray &secret) { m_secret = secret; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }
    // The X-Slack-Request-Timestamp to use; default: now. Nautobot does not check freshness.
    void setTimestampSource(std::function<qint64()> unixSeconds) { m_clock = std::move(unixSeconds); }

    // Errors (as values) only when nothing could be sent: no signing secret, or a frame with no
    // HTTP equivalent. Every HTTP answer, timeout or network failure is a DeliveryOutcome.
    void deliver(const QByteArray &rawFrame, QObject *context, Callback callback);

    // The verdict and its explanation for an answer (httpStatus 0 = none; networkError describes it).
    static DeliveryOutcome interpret(int httpStatus, const QByteArray &reasonPhrase, const QByteArray &body,
                                     const QString &path, bool timedOut, const QString &networkError, int timeoutMs);

private:
    QUrl m_baseUrl;
    QNetworkAccessManager *m_nam;
    QByteArray m_secret;
    int m_timeoutMs = 10000;
    std::optional<QSslConfiguration> m_ssl;
    std::function<qint64()> m_clock;
};

} // namespace socketscope
