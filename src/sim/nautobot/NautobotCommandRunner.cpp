#include "NautobotCommandRunner.h"

#include "NautobotInventory.h"
#include "NautobotSimConfig.h"
#include "NautobotStore.h"

#include <QDateTime>
#include <QMap>

#include <algorithm>

namespace socketscope::sim {

using namespace NautobotInventory;

namespace {

constexpr int kMenuLimit = 100; // SLACK_MENU_LIMIT default

struct SubcommandHelp
{
    const char *name;
    const char *params;
    const char *description;
};

// In the order the real worker lists them (CO:nautobot_chatops/workers/nautobot.py).
const SubcommandHelp kSubcommands[] = {
    {"get-devices", "[filter-type] [filter-value]", "Get a filtered list of devices."},
    {"get-device-status", "[device-key]", "Get the status of a device in Nautobot."},
    {"change-device-status", "[device-key] [status]", "Set the status of a device in Nautobot."},
    {"get-device-facts", "[device-key]", "Get detailed facts about a device from Nautobot in YAML format."},
    {"get-interface-connections", "[filter-type] [filter-value-1] [filter-value-2]", "Return a filtered list of interface connections based on supplied filter."},
    {"get-vlans", "[filter-type] [filter-value-1]", "Return a filtered list of VLANs based on supplied filter."},
    {"get-rack", "[location-key] [rack-id]", "Get information about a specific rack from Nautobot."},
    {"get-circuits", "[filter-type] [filter-value]", "Get a filtered list of circuits from Nautobot."},
    {"get-circuit-providers", "", "Get a list of circuit providers."},
    {"get-circuit-connections", "[provider-key] [circuit-id]", "For specified circuit, return the connection information."},
    {"get-manufacturer-summary", "", "Provides a summary of each manufacturer and how many devices have that manufacturer."},
    {"get-jobs", "[kwargs]", "Get all Nautobot Jobs."},
    {"filter-jobs", "[job-filters]", "Get a filtered list of Nautobot Jobs."},
    {"run-job", "[job-name]", "Initiate a job in Nautobot by job name."},
    {"run-job-form", "[job-name]", "Initiate a job in Nautobot by job name, with a form for its inputs."},
    {"about", "", "Provide a link for more information on Nautobot Apps."},
};

QString tableText(const QStringList &headers, const QVector<QStringList> &rows)
{
    QVector<int> widths;
    for (const QString &h : headers)
        widths.append(h.size());
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], row.at(i).size());
    }
    auto line = [&widths](const QStringList &cells) {
        QStringList padded;
        for (int i = 0; i < widths.size(); ++i)
            padded.append(cells.value(i).leftJustified(widths.at(i)));
        return padded.join(QStringLiteral("  ")).trimmed();
    };
    QStringList lines{line(headers)};
    QStringList rule;
    for (int w : widths)
        rule.append(QString(w, QLatin1Char('-')));
    lines.append(rule.join(QStringLiteral("  ")));
    for (const QStringList &row : rows)
        lines.append(line(row));
    return lines.join(QLatin1Char('\n'));
}

QJsonObject plainText(const QString &text)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("plain_text")}, {QStringLiteral("text"), text},
                       {QStringLiteral("emoji"), true}};
}

QJsonObject mrkdwnSection(const QString &text)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("section")},
                       {QStringLiteral("text"), QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                                                            {QStringLiteral("text"), text}}}};
}

QString quoted(const QString &value)
{
    return value.contains(QLatin1Char(' ')) ? QStringLiteral("'%1'").arg(value) : value;
}

QJsonArray paramPairs(const QStringList &names, const QStringList &values)
{
    QJsonArray out;
    for (int i = 0; i < names.size() && i < values.size(); ++i)
        out.append(QJsonArray{names.at(i), values.at(i)});
    return out;
}

CommandOutcome failed(const QString &message, const QString &details, const QJsonArray &params)
{
    CommandOutcome out;
    out.logged = true;
    out.status = QStringLiteral("failed");
    out.details = details;
    out.params = params;
    out.messages.append(NautobotCommandRunner::textMessage(message));
    return out;
}

