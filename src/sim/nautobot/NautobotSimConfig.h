#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace socketscope::sim {

// How the simulated Nautobot behaves, including one switch per setup check a doctor runs.
// Empty secrets are generated at random when the simulator starts (and never logged).
struct NautobotSimConfig
{
    QString token;            // read-write API token of user "admin" (40 hex)
    QString readOnlyToken;    // token of the same user with write_enabled = false (40 hex)
    QByteArray signingSecret; // ChatOps' slack_signing_secret

    QString nautobotVersion = QStringLiteral("3.1.6");
    QString chatOpsVersion = QStringLiteral("4.1.0");
    QString pythonVersion = QStringLiteral("3.12.8");
    QString djangoVersion = QStringLiteral("5.2.4");
    QStringList apiVersions{QStringLiteral("2.0"), QStringLiteral("2.1"), QStringLiteral("2.2"), QStringLiteral("2.3"),
                            QStringLiteral("2.4"), QStringLiteral("3.0"), QStringLiteral("3.1")};
    QString slashCommandPrefix = QStringLiteral("/");
    QString fallbackChatOpsUser = QStringLiteral("chatbot");
    int devicesPerLocation = 10; // 3 locations → 30 devices; more makes pagination visible
    int pageSize = 50;           // PAGINATE_COUNT
    int maxPageSize = 1000;      // MAX_PAGE_SIZE

    // Failure switches
    int celeryWorkers = 1;           // 0: commands are enqueued and never answered
    bool chatOpsInstalled = true;    // false: 404 on /api/plugins/chatops/…, absent from status
    bool enableSlack = true;         // false: the Slack endpoints answer 404
    bool permissiveGrants = true;    // false: no access grants (deny all, the real default)
    bool problemCommandLog = false;  // true: blocked and errored rows in the command log
    bool tokenExpired = false;       // true: the read-write token answers 403 "Token expired"
    int chatOpsDelayMs = 0;          // every /api/plugins/chatops/ answer this much later
    bool chatOpsNeverAnswers = false; // /api/plugins/chatops/ requests get no answer at all
    bool restApiHtml = false;        // the REST API answers with an HTML login page (SSO proxy)
};

} // namespace socketscope::sim
