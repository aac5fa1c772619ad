#include "NautobotRestApi.h"

#include "NautobotInventory.h"
#include "NautobotSimConfig.h"
#include "NautobotStore.h"
#include "util/Json.h"
#include "util/Logging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>

namespace socketscope::sim {

namespace {

const QString kChatOpsPrefix = QStringLiteral("/api/plugins/chatops/");
const QString kSlackPrefix = QStringLiteral("/api/plugins/chatops/slack/");

// Query parameters that are not filters (NB: nautobot/core/api/filter_backends and pagination).
bool isNonFilterParam(const QString &name)
{
    static const QStringList names{QStringLiteral("api_version"), QStringLiteral("depth"), QStringLiteral("exclude_m2m"),
                                   QStringLiteral("format"),      QStringLiteral("include"), QStringLiteral("limit"),
                                   QStringLiteral("offset"),      QStringLiteral("sort")};
    return names.contains(name);
}

int compareValues(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() < b.toDouble() ? -1 : (a.toDouble() > b.toDouble() ? 1 : 0);
    return QString::compare(a.toVariant().toString(), b.toVariant().toString());
}

} // namespace

NautobotRestApi::NautobotRestApi(NautobotStore &store, const NautobotSimConfig &config)
    : m_store(store), m_config(config)
{
}

void NautobotRestApi::registerOn(HttpServer &server)
{
    m_server = &server;
    auto handler = [this](const HttpRequest &request) { return handle(request); };
    // Exact /api/ and the app prefixes; longer than the Slack side's catch-all "/api/" prefix.
    server.addRoute({}, QStringLiteral("/api/"), handler);
    for (const char *prefix : {"/api/status", "/api/dcim/", "/api/ipam/", "/api/circuits/", "/api/extras/", "/api/users/",
                               "/api/plugins", "/api/tenancy/", "/api/dcim", "/api/ipam", "/api/circuits", "/api/extras",
                               "/api/users", "/api/tenancy"})
        server.addPrefixRoute({}, QString::fromLatin1(prefix), handler);
    server.addRoute({}, QStringLiteral("/health/"), [this](const HttpRequest &request) { return health(request); });
    server.addRoute({}, QStringLiteral("/health"), [](const HttpRequest &) {
        HttpResponse r = HttpResponse::text(QByteArray(), 302);
        return r.withHeader("Location", "/health/");
    });
}

QString NautobotRestApi::defaultApiVersion() const
{
    return m_config.apiVersions.isEmpty() ? QStringLiteral("3.1") : m_config.apiVersions.last();
}

QString NautobotRestApi::origin(const HttpRequest &request, quint16 fallbackPort)
{
    const QByteArray host = request.header("host");
    if (!host.isEmpty())
        return QStringLiteral("http://") + QString::fromUtf8(host);
    return QStringLiteral("http://127.0.0.1:%1").arg(fallbackPort);
}

HttpResponse NautobotRestApi::json(const QJsonObject &object, int status, const QString &apiVersion)
{
    HttpResponse response = HttpResponse::json(object, status);
    response.headers[0].second = QByteArrayLiteral("application/json");
    response.withHeader("API-Version", apiVersion.toUtf8()).withHeader("Vary", "Accept, Cookie, Origin");
    response.withHeader("Allow", "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS");
    return response;
}

HttpResponse NautobotRestApi::notFound(const QString &apiVersion)
{
    return json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Not found.")}}, 404, apiVersion);
}

QByteArray NautobotRestApi::loginPage(const QString &next)
{
    return QByteArrayLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Log in - Nautobot</title>"
                             "</head><body><main class=\"login-container\"><h1>Nautobot</h1>"
                             "<form action=\"/login/?next=")
           + QUrl::toPercentEncoding(next)
           + QByteArrayLiteral("\" method=\"post\"><input type=\"hidden\" name=\"csrfmiddlewaretoken\" value=\"x\">"
                               "<label for=\"id_username\">Username</label><input id=\"id_username\" name=\"username\">"
                               "<label for=\"id_password\">Password</label><input id=\"id_password\" name=\"password\" type=\"password\">"
                               "<button type=\"submit\">Log In</button></form></main></body></html>\n");
}

