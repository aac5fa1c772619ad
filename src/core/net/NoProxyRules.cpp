#include "net/NoProxyRules.h"

#include <QRegularExpression>

namespace socketscope {

QString normalizeHost(const QString &host)
{
    QString h = host.trimmed().toLower();
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    if (h.endsWith(QLatin1Char('.')))
        h.chop(1);
    return h;
}

NoProxyRules NoProxyRules::parse(const QString &spec)
{
    NoProxyRules out;
    static const QRegularExpression sep(QStringLiteral("[,\\s]+"));
    const QStringList entries = spec.split(sep, Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        Rule r;
        r.text = entry;
        if (entry == QLatin1String("*")) {
            r.kind = Rule::Kind::All;
            out.m_rules << r;
            continue;
        }
        QString hostPart = entry;
        // Split off ":port": "[v6]:port", "name:port", "v4:port"; a bare IPv6 literal has several colons.
        if (hostPart.startsWith(QLatin1Char('['))) {
            const int close = hostPart.indexOf(QLatin1Char(']'));
            if (close < 0)
                continue;
            const QString rest = hostPart.mid(close + 1);
            if (rest.startsWith(QLatin1Char(':'))) {
                bool ok = false;
                const int port = rest.mid(1).toInt(&ok);
                if (ok)
                    r.port = port;
            }
            hostPart = hostPart.mid(1, close - 1);
        } else if (hostPart.count(QLatin1Char(':')) == 1) {
            const int colon = hostPart.indexOf(QLatin1Char(':'));
            bool ok = false;
            const int port = hostPart.mid(colon + 1).toInt(&ok);
            if (ok && port > 0 && port <= 65535)
                r.port = port;
            hostPart = hostPart.left(colon);
        }
        if (hostPart.contains(QLatin1Char('/'))) {
            const auto subnet = QHostAddress::parseSubnet(hostPart);
            if (subnet.first.isNull())
                continue;
            r.kind = Rule::Kind::Subnet;
            r.subnet = subnet;
            out.m_rules << r;
            continue;
        }
        QHostAddress addr;
        if (addr.setAddress(hostPart)) {
            r.kind = Rule::Kind::Address;
            r.address = addr;
            out.m_rules << r;
            continue;
        }
        QString domain = normalizeHost(hostPart);
        if (domain.startsWith(QLatin1String("*.")))
            domain = domain.mid(2);
        else if (domain.startsWith(QLatin1Char('.')))
            domain = domain.mid(1);
        if (domain.isEmpty())
            continue;
        r.kind = Rule::Kind::Domain;
        r.domain = domain;
        out.m_rules << r;
    }
    return out;
}

QString NoProxyRules::match(const QString &host, int port) const
{
    const QString h = normalizeHost(host);
    QHostAddress hostAddr;
    const bool isAddress = hostAddr.setAddress(h);
    for (const Rule &r : m_rules) {
        if (r.port >= 0 && r.port != port)
            continue;
        switch (r.kind) {
        case Rule::Kind::All:
            return r.text;
        case Rule::Kind::Address:
            if (isAddress && hostAddr.isEqual(r.address, QHostAddress::TolerantConversion))
                return r.text;
            break;
        case Rule::Kind::Subnet:
            if (isAddress && hostAddr.isInSubnet(r.subnet))
                return r.text;
            break;
        case Rule::Kind::Domain:
            if (isAddress)
                break;
            // Match on a label boundary: "example.com" must not match "badexample.com".
            if (h == r.domain || h.endsWith(QLatin1Char('.') + r.domain))
                return r.text;
            break;
        }
    }
    return QString();
}

} // namespace socketscope
