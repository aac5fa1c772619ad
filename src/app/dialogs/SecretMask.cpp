#include "dialogs/SecretMask.h"

#include <QJsonArray>
#include <QJsonObject>

namespace socketscope::secretmask {

namespace {
bool isSecretKey(const QString &key)
{
    return key == QLatin1String("response_url") || key == QLatin1String("trigger_id")
           || key == QLatin1String("token");
}
} // namespace

QJsonValue mask(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject out = value.toObject();
        for (auto it = out.begin(); it != out.end(); ++it) {
            if (isSecretKey(it.key()) && it.value().isString())
                it.value() = kPlaceholder;
            else
                it.value() = mask(it.value());
        }
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(mask(v));
        return out;
    }
    return value;
}

QJsonValue unmask(const QJsonValue &edited, const QJsonValue &original)
{
    if (edited.isString() && edited.toString() == kPlaceholder)
        return original.isString() ? original : QJsonValue(QString());
    if (edited.isObject()) {
        const QJsonObject orig = original.toObject();
        QJsonObject out = edited.toObject();
        for (auto it = out.begin(); it != out.end(); ++it)
            it.value() = unmask(it.value(), orig.value(it.key()));
        return out;
    }
    if (edited.isArray()) {
        const QJsonArray orig = original.toArray();
        QJsonArray out;
        const QJsonArray in = edited.toArray();
        for (int i = 0; i < in.size(); ++i)
            out.append(unmask(in.at(i), i < orig.size() ? orig.at(i) : QJsonValue()));
        return out;
    }
    return edited;
}

} // namespace socketscope::secretmask
