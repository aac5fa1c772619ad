// socketscope-cli replay --capture FILE --envelope ENVELOPE_ID [--yes] [--json] [--text NEW_TEXT] [--profile P]
#include "CliOutput.h"
#include "Commands.h"

#include "capture/CaptureStore.h"
#include "capture/Redactor.h"
#include "nautobot/NautobotClient.h"
#include "nautobot/Replay.h"
#include "profile/ProfileStore.h"
#include "secrets/SecretResolver.h"
#include "secrets/SecretStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>

#include <memory>

#include <unistd.h>

namespace socketscope::cli {

namespace {

const char kUsage[] =
    "Usage: socketscope-cli replay --capture FILE --envelope ENVELOPE_ID [--yes] [--json] [--text NEW_TEXT]\n"
    "                              [--profile P] [--timeout SEC]\n"
    "Re-delivers one captured envelope, signed, to Nautobot ChatOps' HTTP endpoint, as Slack would have\n"
    "POSTed it. This REALLY runs the command: Nautobot posts its answer to the channel or user.\n"
    "Prints the request (secrets masked) and asks to type \"yes\" unless --yes; without a terminal it\n"
    "refuses unless --yes. --text replaces a slash command's text (the request is re-signed).\n"
    "Nautobot URL: SOCKETSCOPE_NAUTOBOT_URL or the profile's; signing secret: SOCKETSCOPE_SLACK_SIGNING_SECRET\n"
    "or the profile's keychain entry.\n"
    "Exit: 0 accepted, 2 usage or not confirmed, 3 configuration (secret, URL, capture, envelope),\n"
    "4 network failure or timeout, 5 Nautobot refused it (401, 404, 5xx, …).";

// Exit codes specific to replay; 5 shares its number with "check found failures".
constexpr int ExitRefused = 5;

QJsonObject errorObject(const Error &error)
{
    return QJsonObject{{QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.message},
                       {QStringLiteral("fix"), error.fix}};
}

// One run of the command: each step hands over to the next through callbacks, so the keychain and
// the network never block the event loop.
class ReplayRun : public QObject
{
public:
    bool json = false;
    bool yes = false;
    bool textSet = false;
    QString newText;
    QString profileName;
    int timeoutMs = 10000;
    std::unique_ptr<CaptureStore> store;
    Envelope envelope;
    QUrl nautobotUrl;
    QJsonObject report; // --json output, filled step by step

    void start()
    {
        report.insert(QStringLiteral("envelope_id"), envelope.envelopeId);
        report.insert(QStringLiteral("type"), envelope.type);
        if (profileName.isEmpty()) {
            SecretResolver resolver(nullptr);
            auto secret = resolver.fromEnvironment(SecretKind::SlackSigningSecret);
            if (!secret) {
                fail(ExitConfig, Error{QStringLiteral("missing_signing_secret"),
                                       QStringLiteral("No Slack signing secret: set SOCKETSCOPE_SLACK_SIGNING_SECRET or use "
                                                      "--profile with the secret stored in the keychain."),
                                       QStringLiteral("Copy the Signing Secret from the Slack app (Basic Information → "
                                                      "App Credentials).")});
                return;
            }
            withSecret(secret->value.toUtf8());
            return;
        }
        m_secrets = new SecretStore(this);
        m_resolver = new SecretResolver(m_secrets, this);
        m_resolver->resolve(profileName, SecretKind::SlackSigningSecret, this, [this](Result<ResolvedSecret> secret) {
            if (!secret) {
                fail(ExitConfig, secret.error());
                return;
            }
            if (!json)
                status(QStringLiteral("replay: signing secret from %1").arg(secret->origin));
            withSecret(secret->value.toUtf8());
        });
    }

private:
    void withSecret(const QByteArray &secret)
    {
        m_replayer = new Replayer(nautobotUrl, this);
        m_replayer->setSigningSecret(secret);
        m_replayer->setTimeoutMs(timeoutMs);
        const auto history = store->deliveries(envelope.rowId);
        auto plan = m_replayer->plan(envelope, history ? history.value() : QVector<DeliveryRecord>());
        if (plan && textSet)
            plan = m_replayer->withCommandText(plan.value(), newText, history ? history.value() : QVector<DeliveryRecord>());
        if (!plan) {
            fail(plan.error().code == QLatin1String("not_slash_command") ? ExitUsage : ExitConfig, plan.error());
            return;
        }
        m_plan = plan.value();
        QJsonArray warnings;
        for (const ReplayWarning &w : std::as_const(m_plan.warnings))
            warnings.append(QJsonObject{{QStringLiteral("code"), w.code}, {QStringLiteral("message"), w.message}});
        report.insert(QStringLiteral("url"), m_plan.url.toString());
        report.insert(QStringLiteral("edited"), m_plan.edited);
        report.insert(QStringLiteral("request"), m_plan.displayText(true));
        report.insert(QStringLiteral("warnings"), warnings);
        if (!json) {
            out(m_plan.displayText(true).toUtf8());
            out(QByteArray());
            for (const ReplayWarning &w : std::as_const(m_plan.warnings))
                status(QStringLiteral("warning: %1").arg(w.message));
        }
        confirm();
    }

