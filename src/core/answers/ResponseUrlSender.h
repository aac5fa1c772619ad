#pragma once

#include "answers/ResponseUrlBudget.h"
#include "capture/CaptureStore.h"
#include "slack/Envelope.h"
#include "util/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace socketscope {

// What one hand-answer through a response_url did.
struct ResponseUrlOutcome
{
    bool delivered = false;        // 2xx and no Slack error in the body
    int httpStatus = 0;            // 0 = no HTTP answer
    QString slackError;            // expired_url, used_url, invalid_blocks, no_text, … (from the body)
    QString bodyExcerpt;
    qint64 latencyUs = 0;
    QString meaning;               // in words, with the fix where there is one
    qint64 deliveryId = 0;         // capture row of this attempt
    std::optional<Error> recordError;
    ResponseUrlBudgetState budgetAfter;
};

// POSTs a composed message (ReplyComposer) to a captured envelope's response_url. The URL is a
// secret: it is never logged and the capture stores only ResponseUrlBudget::storedTarget(). The
// 5-uses / 30-minutes budget is checked before sending: an answer over budget is refused and nothing
// leaves the machine.
class ResponseUrlSender : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<ResponseUrlOutcome> &)>;

    explicit ResponseUrlSender(QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }
    void setClock(std::function<qint64()> nowUs) { m_clock = std::move(nowUs); } // µs since epoch

    // The payload's response_url (slash_commands, block_actions) or first response_urls[] entry
    // (view_submission); error no_response_url for events (answer with chat.postMessage).
    static Result<QString> responseUrlOf(const Envelope &envelope);

    // Uses and time left now, including answers still in flight.
    Result<ResponseUrlBudgetState> budget(const Envelope &envelope, const CaptureStore &store) const;

    // Validates the message, checks the budget, POSTs, records the attempt (kind "response_url") in
    // store, which must outlive this sender (the attempt is recorded even if `context` is gone, because
    // the use happened). Errors as values when nothing was sent; every HTTP answer
    // or network failure is an outcome.
    void send(const Envelope &envelope, const QJsonObject &message, CaptureStore *store, QObject *context,
              Callback callback);

    static ResponseUrlOutcome interpret(int httpStatus, const QByteArray &body, const QString &networkError,
                                        bool timedOut, int timeoutMs);

private:
    qint64 nowUs() const;
    static QString inFlightKey(qint64 rowId, const QString &responseUrl);

    QNetworkAccessManager *m_nam;
    int m_timeoutMs = 10000;
    std::optional<QSslConfiguration> m_ssl;
    std::function<qint64()> m_clock;
    QHash<QString, int> m_inFlight;
};

} // namespace socketscope
