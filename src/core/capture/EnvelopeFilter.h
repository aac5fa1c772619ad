#pragma once

#include "slack/Envelope.h"
#include "util/Result.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVector>

#include <optional>

namespace socketscope {

// Where a filter expression went wrong, for inline validation (character offsets into the text).
struct FilterSyntaxError
{
    int position = 0;
    int length = 0;
    QString message;

    Error toError() const;
};

// A WHERE clause (without the keyword) and its positional bound values.
struct SqlWhere
{
    QString clause; // "1" when the filter is empty
    QVariantList values;
};

// How the capture schema names the columns the filter needs; defaults follow CaptureStore's schema.
struct FilterSqlColumns
{
    QString rowId = QStringLiteral("id");
    QString type = QStringLiteral("type");
    QString subtype = QStringLiteral("subtype");
    QString userId = QStringLiteral("user_id");
    QString channelId = QStringLiteral("channel_id");
    QString retryAttempt = QStringLiteral("retry_attempt");
    QString duplicate = QStringLiteral("duplicate");
    QString receivedUs = QStringLiteral("received_us");
    QString ackedUs = QStringLiteral("acked_us");
    QString ftsTable = QStringLiteral("envelopes_fts"); // FTS5 table whose rowid is the envelope row id
};

// The inspector's display filter, shared by live rows (matches) and history (toSql).
//
//   type:slash_commands  type:slash,interactive   (comma = any of; aliases slash/events/interactive)
//   user:U123  channel:C1  command:/nautobot (also event:app_mention, subtype of the envelope)
//   ack>100  ack>=100  ack<5  ack<=5  ack=0      (ack latency in ms; unacked rows never match)
//   retry  dup  unacked  acked
//   text:"two words"  or bare words               (free text, with the capture's FTS5 semantics: every
//                                                  token appears somewhere in the envelope (summary
//                                                  fields, envelope_id or the raw frame), case-folded,
//                                                  the last token a prefix; the index has detail=none,
//                                                  so word order is not checked)
//   !term or -term negates a term. All terms must hold (AND).
class EnvelopeFilter
{
public:
    enum class Field { Type, User, Channel, Subtype, Ack, Retry, Duplicate, Unacked, Acked, Text };
    enum class Op { Eq, Lt, Le, Gt, Ge };

    struct Term
    {
        Field field = Field::Text;
        bool negated = false;
        QStringList values;          // Type/User/Channel/Subtype: any of (lower-cased for Type)
        Op op = Op::Eq;              // Ack
        qint64 number = 0;           // Ack: milliseconds
        QStringList tokens;          // Text: case-folded tokens, matched as a phrase, last one as prefix
    };

    static Result<EnvelopeFilter> parse(const QString &text);
    static std::optional<FilterSyntaxError> check(const QString &text);

    bool isEmpty() const { return m_terms.isEmpty() && !m_typeRestriction; }
    QString text() const { return m_text; }
    const QVector<Term> &terms() const { return m_terms; }

    // The filter bar's type toggles: only envelopes whose type is in the set (known types by name,
    // "unknown" for any other type). Unset = no restriction.
    void setTypeRestriction(const std::optional<QSet<QString>> &types) { m_typeRestriction = types; }
    const std::optional<QSet<QString>> &typeRestriction() const { return m_typeRestriction; }

    bool matches(const Envelope &envelope) const;
    SqlWhere toSql(const FilterSqlColumns &columns = {}) const;
    // For rows the FTS5 index does not hold yet: the same filter without its free-text terms, whose SQL
    // the caller completes with matches().
    bool hasTextTerms() const;
    EnvelopeFilter withoutTextTerms() const;

    bool operator==(const EnvelopeFilter &other) const;
    bool operator!=(const EnvelopeFilter &other) const { return !(*this == other); }

    // Tokenizes like SQLite FTS5's unicode61 tokenizer (letters and digits, case-folded).
    static QStringList tokenize(const QString &text);
    static bool isKnownType(const QString &type);

private:
    static std::variant<EnvelopeFilter, FilterSyntaxError> parseImpl(const QString &text);

    QString m_text;
    QVector<Term> m_terms;
    std::optional<QSet<QString>> m_typeRestriction;
};

} // namespace socketscope
