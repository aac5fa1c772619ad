#include "AboutDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QIcon>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QVBoxLayout>

namespace socketscope {

namespace {

QString homepage()
{
    return QStringLiteral(SOCKETSCOPE_HOMEPAGE_URL);
}

} // namespace

QString AboutDialog::versionReport()
{
    return QStringLiteral("SocketScope %1\nQt %2 (built with %3, platform %4)\nQtKeychain %5\nLicense Apache-2.0")
        .arg(QStringLiteral(SOCKETSCOPE_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
             QGuiApplication::platformName(), QStringLiteral(SOCKETSCOPE_QTKEYCHAIN_VERSION));
}

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About SocketScope"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/socketscope.svg")).pixmap(96, 96));
    icon->setAlignment(Qt::AlignHCenter);

    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setTextFormat(Qt::RichText);
    text->setOpenExternalLinks(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setWordWrap(true);
    const QString home = homepage();
    text->setText(
        QStringLiteral("<h2>SocketScope %1</h2><p>%2</p><table>"
                       "<tr><td>%3&nbsp;</td><td>%4</td></tr>"
                       "<tr><td>%5&nbsp;</td><td>%6</td></tr>"
                       "<tr><td>%7&nbsp;</td><td>%8</td></tr>"
                       "<tr><td>%9&nbsp;</td><td>Apache-2.0</td></tr></table>"
                       "<p><a href=\"%10\">%10</a><br><a href=\"%10/issues\">%11</a></p>")
            .arg(QStringLiteral(SOCKETSCOPE_VERSION).toHtmlEscaped(),
                 tr("Socket Mode inspector and operator console for Nautobot ChatOps on Slack.").toHtmlEscaped(),
                 tr("Qt:").toHtmlEscaped(),
                 tr("%1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)).toHtmlEscaped(),
                 tr("QtKeychain:").toHtmlEscaped(), QStringLiteral(SOCKETSCOPE_QTKEYCHAIN_VERSION).toHtmlEscaped(),
                 tr("Platform:").toHtmlEscaped(), QGuiApplication::platformName().toHtmlEscaped(),
                 tr("License:").toHtmlEscaped())
            .arg(home.toHtmlEscaped(), tr("Report a problem").toHtmlEscaped()));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(icon);
    layout->addWidget(text);
    layout->addWidget(buttons);
}

void installHelpMenu(QMainWindow *window)
{
    QMenu *help = window->menuBar()->addMenu(AboutDialog::tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    QAction *about = help->addAction(AboutDialog::tr("&About SocketScope"));
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    QObject::connect(about, &QAction::triggered, window, [window] {
        auto *dialog = new AboutDialog(window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction *aboutQt = help->addAction(AboutDialog::tr("About &Qt"));
    aboutQt->setObjectName(QStringLiteral("actionAboutQt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    QObject::connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

} // namespace socketscope
