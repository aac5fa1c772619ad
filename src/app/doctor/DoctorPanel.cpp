#include "doctor/DoctorPanel.h"

#include "doctor/DoctorTable.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace socketscope {

DoctorPanel::DoctorPanel(QWidget *parent)
    : QWidget(parent), m_table(new DoctorTable(this)), m_progress(new QProgressBar(this)),
      m_stop(new QPushButton(tr("Stop"), this)), m_summary(new QLabel(this)), m_details(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("doctorPanel"));
    m_progress->setObjectName(QStringLiteral("doctorProgress"));
    m_stop->setObjectName(QStringLiteral("doctorStop"));
    m_summary->setObjectName(QStringLiteral("doctorSummary"));
    m_stop->setToolTip(tr("Stop the checks that are still running"));
    m_stop->setEnabled(false);
    m_progress->setTextVisible(true);
    m_progress->setFormat(tr("%v of %m checks"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // The table elides long texts; the selected check's full detail and fix show below it.
    m_details->setObjectName(QStringLiteral("doctorDetails"));
    m_details->setPlaceholderText(tr("Select a check to read its full detail and fix."));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);
    connect(m_table, &QTreeWidget::currentItemChanged, this, &DoctorPanel::showDetails);
    auto *row = new QHBoxLayout;
    row->addWidget(m_summary, 1);
    row->addWidget(m_progress);
    row->addWidget(m_stop);
    layout->addLayout(row);
    connect(m_stop, &QPushButton::clicked, this, &DoctorPanel::cancel);
    qRegisterMetaType<CheckResult>();
    qRegisterMetaType<DoctorReport>();
}

DoctorPanel::~DoctorPanel() = default;

void DoctorPanel::run(const DoctorContext &context)
{
    if (m_doctor) {
        m_doctor->disconnect(this);
        m_doctor->cancel();
        m_doctor->deleteLater();
    }
    m_hasReport = false;
    m_report = DoctorReport{};
    m_done = 0;
    m_secretValues = context.secretValues();
    auto *doctor = new Doctor(context, this);
    m_doctor = doctor;
    const auto checks = doctor->checks();
    m_table->setChecks(checks);
    m_progress->setRange(0, static_cast<int>(checks.size()));
    m_progress->setValue(0);
    connect(doctor, &Doctor::checkStarted, m_table, &DoctorTable::markRunning);
    connect(doctor, &Doctor::checkFinished, this, [this](const CheckResult &result) {
        m_table->setResult(result);
        m_progress->setValue(++m_done);
        updateSummary();
    });
    connect(doctor, &Doctor::finished, this, &DoctorPanel::onFinished);
    m_stop->setEnabled(true);
    updateSummary();
    doctor->start();
    Q_EMIT started();
}

void DoctorPanel::cancel()
{
    if (m_doctor && m_doctor->isRunning()) {
        m_stop->setEnabled(false);
        m_doctor->cancel(); // finished() follows with the cancelled report
    }
}

void DoctorPanel::onFinished(const DoctorReport &report)
{
    m_report = report;
    m_hasReport = true;
    m_stop->setEnabled(false);
    if (report.cancelled)
        m_table->markUnfinished(tr("Not run: the checks were stopped."));
    for (const CheckResult &r : report.results)
        m_table->setResult(r);
    m_progress->setValue(m_progress->maximum());
    updateSummary();
    // Point at the first problem, so its fix is readable without a click.
    for (const CheckResult &r : report.results) {
        if (r.status == CheckStatus::Fail || r.status == CheckStatus::Warn) {
            m_table->setCurrentItem(m_table->rowFor(r.id));
            break;
        }
    }
    showDetails();
    if (m_doctor) {
        m_doctor->deleteLater();
        m_doctor = nullptr;
    }
    Q_EMIT finished(report);
}

QString DoctorPanel::markdown() const
{
    return m_hasReport ? DoctorReportFormat::toMarkdown(m_report, m_secretValues) : QString();
}

void DoctorPanel::showDetails()
{
    const QTreeWidgetItem *item = m_table->currentItem();
    if (!item) {
        m_details->clear();
        return;
    }
    QString html = QStringLiteral("<b>%1</b> — %2<br>%3")
                       .arg(item->text(DoctorTable::TitleColumn).toHtmlEscaped(),
                            item->text(DoctorTable::StatusColumn).toHtmlEscaped(),
                            DoctorReportFormat::redact(item->text(DoctorTable::DetailColumn), m_secretValues)
                                .toHtmlEscaped());
    const QString fix = item->text(DoctorTable::FixColumn);
    if (!fix.isEmpty())
        html += QStringLiteral("<br><b>%1</b> %2").arg(tr("Fix:"), DoctorReportFormat::redact(fix, m_secretValues).toHtmlEscaped());
    m_details->setHtml(html);
}

QString DoctorPanel::summaryText() const
{
    return m_summary->text();
}

void DoctorPanel::updateSummary()
{
    if (!m_hasReport) {
        m_summary->setText(tr("Running checks…"));
        return;
    }
    const QString counts = tr("%1 passed, %2 warnings, %3 failed, %4 skipped")
                               .arg(m_report.count(CheckStatus::Pass))
                               .arg(m_report.count(CheckStatus::Warn))
                               .arg(m_report.count(CheckStatus::Fail))
                               .arg(m_report.count(CheckStatus::Skipped));
    m_summary->setText(m_report.cancelled ? tr("Stopped: %1").arg(counts)
                                          : tr("Done in %1 ms: %2").arg(m_report.durationMs).arg(counts));
}

} // namespace socketscope