    void confirm()
    {
        if (yes) {
            send();
            return;
        }
        if (::isatty(STDIN_FILENO) != 1) {
            fail(ExitUsage, Error{QStringLiteral("not_confirmed"),
                                  QStringLiteral("Refusing to replay without confirmation: no terminal to ask on."),
                                  QStringLiteral("Add --yes to replay non-interactively (it really runs the command).")});
            return;
        }
        status(QStringLiteral("Type yes to send this replay to %1 (it really runs the command): ").arg(m_plan.url.toString()));
        m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
        connect(m_stdin, &QSocketNotifier::activated, this, [this] {
            char buffer[256];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n > 0)
                m_typed.append(buffer, static_cast<int>(n));
            if (n > 0 && !m_typed.contains('\n') && m_typed.size() < 1024)
                return;
            m_stdin->setEnabled(false);
            if (m_typed.trimmed() == "yes") {
                send();
                return;
            }
            fail(ExitUsage, Error{QStringLiteral("not_confirmed"), QStringLiteral("Not confirmed; nothing was sent."), {}});
        });
    }

    void send()
    {
        if (!json)
            status(QStringLiteral("replay: sending %1 to %2 …").arg(envelope.envelopeId, m_plan.url.toString()));
        m_replayer->send(m_plan, store.get(), this, [this](const Result<ReplayResult> &result) {
            if (!result) {
                fail(ExitConfig, result.error());
                return;
            }
            const DeliveryOutcome &o = result->outcome;
            const QString body = Redactor::redactText(o.bodyExcerpt);
            report.insert(QStringLiteral("sent"), true);
            report.insert(QStringLiteral("http_status"), o.httpStatus);
            report.insert(QStringLiteral("reason"), QString::fromUtf8(o.reasonPhrase));
            report.insert(QStringLiteral("verdict"), deliveryVerdictName(o.verdict));
            report.insert(QStringLiteral("accepted"), o.accepted());
            report.insert(QStringLiteral("latency_ms"), static_cast<double>(o.latencyUs) / 1000.0);
            report.insert(QStringLiteral("body_excerpt"), body);
            report.insert(QStringLiteral("meaning"), Redactor::redactText(o.meaning));
            report.insert(QStringLiteral("delivery_id"), result->deliveryId);
            if (result->recordError) {
                report.insert(QStringLiteral("record_error"), errorObject(*result->recordError));
                status(QStringLiteral("replay: the replay was sent but not recorded in the capture: %1")
                           .arg(result->recordError->toString()));
            }
            int code = ExitOk;
            if (o.verdict == DeliveryVerdict::Timeout || o.verdict == DeliveryVerdict::NetworkError)
                code = ExitNetwork;
            else if (!o.accepted())
                code = ExitRefused;
            if (!json) {
                out(QStringLiteral("Status: %1%2 in %3 ms")
                        .arg(o.httpStatus == 0 ? QStringLiteral("no answer") : QString::number(o.httpStatus))
                        .arg(o.reasonPhrase.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(QString::fromUtf8(o.reasonPhrase)))
                        .arg(static_cast<double>(o.latencyUs) / 1000.0, 0, 'f', 1)
                        .toUtf8());
                out(QStringLiteral("Body: %1").arg(body.isEmpty() ? QStringLiteral("(empty)") : body).toUtf8());
                out(QStringLiteral("Meaning: %1").arg(Redactor::redactText(o.meaning)).toUtf8());
            }
            finish(code);
        });
    }

    void fail(int code, const Error &error)
    {
        report.insert(QStringLiteral("error"), errorObject(error));
        if (!json)
            status(QStringLiteral("replay: %1").arg(error.toString()));
        finish(code);
    }

    void finish(int code)
    {
        if (json) {
            report.insert(QStringLiteral("exit_code"), code);
            out(QJsonDocument(report).toJson(QJsonDocument::Compact));
        }
        QCoreApplication::exit(code);
    }

    SecretStore *m_secrets = nullptr;
    SecretResolver *m_resolver = nullptr;
    Replayer *m_replayer = nullptr;
    ReplayPlan m_plan;
    QSocketNotifier *m_stdin = nullptr;
    QByteArray m_typed;
};

} // namespace

