#pragma once

#include "HttpServer.h"

#include <QObject>
#include <QPointer>

class QTcpSocket;
class QTimer;

namespace socketscope::sim {

// One accepted TCP connection of HttpServer: buffers bytes, cuts them into requests (several
// may be pipelined), hands each to the server's route table and writes the answer in order.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, const HttpServer *server);
    ~HttpConnection() override;

Q_SIGNALS:
    void finished();

private:
    enum class Parse { NeedMore, Done, Failed };
    void onReadyRead();
    Parse parseOne();
    void fail(int status, const QByteArray &why);
    void respond(const HttpResponse &response, bool keepAlive);
    void finish();
    void respondLater(const HttpResponse &response, bool keepAlive);

    QPointer<QTcpSocket> m_socket;
    const HttpServer *m_server;
    QTimer *m_idleTimer;
    QByteArray m_buffer;
    bool m_continueSent = false;
    bool m_closing = false;
    bool m_waiting = false; // a delayed (or never-coming) answer holds back later pipelined requests
};

} // namespace socketscope::sim
