#pragma once

#include <QByteArray>

namespace socketscope::SlackSignature {

// Slack's request signing (v0): "v0=" + lowercase hex HMAC-SHA256, keyed with the signing secret,
// over "v0:<timestamp>:<raw body>". The body must be the exact bytes sent on the wire.
QByteArray sign(const QByteArray &signingSecret, const QByteArray &timestamp, const QByteArray &body);

// True when signatureHeader equals sign(...). Compared in constant time so a timing side channel
// cannot reveal how many leading characters matched. No freshness check: callers that need one
// (Slack SDKs reject |now - ts| > 300 s) do it themselves; Nautobot ChatOps does not.
bool verify(const QByteArray &signingSecret, const QByteArray &timestamp, const QByteArray &body,
            const QByteArray &signatureHeader);

// Constant-time equality for equal-length secrets; different lengths are unequal (length is not secret).
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace socketscope::SlackSignature
