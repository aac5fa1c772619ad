#include "answers/JsonInput.h"

#include <QJsonParseError>

namespace socketscope::answers {

Result<QJsonDocument> parseOperatorJson(const QByteArray &text, const QString &what)
{
    if (text.trimmed().isEmpty())
        return Error{QStringLiteral("json_empty"), QStringLiteral("%1 is empty.").arg(what),
                     QStringLiteral("Enter a JSON object.")};
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error == QJsonParseError::NoError)
        return doc;
    const int offset = qBound(0, error.offset, static_cast<int>(text.size()));
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset; ++i) {
        if (text.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text.at(i)) & 0xC0) != 0x80) {
            ++column; // count characters, not UTF-8 continuation bytes
        }
    }
    return Error{QStringLiteral("json_syntax"),
                 QStringLiteral("%1: JSON syntax error at offset %2 (line %3, column %4): %5.")
                     .arg(what)
                     .arg(offset)
                     .arg(line)
                     .arg(column)
                     .arg(error.errorString()),
                 QStringLiteral("Fix the JSON at that position (a missing comma, quote or bracket is the usual cause).")};
}

} // namespace socketscope::answers
