#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

class QTcpSocket;

namespace socketscope {

class MainWindow;
namespace sim {
class SlackSimulator;
}

// socketscope --self-test: proves an installed build works on this machine. Opens the real main
// window (offscreen or on a display) in demo mode, and checks the pieces a package can lose: the
// QSQLITE driver, the SVG icon engine, the embedded translations, the simulator listening on
// 127.0.0.1, the window being shown and exposed, and the demo engine committing an envelope.
// Prints one line per check on stdout, then emits finished(0) or finished(1).
// Runs asynchronously (no nested event loop); every wait is bounded by the deadline.
class SelfTest : public QObject
{
    Q_OBJECT
public:
    // scratchDirectory receives the demo capture; the caller isolates settings (XDG dirs) too.
    explicit SelfTest(const QString &scratchDirectory, int deadlineMs = 20000, QObject *parent = nullptr);
    ~SelfTest() override;

    void start();
    QStringList failedChecks() const { return m_failed; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void report(const QString &check, bool ok, const QString &detail);
    void checkPlatform();
    void checkSqlite();
    void checkSvgIcon();
    void checkTranslations();
    void startSimulatorCheck();
    void startWindowChecks();
    void pollWindow();
    void onDeadline();
    void finishIfDone();

    QString m_scratch;
    int m_deadlineMs;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<sim::SlackSimulator> m_sim;
    QTcpSocket *m_probe = nullptr;
    QTimer m_deadline;
    QTimer m_poll;
    QStringList m_pending; // asynchronous checks still running
    QStringList m_failed;
    int m_passed = 0;
    bool m_finished = false;
};

} // namespace socketscope
