#include "capture/EnvelopeFilter.h"

#include <algorithm>
#include <variant>

namespace socketscope {

namespace {

constexpr qint64 kMaxAckMs = 24LL * 60 * 60 * 1000; // ack>N: a day is past any ack Slack would still take

const QStringList &knownTypes()
{
    static const QStringList types{QStringLiteral("events_api"), QStringLiteral("slash_commands"),
                                   QStringLiteral("interactive")};
    return types;
}

QString canonicalType(const QString &value)
{
    const QString v = value.toLower();
    if (v == QLatin1String("slash") || v == QLatin1String("slash_command") || v == QLatin1String("command"))
        return QStringLiteral("slash_commands");
    if (v == QLatin1String("events") || v == QLatin1String("event") || v == QLatin1String("events_api"))
        return QStringLiteral("events_api");
    if (v == QLatin1String("interaction") || v == QLatin1String("interactive"))
        return QStringLiteral("interactive");
    return v;
}

bool typeInSet(const QString &type, const QStringList &wanted)
{
    const QString t = type.toLower();
    for (const QString &w : wanted) {
        if (w == QLatin1String("unknown") ? !EnvelopeFilter::isKnownType(t) : w == t)
            return true;
    }
    return false;
}

bool isSpace(QChar c) { return c.isSpace(); }

class Parser
{
public:
    explicit Parser(const QString &text) : m_s(text) {}

    std::variant<QVector<EnvelopeFilter::Term>, FilterSyntaxError> run()
    {
        QVector<EnvelopeFilter::Term> terms;
        for (;;) {
            while (m_pos < m_s.size() && isSpace(m_s.at(m_pos)))
                ++m_pos;
            if (m_pos >= m_s.size())
                break;
            auto term = parseTerm();
            if (auto *error = std::get_if<FilterSyntaxError>(&term))
                return *error;
            terms.append(std::get<EnvelopeFilter::Term>(term));
        }
        return terms;
    }

private:
    using TermOrError = std::variant<EnvelopeFilter::Term, FilterSyntaxError>;

    static FilterSyntaxError fail(int pos, int len, const QString &message)
    {
        return FilterSyntaxError{pos, std::max(1, len), message};
    }

    // A run of characters up to whitespace, or a "quoted string" with \" and \\ escapes.
    std::variant<QString, FilterSyntaxError> readValue()
    {
        if (m_pos < m_s.size() && m_s.at(m_pos) == QLatin1Char('"')) {
            const int start = m_pos++;
            QString out;
            while (m_pos < m_s.size()) {
                const QChar c = m_s.at(m_pos++);
                if (c == QLatin1Char('\\') && m_pos < m_s.size()) {
                    out += m_s.at(m_pos++);
                } else if (c == QLatin1Char('"')) {
                    return out;
                } else {
                    out += c;
                }
            }
            return fail(start, m_s.size() - start, QStringLiteral("Unterminated quote: add a closing \""));
        }
        const int start = m_pos;
        while (m_pos < m_s.size() && !isSpace(m_s.at(m_pos)))
            ++m_pos;
        return m_s.mid(start, m_pos - start);
    }

    TermOrError textTerm(int start, const QString &value, bool negated)
    {
        EnvelopeFilter::Term term;
        term.field = EnvelopeFilter::Field::Text;
        term.negated = negated;
        term.tokens = EnvelopeFilter::tokenize(value);
        term.values = {value};
        if (term.tokens.isEmpty())
            return fail(start, m_pos - start,
                        QStringLiteral("\"%1\" has no letters or digits to search for").arg(value));
        return term;
    }

