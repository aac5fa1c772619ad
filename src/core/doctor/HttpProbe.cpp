#include "doctor/HttpProbe.h"

#include "doctor/DoctorContext.h"
#include "net/TlsSettings.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPointer>
#include <memory>

namespace socketscope {

namespace HttpProbe {

void send(QObject *scope, const DoctorContext &context, const QByteArray &verb, const QUrl &url,
          const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body, int timeoutMs, Callback done)
{
    auto *nam = new QNetworkAccessManager(scope);
    nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    nam->setProxy(context.proxyFor(url));
    QNetworkRequest request(url);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("SocketScope/" SOCKETSCOPE_VERSION " doctor"));
    request.setTransferTimeout(timeoutMs);
    if (url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(context.tls);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QNetworkReply *reply = nam->sendCustomRequest(request, verb, body);
    auto sslErrors = std::make_shared<QList<QSslError>>();
    QObject::connect(reply, &QNetworkReply::sslErrors, nam,
                     [sslErrors](const QList<QSslError> &errors) { *sslErrors += errors; });
    QObject::connect(reply, &QNetworkReply::finished, nam, [reply, nam, clock, sslErrors, done] {
        HttpProbeAnswer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
        answer.body = reply->isOpen() ? reply->readAll() : QByteArray();
        for (const auto &pair : reply->rawHeaderPairs())
            answer.headers.insert(pair.first.toLower(), pair.second);
        answer.error = reply->error();
        answer.errorText = reply->errorString();
        answer.sslErrors = *sslErrors;
        answer.timedOut = answer.status == 0 && (answer.error == QNetworkReply::OperationCanceledError ||
                                                 answer.error == QNetworkReply::TimeoutError);
        answer.latencyMs = clock->elapsed();
        reply->deleteLater();
        nam->deleteLater();
        done(answer);
    });
}

QString describeFailure(const HttpProbeAnswer &answer, int timeoutMs)
{
    if (answer.timedOut)
        return QStringLiteral("no answer within %1 ms").arg(timeoutMs);
    if (!answer.sslErrors.isEmpty())
        return TlsSettings::describeSslErrors(answer.sslErrors).message;
    switch (answer.error) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("connection refused");
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("host not found (DNS)");
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::ProxyConnectionClosedError:
        return QStringLiteral("the proxy failed: %1").arg(answer.errorText);
    default:
        return answer.errorText;
    }
}

} // namespace HttpProbe

} // namespace socketscope
