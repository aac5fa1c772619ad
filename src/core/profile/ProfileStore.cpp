#include "profile/ProfileStore.h"

#include "util/Logging.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace socketscope {

namespace {

constexpr int kFormatVersion = 1;

Error notFound(const QString &name)
{
    return Error{QStringLiteral("profile_not_found"),
                 QStringLiteral("There is no profile named \"") + name + QStringLiteral("\"."),
                 QStringLiteral("Pick one of the existing profiles or create it first.")};
}

void writeProfile(QSettings &s, const Profile &p)
{
    s.setValue(QStringLiteral("name"), p.name);
    s.setValue(QStringLiteral("slackApiUrl"), p.slackApiUrl.toString());
    s.setValue(QStringLiteral("nautobotUrl"), p.nautobotUrl.toString());
    s.setValue(QStringLiteral("mode"), profileModeName(p.mode));
    s.setValue(QStringLiteral("proxy/kind"), proxyKindName(p.proxy.kind));
    s.setValue(QStringLiteral("proxy/host"), p.proxy.host);
    s.setValue(QStringLiteral("proxy/port"), int(p.proxy.port));
    s.setValue(QStringLiteral("proxy/user"), p.proxy.user);
    s.setValue(QStringLiteral("caBundlePath"), p.caBundlePath);
    s.setValue(QStringLiteral("slashCommand"), p.slashCommand);
}

Profile readProfile(const QSettings &s)
{
    Profile p;
    p.name = s.value(QStringLiteral("name")).toString();
    const QString slack = s.value(QStringLiteral("slackApiUrl")).toString();
    if (!slack.isEmpty())
        p.slackApiUrl = QUrl(slack);
    p.nautobotUrl = QUrl(s.value(QStringLiteral("nautobotUrl")).toString());
    if (auto m = profileModeFromName(s.value(QStringLiteral("mode"), QStringLiteral("dedicated")).toString()))
        p.mode = *m;
    if (auto k = proxyKindFromName(s.value(QStringLiteral("proxy/kind"), QStringLiteral("system")).toString()))
        p.proxy.kind = *k;
    p.proxy.host = s.value(QStringLiteral("proxy/host")).toString();
    const int port = s.value(QStringLiteral("proxy/port"), 0).toInt();
    p.proxy.port = port > 0 && port <= 65535 ? quint16(port) : quint16(0);
    p.proxy.user = s.value(QStringLiteral("proxy/user")).toString();
    p.caBundlePath = s.value(QStringLiteral("caBundlePath")).toString();
    p.slashCommand = s.value(QStringLiteral("slashCommand"), QStringLiteral("/nautobot")).toString();
    return p;
}

} // namespace

ProfileStore::ProfileStore(const QString &settingsPath, QObject *parent)
    : QObject(parent), m_path(settingsPath.isEmpty() ? defaultSettingsPath() : settingsPath)
{
    load();
}

ProfileStore::~ProfileStore() = default;

QString ProfileStore::defaultSettingsPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
        + QStringLiteral("/profiles.ini");
}

QStringList ProfileStore::names() const
{
    QStringList out;
    out.reserve(m_profiles.size());
    for (const Profile &p : m_profiles)
        out << p.name;
    return out;
}

Result<Profile> ProfileStore::profile(const QString &name) const
{
    const int i = indexOf(name);
    if (i < 0)
        return notFound(name);
    return m_profiles.at(i);
}

Result<void> ProfileStore::add(const Profile &profile)
{
    if (auto r = profile.validate(); !r)
        return r;
    if (auto r = checkUnique(profile.name, -1); !r)
        return r;
    QList<Profile> next = m_profiles;
    next << profile;
    const QString current = m_current.isEmpty() ? profile.name : m_current;
    if (auto r = persist(next, current); !r)
        return r;
    qCInfo(lcProfile) << "added profile" << profile.name;
    Q_EMIT changed();
    return {};
}

Result<void> ProfileStore::update(const Profile &profile)
{
    const int i = indexOf(profile.name);
    if (i < 0)
        return notFound(profile.name);
    if (auto r = profile.validate(); !r)
        return r;
    if (m_profiles.at(i) == profile)
        return {};
    QList<Profile> next = m_profiles;
    next[i] = profile;
    // The case of the name may change through update; keep "current" pointing at the same profile.
    const QString current = (m_current.compare(profile.name, Qt::CaseInsensitive) == 0) ? profile.name
                                                                                         : m_current;
    if (auto r = persist(next, current); !r)
        return r;
    Q_EMIT changed();
    return {};
}