HttpResponse NautobotRestApi::health(const HttpRequest &request) const
{
    if (request.method != "GET" && request.method != "HEAD")
        return HttpResponse::text(QByteArray(), 405).withHeader("Allow", "GET, HEAD");
    const QJsonObject checks{{QStringLiteral("DatabaseBackend"), QStringLiteral("working")},
                             {QStringLiteral("CacheBackend"), QStringLiteral("working")},
                             {QStringLiteral("RedisBackend"), QStringLiteral("working")}};
    if (request.header("accept").contains("application/json"))
        return HttpResponse::json(checks);
    HttpResponse response;
    response.body = QByteArrayLiteral("<!DOCTYPE html><html><head><title>Nautobot health</title></head><body><table>"
                                      "<tr><td>DatabaseBackend</td><td>working</td></tr><tr><td>CacheBackend</td><td>working</td></tr>"
                                      "<tr><td>RedisBackend</td><td>working</td></tr></table></body></html>\n");
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8")});
    return response;
}

NautobotRestApi::Version NautobotRestApi::resolveVersion(const HttpRequest &request) const
{
    QString fromHeader;
    const QList<QByteArray> parts = request.header("accept").split(';');
    for (const QByteArray &part : parts) {
        const QByteArray trimmed = part.trimmed();
        if (trimmed.startsWith("version="))
            fromHeader = QString::fromUtf8(trimmed.mid(8)).trimmed();
    }
    const QString fromQuery = request.query.queryItemValue(QStringLiteral("api_version"), QUrl::FullyDecoded);
    const QString supported = m_config.apiVersions.join(QStringLiteral(", "));
    const QString fallback = defaultApiVersion();
    if (!fromHeader.isEmpty() && !fromQuery.isEmpty() && fromHeader != fromQuery) {
        return {fallback, json(QJsonObject{{QStringLiteral("detail"),
                                            QStringLiteral("Version mismatch between \"Accept\" header and query parameter.")}},
                               400, fallback)};
    }
    if (!fromHeader.isEmpty() && !m_config.apiVersions.contains(fromHeader)) {
        return {fallback, json(QJsonObject{{QStringLiteral("detail"),
                                            QStringLiteral("Invalid version in \"Accept\" header. Supported versions are %1")
                                                .arg(supported)}},
                               406, fallback)};
    }
    if (!fromQuery.isEmpty() && !m_config.apiVersions.contains(fromQuery)) {
        return {fallback, json(QJsonObject{{QStringLiteral("detail"),
                                            QStringLiteral("Invalid version in URL query param. Supported versions are %1")
                                                .arg(supported)}},
                               404, fallback)};
    }
    return {fromHeader.isEmpty() ? (fromQuery.isEmpty() ? fallback : fromQuery) : fromHeader, std::nullopt};
}

NautobotRestApi::Caller NautobotRestApi::authenticate(const HttpRequest &request, const QString &apiVersion) const
{
    auto refuse = [&apiVersion](const QString &detail) {
        Caller caller;
        caller.refusal = json(QJsonObject{{QStringLiteral("detail"), detail}}, 403, apiVersion);
        return caller;
    };
    const QByteArray authorization = request.header("authorization").trimmed();
    const QList<QByteArray> words = authorization.split(' ');
    if (authorization.isEmpty() || words.first().toLower() != "token")
        return refuse(QStringLiteral("Authentication credentials were not provided."));
    if (words.size() == 1 || words.at(1).isEmpty())
        return refuse(QStringLiteral("Invalid token header. No credentials provided."));
    if (words.size() > 2)
        return refuse(QStringLiteral("Invalid token header. Token string should not contain spaces."));
    const QString key = QString::fromUtf8(words.at(1));
    Caller caller;
    if (key == m_config.token) {
        if (m_config.tokenExpired)
            return refuse(QStringLiteral("Token expired"));
        caller.access = Access::ReadWrite;
    } else if (key == m_config.readOnlyToken) {
        caller.access = Access::ReadOnly;
    } else {
        return refuse(QStringLiteral("Invalid token"));
    }
    return caller;
}

