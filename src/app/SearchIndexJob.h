#pragma once

#include <QObject>
#include <QString>

#include <atomic>

class QThread;

namespace socketscope {

// Builds the search index of a capture the window views read-only (a headless `listen` leaves that to
// whoever searches): a worker thread with its own read-write connection indexes in small chunks while
// the view stays read-only. Search is complete meanwhile (rows not indexed yet are scanned), only slower.
class SearchIndexJob : public QObject
{
    Q_OBJECT
public:
    explicit SearchIndexJob(QString path, QObject *parent = nullptr);
    // Stops after the chunk in progress (a few milliseconds) and waits for the worker.
    ~SearchIndexJob() override;

    void start();
    QString path() const { return m_path; }

Q_SIGNALS:
    void progress(qint64 indexed, qint64 total);
    // complete: every row is indexed. Otherwise problem says why not (empty when cancelled).
    void finished(bool complete, const QString &problem);

private:
    QString m_path;
    std::atomic_bool m_cancel{false};
    QThread *m_thread = nullptr;
};

} // namespace socketscope
