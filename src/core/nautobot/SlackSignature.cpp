#include "nautobot/SlackSignature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace socketscope {

QByteArray SlackSignature::sign(const QByteArray &signingSecret, const QByteArray &timestamp, const QByteArray &body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, signingSecret);
    mac.addData(QByteArrayLiteral("v0:"));
    mac.addData(timestamp);
    mac.addData(QByteArrayLiteral(":"));
    mac.addData(body);
    QByteArray signature = QByteArrayLiteral("v0=");
    signature.append(mac.result().toHex());
    return signature;
}

bool SlackSignature::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

bool SlackSignature::verify(const QByteArray &signingSecret, const QByteArray &timestamp, const QByteArray &body,
                            const QByteArray &signatureHeader)
{
    return constantTimeEquals(sign(signingSecret, timestamp, body), signatureHeader.trimmed());
}

} // namespace socketscope
