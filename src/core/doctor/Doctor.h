#pragma once

#include "doctor/DoctorCheck.h"
#include "doctor/DoctorContext.h"
#include "doctor/DoctorReport.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QVector>
#include <memory>
#include <vector>

class QTimer;

namespace socketscope {

// Runs a set of DoctorChecks on the caller's thread without blocking: every check whose
// prerequisites are settled starts at once, so independent checks overlap. A check whose dependsOn
// check failed or was skipped is skipped with a detail naming that check. Each check has a time
// limit; one that does not answer in time fails. Signals report progress per check for a GUI.
//
//   auto doctor = new Doctor(context, this);          // the standard checks
//   connect(doctor, &Doctor::checkStarted, …);  connect(doctor, &Doctor::checkFinished, …);
//   connect(doctor, &Doctor::finished, this, [](const DoctorReport &r) { … toMarkdown(r, …) … });
//   doctor->start();
class Doctor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Doctor)
public:
    struct CheckInfo
    {
        QString id;
        QString title;
        QStringList dependsOn;
    };

    // The standard checks (DoctorChecks::standard()).
    explicit Doctor(DoctorContext context, QObject *parent = nullptr);
    Doctor(DoctorContext context, std::vector<std::unique_ptr<DoctorCheck>> checks, QObject *parent = nullptr);
    ~Doctor() override;

    // In report order, for a GUI to list every check before any result arrives.
    QVector<CheckInfo> checks() const;
    const DoctorContext &context() const { return m_context; }

    void setCheckTimeoutMs(int ms) { m_checkTimeoutMs = ms; }
    int checkTimeoutMs() const { return m_checkTimeoutMs; }

    // Once per Doctor. finished() follows (never from inside start()).
    void start();
    // Cancels running checks (their network work is dropped); the rest are skipped; finished() follows.
    void cancel();
    bool isRunning() const { return m_running; }

    // The results known so far, in check order (unfinished checks are absent).
    DoctorReport report() const;

Q_SIGNALS:
    void checkStarted(const QString &id);
    void checkFinished(const socketscope::CheckResult &result);
    void finished(const socketscope::DoctorReport &report);

private:
    struct Slot
    {
        DoctorCheck *check = nullptr;
        bool started = false;
        bool done = false;
        CheckResult result;
        QElapsedTimer clock;
        QTimer *deadline = nullptr;
    };

    void adopt(std::vector<std::unique_ptr<DoctorCheck>> checks);
    void schedule();
    void complete(int index, const CheckOutcome &outcome);
    void finishRun();
    int indexOf(const QString &id) const;

    DoctorContext m_context;
    DoctorFacts m_facts;
    QVector<Slot> m_slots;
    QHash<QString, int> m_index;
    int m_checkTimeoutMs = 30000;
    bool m_started = false;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_finishQueued = false;
    QDateTime m_startedAt;
    QElapsedTimer m_runClock;
};

} // namespace socketscope

Q_DECLARE_METATYPE(socketscope::DoctorReport)
