#include "answers/ResponseUrlBudget.h"

#include "capture/Redactor.h"

#include <QCryptographicHash>
#include <QUrl>

namespace socketscope {

Result<void> ResponseUrlBudgetState::check() const
{
    if (expired()) {
        return Error{QStringLiteral("response_url_expired"),
                     QStringLiteral("This response_url expired: Slack accepts answers only within 30 minutes of "
                                    "the command (it is %1 min old). Nothing was sent.")
                         .arg((nowUs - receivedUs) / 60'000'000),
                     QStringLiteral("Answer with chat.postMessage in the channel instead (needs the bot token), "
                                    "or ask the user to run the command again.")};
    }
    if (exhausted()) {
        return Error{QStringLiteral("response_url_exhausted"),
                     QStringLiteral("This response_url has been used %1 times (%2 hand-answers, %3 by Nautobot "
                                    "ChatOps); Slack accepts at most %4. Nothing was sent.")
                         .arg(usedByAnswers + usedByNautobot)
                         .arg(usedByAnswers)
                         .arg(usedByNautobot)
                         .arg(maxUses),
                     QStringLiteral("Answer with chat.postMessage in the channel instead (needs the bot token).")};
    }
    return {};
}

QString ResponseUrlBudgetState::summary() const
{
    if (expired())
        return QStringLiteral("expired (older than 30 min)");
    const qint64 minutes = (msLeft() + 59'999) / 60'000;
    return QStringLiteral("%1 of %2 uses left, %3 min left").arg(qMax(0, usesLeft)).arg(maxUses).arg(minutes);
}

QString ResponseUrlBudget::fingerprint(const QString &responseUrl)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(responseUrl.toUtf8(), QCryptographicHash::Sha256).toHex().left(12));
}

QString ResponseUrlBudget::storedTarget(const QString &responseUrl)
{
    const QUrl url(responseUrl);
    QString shown = url.scheme() + QStringLiteral("://") + url.host();
    if (url.port() > 0)
        shown += QLatin1Char(':') + QString::number(url.port());
    // The first path segment (commands/actions) says what kind of URL it was; the rest is the secret.
    const QString first = url.path().section(QLatin1Char('/'), 1, 1);
    shown += QLatin1Char('/') + (first.isEmpty() ? QString() : first + QLatin1Char('/')) + Redactor::marker();
    return shown + QStringLiteral(" #") + fingerprint(responseUrl);
}

bool ResponseUrlBudget::targetMatches(const QString &storedTarget, const QString &responseUrl)
{
    return storedTarget.endsWith(QStringLiteral(" #") + fingerprint(responseUrl));
}

ResponseUrlBudgetState ResponseUrlBudget::compute(const QString &responseUrl, qint64 receivedUs,
                                                  const QVector<DeliveryRecord> &history, qint64 nowUs, int inFlight)
{
    ResponseUrlBudgetState state;
    state.maxUses = kMaxUses;
    state.receivedUs = receivedUs;
    state.expiresUs = receivedUs + kLifetimeUs;
    state.nowUs = nowUs;
    state.usedByAnswers = qMax(0, inFlight);
    for (const DeliveryRecord &d : history) {
        if (d.kind == kDeliveryKind) {
            // Any HTTP answer may have consumed a use; only "nothing arrived" surely did not. Counting
            // generously refuses one answer too early rather than one too late.
            if (d.statusCode > 0 && targetMatches(d.target, responseUrl))
                ++state.usedByAnswers;
        } else if ((d.kind == QLatin1String("replay") || d.kind == QLatin1String("bridge")) && d.statusCode == 200) {
            // ChatOps answers a re-delivered command through the payload's response_url.
            ++state.usedByNautobot;
        }
    }
    state.usesLeft = kMaxUses - state.usedByAnswers - state.usedByNautobot;
    return state;
}

} // namespace socketscope