// A "menu_offset-<n>" parameter means: not chosen yet, show the menu from n.
bool isMenuOffset(const QString &value, int *offset)
{
    if (!value.startsWith(QLatin1String("menu_offset-")))
        return false;
    *offset = qMax(0, value.mid(12).toInt());
    return true;
}

} // namespace

NautobotCommandRunner::NautobotCommandRunner(NautobotStore &store, const NautobotSimConfig &config)
    : m_store(store), m_config(config)
{
}

bool NautobotCommandRunner::knowsCommand(const QString &command)
{
    return command == QLatin1String("nautobot") || command == QLatin1String("clear");
}

Result<ParsedCommand> NautobotCommandRunner::parse(const QString &commandLine)
{
    QString line = commandLine;
    for (const QChar smart : {QChar(0x201C), QChar(0x201D), QChar(0x2018), QChar(0x2019)})
        line.replace(smart, QLatin1Char('\''));
    // shlex.split; on unmatched quotes the real code falls back to a non-POSIX split.
    QStringList words;
    QString current;
    bool inWord = false;
    QChar quote;
    for (const QChar ch : std::as_const(line)) {
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
        words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    else if (inWord)
        words.append(current);
    if (words.isEmpty())
        return Error{QStringLiteral("empty_command"), QStringLiteral("No command given."), QString()};
    ParsedCommand parsed;
    QString first = words.takeFirst();
    // Command names never contain '-', so "nautobot-get-devices" is command + subcommand.
    const int dash = first.indexOf(QLatin1Char('-'));
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

std::optional<NautobotCommandRunner::Denial> NautobotCommandRunner::checkGrants(const ParsedCommand &c,
                                                                                const ChatOpsContext &ctx) const
{
    const NautobotCollection *grants = m_store.collection(kAccessGrant);
    auto covers = [&](const QString &grantType, const QString &id) {
        for (const NautobotObject &g : grants->rows) {
            const QString command = g.fields.value(QLatin1String("command")).toString();
            const QString subcommand = g.fields.value(QLatin1String("subcommand")).toString();
            const QString value = g.fields.value(QLatin1String("value")).toString();
            if (g.fields.value(QLatin1String("grant_type")).toString() != grantType)
                continue;
            const bool commandOk = command == QLatin1String("*")
                                   || (command == c.command
                                       && (c.subcommand.isEmpty() || subcommand == QLatin1String("*") || subcommand == c.subcommand));
            if (commandOk && (value == QLatin1String("*") || value == id))
                return true;
        }
        return false;
    };
    const QString tail = QStringLiteral(", ask your Nautobot administrator to define an appropriate Access Grant");
    if (!covers(QStringLiteral("organization"), ctx.orgId)) {
        const QString where = QStringLiteral("organization %1 (%2)").arg(ctx.orgId, ctx.orgName);
        return Denial{QStringLiteral("Access to this bot and/or command is not permitted in ") + where + tail,
                      QStringLiteral("Not permitted in ") + where};
    }
    if (!covers(QStringLiteral("channel"), ctx.channelId)) {
        const QString where = QStringLiteral("channel %1 (%2)").arg(ctx.channelId, ctx.channelName);
        return Denial{QStringLiteral("Access to this bot and/or command is not permitted in ") + where + tail,
                      QStringLiteral("Not permitted in ") + where};
    }
    if (!covers(QStringLiteral("user"), ctx.userId)) {
        const QString who = QStringLiteral("user %1 (%2)").arg(ctx.userId, ctx.userName);
        return Denial{QStringLiteral("Access to this bot and/or command is not permitted by ") + who + tail,
                      QStringLiteral("Not permitted by ") + who};
    }
    return std::nullopt;
}

QJsonObject NautobotCommandRunner::textMessage(const QString &text)
{
    return QJsonObject{{QStringLiteral("text"), text}, {QStringLiteral("blocks"), QJsonArray{mrkdwnSection(text)}}};
}

QJsonObject NautobotCommandRunner::helpMessage(const QString &command) const
{
    QString prefix = m_config.slashCommandPrefix;
    QStringList lines{QStringLiteral("I know the following `%1%2` subcommands:").arg(prefix, command)};
    if (command == QLatin1String("nautobot")) {
        for (const SubcommandHelp &h : kSubcommands) {
            const QString params = QString::fromLatin1(h.params);
            lines.append(QStringLiteral("- `%1%2 %3%4` %5")
                             .arg(prefix, command, QString::fromLatin1(h.name),
                                  params.isEmpty() ? QString() : QLatin1Char(' ') + params, QString::fromLatin1(h.description)));
        }
    }
    QJsonObject message = textMessage(lines.join(QLatin1Char('\n')));
    message.insert(QStringLiteral("response_type"), QStringLiteral("ephemeral"));
    return message;
}

QJsonObject NautobotCommandRunner::menu(const QString &actionId, const QString &prompt,
                                        const QVector<QPair<QString, QString>> &choices, int offset) const
{
    QJsonArray options;
    const int start = qBound(0, offset, static_cast<int>(choices.size()));
    const bool more = choices.size() - start > kMenuLimit;
    const int shown = more ? kMenuLimit - 1 : static_cast<int>(choices.size()) - start;
    for (int i = start; i < start + shown; ++i) {
        options.append(QJsonObject{{QStringLiteral("text"), plainText(choices.at(i).first)},
                                   {QStringLiteral("value"), choices.at(i).second}});
    }
    if (more) {
        options.append(QJsonObject{{QStringLiteral("text"), plainText(QStringLiteral("Next..."))},
                                   {QStringLiteral("value"), QStringLiteral("menu_offset-%1").arg(start + shown)}});
    }
    const QJsonObject select{{QStringLiteral("type"), QStringLiteral("static_select")},
                             {QStringLiteral("action_id"), actionId},
                             {QStringLiteral("placeholder"), plainText(QStringLiteral("Select an option"))},
                             {QStringLiteral("options"), options}};
    const QJsonObject cancel{{QStringLiteral("type"), QStringLiteral("button")},
                             {QStringLiteral("action_id"), QStringLiteral("action")},
                             {QStringLiteral("value"), QStringLiteral("cancel")},
                             {QStringLiteral("text"), plainText(QStringLiteral("Cancel"))}};
    return QJsonObject{{QStringLiteral("response_type"), QStringLiteral("ephemeral")},
                       {QStringLiteral("text"), prompt},
                       {QStringLiteral("blocks"),
                        QJsonArray{mrkdwnSection(prompt),
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("actions")},
                                               {QStringLiteral("block_id"), actionId},
                                               {QStringLiteral("elements"), QJsonArray{select, cancel}}}}}};
}

