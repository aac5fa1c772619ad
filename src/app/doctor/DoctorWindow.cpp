#include "doctor/DoctorWindow.h"

#include "doctor/DoctorContext.h"
#include "doctor/DoctorPanel.h"
#include "ui_DoctorWindow.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>

namespace socketscope {

DoctorWindow::DoctorWindow(SecretResolver *resolver, QWidget *parent)
    : QDialog(parent), ui(std::make_unique<Ui::DoctorWindow>()), m_builder(new DoctorContextBuilder(resolver, this))
{
    ui->setupUi(this);
    setObjectName(QStringLiteral("doctorWindow"));
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    ui->errorLabel->hide();
    ui->copyButton->setEnabled(false);
    ui->exportButton->setEnabled(false);
    resize(1000, 560);
    connect(ui->rerunButton, &QPushButton::clicked, this, &DoctorWindow::rerun);
    connect(ui->closeButton, &QPushButton::clicked, this, &QDialog::close);
    connect(ui->copyButton, &QPushButton::clicked, this, &DoctorWindow::copyMarkdown);
    connect(ui->exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export doctor report"),
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                + QStringLiteral("/socketscope-doctor-%1.md").arg(m_profile.name),
            tr("Markdown (*.md);;All files (*)"));
        if (path.isEmpty())
            return;
        const auto written = exportReport(path);
        ui->actionStatus->setText(written ? tr("Saved %1 (secrets redacted).").arg(path)
                                          : written.error().message + QLatin1Char(' ') + written.error().fix);
    });
    connect(ui->doctorPanel, &DoctorPanel::started, this, [this] {
        ui->rerunButton->setEnabled(false);
        ui->copyButton->setEnabled(false);
        ui->exportButton->setEnabled(false);
    });
    connect(ui->doctorPanel, &DoctorPanel::finished, this, [this] {
        ui->rerunButton->setEnabled(true);
        ui->copyButton->setEnabled(true);
        ui->exportButton->setEnabled(true);
    });
}

DoctorWindow::~DoctorWindow() = default;

DoctorPanel *DoctorWindow::panel() const
{
    return ui->doctorPanel;
}

void DoctorWindow::runFor(const Profile &profile)
{
    m_profile = profile;
    ui->profileLabel->setText(tr("Profile \"%1\": Slack %2, Nautobot %3, %4 mode.")
                                  .arg(profile.name, profile.slackApiUrl.toString(),
                                       profile.nautobotUrl.isEmpty() ? tr("not configured")
                                                                     : profile.nautobotUrl.toString(),
                                       profileModeName(profile.mode)));
    setWindowTitle(tr("Doctor — %1").arg(profile.name));
    rerun();
}

void DoctorWindow::rerun()
{
    ui->errorLabel->hide();
    ui->actionStatus->clear();
    ui->rerunButton->setEnabled(false);
    const quint64 serial = ++m_serial;
    QPointer<DoctorWindow> self(this);
    m_builder->build(m_profile, this, [self, serial](Result<DoctorContext> context) {
        if (!self || serial != self->m_serial)
            return;
        if (!context) {
            self->ui->errorLabel->setText(context.error().message + QLatin1Char(' ') + context.error().fix);
            self->ui->errorLabel->show();
            self->ui->rerunButton->setEnabled(true);
            return;
        }
        self->ui->doctorPanel->run(context.value());
    });
}

QString DoctorWindow::markdown() const
{
    return ui->doctorPanel->markdown();
}

QString DoctorWindow::errorText() const
{
    return ui->errorLabel->isVisibleTo(this) ? ui->errorLabel->text() : QString();
}

void DoctorWindow::copyMarkdown()
{
    const QString md = markdown();
    if (md.isEmpty())
        return;
    QApplication::clipboard()->setText(md);
    ui->actionStatus->setText(tr("Copied the report as Markdown (secrets redacted)."));
}

Result<void> DoctorWindow::exportReport(const QString &path) const
{
    const QString md = markdown();
    if (md.isEmpty())
        return Error{QStringLiteral("no_report"), tr("The checks have not finished yet."), QString()};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(md.toUtf8()) < 0 || !file.commit())
        return Error{QStringLiteral("write_failed"), tr("Could not write %1: %2").arg(path, file.errorString()),
                     tr("Choose a folder you can write to.")};
    return {};
}

} // namespace socketscope
