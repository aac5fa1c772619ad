#pragma once

#include "capture/CaptureStore.h"

#include <QVector>
#include <QWidget>

namespace socketscope {

// Each link's life on a time axis: opened, hello, disconnect (with reason), closed; windows with no
// live link are shaded, because commands sent then fail for users with dispatch_failed.
class LinkTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit LinkTimeline(QWidget *parent = nullptr);

    void setEvents(const QVector<LinkEvent> &events);
    void addEvent(const LinkEvent &event);
    void clear();
    void setNowUs(qint64 nowUs); // 0 = the wall clock (tests pin it)

    struct Lane
    {
        int linkId = 0;
        qint64 openedUs = 0;
        qint64 helloUs = 0;
        qint64 disconnectUs = 0;
        QString disconnectReason;
        qint64 closedUs = 0;
        QString closeDetail;
    };
    QVector<Lane> lanes() const;
    // Intervals [start, end) after the first hello with no link that had hello and was not closed.
    QVector<QPair<qint64, qint64>> gaps() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    qint64 now() const;
    QVector<LinkEvent> m_events;
    qint64 m_nowUs = 0;
};

} // namespace socketscope
