#include "net/TlsSettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringList>

namespace socketscope {

namespace {

Error unreadable(const QString &path, const QString &why)
{
    return Error{QStringLiteral("ca_bundle_unreadable"),
                 QStringLiteral("The CA bundle ") + path + QStringLiteral(" cannot be read: ") + why
                     + QStringLiteral("."),
                 QStringLiteral("Check the path in the profile and the file's permissions.")};
}

Result<QList<QSslCertificate>> readPemFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return unreadable(path, f.errorString());
    return QSslCertificate::fromData(f.readAll(), QSsl::Pem);
}

} // namespace

Result<QList<QSslCertificate>> TlsSettings::loadCaBundle(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return unreadable(path, QStringLiteral("it does not exist"));
    QList<QSslCertificate> certs;
    if (info.isDir()) {
        const QDir dir(path);
        if (!dir.isReadable())
            return unreadable(path, QStringLiteral("the folder is not readable"));
        const QFileInfoList files = dir.entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
        for (const QFileInfo &file : files) {
            // A certificate folder may also hold keys or notes; only certificates count.
            auto r = readPemFile(file.absoluteFilePath());
            if (r)
                certs += r.value();
        }
    } else {
        auto r = readPemFile(path);
        if (!r)
            return r.error();
        certs = r.value();
    }
    if (certs.isEmpty()) {
        return Error{QStringLiteral("ca_bundle_empty"),
                     QStringLiteral("The CA bundle ") + path + QStringLiteral(" contains no PEM certificate."),
                     QStringLiteral("Export the CA as PEM (text starting with -----BEGIN CERTIFICATE-----); "
                                    "convert a DER/.cer file with: openssl x509 -inform der -in ca.cer -out "
                                    "ca.pem")};
    }
    return certs;
}

Result<QSslConfiguration> TlsSettings::configuration(const QString &caBundlePath)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (caBundlePath.isEmpty())
        return config;
    auto bundle = loadCaBundle(caBundlePath);
    if (!bundle)
        return bundle.error();
    // Setting any CA list turns off Qt's on-demand loading of the system roots, so they are put in
    // explicitly: the bundle adds trust, it must not replace the system's.
    QList<QSslCertificate> cas = QSslConfiguration::systemCaCertificates();
    cas += bundle.value();
    config.setCaCertificates(cas);
    return config;
}

QString TlsSettings::distinguishedName(const QSslCertificate &cert, bool issuer)
{
    const auto info = [&](QSslCertificate::SubjectInfo field) {
        return (issuer ? cert.issuerInfo(field) : cert.subjectInfo(field)).join(QStringLiteral(" / "));
    };
    QStringList parts;
    const QString cn = info(QSslCertificate::CommonName);
    const QString o = info(QSslCertificate::Organization);
    const QString ou = info(QSslCertificate::OrganizationalUnitName);
    if (!cn.isEmpty())
        parts << QStringLiteral("CN=") + cn;
    if (!ou.isEmpty())
        parts << QStringLiteral("OU=") + ou;
    if (!o.isEmpty())
        parts << QStringLiteral("O=") + o;
    if (parts.isEmpty())
        return issuer ? cert.issuerDisplayName() : cert.subjectDisplayName();
    return parts.join(QStringLiteral(", "));
}

Error TlsSettings::describeSslErrors(const QList<QSslError> &errors, const QString &host)
{
    if (errors.isEmpty())
        return Error{QStringLiteral("tls_error"), QStringLiteral("The TLS handshake failed."), QString()};

    bool untrusted = false;
    bool mismatch = false;
    bool expired = false;
    QStringList lines;
    QSet<QString> seen;
    for (const QSslError &e : errors) {
        switch (e.error()) {
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::CertificateUntrusted:
        case QSslError::InvalidCaCertificate:
            untrusted = true;
            break;
        case QSslError::HostNameMismatch:
            mismatch = true;
            break;
        case QSslError::CertificateExpired:
        case QSslError::CertificateNotYetValid:
            expired = true;
            break;
        default:
            break;
        }
        QString line = e.errorString();
        const QSslCertificate cert = e.certificate();
        if (!cert.isNull()) {
            line += QStringLiteral(" — certificate \"") + distinguishedName(cert, false)
                + QStringLiteral("\" issued by \"") + distinguishedName(cert, true) + QStringLiteral("\"");
            if (e.error() == QSslError::HostNameMismatch) {
                const QStringList names = cert.subjectAlternativeNames().values(QSsl::DnsEntry);
                if (!names.isEmpty())
                    line += QStringLiteral(" for ") + names.join(QStringLiteral(", "));
            }
        }
        if (!seen.contains(line)) {
            seen.insert(line);
            lines << line;
        }
    }
    const QString where = host.isEmpty() ? QString() : QStringLiteral(" of ") + host;
    const QString message = QStringLiteral("TLS verification") + where + QStringLiteral(" failed: ")
        + lines.join(QStringLiteral("; ")) + QLatin1Char('.');
    if (untrusted) {
        return Error{QStringLiteral("tls_untrusted"), message,
                     QStringLiteral("If your network inspects TLS (a corporate proxy or firewall re-signs "
                                    "certificates), import your proxy's CA bundle (PEM) in the profile's CA "
                                    "bundle setting. If not, someone may be intercepting the connection: do not "
                                    "continue.")};
    }
    if (mismatch) {
        return Error{QStringLiteral("tls_hostname_mismatch"), message,
                     QStringLiteral("Check the host name in the URL; the server presents a certificate for "
                                    "another name.")};
    }
    if (expired) {
        return Error{QStringLiteral("tls_expired"), message,
                     QStringLiteral("Check this computer's date and time; if they are right, the server's "
                                    "certificate must be renewed.")};
    }
    return Error{QStringLiteral("tls_error"), message,
                 QStringLiteral("Check the server's certificate chain, or import your proxy's CA bundle in the "
                                "profile if a TLS-inspecting proxy is in the path.")};
}

} // namespace socketscope