QJsonObject NautobotCommandRunner::resultMessage(const ChatOpsContext &ctx, const QString &description,
                                                 const ParsedCommand &c, const QString &body) const
{
    QStringList args{c.subcommand};
    for (const QString &p : c.params)
        args.append(quoted(p));
    const QString header = QStringLiteral("Hey <@%1>, here is that %2 you requested\nShortcut: `%3%4 %5`")
                               .arg(ctx.userId, description, m_config.slashCommandPrefix, c.command, args.join(QLatin1Char(' ')));
    const QString code = QStringLiteral("```\n%1\n```").arg(body);
    QJsonObject message{{QStringLiteral("response_type"), QStringLiteral("in_channel")},
                        {QStringLiteral("text"), QString(header + QLatin1Char('\n') + code)},
                        {QStringLiteral("blocks"), QJsonArray{mrkdwnSection(header), mrkdwnSection(code)}}};
    if (!ctx.threadTs.isEmpty())
        message.insert(QStringLiteral("thread_ts"), ctx.threadTs);
    return message;
}

QVector<QPair<QString, QString>> NautobotCommandRunner::choicesOf(const QString &objectType) const
{
    QVector<QPair<QString, QString>> out;
    const NautobotCollection *c = m_store.collection(objectType);
    for (const NautobotObject &o : c->rows)
        out.append({m_store.displayOf(objectType, o), o.id});
    std::sort(out.begin(), out.end());
    return out;
}