HttpResponse NautobotRestApi::handle(const HttpRequest &request)
{
    const bool chatOpsPath = request.path.startsWith(kChatOpsPrefix.chopped(1));
    HttpResponse response = [&]() -> HttpResponse {
        if (m_config.restApiHtml) {
            // An SSO proxy or a misrouted URL: a login page with 200, the hardest case for clients.
            HttpResponse page;
            page.body = loginPage(request.path);
            page.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8")});
            return page;
        }
        if (!request.path.endsWith(QLatin1Char('/'))) {
            // Django's APPEND_SLASH.
            QByteArray location = request.path.toUtf8() + '/';
            const QByteArray query = request.query.toString(QUrl::FullyEncoded).toUtf8();
            if (!query.isEmpty())
                location += '?' + query;
            HttpResponse redirect = HttpResponse::text(QByteArray(), 302);
            redirect.headers.clear();
            redirect.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8")});
            return redirect.withHeader("Location", location);
        }
        if (chatOpsPath && !m_config.chatOpsInstalled)
            return notFound(defaultApiVersion());
        const Version version = resolveVersion(request);
        if (version.error)
            return *version.error;
        const Caller caller = authenticate(request, version.value);
        if (caller.refusal)
            return *caller.refusal;
        return route(request, version.value, *caller.access);
    }();
    if (chatOpsPath && m_config.chatOpsInstalled) {
        response.delayMs = m_config.chatOpsDelayMs;
        response.never = m_config.chatOpsNeverAnswers;
    }
    return response;
}

HttpResponse NautobotRestApi::route(const HttpRequest &request, const QString &version, Access access)
{
    const QString &path = request.path;
    if (path == QLatin1String("/api/status/")) {
        if (request.method != "GET" && request.method != "HEAD")
            return json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Method \"%1\" not allowed.").arg(QString::fromLatin1(request.method))}}, 405, version);
        return status(version);
    }
    for (const NautobotCollection *c : m_store.collections()) {
        if (c->pluginChatOps && !m_config.chatOpsInstalled)
            continue;
        if (path == c->apiPath) {
            if (request.method == "GET" || request.method == "HEAD")
                return list(request, version, c->objectType);
            return json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Method \"%1\" not allowed.").arg(QString::fromLatin1(request.method))}}, 405, version);
        }
        if (path.startsWith(c->apiPath)) {
            QString rest = path.mid(c->apiPath.size());
            if (rest.endsWith(QLatin1Char('/')))
                rest.chop(1);
            if (rest.contains(QLatin1Char('/')) || QUuid(rest).isNull())
                return notFound(version);
            return detail(request, version, c->objectType, rest.toLower(), access);
        }
    }
    // App roots such as /api/, /api/dcim/, /api/plugins/chatops/.
    if (request.method == "GET" && (path == QLatin1String("/api/") || path.count(QLatin1Char('/')) == 3
                                    || path == kChatOpsPrefix))
        return root(request, version, path);
    return notFound(version);
}

HttpResponse NautobotRestApi::root(const HttpRequest &request, const QString &version, const QString &prefix) const
{
    const QString base = origin(request, m_server ? m_server->port() : 0);
    QJsonObject out;
    if (prefix == QLatin1String("/api/")) {
        for (const char *app : {"circuits", "dcim", "extras", "graphql", "ipam", "plugins", "status", "tenancy", "users",
                                "virtualization"})
            out.insert(QString::fromLatin1(app), QString(base + QStringLiteral("/api/%1/").arg(QString::fromLatin1(app))));
        return json(out, 200, version);
    }
    if (prefix == QLatin1String("/api/plugins/")) {
        if (m_config.chatOpsInstalled)
            out.insert(QStringLiteral("chatops"), QString(base + kChatOpsPrefix));
        return json(out, 200, version);
    }
    for (const NautobotCollection *c : m_store.collections()) {
        if (c->pluginChatOps && !m_config.chatOpsInstalled)
            continue;
        if (c->apiPath.startsWith(prefix) && c->apiPath.count(QLatin1Char('/')) == prefix.count(QLatin1Char('/')) + 1) {
            QString name = c->apiPath.mid(prefix.size());
            name.chop(1);
            out.insert(name, QString(base + c->apiPath));
        }
    }
    if (out.isEmpty())
        return notFound(version);
    return json(out, 200, version);
}

