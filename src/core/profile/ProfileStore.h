#pragma once

#include "profile/Profile.h"
#include "util/Result.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace socketscope {

// Several profiles and the current one, persisted in an INI file through QSettings.
// Never stores a secret: Profile has no secret fields, and this class writes only Profile's fields.
// Every mutation validates first and persists before it changes what the getters return.
class ProfileStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileStore)
public:
    // settingsPath: the INI file to use; empty = <AppConfigLocation>/profiles.ini.
    explicit ProfileStore(const QString &settingsPath = QString(), QObject *parent = nullptr);
    ~ProfileStore() override;

    static QString defaultSettingsPath();
    QString settingsPath() const { return m_path; }

    QStringList names() const;
    QList<Profile> profiles() const { return m_profiles; }
    bool contains(const QString &name) const { return indexOf(name) >= 0; }
    Result<Profile> profile(const QString &name) const;

    Result<void> add(const Profile &profile);      // also becomes current if there was none
    Result<void> update(const Profile &profile);   // replaces the stored profile with the same name
    Result<void> rename(const QString &from, const QString &to);
    Result<void> remove(const QString &name);

    QString currentName() const { return m_current; } // empty when there are no profiles
    Result<Profile> current() const;
    Result<void> setCurrent(const QString &name);

Q_SIGNALS:
    void changed();
    // The keychain keys secrets by profile name, so whoever owns the SecretStore moves them on rename
    // and deletes them on removal.
    void renamed(const QString &from, const QString &to);
    void removed(const QString &name);

private:
    int indexOf(const QString &name) const;          // case-insensitive, as names must be unique that way
    Result<void> checkUnique(const QString &name, int ignoreIndex) const;
    Result<void> persist(const QList<Profile> &profiles, const QString &current);
    void load();

    QString m_path;
    QList<Profile> m_profiles;
    QString m_current;
};

} // namespace socketscope
