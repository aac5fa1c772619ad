// socketscope-cli import --capture FILE JSONL...
#include "CliOutput.h"
#include "Commands.h"

#include "capture/CaptureStore.h"
#include "capture/JsonlImport.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

namespace socketscope::cli {

namespace {

const char kUsage[] = "Usage: socketscope-cli import --capture FILE JSONL...\n"
                      "Reads JSONL exports into the capture (created if missing), one new session per file.\n"
                      "Bad lines are reported with their line number and skipped.";

int usageError(const QString &problem)
{
    return cli::usageError("import", kUsage, problem);
}

} // namespace

int runImport(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption captureOption(QStringLiteral("capture"), QStringLiteral("Capture file to import into."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show help."));
    parser.addOptions({captureOption, helpOption});
    if (!parser.parse(args))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        out(QByteArray(kUsage));
        return ExitOk;
    }
    const QString capturePath = parser.value(captureOption);
    if (capturePath.isEmpty())
        return usageError(QStringLiteral("--capture FILE is required."));
    const QStringList inputs = parser.positionalArguments();
    if (inputs.isEmpty())
        return usageError(QStringLiteral("give at least one JSONL file."));
    // Check every input before touching the capture, so a typo imports nothing.
    for (const QString &input : inputs) {
        const QFileInfo info(input);
        if (!info.isFile() || !info.isReadable())
            return usageError(QStringLiteral("cannot read JSONL file '%1'.").arg(input));
    }

    Result<std::unique_ptr<CaptureStore>> store = CaptureStore::open(capturePath);
    if (!store) {
        status(QStringLiteral("socketscope-cli import: cannot open capture: %1").arg(store.error().toString()));
        return ExitConfig;
    }

    qint64 imported = 0;
    qint64 skipped = 0;
    for (const QString &input : inputs) {
        QFile file(input);
        if (!file.open(QIODevice::ReadOnly)) {
            status(QStringLiteral("socketscope-cli import: cannot read %1: %2.").arg(input, file.errorString()));
            return ExitUsage;
        }
        const Result<ImportReport> report = JsonlImport::read(**store, file, QFileInfo(input).fileName());
        if (!report) {
            status(QStringLiteral("socketscope-cli import: %1: %2").arg(input, report.error().toString()));
            return ExitConfig;
        }
        for (const ImportProblem &problem : report->problems)
            status(QStringLiteral("%1:%2: skipped: %3").arg(input).arg(problem.line).arg(problem.reason));
        if (report->skipped > report->problems.size())
            status(QStringLiteral("%1: … %2 more skipped lines not listed").arg(input).arg(report->skipped - report->problems.size()));
        status(QStringLiteral("%1: imported %2, skipped %3 (session %4).")
                   .arg(input)
                   .arg(report->imported)
                   .arg(report->skipped)
                   .arg(report->sessionId));
        imported += report->imported;
        skipped += report->skipped;
    }
    status(QStringLiteral("Imported %1 envelope(s) into %2; %3 line(s) skipped.").arg(imported).arg(capturePath).arg(skipped));
    return ExitOk;
}

} // namespace socketscope::cli