    TermOrError parseTerm()
    {
        const int termStart = m_pos;
        bool negated = false;
        const QChar first = m_s.at(m_pos);
        if (first == QLatin1Char('!') || first == QLatin1Char('-')) {
            negated = true;
            ++m_pos;
            if (m_pos >= m_s.size() || isSpace(m_s.at(m_pos)))
                return fail(termStart, 1, QStringLiteral("\"%1\" must be followed by a term, e.g. %1retry").arg(first));
        }
        const int keyStart = m_pos;
        if (m_s.at(m_pos) == QLatin1Char('"')) {
            auto value = readValue();
            if (auto *error = std::get_if<FilterSyntaxError>(&value))
                return *error;
            return textTerm(keyStart, std::get<QString>(value), negated);
        }
        while (m_pos < m_s.size() && (m_s.at(m_pos).isLetterOrNumber() || m_s.at(m_pos) == QLatin1Char('_')))
            ++m_pos;
        const QString key = m_s.mid(keyStart, m_pos - keyStart).toLower();
        const QChar next = m_pos < m_s.size() ? m_s.at(m_pos) : QChar();

        if (key == QLatin1String("ack") && (next == QLatin1Char('<') || next == QLatin1Char('>') || next == QLatin1Char('=')))
            return parseAck(negated);
        if (key == QLatin1String("ack") && (next.isNull() || isSpace(next)))
            return fail(keyStart, 3, QStringLiteral("ack needs a comparison in milliseconds, e.g. ack>1000"));

        if (next == QLatin1Char(':') && !key.isEmpty()) {
            ++m_pos; // ':'
            EnvelopeFilter::Term term;
            term.negated = negated;
            if (key == QLatin1String("type"))
                term.field = EnvelopeFilter::Field::Type;
            else if (key == QLatin1String("user"))
                term.field = EnvelopeFilter::Field::User;
            else if (key == QLatin1String("channel"))
                term.field = EnvelopeFilter::Field::Channel;
            else if (key == QLatin1String("command") || key == QLatin1String("event") || key == QLatin1String("subtype"))
                term.field = EnvelopeFilter::Field::Subtype;
            else if (key == QLatin1String("text"))
                term.field = EnvelopeFilter::Field::Text;
            else
                return fail(keyStart, m_pos - keyStart - 1,
                            QStringLiteral("Unknown field \"%1\"; use type, user, channel, command, event, text, "
                                           "ack, retry, dup, unacked (or quote the text)")
                                .arg(key));
            const int valueStart = m_pos;
            auto value = readValue();
            if (auto *error = std::get_if<FilterSyntaxError>(&value))
                return *error;
            const QString v = std::get<QString>(value);
            if (v.isEmpty())
                return fail(keyStart, m_pos - keyStart, QStringLiteral("%1: needs a value").arg(key));
            if (term.field == EnvelopeFilter::Field::Text)
                return textTerm(valueStart, v, negated);
            const QStringList parts = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
            if (parts.isEmpty())
                return fail(valueStart, m_pos - valueStart, QStringLiteral("%1: needs a value").arg(key));
            for (const QString &part : parts)
                term.values.append(term.field == EnvelopeFilter::Field::Type ? canonicalType(part) : part);
            return term;
        }

        // Not key:value: a flag or free text. Read the whole word.
        while (m_pos < m_s.size() && !isSpace(m_s.at(m_pos)))
            ++m_pos;
        const QString word = m_s.mid(keyStart, m_pos - keyStart);
        const QString lower = word.toLower();
        EnvelopeFilter::Term term;
        term.negated = negated;
        if (lower == QLatin1String("retry") || lower == QLatin1String("retries")) {
            term.field = EnvelopeFilter::Field::Retry;
            return term;
        }
        if (lower == QLatin1String("dup") || lower == QLatin1String("duplicate")) {
            term.field = EnvelopeFilter::Field::Duplicate;
            return term;
        }
        if (lower == QLatin1String("unacked")) {
            term.field = EnvelopeFilter::Field::Unacked;
            return term;
        }
        if (lower == QLatin1String("acked")) {
            term.field = EnvelopeFilter::Field::Acked;
            return term;
        }
        return textTerm(keyStart, word, negated);
    }

