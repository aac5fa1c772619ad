#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace socketscope {

enum class ReplyVisibility {
    Ephemeral, // only the user who ran the command sees it (Slack's default for response_url)
    InChannel, // everyone in the channel sees it
};

struct ReplyOptions
{
    ReplyVisibility visibility = ReplyVisibility::Ephemeral;
    bool replaceOriginal = false; // response_url only: update the message the action came from
    QString threadTs;             // reply in a thread (optional)
};

// Turns what the operator typed (plain text or Block Kit JSON) into a Slack message payload and
// checks it against Slack's limits before anything is sent, with errors that say where the problem is.
class ReplyComposer
{
public:
    static constexpr int kMaxBlocks = 50;
    static constexpr int kMaxTextChars = 40000;
    static constexpr int kMaxSectionTextChars = 3000;
    static constexpr int kMaxSectionFields = 10;
    static constexpr int kMaxFieldChars = 2000;
    static constexpr int kMaxHeaderChars = 150;

    static Result<QJsonObject> fromText(const QString &text, const ReplyOptions &options = {});
    // Accepts a message object ({"blocks": [...], "text": ...}) or a bare array of blocks, as Block
    // Kit Builder copies them. Options set response_type / replace_original / thread_ts.
    static Result<QJsonObject> fromBlockKit(const QByteArray &json, const ReplyOptions &options = {});

    // Error codes: empty_message, text_not_string, text_too_long, blocks_not_array, too_many_blocks,
    // block_not_object, block_without_type, section_empty, section_text_too_long, too_many_fields,
    // field_text_too_long, header_text_too_long, bad_response_type, bad_replace_original.
    static Result<void> validate(const QJsonObject &message);

    // A readable plain-text rendering of the message (header, section, fields, context, divider, …).
    static QString preview(const QJsonObject &message);

    // chat.postMessage arguments for the same content: channel added, response_url-only fields dropped.
    static QJsonObject forChatPostMessage(const QJsonObject &message, const QString &channel);

private:
    static QJsonObject applyOptions(QJsonObject message, const ReplyOptions &options);
};

} // namespace socketscope
