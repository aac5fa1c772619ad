#pragma once

#include "doctor/DoctorCheck.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <QVector>

namespace socketscope {

// The outcome of one doctor run, in check order. Holds no secret.
struct DoctorReport
{
    QString profileName; // empty = environment variables
    QDateTime startedAt;
    qint64 durationMs = 0;
    bool cancelled = false;
    QVector<CheckResult> results;

    int count(CheckStatus status) const;
    bool hasFailures() const { return count(CheckStatus::Fail) > 0; }
    // fail > warn > pass; skipped only when nothing else ran.
    CheckStatus overall() const;
    const CheckResult *find(const QString &id) const;
};

// Renders a report for people (Markdown) and machines (JSON). Every string passes through the
// redaction below, so a secret that slipped into a detail (e.g. a server echoing a token) is still
// not shown: known secret values, Slack tokens, hooks.slack.com response URLs and Authorization values.
namespace DoctorReportFormat {

QString redact(const QString &text, const QStringList &secretValues);

QString toMarkdown(const DoctorReport &report, const QStringList &secretValues = {});
// {"profile","started_at","duration_ms","summary":{pass,warn,fail,skipped},"overall","checks":[{id,title,
// status,detail,fix,duration_ms,depends_on}]}
QJsonObject toJson(const DoctorReport &report, const QStringList &secretValues = {});

} // namespace DoctorReportFormat

} // namespace socketscope
