#include "MainWindow.h"
#include "ScreenshotAid.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <QStyle>
#include <QStyleFactory>

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

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("socketscope"));
    QApplication::setOrganizationName(QStringLiteral("SocketScope"));
    QApplication::setApplicationVersion(QStringLiteral(SOCKETSCOPE_VERSION));
    QApplication::setApplicationDisplayName(QStringLiteral("SocketScope"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Socket Mode envelope inspector for Nautobot ChatOps on Slack"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("Demo workspace: built-in simulator with traffic."));
    const QCommandLineOption rate(QStringLiteral("demo-rate"), QStringLiteral("Demo envelopes per second (default 4)."),
                                  QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption palette(QStringLiteral("palette"),
                                     QStringLiteral("system (default), light or dark."), QStringLiteral("NAME"),
                                     QStringLiteral("system"));
    const QCommandLineOption captureDir(QStringLiteral("capture-dir"), QStringLiteral("Folder for new captures."),
                                        QStringLiteral("DIR"));
    parser.addOptions({demo, rate, palette, captureDir});
    parser.addPositionalArgument(QStringLiteral("capture"), QStringLiteral("A capture file to open."), QStringLiteral("[capture]"));
    parser.process(app);

    const QString paletteName = parser.value(palette).isEmpty() ? qEnvironmentVariable("SOCKETSCOPE_PALETTE")
                                                               : parser.value(palette);
    if (paletteName == QLatin1String("dark") || paletteName == QLatin1String("light")) {
        // Fusion draws the same in both, so screenshots compare palettes, not styles.
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(paletteName == QLatin1String("dark") ? darkPalette()
                                                                       : QApplication::style()->standardPalette());
    } else if (paletteName != QLatin1String("system")) {
        parser.showHelp(2);
    }

    socketscope::MainWindowOptions options;
    options.demo = parser.isSet(demo);
    options.demoRate = parser.value(rate).toDouble();
    options.captureDirectory = parser.value(captureDir);
    if (!parser.positionalArguments().isEmpty())
        options.openCapture = parser.positionalArguments().constFirst();
    socketscope::MainWindow window(options);
    window.show();
    // Screenshot aid (scripts/screenshots.sh): select a row after N ms so the detail pane has content.
    const int selectAfterMs = qEnvironmentVariableIntValue("SOCKETSCOPE_SELECT_ROW_AFTER_MS");
    if (selectAfterMs > 0)
        QTimer::singleShot(selectAfterMs, &window, [&window] { window.selectEnvelopeForScreenshot(); });
    // Screenshot aid: the setup wizard's pages or the Doctor window against in-process simulators.
    const QString screenshot = qEnvironmentVariable("SOCKETSCOPE_SCREENSHOT");
    if (!screenshot.isEmpty()) {
        window.hide();
        if (!socketscope::startScreenshotAid(screenshot, &window))
            parser.showHelp(2);
    }
    return app.exec();
}
