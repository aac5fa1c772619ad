#include "models/EnvelopeColoring.h"

#include "capture/EnvelopeFilter.h"

#include <QCoreApplication>

namespace socketscope {

namespace {

QColor blend(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(static_cast<float>(base.redF() * (1 - amount) + tint.redF() * amount),
                            static_cast<float>(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            static_cast<float>(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

} // namespace

const QVector<EnvelopeColoring::Rule> &EnvelopeColoring::rules()
{
    // Names and descriptions are user-visible (legend, tooltips): translated once, at first use.
    static const QVector<Rule> list{
        {State::AckOverDeadline, QCoreApplication::translate("socketscope::EnvelopeColoring", "Ack ≥ 3 s"),
         QCoreApplication::translate("socketscope::EnvelopeColoring", "Acked after Slack's 3 s deadline: the user saw an error or Slack retries"), QColor(0xe5, 0x39, 0x35)},
        {State::Unacked, QCoreApplication::translate("socketscope::EnvelopeColoring", "Unacked"),
         QCoreApplication::translate("socketscope::EnvelopeColoring", "Never acked within 3 s: Slack retries events; commands fail for the user"), QColor(0xd8, 0x1b, 0x60)},
        {State::LateAck, QCoreApplication::translate("socketscope::EnvelopeColoring", "Ack ≥ 1 s"), QCoreApplication::translate("socketscope::EnvelopeColoring", "Acked late (1–3 s): close to the deadline"),
         QColor(0xff, 0xb3, 0x00)},
        {State::Duplicate, QCoreApplication::translate("socketscope::EnvelopeColoring", "Duplicate"),
         QCoreApplication::translate("socketscope::EnvelopeColoring", "Same event_id or envelope_id seen before in this capture"), QColor(0x8d, 0x6e, 0x63)},
        {State::Retry, QCoreApplication::translate("socketscope::EnvelopeColoring", "Retry"), QCoreApplication::translate("socketscope::EnvelopeColoring", "retry_attempt > 0: Slack re-sent an unacked event"),
         QColor(0x1e, 0x88, 0xe5)},
        {State::UnknownType, QCoreApplication::translate("socketscope::EnvelopeColoring", "Unknown type"),
         QCoreApplication::translate("socketscope::EnvelopeColoring", "Envelope type other than events_api, slash_commands, interactive (kept raw)"),
         QColor(0x8e, 0x24, 0xaa)},
    };
    return list;
}

EnvelopeColoring::State EnvelopeColoring::stateOf(const Envelope &e, qint64 nowUs)
{
    const qint64 latency = e.ackLatencyUs();
    if (latency >= kDeadlineUs)
        return State::AckOverDeadline;
    if (e.ackedUs <= 0 && nowUs - e.receivedUs >= kDeadlineUs)
        return State::Unacked;
    if (latency >= kLateAckUs)
        return State::LateAck;
    if (e.duplicate)
        return State::Duplicate;
    if (e.retryAttempt > 0)
        return State::Retry;
    if (!EnvelopeFilter::isKnownType(e.type))
        return State::UnknownType;
    return State::None;
}

QColor EnvelopeColoring::background(State state, const QPalette &palette)
{
    if (state == State::None)
        return QColor();
    for (const Rule &rule : rules()) {
        if (rule.state == state)
            return blend(palette.color(QPalette::Base), rule.tint, isDark(palette) ? 0.38 : 0.28);
    }
    return QColor();
}

QColor EnvelopeColoring::foreground(State state, const QPalette &palette)
{
    if (state == State::None)
        return QColor();
    return palette.color(QPalette::Text);
}

} // namespace socketscope
