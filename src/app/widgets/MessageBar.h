#pragma once

#include <QFrame>

class QAction;
class QLabel;
class QToolButton;

namespace socketscope {

// An inline message strip (as KMessageWidget): errors and warnings without modal boxes.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Info, Warning, Error };
    explicit MessageBar(QWidget *parent = nullptr);

    // action: an optional button next to the text (e.g. "Set up a workspace…"); it dismisses the bar.
    void showMessage(Kind kind, const QString &text, QAction *action = nullptr);
    void dismiss();
    Kind kind() const { return m_kind; }
    QString text() const;

private:
    void applyColours();
    void changeEvent(QEvent *event) override;

    QLabel *m_icon;
    QLabel *m_label;
    QToolButton *m_action;
    QToolButton *m_close;
    Kind m_kind = Kind::Info;
};

// Blends `tint` into the palette's base colour: readable in light and dark palettes.
QColor tintedBase(const QPalette &palette, const QColor &tint, double amount);

} // namespace socketscope
