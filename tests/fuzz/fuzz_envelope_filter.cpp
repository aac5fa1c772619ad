// libFuzzer target: the inspector's filter syntax. Whatever the operator types must parse or fail with
// a position inside the text; a parsed filter must give SQL whose placeholders match its bound values
// and must evaluate against envelopes without crashing.
#include "capture/EnvelopeFilter.h"

#include <cstdint>
#include <cstdlib>

namespace {

QVector<socketscope::Envelope> sampleEnvelopes()
{
    socketscope::Envelope slash;
    slash.envelopeId = QStringLiteral("00000000-fake-0000-0000-000000000001");
    slash.type = QStringLiteral("slash_commands");
    slash.subtype = QStringLiteral("/nautobot");
    slash.userId = QStringLiteral("U0FAKE01");
    slash.channelId = QStringLiteral("C0FAKE01");
    slash.text = QStringLiteral("get-devices site ams01");
    slash.receivedUs = 1700000000000000;
    slash.ackedUs = 1700000000004000;
    socketscope::Envelope event = slash;
    event.type = QStringLiteral("events_api");
    event.subtype = QStringLiteral("app_mention");
    event.retryAttempt = 2;
    event.duplicate = true;
    event.ackedUs = 0;
    event.text = QStringLiteral("Grüße <@U0FAKE02> ünïcode 日本");
    socketscope::Envelope odd = slash;
    odd.type = QStringLiteral("(unknown)");
    odd.text.clear();
    return {slash, event, odd};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QVector<socketscope::Envelope> envelopes = sampleEnvelopes();
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto syntax = socketscope::EnvelopeFilter::check(text);
    auto parsed = socketscope::EnvelopeFilter::parse(text);
    if (syntax.has_value() == parsed.ok()) // check() and parse() must agree
        std::abort();
    if (syntax) {
        if (syntax->position < 0 || syntax->position > text.size() || syntax->length < 0 || syntax->message.isEmpty())
            std::abort();
        return 0;
    }
    socketscope::EnvelopeFilter &filter = parsed.value();
    for (int restricted = 0; restricted < 2; ++restricted) {
        if (restricted)
            filter.setTypeRestriction(QSet<QString>{QStringLiteral("slash_commands"), QStringLiteral("unknown")});
        const socketscope::SqlWhere where = filter.toSql();
        if (where.clause.isEmpty() || where.clause.count(QLatin1Char('?')) != where.values.size())
            std::abort();
        for (const socketscope::Envelope &e : envelopes)
            (void)filter.matches(e);
    }
    return 0;
}
