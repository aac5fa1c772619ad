#pragma once

#include "doctor/DoctorContext.h"
#include "nautobot/NautobotClient.h"

namespace socketscope::NautobotAccess {

// A REST client for the context's Nautobot: token, proxy for the Nautobot URL, TLS trust, timeout.
inline NautobotClient *client(QObject *scope, const DoctorContext &context)
{
    auto *client = new NautobotClient(context.profile.nautobotUrl, scope);
    client->setToken(context.secret(SecretKind::NautobotToken).value());
    client->setProxy(context.proxyFor(context.profile.nautobotUrl));
    if (context.profile.nautobotUrl.scheme() == QLatin1String("https"))
        client->setSslConfiguration(context.tls);
    client->setTimeoutMs(context.networkTimeoutMs);
    client->setMaxPages(5); // grants and log excerpts: a few pages are plenty, and the loop stays bounded
    return client;
}

} // namespace socketscope::NautobotAccess