QVector<QPair<QString, QString>> NautobotCommandRunner::deviceChoices() const
{
    QVector<QPair<QString, QString>> out;
    for (const NautobotObject &d : m_store.collection(kDevice)->rows) {
        out.append({QStringLiteral("Location>%1: %2").arg(m_store.relatedDisplay(d, QStringLiteral("location")),
                                                          m_store.displayOf(kDevice, d)),
                    d.id});
    }
    std::sort(out.begin(), out.end());
    return out;
}

CommandOutcome NautobotCommandRunner::run(const ParsedCommand &c, const ChatOpsContext &ctx)
{
    if (c.command == QLatin1String("clear")) {
        CommandOutcome out;
        QJsonObject blank = textMessage(QString(50, QLatin1Char('\n')) + QStringLiteral("."));
        blank.insert(QStringLiteral("response_type"), QStringLiteral("ephemeral"));
        out.messages.append(blank);
        out.logged = true;
        out.status = QStringLiteral("succeeded");
        return out;
    }
    const QString &sub = c.subcommand;
    if (sub.isEmpty() || sub == QLatin1String("help") || c.params.value(0) == QLatin1String("help")) {
        CommandOutcome out;
        out.messages.append(helpMessage(c.command));
        return out;
    }
    if (sub == QLatin1String("get-devices"))
        return getDevices(c, ctx);
    if (sub == QLatin1String("get-vlans"))
        return getVlans(c, ctx);
    if (sub == QLatin1String("get-circuits"))
        return getCircuits(c, ctx);
    if (sub == QLatin1String("get-circuit-providers"))
        return getCircuitProviders(c, ctx);
    if (sub == QLatin1String("get-manufacturer-summary"))
        return getManufacturerSummary(c, ctx);
    if (sub == QLatin1String("get-device-facts") || sub == QLatin1String("get-device-status"))
        return deviceCommand(c, ctx);
    if (sub == QLatin1String("change-device-status"))
        return changeDeviceStatus(c, ctx);
    if (sub == QLatin1String("about")) {
        CommandOutcome out;
        out.logged = true;
        out.status = QStringLiteral("succeeded");
        out.messages.append(textMessage(QStringLiteral("Nautobot ChatOps %1: more about Nautobot Apps at "
                                                       "https://www.networktocode.com/nautobot/apps/")
                                            .arg(m_config.chatOpsVersion)));
        return out;
    }
    for (const SubcommandHelp &h : kSubcommands) {
        if (sub == QLatin1String(h.name)) {
            // A real subcommand whose data (racks, cables, jobs) the simulator has no model for.
            return failed(QStringLiteral("`%1` is not available in the SocketScope simulator (its inventory has no "
                                         "racks, cables or jobs).").arg(sub),
                          QStringLiteral("Not simulated"), paramPairs({QStringLiteral("arg")}, c.params));
        }
    }
    CommandOutcome out;
    QJsonObject help = helpMessage(c.command);
    help.insert(QStringLiteral("text"),
                QString(QStringLiteral("I don't know the %1%2 subcommand \"%3\"\n").arg(m_config.slashCommandPrefix, c.command, sub)
                        + help.value(QLatin1String("text")).toString()));
    out.messages.append(help);
    return out;
}