    TermOrError parseAck(bool negated)
    {
        EnvelopeFilter::Term term;
        term.field = EnvelopeFilter::Field::Ack;
        term.negated = negated;
        const int opStart = m_pos;
        const QChar c = m_s.at(m_pos++);
        const bool eq = m_pos < m_s.size() && m_s.at(m_pos) == QLatin1Char('=');
        if (c == QLatin1Char('<'))
            term.op = eq ? EnvelopeFilter::Op::Le : EnvelopeFilter::Op::Lt;
        else if (c == QLatin1Char('>'))
            term.op = eq ? EnvelopeFilter::Op::Ge : EnvelopeFilter::Op::Gt;
        else
            term.op = EnvelopeFilter::Op::Eq;
        if (eq)
            ++m_pos;
        const int numStart = m_pos;
        while (m_pos < m_s.size() && !isSpace(m_s.at(m_pos)))
            ++m_pos;
        QString number = m_s.mid(numStart, m_pos - numStart).toLower();
        qint64 scale = 1;
        if (number.endsWith(QLatin1String("ms"))) {
            number.chop(2);
        } else if (number.endsWith(QLatin1Char('s'))) {
            number.chop(1);
            scale = 1000;
        }
        bool ok = false;
        const qint64 value = number.toLongLong(&ok);
        // Thresholds are compared in microseconds: a bound keeps value * scale * 1000 far from overflow.
        if (ok && value >= 0 && value > kMaxAckMs / scale)
            return fail(numStart, m_pos - numStart,
                        QStringLiteral("\"%1\" is too large: ack thresholds go up to 24 h (%2 ms)")
                            .arg(m_s.mid(numStart, m_pos - numStart))
                            .arg(kMaxAckMs));
        if (!ok || value < 0) {
            if (m_pos == numStart)
                return fail(opStart, m_pos - opStart, QStringLiteral("ack%1 needs a number of milliseconds")
                                                          .arg(m_s.mid(opStart, m_pos - opStart)));
            return fail(numStart, m_pos - numStart,
                        QStringLiteral("\"%1\" is not a number of milliseconds (e.g. 250, 250ms or 3s)")
                            .arg(m_s.mid(numStart, m_pos - numStart)));
        }
        term.number = value * scale;
        return term;
    }

    const QString &m_s;
    int m_pos = 0;
};

// FTS5 detail=none semantics: every needle token is one of the haystack's tokens, the last as a prefix.
bool tokensMatch(const QSet<QString> &haystack, const QStringList &needle)
{
    for (int j = 0; j < needle.size(); ++j) {
        if (j < needle.size() - 1) {
            if (!haystack.contains(needle.at(j)))
                return false;
        } else if (!std::any_of(haystack.cbegin(), haystack.cend(),
                                [&](const QString &t) { return t.startsWith(needle.at(j)); })) {
            return false;
        }
    }
    return true;
}

bool ackMatches(const Envelope &e, EnvelopeFilter::Op op, qint64 ms)
{
    const qint64 us = e.ackLatencyUs();
    if (e.ackedUs <= 0)
        return false;
    switch (op) {
    case EnvelopeFilter::Op::Eq: return us / 1000 == ms;
    case EnvelopeFilter::Op::Lt: return us < ms * 1000;
    case EnvelopeFilter::Op::Le: return us <= ms * 1000;
    case EnvelopeFilter::Op::Gt: return us > ms * 1000;
    case EnvelopeFilter::Op::Ge: return us >= ms * 1000;
    }
    return false;
}

bool subtypeMatches(const QString &subtype, const QString &wanted)
{
    if (subtype.compare(wanted, Qt::CaseInsensitive) == 0)
        return true;
    return !wanted.startsWith(QLatin1Char('/')) && subtype.startsWith(QLatin1Char('/'))
           && QStringView(subtype).mid(1).compare(wanted, Qt::CaseInsensitive) == 0;
}

// detail=none has no phrases: every token must be present, the last one as a prefix.
// Tokens hold only letters and digits, so quoting them needs no escaping.
QString ftsTokens(const QStringList &tokens)
{
    QStringList parts;
    for (int i = 0; i < tokens.size(); ++i)
        parts.append(QLatin1Char('"') + tokens.at(i) + (i == tokens.size() - 1 ? QStringLiteral("\"*") : QStringLiteral("\"")));
    return parts.join(QStringLiteral(" AND "));
}

} // namespace

Error FilterSyntaxError::toError() const
{
    return Error{QStringLiteral("filter_syntax"),
                 QStringLiteral("Filter error at column %1: %2").arg(position + 1).arg(message),
                 QStringLiteral("Examples: type:slash_commands user:U123 ack>1000 retry \"two words\"")};
}

std::variant<EnvelopeFilter, FilterSyntaxError> EnvelopeFilter::parseImpl(const QString &text)
{
    Parser parser(text);
    auto parsed = parser.run();
    if (auto *error = std::get_if<FilterSyntaxError>(&parsed))
        return *error;
    EnvelopeFilter filter;
    filter.m_text = text;
    filter.m_terms = std::get<QVector<Term>>(parsed);
    return filter;
}

Result<EnvelopeFilter> EnvelopeFilter::parse(const QString &text)
{
    auto parsed = parseImpl(text);
    if (auto *error = std::get_if<FilterSyntaxError>(&parsed))
        return error->toError();
    return std::get<EnvelopeFilter>(std::move(parsed));
}

std::optional<FilterSyntaxError> EnvelopeFilter::check(const QString &text)
{
    auto parsed = parseImpl(text);
    if (auto *error = std::get_if<FilterSyntaxError>(&parsed))
        return *error;
    return std::nullopt;
}

bool EnvelopeFilter::isKnownType(const QString &type)
{
    return knownTypes().contains(type);
}

QStringList EnvelopeFilter::tokenize(const QString &text)
{
    // unicode61 defaults: case folding and diacritics removed; anything not a letter/digit separates.
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QStringList tokens;
    QString current;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_SpacingCombining
            || c.category() == QChar::Mark_Enclosing)
            continue;
        if (c.isLetterOrNumber()) {
            current += c;
        } else if (!current.isEmpty()) {
            tokens.append(current.toCaseFolded());
            current.clear();
        }
    }
    if (!current.isEmpty())
        tokens.append(current.toCaseFolded());
    return tokens;
}

