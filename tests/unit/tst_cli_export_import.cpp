// The export/import subcommands as the CLI runs them (runExport/runImport), with their exit codes and
// stderr. Compiled from src/cli sources so it does not need the whole socketscope-cli binary.
#include "CaptureFixtures.h"

#include "CliOutput.h"
#include "Commands.h"
#include "capture/CaptureStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

#include <unistd.h>

using namespace socketscope;

namespace {

// Runs a subcommand with stderr captured (status lines), so tests can check what the operator sees.
struct Run
{
    int exitCode = -1;
    QByteArray stderrText;
};

Run runCaptured(int (*command)(const QStringList &), const QStringList &args, const QString &stderrPath)
{
    Run run;
    std::fflush(stderr);
    const int saved = ::dup(STDERR_FILENO);
    if (saved < 0 || std::freopen(QFile::encodeName(stderrPath).constData(), "w", stderr) == nullptr)
        return run;
    run.exitCode = command(args);
    std::fflush(stderr);
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
    QFile f(stderrPath);
    if (f.open(QIODevice::ReadOnly))
        run.stderrText = f.readAll();
    return run;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QList<QByteArray> &secrets()
{
    static const QList<QByteArray> all{fixtures::kSlashResponseUrl, fixtures::kSlashTriggerId, fixtures::kLegacyToken,
                                       fixtures::kActionsResponseUrl, fixtures::kWorkflowToken, fixtures::kBotTokenInText};
    return all;
}

} // namespace

class TestCliExportImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void export_default_redactsSecrets();
    void export_noRedact_keepsSecretsAndWarns();
    void export_envelopesWaitingInAckJournal_warnsAndSaysHowToStoreThem();
    void shellWord_quotesOnlyWhatNeedsIt();
    void export_missingCapture_exits3WithCauseAndFix();
    void export_notACapture_exits3();
    void export_usageErrors_exit2();
    void import_jsonl_importsReportsBadLinesAndRoundTrips();
    void import_missingInput_exits2AndCreatesNothing();
    void import_captureInMissingDir_exits3();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    void makeCapture(const QString &file);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliExportImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCliExportImport::makeCapture(const QString &file)
{
    auto store = CaptureStore::open(file);
    QVERIFY(store.ok());
    QVector<Envelope> batch{fixtures::envelope(fixtures::slashCommand(QStringLiteral("c-1")), 1'700'000'000'000'000),
                            fixtures::envelope(fixtures::blockActions(QStringLiteral("c-2")), 1'700'000'000'500'000),
                            fixtures::envelope(fixtures::functionExecuted(QStringLiteral("c-3"), QStringLiteral("EvC")),
                                               1'700'000'001'000'000)};
    QVERIFY((*store)->insertEnvelopes(batch).ok());
}

void TestCliExportImport::export_default_redactsSecrets()
{
    makeCapture(path(QStringLiteral("cap.sqlite")));
    const Run run = runCaptured(cli::runExport,
                                {QStringLiteral("export"), QStringLiteral("--capture"), path(QStringLiteral("cap.sqlite")),
                                 QStringLiteral("--out"), path(QStringLiteral("out.jsonl"))},
                                path(QStringLiteral("stderr.txt")));
    QCOMPARE(run.exitCode, 0);
    const QByteArray out = readFile(path(QStringLiteral("out.jsonl")));
    QCOMPARE(out.count('\n'), 3);
    for (const QByteArray &secret : secrets()) {
        QVERIFY2(!out.contains(secret), "a secret reached the default export");
        QVERIFY2(!run.stderrText.contains(secret), "a secret reached stderr");
    }
    QVERIFY(run.stderrText.contains("Exported 3 envelope(s)"));
    QVERIFY(run.stderrText.contains("secrets redacted"));
    QVERIFY(!run.stderrText.contains("WARNING"));
}

void TestCliExportImport::export_noRedact_keepsSecretsAndWarns()
{
    makeCapture(path(QStringLiteral("cap.sqlite")));
    const QString outPath = path(QStringLiteral("secret.jsonl"));
    const Run run = runCaptured(cli::runExport,
                                {QStringLiteral("export"), QStringLiteral("--capture"), path(QStringLiteral("cap.sqlite")),
                                 QStringLiteral("--no-redact"), QStringLiteral("--out"), outPath},
                                path(QStringLiteral("stderr.txt")));
    QCOMPARE(run.exitCode, 0);
    const QByteArray out = readFile(outPath);
    for (const QByteArray &secret : secrets()) {
        QVERIFY2(out.contains(secret), "--no-redact lost a payload field");
        QVERIFY2(!run.stderrText.contains(secret), "a secret reached stderr");
    }
    QVERIFY(run.stderrText.contains("WARNING: --no-redact: the output contains secrets"));
    // An unredacted export is private to its owner.
    QCOMPARE(QFile::permissions(outPath) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
}

void TestCliExportImport::export_envelopesWaitingInAckJournal_warnsAndSaysHowToStoreThem()
{
    const QString capture = path(QStringLiteral("cap.sqlite"));
    makeCapture(capture);
    {
        // A session that acked two envelopes and stopped before its tables got them (as after a crash).
        CaptureStore::Options options;
        options.ackJournal = true;
        auto writer = CaptureStore::open(capture, CaptureStore::Mode::ReadWrite, options);
        QVERIFY(writer.ok());
        QVector<Envelope> acked{fixtures::envelope(fixtures::slashCommand(QStringLiteral("j-1")), 1'700'000'002'000'000),
                                fixtures::envelope(fixtures::slashCommand(QStringLiteral("j-2")), 1'700'000'002'100'000)};
        QVERIFY((*writer)->journalEnvelopes(acked).ok());
    }
    const Run run = runCaptured(cli::runExport,
                                {QStringLiteral("export"), QStringLiteral("--capture"), capture, QStringLiteral("--out"),
                                 path(QStringLiteral("out.jsonl"))},
                                path(QStringLiteral("stderr.txt")));
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.stderrText.contains("Exported 3 envelope(s)"));
    QVERIFY2(run.stderrText.contains("WARNING: 2 envelope(s) acknowledged by a session that stopped abruptly"),
             run.stderrText.constData());
    QVERIFY(run.stderrText.contains(QFile::encodeName(AckJournal::pathFor(capture))));
    QVERIFY(run.stderrText.contains("socketscope-cli index --capture"));

    // Opened for writing once, the capture holds them and the export is whole.
    {
        auto writer = CaptureStore::open(capture);
        QVERIFY(writer.ok());
        QCOMPARE((*writer)->recoveredFromJournal(), 2);
    }
    const Run again = runCaptured(cli::runExport,
                                  {QStringLiteral("export"), QStringLiteral("--capture"), capture, QStringLiteral("--out"),
                                   path(QStringLiteral("out.jsonl"))},
                                  path(QStringLiteral("stderr2.txt")));
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.stderrText.contains("Exported 5 envelope(s)"));
    QVERIFY(!again.stderrText.contains("WARNING"));
}

void TestCliExportImport::shellWord_quotesOnlyWhatNeedsIt()
{
    // The commands the CLI suggests must paste into a shell as they are.
    QCOMPARE(cli::shellWord(QStringLiteral("/tmp/listen-20261207.sqlite")), QStringLiteral("/tmp/listen-20261207.sqlite"));
    QCOMPARE(cli::shellWord(QStringLiteral("/home/me/My Captures/a.sqlite")), QStringLiteral("'/home/me/My Captures/a.sqlite'"));
    QCOMPARE(cli::shellWord(QStringLiteral("it's $HOME.sqlite")), QStringLiteral("'it'\\''s $HOME.sqlite'"));
}

void TestCliExportImport::export_missingCapture_exits3WithCauseAndFix()
{
    const Run run = runCaptured(cli::runExport,
                                {QStringLiteral("export"), QStringLiteral("--capture"), path(QStringLiteral("none.sqlite"))},
                                path(QStringLiteral("stderr.txt")));
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.stderrText.contains("does not exist"));
    QVERIFY(run.stderrText.contains("Fix:"));
    QVERIFY(!QFile::exists(path(QStringLiteral("none.sqlite"))));
}

void TestCliExportImport::export_notACapture_exits3()
{
    QFile junk(path(QStringLiteral("notes.txt")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("just some notes, not a database");
    junk.close();
    const Run run = runCaptured(cli::runExport,
                                {QStringLiteral("export"), QStringLiteral("--capture"), path(QStringLiteral("notes.txt"))},
                                path(QStringLiteral("stderr.txt")));
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.stderrText.contains("not a SocketScope capture"));
}

void TestCliExportImport::export_usageErrors_exit2()
{
    const QString err = path(QStringLiteral("stderr.txt"));
    QCOMPARE(runCaptured(cli::runExport, {QStringLiteral("export")}, err).exitCode, 2);
    QCOMPARE(runCaptured(cli::runExport, {QStringLiteral("export"), QStringLiteral("--bogus")}, err).exitCode, 2);
    const Run stray = runCaptured(cli::runExport,
                                  {QStringLiteral("export"), QStringLiteral("--capture"), QStringLiteral("a"), QStringLiteral("b")},
                                  err);
    QCOMPARE(stray.exitCode, 2);
    QVERIFY(stray.stderrText.contains("Usage: socketscope-cli export"));
    QCOMPARE(runCaptured(cli::runImport, {QStringLiteral("import"), QStringLiteral("x.jsonl")}, err).exitCode, 2);
    QCOMPARE(runCaptured(cli::runImport, {QStringLiteral("import"), QStringLiteral("--capture"), QStringLiteral("c")}, err).exitCode, 2);
}

void TestCliExportImport::import_jsonl_importsReportsBadLinesAndRoundTrips()
{
    makeCapture(path(QStringLiteral("cap.sqlite")));
    const QString err = path(QStringLiteral("stderr.txt"));
    const QString exported = path(QStringLiteral("all.jsonl"));
    QCOMPARE(runCaptured(cli::runExport,
                         {QStringLiteral("export"), QStringLiteral("--capture"), path(QStringLiteral("cap.sqlite")),
                          QStringLiteral("--no-redact"), QStringLiteral("--out"), exported},
                         err)
                 .exitCode,
             0);
    // A second file with one bad line in the middle.
    const QList<QByteArray> lines = readFile(exported).trimmed().split('\n');
    QFile mixed(path(QStringLiteral("mixed.jsonl")));
    QVERIFY(mixed.open(QIODevice::WriteOnly));
    mixed.write(lines.at(0) + "\n{broken\n" + lines.at(1) + "\n");
    mixed.close();

    const QString target = path(QStringLiteral("imported.sqlite"));
    const Run run = runCaptured(cli::runImport,
                                {QStringLiteral("import"), QStringLiteral("--capture"), target, exported, mixed.fileName()},
                                err);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.stderrText.contains("mixed.jsonl:2: skipped: not JSON"));
    QVERIFY(run.stderrText.contains("Imported 5 envelope(s)"));
    QVERIFY(run.stderrText.contains("1 line(s) skipped"));
    for (const QByteArray &secret : secrets())
        QVERIFY2(!run.stderrText.contains(secret), "a secret reached stderr");

    auto store = CaptureStore::open(target, CaptureStore::Mode::ReadOnly);
    QVERIFY(store.ok());
    QCOMPARE(*(*store)->envelopeCount(), 5);
    QCOMPARE((*store)->sessions()->size(), 2); // one import session per file
    QVERIFY((*store)->envelope(4)->duplicate); // c-1 again, from the second file
}

void TestCliExportImport::import_missingInput_exits2AndCreatesNothing()
{
    const QString target = path(QStringLiteral("never.sqlite"));
    const Run run = runCaptured(cli::runImport,
                                {QStringLiteral("import"), QStringLiteral("--capture"), target, path(QStringLiteral("nope.jsonl"))},
                                path(QStringLiteral("stderr.txt")));
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.stderrText.contains("cannot read JSONL file"));
    QVERIFY(!QFile::exists(target));
}

void TestCliExportImport::import_captureInMissingDir_exits3()
{
    QFile input(path(QStringLiteral("in.jsonl")));
    QVERIFY(input.open(QIODevice::WriteOnly));
    input.close();
    const Run run = runCaptured(cli::runImport,
                                {QStringLiteral("import"), QStringLiteral("--capture"), path(QStringLiteral("missing/dir/c.sqlite")),
                                 input.fileName()},
                                path(QStringLiteral("stderr.txt")));
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.stderrText.contains("does not exist"));
    QVERIFY(run.stderrText.contains("Create the folder"));
}

QTEST_GUILESS_MAIN(TestCliExportImport)
#include "tst_cli_export_import.moc"
