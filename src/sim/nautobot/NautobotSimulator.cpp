#include "NautobotSimulator.h"

#include "HttpServer.h"
#include "NautobotCommandRunner.h"
#include "NautobotInventory.h"
#include "NautobotRestApi.h"
#include "NautobotSlackViews.h"
#include "NautobotStore.h"
#include "util/Json.h"
#include "util/Logging.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

namespace socketscope::sim {

namespace {

QString randomHex(int length)
{
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char("0123456789abcdef"[QRandomGenerator::system()->bounded(16)]));
    return out;
}

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost") || host == QLatin1String("::1");
}

QString runtimeText(qint64 us)
{
    const qint64 seconds = us / 1000000;
    return QStringLiteral("%1:%2:%3.%4")
        .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'))
        .arg(us % 1000000, 6, 10, QLatin1Char('0'));
}

constexpr int kReplyLimit = 10000; // bounded memory for long demo runs

} // namespace

class NautobotSimulator::Private
{
public:
    Private(NautobotSimulator *q, NautobotSimConfig cfg)
        : q(q), config(std::move(cfg)), runner(store, config), rest(store, config),
          views(config, runner,
                NautobotSlackViews::Hooks{[this](const ChatOpsJob &job) { enqueue(job); },
                                          [this](const QJsonObject &m, const ChatOpsContext &c) { post(m, c); },
                                          [this](const ChatOpsJob &job, const QString &details) {
                                              logCommand(job, QStringLiteral("blocked"), details, {}, 0);
                                          }}),
          nam(new QNetworkAccessManager(q))
    {
        if (config.token.isEmpty())
            config.token = randomHex(40);
        if (config.readOnlyToken.isEmpty())
            config.readOnlyToken = randomHex(40);
        if (config.signingSecret.isEmpty())
            config.signingSecret = randomHex(32).toLatin1();
        NautobotInventory::seed(store, config);
    }

    void enqueue(const ChatOpsJob &job);
    void runJob(const ChatOpsJob &job);
    void post(const QJsonObject &message, const ChatOpsContext &context);
    void record(ChatOpsReply reply);
    void logCommand(const ChatOpsJob &job, const QString &status, const QString &details, const QJsonArray &params,
                    qint64 runtimeUs);

    NautobotSimulator *q;
    NautobotSimConfig config;
    NautobotStore store;
    NautobotCommandRunner runner;
    NautobotRestApi rest;
    NautobotSlackViews views;
    QNetworkAccessManager *nam;
    HttpServer *ownServer = nullptr;
    HttpServer *server = nullptr;
    QVector<ChatOpsReply> replies;
    int replyBase = 0; // replies dropped from the front to stay bounded
    int enqueuedWithoutWorker = 0;
};

void NautobotSimulator::Private::enqueue(const ChatOpsJob &job)
{
    if (config.celeryWorkers <= 0) {
        // celery_worker_task.delay() succeeds against Redis, but nobody consumes the queue.
        ++enqueuedWithoutWorker;
        qCInfo(lcSim) << "nautobot: command enqueued, but no Celery worker is running";
        return;
    }
    QTimer::singleShot(0, q, [this, job] { runJob(job); });
}

void NautobotSimulator::Private::runJob(const ChatOpsJob &job)
{
    QElapsedTimer timer;
    timer.start();
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    const CommandOutcome outcome = runner.run(job.command, job.context);
    if (outcome.logged) {
        logCommand(job, outcome.status, outcome.details, outcome.params, timer.nsecsElapsed() / 1000);
        Q_UNUSED(startMs)
    }
    if (outcome.wantsModal) {
        ChatOpsReply reply;
        reply.via = QStringLiteral("views.open");
        reply.channelId = job.context.channelId;
        reply.userId = job.context.userId;
        reply.message = QJsonObject{{QStringLiteral("callback_id"),
                                     QStringLiteral("%1 %2").arg(job.command.command, job.command.subcommand)}};
        record(reply);
    }
    for (const QJsonObject &message : outcome.messages)
        post(message, job.context);
}

