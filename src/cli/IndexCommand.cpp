// socketscope-cli index --capture FILE
#include "CliOutput.h"
#include "Commands.h"

#include "capture/CaptureStore.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>

namespace socketscope::cli {

namespace {

const char kUsage[] = "Usage: socketscope-cli index --capture FILE\n"
                      "Builds the free-text search index for every envelope of the capture that is not indexed yet\n"
                      "(listen leaves that to whoever searches). Safe while listen writes to the same capture.";

// Small chunks: a listener writing to the same capture waits for each one before its next commit.
constexpr int kChunkRows = 512;
constexpr qint64 kProgressEveryMs = 1000;

int usageError(const QString &problem)
{
    return cli::usageError("index", kUsage, problem);
}

} // namespace

int runIndex(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption captureOption(QStringLiteral("capture"), QStringLiteral("Capture file to index."),
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
    if (!QFileInfo(capturePath).isFile())
        return usageError(QStringLiteral("no capture file at '%1'.").arg(capturePath));

    CaptureStore::Options options;
    options.backgroundSearchIndexing = false; // indexed here, in the foreground
    auto store = CaptureStore::open(capturePath, CaptureStore::Mode::ReadWrite, options);
    if (!store) {
        status(QStringLiteral("socketscope-cli index: cannot open the capture: %1").arg(store.error().toString()));
        return ExitConfig;
    }
    QElapsedTimer sinceReport;
    sinceReport.start();
    qint64 done = 0;
    const Result<void> result = store.value()->indexSearchTextNow(
        [&](qint64 indexed, qint64 total) {
            done = indexed;
            if (sinceReport.elapsed() >= kProgressEveryMs && indexed < total) {
                status(QStringLiteral("Indexed %1 of %2 envelope(s)…").arg(indexed).arg(total));
                sinceReport.restart();
            }
            return true;
        },
        kChunkRows);
    if (!result) {
        status(QStringLiteral("socketscope-cli index: %1 (%2 envelope(s) were indexed before that; they stay indexed)")
                   .arg(result.error().toString())
                   .arg(done));
        return ExitConfig;
    }
    status(QStringLiteral("Indexed %1 envelope(s); the search index of %2 is complete.").arg(done).arg(capturePath));
    return ExitOk;
}

} // namespace socketscope::cli
