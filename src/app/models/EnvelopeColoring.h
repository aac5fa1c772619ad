#pragma once

#include "slack/Envelope.h"

#include <QColor>
#include <QPalette>
#include <QString>
#include <QVector>

namespace socketscope {

// Ordered colouring rules, first match wins (as Wireshark's). Colours are tints blended into the
// palette's base colour, so they read in light and dark palettes alike.
class EnvelopeColoring
{
public:
    enum class State { None, AckOverDeadline, Unacked, LateAck, Duplicate, Retry, UnknownType };

    struct Rule
    {
        State state;
        QString name;
        QString description;
        QColor tint;
    };

    static const QVector<Rule> &rules();
    // nowUs: unacked is only flagged once the 3 s deadline has passed (a fresh envelope is not late yet).
    static State stateOf(const Envelope &envelope, qint64 nowUs);
    static QColor background(State state, const QPalette &palette);
    static QColor foreground(State state, const QPalette &palette);

    static constexpr qint64 kLateAckUs = 1'000'000;
    static constexpr qint64 kDeadlineUs = 3'000'000;
};

} // namespace socketscope
