#pragma once

#include <QVector>
#include <QWidget>

namespace socketscope {

// Ack latency (receive → ack sent) distribution against Slack's 3 s deadline, on a log axis from
// 0.1 ms to 10 s: green under 1 s, amber 1–3 s, red at or over the deadline.
class AckHistogram : public QWidget
{
    Q_OBJECT
public:
    explicit AckHistogram(QWidget *parent = nullptr);

    void setSamples(const QVector<qint64> &latenciesUs);
    static constexpr int kBinsPerDecade = 6;
    static constexpr int kBins = 5 * kBinsPerDecade; // 1e-4 s … 1e1 s
    static int binOf(qint64 latencyUs);
    const QVector<int> &bins() const { return m_bins; }

    QSize sizeHint() const override { return {360, 140}; }
    QSize minimumSizeHint() const override { return {160, 90}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QVector<int> m_bins;
    int m_total = 0;
    int m_overDeadline = 0;
    qint64 m_p50 = -1;
    qint64 m_p99 = -1;
};

} // namespace socketscope
