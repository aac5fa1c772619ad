#include "doctor/DoctorCheck.h"

#include "util/Logging.h"

#include <QTimer>

namespace socketscope {

QString checkStatusName(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return QStringLiteral("pass");
    case CheckStatus::Warn:
        return QStringLiteral("warn");
    case CheckStatus::Fail:
        return QStringLiteral("fail");
    case CheckStatus::Skipped:
        return QStringLiteral("skipped");
    }
    return QString();
}

DoctorCheck::DoctorCheck(Spec spec, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
{}

DoctorCheck::~DoctorCheck()
{
    delete m_scope;
}

void DoctorCheck::start(const DoctorContext &context, DoctorFacts &facts)
{
    if (m_running)
        return;
    m_context = &context;
    m_facts = &facts;
    m_running = true;
    ++m_runSerial;
    m_scope = new QObject(this);
    qCDebug(lcDoctor) << "check" << m_spec.id << "started";
    // Deferred so that a check answering at once (missing input) still reports after start() returned.
    const quint64 serial = m_runSerial;
    QTimer::singleShot(0, m_scope, [this, serial] {
        if (m_running && serial == m_runSerial)
            run();
    });
}

void DoctorCheck::finish(const CheckOutcome &outcome)
{
    if (!m_running)
        return;
    endRun();
    qCDebug(lcDoctor) << "check" << m_spec.id << checkStatusName(outcome.status);
    // Queued: a check may finish from inside a network callback of an object that scope() owns.
    const quint64 serial = m_runSerial;
    QTimer::singleShot(0, this, [this, outcome, serial] {
        if (serial == m_runSerial)
            Q_EMIT finished(outcome);
    });
}

void DoctorCheck::cancel()
{
    if (!m_running)
        return;
    endRun();
    ++m_runSerial; // drops a finished() already queued
}

void DoctorCheck::endRun()
{
    m_running = false;
    if (m_scope) {
        QObject *scope = m_scope;
        m_scope = nullptr;
        scope->deleteLater(); // may be inside one of its children's signals right now
    }
}

} // namespace socketscope
