// Help → About and the version facts it shows; the German catalogue reaches the widgets (offscreen).
#include "AboutDialog.h"
#include "MainWindow.h"
#include "profile/ProfileStore.h"
#include "widgets/ConnectionBar.h"
#include "widgets/FilterBar.h"

#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTranslator>
#include <QtTest>

using namespace socketscope;

class TestAbout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void versionReport_namesProjectQtAndKeychainVersions();
    void aboutDialog_showsVersionsLicenseAndLinks();
    void mainWindow_hasHelpMenuWithAbout();
    void germanCatalogue_translatesWidgetsWithTheirRuntimeContexts();

private:
    QTemporaryDir m_dir;
};

void TestAbout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SocketScopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_about"));
    QSettings().clear();
    QFile::remove(ProfileStore::defaultSettingsPath());
    QVERIFY(m_dir.isValid());
}

void TestAbout::versionReport_namesProjectQtAndKeychainVersions()
{
    const QString report = AboutDialog::versionReport();
    QVERIFY2(report.startsWith(QStringLiteral("SocketScope " SOCKETSCOPE_VERSION "\n")), qPrintable(report));
    QVERIFY(report.contains(QString::fromLatin1(qVersion())));
    QVERIFY(report.contains(QStringLiteral("built with " QT_VERSION_STR)));
    QVERIFY(report.contains(QStringLiteral("QtKeychain " SOCKETSCOPE_QTKEYCHAIN_VERSION)));
    QVERIFY(QStringLiteral(SOCKETSCOPE_QTKEYCHAIN_VERSION) != QLatin1String("unknown"));
    QVERIFY(report.contains(QStringLiteral("Apache-2.0")));
}

void TestAbout::aboutDialog_showsVersionsLicenseAndLinks()
{
    AboutDialog dialog;
    const auto *text = dialog.findChild<QLabel *>(QStringLiteral("aboutText"));
    QVERIFY(text);
    const QString html = text->text();
    QVERIFY(html.contains(QStringLiteral(SOCKETSCOPE_VERSION)));
    QVERIFY(html.contains(QString::fromLatin1(qVersion())));
    QVERIFY(html.contains(QStringLiteral(SOCKETSCOPE_QTKEYCHAIN_VERSION)));
    QVERIFY(html.contains(QStringLiteral("Apache-2.0")));
    QVERIFY(html.contains(QStringLiteral("href=\"" SOCKETSCOPE_HOMEPAGE_URL "\"")));
    QVERIFY(html.contains(QStringLiteral(SOCKETSCOPE_HOMEPAGE_URL "/issues")));
    QVERIFY(text->openExternalLinks());
}

void TestAbout::mainWindow_hasHelpMenuWithAbout()
{
    MainWindowOptions options;
    options.captureDirectory = m_dir.path();
    options.demoRate = 0;
    MainWindow window(options);
    auto *help = window.menuBar()->findChild<QMenu *>(QStringLiteral("menuHelp"));
    QVERIFY(help);
    QCOMPARE(window.menuBar()->actions().constLast(), help->menuAction());
    QAction *about = help->findChild<QAction *>(QStringLiteral("actionAbout"));
    QVERIFY(about);
    about->trigger();
    AboutDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<AboutDialog *>()) != nullptr && dialog->isVisible());
    dialog->reject();
}

void TestAbout::germanCatalogue_translatesWidgetsWithTheirRuntimeContexts()
{
    // The catalogue the build embeds. Its contexts must be what tr() looks up at run time
    // ("socketscope::FilterBar", …): strings stored under another context never translate.
    QTranslator german;
    QVERIFY2(german.load(QStringLiteral(SOCKETSCOPE_DE_QM)), SOCKETSCOPE_DE_QM);
    QCoreApplication::installTranslator(&german);
    FilterBar bar;
    ConnectionBar connection;
    connection.setState(ClientState::Connected, QString());
    QCoreApplication::removeTranslator(&german);
    // EnvelopeColoring translates its rules once, at first use (main.cpp installs the translator
    // before any window exists); here the context its translate() calls use must be in the catalogue.
    const QString legend = german.translate("socketscope::EnvelopeColoring", "Unacked");

    auto *interactive = bar.findChild<QToolButton *>(QStringLiteral("typeToggle_interactive"));
    QVERIFY(interactive);
    QCOMPARE(interactive->text(), QStringLiteral("Interaktiv"));
    QCOMPARE(connection.stateText(), QStringLiteral("Verbunden"));
    QCOMPARE(legend, QStringLiteral("Ohne Ack"));
}

QTEST_MAIN(TestAbout)
#include "tst_about.moc"