HttpResponse NautobotRestApi::status(const QString &version) const
{
    QJsonObject apps;
    QJsonObject installed{{QStringLiteral("nautobot.core"), QJsonValue::Null}, {QStringLiteral("nautobot.dcim"), QJsonValue::Null},
                          {QStringLiteral("django_celery_beat"), QStringLiteral("2.7.0")}};
    if (m_config.chatOpsInstalled) {
        apps.insert(QStringLiteral("nautobot_chatops"), m_config.chatOpsVersion);
        installed.insert(QStringLiteral("nautobot_chatops"), m_config.chatOpsVersion);
    }
    return json(QJsonObject{{QStringLiteral("django-version"), m_config.djangoVersion},
                            {QStringLiteral("installed-apps"), installed},
                            {QStringLiteral("nautobot-version"), m_config.nautobotVersion},
                            {QStringLiteral("nautobot-apps"), apps},
                            {QStringLiteral("plugins"), apps},
                            {QStringLiteral("python-version"), m_config.pythonVersion},
                            {QStringLiteral("celery-workers-running"), m_config.celeryWorkers}},
                200, version);
}

HttpResponse NautobotRestApi::list(const HttpRequest &request, const QString &version, const QString &objectType)
{
    const NautobotCollection *c = m_store.collection(objectType);
    // STRICT_FILTERING: one unknown parameter fails the whole request.
    QJsonObject unknown;
    QHash<QString, QStringList> filters;
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        if (isNonFilterParam(item.first))
            continue;
        if (!c->filters.contains(item.first)) {
            unknown.insert(item.first, QJsonArray{QStringLiteral("Unknown filter field")});
            continue;
        }
        filters[item.first].append(item.second);
    }
    if (!unknown.isEmpty())
        return json(unknown, 400, version);

    bool depthOk = true;
    const QString depthText = request.query.queryItemValue(QStringLiteral("depth"));
    const int depth = depthText.isEmpty() ? 0 : depthText.toInt(&depthOk);
    if (!depthOk || depth < 0 || depth > 10)
        return json(QJsonObject{{QStringLiteral("depth"), QJsonArray{QStringLiteral("Ensure this value is less than or equal to 10.")}}},
                    400, version);

    QVector<const NautobotObject *> rows;
    const NautobotObject *self = m_store.findByKey(NautobotInventory::kUser, QStringLiteral("admin"));
    for (const NautobotObject &o : c->rows) {
        // ChatOps lists only the caller's own account links.
        if (objectType == NautobotInventory::kAccountLink) {
            const NautobotObject *owner = m_store.related(o, QStringLiteral("nautobot_user"));
            if (!self || owner != self)
                continue;
        }
        bool match = true;
        for (auto it = filters.constBegin(); it != filters.constEnd() && match; ++it) {
            const auto &filter = c->filters.value(it.key());
            match = std::any_of(it.value().cbegin(), it.value().cend(), [&](const QString &v) { return filter(o, v); });
        }
        if (match)
            rows.append(&o);
    }

    QString sortField = request.query.queryItemValue(QStringLiteral("sort")).section(QLatin1Char(','), 0, 0);
    if (sortField.isEmpty())
        sortField = c->defaultSort;
    const bool descending = sortField.startsWith(QLatin1Char('-'));
    if (descending)
        sortField.remove(0, 1);
    std::stable_sort(rows.begin(), rows.end(), [&](const NautobotObject *a, const NautobotObject *b) {
        const int cmp = compareValues(a->fields.value(sortField), b->fields.value(sortField));
        return descending ? cmp > 0 : cmp < 0;
    });

    bool ok = false;
    int limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 0)
        limit = m_config.pageSize;
    if (limit == 0 || limit > m_config.maxPageSize)
        limit = m_config.maxPageSize;
    int offset = request.query.queryItemValue(QStringLiteral("offset")).toInt(&ok);
    if (!ok || offset < 0)
        offset = 0;

    const QString base = origin(request, m_server ? m_server->port() : 0) + c->apiPath;
    auto pageUrl = [&](int newOffset) -> QString {
        QUrlQuery query = request.query;
        query.removeAllQueryItems(QStringLiteral("limit"));
        query.removeAllQueryItems(QStringLiteral("offset"));
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        if (newOffset > 0)
            query.addQueryItem(QStringLiteral("offset"), QString::number(newOffset));
        return base + QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
    };
    QJsonArray results;
    const QString originText = origin(request, m_server ? m_server->port() : 0);
    for (int i = offset; i < rows.size() && i < offset + limit; ++i)
        results.append(m_store.render(objectType, *rows.at(i), depth, originText));
    const int count = rows.size();
    return json(QJsonObject{{QStringLiteral("count"), count},
                            {QStringLiteral("next"), offset + limit < count ? QJsonValue(pageUrl(offset + limit)) : QJsonValue()},
                            {QStringLiteral("previous"), offset > 0 ? QJsonValue(pageUrl(qMax(0, offset - limit))) : QJsonValue()},
                            {QStringLiteral("results"), results}},
                200, version);
}