int runReplay(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption captureOpt(QStringLiteral("capture"), QStringLiteral("Capture file."), QStringLiteral("FILE"));
    const QCommandLineOption envelopeOpt(QStringLiteral("envelope"), QStringLiteral("Envelope id to replay."),
                                         QStringLiteral("ENVELOPE_ID"));
    const QCommandLineOption yesOpt(QStringLiteral("yes"), QStringLiteral("Send without asking."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print one JSON object on stdout."));
    const QCommandLineOption textOpt(QStringLiteral("text"), QStringLiteral("New slash-command text."), QStringLiteral("NEW_TEXT"));
    const QCommandLineOption profileOpt(QStringLiteral("profile"), QStringLiteral("Profile to use."), QStringLiteral("P"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout"), QStringLiteral("Seconds to wait for Nautobot (default 10)."),
                                        QStringLiteral("SEC"), QStringLiteral("10"));
    const QCommandLineOption helpOpt({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show help."));
    parser.addOptions({captureOpt, envelopeOpt, yesOpt, jsonOpt, textOpt, profileOpt, timeoutOpt, helpOpt});
    auto usageError = [](const QString &problem) {
        status(QStringLiteral("socketscope-cli replay: %1").arg(problem));
        status(QString::fromLatin1(kUsage));
        return int(ExitUsage);
    };
    if (!parser.parse(args))
        return usageError(parser.errorText());
    if (parser.isSet(helpOpt)) {
        out(QByteArray(kUsage));
        return ExitOk;
    }
    if (parser.positionalArguments().size() > 1)
        return usageError(QStringLiteral("unexpected argument '%1'.").arg(parser.positionalArguments().at(1)));
    if (parser.value(captureOpt).isEmpty())
        return usageError(QStringLiteral("--capture FILE is required."));
    if (parser.value(envelopeOpt).isEmpty())
        return usageError(QStringLiteral("--envelope ENVELOPE_ID is required."));
    bool timeoutOk = false;
    const double timeoutS = parser.value(timeoutOpt).toDouble(&timeoutOk);
    if (!timeoutOk || timeoutS <= 0 || timeoutS > 600)
        return usageError(QStringLiteral("--timeout needs seconds between 0 and 600."));

    ReplayRun run;
    run.json = parser.isSet(jsonOpt);
    run.yes = parser.isSet(yesOpt);
    run.textSet = parser.isSet(textOpt);
    run.newText = parser.value(textOpt);
    run.profileName = parser.value(profileOpt);
    run.timeoutMs = static_cast<int>(timeoutS * 1000);

    auto configError = [&run](const QString &code, const QString &message, const QString &fix) {
        if (run.json) {
            out(QJsonDocument(QJsonObject{{QStringLiteral("error"), errorObject(Error{code, message, fix})},
                                          {QStringLiteral("exit_code"), int(ExitConfig)}})
                    .toJson(QJsonDocument::Compact));
        } else {
            status(QStringLiteral("replay: %1").arg(Error{code, message, fix}.toString()));
        }
        return int(ExitConfig);
    };

    const QString capturePath = parser.value(captureOpt);
    // Opening a missing file would create an empty capture; say what is wrong instead.
    if (!QFileInfo(capturePath).isFile())
        return configError(QStringLiteral("capture_not_found"), QStringLiteral("No capture file at %1.").arg(capturePath),
                           QStringLiteral("Pass the file given to 'listen --capture'."));
    auto store = CaptureStore::open(capturePath, CaptureStore::Mode::ReadWrite);
    if (!store)
        return configError(store.error().code, QStringLiteral("Cannot open the capture: %1").arg(store.error().message),
                           store.error().fix);
    auto envelope = store.value()->envelopeById(parser.value(envelopeOpt));
    if (!envelope)
        return configError(QStringLiteral("envelope_not_found"),
                           QStringLiteral("Envelope %1 is not in %2.").arg(parser.value(envelopeOpt), capturePath),
                           QStringLiteral("List envelope ids with 'socketscope-cli export --capture FILE'."));
    run.store = std::move(store).value();
    run.envelope = envelope.value();

    // The Nautobot URL: the environment wins, then the profile.
    const QString envUrl = qEnvironmentVariable("SOCKETSCOPE_NAUTOBOT_URL").trimmed();
    if (!envUrl.isEmpty()) {
        auto url = NautobotClient::parseBaseUrl(envUrl);
        if (!url)
            return configError(url.error().code, QStringLiteral("SOCKETSCOPE_NAUTOBOT_URL: %1").arg(url.error().message),
                               url.error().fix);
        run.nautobotUrl = url.value();
    } else if (!run.profileName.isEmpty()) {
        ProfileStore profiles;
        auto profile = profiles.profile(run.profileName);
        if (!profile)
            return configError(profile.error().code, profile.error().message, profile.error().fix);
        run.nautobotUrl = profile->nautobotUrl;
    }
    if (run.nautobotUrl.isEmpty())
        return configError(QStringLiteral("missing_nautobot_url"), QStringLiteral("No Nautobot URL."),
                           QStringLiteral("Set SOCKETSCOPE_NAUTOBOT_URL (the Nautobot root, e.g. https://nautobot.example.com/) "
                                          "or configure it in the profile."));

    QTimer::singleShot(0, &run, [&run] { run.start(); });
    return QCoreApplication::exec();
}

} // namespace socketscope::cli
