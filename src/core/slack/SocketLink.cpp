#include "slack/SocketLink.h"

#include "util/Json.h"
#include "util/Logging.h"

namespace socketscope {

namespace {
constexpr qint64 kReadBufferBytes = 512 * 1024;
}

SocketLink::SocketLink(int id, LinkSettings settings, QObject *parent)
    : QObject(parent), m_id(id), m_settings(settings)
{
    // A frame over the cap closes the socket with 1009 instead of eating memory.
    m_socket.setMaxAllowedIncomingMessageSize(static_cast<quint64>(m_settings.maxIncomingMessageBytes));
    m_socket.setMaxAllowedIncomingFrameSize(static_cast<quint64>(m_settings.maxIncomingMessageBytes));
    // Bounded reads: one event-loop pass handles at most this much, so a burst is committed and acked in
    // slices instead of being parsed whole before the first ack leaves.
    m_socket.setReadBufferSize(kReadBufferBytes);

    connect(&m_socket, &QWebSocket::connected, this, &SocketLink::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &SocketLink::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &SocketLink::onText);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &SocketLink::onBinary);
    // Qt 6.4 has error(); errorOccurred() arrives in 6.5.
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, &SocketLink::onError);
    // QWebSocket keeps closeCode() at 1000 when TCP ends without any close frame, so whether the server
    // sent one is noted here: it answers (aboutToClose) only when a close frame arrives.
    connect(&m_socket, &QWebSocket::aboutToClose, this, [this] {
        if (m_state != State::Closing && !m_aborting) // abort() emits it too
            m_peerSentClose = true;
    });
    connect(&m_socket, &QWebSocket::pong, this, [this](quint64, const QByteArray &) { markActivity(); });
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignored: the handshake fails and the reason is reported with the certificate's names.
        QStringList parts;
        for (const QSslError &e : errors) {
            const QSslCertificate cert = e.certificate();
            parts << QStringLiteral("%1 (subject \"%2\", issuer \"%3\")")
                         .arg(e.errorString(),
                              cert.subjectInfo(QSslCertificate::CommonName).join(QLatin1Char(',')),
                              cert.issuerInfo(QSslCertificate::CommonName).join(QLatin1Char(',')));
        }
        m_errorText = QStringLiteral("TLS error: %1. If a TLS-inspecting proxy is in the path, add its CA "
                                     "bundle to the profile.").arg(parts.join(QStringLiteral("; ")));
    });

    m_pingTimer.setInterval(m_settings.pingIntervalMs);
    connect(&m_pingTimer, &QTimer::timeout, this, &SocketLink::onPingTick);
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, [this] {
        switch (m_state) {
        case State::Opening:
            abort(QStringLiteral("WebSocket handshake timed out after %1 ms").arg(m_settings.handshakeTimeoutMs));
            break;
        case State::Open:
            Q_EMIT dead(m_id, QStringLiteral("no hello within %1 ms").arg(m_settings.helloTimeoutMs));
            abort(QStringLiteral("no hello within %1 ms").arg(m_settings.helloTimeoutMs));
            break;
        case State::Closing:
            abort(m_closeWhy + QStringLiteral("; close handshake not answered, connection aborted"));
            break;
        default:
            break;
        }
    });
}

SocketLink::~SocketLink()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

void SocketLink::open(const QUrl &url)
{
    m_state = State::Opening;
    m_host = url.host();
    m_openedUs = json::nowUs();
    m_deadlineTimer.start(m_settings.handshakeTimeoutMs);
    m_socket.open(url);
}

bool SocketLink::sendText(const QByteArray &frame)
{
    if (!canSend())
        return false;
    return m_socket.sendTextMessage(QString::fromUtf8(frame)) > 0 || frame.isEmpty();
}

void SocketLink::flush()
{
    if (m_state == State::Open || m_state == State::Live || m_state == State::Closing)
        m_socket.flush();
}

void SocketLink::close(const QString &why, int timeoutMs)
{
    if (m_state == State::Closing || m_state == State::Closed)
        return;
    if (m_state == State::Idle || m_state == State::Opening) {
        abort(why);
        return;
    }
    m_state = State::Closing;
    m_closedByUs = true;
    m_closeWhy = why;
    m_pingTimer.stop();
    m_deadlineTimer.start(timeoutMs);
    m_socket.close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("bye"));
}