HttpResponse NautobotRestApi::detail(const HttpRequest &request, const QString &version, const QString &objectType,
                                     const QString &id, Access access)
{
    const NautobotObject *object = m_store.find(objectType, id);
    if (!object)
        return notFound(version);
    const int depth = qBound(0, request.query.queryItemValue(QStringLiteral("depth")).toInt(), 10);
    const QString base = origin(request, m_server ? m_server->port() : 0);
    if (request.method == "GET" || request.method == "HEAD")
        return json(m_store.render(objectType, *object, depth, base), 200, version);
    if (request.method != "PATCH")
        return json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Method \"%1\" not allowed.").arg(QString::fromLatin1(request.method))}}, 405, version);
    if (access != Access::ReadWrite)
        return json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("You do not have permission to perform this action.")}}, 403, version);

    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError)
        return json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("JSON parse error - %1").arg(error.errorString())}}, 400, version);
    if (!doc.isObject())
        return json(QJsonObject{{QStringLiteral("non_field_errors"), QJsonArray{QStringLiteral("Invalid data. Expected a dictionary.")}}}, 400, version);

    NautobotObject *target = m_store.findMutable(objectType, id);
    QJsonObject fields = target->fields;
    QJsonObject errors;
    const QJsonObject patch = doc.object();
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        const QString &key = it.key();
        if (key.startsWith(QLatin1Char('_')) || key == QLatin1String("id") || key == QLatin1String("url")
            || !fields.contains(key))
            continue; // read-only or unknown fields are ignored, as DRF does
        const QJsonValue current = fields.value(key);
        if (!NautobotStore::isRef(current)) {
            fields.insert(key, it.value());
            continue;
        }
        const QString relatedType = current.toObject().value(QLatin1String("$ref")).toString();
        const QString wanted = it.value().isObject() ? it.value().toObject().value(QLatin1String("id")).toString()
                                                     : it.value().toString();
        const NautobotObject *relatedObject = m_store.findByKey(relatedType, wanted);
        if (!relatedObject) {
            errors.insert(key, QJsonArray{QStringLiteral("Related object not found using the provided attribute(s): %1").arg(wanted)});
            continue;
        }
        fields.insert(key, NautobotStore::ref(relatedType, relatedObject->id));
    }
    if (!errors.isEmpty())
        return json(errors, 400, version);
    if (fields.contains(QLatin1String("last_updated")))
        fields.insert(QStringLiteral("last_updated"), NautobotInventory::isoTimestamp(QDateTime::currentMSecsSinceEpoch()));
    target->fields = fields;
    qCInfo(lcSim) << "nautobot:" << objectType << "patched";
    return json(m_store.render(objectType, *target, depth, base), 200, version);
}

} // namespace socketscope::sim
