#pragma once

#include "doctor/DoctorContext.h"
#include "profile/Profile.h"
#include "secrets/SecretKind.h"
#include "util/Result.h"

#include <QMap>
#include <QWizard>

namespace socketscope {

class DoctorContextBuilder;
class DoctorPanel;
class ProfileStore;
class SecretResolver;
class SecretStore;

// First-run setup and "Edit profile…": profile name and mode → Slack tokens → Nautobot → network →
// doctor (live) → summary. Nothing is stored before Finish ("Save profile"): then the profile goes to
// the ProfileStore and becomes current, and the secrets are written to the keychain one after the
// other through SecretStore (asynchronously). If the keychain fails, the wizard stays open and says
// why and how to fix it; the secrets are never written anywhere else.
class SetupWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { ProfilePageId, SlackPageId, NautobotPageId, NetworkPageId, DoctorPageId, SummaryPageId };
    enum class Mode { Create, Edit };

    SetupWizard(ProfileStore *profiles, SecretStore *secrets, QWidget *parent = nullptr);
    ~SetupWizard() override;

    // Switches to editing a saved profile: fields prefilled, the name fixed, empty secret fields keep
    // the stored secrets.
    void editProfile(const Profile &profile);
    Mode mode() const { return m_mode; }

    // What the pages hold right now.
    Profile profile() const;
    // Secrets typed into the pages, normalised by SecretFormat; empty fields are absent.
    QMap<SecretKind, QString> enteredSecrets() const;

    DoctorPanel *doctorPanel() const;
    // Writes the doctor report as Markdown, secrets redacted.
    Result<void> exportReport(const QString &path) const;
    bool isSaving() const { return m_saving; }
    QString saveStatusText() const;

    void accept() override;
    void done(int result) override;

    // Builds the doctor context from the pages: stored secrets (environment, then keychain) for a
    // profile being edited, overlaid with what was typed.
    void buildDoctorContext(std::function<void(Result<DoctorContext>)> callback);

Q_SIGNALS:
    void profileSaved(const QString &name);

private:
    void writeNextSecret(QList<QPair<SecretKind, QString>> pending);
    void saveFailed(const QString &text);

    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    SecretResolver *m_resolver;
    DoctorContextBuilder *m_builder;
    Mode m_mode = Mode::Create;
    bool m_saving = false;
    bool m_profileWritten = false;
    QString m_slashCommand; // kept from the edited profile (no page for it yet)
};

} // namespace socketscope
