#include "capture/JsonlExport.h"

#include "capture/CaptureStore.h"
#include "capture/Redactor.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>

namespace socketscope {

namespace {

QJsonValue timeOrNull(qint64 us)
{
    return us > 0 ? QJsonValue(JsonlExport::isoTimeUs(us)) : QJsonValue(QJsonValue::Null);
}

QJsonValue numberOrNull(qint64 value, bool present)
{
    return present ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString JsonlExport::isoTimeUs(qint64 us)
{
    if (us <= 0)
        return {};
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC);
    return t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.")) + QStringLiteral("%1").arg(us % 1000000, 6, 10, QLatin1Char('0'))
        + QLatin1Char('Z');
}

QJsonObject JsonlExport::toObject(const Envelope &e, bool redact)
{
    const auto text = [redact](const QString &s) { return redact ? Redactor::redactText(s) : s; };
    QJsonObject o;
    o.insert(QStringLiteral("envelope_id"), e.envelopeId);
    o.insert(QStringLiteral("type"), e.type);
    o.insert(QStringLiteral("subtype"), e.subtype);
    o.insert(QStringLiteral("team"), e.teamId);
    o.insert(QStringLiteral("channel"), e.channelId);
    o.insert(QStringLiteral("user"), e.userId);
    o.insert(QStringLiteral("text"), text(e.text)); // users paste tokens into commands too
    o.insert(QStringLiteral("event_id"), e.eventId);
    o.insert(QStringLiteral("received_at"), timeOrNull(e.receivedUs));
    o.insert(QStringLiteral("received_us"), e.receivedUs);
    o.insert(QStringLiteral("acked_at"), timeOrNull(e.ackedUs));
    o.insert(QStringLiteral("acked_us"), numberOrNull(e.ackedUs, e.ackedUs > 0));
    o.insert(QStringLiteral("ack_us"), numberOrNull(e.ackLatencyUs(), e.ackedUs > 0));
    o.insert(QStringLiteral("link"), e.linkId);
    o.insert(QStringLiteral("retry_attempt"), e.retryAttempt);
    o.insert(QStringLiteral("retry_reason"), e.retryReason);
    o.insert(QStringLiteral("accepts_response_payload"), e.acceptsResponsePayload);
    o.insert(QStringLiteral("duplicate"), e.duplicate);
    o.insert(QStringLiteral("delivery_status"), text(e.deliveryStatus));

    QJsonParseError error{};
    const QJsonDocument frame = QJsonDocument::fromJson(e.raw, &error);
    if (error.error == QJsonParseError::NoError && frame.isObject()) {
        o.insert(QStringLiteral("envelope"), redact ? Redactor::redact(frame.object()) : frame.object());
    } else {
        // Not expected (only parsed frames become envelopes), but never drop what was captured.
        const QString raw = QString::fromUtf8(e.raw);
        o.insert(QStringLiteral("envelope_raw"), text(raw));
    }
    return o;
}

QByteArray JsonlExport::toLine(const Envelope &envelope, bool redact)
{
    return QJsonDocument(toObject(envelope, redact)).toJson(QJsonDocument::Compact);
}

Result<qint64> JsonlExport::write(const CaptureStore &store, QIODevice &out, const JsonlExportOptions &options)
{
    qint64 written = 0;
    std::optional<Error> writeError;
    const auto visit = [&](const Envelope &e) {
        const QByteArray line = toLine(e, options.redact) + '\n';
        if (out.write(line) != line.size()) {
            writeError = Error{QStringLiteral("export_write_failed"),
                               QStringLiteral("Writing the export failed after %1 envelopes: %2.")
                                   .arg(written)
                                   .arg(out.errorString()),
                               QStringLiteral("Check free disk space and that the output is writable.")};
            return false;
        }
        ++written;
        return true;
    };
    const Result<void> r = options.rowIds.isEmpty() ? store.forEachEnvelope(visit)
                                                    : store.forEachEnvelope(options.rowIds, visit);
    if (writeError)
        return *writeError;
    if (!r)
        return r.error();
    return written;
}

} // namespace socketscope
