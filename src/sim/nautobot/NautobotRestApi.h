#pragma once

#include "HttpServer.h"

#include <QString>

#include <optional>

namespace socketscope::sim {

class NautobotStore;
struct NautobotSimConfig;

// Nautobot's REST API as a client sees it: APPEND_SLASH redirects, API version negotiation
// (Accept "version=" / ?api_version=, API-Version on every answer), token authentication with
// 403 answers, list endpoints with limit/offset pagination, STRICT_FILTERING and ?depth,
// detail GET and PATCH, /api/status/, /health/.
class NautobotRestApi
{
public:
    NautobotRestApi(NautobotStore &store, const NautobotSimConfig &config);

    void registerOn(HttpServer &server);
    HttpResponse handle(const HttpRequest &request);
    HttpResponse health(const HttpRequest &request) const;

    enum class Access { ReadWrite, ReadOnly };
    struct Caller
    {
        std::optional<Access> access;
        std::optional<HttpResponse> refusal; // 403 with Nautobot's detail
    };
    Caller authenticate(const HttpRequest &request, const QString &apiVersion) const;

    QString defaultApiVersion() const;
    static QString origin(const HttpRequest &request, quint16 fallbackPort);
    static HttpResponse json(const QJsonObject &object, int status, const QString &apiVersion);
    static HttpResponse notFound(const QString &apiVersion);
    static QByteArray loginPage(const QString &next);

private:
    struct Version
    {
        QString value;
        std::optional<HttpResponse> error;
    };
    Version resolveVersion(const HttpRequest &request) const;
    HttpResponse route(const HttpRequest &request, const QString &version, Access access);
    HttpResponse list(const HttpRequest &request, const QString &version, const QString &objectType);
    HttpResponse detail(const HttpRequest &request, const QString &version, const QString &objectType,
                        const QString &id, Access access);
    HttpResponse status(const QString &version) const;
    HttpResponse root(const HttpRequest &request, const QString &version, const QString &prefix) const;

    NautobotStore &m_store;
    const NautobotSimConfig &m_config;
    const HttpServer *m_server = nullptr;
};

} // namespace socketscope::sim
