#include "CaptureFixtures.h"

#include "capture/CaptureStore.h"
#include "capture/JsonlExport.h"
#include "capture/JsonlImport.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace socketscope;

namespace {

const QList<QByteArray> &secrets()
{
    static const QList<QByteArray> all{fixtures::kSlashResponseUrl, fixtures::kSlashTriggerId, fixtures::kLegacyToken,
                                       fixtures::kActionsResponseUrl, fixtures::kWorkflowToken, fixtures::kBotTokenInText};
    return all;
}

QByteArray exportAll(const CaptureStore &store, bool redact)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    JsonlExportOptions options;
    options.redact = redact;
    const Result<qint64> r = JsonlExport::write(store, buffer, options);
    return r ? buffer.data() : QByteArray();
}

} // namespace

class TestJsonl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void isoTimeUs_utcWithMicroseconds();
    void exportLine_hasCaptureMetadataAndFrame();
    void export_redactsByDefault();
    void export_noRedact_keepsSecrets();
    void export_rowIds_exportsOnlyThose();
    void roundTrip_unredacted_identicalLines();
    void import_badLines_reportedWithLineNumberAndSkipped();
    void import_redactedExport_importsWithoutSecrets();
    void import_intoSameCapture_flagsDuplicates();

private:
    std::unique_ptr<CaptureStore> filledStore(const QString &name);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestJsonl::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<CaptureStore> TestJsonl::filledStore(const QString &name)
{
    auto opened = CaptureStore::open(m_dir->filePath(name));
    if (!opened)
        return nullptr;
    std::unique_ptr<CaptureStore> store = std::move(opened).value();
    const qint64 session = *store->beginSession({0, 0, 0, QStringLiteral("listen"), {}, {}, {}});
    QVector<Envelope> batch{
        fixtures::envelope(fixtures::slashCommand(QStringLiteral("s-1")), 1'700'000'000'000'001, session, 1),
        fixtures::envelope(fixtures::appMention(QStringLiteral("s-2"), QStringLiteral("Ev1")), 1'700'000'000'100'000, session, 2),
        fixtures::envelope(fixtures::appMention(QStringLiteral("s-3"), QStringLiteral("Ev1"), 1), 1'700'000'060'000'000, session, 2),
        fixtures::envelope(fixtures::blockActions(QStringLiteral("s-4")), 1'700'000'061'000'000, session, 1),
        fixtures::envelope(fixtures::functionExecuted(QStringLiteral("s-5"), QStringLiteral("Ev2")), 1'700'000'062'000'000, session, 1),
    };
    batch[0].deliveryStatus = QStringLiteral("bridged 200");
    if (!store->insertEnvelopes(batch))
        return nullptr;
    if (!store->applyAcks({{batch[0].rowId, batch[0].receivedUs + 1234}, {batch[3].rowId, batch[3].receivedUs + 99}}))
        return nullptr;
    return store;
}

void TestJsonl::isoTimeUs_utcWithMicroseconds()
{
    QCOMPARE(JsonlExport::isoTimeUs(1'610'241'741'000'200), QStringLiteral("2021-01-10T01:22:21.000200Z"));
    QCOMPARE(JsonlExport::isoTimeUs(1'700'000'000'123'456), QStringLiteral("2023-11-14T22:13:20.123456Z"));
    QVERIFY(JsonlExport::isoTimeUs(0).isEmpty());
}

void TestJsonl::exportLine_hasCaptureMetadataAndFrame()
{
    auto store = filledStore(QStringLiteral("a.sqlite"));
    QVERIFY(store);
    const Envelope e = *store->envelope(1);
    const QJsonObject o = JsonlExport::toObject(e, true);
    QCOMPARE(o.value(QStringLiteral("envelope_id")).toString(), QStringLiteral("s-1"));
    QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("slash_commands"));
    QCOMPARE(o.value(QStringLiteral("subtype")).toString(), QStringLiteral("/nautobot"));
    QCOMPARE(o.value(QStringLiteral("received_at")).toString(), QStringLiteral("2023-11-14T22:13:20.000001Z"));
    QCOMPARE(o.value(QStringLiteral("received_us")).toInteger(), 1'700'000'000'000'001);
    QCOMPARE(o.value(QStringLiteral("acked_us")).toInteger(), 1'700'000'000'001'235);
    QCOMPARE(o.value(QStringLiteral("acked_at")).toString(), QStringLiteral("2023-11-14T22:13:20.001235Z"));
    QCOMPARE(o.value(QStringLiteral("ack_us")).toInteger(), 1234);
    QCOMPARE(o.value(QStringLiteral("link")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("retry_attempt")).toInt(), 0);
    QCOMPARE(o.value(QStringLiteral("duplicate")).toBool(), false);
    QCOMPARE(o.value(QStringLiteral("accepts_response_payload")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("delivery_status")).toString(), QStringLiteral("bridged 200"));
    QCOMPARE(o.value(QStringLiteral("envelope")).toObject().value(QStringLiteral("envelope_id")).toString(), QStringLiteral("s-1"));

    const QJsonObject retry = JsonlExport::toObject(*store->envelope(3), true);
    QCOMPARE(retry.value(QStringLiteral("retry_attempt")).toInt(), 1);
    QCOMPARE(retry.value(QStringLiteral("retry_reason")).toString(), QStringLiteral("timeout"));
    QCOMPARE(retry.value(QStringLiteral("event_id")).toString(), QStringLiteral("Ev1"));
    QCOMPARE(retry.value(QStringLiteral("duplicate")).toBool(), true);
    QVERIFY(retry.value(QStringLiteral("acked_at")).isNull());
    QVERIFY(retry.value(QStringLiteral("ack_us")).isNull());
    QVERIFY(!JsonlExport::toLine(e, true).contains('\n'));
}

void TestJsonl::export_redactsByDefault()
{
    auto store = filledStore(QStringLiteral("b.sqlite"));
    QVERIFY(store);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const Result<qint64> written = JsonlExport::write(*store, buffer); // default options
    QVERIFY(written.ok());
    QCOMPARE(*written, 5);
    const QByteArray out = buffer.data();
    QCOMPARE(out.count('\n'), 5);
    for (const QByteArray &secret : secrets())
        QVERIFY2(!out.contains(secret), "a secret reached a redacted export");
    QVERIFY(out.contains("…[redacted]"));
}

void TestJsonl::export_noRedact_keepsSecrets()
{
    auto store = filledStore(QStringLiteral("c.sqlite"));
    QVERIFY(store);
    const QByteArray out = exportAll(*store, false);
    for (const QByteArray &secret : secrets())
        QVERIFY2(out.contains(secret), "an unredacted export lost a payload field");
    QVERIFY(!out.contains("…[redacted]"));
}

void TestJsonl::export_rowIds_exportsOnlyThose()
{
    auto store = filledStore(QStringLiteral("d.sqlite"));
    QVERIFY(store);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    JsonlExportOptions options;
    options.rowIds = {4, 2};
    QCOMPARE(*JsonlExport::write(*store, buffer, options), 2);
    const QList<QByteArray> lines = buffer.data().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QCOMPARE(QJsonDocument::fromJson(lines.at(0)).object().value(QStringLiteral("envelope_id")).toString(), QStringLiteral("s-4"));
    QCOMPARE(QJsonDocument::fromJson(lines.at(1)).object().value(QStringLiteral("envelope_id")).toString(), QStringLiteral("s-2"));
}

void TestJsonl::roundTrip_unredacted_identicalLines()
{
    auto original = filledStore(QStringLiteral("orig.sqlite"));
    QVERIFY(original);
    const QByteArray first = exportAll(*original, false);
    QVERIFY(!first.isEmpty());

    auto copy = CaptureStore::open(m_dir->filePath(QStringLiteral("copy.sqlite")));
    QVERIFY(copy.ok());
    QBuffer in;
    in.setData(first);
    in.open(QIODevice::ReadOnly);
    const Result<ImportReport> report = JsonlImport::read(**copy, in, QStringLiteral("orig.jsonl"));
    QVERIFY(report.ok());
    QCOMPARE(report->imported, 5);
    QCOMPARE(report->skipped, 0);
    QCOMPARE(*(*copy)->searchIndexBacklog(), qint64(0)); // indexed by the import, not left for later
    const QByteArray second = exportAll(**copy, false);
    QVERIFY2(second == first, "round trip changed a line"); // no QCOMPARE: it would print payload secrets

    // The import is its own session, and the summary fields came back from the frames.
    const QVector<SessionInfo> sessions = *(*copy)->sessions();
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(sessions.first().source, QStringLiteral("import"));
    QVERIFY(sessions.first().endReason.contains(QStringLiteral("imported 5")));
    const Envelope e = *(*copy)->envelopeById(QStringLiteral("s-4"));
    QCOMPARE(e.subtype, QStringLiteral("block_actions"));
    QCOMPARE(e.userId, QStringLiteral("U333"));
    QCOMPARE(e.ackLatencyUs(), 99);
}

void TestJsonl::import_badLines_reportedWithLineNumberAndSkipped()
{
    auto store = CaptureStore::open(m_dir->filePath(QStringLiteral("bad.sqlite")));
    QVERIFY(store.ok());
    const QByteArray good1 = JsonlExport::toLine(fixtures::envelope(fixtures::slashCommand(QStringLiteral("g-1")), 10), false);
    const QByteArray good2 = JsonlExport::toLine(fixtures::envelope(fixtures::blockActions(QStringLiteral("g-2")), 20), false);
    QByteArray secretInBrokenLine = R"({"envelope":{"envelope_id":"x","payload":{"token":")" + fixtures::kBotTokenInText;
    const QByteArray input = good1 + "\n"
        + "this is not json\n"                                                                   // line 2
        + "\n"                                                                                   // blank: ignored
        + R"({"received_us":5})" + "\n"                                                          // line 4: no envelope
        + R"({"received_us":5,"envelope":{"type":"hello"}})" + "\n"                              // line 5: not an envelope
        + R"({"envelope":{"envelope_id":"n","type":"slash_commands"}})" + "\n"                   // line 6: no time
        + "[1,2]\n"                                                                              // line 7
        + secretInBrokenLine + "\n"                                                              // line 8: broken
        + good2 + "\n";
    QBuffer in;
    in.setData(input);
    in.open(QIODevice::ReadOnly);
    const Result<ImportReport> report = JsonlImport::read(**store, in, QStringLiteral("mixed.jsonl"));
    QVERIFY(report.ok());
    QCOMPARE(report->imported, 2);
    QCOMPARE(report->skipped, 6);
    QList<qint64> lines;
    for (const ImportProblem &p : report->problems) {
        lines << p.line;
        QVERIFY(!p.reason.isEmpty());
        QVERIFY2(!p.reason.contains(QString::fromLatin1(fixtures::kBotTokenInText)), "a reason quoted a secret");
    }
    QCOMPARE(lines, (QList<qint64>{2, 4, 5, 6, 7, 8}));
    QVERIFY(report->problems.at(0).reason.startsWith(QStringLiteral("not JSON")));
    QCOMPARE(report->problems.at(1).reason, QStringLiteral("no \"envelope\" object"));
    QCOMPARE(*(*store)->envelopeCount(), 2);
    QCOMPARE((*store)->envelope(2)->envelopeId, QStringLiteral("g-2"));
}

void TestJsonl::import_redactedExport_importsWithoutSecrets()
{
    auto original = filledStore(QStringLiteral("r.sqlite"));
    QVERIFY(original);
    const QByteArray redacted = exportAll(*original, true);
    auto copy = CaptureStore::open(m_dir->filePath(QStringLiteral("r-copy.sqlite")));
    QVERIFY(copy.ok());
    QBuffer in;
    in.setData(redacted);
    in.open(QIODevice::ReadOnly);
    QCOMPARE(JsonlImport::read(**copy, in, QStringLiteral("r.jsonl"))->imported, 5);
    // Exporting the imported (already redacted) capture gives the same lines: redaction is idempotent.
    QCOMPARE(exportAll(**copy, true), redacted);
    const QByteArray unredactedAgain = exportAll(**copy, false);
    for (const QByteArray &secret : secrets())
        QVERIFY2(!unredactedAgain.contains(secret), "a secret came back from a redacted import");
}

void TestJsonl::import_intoSameCapture_flagsDuplicates()
{
    auto store = filledStore(QStringLiteral("same.sqlite"));
    QVERIFY(store);
    QBuffer in;
    in.setData(exportAll(*store, false));
    in.open(QIODevice::ReadOnly);
    QCOMPARE(JsonlImport::read(*store, in, QStringLiteral("again.jsonl"))->imported, 5);
    QCOMPARE(*store->envelopeCount(), 10);
    for (qint64 row = 6; row <= 10; ++row)
        QVERIFY(store->envelope(row)->duplicate);
}

QTEST_GUILESS_MAIN(TestJsonl)
#include "tst_jsonl.moc"
