// socketscope-cli check: the doctor's setup checks, headless.
#include "CliConfig.h"
#include "CliOutput.h"
#include "Commands.h"
#include "UnixSignalWatcher.h"
#include "doctor/Doctor.h"
#include "doctor/DoctorContext.h"
#include "doctor/DoctorReport.h"
#include "profile/ProfileStore.h"
#include "secrets/SecretResolver.h"
#include "secrets/SecretStore.h"
#include "util/Json.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>
#include <optional>
#include <unistd.h>

namespace socketscope::cli {

namespace {

bool useColour()
{
    // Colours only for a person at a terminal, and never when NO_COLOR asks otherwise (no-color.org).
    return ::isatty(STDOUT_FILENO) == 1 && !qEnvironmentVariableIsSet("NO_COLOR") &&
           qEnvironmentVariable("TERM") != QLatin1String("dumb");
}

QString statusLabel(CheckStatus status, bool colour)
{
    QString label = QStringLiteral("[%1]").arg(checkStatusName(status).toUpper()).leftJustified(9);
    if (!colour)
        return label;
    const char *code = status == CheckStatus::Pass   ? "32"
                       : status == CheckStatus::Warn ? "33"
                       : status == CheckStatus::Fail ? "31;1"
                                                     : "2";
    return QStringLiteral("\x1b[%1m%2\x1b[0m").arg(QLatin1String(code), label);
}

// One aligned row per check (status, id, title), with detail and fix indented below it.
QString table(const DoctorReport &report, const QStringList &secrets, bool colour)
{
    int idWidth = 2;
    for (const CheckResult &r : report.results)
        idWidth = qMax(idWidth, static_cast<int>(r.id.size()));
    QString text = QStringLiteral("%1 %2 %3\n")
                       .arg(QStringLiteral("STATUS").leftJustified(9), QStringLiteral("ID").leftJustified(idWidth),
                            QStringLiteral("TITLE"));
    for (const CheckResult &r : report.results) {
        text += QStringLiteral("%1 %2 %3\n").arg(statusLabel(r.status, colour), r.id.leftJustified(idWidth), r.title);
        if (!r.detail.isEmpty())
            text += QStringLiteral("          %1\n").arg(DoctorReportFormat::redact(r.detail, secrets));
        if (!r.fix.isEmpty() && (r.status == CheckStatus::Fail || r.status == CheckStatus::Warn))
            text += QStringLiteral("          fix: %1\n").arg(DoctorReportFormat::redact(r.fix, secrets));
    }
    text += QStringLiteral("\n%1 passed, %2 warnings, %3 failed, %4 skipped in %5 ms.")
                .arg(report.count(CheckStatus::Pass))
                .arg(report.count(CheckStatus::Warn))
                .arg(report.count(CheckStatus::Fail))
                .arg(report.count(CheckStatus::Skipped))
                .arg(report.durationMs);
    return text;
}

} // namespace

int runCheck(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks the whole setup: keychain and secrets, the Slack app token (apps.connections.open), the WebSocket\n"
        "through the proxy and Slack's hello (num_connections), the bot token (auth.test) and its scopes, Nautobot\n"
        "(TLS, API version, token), the ChatOps app and version, Celery workers, the ChatOps Slack endpoints, the\n"
        "signing secret, access grants and recent blocked/errored commands. No command is run in Nautobot.\n\n"
        "Configuration: --profile P (secrets from the keychain; SOCKETSCOPE_* variables override them), or\n"
        "without a profile the variables SOCKETSCOPE_SLACK_API_URL, SOCKETSCOPE_NAUTOBOT_URL,\n"
        "SOCKETSCOPE_SLACK_APP_TOKEN, SOCKETSCOPE_SLACK_BOT_TOKEN, SOCKETSCOPE_SLACK_SIGNING_SECRET and\n"
        "SOCKETSCOPE_NAUTOBOT_TOKEN. Checks whose inputs are missing are skipped and say what to set.\n\n"
        "Exit codes: 0 nothing failed (warnings allowed), 5 a check failed, 3 missing configuration (no Slack\n"
        "app token, unknown or invalid profile), 2 usage."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("check"), QStringLiteral("the command"));
    const QCommandLineOption profileOpt(QStringLiteral("profile"), QStringLiteral("Profile to check."),
                                        QStringLiteral("P"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"),
                                     QStringLiteral("Print the report as one JSON object on stdout."));
    const QCommandLineOption reportOpt(QStringLiteral("report"),
                                       QStringLiteral("Also write the report as Markdown to FILE (secrets redacted)."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout"),
                                        QStringLiteral("Seconds each network step may take (default 10)."),
                                        QStringLiteral("SEC"), QStringLiteral("10"));
    parser.addOptions({profileOpt, jsonOpt, reportOpt, timeoutOpt});
    if (!parser.parse(args)) {
        status(QStringLiteral("check: %1").arg(parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(parser.helpText().toUtf8());
        return ExitOk;
    }
    if (parser.positionalArguments().size() > 1) {
        status(QStringLiteral("check: unexpected argument '%1'.").arg(parser.positionalArguments().at(1)));
        return ExitUsage;
    }
    bool ok = false;
    const double timeoutS = parser.value(timeoutOpt).toDouble(&ok);
    if (!ok || timeoutS < 1 || timeoutS > 300) {
        status(QStringLiteral("check: --timeout must be 1..300 seconds."));
        return ExitUsage;
    }

    Result<DoctorContext> built = loadConfiguration(parser.value(profileOpt));
    if (!built) {
        status(QStringLiteral("check: %1").arg(built.error().toString()));
        return ExitConfig;
    }
    DoctorContext context = built.value();
    context.networkTimeoutMs = static_cast<int>(timeoutS * 1000);
    const DoctorSecret &appToken = context.secret(SecretKind::SlackAppToken);
    if (!appToken.present()) {
        const QString why = appToken.problem ? appToken.problem->message : QString();
        status(QStringLiteral("check: no Slack app-level token. %1").arg(why));
        status(QStringLiteral("Fix: set SOCKETSCOPE_SLACK_APP_TOKEN (xapp-…, from the Slack app's Basic Information → "
                              "App-Level Tokens, scope connections:write)%1.")
                   .arg(context.fromProfile() ? QStringLiteral(" or store it in the profile's keychain entry")
                                              : QString()));
        return ExitConfig;
    }
    for (const QString &variable : context.overriddenByEnvironment)
        status(QStringLiteral("Note: %1 overrides the profile's setting.").arg(variable));

    const QStringList secrets = context.secretValues();
    Doctor doctor(context);
    // Each check has its own network timeout; this only catches a check that never ends.
    doctor.setCheckTimeoutMs(context.networkTimeoutMs * 3 + 5000);
    const bool json = parser.isSet(jsonOpt);
    const bool progress = !json && stderrIsTerminal();
    if (progress) {
        QObject::connect(&doctor, &Doctor::checkFinished, &doctor, [](const CheckResult &r) {
            status(QStringLiteral("  %1 %2").arg(checkStatusName(r.status).leftJustified(7), r.id));
        });
    }
    std::optional<DoctorReport> report;
    QObject::connect(&doctor, &Doctor::finished, &doctor, [&report](const DoctorReport &r) {
        report = r;
        QCoreApplication::exit(0);
    });
    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &doctor, [&doctor](int number) {
        status(QStringLiteral("Signal %1: cancelling the checks…").arg(number));
        doctor.cancel();
    });
    if (progress)
        status(QStringLiteral("Running %1 checks…").arg(doctor.checks().size()));
    doctor.start();
    QCoreApplication::exec();
    if (!report) {
        status(QStringLiteral("check: the checks did not finish."));
        return ExitCheckFailed;
    }

    if (json)
        out(QJsonDocument(DoctorReportFormat::toJson(*report, secrets)).toJson(QJsonDocument::Indented).trimmed());
    else
        out(table(*report, secrets, useColour()).toUtf8());
    if (parser.isSet(reportOpt)) {
        QSaveFile file(parser.value(reportOpt));
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(DoctorReportFormat::toMarkdown(*report, secrets).toUtf8()) < 0 || !file.commit()) {
            status(QStringLiteral("check: cannot write the report to %1: %2")
                       .arg(parser.value(reportOpt), file.errorString()));
            return ExitUsage;
        }
    }
    if (report->cancelled)
        return ExitCheckFailed;
    return report->hasFailures() ? ExitCheckFailed : ExitOk;
}

} // namespace socketscope::cli