CommandOutcome NautobotCommandRunner::getDevices(const ParsedCommand &c, const ChatOpsContext &ctx)
{
    const QString type = c.params.value(0);
    QString value = c.params.value(1);
    const QJsonArray params = paramPairs({QStringLiteral("filter_type"), QStringLiteral("filter_value")}, c.params);
    static const QMap<QString, QPair<QString, QString>> kTypes{
        {QStringLiteral("name"), {QStringLiteral("name"), kDevice}},
        {QStringLiteral("location"), {QStringLiteral("location"), kLocation}},
        {QStringLiteral("role"), {QStringLiteral("role"), kRole}},
        {QStringLiteral("model"), {QStringLiteral("device_type"), kDeviceType}},
        {QStringLiteral("manufacturer"), {QStringLiteral("manufacturer"), kManufacturer}}};
    int offset = 0;
    if (type.isEmpty() || isMenuOffset(type, &offset)) {
        QVector<QPair<QString, QString>> choices;
        for (auto it = kTypes.constBegin(); it != kTypes.constEnd(); ++it)
            choices.append({it.key(), it.key()});
        CommandOutcome out;
        out.messages.append(menu(QStringLiteral("nautobot get-devices"), QStringLiteral("select a filter"), choices, offset));
        return out;
    }
    if (!kTypes.contains(type))
        return failed(QStringLiteral("I don't know how to filter by %1").arg(type), QStringLiteral("Unknown filter type"), params);
    if (value.isEmpty() || isMenuOffset(value, &offset)) {
        CommandOutcome out;
        if (type == QLatin1String("name")) {
            out.wantsModal = true; // prompt_for_text: a modal, which needs a fresh trigger_id
            return out;
        }
        out.messages.append(menu(QStringLiteral("nautobot get-devices %1").arg(type),
                                 QStringLiteral("select a %1").arg(type), choicesOf(kTypes.value(type).second), offset));
        return out;
    }
    const auto filter = m_store.collection(kDevice)->filters.value(kTypes.value(type).first);
    QVector<QStringList> rows;
    for (const NautobotObject &d : m_store.collection(kDevice)->rows) {
        if (!filter(d, value))
            continue;
        rows.append({m_store.displayOf(kDevice, d), m_store.relatedDisplay(d, QStringLiteral("status")),
                     m_store.relatedDisplay(d, QStringLiteral("tenant")), m_store.relatedDisplay(d, QStringLiteral("location")),
                     m_store.relatedDisplay(d, QStringLiteral("rack")), m_store.relatedDisplay(d, QStringLiteral("role")),
                     m_store.relatedDisplay(d, QStringLiteral("device_type")), QString()});
    }
    CommandOutcome out;
    out.logged = true;
    out.status = QStringLiteral("succeeded");
    out.params = params;
    if (rows.isEmpty()) {
        out.details = QStringLiteral("No devices found");
        out.messages.append(textMessage(QStringLiteral("No devices found matching %1 %2").arg(type, value)));
        return out;
    }
    out.messages.append(resultMessage(ctx, QStringLiteral("list of devices"), c,
                                      tableText({QStringLiteral("Name"), QStringLiteral("Status"), QStringLiteral("Tenant"),
                                                 QStringLiteral("Location"), QStringLiteral("Rack"), QStringLiteral("Role"),
                                                 QStringLiteral("Type"), QStringLiteral("IP Address")},
                                                rows)));
    return out;
}

