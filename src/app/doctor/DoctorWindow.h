#pragma once

#include "profile/Profile.h"
#include "util/Result.h"

#include <QDialog>

#include <memory>

namespace Ui {
class DoctorWindow;
}

namespace socketscope {

class DoctorContextBuilder;
class DoctorPanel;
class SecretResolver;

// Tools → Doctor…: runs every setup check for one profile (secrets from the environment, then the
// keychain) whenever the operator asks, and shares the result as redacted Markdown.
class DoctorWindow : public QDialog
{
    Q_OBJECT
public:
    DoctorWindow(SecretResolver *resolver, QWidget *parent = nullptr);
    ~DoctorWindow() override;

    // Starts a run for this profile (the context is built asynchronously first).
    void runFor(const Profile &profile);
    void rerun();

    DoctorPanel *panel() const;
    QString markdown() const; // redacted; empty before a run finished
    Result<void> exportReport(const QString &path) const;
    void copyMarkdown();
    QString errorText() const;

private:
    std::unique_ptr<Ui::DoctorWindow> ui;
    DoctorContextBuilder *m_builder;
    Profile m_profile;
    quint64 m_serial = 0;
};

} // namespace socketscope
