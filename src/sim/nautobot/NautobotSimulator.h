#pragma once

#include "NautobotSimConfig.h"
#include "util/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <QVector>

namespace socketscope::sim {

class HttpServer;

// A message the simulated ChatOps sent back towards Slack.
struct ChatOpsReply
{
    QString via;        // response_url | chat.postMessage | views.open
    QString channelId;
    QString userId;
    QString threadTs;
    QJsonObject message;
    QString targetPath; // path of the response_url (kept in memory for tests; never logged)
    int httpStatus = 0; // answer to the response_url POST; 0 = not sent over the network
};

// Nautobot (REST API, status, sample inventory) with the ChatOps app (models and Slack webhook
// views) on 127.0.0.1. Register it on the Slack simulator's HttpServer so one port serves both,
// or let it listen on its own. Permitted commands run in a simulated Celery worker that posts
// its answer to the payload's response_url (only when that points at 127.0.0.1).
class NautobotSimulator : public QObject
{
    Q_OBJECT
public:
    explicit NautobotSimulator(NautobotSimConfig config = {}, QObject *parent = nullptr);
    ~NautobotSimulator() override;

    // Shares a server (e.g. SlackSimulator::httpServer()); call before or after it listens.
    void registerOn(HttpServer &server);
    // Own server on 127.0.0.1 (port 0 = any free port).
    Result<void> listen(quint16 port = 0);
    QUrl baseUrl() const; // http://127.0.0.1:<port>/ (the Nautobot root)
    const NautobotSimConfig &config() const;

    // Failure switches (one per doctor check)
    void setCeleryWorkers(int count);
    void setChatOpsInstalled(bool installed);
    void setChatOpsVersion(const QString &version);
    void setSlackEnabled(bool enabled);
    void setSigningSecret(const QByteArray &secret);
    void setPermissiveGrants(bool permissive);
    void setProblemCommandLog(bool present);
    void setTokenExpired(bool expired);
    void setChatOpsDelayMs(int ms);
    void setChatOpsNeverAnswers(bool never);
    void setRestApiHtml(bool html);
    // Adds one access grant as an administrator would in the UI (e.g. a name typed where an ID belongs).
    void addAccessGrant(const QString &command, const QString &subcommand, const QString &grantType,
                        const QString &value);

    // Observation (tests, demo)
    QVector<QJsonObject> commandLog() const; // rows as the REST API renders them (depth 0)
    QVector<ChatOpsReply> replies() const;
    int enqueuedWithoutWorker() const;       // permitted commands no Celery worker picked up
    QHash<QString, int> signatureErrors() const;
    int deviceCount() const;
    int slackRequests() const;               // requests that reached the Slack views

Q_SIGNALS:
    void commandLogged(const QJsonObject &row);
    void replyRecorded(int index); // index into replies(); httpStatus may still change for response_url posts

private:
    class Private;
    Private *d;
};

} // namespace socketscope::sim
