#pragma once

#include "answers/ResultTable.h"
#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrlQuery>

#include <functional>

namespace socketscope {

class NautobotClient;

// One ad-hoc REST request from the console.
struct RestConsoleRequest
{
    QByteArray method = QByteArrayLiteral("GET"); // GET, PATCH, POST, DELETE
    QString path;                                 // relative to the Nautobot root, e.g. "api/dcim/devices/"
    QUrlQuery query;
    QJsonObject body;                             // PATCH/POST
    // PATCH/DELETE: the object's display, typed by the operator; POST: the new object's "name"
    // (or the path when the body has none). Without the matching string the request is refused.
    QString confirmation;

    bool changesData() const;
    // "GET /api/dcim/devices/?location=ams01": method (optional, default GET), path, query.
    static Result<RestConsoleRequest> parse(const QString &line);
};

struct RestConsoleResult
{
    int httpStatus = 0;
    QJsonObject json;  // the answer (empty for a 204)
    ResultTable table; // generic table of the answer
    qint64 latencyUs = 0;
};

// The REST console's core: GETs become tables; requests that change data must be confirmed by
// naming the object, enforced here so no front end can skip it.
class RestConsole : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<RestConsoleResult> &)>;
    using ConfirmationCallback = std::function<void(const Result<QString> &)>;

    // client must outlive the console.
    explicit RestConsole(NautobotClient *client, QObject *parent = nullptr);

    // What the operator must type to confirm `request`: for PATCH/DELETE the object's display (read
    // from Nautobot), for POST the body's name (or the path). GET needs none (empty string).
    void requiredConfirmation(const RestConsoleRequest &request, QObject *context, ConfirmationCallback callback);

    // GET: runs it (lists follow pagination). PATCH/POST/DELETE: checks the confirmation first
    // (error confirmation_required / confirmation_mismatch, nothing sent), then runs it.
    void run(const RestConsoleRequest &request, QObject *context, Callback callback);

private:
    void perform(const RestConsoleRequest &request, QObject *context, Callback callback);

    NautobotClient *m_client;
};

} // namespace socketscope
