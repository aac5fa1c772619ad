#include "slack/FrameFields.h"

#include <QJsonArray>

// Vectorised whitespace and string scanning (SSE2 is baseline on x86-64). Only this file includes
// RapidJSON, so the setting cannot differ between translation units.
#if defined(__SSE2__) && !defined(RAPIDJSON_SSE2)
#define RAPIDJSON_SSE2
#endif
#include <rapidjson/reader.h>

#include <cstdint>
#include <cstring>
#include <limits>

namespace socketscope::frame {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

// The containers whose members parseFrame reads; everything else is Skip.
enum class Ctx : quint8 {
    Skip, Root, DebugInfo, ConnectionInfo, Payload, Team, User, Channel, Container, Actions, FirstAction,
    SelectedOption, View, Event
};

// What the next value is for: set by Key(), used by the value that follows it.
struct Target
{
    enum class Kind : quint8 { Ignore, String, Int, Bool, Object, Array };
    Kind kind = Kind::Ignore;
    Ctx child = Ctx::Skip; // Object, Array: the context of its members
    QString *string = nullptr;
    bool *isString = nullptr; // String: set when the value is a string (envelope_id, type)
    int *number = nullptr;
    bool *flag = nullptr;
};

struct KeyName
{
    const char *data;
    rapidjson::SizeType size;
    template<std::size_t N>
    bool operator==(const char (&literal)[N]) const
    {
        return size == N - 1 && std::memcmp(data, literal, N - 1) == 0;
    }
};

// QJsonValue::toInt() of a number Qt's parser accepts, or false when Qt rejects it. Qt converts with
// QByteArray::toDouble(), which refuses overflow and underflow to zero; toInt() is then the value if
// it is integral and fits an int. rapidjson has checked the grammar.
bool qtNumber(const char *text, rapidjson::SizeType size, int *toInt)
{
    const bool minus = text[0] == '-';
    const char *digits = text + (minus ? 1 : 0);
    const rapidjson::SizeType count = size - (minus ? 1 : 0);
    if (count <= 18 && std::memchr(digits, '.', count) == nullptr && std::memchr(digits, 'e', count) == nullptr &&
        std::memchr(digits, 'E', count) == nullptr) { // a plain integer (the usual case): exact, always valid
        qint64 n = 0;
        for (rapidjson::SizeType i = 0; i < count; ++i)
            n = n * 10 + (digits[i] - '0');
        n = minus ? -n : n;
        *toInt = n >= std::numeric_limits<int>::min() && n <= std::numeric_limits<int>::max() ? int(n) : 0;
        return true;
    }
    bool ok = false;
    const double d = QByteArray::fromRawData(text, qsizetype(size)).toDouble(&ok);
    if (!ok)
        return false;
    const bool fits = d >= std::numeric_limits<int>::min() && d <= std::numeric_limits<int>::max();
    *toInt = fits && double(int(d)) == d ? int(d) : 0;
    return true;
}

// rapidjson writes an escaped lone low surrogate ("\udc00") as the invalid UTF-8 ED B0..BF xx, which
// fromUtf8 would replace with U+FFFD; Qt keeps the lone QChar. Raw input cannot contain it (it is
// valid UTF-8; a lone high surrogate escape is a rapidjson error).
bool hasLoneSurrogate(const char *s, rapidjson::SizeType size)
{
    for (const char *p = s; (p = static_cast<const char *>(std::memchr(p, '\xED', size - rapidjson::SizeType(p - s))));) {
        if (++p < s + size && static_cast<unsigned char>(*p) >= 0xA0)
            return true;
    }
    return false;
}

// rapidjson SAX handler. Returning false stops the parse; parseFrame then asks Qt, so every
// "false" below is a case where the fast path could differ from QJsonDocument.
class FieldCollector
{
public:
    explicit FieldCollector(Fields &fields) : m_f(fields) {}

    bool rootIsArray() const { return m_rootIsArray; }

