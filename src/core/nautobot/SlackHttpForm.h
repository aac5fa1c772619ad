#pragma once

#include "slack/Envelope.h"
#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace socketscope {

// The HTTP request Slack would have POSTed to a webhook app for one Socket Mode envelope, aimed at
// Nautobot ChatOps' endpoints. Signing (X-Slack-Request-Timestamp, X-Slack-Signature over exactly
// `body`) is left to the re-delivery code, which must sign these bytes unchanged.
struct SlackHttpRequest
{
    QString path;                               // e.g. /api/plugins/chatops/slack/slash_command/
    QByteArray contentType;                     // exact value; bolt-js compares it with string equality
    QList<QPair<QByteArray, QByteArray>> headers; // Content-Type, User-Agent, retry headers (no signature)
    QByteArray body;
    QString note;                               // caveat for the operator, may be empty

    // "POST <path> HTTP/1.1" + headers + blank line + body, for display.
    QString toDisplayText() const;
};

namespace SlackHttpForm {

// Slack's slash-command field order; any other payload keys follow in key order.
const QList<QLatin1String> &slashCommandFieldOrder();

// application/x-www-form-urlencoded as Slack sends it: spaces as '+', everything outside
// A–Z a–z 0–9 - . _ ~ percent-encoded (so '/' is %2F).
QByteArray formEncode(const QList<QPair<QString, QString>> &fields);

// Builds the request from a captured envelope frame (Envelope::raw).
Result<SlackHttpRequest> fromFrame(const QByteArray &rawFrame);
inline Result<SlackHttpRequest> fromEnvelope(const Envelope &envelope) { return fromFrame(envelope.raw); }

} // namespace SlackHttpForm

} // namespace socketscope
