#pragma once

#include "answers/NautobotCommandMapper.h"
#include "answers/ReplyComposer.h"
#include "answers/ResultTable.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

namespace socketscope {

class NautobotClient;

struct NautobotAnswer
{
    RestMapping mapping;
    ResultTable table;
    qint64 latencyUs = 0; // all calls together
};

// "Answer from Nautobot": maps a /nautobot command to REST, runs the calls with the operator's
// token (NautobotClient, following pagination), and tabulates the results the way ChatOps shows them.
class NautobotAnswerRunner : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<NautobotAnswer> &)>;

    // client must outlive this runner.
    explicit NautobotAnswerRunner(NautobotClient *client, QObject *parent = nullptr);

    void run(const ChatOpsCommand &command, QObject *context, Callback callback);
    void run(const RestMapping &mapping, QObject *context, Callback callback);

private:
    void next(RestMapping mapping, QVector<QVector<QJsonObject>> results, bool truncated, qint64 startedUs,
              QObject *context, Callback callback);

    NautobotClient *m_client;
};

// A table as a Slack reply for the composer, shaped like ChatOps' own answers ("Hey <@U…>, here is
// that … you requested" + "Shortcut: `/nautobot …`" + the table in a code block), split into
// sections so every block stays within Slack's limits.
class AnswerFormatter
{
public:
    enum class Style { BlockKit, PlainText };
    static QJsonObject toMessage(const ResultTable &table, const ChatOpsCommand &command, const QString &userId,
                                 const ReplyOptions &options = {}, Style style = Style::BlockKit,
                                 const QString &slashPrefix = QStringLiteral("/"));
};

} // namespace socketscope
