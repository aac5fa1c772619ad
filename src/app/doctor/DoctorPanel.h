#pragma once

#include "doctor/Doctor.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QTextBrowser;
class QProgressBar;
class QPushButton;

namespace socketscope {

class DoctorTable;

// Runs the doctor for one context and shows it live: a row per check (updated from checkStarted /
// checkFinished), a progress bar and Stop. Used by the setup wizard's doctor page and the Doctor window.
class DoctorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DoctorPanel(QWidget *parent = nullptr);
    ~DoctorPanel() override;

    // Starts a new run (a running one is cancelled first). checks empty = the standard checks.
    void run(const DoctorContext &context);
    void cancel();
    bool isRunning() const { return m_doctor && m_doctor->isRunning(); }
    bool hasReport() const { return m_hasReport; }
    DoctorReport report() const { return m_report; }
    // Values to scrub from anything rendered from the report (the context's secrets).
    QStringList secretValues() const { return m_secretValues; }
    QString markdown() const;

    DoctorTable *table() const { return m_table; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *stopButton() const { return m_stop; }
    QString summaryText() const;

Q_SIGNALS:
    void started();
    void finished(const socketscope::DoctorReport &report);

private:
    void onFinished(const DoctorReport &report);
    void updateSummary();
    void showDetails();

    DoctorTable *m_table;
    QProgressBar *m_progress;
    QPushButton *m_stop;
    QLabel *m_summary;
    QTextBrowser *m_details;
    QPointer<Doctor> m_doctor;
    DoctorReport m_report;
    QStringList m_secretValues;
    bool m_hasReport = false;
    int m_done = 0;
};

} // namespace socketscope
