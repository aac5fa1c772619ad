#include "doctor/DoctorReport.h"

#include "capture/Redactor.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>

namespace socketscope {

int DoctorReport::count(CheckStatus status) const
{
    return static_cast<int>(
        std::count_if(results.cbegin(), results.cend(), [status](const CheckResult &r) { return r.status == status; }));
}

CheckStatus DoctorReport::overall() const
{
    if (count(CheckStatus::Fail) > 0)
        return CheckStatus::Fail;
    if (count(CheckStatus::Warn) > 0)
        return CheckStatus::Warn;
    if (count(CheckStatus::Pass) > 0)
        return CheckStatus::Pass;
    return CheckStatus::Skipped;
}

const CheckResult *DoctorReport::find(const QString &id) const
{
    for (const CheckResult &r : results) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

namespace DoctorReportFormat {

QString redact(const QString &text, const QStringList &secretValues)
{
    QString out = text;
    for (const QString &secret : secretValues) {
        if (secret.size() >= 4) // a 1–3 character "secret" would shred the text and protects nothing
            out.replace(secret, Redactor::marker());
    }
    // Tokens, response URLs and Authorization values of any origin.
    static const QRegularExpression patterns(
        QStringLiteral("(xox[abpcdesr]-[A-Za-z0-9-]+|xoxe\\.[A-Za-z0-9.-]+|xapp-[A-Za-z0-9-]+"
                       "|https?://hooks\\.slack(-gov)?\\.com/\\S+"
                       "|(?i:(?:bearer|token)\\s+)[A-Za-z0-9.-]{16,})"));
    out.replace(patterns, Redactor::marker());
    return Redactor::redactText(out);
}

namespace {

QString cell(const QString &text, const QStringList &secrets)
{
    // Table cells: no line breaks and no unescaped pipes.
    QString out = redact(text, secrets);
    out.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    out.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return out;
}

QString badge(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return QStringLiteral("✅ pass");
    case CheckStatus::Warn:
        return QStringLiteral("⚠️ warn");
    case CheckStatus::Fail:
        return QStringLiteral("❌ fail");
    case CheckStatus::Skipped:
        return QStringLiteral("⏭️ skipped");
    }
    return QString();
}

} // namespace

QString toMarkdown(const DoctorReport &report, const QStringList &secretValues)
{
    QString md;
    md += QStringLiteral("# SocketScope doctor report\n\n");
    md += QStringLiteral("- Configuration: %1\n")
              .arg(report.profileName.isEmpty()
                       ? QStringLiteral("environment variables")
                       : QStringLiteral("profile \"%1\"").arg(cell(report.profileName, secretValues)));
    if (report.startedAt.isValid())
        md += QStringLiteral("- Started: %1\n").arg(report.startedAt.toUTC().toString(Qt::ISODate));
    md += QStringLiteral("- Duration: %1 ms\n").arg(report.durationMs);
    md += QStringLiteral("- Result: **%1** — %2 passed, %3 warnings, %4 failed, %5 skipped%6\n\n")
              .arg(checkStatusName(report.overall()))
              .arg(report.count(CheckStatus::Pass))
              .arg(report.count(CheckStatus::Warn))
              .arg(report.count(CheckStatus::Fail))
              .arg(report.count(CheckStatus::Skipped))
              .arg(report.cancelled ? QStringLiteral(" (cancelled)") : QString());
    md += QStringLiteral("| Status | Check | Detail | Time |\n|---|---|---|---|\n");
    for (const CheckResult &r : report.results) {
        md += QStringLiteral("| %1 | %2 (`%3`) | %4 | %5 ms |\n")
                  .arg(badge(r.status), cell(r.title, secretValues), r.id, cell(r.detail, secretValues))
                  .arg(r.durationMs);
    }
    bool anyFix = false;
    for (const CheckResult &r : report.results) {
        if (r.fix.isEmpty() || (r.status != CheckStatus::Fail && r.status != CheckStatus::Warn))
            continue;
        if (!anyFix) {
            md += QStringLiteral("\n## How to fix\n\n");
            anyFix = true;
        }
        md += QStringLiteral("- **%1** (`%2`, %3): %4\n")
                  .arg(cell(r.title, secretValues), r.id, checkStatusName(r.status), cell(r.fix, secretValues));
    }
    return md;
}

QJsonObject toJson(const DoctorReport &report, const QStringList &secretValues)
{
    QJsonArray checks;
    for (const CheckResult &r : report.results) {
        checks.append(QJsonObject{{QStringLiteral("id"), r.id},
                                  {QStringLiteral("title"), redact(r.title, secretValues)},
                                  {QStringLiteral("status"), checkStatusName(r.status)},
                                  {QStringLiteral("detail"), redact(r.detail, secretValues)},
                                  {QStringLiteral("fix"), redact(r.fix, secretValues)},
                                  {QStringLiteral("duration_ms"), static_cast<double>(r.durationMs)},
                                  {QStringLiteral("depends_on"), QJsonArray::fromStringList(r.dependsOn)}});
    }
    return QJsonObject{
        {QStringLiteral("profile"), report.profileName.isEmpty() ? QJsonValue() : QJsonValue(report.profileName)},
        {QStringLiteral("started_at"), report.startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("duration_ms"), static_cast<double>(report.durationMs)},
        {QStringLiteral("cancelled"), report.cancelled},
        {QStringLiteral("overall"), checkStatusName(report.overall())},
        {QStringLiteral("summary"), QJsonObject{{QStringLiteral("pass"), report.count(CheckStatus::Pass)},
                                                {QStringLiteral("warn"), report.count(CheckStatus::Warn)},
                                                {QStringLiteral("fail"), report.count(CheckStatus::Fail)},
                                                {QStringLiteral("skipped"), report.count(CheckStatus::Skipped)}}},
        {QStringLiteral("checks"), checks},
    };
}

} // namespace DoctorReportFormat

} // namespace socketscope
