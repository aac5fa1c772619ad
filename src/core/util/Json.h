#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace socketscope::json {

// Parses a JSON object; anything else (HTML, arrays, garbage) is an error that says what arrived.
Result<QJsonObject> parseObject(const QByteArray &bytes, const QString &what);

// A short, printable excerpt of a body for error messages (never more than maxChars).
QString excerpt(const QByteArray &bytes, int maxChars = 120);

QByteArray compact(const QJsonObject &object);

// Microseconds since the Unix epoch, from the system clock. For records only: the system clock can
// step (NTP, suspend, an operator), so no deadline, timer or latency may be derived from it.
qint64 nowUs();

// Microseconds on the monotonic clock (arbitrary origin): for durations such as ack latency.
qint64 steadyUs();

// Test seam: shifts nowUs() as a wall-clock step would, so tests can prove the point above.
void setWallClockOffsetUs(qint64 offsetUs);

} // namespace socketscope::json
