#include "MainWindow.h"
#include "SelfTest.h"
#include "ScreenshotAid.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9e, 0x9e, 0x9e));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x82, 0xb1, 0xff));
    p.setColor(QPalette::Mid, QColor(0x55, 0x58, 0x5c));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1a));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4c));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    return p;
}

// The desktop file's basename: Wayland's app_id and the link to the .desktop/AppStream files.
constexpr auto kDesktopFileName = "io.github.socketscope.SocketScope";

void setApplicationIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("socketscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("SocketScope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SOCKETSCOPE_VERSION));
}

struct Options
{
    QCommandLineOption demo{QStringLiteral("demo"), QStringLiteral("Demo workspace: built-in simulator with traffic.")};
    QCommandLineOption rate{QStringLiteral("demo-rate"), QStringLiteral("Demo envelopes per second (default 4)."),
                            QStringLiteral("N"), QStringLiteral("4")};
    QCommandLineOption palette{QStringLiteral("palette"), QStringLiteral("system (default), light or dark."),
                               QStringLiteral("NAME"), QStringLiteral("system")};
    QCommandLineOption captureDir{QStringLiteral("capture-dir"), QStringLiteral("Folder for new captures."),
                                  QStringLiteral("DIR")};
    QCommandLineOption selfTest{QStringLiteral("self-test"),
                                QStringLiteral("Check this installation (window, SQLite driver, SVG icons, translations, "
                                               "simulator, demo engine), print one line per check and exit 0 or 1. "
                                               "Uses a throwaway settings and data folder. Works offscreen "
                                               "(QT_QPA_PLATFORM=offscreen).")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(
            QStringLiteral("Socket Mode envelope inspector for Nautobot ChatOps on Slack"));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({demo, rate, palette, captureDir, selfTest});
        parser.addPositionalArgument(QStringLiteral("capture"), QStringLiteral("A capture file to open."),
                                     QStringLiteral("[capture]"));
    }
};

bool hasArgument(int argc, char **argv, std::initializer_list<const char *> names)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--") == 0)
            return false;
        for (const char *name : names)
            if (std::strcmp(argv[i], name) == 0)
                return true;
    }
    return false;
}

// --version and --help must work without a display (packaging checks, SSH): answer them from a
// QCoreApplication before QApplication tries to connect to a window system.
int answerWithoutGui(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    QCommandLineParser parser;
    Options options;
    options.addTo(parser);
    parser.process(app); // prints version or help and exits, or exits 1 on a bad option
    return 0;
}

void installTranslators(QApplication &app)
{
    // Qt's own strings (standard dialogs and buttons), where the system has them.
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale::system(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    // Ours are embedded by qt_add_translations under :/i18n (socketscope_<lang>.qm).
    auto *own = new QTranslator(&app);
    if (own->load(QLocale::system(), QStringLiteral("socketscope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    else
        delete own;
}

int runSelfTest(QApplication &app, QTemporaryDir &scratch)
{
    if (!scratch.isValid()) {
        std::fprintf(stderr, "socketscope --self-test: cannot create a scratch folder: %s\n",
                     qPrintable(scratch.errorString()));
        return 1;
    }
    socketscope::SelfTest test(scratch.filePath(QStringLiteral("captures")));
    QObject::connect(&test, &socketscope::SelfTest::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
    QTimer::singleShot(0, &test, &socketscope::SelfTest::start);
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    if (hasArgument(argc, argv, {"--version", "-v", "--help", "-h", "--help-all", "-?"}))
        return answerWithoutGui(argc, argv);

    const bool selfTest = hasArgument(argc, argv, {"--self-test"});
    std::unique_ptr<QTemporaryDir> scratch;
    if (selfTest) {
        scratch = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/socketscope-self-test-XXXXXX"));
        // A throwaway home for settings, profiles and captures: the self-test never reads or
        // changes the user's, and always sees "no profile", so it runs the demo workspace.
        const QByteArray root = QFile::encodeName(scratch->path());
        qputenv("XDG_CONFIG_HOME", root + "/config");
        qputenv("XDG_DATA_HOME", root + "/data");
        qputenv("XDG_CACHE_HOME", root + "/cache");
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            std::fprintf(stderr, "socketscope --self-test: no DISPLAY or WAYLAND_DISPLAY; "
                                 "run it with QT_QPA_PLATFORM=offscreen or under Xvfb\n");
    }

    QApplication app(argc, argv);
    setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("SocketScope"));
    QGuiApplication::setDesktopFileName(QString::fromLatin1(kDesktopFileName));
    installTranslators(app);

    QCommandLineParser parser;
    const Options opts;
    opts.addTo(parser);
    parser.process(app);
    if (selfTest)
        return runSelfTest(app, *scratch);

    const QString paletteName = parser.value(opts.palette).isEmpty() ? qEnvironmentVariable("SOCKETSCOPE_PALETTE")
                                                                    : parser.value(opts.palette);
    if (paletteName == QLatin1String("dark") || paletteName == QLatin1String("light")) {
        // Fusion draws the same in both, so screenshots compare palettes, not styles.
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(paletteName == QLatin1String("dark") ? darkPalette()
                                                                       : QApplication::style()->standardPalette());
    } else if (paletteName != QLatin1String("system")) {
        parser.showHelp(2);
    }

    socketscope::MainWindowOptions options;
    options.demo = parser.isSet(opts.demo);
    options.demoRate = parser.value(opts.rate).toDouble();
    options.captureDirectory = parser.value(opts.captureDir);
    if (!parser.positionalArguments().isEmpty())
        options.openCapture = parser.positionalArguments().constFirst();
    socketscope::MainWindow window(options);
    window.show();
    // Screenshot aid (scripts/screenshots.sh): select a row after N ms so the detail pane has content.
    const int selectAfterMs = qEnvironmentVariableIntValue("SOCKETSCOPE_SELECT_ROW_AFTER_MS");
    if (selectAfterMs > 0)
        QTimer::singleShot(selectAfterMs, &window, [&window] {
            window.selectEnvelopeForScreenshot();
            // SOCKETSCOPE_SCREENSHOT_DIALOG=replay|answer: open that dialog at the top-left corner too.
            const QString dialog = qEnvironmentVariable("SOCKETSCOPE_SCREENSHOT_DIALOG");
            if (!dialog.isEmpty())
                window.showOperatorDialogForScreenshot(dialog);
        });
    // Screenshot aid: the setup wizard's pages or the Doctor window against in-process simulators.
    const QString screenshot = qEnvironmentVariable("SOCKETSCOPE_SCREENSHOT");
    if (!screenshot.isEmpty()) {
        window.hide();
        if (!socketscope::startScreenshotAid(screenshot, &window))
            parser.showHelp(2);
    }
    return app.exec();
}
