#include "doctor/Doctor.h"

#include "doctor/DoctorChecks.h"
#include "util/Logging.h"

#include <QTimer>

namespace socketscope {

Doctor::Doctor(DoctorContext context, QObject *parent)
    : Doctor(std::move(context), DoctorChecks::standard(), parent)
{}

Doctor::Doctor(DoctorContext context, std::vector<std::unique_ptr<DoctorCheck>> checks, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{
    qRegisterMetaType<socketscope::CheckResult>();
    qRegisterMetaType<socketscope::DoctorReport>();
    adopt(std::move(checks));
}

Doctor::~Doctor()
{
    for (Slot &slot : m_slots)
        slot.check->cancel();
}

void Doctor::adopt(std::vector<std::unique_ptr<DoctorCheck>> checks)
{
    for (auto &owned : checks) {
        DoctorCheck *check = owned.release();
        check->setParent(this);
        if (m_index.contains(check->id())) {
            qCWarning(lcDoctor) << "duplicate check id" << check->id() << "ignored";
            delete check;
            continue;
        }
        Slot slot;
        slot.check = check;
        slot.result.id = check->id();
        slot.result.title = check->title();
        slot.result.dependsOn = check->dependsOn();
        m_index.insert(check->id(), m_slots.size());
        const int index = m_slots.size();
        connect(check, &DoctorCheck::finished, this,
                [this, index](const CheckOutcome &outcome) { complete(index, outcome); });
        m_slots.append(slot);
    }
}

QVector<Doctor::CheckInfo> Doctor::checks() const
{
    QVector<CheckInfo> out;
    for (const Slot &slot : m_slots)
        out.append({slot.check->id(), slot.check->title(), slot.check->dependsOn()});
    return out;
}

int Doctor::indexOf(const QString &id) const
{
    return m_index.value(id, -1);
}

void Doctor::start()
{
    if (m_started)
        return;
    m_started = true;
    m_running = true;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_runClock.start();
    qCDebug(lcDoctor) << "doctor: running" << m_slots.size() << "checks";
    // Deferred: observers connected after start() still see every checkStarted.
    QTimer::singleShot(0, this, [this] { schedule(); });
}

void Doctor::schedule()
{
    if (!m_running)
        return;
    bool progress = true;
    while (progress) {
        progress = false;
        for (int i = 0; i < m_slots.size(); ++i) {
            Slot &slot = m_slots[i];
            if (slot.started)
                continue;
            bool ready = true;
            QString blockedBy;
            for (const QString &dep : slot.check->dependsOn() + slot.check->runsAfter()) {
                const int d = indexOf(dep);
                if (d < 0)
                    continue; // an unknown id cannot be waited for; checks() shows what exists
                if (!m_slots.at(d).done) {
                    ready = false;
                    break;
                }
            }
            if (!ready)
                continue;
            for (const QString &dep : slot.check->dependsOn()) {
                const int d = indexOf(dep);
                if (d < 0)
                    continue;
                const CheckResult &r = m_slots.at(d).result;
                if (r.status == CheckStatus::Fail || r.status == CheckStatus::Skipped) {
                    blockedBy = QStringLiteral("Skipped: needs \"%1\" (%2), which %3.")
                                    .arg(r.title, r.id,
                                         r.status == CheckStatus::Fail ? QStringLiteral("failed")
                                                                       : QStringLiteral("was skipped"));
                    break;
                }
            }
            slot.started = true;
            slot.clock.start();
            Q_EMIT checkStarted(slot.check->id());
            if (!blockedBy.isEmpty()) {
                complete(i, CheckOutcome{CheckStatus::Skipped, blockedBy, QString()});
                progress = true; // its dependants may now be decidable
                continue;
            }
            slot.deadline = new QTimer(this);
            slot.deadline->setSingleShot(true);
            connect(slot.deadline, &QTimer::timeout, this, [this, i] {
                Slot &s = m_slots[i];
                if (s.done)
                    return;
                s.check->cancel();
                complete(i, CheckOutcome{
                                CheckStatus::Fail,
                                QStringLiteral("The check did not finish within %1 s.").arg(m_checkTimeoutMs / 1000.0),
                                QStringLiteral("Something in the path answers very slowly or not at all; "
                                               "run the check again and look at the network path (proxy, "
                                               "firewall) of the endpoint it tests.")});
            });
            slot.deadline->start(m_checkTimeoutMs);
            slot.check->start(m_context, m_facts);
        }
    }
    bool anyRunning = false;
    bool anyPending = false;
    for (const Slot &slot : m_slots) {
        anyRunning = anyRunning || (slot.started && !slot.done);
        anyPending = anyPending || !slot.started;
    }
    if (!anyRunning && anyPending) {
        // Only a dependency cycle can leave checks waiting with nothing running.
        for (int i = 0; i < m_slots.size(); ++i) {
            Slot &slot = m_slots[i];
            if (slot.started)
                continue;
            slot.started = true;
            slot.clock.start();
            Q_EMIT checkStarted(slot.check->id());
            complete(i, CheckOutcome{
                            CheckStatus::Skipped,
                            QStringLiteral("Skipped: its prerequisites wait for each other (%1).")
                                .arg((slot.check->dependsOn() + slot.check->runsAfter()).join(QStringLiteral(", "))),
                            QString()});
        }
    }
    if (!anyRunning)
        finishRun();
}

void Doctor::complete(int index, const CheckOutcome &outcome)
{
    Slot &slot = m_slots[index];
    if (slot.done)
        return;
    slot.done = true;
    if (slot.deadline) {
        slot.deadline->stop();
        slot.deadline->deleteLater();
        slot.deadline = nullptr;
    }
    slot.result.status = outcome.status;
    slot.result.detail = outcome.detail;
    slot.result.fix = outcome.fix;
    slot.result.durationMs = slot.clock.isValid() ? slot.clock.elapsed() : 0;
    qCDebug(lcDoctor).noquote() << "check" << slot.result.id << checkStatusName(outcome.status) << "in"
                                << slot.result.durationMs << "ms";
    Q_EMIT checkFinished(slot.result);
    if (m_running && !m_cancelled)
        QTimer::singleShot(0, this, [this] { schedule(); });
}

void Doctor::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    for (int i = 0; i < m_slots.size(); ++i) {
        Slot &slot = m_slots[i];
        if (slot.done)
            continue;
        if (slot.started)
            slot.check->cancel();
        else {
            slot.started = true;
            slot.clock.start();
        }
        complete(i, CheckOutcome{CheckStatus::Skipped, QStringLiteral("Cancelled before it finished."), QString()});
    }
    finishRun();
}

void Doctor::finishRun()
{
    if (m_finishQueued)
        return;
    m_finishQueued = true;
    // Queued so that finished() never arrives inside start() or cancel().
    QTimer::singleShot(0, this, [this] {
        m_running = false;
        const DoctorReport r = report();
        qCDebug(lcDoctor) << "doctor: done," << r.count(CheckStatus::Fail) << "failed," << r.count(CheckStatus::Warn)
                          << "warnings";
        Q_EMIT finished(r);
    });
}

DoctorReport Doctor::report() const
{
    DoctorReport r;
    r.profileName = m_context.profile.name;
    r.startedAt = m_startedAt;
    r.durationMs = m_runClock.isValid() ? m_runClock.elapsed() : 0;
    r.cancelled = m_cancelled;
    for (const Slot &slot : m_slots) {
        if (slot.done)
            r.results.append(slot.result);
    }
    return r;
}

} // namespace socketscope