bool EnvelopeFilter::matches(const Envelope &e) const
{
    if (m_typeRestriction) {
        const QString t = e.type.toLower();
        const bool allowed = m_typeRestriction->contains(isKnownType(t) ? t : QStringLiteral("unknown"));
        if (!allowed)
            return false;
    }
    QSet<QString> textTokens;
    bool tokenized = false;
    for (const Term &term : m_terms) {
        bool hit = false;
        switch (term.field) {
        case Field::Type: hit = typeInSet(e.type, term.values); break;
        case Field::User:
            hit = std::any_of(term.values.cbegin(), term.values.cend(), [&](const QString &v) {
                return e.userId.compare(v, Qt::CaseInsensitive) == 0;
            });
            break;
        case Field::Channel:
            hit = std::any_of(term.values.cbegin(), term.values.cend(), [&](const QString &v) {
                return e.channelId.compare(v, Qt::CaseInsensitive) == 0;
            });
            break;
        case Field::Subtype:
            hit = std::any_of(term.values.cbegin(), term.values.cend(),
                              [&](const QString &v) { return subtypeMatches(e.subtype, v); });
            break;
        case Field::Ack: hit = ackMatches(e, term.op, term.number); break;
        case Field::Retry: hit = e.retryAttempt > 0; break;
        case Field::Duplicate: hit = e.duplicate; break;
        case Field::Unacked: hit = e.ackedUs <= 0; break;
        case Field::Acked: hit = e.ackedUs > 0; break;
        case Field::Text:
            if (!tokenized) {
                // The columns the capture's FTS index covers: text, subtype, user, channel, envelope_id, raw.
                for (const QString *field : {&e.text, &e.subtype, &e.userId, &e.channelId, &e.envelopeId}) {
                    const QStringList tokens = tokenize(*field);
                    textTokens.unite(QSet<QString>(tokens.cbegin(), tokens.cend()));
                }
                const QStringList rawTokens = tokenize(QString::fromUtf8(e.raw));
                textTokens.unite(QSet<QString>(rawTokens.cbegin(), rawTokens.cend()));
                tokenized = true;
            }
            hit = tokensMatch(textTokens, term.tokens);
            break;
        }
        if (hit == term.negated)
            return false;
    }
    return true;
}

bool EnvelopeFilter::hasTextTerms() const
{
    return std::any_of(m_terms.cbegin(), m_terms.cend(), [](const Term &t) { return t.field == Field::Text; });
}

EnvelopeFilter EnvelopeFilter::withoutTextTerms() const
{
    EnvelopeFilter out = *this;
    out.m_terms.erase(std::remove_if(out.m_terms.begin(), out.m_terms.end(),
                                     [](const Term &t) { return t.field == Field::Text; }),
                      out.m_terms.end());
    return out;
}

