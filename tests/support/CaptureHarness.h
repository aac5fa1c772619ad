#pragma once

#include "capture/CaptureStore.h"
#include "slack/Envelope.h"
#include "util/Json.h"

#include <QByteArray>
#include <QString>

#include <memory>

// Puts captured frames into a capture file the way listen would have committed them.
inline std::unique_ptr<socketscope::CaptureStore> openCapture(const QString &path)
{
    auto store = socketscope::CaptureStore::open(path);
    return store ? std::move(store).value() : nullptr;
}

// Returns the committed envelope (with its row id); receivedUs defaults to now.
inline socketscope::Envelope captureFrame(socketscope::CaptureStore &store, const QByteArray &frame, qint64 receivedUs = 0)
{
    socketscope::Envelope e = socketscope::parseFrame(frame, receivedUs > 0 ? receivedUs : socketscope::json::nowUs()).envelope;
    e.linkId = 1;
    QVector<socketscope::Envelope> batch{e};
    if (!store.insertEnvelopes(batch))
        return {};
    return batch.first();
}
