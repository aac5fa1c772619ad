#include "SelfTest.h"

#include "AboutDialog.h"
#include "EngineController.h"
#include "MainWindow.h"
#include "SlackSimulator.h"

#include <QGuiApplication>
#include <QHostAddress>
#include <QIcon>
#include <QImage>
#include <QImageReader>
#include <QMenuBar>
#include <QPixmap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTranslator>
#include <QWindow>

#include <cstdio>

namespace socketscope {

namespace {

void printLine(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

// Share of pixels that are not fully transparent: a blank image means the icon did not render.
double opaqueShare(const QImage &image)
{
    if (image.isNull())
        return 0.0;
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    qint64 opaque = 0;
    for (int y = 0; y < argb.height(); ++y)
        for (int x = 0; x < argb.width(); ++x)
            opaque += qAlpha(argb.pixel(x, y)) > 0 ? 1 : 0;
    return double(opaque) / double(qint64(argb.width()) * argb.height());
}

const QString kWindow = QStringLiteral("window");
const QString kDemo = QStringLiteral("demo-engine");
const QString kSimulator = QStringLiteral("simulator");

} // namespace

SelfTest::SelfTest(const QString &scratchDirectory, int deadlineMs, QObject *parent)
    : QObject(parent), m_scratch(scratchDirectory), m_deadlineMs(deadlineMs)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &SelfTest::onDeadline);
    m_poll.setInterval(50);
    connect(&m_poll, &QTimer::timeout, this, &SelfTest::pollWindow);
}

SelfTest::~SelfTest() = default;

void SelfTest::report(const QString &check, bool ok, const QString &detail)
{
    printLine(QStringLiteral("%1 %2: %3").arg(ok ? QStringLiteral("PASS") : QStringLiteral("FAIL"), check, detail));
    if (ok)
        ++m_passed;
    else
        m_failed.append(check);
}

void SelfTest::start()
{
    printLine(QStringLiteral("socketscope %1 self-test (Qt %2, built with %3, QtKeychain %4)")
                  .arg(QStringLiteral(SOCKETSCOPE_VERSION), QString::fromLatin1(qVersion()),
                       QStringLiteral(QT_VERSION_STR), QStringLiteral(SOCKETSCOPE_QTKEYCHAIN_VERSION)));
    m_deadline.start(m_deadlineMs);
    checkPlatform();
    checkSqlite();
    checkSvgIcon();
    checkTranslations();
    startSimulatorCheck();
    startWindowChecks();
    finishIfDone();
}

void SelfTest::checkPlatform()
{
    const QString name = QGuiApplication::platformName();
    report(QStringLiteral("platform"), !name.isEmpty(), name.isEmpty() ? QStringLiteral("no Qt platform plugin") : name);
}

void SelfTest::checkSqlite()
{
    const QString check = QStringLiteral("sqlite");
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        report(check, false,
               QStringLiteral("Qt SQL driver QSQLITE not found (drivers: %1); install libqt6sql6-sqlite")
                   .arg(QSqlDatabase::drivers().join(QLatin1Char(' '))));
        return;
    }
    const QString connection = QStringLiteral("socketscope-self-test");
    QString detail;
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (!db.open()) {
            detail = QStringLiteral("cannot open an in-memory database: %1").arg(db.lastError().text());
        } else {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT sqlite_version()")) && query.next()) {
                ok = true;
                detail = QStringLiteral("QSQLITE driver, SQLite %1").arg(query.value(0).toString());
            } else {
                detail = QStringLiteral("query failed: %1").arg(query.lastError().text());
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    report(check, ok, detail);
}

void SelfTest::checkSvgIcon()
{
    const QString check = QStringLiteral("svg-icon");
    const bool svgReader = QImageReader::supportedImageFormats().contains("svg");
    const QIcon icon(QStringLiteral(":/icons/socketscope.svg"));
    // Only the SVG icon engine (qsvgicon plugin) renders above the file's 128 px natural size; the
    // pixmap fallback engine would return at most 128 x 128.
    const QSize asked(256, 256);
    const QPixmap pixmap = icon.pixmap(asked);
    const double opaque = opaqueShare(pixmap.toImage());
    const bool ok = svgReader && pixmap.size() == asked && opaque > 0.5;
    report(check, ok,
           ok ? QStringLiteral("SVG icon engine rendered the app icon at 256 px (%1% opaque)").arg(int(opaque * 100))
              : QStringLiteral("svg image plugin %1, icon rendered %2x%3 (%4% opaque); install libqt6svg6")
                    .arg(svgReader ? QStringLiteral("found") : QStringLiteral("missing"))
                    .arg(pixmap.width())
                    .arg(pixmap.height())
                    .arg(int(opaque * 100)));
}

