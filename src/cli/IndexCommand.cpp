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

    QElapsedTimer sinceReport;
    sinceReport.start();
    const Result<qint64> indexed = CaptureStore::buildSearchIndex(capturePath, [&](qint64 done, qint64 total) {
        if (sinceReport.elapsed() >= kProgressEveryMs && done < total) {
            status(QStringLiteral("Indexed %1 of %2 envelope(s)…").arg(done).arg(total));
            sinceReport.restart();
        }
        return true;
    });
    if (!indexed) {
        status(QStringLiteral("socketscope-cli index: %1").arg(indexed.error().toString()));
        return ExitConfig;
    }
    status(QStringLiteral("Indexed %1 envelope(s); the search index of %2 is complete.").arg(*indexed).arg(capturePath));
    return ExitOk;
}

} // namespace socketscope::cli