void NautobotSimulator::Private::logCommand(const ChatOpsJob &job, const QString &status, const QString &details,
                                            const QJsonArray &params, qint64 runtimeUs)
{
    using namespace NautobotInventory;
    // The Nautobot user: the account link for this Slack user, else the fallback user.
    QString userId;
    for (const NautobotObject &link : store.collection(kAccountLink)->rows) {
        if (link.fields.value(QLatin1String("user_id")).toString() == job.context.userId) {
            if (const NautobotObject *owner = store.related(link, QStringLiteral("nautobot_user")))
                userId = owner->id;
        }
    }
    if (userId.isEmpty()) {
        if (const NautobotObject *fallback = store.findByKey(kUser, config.fallbackChatOpsUser))
            userId = fallback->id;
    }
    const QString id = store.add(
        kCommandLog, QString(),
        {{QStringLiteral("start_time"), isoTimestamp(QDateTime::currentMSecsSinceEpoch() - runtimeUs / 1000)},
         {QStringLiteral("runtime"), runtimeText(runtimeUs)},
         {QStringLiteral("user_name"), job.context.userName},
         {QStringLiteral("user_id"), job.context.userId},
         {QStringLiteral("platform"), QStringLiteral("Slack")},
         {QStringLiteral("platform_color"), QStringLiteral("4A154B")},
         {QStringLiteral("command"), job.command.command},
         {QStringLiteral("subcommand"), job.command.subcommand},
         {QStringLiteral("params"), params},
         {QStringLiteral("status"), status},
         {QStringLiteral("details"), details.left(255)},
         {QStringLiteral("nautobot_user"), userId.isEmpty() ? QJsonValue() : QJsonValue(NautobotStore::ref(kUser, userId))}});
    const QJsonObject row = store.render(kCommandLog, *store.find(kCommandLog, id), 0, q->baseUrl().toString().chopped(1));
    qCInfo(lcSim).noquote() << "nautobot: command log" << job.command.command << job.command.subcommand << status;
    Q_EMIT q->commandLogged(row);
}

void NautobotSimulator::Private::record(ChatOpsReply reply)
{
    if (replies.size() >= kReplyLimit) {
        replies.removeFirst();
        ++replyBase;
    }
    replies.append(std::move(reply));
    Q_EMIT q->replyRecorded(replies.size() - 1);
}

void NautobotSimulator::Private::post(const QJsonObject &message, const ChatOpsContext &context)
{
    ChatOpsReply reply;
    reply.channelId = context.channelId;
    reply.userId = context.userId;
    reply.threadTs = context.threadTs;
    reply.message = message;
    if (context.responseUrl.isEmpty()) {
        // The worker would call chat.postMessage with the bot token; the Slack simulator has no
        // chat.postMessage, so the message is only recorded.
        reply.via = QStringLiteral("chat.postMessage");
        record(reply);
        return;
    }
    const QUrl url(context.responseUrl);
    reply.via = QStringLiteral("response_url");
    reply.targetPath = url.path();
    if (!isLoopback(url)) {
        // A real captured payload points at hooks.slack.com: a simulator never posts there.
        qCInfo(lcSim) << "nautobot: reply not posted, the response_url is not on 127.0.0.1";
        record(reply);
        return;
    }
    record(reply);
    const int index = replyBase + replies.size() - 1;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(10000);
    QNetworkReply *networkReply = nam->post(request, json::compact(message));
    QObject::connect(networkReply, &QNetworkReply::finished, q, [this, networkReply, index] {
        networkReply->deleteLater();
        const int local = index - replyBase;
        if (local >= 0 && local < replies.size()) {
            replies[local].httpStatus = networkReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            Q_EMIT q->replyRecorded(local);
        }
    });
}

NautobotSimulator::NautobotSimulator(NautobotSimConfig config, QObject *parent)
    : QObject(parent), d(new Private(this, std::move(config)))
{
}

NautobotSimulator::~NautobotSimulator()
{
    delete d;
}

void NautobotSimulator::registerOn(HttpServer &server)
{
    d->server = &server;
    d->rest.registerOn(server);
    d->views.registerOn(server);
}

