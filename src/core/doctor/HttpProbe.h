#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QSslError>
#include <QUrl>
#include <functional>

namespace socketscope {

struct DoctorContext;

// One raw HTTP exchange as a doctor check needs it: status line, headers and body even for 4xx,
// the TLS errors behind a failed handshake, and how long it took. Redirects are not followed.
struct HttpProbeAnswer
{
    int status = 0; // 0 = no HTTP answer (see error)
    QByteArray reason;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorText;
    QList<QSslError> sslErrors;
    bool timedOut = false;
    qint64 latencyMs = 0;

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
};

namespace HttpProbe {

using Callback = std::function<void(const HttpProbeAnswer &)>;

// Sends the request through the context's proxy and TLS trust. The network objects are children of
// `scope`; deleting it drops the request and the callback.
void send(QObject *scope, const DoctorContext &context, const QByteArray &verb, const QUrl &url,
          const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body, int timeoutMs, Callback done);

// "connection refused", "timed out after 5000 ms", "TLS: …" — for a detail sentence.
QString describeFailure(const HttpProbeAnswer &answer, int timeoutMs);

} // namespace HttpProbe

} // namespace socketscope