void SocketLink::abort(const QString &why)
{
    if (m_state == State::Closed)
        return;
    m_closeWhy = why;
    m_aborting = true; // QWebSocket::abort() emits aboutToClose and disconnected before it returns
    m_socket.abort();
    finish(m_closeWhy);
}

void SocketLink::onConnected()
{
    m_state = State::Open;
    m_sinceActivity.start();
    m_deadlineTimer.start(m_settings.helloTimeoutMs);
    m_pingTimer.start();
    Q_EMIT opened(m_id);
}

void SocketLink::onDisconnected()
{
    QString why = m_closeWhy;
    if (why.isEmpty() || (m_state != State::Closing && !m_aborting))
        why = closeDescription();
    finish(why);
}

QString SocketLink::closeDescription() const
{
    if (!m_errorText.isEmpty() && m_state != State::Open && m_state != State::Live)
        return m_errorText; // e.g. TLS during the handshake: the error is the whole story
    const auto code = m_socket.closeCode();
    if (code == QWebSocketProtocol::CloseCodeTooMuchData)
        return QStringLiteral("a message exceeded the %1 MiB limit (close 1009)")
            .arg(m_settings.maxIncomingMessageBytes / (1024 * 1024));
    if (code == QWebSocketProtocol::CloseCodeNormal && m_state == State::Closing)
        return QStringLiteral("closed normally");
    // A peer that drops TCP also raises a socket error; its text ("remote host closed") goes after the
    // 1006 classification instead of replacing it.
    const QString reason = m_errorText.isEmpty() ? m_socket.closeReason() : m_errorText;
    if (!m_peerSentClose || code == QWebSocketProtocol::CloseCodeAbnormalDisconnection || code == 0)
        return QStringLiteral("connection lost without a close frame (1006)") +
               (reason.isEmpty() ? QString() : QStringLiteral(": ") + reason);
    return QStringLiteral("server closed the link (code %1%2)")
        .arg(static_cast<int>(code))
        .arg(reason.isEmpty() ? QString() : QStringLiteral(", ") + reason);
}

void SocketLink::onError(QAbstractSocket::SocketError error)
{
    Q_UNUSED(error)
    if (m_errorText.isEmpty())
        m_errorText = m_socket.errorString();
    // QWebSocket emits disconnected() after most errors, but not when the handshake itself fails.
    if (m_state == State::Opening)
        abort(QStringLiteral("could not open the WebSocket: %1").arg(m_errorText));
}

void SocketLink::onText(const QString &text)
{
    if (m_state == State::Closed)
        return;
    const qint64 receivedUs = json::nowUs();
    const qint64 receivedSteadyUs = json::steadyUs();
    markActivity();
    const QByteArray bytes = text.toUtf8();
    Frame frame = parseFrame(bytes, receivedUs);
    frame.envelope.receivedSteadyUs = receivedSteadyUs;
    switch (frame.kind) {
    case Frame::Kind::Hello:
        if (m_state == State::Open) {
            m_state = State::Live;
            m_deadlineTimer.stop();
        }
        Q_EMIT hello(m_id, frame);
        break;
    case Frame::Kind::Disconnect:
        Q_EMIT disconnectRequested(m_id, frame.reason);
        break;
    case Frame::Kind::Envelope:
        Q_EMIT envelopeReceived(m_id, frame.envelope);
        break;
    case Frame::Kind::Malformed:
        if (!bytes.trimmed().isEmpty()) // Slack sends empty messages now and then; not worth keeping
            Q_EMIT malformedFrame(m_id, frame.problem, bytes);
        break;
    }
}

void SocketLink::onBinary(const QByteArray &bytes)
{
    markActivity();
    Q_EMIT malformedFrame(m_id, QStringLiteral("binary frame (%1 bytes); Socket Mode sends text").arg(bytes.size()),
                          bytes);
}

void SocketLink::markActivity()
{
    m_sinceActivity.restart();
}

void SocketLink::onPingTick()
{
    if (m_state != State::Open && m_state != State::Live)
        return;
    if (m_sinceActivity.isValid() && m_sinceActivity.elapsed() > m_settings.livenessWindowMs) {
        const QString why = QStringLiteral("no pong and no frame for %1 ms (connected but deaf)")
                                .arg(m_sinceActivity.elapsed());
        Q_EMIT dead(m_id, why);
        abort(why);
        return;
    }
    m_socket.ping(QByteArray::number(m_id));
}

void SocketLink::finish(const QString &why)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_pingTimer.stop();
    m_deadlineTimer.stop();
    Q_EMIT closed(m_id, why);
}

} // namespace socketscope