CommandOutcome NautobotCommandRunner::getVlans(const ParsedCommand &c, const ChatOpsContext &ctx)
{
    const QString type = c.params.value(0);
    const QString value = c.params.value(1);
    const QJsonArray params = paramPairs({QStringLiteral("filter_type"), QStringLiteral("filter_value_1")}, c.params);
    static const QMap<QString, QPair<QString, QString>> kTypes{
        {QStringLiteral("id"), {QStringLiteral("vid"), QString()}},
        {QStringLiteral("group"), {QStringLiteral("vlan_group"), kVlanGroup}},
        {QStringLiteral("name"), {QStringLiteral("name"), QString()}},
        {QStringLiteral("role"), {QStringLiteral("role"), kRole}},
        {QStringLiteral("location"), {QStringLiteral("locations"), kLocation}},
        {QStringLiteral("status"), {QStringLiteral("status"), kStatus}},
        {QStringLiteral("tenant"), {QStringLiteral("tenant"), QString()}},
        {QStringLiteral("all"), {QString(), QString()}}};
    int offset = 0;
    if (type.isEmpty() || isMenuOffset(type, &offset)) {
        QVector<QPair<QString, QString>> choices;
        for (auto it = kTypes.constBegin(); it != kTypes.constEnd(); ++it)
            choices.append({it.key(), it.key()});
        CommandOutcome out;
        out.messages.append(menu(QStringLiteral("nautobot get-vlans"), QStringLiteral("select a filter"), choices, offset));
        return out;
    }
    if (!kTypes.contains(type))
        return failed(QStringLiteral("I don't know how to filter by %1").arg(type), QStringLiteral("Unknown filter type"), params);
    if (type != QLatin1String("all") && (value.isEmpty() || isMenuOffset(value, &offset))) {
        CommandOutcome out;
        const QString relatedType = kTypes.value(type).second;
        if (relatedType.isEmpty()) {
            out.wantsModal = true;
            return out;
        }
        out.messages.append(menu(QStringLiteral("nautobot get-vlans %1").arg(type), QStringLiteral("select a %1").arg(type),
                                 choicesOf(relatedType), offset));
        return out;
    }
    const NautobotCollection *vlans = m_store.collection(kVlan);
    const auto filter = type == QLatin1String("all") ? NautobotCollection::Filter() : vlans->filters.value(kTypes.value(type).first);
    QVector<QStringList> rows;
    for (const NautobotObject &v : vlans->rows) {
        if (filter && !filter(v, value))
            continue;
        const NautobotObject *group = m_store.related(v, QStringLiteral("vlan_group"));
        rows.append({QString::number(v.fields.value(QLatin1String("vid")).toInt()), m_store.displayOf(kVlan, v),
                     m_store.relatedDisplay(v, QStringLiteral("status")), m_store.relatedDisplay(v, QStringLiteral("vlan_group")),
                     group ? m_store.relatedDisplay(*group, QStringLiteral("location")) : QString()});
    }
    CommandOutcome out;
    out.logged = true;
    out.status = QStringLiteral("succeeded");
    out.params = params;
    if (rows.isEmpty()) {
        out.details = QStringLiteral("No VLANs found");
        out.messages.append(textMessage(QStringLiteral("No VLANs found matching %1 %2").arg(type, value)));
        return out;
    }
    out.messages.append(resultMessage(ctx, QStringLiteral("filtered list of VLANs"), c,
                                      tableText({QStringLiteral("ID"), QStringLiteral("Name"), QStringLiteral("Status"),
                                                 QStringLiteral("Group"), QStringLiteral("Location")},
                                                rows)));
    return out;
}

CommandOutcome NautobotCommandRunner::getCircuits(const ParsedCommand &c, const ChatOpsContext &ctx)
{
    const QString type = c.params.value(0);
    const QString value = c.params.value(1);
    const QJsonArray params = paramPairs({QStringLiteral("filter_type"), QStringLiteral("filter_value")}, c.params);
    static const QMap<QString, QPair<QString, QString>> kTypes{
        {QStringLiteral("provider"), {QStringLiteral("provider"), kProvider}},
        {QStringLiteral("location"), {QStringLiteral("location"), kLocation}},
        {QStringLiteral("type"), {QStringLiteral("circuit_type"), kCircuitType}},
        {QStringLiteral("all"), {QString(), QString()}}};
    int offset = 0;
    if (type.isEmpty() || isMenuOffset(type, &offset)) {
        QVector<QPair<QString, QString>> choices;
        for (auto it = kTypes.constBegin(); it != kTypes.constEnd(); ++it)
            choices.append({it.key(), it.key()});
        CommandOutcome out;
        out.messages.append(menu(QStringLiteral("nautobot get-circuits"), QStringLiteral("select a filter"), choices, offset));
        return out;
    }
    if (!kTypes.contains(type))
        return failed(QStringLiteral("I don't know how to filter by %1").arg(type), QStringLiteral("Unknown filter type"), params);
    if (type != QLatin1String("all") && (value.isEmpty() || isMenuOffset(value, &offset))) {
        CommandOutcome out;
        out.messages.append(menu(QStringLiteral("nautobot get-circuits %1").arg(type), QStringLiteral("select a %1").arg(type),
                                 choicesOf(kTypes.value(type).second), offset));
        return out;
    }
    const NautobotCollection *circuits = m_store.collection(kCircuit);
    const auto filter = type == QLatin1String("all") ? NautobotCollection::Filter() : circuits->filters.value(kTypes.value(type).first);
    QVector<QStringList> rows;
    for (const NautobotObject &o : circuits->rows) {
        if (filter && !filter(o, value))
            continue;
        rows.append({m_store.displayOf(kCircuit, o), m_store.relatedDisplay(o, QStringLiteral("provider")),
                     m_store.relatedDisplay(o, QStringLiteral("circuit_type")), m_store.relatedDisplay(o, QStringLiteral("status")),
                     m_store.relatedDisplay(o, QStringLiteral("_location"))});
    }
    CommandOutcome out;
    out.logged = true;
    out.status = QStringLiteral("succeeded");
    out.params = params;
    if (rows.isEmpty()) {
        out.details = QStringLiteral("No circuits found");
        out.messages.append(textMessage(QStringLiteral("No circuits found matching %1 %2").arg(type, value)));
        return out;
    }
    out.messages.append(resultMessage(ctx, QStringLiteral("filtered list of circuits"), c,
                                      tableText({QStringLiteral("Circuit ID"), QStringLiteral("Provider"), QStringLiteral("Type"),
                                                 QStringLiteral("Status"), QStringLiteral("Location")},
                                                rows)));
    return out;
}

