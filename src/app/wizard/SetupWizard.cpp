#include "wizard/SetupWizard.h"

#include "doctor/DoctorPanel.h"
#include "doctor/DoctorTable.h"
#include "net/TlsSettings.h"
#include "profile/ProfileStore.h"
#include "secrets/SecretFormat.h"
#include "secrets/SecretResolver.h"
#include "secrets/SecretStore.h"
#include "slack/SlackWebApi.h"
#include "ui_WizardDoctorPage.h"
#include "ui_WizardNautobotPage.h"
#include "ui_WizardNetworkPage.h"
#include "ui_WizardProfilePage.h"
#include "ui_WizardSlackPage.h"
#include "ui_WizardSummaryPage.h"

#include <QAbstractButton>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

namespace socketscope {

namespace {

const QString kWizardOrigin = QStringLiteral("entered in the setup wizard (stored in the keychain on Save)");

enum class Tone { Neutral, Good, Bad };

void setStatus(QLabel *label, Tone tone, const QString &text)
{
    QPalette p = label->palette();
    const QPalette app = label->parentWidget() ? label->parentWidget()->palette() : QPalette();
    const QColor colour = tone == Tone::Good ? DoctorTable::statusColor(CheckStatus::Pass, app)
                          : tone == Tone::Bad ? DoctorTable::statusColor(CheckStatus::Fail, app)
                                              : app.color(QPalette::Disabled, QPalette::WindowText);
    p.setColor(QPalette::WindowText, colour);
    label->setPalette(p);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QString errorText(const Error &e)
{
    return e.fix.isEmpty() ? e.message : QStringLiteral("%1 %2").arg(e.message, e.fix);
}

// Validates one secret field as the operator types. Returns whether the field is acceptable.
bool checkSecretField(QLineEdit *edit, QLabel *status, SecretKind kind, bool required, const QString &emptyHint)
{
    const QString text = edit->text();
    if (text.isEmpty()) {
        setStatus(status, required ? Tone::Bad : Tone::Neutral, emptyHint);
        return !required;
    }
    const auto checked = SecretFormat::check(kind, text);
    if (!checked) {
        setStatus(status, Tone::Bad, errorText(checked.error()));
        return false;
    }
    setStatus(status, Tone::Good,
              checked->trimmed ? QObject::tr("Format OK (surrounding whitespace will be removed).")
                               : QObject::tr("Format OK."));
    return true;
}

QString secretValue(QLineEdit *edit, SecretKind kind)
{
    const auto checked = SecretFormat::check(kind, edit->text());
    return checked ? checked->value : QString();
}

} // namespace

// ---- pages ----

class ProfilePage : public QWizardPage
{
public:
    ProfilePage(SetupWizard *wizard, ProfileStore *profiles) : QWizardPage(wizard), m_profiles(profiles)
    {
        ui.setupUi(this);
        connect(ui.nameEdit, &QLineEdit::textChanged, this, [this] { Q_EMIT completeChanged(); });
        setStatus(ui.nameStatus, Tone::Neutral, QString());
    }
    bool isComplete() const override
    {
        const QString name = ui.nameEdit->text().trimmed();
        auto *self = const_cast<ProfilePage *>(this);
        if (name.isEmpty()) {
            setStatus(self->ui.nameStatus, Tone::Neutral, tr("Give the workspace a short name."));
            return false;
        }
        if (auto valid = validateProfileName(name); !valid) {
            setStatus(self->ui.nameStatus, Tone::Bad, errorText(valid.error()));
            return false;
        }
        if (!m_editing && m_profiles->contains(name)) {
            setStatus(self->ui.nameStatus, Tone::Bad,
                      tr("A profile named \"%1\" exists. Pick another name, or use Connection → Edit profile… "
                         "to change it.").arg(name));
            return false;
        }
        setStatus(self->ui.nameStatus, Tone::Neutral, QString());
        return true;
    }
    Ui::WizardProfilePage ui;
    ProfileStore *m_profiles;
    bool m_editing = false;
};

class SlackPage : public QWizardPage
{
public:
    explicit SlackPage(SetupWizard *wizard) : QWizardPage(wizard)
    {
        ui.setupUi(this);
        ui.slackApiUrlEdit->setText(Profile().slackApiUrl.toString());
        for (QLineEdit *edit : {ui.appTokenEdit, ui.botTokenEdit, ui.signingSecretEdit, ui.slackApiUrlEdit})
            connect(edit, &QLineEdit::textChanged, this, [this] { Q_EMIT completeChanged(); });
    }
    bool isComplete() const override
    {
        auto &u = const_cast<SlackPage *>(this)->ui;
        const QString keep = tr("Stored in the keychain; leave empty to keep it.");
        const bool app = checkSecretField(u.appTokenEdit, u.appTokenStatus, SecretKind::SlackAppToken, !m_editing,
                                          m_editing ? keep : tr("Required: SocketScope opens its Socket Mode "
                                                                "connection with it."));
        const bool bot = checkSecretField(u.botTokenEdit, u.botTokenStatus, SecretKind::SlackBotToken, false,
                                          m_editing ? keep : tr("Optional: the doctor uses it for auth.test and "
                                                                "the scope checks."));
        const bool signing = checkSecretField(u.signingSecretEdit, u.signingSecretStatus,
                                              SecretKind::SlackSigningSecret, false,
                                              m_editing ? keep : tr("Optional for Dedicated mode; Bridge mode "
                                                                    "needs it."));
        const bool url = SlackWebApi::parseBaseUrl(u.slackApiUrlEdit->text().trimmed()).ok();
        return app && bot && signing && url;
    }
    Ui::WizardSlackPage ui;
    bool m_editing = false;
};

class NautobotPage : public QWizardPage
{
public:
    explicit NautobotPage(SetupWizard *wizard) : QWizardPage(wizard)
    {
        ui.setupUi(this);
        for (QLineEdit *edit : {ui.nautobotUrlEdit, ui.nautobotTokenEdit})
            connect(edit, &QLineEdit::textChanged, this, [this] { Q_EMIT completeChanged(); });
    }
    bool isComplete() const override
    {
        auto &u = const_cast<NautobotPage *>(this)->ui;
        bool urlOk = true;
        const QString text = u.nautobotUrlEdit->text().trimmed();
        if (text.isEmpty()) {
            setStatus(u.nautobotUrlStatus, Tone::Neutral,
                      tr("Optional for watching; Bridge mode and the Nautobot checks need it."));
        } else {
            Profile probe;
            probe.name = QStringLiteral("probe");
            probe.nautobotUrl = QUrl(text);
            const auto valid = probe.validate();
            urlOk = valid.ok();
            setStatus(u.nautobotUrlStatus, urlOk ? Tone::Good : Tone::Bad,
                      urlOk ? tr("URL OK.") : errorText(valid.error()));
        }
        const bool token = checkSecretField(u.nautobotTokenEdit, u.nautobotTokenStatus, SecretKind::NautobotToken,
                                            false,
                                            m_editing ? tr("Stored in the keychain; leave empty to keep it.")
                                                      : tr("Optional: the doctor checks the token and its "
                                                           "permissions with it."));
        return urlOk && token;
    }
    Ui::WizardNautobotPage ui;
    bool m_editing = false;
};

class NetworkPage : public QWizardPage
{
public:
    NetworkPage(SetupWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
    {
        ui.setupUi(this);
        m_caTimer.setSingleShot(true);
        m_caTimer.setInterval(250);
        connect(&m_caTimer, &QTimer::timeout, this, [this] { checkCaBundle(); });
        connect(ui.caBundleEdit, &QLineEdit::textChanged, this, [this] {
            m_caOk = false;
            m_caTimer.start();
            Q_EMIT completeChanged();
        });
        connect(ui.proxyKindCombo, &QComboBox::currentIndexChanged, this, [this] {
            updateProxyFields();
            Q_EMIT completeChanged();
        });
        for (QLineEdit *edit : {ui.proxyHostEdit, ui.proxyUserEdit, ui.proxyPasswordEdit})
            connect(edit, &QLineEdit::textChanged, this, [this] { Q_EMIT completeChanged(); });
        connect(ui.proxyPortSpin, &QSpinBox::valueChanged, this, [this] { Q_EMIT completeChanged(); });
        connect(ui.caBundleBrowse, &QPushButton::clicked, this, [this] {
            const QString path = QFileDialog::getOpenFileName(this, tr("CA bundle"), ui.caBundleEdit->text(),
                                                              tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
            if (!path.isEmpty())
                ui.caBundleEdit->setText(path);
        });
        updateProxyFields();
        checkCaBundle();
        setStatus(ui.profileStatus, Tone::Neutral, QString());
    }
    void updateProxyFields()
    {
        const bool explicitProxy = ui.proxyKindCombo->currentIndex() >= 2;
        for (QWidget *w : {static_cast<QWidget *>(ui.proxyHostEdit), static_cast<QWidget *>(ui.proxyPortSpin),
                           static_cast<QWidget *>(ui.proxyUserEdit), static_cast<QWidget *>(ui.proxyPasswordEdit)})
            w->setEnabled(explicitProxy);
    }
    void checkCaBundle()
    {
        m_caTimer.stop();
        const QString path = ui.caBundleEdit->text().trimmed();
        if (path.isEmpty()) {
            m_caOk = true;
            setStatus(ui.caBundleStatus, Tone::Neutral, tr("None: TLS is verified against the system CAs only."));
        } else {
            const auto certs = TlsSettings::loadCaBundle(path);
            m_caOk = certs.ok();
            setStatus(ui.caBundleStatus, m_caOk ? Tone::Good : Tone::Bad,
                      m_caOk ? tr("%n certificate(s) will be trusted in addition to the system CAs.", nullptr,
                                  static_cast<int>(certs->size()))
                             : errorText(certs.error()));
        }
        Q_EMIT completeChanged();
    }
    bool isComplete() const override
    {
        auto &u = const_cast<NetworkPage *>(this)->ui;
        bool proxyOk = true;
        if (u.proxyKindCombo->currentIndex() >= 2) {
            if (u.proxyHostEdit->text().trimmed().isEmpty() || u.proxyPortSpin->value() == 0) {
                setStatus(u.proxyStatus, Tone::Neutral, tr("Enter the proxy's host and port."));
                proxyOk = false;
            } else if (!u.proxyPasswordEdit->text().isEmpty() && u.proxyUserEdit->text().trimmed().isEmpty()) {
                setStatus(u.proxyStatus, Tone::Bad, tr("A proxy password needs a user name."));
                proxyOk = false;
            } else if (!u.proxyPasswordEdit->text().isEmpty()) {
                proxyOk = checkSecretField(u.proxyPasswordEdit, u.proxyStatus, SecretKind::ProxyPassword, false,
                                           QString());
            } else {
                setStatus(u.proxyStatus, Tone::Neutral, QString());
            }
        } else {
            setStatus(u.proxyStatus, Tone::Neutral, QString());
        }
        return proxyOk && m_caOk && !m_caTimer.isActive();
    }
    bool validatePage() override
    {
        const auto valid = m_wizard->profile().validate();
        if (!valid) {
            setStatus(ui.profileStatus, Tone::Bad, errorText(valid.error()));
            return false;
        }
        setStatus(ui.profileStatus, Tone::Neutral, QString());
        return true;
    }
    Ui::WizardNetworkPage ui;
    SetupWizard *m_wizard;
    QTimer m_caTimer;
    bool m_caOk = true;
};

class DoctorPage : public QWizardPage
{
public:
    explicit DoctorPage(SetupWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
    {
        ui.setupUi(this);
        connect(ui.doctorPanel, &DoctorPanel::finished, this, [this] {
            ui.rerunButton->setEnabled(true);
            Q_EMIT completeChanged();
        });
        connect(ui.rerunButton, &QPushButton::clicked, this, [this] { start(); });
    }
    void initializePage() override { start(); }
    void cleanupPage() override
    {
        ++m_serial;
        ui.doctorPanel->cancel();
    }
    bool isComplete() const override { return ui.doctorPanel->hasReport() && !ui.doctorPanel->isRunning(); }
    void start()
    {
        ui.rerunButton->setEnabled(false);
        const quint64 serial = ++m_serial;
        QPointer<DoctorPage> self(this);
        m_wizard->buildDoctorContext([self, serial](Result<DoctorContext> context) {
            if (!self || serial != self->m_serial)
                return;
            if (!context) {
                self->ui.rerunButton->setEnabled(true);
                self->ui.doctorPanel->table()->clear();
                return;
            }
            self->ui.doctorPanel->run(context.value());
            Q_EMIT self->completeChanged();
        });
        Q_EMIT completeChanged();
    }
    Ui::WizardDoctorPage ui;
    SetupWizard *m_wizard;
    quint64 m_serial = 0;
};

class SummaryPage : public QWizardPage
{
public:
    SummaryPage(SetupWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
    {
        ui.setupUi(this);
        setStatus(ui.saveStatus, Tone::Neutral, QString());
        setStatus(ui.exportStatus, Tone::Neutral, QString());
        connect(ui.exportButton, &QPushButton::clicked, this, [this] {
            const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
            const QString path = QFileDialog::getSaveFileName(
                this, tr("Export doctor report"),
                dir + QStringLiteral("/socketscope-doctor-%1.md").arg(m_wizard->profile().name),
                tr("Markdown (*.md);;All files (*)"));
            if (path.isEmpty())
                return;
            const auto written = m_wizard->exportReport(path);
            setStatus(ui.exportStatus, written ? Tone::Good : Tone::Bad,
                      written ? tr("Report saved (secrets redacted).") : errorText(written.error()));
        });
    }
    void initializePage() override
    {
        const DoctorPanel *panel = m_wizard->doctorPanel();
        const DoctorReport report = panel->report();
        setStatus(ui.saveStatus, Tone::Neutral, QString());
        const int fails = report.count(CheckStatus::Fail);
        const int warns = report.count(CheckStatus::Warn);
        const Profile p = m_wizard->profile();
        if (fails == 0 && warns == 0)
            ui.overallLabel->setText(tr("Every check passed or did not apply. Save the profile \"%1\" and connect.")
                                         .arg(p.name));
        else
            ui.overallLabel->setText(tr("%n check(s) failed", nullptr, fails) + QStringLiteral(", ")
                                     + tr("%n warning(s)", nullptr, warns)
                                     + tr(". You can save the profile now and fix these later; Tools → Doctor… "
                                          "runs the checks again."));
        QString html;
        const QStringList secrets = panel->secretValues();
        for (const CheckResult &r : report.results) {
            if (r.status != CheckStatus::Fail && r.status != CheckStatus::Warn)
                continue;
            const QColor colour = DoctorTable::statusColor(r.status, palette());
            html += QStringLiteral("<p><b style=\"color:%1\">%2</b> <b>%3</b><br>%4<br><i>%5</i> %6</p>")
                        .arg(colour.name(), r.status == CheckStatus::Fail ? tr("Fail:") : tr("Warning:"),
                             r.title.toHtmlEscaped(),
                             DoctorReportFormat::redact(r.detail, secrets).toHtmlEscaped(), tr("Fix:"),
                             DoctorReportFormat::redact(r.fix, secrets).toHtmlEscaped());
        }
        if (html.isEmpty())
            html = tr("<p>Nothing to fix.</p>");
        html += QStringLiteral("<p><b>%1</b><br>%2</p>")
                    .arg(tr("What will be saved"),
                         tr("Profile \"%1\" (%2 mode) in %3; secrets in the system keychain under service "
                            "\"SocketScope\".")
                             .arg(p.name.toHtmlEscaped(), profileModeName(p.mode),
                                  QStringLiteral("the profile store")));
        ui.fixesView->setHtml(html);
    }
    Ui::WizardSummaryPage ui;
    SetupWizard *m_wizard;
};

// ---- wizard ----

namespace {
ProfilePage *profilePage(const SetupWizard *w) { return static_cast<ProfilePage *>(w->page(SetupWizard::ProfilePageId)); }
SlackPage *slackPage(const SetupWizard *w) { return static_cast<SlackPage *>(w->page(SetupWizard::SlackPageId)); }
NautobotPage *nautobotPage(const SetupWizard *w) { return static_cast<NautobotPage *>(w->page(SetupWizard::NautobotPageId)); }
NetworkPage *networkPage(const SetupWizard *w) { return static_cast<NetworkPage *>(w->page(SetupWizard::NetworkPageId)); }
DoctorPage *doctorPage(const SetupWizard *w) { return static_cast<DoctorPage *>(w->page(SetupWizard::DoctorPageId)); }
SummaryPage *summaryPage(const SetupWizard *w) { return static_cast<SummaryPage *>(w->page(SetupWizard::SummaryPageId)); }
} // namespace

SetupWizard::SetupWizard(ProfileStore *profiles, SecretStore *secrets, QWidget *parent)
    : QWizard(parent), m_profiles(profiles), m_secrets(secrets), m_resolver(new SecretResolver(secrets, this)),
      m_builder(new DoctorContextBuilder(m_resolver, this))
{
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("Set up a workspace"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("Save profile"));
    setPage(ProfilePageId, new ProfilePage(this, profiles));
    setPage(SlackPageId, new SlackPage(this));
    setPage(NautobotPageId, new NautobotPage(this));
    setPage(NetworkPageId, new NetworkPage(this));
    setPage(DoctorPageId, new DoctorPage(this));
    setPage(SummaryPageId, new SummaryPage(this));
    resize(760, 600);
}

SetupWizard::~SetupWizard() = default;

void SetupWizard::editProfile(const Profile &p)
{
    m_mode = Mode::Edit;
    m_profileWritten = true;
    setWindowTitle(tr("Edit profile %1").arg(p.name));
    auto *pp = profilePage(this);
    pp->m_editing = true;
    pp->ui.nameEdit->setText(p.name);
    pp->ui.nameEdit->setReadOnly(true);
    pp->ui.modeCombo->setCurrentIndex(p.mode == Profile::Mode::Bridge ? 1 : 0);
    auto *sp = slackPage(this);
    sp->m_editing = true;
    sp->ui.slackApiUrlEdit->setText(p.slackApiUrl.toString());
    for (QLineEdit *e : {sp->ui.appTokenEdit, sp->ui.botTokenEdit, sp->ui.signingSecretEdit})
        e->setPlaceholderText(tr("stored in the keychain; type to replace"));
    auto *np = nautobotPage(this);
    np->m_editing = true;
    np->ui.nautobotUrlEdit->setText(p.nautobotUrl.toString());
    np->ui.nautobotTokenEdit->setPlaceholderText(tr("stored in the keychain; type to replace"));
    auto *net = networkPage(this);
    net->ui.proxyKindCombo->setCurrentIndex(static_cast<int>(p.proxy.kind));
    net->ui.proxyHostEdit->setText(p.proxy.host);
    net->ui.proxyPortSpin->setValue(p.proxy.port);
    net->ui.proxyUserEdit->setText(p.proxy.user);
    net->ui.caBundleEdit->setText(p.caBundlePath);
    net->checkCaBundle();
    m_slashCommand = p.slashCommand;
}

Profile SetupWizard::profile() const
{
    Profile p;
    p.name = profilePage(this)->ui.nameEdit->text().trimmed();
    p.mode = profilePage(this)->ui.modeCombo->currentIndex() == 1 ? Profile::Mode::Bridge : Profile::Mode::Dedicated;
    const auto api = SlackWebApi::parseBaseUrl(slackPage(this)->ui.slackApiUrlEdit->text().trimmed());
    if (api)
        p.slackApiUrl = api.value();
    const QString nautobot = nautobotPage(this)->ui.nautobotUrlEdit->text().trimmed();
    p.nautobotUrl = nautobot.isEmpty() ? QUrl() : QUrl(nautobot);
    const auto &n = networkPage(this)->ui;
    p.proxy.kind = static_cast<ProxySettings::Kind>(n.proxyKindCombo->currentIndex());
    if (p.proxy.isExplicit()) {
        p.proxy.host = n.proxyHostEdit->text().trimmed();
        p.proxy.port = static_cast<quint16>(n.proxyPortSpin->value());
        p.proxy.user = n.proxyUserEdit->text().trimmed();
    }
    p.caBundlePath = n.caBundleEdit->text().trimmed();
    if (!m_slashCommand.isEmpty())
        p.slashCommand = m_slashCommand;
    return p;
}

QMap<SecretKind, QString> SetupWizard::enteredSecrets() const
{
    QMap<SecretKind, QString> out;
    auto take = [&out](QLineEdit *edit, SecretKind kind) {
        const QString value = secretValue(edit, kind);
        if (!value.isEmpty())
            out.insert(kind, value);
    };
    take(slackPage(this)->ui.appTokenEdit, SecretKind::SlackAppToken);
    take(slackPage(this)->ui.botTokenEdit, SecretKind::SlackBotToken);
    take(slackPage(this)->ui.signingSecretEdit, SecretKind::SlackSigningSecret);
    take(nautobotPage(this)->ui.nautobotTokenEdit, SecretKind::NautobotToken);
    const Profile p = profile();
    if (p.proxy.isExplicit() && !p.proxy.user.isEmpty())
        take(networkPage(this)->ui.proxyPasswordEdit, SecretKind::ProxyPassword);
    return out;
}

DoctorPanel *SetupWizard::doctorPanel() const
{
    return doctorPage(this)->ui.doctorPanel;
}

QString SetupWizard::saveStatusText() const
{
    return summaryPage(this)->ui.saveStatus->text();
}

void SetupWizard::buildDoctorContext(std::function<void(Result<DoctorContext>)> callback)
{
    const QMap<SecretKind, QString> typed = enteredSecrets();
    m_builder->build(profile(), this, [typed, callback](Result<DoctorContext> built) {
        if (!built) {
            callback(built.error());
            return;
        }
        DoctorContext context = built.value();
        for (auto it = typed.cbegin(); it != typed.cend(); ++it) {
            DoctorSecret secret;
            secret.resolved = ResolvedSecret{it.value(), SecretSource::Keychain, kWizardOrigin};
            context.secrets.insert(it.key(), secret);
        }
        context.proxy = std::make_shared<ProxyResolver>(context.profile.proxy,
                                                        context.secret(SecretKind::ProxyPassword).value());
        callback(std::move(context));
    });
}

Result<void> SetupWizard::exportReport(const QString &path) const
{
    const DoctorPanel *panel = doctorPanel();
    if (!panel->hasReport())
        return Error{QStringLiteral("no_report"), tr("The checks have not finished yet."), QString()};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{QStringLiteral("write_failed"), tr("Could not write %1: %2").arg(path, file.errorString()),
                     tr("Choose a folder you can write to.")};
    }
    file.write(panel->markdown().toUtf8());
    if (!file.commit()) {
        return Error{QStringLiteral("write_failed"), tr("Could not write %1: %2").arg(path, file.errorString()),
                     tr("Choose a folder you can write to.")};
    }
    return {};
}

void SetupWizard::saveFailed(const QString &text)
{
    m_saving = false;
    setStatus(summaryPage(this)->ui.saveStatus, Tone::Bad, text);
    button(QWizard::FinishButton)->setEnabled(true);
    button(QWizard::BackButton)->setEnabled(true);
    button(QWizard::FinishButton)->setText(tr("Try again"));
}

void SetupWizard::accept()
{
    if (m_saving)
        return;
    const Profile p = profile();
    Result<void> stored = m_profileWritten ? m_profiles->update(p) : m_profiles->add(p);
    if (stored)
        stored = m_profiles->setCurrent(p.name);
    if (!stored) {
        saveFailed(tr("The profile was not saved: %1").arg(errorText(stored.error())));
        return;
    }
    m_profileWritten = true;
    m_saving = true;
    button(QWizard::FinishButton)->setEnabled(false);
    button(QWizard::BackButton)->setEnabled(false);
    setStatus(summaryPage(this)->ui.saveStatus, Tone::Neutral, tr("Storing the secrets in the keychain…"));
    QList<QPair<SecretKind, QString>> pending;
    const auto secrets = enteredSecrets();
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
        pending.append({it.key(), it.value()});
    writeNextSecret(pending);
}

void SetupWizard::writeNextSecret(QList<QPair<SecretKind, QString>> pending)
{
    if (pending.isEmpty()) {
        m_saving = false;
        const QString name = profile().name;
        Q_EMIT profileSaved(name);
        QWizard::accept();
        return;
    }
    const auto next = pending.takeFirst();
    const QString name = profile().name;
    QPointer<SetupWizard> self(this);
    m_secrets->write(name, next.first, next.second, this, [self, pending, kind = next.first](Result<void> written) {
        if (!self)
            return;
        if (!written) {
            self->saveFailed(tr("The profile was saved, but its %1 was not stored: %2 Nothing was written "
                                "anywhere else; until the keychain works, set the SOCKETSCOPE_* environment "
                                "variables instead.")
                                 .arg(secretKindLabel(kind), errorText(written.error())));
            return;
        }
        self->writeNextSecret(pending);
    });
}

void SetupWizard::done(int result)
{
    if (m_saving && result == QDialog::Rejected)
        return; // let the keychain answer first; Cancel works again right after
    doctorPanel()->cancel();
    QWizard::done(result);
}

} // namespace socketscope
