#include "answers/RestConsole.h"

#include "nautobot/NautobotClient.h"
#include "util/Logging.h"

#include <QJsonArray>
#include <QPointer>
#include <QUrl>

namespace socketscope {

namespace {

bool isDetailPath(const QString &path)
{
    // Nautobot detail URLs end in "/<uuid>/"; list URLs end in the collection name.
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return !parts.isEmpty() && parts.last().size() == 36 && parts.last().count(QLatin1Char('-')) == 4;
}

QString normalisedPath(QString path)
{
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/'); // Nautobot redirects (302) without it
    return path;
}

} // namespace

bool RestConsoleRequest::changesData() const
{
    return method != "GET" && method != "HEAD";
}

Result<RestConsoleRequest> RestConsoleRequest::parse(const QString &line)
{
    QStringList words = line.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    RestConsoleRequest request;
    if (words.size() == 2) {
        request.method = words.takeFirst().toUpper().toLatin1();
    } else if (words.size() != 1) {
        return Error{QStringLiteral("bad_request_line"), QStringLiteral("Expected \"[METHOD] /api/…/\"."),
                     QStringLiteral("e.g. GET /api/dcim/devices/?location=ams01")};
    }
    static const QByteArrayList kMethods{"GET", "PATCH", "POST", "DELETE"};
    if (!kMethods.contains(request.method))
        return Error{QStringLiteral("bad_method"), QStringLiteral("Method %1 is not supported.").arg(QString::fromLatin1(request.method)),
                     QStringLiteral("Use GET, PATCH, POST or DELETE.")};
    const QUrl url(words.first());
    if (!url.isValid() || !url.isRelative() || !url.path().contains(QLatin1String("api/")))
        return Error{QStringLiteral("bad_path"), QStringLiteral("\"%1\" is not a Nautobot API path.").arg(words.first()),
                     QStringLiteral("Give a path such as /api/dcim/devices/ (the Nautobot URL comes from the profile).")};
    request.path = normalisedPath(url.path());
    request.query = QUrlQuery(url);
    return request;
}

RestConsole::RestConsole(NautobotClient *client, QObject *parent) : QObject(parent), m_client(client) {}

void RestConsole::requiredConfirmation(const RestConsoleRequest &request, QObject *context, ConfirmationCallback callback)
{
    if (!request.changesData()) {
        callback(QString());
        return;
    }
    if (request.method == "POST") {
        const QString name = request.body.value(QLatin1String("name")).toString();
        callback(name.isEmpty() ? QString(QLatin1Char('/') + normalisedPath(request.path)) : name);
        return;
    }
    if (!isDetailPath(request.path)) {
        callback(Error{QStringLiteral("not_a_detail_path"),
                       QStringLiteral("%1 changes one object; %2 is not an object's URL.").arg(QString::fromLatin1(request.method), request.path),
                       QStringLiteral("Use /api/<app>/<model>/<uuid>/.")});
        return;
    }
    QPointer<QObject> guard(context);
    m_client->get(normalisedPath(request.path), {}, this, [guard, callback](const Result<NautobotReply> &reply) {
        if (!guard)
            return;
        if (!reply) {
            callback(reply.error());
            return;
        }
        const QString display = reply->json.value(QLatin1String("display")).toString();
        callback(display.isEmpty() ? reply->json.value(QLatin1String("id")).toString() : display);
    });
}

void RestConsole::run(const RestConsoleRequest &request, QObject *context, Callback callback)
{
    if (!request.changesData()) {
        perform(request, context, std::move(callback));
        return;
    }
    // The object's current name comes from Nautobot, never from the front end, so a stale or
    // mistyped confirmation cannot change the wrong object.
    QPointer<QObject> guard(context);
    requiredConfirmation(request, this, [this, request, guard, callback](const Result<QString> &required) {
        if (!guard)
            return;
        if (!required) {
            callback(required.error());
            return;
        }
        const QString typed = request.confirmation.trimmed();
        if (typed.isEmpty()) {
            callback(Error{QStringLiteral("confirmation_required"),
                           QStringLiteral("%1 changes data in Nautobot; confirm it by typing \"%2\".")
                               .arg(QString::fromLatin1(request.method), required.value()),
                           QStringLiteral("Type the object's name exactly as shown.")});
            return;
        }
        if (typed != required.value()) {
            callback(Error{QStringLiteral("confirmation_mismatch"),
                           QStringLiteral("The confirmation \"%1\" does not name the object \"%2\"; nothing was sent.")
                               .arg(typed, required.value()),
                           QStringLiteral("Type the object's name exactly as shown.")});
            return;
        }
        qCInfo(lcAnswers).noquote() << "REST console:" << request.method << request.path << "confirmed";
        perform(request, guard, callback);
    });
}

void RestConsole::perform(const RestConsoleRequest &request, QObject *context, Callback callback)
{
    QPointer<QObject> guard(context);
    const QString path = normalisedPath(request.path);
    auto onReply = [guard, callback](const Result<NautobotReply> &reply) {
        if (!guard)
            return;
        if (!reply) {
            callback(reply.error());
            return;
        }
        RestConsoleResult result;
        result.httpStatus = reply->httpStatus;
        result.json = reply->json;
        result.latencyUs = reply->latencyUs;
        if (!result.json.isEmpty())
            result.table = ResultTable::fromJson(result.json);
        callback(result);
    };
    if (request.method == "GET" && !isDetailPath(path)) {
        m_client->getAll(path, request.query, this, [guard, callback, path](const Result<NautobotList> &list) {
            if (!guard)
                return;
            if (!list) {
                callback(list.error());
                return;
            }
            QJsonArray results;
            for (const QJsonObject &o : list->results)
                results.append(o);
            RestConsoleResult result;
            result.httpStatus = 200;
            result.json = QJsonObject{{QStringLiteral("count"), list->count}, {QStringLiteral("results"), results}};
            result.table = ResultTable::fromJson(result.json);
            result.table.truncated = list->truncated;
            result.table.source = QStringLiteral("GET /") + path;
            callback(result);
        });
    } else if (request.method == "GET") {
        m_client->get(path, request.query, this, onReply);
    } else if (request.method == "PATCH") {
        m_client->patch(path, request.body, this, onReply);
    } else if (request.method == "POST") {
        m_client->post(path, request.body, this, onReply);
    } else if (request.method == "DELETE") {
        m_client->deleteObject(path, this, onReply);
    } else {
        callback(Error{QStringLiteral("bad_method"), QStringLiteral("Method %1 is not supported.").arg(QString::fromLatin1(request.method)), {}});
    }
}

} // namespace socketscope

#include "moc_RestConsole.cpp"
