#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QString>

namespace socketscope::answers {

// Parses JSON the operator typed (a payload edit, Block Kit). Errors name the byte offset and the
// line:column so an editor can put the cursor there. Never quotes the input back: it may hold a
// response_url or token.
Result<QJsonDocument> parseOperatorJson(const QByteArray &text, const QString &what);

} // namespace socketscope::answers