SqlWhere EnvelopeFilter::toSql(const FilterSqlColumns &c) const
{
    SqlWhere out;
    QStringList parts;
    auto placeholders = [](int n) {
        QStringList q;
        for (int i = 0; i < n; ++i)
            q.append(QStringLiteral("?"));
        return q.join(QStringLiteral(", "));
    };
    auto typeClause = [&](const QStringList &wanted) {
        QStringList alternatives;
        QStringList names;
        bool unknown = false;
        for (const QString &w : wanted) {
            if (w == QLatin1String("unknown"))
                unknown = true;
            else
                names.append(w);
        }
        if (!names.isEmpty()) {
            alternatives.append(QStringLiteral("lower(%1) IN (%2)").arg(c.type, placeholders(names.size())));
            for (const QString &n : names)
                out.values.append(n);
        }
        if (unknown) {
            alternatives.append(QStringLiteral("lower(%1) NOT IN (%2)").arg(c.type, placeholders(knownTypes().size())));
            for (const QString &k : knownTypes())
                out.values.append(k);
        }
        if (alternatives.isEmpty())
            return QStringLiteral("0");
        return QString(QStringLiteral("(") + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')'));
    };

    if (m_typeRestriction) {
        QStringList wanted(m_typeRestriction->cbegin(), m_typeRestriction->cend());
        wanted.sort(); // deterministic SQL
        parts.append(typeClause(wanted));
    }

    QStringList positiveText;
    for (const Term &term : m_terms) {
        QString clause;
        switch (term.field) {
        case Field::Type: clause = typeClause(term.values); break;
        case Field::User:
        case Field::Channel: {
            const QString &column = term.field == Field::User ? c.userId : c.channelId;
            clause = QStringLiteral("%1 COLLATE NOCASE IN (%2)").arg(column, placeholders(term.values.size()));
            for (const QString &v : term.values)
                out.values.append(v);
            break;
        }
        case Field::Subtype: {
            QStringList alternatives;
            for (const QString &v : term.values) {
                alternatives.append(QStringLiteral("%1 = ? COLLATE NOCASE").arg(c.subtype));
                out.values.append(v);
                if (!v.startsWith(QLatin1Char('/'))) {
                    alternatives.append(QStringLiteral("%1 = ? COLLATE NOCASE").arg(c.subtype));
                    out.values.append(QString(QLatin1Char('/') + v));
                }
            }
            clause = QStringLiteral("(") + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
            break;
        }
        case Field::Ack: {
            const QString latency = QStringLiteral("(%1 - %2)").arg(c.ackedUs, c.receivedUs);
            QString cmp;
            switch (term.op) {
            case Op::Eq: cmp = latency + QStringLiteral(" / 1000 = ?"); out.values.append(term.number); break;
            case Op::Lt: cmp = latency + QStringLiteral(" < ?"); out.values.append(term.number * 1000); break;
            case Op::Le: cmp = latency + QStringLiteral(" <= ?"); out.values.append(term.number * 1000); break;
            case Op::Gt: cmp = latency + QStringLiteral(" > ?"); out.values.append(term.number * 1000); break;
            case Op::Ge: cmp = latency + QStringLiteral(" >= ?"); out.values.append(term.number * 1000); break;
            }
            clause = QStringLiteral("(%1 > 0 AND %2)").arg(c.ackedUs, cmp);
            break;
        }
        case Field::Retry: clause = QStringLiteral("%1 > 0").arg(c.retryAttempt); break;
        case Field::Duplicate: clause = QStringLiteral("%1 <> 0").arg(c.duplicate); break;
        case Field::Unacked: clause = QStringLiteral("%1 <= 0").arg(c.ackedUs); break;
        case Field::Acked: clause = QStringLiteral("%1 > 0").arg(c.ackedUs); break;
        case Field::Text:
            if (!term.negated) {
                positiveText.append(ftsTokens(term.tokens));
                continue;
            }
            clause = QStringLiteral("%1 IN (SELECT rowid FROM %2 WHERE %2 MATCH ?)").arg(c.rowId, c.ftsTable);
            out.values.append(ftsTokens(term.tokens));
            break;
        }
        parts.append(term.negated ? QStringLiteral("NOT (%1)").arg(clause) : clause);
    }
    if (!positiveText.isEmpty()) {
        parts.append(QStringLiteral("%1 IN (SELECT rowid FROM %2 WHERE %2 MATCH ?)").arg(c.rowId, c.ftsTable));
        out.values.append(positiveText.join(QStringLiteral(" AND ")));
    }
    out.clause = parts.isEmpty() ? QStringLiteral("1") : parts.join(QStringLiteral(" AND "));
    return out;
}

bool EnvelopeFilter::operator==(const EnvelopeFilter &other) const
{
    if (m_typeRestriction != other.m_typeRestriction || m_terms.size() != other.m_terms.size())
        return false;
    for (int i = 0; i < m_terms.size(); ++i) {
        const Term &a = m_terms.at(i);
        const Term &b = other.m_terms.at(i);
        if (a.field != b.field || a.negated != b.negated || a.values != b.values || a.op != b.op
            || a.number != b.number || a.tokens != b.tokens)
            return false;
    }
    return true;
}

} // namespace socketscope
