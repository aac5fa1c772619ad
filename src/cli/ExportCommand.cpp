// socketscope-cli export --capture FILE [--out FILE] [--no-redact]
#include "CliOutput.h"
#include "Commands.h"

#include "capture/CaptureStore.h"
#include "capture/JsonlExport.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace socketscope::cli {

namespace {

const char kUsage[] = "Usage: socketscope-cli export --capture FILE [--out FILE] [--no-redact]\n"
                      "Writes every captured envelope as one JSON object per line (JSONL).\n"
                      "Secrets in payloads (response_url, trigger_id, tokens) are masked unless --no-redact.\n"
                      "Without --out the JSONL goes to stdout; status goes to stderr.";

int usageError(const QString &problem)
{
    return cli::usageError("export", kUsage, problem);
}

} // namespace

int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption captureOption(QStringLiteral("capture"), QStringLiteral("Capture file to export."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Write JSONL here instead of stdout."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption noRedactOption(QStringLiteral("no-redact"),
                                            QStringLiteral("Keep secrets (response_url, trigger_id, tokens)."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show help."));
    parser.addOptions({captureOption, outOption, noRedactOption, helpOption});
    if (!parser.parse(args))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        out(QByteArray(kUsage));
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'.").arg(parser.positionalArguments().first()));
    const QString capturePath = parser.value(captureOption);
    if (capturePath.isEmpty())
        return usageError(QStringLiteral("--capture FILE is required."));
    if (parser.isSet(outOption) && parser.value(outOption).isEmpty())
        return usageError(QStringLiteral("--out needs a file name."));

    // Read-only: exporting works while listen or the GUI is still writing the capture.
    Result<std::unique_ptr<CaptureStore>> store = CaptureStore::open(capturePath, CaptureStore::Mode::ReadOnly);
    if (!store) {
        status(QStringLiteral("socketscope-cli export: cannot open capture: %1").arg(store.error().toString()));
        return ExitConfig;
    }

    if (const qint64 waiting = (*store)->waitingInJournal(); waiting > 0) {
        status(QStringLiteral("socketscope-cli export: WARNING: %1 envelope(s) acknowledged by a session that "
                              "stopped abruptly are still in %2 and not in this export. Open the capture for "
                              "writing once to store them (e.g. socketscope-cli index --capture %3), then "
                              "export again.")
                   .arg(waiting)
                   .arg(AckJournal::pathFor(capturePath), shellWord(capturePath)));
    }

    JsonlExportOptions options;
    options.redact = !parser.isSet(noRedactOption);
    if (!options.redact) {
        status(QStringLiteral("socketscope-cli export: WARNING: --no-redact: the output contains secrets "
                              "(response_url, trigger_id, tokens). Keep it private and delete it when done."));
    }

    const QString outPath = parser.value(outOption);
    Result<qint64> written = qint64(0);
    if (outPath.isEmpty()) {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly)) {
            status(QStringLiteral("socketscope-cli export: cannot write to stdout."));
            return ExitConfig;
        }
        written = JsonlExport::write(**store, stdoutFile, options);
        stdoutFile.flush();
    } else {
        // Written next to the target and renamed at the end: an interrupted export leaves no half file.
        QSaveFile file(outPath);
        if (!file.open(QIODevice::WriteOnly)) {
            status(QStringLiteral("socketscope-cli export: cannot write %1: %2.").arg(outPath, file.errorString()));
            return ExitConfig;
        }
        if (!options.redact)
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        written = JsonlExport::write(**store, file, options);
        if (written && !file.commit()) {
            status(QStringLiteral("socketscope-cli export: cannot write %1: %2.").arg(outPath, file.errorString()));
            return ExitConfig;
        }
    }
    if (!written) {
        status(QStringLiteral("socketscope-cli export: %1").arg(written.error().toString()));
        return ExitConfig;
    }
    status(QStringLiteral("Exported %1 envelope(s) from %2 to %3 (%4).")
               .arg(*written)
               .arg(capturePath, outPath.isEmpty() ? QStringLiteral("stdout") : outPath,
                    options.redact ? QStringLiteral("secrets redacted") : QStringLiteral("NOT redacted")));
    return ExitOk;
}

} // namespace socketscope::cli