Result<void> NautobotSimulator::listen(quint16 port)
{
    if (!d->ownServer) {
        d->ownServer = new HttpServer(this);
        registerOn(*d->ownServer);
    }
    if (auto result = d->ownServer->listen(QHostAddress(QHostAddress::LocalHost), port); !result)
        return result;
    qCInfo(lcSim) << "Nautobot simulator on http://127.0.0.1:" << d->ownServer->port();
    return {};
}

QUrl NautobotSimulator::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(d->server ? d->server->port() : 0));
}

const NautobotSimConfig &NautobotSimulator::config() const
{
    return d->config;
}

void NautobotSimulator::setCeleryWorkers(int count)
{
    d->config.celeryWorkers = qMax(0, count);
}

void NautobotSimulator::setChatOpsInstalled(bool installed)
{
    d->config.chatOpsInstalled = installed;
}

void NautobotSimulator::setChatOpsVersion(const QString &version)
{
    d->config.chatOpsVersion = version;
}

void NautobotSimulator::setSlackEnabled(bool enabled)
{
    d->config.enableSlack = enabled;
}

void NautobotSimulator::setSigningSecret(const QByteArray &secret)
{
    d->config.signingSecret = secret;
}

void NautobotSimulator::setPermissiveGrants(bool permissive)
{
    d->config.permissiveGrants = permissive;
    if (permissive)
        NautobotInventory::addPermissiveGrants(d->store);
    else
        d->store.removeIf(NautobotInventory::kAccessGrant, [](const NautobotObject &) { return true; });
}

void NautobotSimulator::setProblemCommandLog(bool present)
{
    if (present == d->config.problemCommandLog)
        return;
    d->config.problemCommandLog = present;
    if (present) {
        NautobotInventory::addProblemCommandLogRows(d->store);
    } else {
        d->store.removeIf(NautobotInventory::kCommandLog, [](const NautobotObject &o) {
            const QString status = o.fields.value(QLatin1String("status")).toString();
            return status == QLatin1String("blocked") || status == QLatin1String("errored");
        });
    }
}

void NautobotSimulator::setTokenExpired(bool expired)
{
    d->config.tokenExpired = expired;
}

void NautobotSimulator::setChatOpsDelayMs(int ms)
{
    d->config.chatOpsDelayMs = qBound(0, ms, 600000);
}

void NautobotSimulator::setChatOpsNeverAnswers(bool never)
{
    d->config.chatOpsNeverAnswers = never;
}

void NautobotSimulator::setRestApiHtml(bool html)
{
    d->config.restApiHtml = html;
}

void NautobotSimulator::addAccessGrant(const QString &command, const QString &subcommand, const QString &grantType,
                                       const QString &value)
{
    d->store.add(NautobotInventory::kAccessGrant, QString(),
                 {{QStringLiteral("command"), command},
                  {QStringLiteral("subcommand"), subcommand},
                  {QStringLiteral("grant_type"), grantType},
                  {QStringLiteral("name"), QStringLiteral("%1 %2").arg(grantType, value)},
                  {QStringLiteral("value"), value}});
}

QVector<QJsonObject> NautobotSimulator::commandLog() const
{
    QVector<QJsonObject> out;
    const QString origin = baseUrl().toString().chopped(1);
    for (const NautobotObject &row : d->store.collection(NautobotInventory::kCommandLog)->rows)
        out.append(d->store.render(NautobotInventory::kCommandLog, row, 0, origin));
    return out;
}

QVector<ChatOpsReply> NautobotSimulator::replies() const
{
    return d->replies;
}

int NautobotSimulator::enqueuedWithoutWorker() const
{
    return d->enqueuedWithoutWorker;
}

QHash<QString, int> NautobotSimulator::signatureErrors() const
{
    return d->views.signatureErrors();
}

int NautobotSimulator::deviceCount() const
{
    return d->store.collection(NautobotInventory::kDevice)->rows.size();
}

int NautobotSimulator::slackRequests() const
{
    return d->views.requestsHandled();
}

} // namespace socketscope::sim
