#include "answers/NautobotAnswer.h"

#include "nautobot/NautobotClient.h"
#include "util/Json.h"

#include <QJsonArray>
#include <QPointer>

namespace socketscope {

NautobotAnswerRunner::NautobotAnswerRunner(NautobotClient *client, QObject *parent) : QObject(parent), m_client(client) {}

void NautobotAnswerRunner::run(const ChatOpsCommand &command, QObject *context, Callback callback)
{
    auto mapping = NautobotCommandMapper::map(command);
    if (!mapping) {
        callback(mapping.error());
        return;
    }
    run(mapping.value(), context, std::move(callback));
}

void NautobotAnswerRunner::run(const RestMapping &mapping, QObject *context, Callback callback)
{
    next(mapping, {}, false, json::nowUs(), context, std::move(callback));
}

// One call at a time: later calls (derived counts) are few, and order keeps the results aligned.
void NautobotAnswerRunner::next(RestMapping mapping, QVector<QVector<QJsonObject>> results, bool truncated,
                                qint64 startedUs, QObject *context, Callback callback)
{
    QPointer<QObject> guard(context);
    if (results.size() == mapping.calls.size()) {
        auto table = NautobotCommandMapper::tabulate(mapping, results);
        if (!table) {
            callback(table.error());
            return;
        }
        NautobotAnswer answer;
        answer.table = table.value();
        answer.table.truncated = truncated;
        answer.mapping = std::move(mapping);
        answer.latencyUs = json::nowUs() - startedUs;
        callback(answer);
        return;
    }
    const RestCall call = mapping.calls.at(results.size());
    if (call.list) {
        m_client->getAll(call.path, call.query, this,
                         [=](const Result<NautobotList> &list) mutable {
                             if (!guard)
                                 return;
                             if (!list) {
                                 callback(list.error());
                                 return;
                             }
                             results.append(list->results);
                             next(mapping, results, truncated || list->truncated, startedUs, guard, callback);
                         });
    } else {
        m_client->get(call.path, call.query, this, [=](const Result<NautobotReply> &reply) mutable {
            if (!guard)
                return;
            if (!reply) {
                callback(reply.error());
                return;
            }
            results.append(QVector<QJsonObject>{reply->json});
            next(mapping, results, truncated, startedUs, guard, callback);
        });
    }
}

QJsonObject AnswerFormatter::toMessage(const ResultTable &table, const ChatOpsCommand &command, const QString &userId,
                                       const ReplyOptions &options, Style style, const QString &slashPrefix)
{
    QStringList args{command.subcommand};
    for (const QString &p : command.params)
        args.append(p.contains(QLatin1Char(' ')) ? QStringLiteral("'%1'").arg(p) : p);
    const QString greeting = userId.isEmpty() ? QStringLiteral("Here is that %1 you requested").arg(table.title)
                                              : QStringLiteral("Hey <@%1>, here is that %2 you requested").arg(userId, table.title);
    const QString header = QStringLiteral("%1\nShortcut: `%2%3 %4`").arg(greeting, slashPrefix, command.command, args.join(QLatin1Char(' ')));

    QJsonObject message;
    if (table.rows.isEmpty()) {
        message.insert(QStringLiteral("text"), QStringLiteral("No %1 found matching `%2`.").arg(table.title, command.toString()));
        if (style == Style::BlockKit) {
            message.insert(QStringLiteral("blocks"),
                           QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("section")},
                                                  {QStringLiteral("text"), QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                                                                                       {QStringLiteral("text"), message.value(QLatin1String("text"))}}}}});
        }
    } else if (style == Style::PlainText) {
        QString text = header + QStringLiteral("\n```\n") + table.toText() + QStringLiteral("\n```");
        if (text.size() > ReplyComposer::kMaxTextChars)
            text = text.left(ReplyComposer::kMaxTextChars - 20) + QStringLiteral("\n… (truncated)```");
        message.insert(QStringLiteral("text"), text);
    } else {
        auto section = [](const QString &mrkdwn) {
            return QJsonObject{{QStringLiteral("type"), QStringLiteral("section")},
                               {QStringLiteral("text"), QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                                                                    {QStringLiteral("text"), mrkdwn}}}};
        };
        QJsonArray blocks{section(header)};
        // Lines go into code-block sections of at most 3000 characters (the fences count too); at
        // most 50 blocks, with the last one saying how many rows did not fit.
        const QStringList lines = table.toText().split(QLatin1Char('\n'));
        const int budget = ReplyComposer::kMaxSectionTextChars - 8;
        QString chunk;
        int shownLines = 0;
        bool full = false;
        for (const QString &line : lines) {
            const QString clipped = line.left(budget);
            if (!chunk.isEmpty() && chunk.size() + 1 + clipped.size() > budget) {
                if (blocks.size() >= ReplyComposer::kMaxBlocks - 2) {
                    full = true;
                    break;
                }
                blocks.append(section(QStringLiteral("```\n%1\n```").arg(chunk)));
                chunk.clear();
            }
            chunk += (chunk.isEmpty() ? QString() : QStringLiteral("\n")) + clipped;
            ++shownLines;
        }
        if (!chunk.isEmpty())
            blocks.append(section(QStringLiteral("```\n%1\n```").arg(chunk)));
        if (full || table.truncated) {
            const int hidden = static_cast<int>(lines.size()) - shownLines;
            blocks.append(QJsonObject{
                {QStringLiteral("type"), QStringLiteral("context")},
                {QStringLiteral("elements"),
                 QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                                        {QStringLiteral("text"), full ? QStringLiteral("%1 more rows did not fit into one message.").arg(hidden)
                                                                      : QStringLiteral("Nautobot had more rows than SocketScope fetched.")}}}}});
        }
        message.insert(QStringLiteral("text"), greeting); // the notification fallback
        message.insert(QStringLiteral("blocks"), blocks);
    }
    message.insert(QStringLiteral("response_type"), options.visibility == ReplyVisibility::InChannel ? QStringLiteral("in_channel")
                                                                                                     : QStringLiteral("ephemeral"));
    if (options.replaceOriginal)
        message.insert(QStringLiteral("replace_original"), true);
    if (!options.threadTs.isEmpty())
        message.insert(QStringLiteral("thread_ts"), options.threadTs);
    return message;
}

} // namespace socketscope

#include "moc_NautobotAnswer.cpp"
