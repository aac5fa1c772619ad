#pragma once

#include "util/Result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>

namespace socketscope {

// TLS trust for one profile: the system CAs plus an optional PEM bundle (a TLS-inspecting proxy's or a
// private CA). Nothing here skips verification; errors become operator messages instead.
class TlsSettings final
{
public:
    // PEM file, or a directory whose files are read as PEM. Errors: ca_bundle_unreadable, ca_bundle_empty.
    static Result<QList<QSslCertificate>> loadCaBundle(const QString &path);

    // Empty path: Qt's default configuration (system CAs). Otherwise the system CAs plus the bundle.
    static Result<QSslConfiguration> configuration(const QString &caBundlePath);

    // One message for a handshake's errors, naming each certificate's subject and issuer, with the fix.
    // Codes: tls_untrusted, tls_hostname_mismatch, tls_expired, tls_error.
    static Error describeSslErrors(const QList<QSslError> &errors, const QString &host = QString());

    // "CN=…, O=…" for subject or issuer.
    static QString distinguishedName(const QSslCertificate &cert, bool issuer);
};

} // namespace socketscope
