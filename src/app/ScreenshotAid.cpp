#include "ScreenshotAid.h"

#include "NautobotSimulator.h"
#include "SlackSimulator.h"
#include "doctor/DoctorWindow.h"
#include "profile/ProfileStore.h"
#include "secrets/SecretResolver.h"
#include "secrets/SecretStore.h"
#include "wizard/SetupWizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLineEdit>
#include <QTimer>
#include <QWidget>

namespace socketscope {

bool startScreenshotAid(const QString &what, QWidget *parent)
{
    if (what != QLatin1String("wizard-slack") && what != QLatin1String("wizard-doctor")
        && what != QLatin1String("doctor"))
        return false;
    auto *slack = new sim::SlackSimulator(sim::SlackSimConfig{}, parent);
    auto *nautobot = new sim::NautobotSimulator(sim::NautobotSimConfig{}, parent);
    nautobot->registerOn(slack->httpServer());
    if (!slack->listen(0).ok())
        return false;
    const QString appToken = slack->config().appToken;
    const QString botToken = slack->config().botToken;
    const QString signing = QString::fromLatin1(nautobot->config().signingSecret);
    const QString nautobotToken = nautobot->config().token;

    if (what == QLatin1String("doctor")) {
        nautobot->setCeleryWorkers(0); // one failing row with its fix
        auto *store = new SecretStore(parent);
        auto *resolver = new SecretResolver(store, parent);
        resolver->setEnvironment([=](const QString &name) {
            if (name == QLatin1String("SOCKETSCOPE_SLACK_APP_TOKEN"))
                return appToken;
            if (name == QLatin1String("SOCKETSCOPE_SLACK_BOT_TOKEN"))
                return botToken;
            if (name == QLatin1String("SOCKETSCOPE_SLACK_SIGNING_SECRET"))
                return signing;
            if (name == QLatin1String("SOCKETSCOPE_NAUTOBOT_TOKEN"))
                return nautobotToken;
            return QString();
        });
        auto *window = new DoctorWindow(resolver, parent);
        Profile profile;
        profile.name = QStringLiteral("lab");
        profile.slackApiUrl = slack->apiUrl();
        profile.nautobotUrl = nautobot->baseUrl();
        window->move(0, 0);
        window->resize(1100, 560);
        window->show();
        window->runFor(profile);
        return true;
    }

    auto *profiles = new ProfileStore(QString(), parent);
    auto *secrets = new SecretStore(parent);
    auto *wizard = new SetupWizard(profiles, secrets, parent);
    wizard->move(0, 0);
    wizard->show();
    auto set = [wizard](const char *name, const QString &text) {
        if (auto *edit = wizard->findChild<QLineEdit *>(QLatin1String(name)))
            edit->setText(text);
    };
    set("nameEdit", QStringLiteral("lab"));
    wizard->next();
    if (what == QLatin1String("wizard-slack")) {
        set("appTokenEdit", botToken); // shows how a pasted bot token is caught
        set("botTokenEdit", botToken);
        set("signingSecretEdit", signing);
        return true;
    }
    set("appTokenEdit", appToken);
    set("botTokenEdit", botToken);
    set("signingSecretEdit", signing);
    set("slackApiUrlEdit", slack->apiUrl().toString());
    wizard->next();
    set("nautobotUrlEdit", nautobot->baseUrl().toString());
    set("nautobotTokenEdit", nautobotToken);
    wizard->next();
    if (auto *proxy = wizard->findChild<QComboBox *>(QStringLiteral("proxyKindCombo")))
        proxy->setCurrentIndex(1);
    QTimer::singleShot(400, wizard, [wizard] { wizard->next(); }); // after the CA bundle check settles
    return true;
}

} // namespace socketscope
