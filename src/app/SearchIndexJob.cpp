#include "SearchIndexJob.h"

#include "capture/CaptureStore.h"

#include <QElapsedTimer>
#include <QThread>

namespace socketscope {

namespace {
constexpr qint64 kProgressEveryMs = 200;
} // namespace

SearchIndexJob::SearchIndexJob(QString path, QObject *parent) : QObject(parent), m_path(std::move(path)) {}

SearchIndexJob::~SearchIndexJob()
{
    m_cancel = true;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void SearchIndexJob::start()
{
    if (m_thread)
        return;
    m_thread = QThread::create([this] {
        QElapsedTimer sinceReport;
        sinceReport.start();
        bool complete = false;
        const Result<qint64> indexed = CaptureStore::buildSearchIndex(m_path, [&](qint64 done, qint64 total) {
            complete = done >= total;
            if (sinceReport.elapsed() >= kProgressEveryMs || complete) {
                sinceReport.restart();
                QMetaObject::invokeMethod(this, [this, done, total] { Q_EMIT progress(done, total); },
                                          Qt::QueuedConnection);
            }
            return !m_cancel.load();
        });
        const QString problem = indexed ? QString() : indexed.error().toString();
        complete = complete && indexed.ok();
        QMetaObject::invokeMethod(this, [this, complete, problem] { Q_EMIT finished(complete, problem); },
                                  Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("search-index"));
    m_thread->start(QThread::LowPriority);
}

} // namespace socketscope
