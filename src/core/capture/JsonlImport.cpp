#include "capture/JsonlImport.h"

#include "capture/CaptureStore.h"
#include "util/Json.h"
#include "util/Logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

namespace socketscope {

namespace {

Error lineError(const QString &reason)
{
    return {QStringLiteral("bad_line"), reason, {}};
}

// received_us wins; received_at (ISO-8601, µs) is the fallback for hand-made lines.
qint64 timeUs(const QJsonObject &o, const char *usKey, const char *isoKey)
{
    const QJsonValue us = o.value(QLatin1String(usKey));
    if (us.isDouble())
        return us.toInteger();
    const QString iso = o.value(QLatin1String(isoKey)).toString();
    if (iso.isEmpty())
        return 0;
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!t.isValid())
        return 0;
    qint64 result = t.toMSecsSinceEpoch() * 1000;
    // Qt parses milliseconds only: add the remaining microsecond digits.
    const qsizetype dot = iso.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        const QString digits = iso.mid(dot + 1).section(QRegularExpression(QStringLiteral("[^0-9]")), 0, 0);
        if (digits.size() > 3)
            result += digits.mid(3, 3).leftJustified(3, QLatin1Char('0')).toLongLong();
    }
    return result;
}

} // namespace

Result<Envelope> JsonlImport::parseLine(const QByteArray &line)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError)
        return lineError(QStringLiteral("not JSON (%1 at offset %2)").arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return lineError(QStringLiteral("not a JSON object"));
    const QJsonObject o = doc.object();
    const QJsonValue frameValue = o.value(QLatin1String("envelope"));
    if (!frameValue.isObject())
        return lineError(QStringLiteral("no \"envelope\" object"));
    const qint64 receivedUs = timeUs(o, "received_us", "received_at");
    if (receivedUs <= 0)
        return lineError(QStringLiteral("no valid received_us or received_at"));

    const Frame frame = parseFrame(json::compact(frameValue.toObject()), receivedUs);
    if (frame.kind != Frame::Kind::Envelope)
        return lineError(QStringLiteral("\"envelope\" is not a Socket Mode envelope: %1").arg(frame.problem));
    Envelope e = frame.envelope;
    e.ackedUs = timeUs(o, "acked_us", "acked_at");
    e.linkId = o.value(QLatin1String("link")).toInt();
    e.deliveryStatus = o.value(QLatin1String("delivery_status")).toString();
    return e;
}

Result<ImportReport> JsonlImport::read(CaptureStore &store, QIODevice &in, const QString &sourceName)
{
    ImportReport report;
    SessionInfo session;
    session.source = QStringLiteral("import");
    const Result<qint64> sessionId = store.beginSession(session);
    if (!sessionId)
        return sessionId.error();
    report.sessionId = *sessionId;

    QVector<Envelope> batch;
    batch.reserve(kBatchSize);
    const auto flush = [&]() -> Result<void> {
        if (batch.isEmpty())
            return {};
        if (auto r = store.insertEnvelopes(batch); !r)
            return r;
        report.imported += batch.size();
        batch.clear();
        return {};
    };

    qint64 lineNumber = 0;
    while (!in.atEnd()) {
        const QByteArray line = in.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        Result<Envelope> e = parseLine(line);
        if (!e) {
            ++report.skipped;
            if (report.problems.size() < kMaxProblems)
                report.problems.append({lineNumber, e.error().message});
            continue;
        }
        e.value().sessionId = report.sessionId;
        batch.append(std::move(e).value());
        if (batch.size() >= kBatchSize) {
            if (auto r = flush(); !r)
                return r.error();
        }
    }
    if (auto r = flush(); !r)
        return r.error();
    const QString summary = QStringLiteral("imported %1, skipped %2 from %3")
                                .arg(report.imported)
                                .arg(report.skipped)
                                .arg(sourceName);
    if (auto r = store.endSession(report.sessionId, summary); !r)
        return r.error();
    // The index is fed when a writer's event loop is quiet; an import has no such moment, and the
    // capture it fills is usually opened read-only next (search scans unindexed rows, slowly).
    if (auto r = store.indexSearchTextNow(); !r)
        qCWarning(lcCapture) << "imported rows left for later search indexing:" << r.error().message;
    return report;
}

} // namespace socketscope
