#include "widgets/MessageBar.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace socketscope {

QColor tintedBase(const QPalette &palette, const QColor &tint, double amount)
{
    const QColor base = palette.color(QPalette::Base);
    const double a = base.lightnessF() < 0.5 ? std::min(1.0, amount * 1.4) : amount;
    return QColor::fromRgbF(static_cast<float>(base.redF() * (1 - a) + tint.redF() * a),
                            static_cast<float>(base.greenF() * (1 - a) + tint.greenF() * a),
                            static_cast<float>(base.blueF() * (1 - a) + tint.blueF() * a));
}

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_label(new QLabel(this)), m_action(new QToolButton(this)),
      m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setAutoRaise(true);
    m_close->setIcon(QIcon(QStringLiteral(":/icons/close.svg")));
    m_close->setToolTip(tr("Dismiss"));
    layout->addWidget(m_icon);
    layout->addWidget(m_label, 1);
    m_action->setObjectName(QStringLiteral("messageBarAction"));
    m_action->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_action->hide();
    layout->addWidget(m_action);
    layout->addWidget(m_close);
    connect(m_close, &QToolButton::clicked, this, &MessageBar::dismiss);
    hide();
}

QString MessageBar::text() const
{
    return isVisible() || !m_label->text().isEmpty() ? m_label->text() : QString();
}

void MessageBar::showMessage(Kind kind, const QString &text, QAction *action)
{
    if (m_action->defaultAction())
        disconnect(m_action->defaultAction(), &QAction::triggered, this, &MessageBar::dismiss);
    m_action->setDefaultAction(action);
    m_action->setVisible(action != nullptr);
    if (action)
        connect(action, &QAction::triggered, this, &MessageBar::dismiss, Qt::UniqueConnection);
    m_kind = kind;
    m_label->setText(text);
    const QString icon = kind == Kind::Error     ? QStringLiteral(":/icons/error.svg")
                         : kind == Kind::Warning ? QStringLiteral(":/icons/warning.svg")
                                                 : QStringLiteral(":/icons/info.svg");
    m_icon->setPixmap(QIcon(icon).pixmap(16, 16));
    applyColours();
    show();
}

void MessageBar::dismiss()
{
    m_label->clear();
    hide();
}

void MessageBar::applyColours()
{
    QPalette p = palette();
    const QColor tint = m_kind == Kind::Error     ? QColor(0xe5, 0x39, 0x35)
                        : m_kind == Kind::Warning ? QColor(0xff, 0xb3, 0x00)
                                                  : QColor(0x1e, 0x88, 0xe5);
    p.setColor(QPalette::Window, tintedBase(QPalette(), tint, 0.25));
    setPalette(p);
}

void MessageBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyColours();
}

} // namespace socketscope
