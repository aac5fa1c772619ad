#pragma once

#include <QObject>

class QSocketNotifier;

namespace socketscope::cli {

// Turns SIGINT/SIGTERM into a Qt signal (self-pipe), so commands stop cleanly from the event loop.
class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace socketscope::cli
