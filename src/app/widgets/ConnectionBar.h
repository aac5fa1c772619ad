#pragma once

#include "slack/SocketModeClient.h"

#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QTimer;

namespace socketscope {

// Profile, mode, Connect/Disconnect, state, live links, num_connections, uptime, reconnects.
class ConnectionBar : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionBar(QWidget *parent = nullptr);

    // The saved profiles, then the demo workspace. current empty = the demo workspace is selected.
    void setProfiles(const QStringList &profiles, const QString &current);
    QString profile() const;
    QComboBox *profileCombo() const { return m_profile; }
    QString mode() const;
    void setDemo(bool demo);
    bool isDemo() const { return m_demo; }

    void setState(ClientState state, const QString &detail);
    ClientState state() const { return m_state; }
    void setLiveLinks(int links);
    void setNumConnections(int n);
    void setReconnects(int n);

    QPushButton *connectButton() const { return m_connect; }
    QString sharedWarningText() const;
    QString stateText() const;

Q_SIGNALS:
    void connectRequested();
    void disconnectRequested();
    // The operator picked an entry in the profile combo; name is empty for the demo workspace.
    void profileSelected(const QString &name);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    static QString stateName(ClientState state); // translated
    void placeCounters();
    void updateUptime();
    void updateSharedWarning();

    QComboBox *m_profile;
    QComboBox *m_mode;
    QPushButton *m_connect;
    QLabel *m_demoLabel;
    QLabel *m_stateDot;
    QLabel *m_stateLabel;
    QLabel *m_links;
    QLabel *m_numConnections;
    QLabel *m_uptime;
    QLabel *m_reconnects;
    QLabel *m_shared;
    QWidget *m_counters;
    QHBoxLayout *m_row = nullptr;
    QHBoxLayout *m_secondRow = nullptr;
    QTimer *m_uptimeTimer;
    ClientState m_state = ClientState::Idle;
    qint64 m_connectedSinceMs = 0;
    int m_n = 0;
    bool m_demo = false;
};

} // namespace socketscope
