#pragma once

#include <QJsonValue>

namespace socketscope {

// Payload JSON for an editor without its secrets: response_url, trigger_id and the legacy token are
// shown as a placeholder, and put back (from the captured payload, same place) when the operator's
// edit still holds the placeholder there.
namespace secretmask {
inline const QString kPlaceholder = QStringLiteral("‹masked: kept as captured›");
QJsonValue mask(const QJsonValue &value);
QJsonValue unmask(const QJsonValue &edited, const QJsonValue &original);
} // namespace secretmask

} // namespace socketscope
