#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace socketscope {

// The NO_PROXY/no_proxy list as curl reads it: comma or space separated; "*" matches everything;
// "example.com", ".example.com" and "*.example.com" match example.com and every subdomain; an IP
// address matches that literal address; "10.0.0.0/8" and "fd00::/8" match addresses in the subnet;
// "host:port" and "[v6]:port" match only that port. Names are compared without case and without a
// trailing dot. No DNS lookups: a host name never matches an IP entry.
class NoProxyRules
{
public:
    NoProxyRules() = default;
    static NoProxyRules parse(const QString &spec);

    bool isEmpty() const { return m_rules.isEmpty(); }
    // The entry that matched, as written in the list; empty when none did. port < 0 = unknown.
    QString match(const QString &host, int port) const;
    bool matches(const QString &host, int port) const { return !match(host, port).isEmpty(); }

private:
    struct Rule
    {
        enum class Kind { All, Domain, Address, Subnet };
        Kind kind = Kind::Domain;
        QString text;     // as written, for reports
        QString domain;   // Kind::Domain: lower-case, no leading "*." or ".", no trailing dot
        QHostAddress address;
        QPair<QHostAddress, int> subnet;
        int port = -1;    // -1 = any port
    };
    QList<Rule> m_rules;
};

// Lower-cases, strips brackets around IPv6 literals and one trailing dot.
QString normalizeHost(const QString &host);

} // namespace socketscope
