#include "answers/ReplyComposer.h"

#include "answers/JsonInput.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

namespace socketscope {

namespace {

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("missing");
}

// A text object ({"type": "mrkdwn"|"plain_text", "text": …}) or, leniently, a bare string.
QString textOf(const QJsonValue &v)
{
    return v.isObject() ? v.toObject().value(QLatin1String("text")).toString() : v.toString();
}

Error tooLong(const QString &code, const QString &where, qsizetype size, int limit)
{
    return Error{code,
                 QStringLiteral("%1 has %2 characters; Slack allows at most %3.").arg(where).arg(size).arg(limit),
                 QStringLiteral("Shorten it or split it into several blocks.")};
}

Result<void> validateBlock(const QJsonObject &block, int index)
{
    const QString where = QStringLiteral("blocks[%1]").arg(index);
    const QString type = block.value(QLatin1String("type")).toString();
    if (type == QLatin1String("section")) {
        const bool hasText = block.contains(QLatin1String("text"));
        const QJsonArray fields = block.value(QLatin1String("fields")).toArray();
        if (!hasText && fields.isEmpty()) {
            return Error{QStringLiteral("section_empty"), QStringLiteral("%1 (section) has neither text nor fields.").arg(where),
                         QStringLiteral("Add \"text\": {\"type\": \"mrkdwn\", \"text\": \"…\"}.")};
        }
        const QString text = textOf(block.value(QLatin1String("text")));
        if (text.size() > ReplyComposer::kMaxSectionTextChars)
            return tooLong(QStringLiteral("section_text_too_long"), where + QStringLiteral(" (section) text"), text.size(),
                           ReplyComposer::kMaxSectionTextChars);
        if (fields.size() > ReplyComposer::kMaxSectionFields) {
            return Error{QStringLiteral("too_many_fields"),
                         QStringLiteral("%1 (section) has %2 fields; Slack allows at most %3.")
                             .arg(where).arg(fields.size()).arg(ReplyComposer::kMaxSectionFields),
                         QStringLiteral("Move the rest into another section.")};
        }
        for (int f = 0; f < fields.size(); ++f) {
            const QString fieldText = textOf(fields.at(f));
            if (fieldText.size() > ReplyComposer::kMaxFieldChars)
                return tooLong(QStringLiteral("field_text_too_long"), QStringLiteral("%1.fields[%2]").arg(where).arg(f),
                               fieldText.size(), ReplyComposer::kMaxFieldChars);
        }
    } else if (type == QLatin1String("header")) {
        const QString text = textOf(block.value(QLatin1String("text")));
        if (text.size() > ReplyComposer::kMaxHeaderChars)
            return tooLong(QStringLiteral("header_text_too_long"), where + QStringLiteral(" (header) text"), text.size(),
                           ReplyComposer::kMaxHeaderChars);
    }
    return {};
}

QString previewBlock(const QJsonObject &block)
{
    const QString type = block.value(QLatin1String("type")).toString();
    QStringList lines;
    if (type == QLatin1String("header")) {
        const QString text = textOf(block.value(QLatin1String("text")));
        lines << text << QString(text.size(), QLatin1Char('='));
    } else if (type == QLatin1String("section")) {
        if (block.contains(QLatin1String("text")))
            lines << textOf(block.value(QLatin1String("text")));
        const QJsonArray fields = block.value(QLatin1String("fields")).toArray();
        for (const QJsonValue &f : fields)
            lines << QStringLiteral("  • ") + textOf(f).replace(QLatin1Char('\n'), QStringLiteral(": "));
        const QJsonObject accessory = block.value(QLatin1String("accessory")).toObject();
        if (!accessory.isEmpty())
            lines << QStringLiteral("  [%1]").arg(textOf(accessory.value(QLatin1String("text"))).isEmpty()
                                                     ? accessory.value(QLatin1String("type")).toString()
                                                     : textOf(accessory.value(QLatin1String("text"))));
    } else if (type == QLatin1String("context")) {
        QStringList parts;
        const QJsonArray elements = block.value(QLatin1String("elements")).toArray();
        for (const QJsonValue &e : elements) {
            const QJsonObject o = e.toObject();
            parts << (o.value(QLatin1String("type")).toString() == QLatin1String("image")
                          ? QStringLiteral("[%1]").arg(o.value(QLatin1String("alt_text")).toString())
                          : o.value(QLatin1String("text")).toString());
        }
        lines << QStringLiteral("  ") + parts.join(QStringLiteral(" · "));
    } else if (type == QLatin1String("divider")) {
        lines << QString(40, QChar(0x2500));
    } else if (type == QLatin1String("actions")) {
        QStringList parts;
        const QJsonArray elements = block.value(QLatin1String("elements")).toArray();
        for (const QJsonValue &e : elements) {
            const QJsonObject o = e.toObject();
            const QString label = textOf(o.value(QLatin1String("text")));
            const QString placeholder = textOf(o.value(QLatin1String("placeholder")));
            parts << QStringLiteral("[%1]").arg(!label.isEmpty() ? label : !placeholder.isEmpty() ? placeholder + QStringLiteral(" ▾")
                                                                                               : o.value(QLatin1String("type")).toString());
        }
        lines << parts.join(QLatin1Char(' '));
    } else if (type == QLatin1String("image")) {
        lines << QStringLiteral("[image: %1]").arg(block.value(QLatin1String("alt_text")).toString());
    } else {
        lines << QStringLiteral("[%1 block]").arg(type);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QJsonObject ReplyComposer::applyOptions(QJsonObject message, const ReplyOptions &options)
{
    message.insert(QStringLiteral("response_type"), options.visibility == ReplyVisibility::InChannel
                                                        ? QStringLiteral("in_channel")
                                                        : QStringLiteral("ephemeral"));
    if (options.replaceOriginal)
        message.insert(QStringLiteral("replace_original"), true);
    else
        message.remove(QStringLiteral("replace_original"));
    if (!options.threadTs.isEmpty())
        message.insert(QStringLiteral("thread_ts"), options.threadTs);
    return message;
}

Result<QJsonObject> ReplyComposer::fromText(const QString &text, const ReplyOptions &options)
{
    const QJsonObject message = applyOptions(QJsonObject{{QStringLiteral("text"), text}}, options);
    auto valid = validate(message);
    if (!valid)
        return valid.error();
    return message;
}

Result<QJsonObject> ReplyComposer::fromBlockKit(const QByteArray &json, const ReplyOptions &options)
{
    auto doc = answers::parseOperatorJson(json, QStringLiteral("The Block Kit JSON"));
    if (!doc)
        return doc.error();
    QJsonObject message;
    if (doc->isArray()) {
        message.insert(QStringLiteral("blocks"), doc->array());
    } else if (doc->isObject()) {
        message = doc->object();
        if (!message.contains(QLatin1String("blocks")) && !message.contains(QLatin1String("text"))) {
            return Error{QStringLiteral("empty_message"), QStringLiteral("The JSON object has neither \"blocks\" nor \"text\"."),
                         QStringLiteral("Paste {\"blocks\": [ … ]} or the array of blocks from Block Kit Builder.")};
        }
    } else {
        return Error{QStringLiteral("not_message"), QStringLiteral("Block Kit JSON must be an object or an array of blocks."), {}};
    }
    message = applyOptions(message, options);
    auto valid = validate(message);
    if (!valid)
        return valid.error();
    return message;
}

Result<void> ReplyComposer::validate(const QJsonObject &message)
{
    const QJsonValue text = message.value(QLatin1String("text"));
    const QJsonValue blocks = message.value(QLatin1String("blocks"));
    if (!text.isUndefined() && !text.isString()) {
        return Error{QStringLiteral("text_not_string"), QStringLiteral("\"text\" is %1, not a string.").arg(jsonTypeName(text)),
                     {}};
    }
    if (text.toString().size() > kMaxTextChars)
        return tooLong(QStringLiteral("text_too_long"), QStringLiteral("\"text\""), text.toString().size(), kMaxTextChars);
    if (!blocks.isUndefined() && !blocks.isArray()) {
        return Error{QStringLiteral("blocks_not_array"), QStringLiteral("\"blocks\" is %1, not an array.").arg(jsonTypeName(blocks)),
                     QStringLiteral("Use \"blocks\": [ {\"type\": \"section\", …}, … ].")};
    }
    const QJsonArray list = blocks.toArray();
    if (text.toString().trimmed().isEmpty() && list.isEmpty()) {
        return Error{QStringLiteral("empty_message"), QStringLiteral("The message has no text and no blocks."),
                     QStringLiteral("Type a text or add at least one block.")};
    }
    if (list.size() > kMaxBlocks) {
        return Error{QStringLiteral("too_many_blocks"),
                     QStringLiteral("The message has %1 blocks; Slack allows at most %2 per message.").arg(list.size()).arg(kMaxBlocks),
                     QStringLiteral("Split it into several messages.")};
    }
    for (int i = 0; i < list.size(); ++i) {
        const QJsonValue b = list.at(i);
        if (!b.isObject()) {
            return Error{QStringLiteral("block_not_object"),
                         QStringLiteral("blocks[%1] is %2, not an object.").arg(i).arg(jsonTypeName(b)), {}};
        }
        if (b.toObject().value(QLatin1String("type")).toString().isEmpty()) {
            return Error{QStringLiteral("block_without_type"), QStringLiteral("blocks[%1] has no \"type\".").arg(i),
                         QStringLiteral("Every block needs a type: section, header, context, divider, actions, image, …")};
        }
        auto ok = validateBlock(b.toObject(), i);
        if (!ok)
            return ok;
    }
    const QJsonValue responseType = message.value(QLatin1String("response_type"));
    if (!responseType.isUndefined() && responseType != QJsonValue(QStringLiteral("ephemeral"))
        && responseType != QJsonValue(QStringLiteral("in_channel"))) {
        return Error{QStringLiteral("bad_response_type"),
                     QStringLiteral("\"response_type\" must be \"ephemeral\" or \"in_channel\"."), {}};
    }
    const QJsonValue replace = message.value(QLatin1String("replace_original"));
    if (!replace.isUndefined() && !replace.isBool() && replace != QJsonValue(QStringLiteral("true"))
        && replace != QJsonValue(QStringLiteral("false"))) {
        return Error{QStringLiteral("bad_replace_original"), QStringLiteral("\"replace_original\" must be true or false."), {}};
    }
    return {};
}

QString ReplyComposer::preview(const QJsonObject &message)
{
    const QJsonArray blocks = message.value(QLatin1String("blocks")).toArray();
    if (blocks.isEmpty())
        return message.value(QLatin1String("text")).toString();
    QStringList parts;
    for (const QJsonValue &b : blocks)
        parts << previewBlock(b.toObject());
    return parts.join(QLatin1Char('\n'));
}

QJsonObject ReplyComposer::forChatPostMessage(const QJsonObject &message, const QString &channel)
{
    QJsonObject args = message;
    args.remove(QStringLiteral("response_type"));
    args.remove(QStringLiteral("replace_original"));
    args.remove(QStringLiteral("delete_original"));
    args.insert(QStringLiteral("channel"), channel);
    return args;
}

} // namespace socketscope
