#include "widgets/LinkTimeline.h"

#include "util/Json.h"

#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <map>

namespace socketscope {

namespace {
constexpr int kLaneHeight = 18;
constexpr int kAxisHeight = 18;
constexpr int kLabelWidth = 56;
}

LinkTimeline::LinkTimeline(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setMouseTracking(true);
}

void LinkTimeline::setEvents(const QVector<LinkEvent> &events)
{
    m_events = events;
    std::stable_sort(m_events.begin(), m_events.end(), [](const LinkEvent &a, const LinkEvent &b) { return a.atUs < b.atUs; });
    updateGeometry();
    update();
}

void LinkTimeline::addEvent(const LinkEvent &event)
{
    m_events.append(event);
    if (m_events.size() > 1 && m_events.at(m_events.size() - 2).atUs > event.atUs)
        std::stable_sort(m_events.begin(), m_events.end(), [](const LinkEvent &a, const LinkEvent &b) { return a.atUs < b.atUs; });
    updateGeometry();
    update();
}

void LinkTimeline::clear()
{
    m_events.clear();
    updateGeometry();
    update();
}

void LinkTimeline::setNowUs(qint64 nowUs)
{
    m_nowUs = nowUs;
    update();
}

qint64 LinkTimeline::now() const
{
    return m_nowUs > 0 ? m_nowUs : json::nowUs();
}

QVector<LinkTimeline::Lane> LinkTimeline::lanes() const
{
    std::map<std::pair<qint64, int>, Lane> byLink; // (session, link)
    for (const LinkEvent &e : m_events) {
        if (e.linkId <= 0)
            continue; // session-level events (link 0) belong to no link
        Lane &lane = byLink[{e.sessionId, e.linkId}];
        lane.linkId = e.linkId;
        if ((e.kind == QLatin1String("opening") || e.kind == QLatin1String("open")) && lane.openedUs == 0)
            lane.openedUs = e.atUs;
        else if (e.kind == QLatin1String("hello") && lane.helloUs == 0)
            lane.helloUs = e.atUs;
        else if (e.kind == QLatin1String("disconnect") && lane.disconnectUs == 0) {
            lane.disconnectUs = e.atUs;
            lane.disconnectReason = e.detail;
        } else if ((e.kind == QLatin1String("closed") || e.kind == QLatin1String("error")
                    || e.kind == QLatin1String("ping_timeout"))
                   && lane.closedUs == 0) {
            lane.closedUs = e.atUs;
            lane.closeDetail = e.kind + (e.detail.isEmpty() ? QString() : QStringLiteral(": ") + e.detail);
        }
        if (lane.openedUs == 0)
            lane.openedUs = e.atUs;
    }
    QVector<Lane> out;
    for (auto &entry : byLink)
        out.append(entry.second);
    std::sort(out.begin(), out.end(), [](const Lane &a, const Lane &b) { return a.openedUs < b.openedUs; });
    return out;
}

QVector<QPair<qint64, qint64>> LinkTimeline::gaps() const
{
    // Sweep over live intervals [hello, closed).
    std::vector<std::pair<qint64, int>> edges;
    qint64 firstHello = 0;
    for (const Lane &lane : lanes()) {
        if (lane.helloUs == 0)
            continue;
        firstHello = firstHello == 0 ? lane.helloUs : std::min(firstHello, lane.helloUs);
        edges.emplace_back(lane.helloUs, +1);
        edges.emplace_back(lane.closedUs > 0 ? lane.closedUs : now(), -1);
    }
    QVector<QPair<qint64, qint64>> out;
    if (edges.empty())
        return out;
    std::sort(edges.begin(), edges.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : a.second > b.second; // opens before closes at a tie
    });
    int live = 0;
    qint64 gapStart = -1;
    for (const auto &[at, delta] : edges) {
        live += delta;
        if (live == 0 && delta < 0)
            gapStart = at;
        else if (live == 1 && delta > 0 && gapStart >= 0) {
            if (at > gapStart)
                out.append({gapStart, at});
            gapStart = -1;
        }
    }
    const qint64 t = now();
    if (gapStart >= 0 && t > gapStart)
        out.append({gapStart, t});
    return out;
}

QSize LinkTimeline::sizeHint() const
{
    const int n = std::max<int>(1, static_cast<int>(lanes().size()));
    return {480, kAxisHeight + std::min(n, 8) * kLaneHeight + 8};
}

QSize LinkTimeline::minimumSizeHint() const
{
    return {160, kAxisHeight + kLaneHeight + 8};
}

