#include "util/Json.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>

#include <atomic>
#include <chrono>

namespace socketscope::json {

QString excerpt(const QByteArray &bytes, int maxChars)
{
    QString text = QString::fromUtf8(bytes.left(maxChars * 4)).simplified();
    if (text.size() > maxChars)
        text = text.left(maxChars) + QStringLiteral("…");
    return text;
}

Result<QJsonObject> parseObject(const QByteArray &bytes, const QString &what)
{
    const QByteArray trimmed = bytes.trimmed();
    if (trimmed.isEmpty())
        return Error{QStringLiteral("empty_body"), QStringLiteral("%1 was empty.").arg(what), {}};
    if (trimmed.startsWith('<')) {
        return Error{QStringLiteral("not_json"),
                     QStringLiteral("%1 is HTML, not JSON (\"%2\").").arg(what, excerpt(trimmed, 60)),
                     QStringLiteral("Check the URL: a proxy, captive portal or wrong host answered instead.")};
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{QStringLiteral("not_json"),
                     QStringLiteral("%1 is not valid JSON (%2 at offset %3): \"%4\".")
                         .arg(what, parseError.errorString())
                         .arg(parseError.offset)
                         .arg(excerpt(trimmed, 60)),
                     {}};
    }
    if (!doc.isObject()) {
        return Error{QStringLiteral("not_object"),
                     QStringLiteral("%1 is JSON but not an object.").arg(what), {}};
    }
    return doc.object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

namespace {
std::atomic<qint64> g_wallClockOffsetUs{0};
}

qint64 nowUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count()
           + g_wallClockOffsetUs.load(std::memory_order_relaxed);
}

qint64 steadyUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

void setWallClockOffsetUs(qint64 offsetUs)
{
    g_wallClockOffsetUs.store(offsetUs, std::memory_order_relaxed);
}

} // namespace socketscope::json
