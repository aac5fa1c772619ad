#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace socketscope {

struct DoctorContext;

enum class CheckStatus { Pass, Warn, Fail, Skipped };
QString checkStatusName(CheckStatus status); // "pass" | "warn" | "fail" | "skipped"

// What one check concluded. Never contains a secret value: details name sources, not values.
struct CheckOutcome
{
    CheckStatus status = CheckStatus::Skipped;
    QString detail; // what was found
    QString fix;    // for warn/fail: the exact Slack/Nautobot setting to change; empty otherwise
};

// One finished check as the report and a GUI list show it.
struct CheckResult
{
    QString id;
    QString title;
    CheckStatus status = CheckStatus::Skipped;
    QString detail;
    QString fix;
    qint64 durationMs = 0;
    QStringList dependsOn;
};

// Facts a check learns that later checks build on (the runner orders them through dependsOn /
// runsAfter, so a reader always sees the writer's final value). Holds no secret.
struct DoctorFacts
{
    QUrl socketUrl; // apps.connections.open's answer; single use, consumed by the WebSocket check
    QString teamId; // auth.test with the bot token
    QString teamName;
    QString botUserId;
    bool botScopesKnown = false;
    QStringList botScopes;      // x-oauth-scopes of auth.test
    QByteArray apiVersion;      // Nautobot's API-Version header
    QJsonObject nautobotStatus; // GET api/status/
};

// One setup check: an id, a title, the checks it needs (dependsOn: skipped unless they passed or
// warned) or merely waits for (runsAfter: to read their facts when there are any), and an
// asynchronous run. Network objects of a run are children of scope(), which is deleted when the run
// ends or is cancelled, so a late answer can never reach a finished check.
class DoctorCheck : public QObject
{
    Q_OBJECT
public:
    struct Spec
    {
        QString id;
        QString title;
        QStringList dependsOn;
        QStringList runsAfter;
    };

    explicit DoctorCheck(Spec spec, QObject *parent = nullptr);
    ~DoctorCheck() override;

    const QString &id() const { return m_spec.id; }
    const QString &title() const { return m_spec.title; }
    const QStringList &dependsOn() const { return m_spec.dependsOn; }
    const QStringList &runsAfter() const { return m_spec.runsAfter; }
    bool isRunning() const { return m_running; }

    // Starts one run; finished() follows exactly once, never from inside start().
    // context and facts must outlive the run (the Doctor owns both).
    void start(const DoctorContext &context, DoctorFacts &facts);
    // Ends a running check without finished(); its network work is dropped.
    void cancel();

Q_SIGNALS:
    void finished(const socketscope::CheckOutcome &outcome);

protected:
    virtual void run() = 0;

    const DoctorContext &context() const { return *m_context; }
    DoctorFacts &facts() { return *m_facts; }
    QObject *scope() const { return m_scope; }

    void pass(const QString &detail) { finish({CheckStatus::Pass, detail, QString()}); }
    void warn(const QString &detail, const QString &fix) { finish({CheckStatus::Warn, detail, fix}); }
    void fail(const QString &detail, const QString &fix) { finish({CheckStatus::Fail, detail, fix}); }
    void skip(const QString &detail) { finish({CheckStatus::Skipped, detail, QString()}); }
    // Only the first call of a run counts.
    void finish(const CheckOutcome &outcome);

private:
    void endRun();

    Spec m_spec;
    const DoctorContext *m_context = nullptr;
    DoctorFacts *m_facts = nullptr;
    QPointer<QObject> m_scope;
    bool m_running = false;
    quint64 m_runSerial = 0;
};

} // namespace socketscope

Q_DECLARE_METATYPE(socketscope::CheckOutcome)
Q_DECLARE_METATYPE(socketscope::CheckResult)
