#include "widgets/ConnectionBar.h"

#include "widgets/MessageBar.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QResizeEvent>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

namespace socketscope {

namespace {
QColor stateColour(ClientState s)
{
    switch (s) {
    case ClientState::Connected: return QColor(0x43, 0xa0, 0x47);
    case ClientState::Connecting:
    case ClientState::Reconnecting: return QColor(0xff, 0xb3, 0x00);
    case ClientState::BackingOff: return QColor(0xfb, 0x8c, 0x00);
    case ClientState::Stopped: return QColor(0xe5, 0x39, 0x35);
    case ClientState::Idle: return QColor(0x90, 0xa4, 0xae);
    }
    return QColor();
}
} // namespace

ConnectionBar::ConnectionBar(QWidget *parent)
    : QWidget(parent), m_profile(new QComboBox(this)), m_mode(new QComboBox(this)),
      m_connect(new QPushButton(this)), m_demoLabel(new QLabel(this)), m_stateDot(new QLabel(this)),
      m_stateLabel(new QLabel(this)), m_links(new QLabel(this)), m_numConnections(new QLabel(this)),
      m_uptime(new QLabel(this)), m_reconnects(new QLabel(this)), m_shared(new QLabel(this)),
      m_counters(new QWidget(this)), m_uptimeTimer(new QTimer(this))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(2);
    auto *row = new QHBoxLayout;
    row->setSpacing(6);
    outer->addLayout(row);
    m_row = row;
    m_secondRow = new QHBoxLayout;
    outer->addLayout(m_secondRow);

    m_profile->setObjectName(QStringLiteral("profileCombo"));
    m_profile->setToolTip(tr("Workspace profile"));
    m_profile->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_mode->setObjectName(QStringLiteral("modeCombo"));
    m_mode->addItem(tr("Dedicated"), QStringLiteral("dedicated"));
    m_mode->addItem(tr("Bridge"), QStringLiteral("bridge"));
    m_mode->setToolTip(tr("Dedicated: for a dev/test app; every envelope is acked, nothing is answered.\n"
                          "Bridge: envelopes are re-delivered, signed, to Nautobot so users still get answers."));
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setIcon(QIcon(QStringLiteral(":/icons/connect.svg")));
    m_connect->setText(tr("Connect"));
    m_connect->setToolTip(tr("Connect / disconnect (Ctrl+K)"));
    m_demoLabel->setObjectName(QStringLiteral("demoLabel"));
    m_demoLabel->setText(tr("Demo workspace — built-in simulator"));
    m_demoLabel->setToolTip(tr("No Slack token is used: a simulator on 127.0.0.1 sends sample envelopes."));
    m_demoLabel->setAutoFillBackground(true);
    m_demoLabel->setMargin(3);
    QPalette demoPalette = m_demoLabel->palette();
    demoPalette.setColor(QPalette::Window, tintedBase(QPalette(), QColor(0x8e, 0x24, 0xaa), 0.25));
    m_demoLabel->setPalette(demoPalette);
    QFont bold = m_demoLabel->font();
    bold.setBold(true);
    m_demoLabel->setFont(bold);
    m_demoLabel->hide();
    m_stateDot->setFixedSize(12, 12);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_links->setObjectName(QStringLiteral("linksLabel"));
    m_links->setToolTip(tr("Links that received hello and are open"));
    m_numConnections->setObjectName(QStringLiteral("numConnectionsLabel"));
    m_numConnections->setToolTip(tr("hello.num_connections: every consumer of this Slack app, SocketScope included"));
    m_uptime->setObjectName(QStringLiteral("uptimeLabel"));
    m_reconnects->setObjectName(QStringLiteral("reconnectsLabel"));

    row->addWidget(m_profile);
    row->addWidget(m_mode);
    row->addWidget(m_connect);
    row->addWidget(m_demoLabel);
    row->addSpacing(8);
    row->addWidget(m_stateDot);
    m_stateLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_stateLabel->setMinimumWidth(90);
    row->addWidget(m_stateLabel, 1);
    auto *counters = new QHBoxLayout(m_counters);
    counters->setContentsMargins(0, 0, 0, 0);
    counters->setSpacing(10);
    for (QLabel *l : {m_links, m_numConnections, m_uptime, m_reconnects})
        counters->addWidget(l);
    row->addWidget(m_counters);

    m_shared->setObjectName(QStringLiteral("sharedWarning"));
    m_shared->setWordWrap(true);
    m_shared->setAutoFillBackground(true);
    m_shared->setMargin(3);
    QPalette warn = m_shared->palette();
    warn.setColor(QPalette::Window, tintedBase(QPalette(), QColor(0xff, 0xb3, 0x00), 0.3));
    m_shared->setPalette(warn);
    m_shared->hide();
    outer->addWidget(m_shared);

    connect(m_profile, QOverload<int>::of(&QComboBox::activated), this,
            [this](int index) { Q_EMIT profileSelected(m_profile->itemData(index).toString()); });
    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (m_state == ClientState::Idle || m_state == ClientState::Stopped)
            Q_EMIT connectRequested();
        else
            Q_EMIT disconnectRequested();
    });
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ConnectionBar::updateSharedWarning);
    m_uptimeTimer->setInterval(1000);
    connect(m_uptimeTimer, &QTimer::timeout, this, &ConnectionBar::updateUptime);
    setState(ClientState::Idle, QString());
    setLiveLinks(0);
    setNumConnections(0);
    setReconnects(0);
}

void ConnectionBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeCounters();
}