    bool Null() { return scalar(); }
    bool Bool(bool b)
    {
        const Target t = take();
        if (t.kind == Target::Kind::Bool)
            *t.flag = b;
        return m_depth > 0;
    }
    bool RawNumber(const char *s, rapidjson::SizeType size, bool)
    {
        const Target t = take();
        int value = 0;
        if (m_depth == 0 || !qtNumber(s, size, &value))
            return false;
        if (t.kind == Target::Kind::Int)
            *t.number = value;
        return true;
    }
    // Not called: numbers arrive as RawNumber (kParseNumbersAsStringsFlag).
    bool Int(int) { return false; }
    bool Uint(unsigned) { return false; }
    bool Int64(int64_t) { return false; }
    bool Uint64(uint64_t) { return false; }
    bool Double(double) { return false; }
    bool String(const char *s, rapidjson::SizeType size, bool)
    {
        const Target t = take();
        if (m_depth == 0)
            return false;
        if (t.kind != Target::Kind::String)
            return true;
        if (hasLoneSurrogate(s, size))
            return false;
        *t.string = QString::fromUtf8(s, qsizetype(size));
        if (t.isString)
            *t.isString = true;
        return true;
    }
    bool StartObject()
    {
        const Target t = m_depth == 0 ? object(Ctx::Root) : take();
        return push(t.kind == Target::Kind::Object ? t.child : Ctx::Skip);
    }
    bool Key(const char *s, rapidjson::SizeType size, bool)
    {
        m_next = targetFor(KeyName{s, size});
        return true;
    }
    bool EndObject(rapidjson::SizeType) { return pop(); }
    bool StartArray()
    {
        m_rootIsArray = m_rootIsArray || m_depth == 0;
        const Target t = take();
        return push(t.kind == Target::Kind::Array ? t.child : Ctx::Skip);
    }
    bool EndArray(rapidjson::SizeType) { return pop(); }

private:
    static constexpr int kMaxDepth = 1024; // QJsonDocument's limit: deeper is "too deeply nested document"
    static constexpr int kTrackedDepth = 8; // deeper containers are always Skip

    Ctx top() const { return m_depth > 0 && m_depth <= kTrackedDepth ? m_ctx[m_depth - 1] : Ctx::Skip; }
    bool push(Ctx ctx)
    {
        if (m_depth == kMaxDepth)
            return false;
        if (m_depth < kTrackedDepth)
            m_ctx[m_depth] = ctx;
        ++m_depth;
        return true;
    }
    bool pop()
    {
        --m_depth;
        return true;
    }
    bool scalar()
    {
        take();
        return m_depth > 0; // a top-level scalar is a Qt parse error
    }

    // The target of the value that starts now. In payload.actions only the first element counts.
    Target take()
    {
        Target t = m_next;
        m_next = Target{};
        if (top() == Ctx::Actions && !m_f.payload.hasActions) {
            m_f.payload.hasActions = true;
            t = object(Ctx::FirstAction);
        }
        return t;
    }

    // Each helper resets its field(s) first: the key's last occurrence decides, whatever its value.
    static Target text(QString &s, bool *isString = nullptr)
    {
        s.clear();
        if (isString)
            *isString = false;
        Target t;
        t.kind = Target::Kind::String;
        t.string = &s;
        t.isString = isString;
        return t;
    }
    static Target number(int &n)
    {
        n = 0;
        Target t;
        t.kind = Target::Kind::Int;
        t.number = &n;
        return t;
    }
    static Target flag(bool &b)
    {
        b = false;
        Target t;
        t.kind = Target::Kind::Bool;
        t.flag = &b;
        return t;
    }
    static Target object(Ctx child)
    {
        Target t;
        t.kind = Target::Kind::Object;
        t.child = child;
        return t;
    }