Result<void> ProfileStore::rename(const QString &from, const QString &to)
{
    const int i = indexOf(from);
    if (i < 0)
        return notFound(from);
    if (auto r = validateProfileName(to); !r)
        return r;
    const QString oldName = m_profiles.at(i).name;
    if (oldName == to)
        return {};
    if (auto r = checkUnique(to, i); !r)
        return r;
    QList<Profile> next = m_profiles;
    next[i].name = to;
    const QString current = m_current == oldName ? to : m_current;
    if (auto r = persist(next, current); !r)
        return r;
    qCInfo(lcProfile) << "renamed profile" << oldName << "to" << to;
    Q_EMIT renamed(oldName, to);
    Q_EMIT changed();
    return {};
}

Result<void> ProfileStore::remove(const QString &name)
{
    const int i = indexOf(name);
    if (i < 0)
        return notFound(name);
    const QString oldName = m_profiles.at(i).name;
    QList<Profile> next = m_profiles;
    next.removeAt(i);
    QString current = m_current;
    if (current == oldName)
        current = next.isEmpty() ? QString() : next.first().name;
    if (auto r = persist(next, current); !r)
        return r;
    qCInfo(lcProfile) << "removed profile" << oldName;
    Q_EMIT removed(oldName);
    Q_EMIT changed();
    return {};
}

Result<Profile> ProfileStore::current() const
{
    if (m_current.isEmpty()) {
        return Error{QStringLiteral("no_profile"), QStringLiteral("No profile is set up yet."),
                     QStringLiteral("Create a profile with the setup wizard.")};
    }
    return profile(m_current);
}

Result<void> ProfileStore::setCurrent(const QString &name)
{
    const int i = indexOf(name);
    if (i < 0)
        return notFound(name);
    const QString canonical = m_profiles.at(i).name;
    if (canonical == m_current)
        return {};
    if (auto r = persist(m_profiles, canonical); !r)
        return r;
    Q_EMIT changed();
    return {};
}

int ProfileStore::indexOf(const QString &name) const
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

Result<void> ProfileStore::checkUnique(const QString &name, int ignoreIndex) const
{
    const int i = indexOf(name);
    if (i >= 0 && i != ignoreIndex) {
        return Error{QStringLiteral("duplicate_name"),
                     QStringLiteral("A profile named \"") + m_profiles.at(i).name
                         + QStringLiteral("\" already exists (names are compared without case)."),
                     QStringLiteral("Choose another name, or edit the existing profile.")};
    }
    return {};
}

Result<void> ProfileStore::persist(const QList<Profile> &profiles, const QString &current)
{
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir)) {
        return Error{QStringLiteral("settings_unwritable"),
                     QStringLiteral("Cannot create the settings folder ") + dir + QStringLiteral("."),
                     QStringLiteral("Check the folder's permissions and free disk space.")};
    }
    QSettings s(m_path, QSettings::IniFormat);
    // Rewrite everything: a removed or renamed profile must leave no stale group behind.
    s.clear();
    s.setValue(QStringLiteral("formatVersion"), kFormatVersion);
    s.setValue(QStringLiteral("current"), current);
    s.beginWriteArray(QStringLiteral("profiles"), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        s.setArrayIndex(i);
        writeProfile(s, profiles.at(i));
    }
    s.endArray();
    s.sync();
    if (s.status() != QSettings::NoError) {
        qCWarning(lcProfile) << "cannot write" << m_path << "status" << s.status();
        return Error{QStringLiteral("settings_unwritable"),
                     QStringLiteral("Cannot write the profile settings file ") + m_path + QStringLiteral("."),
                     QStringLiteral("Check the file's permissions and free disk space.")};
    }
    m_profiles = profiles;
    m_current = current;
    return {};
}

void ProfileStore::load()
{
    QSettings s(m_path, QSettings::IniFormat);
    if (s.status() != QSettings::NoError)
        qCWarning(lcProfile) << "cannot read" << m_path << "status" << s.status();
    const int n = s.beginReadArray(QStringLiteral("profiles"));
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        Profile p = readProfile(s);
        // A hand-edited file may hold a bad or repeated name; keep the rest usable.
        if (auto r = validateProfileName(p.name); !r) {
            qCWarning(lcProfile) << "skipping stored profile" << i << ":" << r.error().message;
            continue;
        }
        if (indexOf(p.name) >= 0) {
            qCWarning(lcProfile) << "skipping duplicate stored profile" << p.name;
            continue;
        }
        m_profiles << p;
    }
    s.endArray();
    const QString current = s.value(QStringLiteral("current")).toString();
    const int ci = indexOf(current);
    m_current = ci >= 0 ? m_profiles.at(ci).name : (m_profiles.isEmpty() ? QString() : m_profiles.first().name);
}

} // namespace socketscope