// Narrow windows: the counters move to a second row instead of forcing the window wider.
void ConnectionBar::placeCounters()
{
    int needed = m_counters->sizeHint().width() + 90 + m_stateDot->width() + 6 * 8;
    for (QWidget *w : {static_cast<QWidget *>(m_profile), static_cast<QWidget *>(m_mode),
                       static_cast<QWidget *>(m_connect), static_cast<QWidget *>(m_demoLabel)})
        needed += w->isVisibleTo(this) ? w->sizeHint().width() : 0;
    const bool wide = width() >= needed;
    if (wide && m_secondRow->indexOf(m_counters) >= 0) {
        m_secondRow->removeWidget(m_counters);
        m_row->addWidget(m_counters);
    } else if (!wide && m_row->indexOf(m_counters) >= 0) {
        m_row->removeWidget(m_counters);
        m_secondRow->addWidget(m_counters);
        m_secondRow->addStretch(1);
    }
}

void ConnectionBar::setProfiles(const QStringList &profiles, const QString &current)
{
    const QSignalBlocker block(m_profile);
    m_profile->clear();
    for (const QString &name : profiles)
        m_profile->addItem(name, name);
    m_profile->addItem(tr("Demo workspace"), QString()); // data empty = the built-in simulator
    const int index = current.isEmpty() ? m_profile->count() - 1 : m_profile->findData(current);
    m_profile->setCurrentIndex(index >= 0 ? index : m_profile->count() - 1);
}

QString ConnectionBar::profile() const
{
    return m_profile->currentText();
}

QString ConnectionBar::mode() const
{
    return m_mode->currentData().toString();
}

void ConnectionBar::setDemo(bool demo)
{
    m_demo = demo;
    m_demoLabel->setVisible(demo);
    if (demo && (m_profile->currentIndex() < 0 || !m_profile->currentData().toString().isEmpty())) {
        const QSignalBlocker block(m_profile);
        int index = m_profile->findData(QString());
        if (index < 0) {
            m_profile->addItem(tr("Demo workspace"), QString());
            index = m_profile->count() - 1;
        }
        m_profile->setCurrentIndex(index);
    }
}

QString ConnectionBar::stateName(ClientState state)
{
    switch (state) {
    case ClientState::Idle: return tr("Idle");
    case ClientState::Connecting: return tr("Connecting");
    case ClientState::Connected: return tr("Connected");
    case ClientState::Reconnecting: return tr("Reconnecting");
    case ClientState::BackingOff: return tr("Backing off");
    case ClientState::Stopped: return tr("Stopped");
    }
    return clientStateName(state);
}

void ConnectionBar::setState(ClientState state, const QString &detail)
{
    const bool wasUp = m_state != ClientState::Idle && m_state != ClientState::Stopped;
    m_state = state;
    const bool up = state != ClientState::Idle && state != ClientState::Stopped;
    m_connect->setText(up ? tr("Disconnect") : tr("Connect"));
    m_connect->setIcon(QIcon(up ? QStringLiteral(":/icons/disconnect.svg") : QStringLiteral(":/icons/connect.svg")));
    m_mode->setEnabled(!up);
    m_profile->setEnabled(!up); // switch workspaces while disconnected
    const QString text = stateName(state);
    m_stateLabel->setText(detail.isEmpty() ? text : QStringLiteral("%1 — %2").arg(text, detail));
    m_stateLabel->setToolTip(detail);
    QPixmap dot(12, 12);
    dot.fill(Qt::transparent);
    {
        QPainter p(&dot);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(stateColour(state));
        p.setPen(Qt::NoPen);
        p.drawEllipse(1, 1, 10, 10);
    }
    m_stateDot->setPixmap(dot);
    if (state == ClientState::Connected && m_connectedSinceMs == 0)
        m_connectedSinceMs = QDateTime::currentMSecsSinceEpoch();
    if (!up) {
        m_connectedSinceMs = 0;
        m_uptimeTimer->stop();
    } else if (!wasUp || !m_uptimeTimer->isActive()) {
        m_uptimeTimer->start();
    }
    updateUptime();
}

QString ConnectionBar::stateText() const
{
    return m_stateLabel->text();
}

void ConnectionBar::setLiveLinks(int links)
{
    m_links->setText(tr("Links: %1").arg(links));
}

void ConnectionBar::setNumConnections(int n)
{
    m_n = n;
    m_numConnections->setText(n > 0 ? tr("num_connections: %1").arg(n) : tr("num_connections: —"));
    updateSharedWarning();
}

void ConnectionBar::setReconnects(int n)
{
    m_reconnects->setText(tr("Reconnects: %1").arg(n));
}

void ConnectionBar::updateUptime()
{
    if (m_connectedSinceMs == 0) {
        m_uptime->setText(tr("Up: —"));
        return;
    }
    const qint64 s = (QDateTime::currentMSecsSinceEpoch() - m_connectedSinceMs) / 1000;
    m_uptime->setText(tr("Up: %1:%2:%3")
                          .arg(s / 3600)
                          .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                          .arg(s % 60, 2, 10, QLatin1Char('0')));
}

QString ConnectionBar::sharedWarningText() const
{
    return m_shared->isVisibleTo(const_cast<ConnectionBar *>(this)) ? m_shared->text() : QString();
}

void ConnectionBar::updateSharedWarning()
{
    // Our own connections count too; more than one means another consumer (or our own overlap).
    if (m_n > 1 && mode() == QLatin1String("dedicated")) {
        m_shared->setText(tr("⚠ hello.num_connections is %1: other consumers share this Slack app. Slack gives each "
                             "envelope to one connection, so commands SocketScope receives get no answer unless "
                             "Bridge mode is on.")
                              .arg(m_n));
        m_shared->show();
    } else {
        m_shared->hide();
    }
}

} // namespace socketscope
