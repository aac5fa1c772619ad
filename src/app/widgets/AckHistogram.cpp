#include "widgets/AckHistogram.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace socketscope {

namespace {
double binStartUs(int bin)
{
    return 100.0 * std::pow(10.0, double(bin) / AckHistogram::kBinsPerDecade);
}
QString formatUs(double us)
{
    if (us < 1000)
        return QStringLiteral("%1 µs").arg(us, 0, 'f', 0);
    if (us < 1'000'000)
        return QStringLiteral("%1 ms").arg(us / 1000, 0, 'f', us < 10'000 ? 1 : 0);
    return QStringLiteral("%1 s").arg(us / 1'000'000, 0, 'f', 1);
}
} // namespace

AckHistogram::AckHistogram(QWidget *parent) : QWidget(parent), m_bins(kBins, 0) {}

int AckHistogram::binOf(qint64 latencyUs)
{
    if (latencyUs <= 100)
        return 0;
    const int bin = static_cast<int>(std::floor(std::log10(double(latencyUs) / 100.0) * kBinsPerDecade));
    return std::clamp(bin, 0, kBins - 1);
}

void AckHistogram::setSamples(const QVector<qint64> &latenciesUs)
{
    m_bins.fill(0);
    m_total = 0;
    m_overDeadline = 0;
    QVector<qint64> sorted;
    sorted.reserve(latenciesUs.size());
    for (qint64 us : latenciesUs) {
        if (us < 0)
            continue;
        ++m_bins[binOf(us)];
        ++m_total;
        if (us >= 3'000'000)
            ++m_overDeadline;
        sorted.append(us);
    }
    std::sort(sorted.begin(), sorted.end());
    m_p50 = sorted.isEmpty() ? -1 : sorted.at(static_cast<int>((sorted.size() - 1) * 0.50));
    m_p99 = sorted.isEmpty() ? -1 : sorted.at(static_cast<int>((sorted.size() - 1) * 0.99));
    update();
}

void AckHistogram::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    const int textH = p.fontMetrics().height();
    const QRectF plot(8, textH + 6, width() - 16, height() - 2 * textH - 14);
    p.setPen(pal.color(QPalette::Text));
    const QString title = m_total == 0
                              ? tr("Ack latency vs 3 s deadline: no acks yet")
                              : tr("Ack latency, %1 acks: p50 %2, p99 %3, %4 over 3 s")
                                    .arg(m_total)
                                    .arg(formatUs(double(m_p50)), formatUs(double(m_p99)))
                                    .arg(m_overDeadline);
    p.drawText(QRectF(8, 2, width() - 16, textH + 2), Qt::AlignLeft | Qt::AlignVCenter, title);

    const int maxCount = std::max(1, *std::max_element(m_bins.cbegin(), m_bins.cend()));
    const double bw = plot.width() / kBins;
    for (int i = 0; i < kBins; ++i) {
        const double start = binStartUs(i);
        QColor c = start >= 3'000'000 ? QColor(0xe5, 0x39, 0x35) : start >= 1'000'000 ? QColor(0xff, 0xb3, 0x00)
                                                                                         : QColor(0x43, 0xa0, 0x47);
        const double h = plot.height() * m_bins.at(i) / maxCount;
        p.fillRect(QRectF(plot.left() + i * bw + 1, plot.bottom() - h, bw - 2, h), c);
    }
    // Deadline marker at 3 s.
    const double deadlineX = plot.left() + plot.width() * (std::log10(3'000'000.0 / 100.0) * kBinsPerDecade) / kBins;
    p.setPen(QPen(QColor(0xe5, 0x39, 0x35), 2, Qt::DashLine));
    p.drawLine(QPointF(deadlineX, plot.top()), QPointF(deadlineX, plot.bottom()));
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QPointF(deadlineX - p.fontMetrics().horizontalAdvance(tr("3 s")) - 3, plot.top() + textH), tr("3 s"));
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.setPen(pal.color(QPalette::Text));
    for (int decade = 0; decade <= 5; ++decade) {
        const double tx = plot.left() + plot.width() * decade / 5.0;
        const QString label = formatUs(100.0 * std::pow(10.0, decade));
        const double w = p.fontMetrics().horizontalAdvance(label);
        p.drawText(QPointF(std::clamp(tx - w / 2, 0.0, width() - w), plot.bottom() + textH + 2), label);
    }
}

} // namespace socketscope
