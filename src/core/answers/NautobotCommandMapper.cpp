#include "answers/NautobotCommandMapper.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QUuid>

namespace socketscope {

namespace {

QString quoteParam(const QString &p)
{
    return p.contains(QLatin1Char(' ')) || p.isEmpty() ? QStringLiteral("'%1'").arg(p) : p;
}

// shlex.split(posix=True) for the subset ChatOps meets: quotes group words, no escapes inside ''.
std::optional<QStringList> shellSplit(const QString &line)
{
    QStringList words;
    QString current;
    bool inWord = false;
    QChar quote;
    for (const QChar ch : line) {
        if (!quote.isNull()) {
            if (ch == quote)
                quote = QChar();
            else
                current.append(ch);
            continue;
        }
        if (ch == QLatin1Char('\'') || ch == QLatin1Char('"')) {
            quote = ch;
            inWord = true;
        } else if (ch.isSpace()) {
            if (inWord)
                words.append(current);
            current.clear();
            inWord = false;
        } else {
            current.append(ch);
            inWord = true;
        }
    }
    if (!quote.isNull())
        return std::nullopt;
    if (inWord)
        words.append(current);
    return words;
}

Error incomplete(const QString &sub, const QString &needs, const QString &example)
{
    return Error{QStringLiteral("incomplete_command"),
                 QStringLiteral("%1 needs %2; ChatOps would prompt for it with a menu or a modal.").arg(sub, needs),
                 QStringLiteral("Give every parameter, e.g. \"%1\".").arg(example)};
}

Error unknownFilter(const QString &sub, const QString &type, const QStringList &known)
{
    return Error{QStringLiteral("unknown_filter"), QStringLiteral("%1 cannot filter by \"%2\".").arg(sub, type),
                 QStringLiteral("Use one of: %1.").arg(known.join(QStringLiteral(", ")))};
}

RestCall listCall(const QString &path, const QList<QPair<QString, QString>> &query)
{
    RestCall call;
    call.path = path;
    for (const auto &item : query)
        call.query.addQueryItem(item.first, item.second);
    return call;
}

QString ipWithoutMask(const QJsonObject &device)
{
    // ChatOps shows the primary address without its prefix length (UNVERIFIED: primary_ip4 first).
    for (const char *field : {"primary_ip", "primary_ip4", "primary_ip6"}) {
        const QString text = ResultTable::cellText(device.value(QLatin1String(field)));
        if (!text.isEmpty())
            return text.section(QLatin1Char('/'), 0, 0);
    }
    return QString();
}

QString relatedId(const QJsonValue &value)
{
    return value.toObject().value(QLatin1String("id")).toString();
}

} // namespace

QString ChatOpsCommand::toString() const
{
    QStringList parts{command};
    if (!subcommand.isEmpty())
        parts.append(subcommand);
    for (const QString &p : params)
        parts.append(quoteParam(p));
    return parts.join(QLatin1Char(' '));
}

QString RestCall::toString() const
{
    const QString q = query.toString(QUrl::PrettyDecoded);
    return QStringLiteral("GET /%1%2").arg(path, q.isEmpty() ? QString() : QLatin1Char('?') + q);
}

QString RestMapping::requestsText() const
{
    QStringList lines;
    for (const RestCall &c : calls)
        lines.append(c.toString());
    return lines.join(QLatin1Char('\n'));
}

Result<ChatOpsCommand> NautobotCommandMapper::parse(const QString &commandLine)
{
    QString line = commandLine;
    for (const QChar smart : {QChar(0x201C), QChar(0x201D), QChar(0x2018), QChar(0x2019)})
        line.replace(smart, QLatin1Char('\''));
    QStringList words = shellSplit(line).value_or(line.split(QLatin1Char(' '), Qt::SkipEmptyParts));
    if (words.isEmpty())
        return Error{QStringLiteral("empty_command"), QStringLiteral("No command given."),
                     QStringLiteral("Type e.g. \"nautobot get-devices location ams01\".")};
    ChatOpsCommand parsed;
    const QString first = words.takeFirst();
    // Command names never contain '-', so "nautobot-get-devices" is command + subcommand.
    const int dash = static_cast<int>(first.indexOf(QLatin1Char('-')));
    if (dash > 0) {
        parsed.command = first.left(dash);
        parsed.subcommand = first.mid(dash + 1);
    } else {
        parsed.command = first;
        if (!words.isEmpty())
            parsed.subcommand = words.takeFirst();
    }
    parsed.command.replace(QLatin1Char('_'), QLatin1Char('-'));
    parsed.subcommand.replace(QLatin1Char('_'), QLatin1Char('-'));
    parsed.params = words;
    return parsed;
}

Result<ChatOpsCommand> NautobotCommandMapper::fromEnvelope(const Envelope &envelope, const QString &slashPrefix)
{
    const QJsonObject payload = QJsonDocument::fromJson(envelope.raw).object().value(QLatin1String("payload")).toObject();
    QString line;
    if (envelope.type == QLatin1String("slash_commands")) {
        QString command = payload.value(QLatin1String("command")).toString();
        if (!slashPrefix.isEmpty())
            command.remove(slashPrefix); // ChatOps removes every occurrence of the prefix
        line = command + QLatin1Char(' ') + payload.value(QLatin1String("text")).toString();
    } else if (envelope.type == QLatin1String("interactive")) {
        const QString kind = payload.value(QLatin1String("type")).toString();
        if (kind == QLatin1String("block_actions")) {
            const QJsonObject action = payload.value(QLatin1String("actions")).toArray().at(0).toObject();
            QString value = action.value(QLatin1String("selected_option")).toObject().value(QLatin1String("value")).toString();
            if (value.isEmpty())
                value = action.value(QLatin1String("value")).toString();
            line = action.value(QLatin1String("action_id")).toString() + QStringLiteral(" '") + value + QLatin1Char('\'');
        } else if (kind == QLatin1String("view_submission")) {
            const QJsonObject view = payload.value(QLatin1String("view")).toObject();
            const QJsonObject values = view.value(QLatin1String("state")).toObject().value(QLatin1String("values")).toObject();
            QStringList blockIds = values.keys();
            std::sort(blockIds.begin(), blockIds.end());
            const QJsonObject block = values.value(blockIds.value(0)).toObject();
            const QJsonObject input = block.value(block.keys().value(0)).toObject();
            line = view.value(QLatin1String("callback_id")).toString() + QStringLiteral(" '")
                   + input.value(QLatin1String("value")).toString() + QLatin1Char('\'');
        }
    } else if (envelope.type == QLatin1String("events_api")) {
        const QJsonObject event = payload.value(QLatin1String("event")).toObject();
        if (event.value(QLatin1String("type")).toString() == QLatin1String("app_mention")) {
            line = event.value(QLatin1String("text")).toString();
            const int close = static_cast<int>(line.indexOf(QLatin1Char('>')));
            if (line.startsWith(QLatin1String("<@")) && close > 0)
                line = line.mid(close + 1);
        }
    }
    if (line.trimmed().isEmpty()) {
        return Error{QStringLiteral("no_command_line"),
                     QStringLiteral("This %1 envelope carries no /nautobot command line.").arg(envelope.type), {}};
    }
    return parse(line.trimmed());
}

Result<RestMapping> NautobotCommandMapper::map(const ChatOpsCommand &c)
{
    RestMapping m;
    m.command = c;
    const QString &sub = c.subcommand;
    auto noEquivalent = [&c](const QString &why) {
        return Error{QStringLiteral("no_rest_equivalent"),
                     QStringLiteral("\"%1\" has no REST equivalent in SocketScope: %2").arg(c.toString(), why),
                     QStringLiteral("Replay the command to Nautobot instead, or query the REST console directly.")};
    };
    if (c.command != QLatin1String("nautobot"))
        return noEquivalent(QStringLiteral("only /nautobot commands are mapped."));
    const QString type = c.params.value(0);
    const QString value = c.params.value(1);

    if (sub == QLatin1String("get-devices")) {
        static const QMap<QString, QString> kFilters{{QStringLiteral("name"), QStringLiteral("name")},
                                                     {QStringLiteral("location"), QStringLiteral("location")},
                                                     {QStringLiteral("role"), QStringLiteral("role")},
                                                     {QStringLiteral("model"), QStringLiteral("device_type")},
                                                     {QStringLiteral("manufacturer"), QStringLiteral("manufacturer")}};
        if (type.isEmpty() || value.isEmpty())
            return incomplete(sub, QStringLiteral("<filter-type> <filter-value>"), QStringLiteral("get-devices location ams01"));
        if (!kFilters.contains(type))
            return unknownFilter(sub, type, kFilters.keys());
        m.description = QStringLiteral("list of devices");
        m.calls.append(listCall(QStringLiteral("api/dcim/devices/"), {{kFilters.value(type), value}, {QStringLiteral("depth"), QStringLiteral("1")}}));
        m.columns = QStringList{QStringLiteral("Name"), QStringLiteral("Status"), QStringLiteral("Tenant"), QStringLiteral("Location"),
                                QStringLiteral("Rack"), QStringLiteral("Role"), QStringLiteral("Type"), QStringLiteral("IP Address")};
        return m;
    }
    if (sub == QLatin1String("get-device-status") || sub == QLatin1String("get-device-facts")) {
        if (type.isEmpty())
            return incomplete(sub, QStringLiteral("<device-key>"), sub + QStringLiteral(" <device UUID>"));
        const bool facts = sub == QLatin1String("get-device-facts");
        // Facts need the device type's manufacturer, one level deeper than §7's depth=1.
        const QString depth = facts ? QStringLiteral("2") : QStringLiteral("1");
        if (!QUuid(type).isNull()) {
            RestCall call;
            call.path = QStringLiteral("api/dcim/devices/%1/").arg(type.toLower());
            call.query.addQueryItem(QStringLiteral("depth"), depth);
            call.list = false;
            m.calls.append(call);
        } else {
            m.calls.append(listCall(QStringLiteral("api/dcim/devices/"), {{QStringLiteral("name"), type}, {QStringLiteral("depth"), depth}}));
            m.note = QStringLiteral("ChatOps takes a device UUID; \"%1\" was looked up by name.").arg(type);
        }
        m.description = facts ? QStringLiteral("device facts") : QStringLiteral("device status");
        m.columns = facts ? QStringList{QStringLiteral("Name"), QStringLiteral("Manufacturer"), QStringLiteral("Model"),
                                        QStringLiteral("Role"), QStringLiteral("Platform"), QStringLiteral("Primary IP"),
                                        QStringLiteral("Created"), QStringLiteral("Updated"), QStringLiteral("PK")}
                          : QStringList{QStringLiteral("Name"), QStringLiteral("Status")};
        return m;
    }
    if (sub == QLatin1String("get-vlans")) {
        static const QMap<QString, QString> kFilters{
            {QStringLiteral("id"), QStringLiteral("vid")},        {QStringLiteral("group"), QStringLiteral("vlan_group")},
            {QStringLiteral("name"), QStringLiteral("name")},     {QStringLiteral("role"), QStringLiteral("role")},
            {QStringLiteral("location"), QStringLiteral("locations")}, {QStringLiteral("status"), QStringLiteral("status")},
            {QStringLiteral("tenant"), QStringLiteral("tenant")}, {QStringLiteral("all"), QString()}};
        if (type.isEmpty() || (type != QLatin1String("all") && value.isEmpty()))
            return incomplete(sub, QStringLiteral("<filter-type> <filter-value>"), QStringLiteral("get-vlans id 100"));
        if (!kFilters.contains(type))
            return unknownFilter(sub, type, kFilters.keys());
        QList<QPair<QString, QString>> query;
        if (type != QLatin1String("all"))
            query.append({kFilters.value(type), value});
        query.append({QStringLiteral("depth"), QStringLiteral("1")});
        m.description = QStringLiteral("filtered list of VLANs");
        m.calls.append(listCall(QStringLiteral("api/ipam/vlans/"), query));
        m.columns = QStringList{QStringLiteral("ID"), QStringLiteral("Name"), QStringLiteral("Status"), QStringLiteral("Group"),
                                QStringLiteral("Tenant"), QStringLiteral("Role")};
        return m;
    }
    if (sub == QLatin1String("get-circuits")) {
        static const QMap<QString, QString> kFilters{{QStringLiteral("provider"), QStringLiteral("provider")},
                                                     {QStringLiteral("location"), QStringLiteral("location")},
                                                     {QStringLiteral("type"), QStringLiteral("circuit_type")},
                                                     {QStringLiteral("all"), QString()}};
        if (type.isEmpty() || (type != QLatin1String("all") && value.isEmpty()))
            return incomplete(sub, QStringLiteral("<filter-type> <filter-value>"), QStringLiteral("get-circuits provider <provider>"));
        if (!kFilters.contains(type))
            return unknownFilter(sub, type, kFilters.keys());
        QList<QPair<QString, QString>> query;
        if (type != QLatin1String("all"))
            query.append({kFilters.value(type), value});
        query.append({QStringLiteral("depth"), QStringLiteral("1")});
        m.description = QStringLiteral("filtered list of circuits");
        m.calls.append(listCall(QStringLiteral("api/circuits/circuits/"), query));
        m.columns = QStringList{QStringLiteral("Circuit ID"), QStringLiteral("Provider"), QStringLiteral("Type"), QStringLiteral("Status")};
        return m;
    }
    if (sub == QLatin1String("get-circuit-providers")) {
        m.description = QStringLiteral("list of circuit providers");
        // Circuit counts are derived from the circuit list (one extra call).
        m.calls.append(listCall(QStringLiteral("api/circuits/providers/"), {}));
        m.calls.append(listCall(QStringLiteral("api/circuits/circuits/"), {}));
        m.columns = QStringList{QStringLiteral("Name"), QStringLiteral("ASN"), QStringLiteral("Account"), QStringLiteral("Circuits")};
        return m;
    }
    if (sub == QLatin1String("get-manufacturer-summary")) {
        m.description = QStringLiteral("manufacturer summary");
        // Derived: device_type (depth 1) carries its manufacturer's id.
        m.calls.append(listCall(QStringLiteral("api/dcim/manufacturers/"), {}));
        m.calls.append(listCall(QStringLiteral("api/dcim/devices/"), {{QStringLiteral("depth"), QStringLiteral("1")}}));
        m.columns = QStringList{QStringLiteral("Manufacturer"), QStringLiteral("Quantity of Devices")};
        return m;
    }
    if (sub == QLatin1String("change-device-status")) {
        return Error{QStringLiteral("changes_data"),
                     QStringLiteral("change-device-status changes data; an answer from Nautobot only reads."),
                     QStringLiteral("Use the REST console: PATCH /api/dcim/devices/<uuid>/ {\"status\": \"<status uuid>\"}, "
                                    "confirmed with the device's name.")};
    }
    if (sub.isEmpty() || sub == QLatin1String("help"))
        return noEquivalent(QStringLiteral("help is built into ChatOps."));
    return noEquivalent(QStringLiteral("\"%1\" is not mapped (mapped: get-devices, get-device-status, get-device-facts, "
                                       "get-vlans, get-circuits, get-circuit-providers, get-manufacturer-summary).")
                            .arg(sub));
}

Result<ResultTable> NautobotCommandMapper::tabulate(const RestMapping &m, const QVector<QVector<QJsonObject>> &results)
{
    if (results.size() != m.calls.size()) {
        return Error{QStringLiteral("results_mismatch"),
                     QStringLiteral("Expected the results of %1 calls, got %2.").arg(m.calls.size()).arg(results.size()), {}};
    }
    ResultTable t;
    t.title = m.description;
    t.columns = m.columns;
    t.source = m.requestsText();
    const QString &sub = m.command.subcommand;
    auto cell = [](const QJsonObject &o, const char *field) { return ResultTable::cellText(o.value(QLatin1String(field))); };
    const QVector<QJsonObject> &first = results.first();
    if (sub == QLatin1String("get-devices")) {
        for (const QJsonObject &d : first)
            t.rows.append({cell(d, "name"), cell(d, "status"), cell(d, "tenant"), cell(d, "location"), cell(d, "rack"),
                           cell(d, "role"), cell(d, "device_type"), ipWithoutMask(d)});
    } else if (sub == QLatin1String("get-device-status")) {
        for (const QJsonObject &d : first)
            t.rows.append({cell(d, "name"), cell(d, "status")});
    } else if (sub == QLatin1String("get-device-facts")) {
        for (const QJsonObject &d : first) {
            const QJsonObject type = d.value(QLatin1String("device_type")).toObject();
            t.rows.append({cell(d, "name"), cell(type, "manufacturer"), cell(d, "device_type"), cell(d, "role"), cell(d, "platform"),
                           ipWithoutMask(d), cell(d, "created"), cell(d, "last_updated"), cell(d, "id")});
        }
    } else if (sub == QLatin1String("get-vlans")) {
        for (const QJsonObject &v : first)
            t.rows.append({cell(v, "vid"), cell(v, "name"), cell(v, "status"), cell(v, "vlan_group"), cell(v, "tenant"), cell(v, "role")});
    } else if (sub == QLatin1String("get-circuits")) {
        for (const QJsonObject &c : first)
            t.rows.append({cell(c, "cid"), cell(c, "provider"), cell(c, "circuit_type"), cell(c, "status")});
    } else if (sub == QLatin1String("get-circuit-providers")) {
        QHash<QString, int> circuits;
        for (const QJsonObject &c : results.at(1))
            ++circuits[relatedId(c.value(QLatin1String("provider")))];
        for (const QJsonObject &p : first)
            t.rows.append({cell(p, "name"), cell(p, "asn"), cell(p, "account"), QString::number(circuits.value(cell(p, "id")))});
    } else if (sub == QLatin1String("get-manufacturer-summary")) {
        QHash<QString, int> devices;
        for (const QJsonObject &d : results.at(1))
            ++devices[relatedId(d.value(QLatin1String("device_type")).toObject().value(QLatin1String("manufacturer")))];
        for (const QJsonObject &mf : first)
            t.rows.append({cell(mf, "name"), QString::number(devices.value(cell(mf, "id")))});
    } else {
        return Error{QStringLiteral("no_rest_equivalent"), QStringLiteral("No table for \"%1\".").arg(sub), {}};
    }
    t.totalCount = static_cast<int>(t.rows.size());
    return t;
}

} // namespace socketscope