CommandOutcome NautobotCommandRunner::getCircuitProviders(const ParsedCommand &c, const ChatOpsContext &ctx)
{
    QVector<QStringList> rows;
    const NautobotCollection *circuits = m_store.collection(kCircuit);
    for (const NautobotObject &p : m_store.collection(kProvider)->rows) {
        int count = 0;
        for (const NautobotObject &o : circuits->rows) {
            if (const NautobotObject *provider = m_store.related(o, QStringLiteral("provider")); provider && provider->id == p.id)
                ++count;
        }
        rows.append({m_store.displayOf(kProvider, p), QString::number(p.fields.value(QLatin1String("asn")).toInt()),
                     p.fields.value(QLatin1String("account")).toString(), QString::number(count)});
    }
    CommandOutcome out;
    out.logged = true;
    out.status = QStringLiteral("succeeded");
    out.messages.append(resultMessage(ctx, QStringLiteral("list of circuit providers"), c,
                                      tableText({QStringLiteral("Name"), QStringLiteral("ASN"), QStringLiteral("Account"),
                                                 QStringLiteral("Circuits")},
                                                rows)));
    return out;
}

CommandOutcome NautobotCommandRunner::getManufacturerSummary(const ParsedCommand &c, const ChatOpsContext &ctx)
{
    QVector<QStringList> rows;
    const auto byMaker = m_store.collection(kDevice)->filters.value(QStringLiteral("manufacturer"));
    for (const NautobotObject &m : m_store.collection(kManufacturer)->rows) {
        int count = 0;
        for (const NautobotObject &d : m_store.collection(kDevice)->rows)
            count += byMaker(d, m.id) ? 1 : 0;
        rows.append({m_store.displayOf(kManufacturer, m), QString::number(count)});
    }
    CommandOutcome out;
    out.logged = true;
    out.status = QStringLiteral("succeeded");
    out.messages.append(resultMessage(ctx, QStringLiteral("manufacturer summary"), c,
                                      tableText({QStringLiteral("Manufacturer"), QStringLiteral("Quantity of Devices")}, rows)));
    return out;
}

