#include "SlackSimulator.h"

namespace socketscope::sim {

namespace {
struct ScenarioName
{
    Scenario scenario;
    const char *name;
};
const ScenarioName kScenarios[] = {
    {Scenario::Normal, "normal"},
    {Scenario::Refresh, "refresh"},
    {Scenario::Warning, "warning"},
    {Scenario::Drop, "drop"},
    {Scenario::Stale, "stale"},
    {Scenario::Malformed, "malformed"},
    {Scenario::RateLimited, "ratelimited"},
    {Scenario::InvalidAuth, "invalid_auth"},
    {Scenario::LinkDisabled, "link_disabled"},
    {Scenario::TooManyWebsockets, "too_many_websockets"},
};
} // namespace

std::optional<Scenario> scenarioFromName(const QString &name)
{
    for (const ScenarioName &entry : kScenarios) {
        if (name == QLatin1String(entry.name))
            return entry.scenario;
    }
    return std::nullopt;
}

QString scenarioName(Scenario scenario)
{
    for (const ScenarioName &entry : kScenarios) {
        if (entry.scenario == scenario)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

QStringList scenarioNames()
{
    QStringList names;
    for (const ScenarioName &entry : kScenarios)
        names.append(QString::fromLatin1(entry.name));
    return names;
}

} // namespace socketscope::sim