bool LinkTimeline::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const int laneIndex = (help->pos().y() - kAxisHeight) / kLaneHeight;
        const auto all = lanes();
        if (laneIndex >= 0 && laneIndex < all.size()) {
            const Lane &l = all.at(laneIndex);
            auto fmt = [](qint64 us) {
                return us ? QDateTime::fromMSecsSinceEpoch(us / 1000).toString(QStringLiteral("HH:mm:ss.zzz")) : tr("—");
            };
            QToolTip::showText(help->globalPos(),
                               tr("Link %1\nopened %2\nhello %3\ndisconnect %4 %5\nclosed %6 %7")
                                   .arg(l.linkId)
                                   .arg(fmt(l.openedUs), fmt(l.helloUs), fmt(l.disconnectUs), l.disconnectReason,
                                        fmt(l.closedUs), l.closeDetail),
                               this);
            return true;
        }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void LinkTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const auto all = lanes();
    if (all.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No links yet: connect to see each link's life here"));
        return;
    }
    const qint64 t1 = now();
    qint64 t0 = all.first().openedUs;
    const qint64 span = std::max<qint64>(t1 - t0, 1'000'000);
    t0 = t1 - span;
    const QRectF plot(kLabelWidth, kAxisHeight, width() - kLabelWidth - 8, height() - kAxisHeight - 2);
    auto x = [&](qint64 us) { return plot.left() + plot.width() * double(us - t0) / double(span); };

    // Axis with a few ticks.
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(QPointF(plot.left(), kAxisHeight - 2), QPointF(plot.right(), kAxisHeight - 2));
    p.setPen(pal.color(QPalette::Text));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    const int ticks = std::max(2, static_cast<int>(plot.width() / 110));
    // Ticks under a second apart need tenths, or neighbouring labels read the same.
    const QString tickFormat = span / ticks < 1000000 ? QStringLiteral("HH:mm:ss.z") : QStringLiteral("HH:mm:ss");
    for (int i = 0; i <= ticks; ++i) {
        const qint64 at = t0 + span * i / ticks;
        const double tx = x(at);
        p.drawLine(QPointF(tx, kAxisHeight - 5), QPointF(tx, kAxisHeight - 2));
        const QString label = QDateTime::fromMSecsSinceEpoch(at / 1000).toString(tickFormat);
        const double w = p.fontMetrics().horizontalAdvance(label);
        p.drawText(QPointF(std::clamp(tx - w / 2, plot.left(), plot.right() - w), kAxisHeight - 7), label);
    }

    // Gaps: no live link.
    const QColor gapColour(0xe5, 0x39, 0x35, 70);
    for (const auto &gap : gaps())
        p.fillRect(QRectF(QPointF(x(std::max(gap.first, t0)), plot.top()), QPointF(x(gap.second), plot.bottom())), gapColour);

    const QColor opening(0x90, 0xa4, 0xae), live(0x43, 0xa0, 0x47), draining(0xff, 0xb3, 0x00);
    const int maxLanes = std::max(1, static_cast<int>(plot.height()) / kLaneHeight);
    const int firstLane = std::max(0, static_cast<int>(all.size()) - maxLanes);
    for (int i = firstLane; i < all.size(); ++i) {
        const Lane &l = all.at(i);
        const double y = plot.top() + (i - firstLane) * kLaneHeight + 3;
        const double h = kLaneHeight - 6;
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(4, y - 2, kLabelWidth - 8, h + 4), Qt::AlignVCenter | Qt::AlignRight, tr("link %1").arg(l.linkId));
        const qint64 end = l.closedUs > 0 ? l.closedUs : t1;
        auto bar = [&](qint64 a, qint64 b, const QColor &c) {
            if (b <= a)
                return;
            p.fillRect(QRectF(QPointF(x(std::max(a, t0)), y), QPointF(x(std::max(b, t0)), y + h)), c);
        };
        const qint64 helloOrEnd = l.helloUs > 0 ? l.helloUs : end;
        bar(l.openedUs, helloOrEnd, opening);
        if (l.helloUs > 0)
            bar(l.helloUs, l.disconnectUs > 0 ? l.disconnectUs : end, live);
        if (l.disconnectUs > 0)
            bar(l.disconnectUs, end, draining);
        p.setPen(QPen(pal.color(QPalette::Text), 1));
        if (l.helloUs > 0) {
            p.setBrush(live.darker(130));
            p.drawEllipse(QPointF(x(l.helloUs), y + h / 2), 3.5, 3.5);
        }
        if (l.disconnectUs > 0) {
            p.setBrush(draining.darker(120));
            const double dx = x(l.disconnectUs);
            QPainterPath tri;
            tri.moveTo(dx, y - 1);
            tri.lineTo(dx - 4, y + h + 1);
            tri.lineTo(dx + 4, y + h + 1);
            tri.closeSubpath();
            p.drawPath(tri);
            p.drawText(QPointF(dx + 6, y + h - 2), l.disconnectReason);
        }
        if (l.closedUs > 0) {
            p.setPen(QPen(pal.color(QPalette::Text), 2));
            p.drawLine(QPointF(x(l.closedUs), y - 1), QPointF(x(l.closedUs), y + h + 1));
        }
    }
}

} // namespace socketscope