CommandOutcome NautobotCommandRunner::deviceCommand(const ParsedCommand &c, const ChatOpsContext &ctx)
{
    const QString key = c.params.value(0);
    int offset = 0;
    if (key.isEmpty() || isMenuOffset(key, &offset)) {
        CommandOutcome out;
        out.messages.append(menu(QStringLiteral("nautobot %1").arg(c.subcommand), QStringLiteral("select a device"),
                                 deviceChoices(), offset));
        return out;
    }
    const QJsonArray params = paramPairs({QStringLiteral("device_key")}, c.params);
    // The real worker takes a UUID; the simulator also accepts a name, as its sample envelopes use names.
    const NautobotObject *d = m_store.findByKey(kDevice, key);
    if (!d)
        return failed(QStringLiteral("Device %1 not found").arg(key), QStringLiteral("Device not found"), params);
    CommandOutcome out;
    out.logged = true;
    out.status = QStringLiteral("succeeded");
    out.params = params;
    if (c.subcommand == QLatin1String("get-device-status")) {
        out.messages.append(textMessage(QStringLiteral("Device %1 is %2")
                                            .arg(m_store.displayOf(kDevice, *d), m_store.relatedDisplay(*d, QStringLiteral("status")))));
        return out;
    }
    const NautobotObject *type = m_store.related(*d, QStringLiteral("device_type"));
    const QStringList facts{
        QStringLiteral("name: %1").arg(m_store.displayOf(kDevice, *d)),
        QStringLiteral("manufacturer: %1").arg(type ? m_store.relatedDisplay(*type, QStringLiteral("manufacturer")) : QString()),
        QStringLiteral("model: %1").arg(m_store.relatedDisplay(*d, QStringLiteral("device_type"))),
        QStringLiteral("role: %1").arg(m_store.relatedDisplay(*d, QStringLiteral("role"))),
        QStringLiteral("platform: null"),
        QStringLiteral("primary_ip: null"),
        QStringLiteral("created: %1").arg(d->fields.value(QLatin1String("created")).toString()),
        QStringLiteral("updated: %1").arg(d->fields.value(QLatin1String("last_updated")).toString()),
        QStringLiteral("pk: %1").arg(d->id)};
    out.messages.append(resultMessage(ctx, QStringLiteral("device facts"), c, facts.join(QLatin1Char('\n'))));
    return out;
}

CommandOutcome NautobotCommandRunner::changeDeviceStatus(const ParsedCommand &c, const ChatOpsContext &ctx)
{
    Q_UNUSED(ctx)
    const QString key = c.params.value(0);
    const QString statusKey = c.params.value(1);
    int offset = 0;
    if (key.isEmpty() || isMenuOffset(key, &offset)) {
        CommandOutcome out;
        out.messages.append(menu(QStringLiteral("nautobot change-device-status"), QStringLiteral("select a device"),
                                 deviceChoices(), offset));
        return out;
    }
    const QJsonArray params = paramPairs({QStringLiteral("device_key"), QStringLiteral("status")}, c.params);
    NautobotObject *d = m_store.findMutable(kDevice, m_store.findByKey(kDevice, key) ? m_store.findByKey(kDevice, key)->id : key);
    if (!d)
        return failed(QStringLiteral("Device %1 not found").arg(key), QStringLiteral("Device not found"), params);
    if (statusKey.isEmpty() || isMenuOffset(statusKey, &offset)) {
        CommandOutcome out;
        out.messages.append(menu(QStringLiteral("nautobot change-device-status %1").arg(d->id),
                                 QStringLiteral("select the new status"), choicesOf(kStatus), offset));
        return out;
    }
    const NautobotObject *status = m_store.findByKey(kStatus, statusKey);
    if (!status)
        return failed(QStringLiteral("Status %1 not found").arg(statusKey), QStringLiteral("Status not found"), params);
    d->fields.insert(QStringLiteral("status"), NautobotStore::ref(kStatus, status->id));
    d->fields.insert(QStringLiteral("last_updated"), isoTimestamp(QDateTime::currentMSecsSinceEpoch()));
    CommandOutcome out;
    out.logged = true;
    out.status = QStringLiteral("succeeded");
    out.params = params;
    out.messages.append(textMessage(QStringLiteral("Device %1 status changed to %2")
                                        .arg(m_store.displayOf(kDevice, *d), m_store.displayOf(kStatus, *status))));
    return out;
}

} // namespace socketscope::sim