    Target targetFor(const KeyName &k)
    {
        Fields &f = m_f;
        PayloadFields &p = f.payload;
        switch (top()) {
        case Ctx::Root:
            if (k == "envelope_id") {
                f.hasEnvelopeId = true; // any value, even null
                return text(f.envelopeId, &f.envelopeIdIsString);
            }
            if (k == "type")
                return text(f.type, &f.typeIsString);
            if (k == "payload") {
                p = PayloadFields{};
                return object(Ctx::Payload);
            }
            if (k == "accepts_response_payload")
                return flag(f.acceptsResponsePayload);
            if (k == "retry_attempt")
                return number(f.retryAttempt);
            if (k == "retry_reason")
                return text(f.retryReason);
            if (k == "num_connections")
                return number(f.numConnections);
            if (k == "reason")
                return text(f.reason);
            if (k == "debug_info") {
                f.debugHost.clear();
                f.approximateConnectionTimeS = 0;
                return object(Ctx::DebugInfo);
            }
            if (k == "connection_info") {
                f.appId.clear();
                return object(Ctx::ConnectionInfo);
            }
            break;
        case Ctx::DebugInfo:
            if (k == "host")
                return text(f.debugHost);
            if (k == "approximate_connection_time")
                return number(f.approximateConnectionTimeS);
            break;
        case Ctx::ConnectionInfo:
            if (k == "app_id")
                return text(f.appId);
            break;
        case Ctx::Payload:
            if (k == "command")
                return text(p.command);
            if (k == "team_id")
                return text(p.teamId);
            if (k == "channel_id")
                return text(p.channelId);
            if (k == "user_id")
                return text(p.userId);
            if (k == "text")
                return text(p.text);
            if (k == "type")
                return text(p.type);
            if (k == "callback_id")
                return text(p.callbackId);
            if (k == "event_id")
                return text(p.eventId);
            if (k == "team") {
                p.teamObjectId.clear();
                return object(Ctx::Team);
            }
            if (k == "user") {
                p.userObjectId.clear();
                return object(Ctx::User);
            }
            if (k == "channel") {
                p.channelObjectId.clear();
                return object(Ctx::Channel);
            }
            if (k == "container") {
                p.containerChannelId.clear();
                return object(Ctx::Container);
            }
            if (k == "actions") {
                p.hasActions = false;
                p.firstAction = ActionFields{};
                Target t;
                t.kind = Target::Kind::Array;
                t.child = Ctx::Actions;
                return t;
            }
            if (k == "view") {
                p.hasView = true; // any value, even null
                p.viewCallbackId.clear();
                return object(Ctx::View);
            }
            if (k == "event") {
                p.event = EventFields{};
                return object(Ctx::Event);
            }
            break;
        case Ctx::Team:
            if (k == "id")
                return text(p.teamObjectId);
            break;
        case Ctx::User:
            if (k == "id")
                return text(p.userObjectId);
            break;
        case Ctx::Channel:
            if (k == "id")
                return text(p.channelObjectId);
            break;
        case Ctx::Container:
            if (k == "channel_id")
                return text(p.containerChannelId);
            break;
        case Ctx::FirstAction:
            if (k == "action_id")
                return text(p.firstAction.actionId);
            if (k == "value")
                return text(p.firstAction.value);
            if (k == "selected_option") {
                p.firstAction.selectedOptionValue.clear();
                return object(Ctx::SelectedOption);
            }
            break;
        case Ctx::SelectedOption:
            if (k == "value")
                return text(p.firstAction.selectedOptionValue);
            break;
        case Ctx::View:
            if (k == "callback_id")
                return text(p.viewCallbackId);
            break;
        case Ctx::Event:
            if (k == "type")
                return text(p.event.type);
            if (k == "channel")
                return text(p.event.channel);
            if (k == "user")
                return text(p.event.user);
            if (k == "text")
                return text(p.event.text);
            break;
        case Ctx::Skip:
        case Ctx::Actions:
            break;
        }
        return Target{};
    }

    Fields &m_f;
    Target m_next;
    int m_depth = 0;
    Ctx m_ctx[kTrackedDepth] = {};
    bool m_rootIsArray = false;
};

} // namespace

