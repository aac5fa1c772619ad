#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace socketscope {

// Where the operator's replays, answers and REST calls go, and the secrets they need. Held in memory
// only while a dialog is open; never shown, logged or written anywhere.
struct OperatorEndpoints
{
    QUrl nautobotUrl;          // Nautobot root
    QString nautobotToken;
    QByteArray signingSecret;  // ChatOps' Slack signing secret
    QUrl slackApiUrl{QStringLiteral("https://slack.com/api/")};
    QString botToken;          // xoxb-…
    QString slashPrefix = QStringLiteral("/");
    QString origin;            // where these came from, safe to show ("demo simulator", "profile prod", …)
};

} // namespace socketscope

Q_DECLARE_METATYPE(socketscope::OperatorEndpoints)
