#pragma once

#include "capture/CaptureStore.h"
#include "util/Result.h"

#include <QString>
#include <QVector>

namespace socketscope {

// What is left of one response_url: Slack accepts "up to 5 times within 30 minutes of receiving the
// payload" (slack-socket-mode.md §10). Computed from the capture's deliveries so a restart keeps
// the count.
struct ResponseUrlBudgetState
{
    int maxUses = 5;
    int usedByAnswers = 0;  // hand-answers SocketScope sent that got an HTTP answer (+ those in flight)
    int usedByNautobot = 0; // accepted Bridge/replay deliveries: ChatOps answers through the same URL
    int usesLeft = 5;
    qint64 receivedUs = 0;  // when Slack sent the payload (the envelope's received time)
    qint64 expiresUs = 0;   // receivedUs + 30 minutes
    qint64 nowUs = 0;

    bool expired() const { return nowUs >= expiresUs; }
    bool exhausted() const { return usesLeft <= 0; }
    bool usable() const { return !expired() && !exhausted(); }
    qint64 msLeft() const { return expired() ? 0 : (expiresUs - nowUs) / 1000; }

    // Ok when one more answer may be sent; otherwise the reason (response_url_expired / _exhausted).
    Result<void> check() const;
    // "3 of 5 uses left, 12 min left" — for the composer's status line.
    QString summary() const;
};

class ResponseUrlBudget
{
public:
    static constexpr int kMaxUses = 5;
    static constexpr qint64 kLifetimeUs = 30LL * 60 * 1000 * 1000;
    static inline const QString kDeliveryKind = QStringLiteral("response_url");

    // A short, non-reversible tag of the URL (12 hex of SHA-256): lets the capture tell two
    // response_urls of one envelope apart without storing the secret.
    static QString fingerprint(const QString &responseUrl);
    // What DeliveryRecord::target holds for a hand-answer: scheme, host and first path segment, the
    // redaction marker and the fingerprint. Never the full URL.
    static QString storedTarget(const QString &responseUrl);
    static bool targetMatches(const QString &storedTarget, const QString &responseUrl);

    // history: CaptureStore::deliveries(envelope row). inFlight: answers sent but not yet recorded
    // (so quick repeated clicks cannot overrun the budget).
    static ResponseUrlBudgetState compute(const QString &responseUrl, qint64 receivedUs,
                                          const QVector<DeliveryRecord> &history, qint64 nowUs, int inFlight = 0);
};

} // namespace socketscope