Fields fieldsOf(const QJsonObject &o)
{
    Fields f;
    const QJsonValue id = o.value(QLatin1String("envelope_id"));
    f.hasEnvelopeId = o.contains(QLatin1String("envelope_id"));
    f.envelopeIdIsString = id.isString();
    f.envelopeId = id.toString();
    const QJsonValue type = o.value(QLatin1String("type"));
    f.typeIsString = type.isString();
    f.type = type.toString();
    f.acceptsResponsePayload = o.value(QLatin1String("accepts_response_payload")).toBool();
    f.retryAttempt = o.value(QLatin1String("retry_attempt")).toInt();
    f.retryReason = str(o, "retry_reason");
    f.numConnections = o.value(QLatin1String("num_connections")).toInt();
    f.reason = str(o, "reason");
    const QJsonObject debug = obj(o, "debug_info");
    f.debugHost = str(debug, "host");
    f.approximateConnectionTimeS = debug.value(QLatin1String("approximate_connection_time")).toInt();
    f.appId = str(obj(o, "connection_info"), "app_id");

    const QJsonObject p = obj(o, "payload");
    PayloadFields &pf = f.payload;
    pf.command = str(p, "command");
    pf.teamId = str(p, "team_id");
    pf.channelId = str(p, "channel_id");
    pf.userId = str(p, "user_id");
    pf.text = str(p, "text");
    pf.type = str(p, "type");
    pf.callbackId = str(p, "callback_id");
    pf.eventId = str(p, "event_id");
    pf.teamObjectId = str(obj(p, "team"), "id");
    pf.userObjectId = str(obj(p, "user"), "id");
    pf.channelObjectId = str(obj(p, "channel"), "id");
    pf.containerChannelId = str(obj(p, "container"), "channel_id");
    const QJsonArray actions = p.value(QLatin1String("actions")).toArray();
    pf.hasActions = !actions.isEmpty();
    if (pf.hasActions) {
        const QJsonObject action = actions.first().toObject();
        pf.firstAction = {str(action, "action_id"), str(action, "value"), str(obj(action, "selected_option"), "value")};
    }
    pf.hasView = p.contains(QLatin1String("view"));
    pf.viewCallbackId = str(obj(p, "view"), "callback_id");
    const QJsonObject event = obj(p, "event");
    pf.event = {str(event, "type"), str(event, "channel"), str(event, "user"), str(event, "text")};
    return f;
}

// Parses with rapidjson into fields. False when the frame needs Qt's verdict: whatever rapidjson
// rejects (Qt also accepts raw control characters and NUL in strings, unknown escapes, lone
// surrogates, "1." and ".5", a byte order mark, and reports its own error texts), invalid UTF-8,
// frames nested deeper than 1024, a top-level scalar, trailing bytes, numbers Qt refuses, a lone
// low surrogate in a value parseFrame reads.
bool readFieldsFast(const QByteArray &bytes, Fields &fields, bool &isArray)
{
    // Qt's own UTF-8 check, so "valid" means what it means to QJsonDocument; strings split off a
    // valid buffer at ASCII quotes are valid too, so the reader need not validate them again.
    if (!bytes.isValidUtf8())
        return false;
    // In situ: strings are decoded inside this copy, so the reader never uses its internal stack
    // (rapidjson 1.1.0's Stack computes nullptr + n on first use, which UBSan reports), and the
    // recursion is bounded by FieldCollector's depth limit. The padding keeps the 16-byte SSE2
    // loads that find the terminating NUL inside the buffer.
    constexpr int kPadding = 16;
    QByteArray buffer;
    buffer.reserve(bytes.size() + kPadding);
    buffer.append(bytes).append(kPadding, '\0');
    rapidjson::InsituStringStream in(buffer.data());
    FieldCollector collector(fields);
    rapidjson::Reader reader;
    constexpr unsigned kFlags =
        rapidjson::kParseInsituFlag | rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseStopWhenDoneFlag;
    if (!reader.Parse<kFlags>(in, collector))
        return false;
    // Only JSON whitespace may follow; the check uses the real size (a NUL ends rapidjson's input).
    const char *end = buffer.constData() + bytes.size();
    const char *p = buffer.constData() + in.Tell();
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        ++p;
    if (p != end)
        return false;
    isArray = collector.rootIsArray();
    return true;
}

} // namespace socketscope::frame