void SelfTest::checkTranslations()
{
    const QString check = QStringLiteral("translations");
    QTranslator german;
    const bool loaded = german.load(QStringLiteral(":/i18n/socketscope_de.qm"));
    const QString translated = loaded ? german.translate("socketscope::AboutDialog", "About SocketScope") : QString();
    const bool ok = loaded && !translated.isEmpty() && translated != QLatin1String("About SocketScope");
    report(check, ok,
           ok ? QStringLiteral("embedded German catalogue loads (\"%1\")").arg(translated)
              : QStringLiteral("embedded catalogue :/i18n/socketscope_de.qm %1")
                    .arg(loaded ? QStringLiteral("lacks the About string") : QStringLiteral("not found")));
}

void SelfTest::startSimulatorCheck()
{
    m_sim = std::make_unique<sim::SlackSimulator>();
    const auto listening = m_sim->listen(0);
    if (!listening.ok()) {
        report(kSimulator, false, QStringLiteral("cannot listen on 127.0.0.1: %1").arg(listening.error().toString()));
        return;
    }
    const QUrl api = m_sim->apiUrl();
    m_pending.append(kSimulator);
    m_probe = new QTcpSocket(this);
    connect(m_probe, &QTcpSocket::connected, this, [this, api] {
        m_pending.removeAll(kSimulator);
        report(kSimulator, true, QStringLiteral("listening and accepting on %1").arg(api.toString()));
        m_probe->abort();
        finishIfDone();
    });
    connect(m_probe, &QTcpSocket::errorOccurred, this, [this, api] {
        if (!m_pending.contains(kSimulator))
            return;
        m_pending.removeAll(kSimulator);
        report(kSimulator, false, QStringLiteral("%1 refused a connection: %2").arg(api.toString(), m_probe->errorString()));
        finishIfDone();
    });
    m_probe->connectToHost(QHostAddress(QHostAddress::LocalHost), static_cast<quint16>(api.port()));
}

void SelfTest::startWindowChecks()
{
    MainWindowOptions options;
    options.demo = true;
    options.demoRate = 20.0;
    options.captureDirectory = m_scratch;
    m_window = std::make_unique<MainWindow>(options);
    m_pending.append(kWindow);
    m_pending.append(kDemo);
    connect(m_window->engine(), &EngineController::envelopesCommitted, this,
            [this](const QVector<Envelope> &envelopes) {
                if (!m_pending.contains(kDemo) || envelopes.isEmpty())
                    return;
                m_pending.removeAll(kDemo);
                report(kDemo, true,
                       QStringLiteral("demo workspace connected to the built-in simulator and committed %1 envelope(s) to %2")
                           .arg(envelopes.size())
                           .arg(m_window->engine()->capturePath()));
                finishIfDone();
            });
    connect(m_window->engine(), &EngineController::failed, this, [this](const QString &text) {
        if (!m_pending.contains(kDemo))
            return;
        m_pending.removeAll(kDemo);
        report(kDemo, false, text);
        finishIfDone();
    });
    m_window->show();
    m_poll.start();
}

void SelfTest::pollWindow()
{
    if (!m_pending.contains(kWindow)) {
        m_poll.stop();
        return;
    }
    QWindow *handle = m_window ? m_window->windowHandle() : nullptr;
    if (!m_window || !m_window->isVisible() || !handle || !handle->isExposed())
        return;
    m_poll.stop();
    m_pending.removeAll(kWindow);
    report(kWindow, true,
           QStringLiteral("main window shown and exposed (%1x%2, title \"%3\", %4 menus)")
               .arg(m_window->width())
               .arg(m_window->height())
               .arg(m_window->windowTitle())
               .arg(m_window->menuBar()->actions().size()));
    finishIfDone();
}

void SelfTest::onDeadline()
{
    for (const QString &check : std::as_const(m_pending))
        report(check, false, QStringLiteral("no result within %1 ms").arg(m_deadlineMs));
    m_pending.clear();
    finishIfDone();
}

void SelfTest::finishIfDone()
{
    if (m_finished || !m_pending.isEmpty())
        return;
    m_finished = true;
    m_deadline.stop();
    m_poll.stop();
    if (m_window)
        m_window->close();
    if (m_failed.isEmpty())
        printLine(QStringLiteral("self-test passed: %1 checks").arg(m_passed));
    else
        printLine(QStringLiteral("self-test FAILED: %1 of %2 checks (%3)")
                      .arg(m_failed.size())
                      .arg(m_failed.size() + m_passed)
                      .arg(m_failed.join(QStringLiteral(", "))));
    Q_EMIT finished(m_failed.isEmpty() ? 0 : 1);
}

} // namespace socketscope
