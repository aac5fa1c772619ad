#include "widgets/FilterBar.h"

#include "widgets/MessageBar.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QTimer>
#include <QToolButton>

namespace socketscope {

namespace {
const QString kSavedKey = QStringLiteral("filters/saved");

struct TypeToggle
{
    const char *type;
    const char *label;
    const char *tip;
};
const TypeToggle kToggles[] = {
    {"slash_commands", QT_TRANSLATE_NOOP("socketscope::FilterBar", "Slash"), QT_TRANSLATE_NOOP("socketscope::FilterBar", "slash_commands envelopes")},
    {"interactive", QT_TRANSLATE_NOOP("socketscope::FilterBar", "Interactive"), QT_TRANSLATE_NOOP("socketscope::FilterBar", "interactive envelopes (block_actions, view_submission, …)")},
    {"events_api", QT_TRANSLATE_NOOP("socketscope::FilterBar", "Events"), QT_TRANSLATE_NOOP("socketscope::FilterBar", "events_api envelopes (app_mention, message, …)")},
    {"unknown", QT_TRANSLATE_NOOP("socketscope::FilterBar", "Other"), QT_TRANSLATE_NOOP("socketscope::FilterBar", "envelopes of any other type (kept raw)")},
};
} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent), m_edit(new QLineEdit(this)), m_saved(new QToolButton(this)), m_debounce(new QTimer(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    for (const TypeToggle &t : kToggles) {
        auto *button = new QToolButton(this);
        button->setText(tr(t.label));
        button->setToolTip(tr(t.tip));
        button->setCheckable(true);
        button->setChecked(true);
        button->setObjectName(QStringLiteral("typeToggle_") + QLatin1String(t.type));
        button->setProperty("envelopeType", QLatin1String(t.type));
        connect(button, &QToolButton::toggled, this, &FilterBar::apply);
        layout->addWidget(button);
        m_typeButtons.append(button);
    }
    m_edit->setObjectName(QStringLiteral("filterEdit"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setPlaceholderText(tr("Filter: type:slash_commands user:U123 command:/nautobot ack>1000 retry dup unacked \"text\"   (Ctrl+F or /)"));
    m_edit->installEventFilter(this);
    layout->addWidget(m_edit, 1);
    m_saved->setObjectName(QStringLiteral("savedFilters"));
    m_saved->setIcon(QIcon(QStringLiteral(":/icons/bookmark.svg")));
    m_saved->setToolTip(tr("Saved filters"));
    m_saved->setPopupMode(QToolButton::InstantPopup);
    connect(m_saved, &QToolButton::pressed, this, &FilterBar::showSavedMenu);
    layout->addWidget(m_saved);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        validate();
        m_debounce->start();
    });
    connect(m_debounce, &QTimer::timeout, this, &FilterBar::apply);
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        m_debounce->stop();
        apply();
    });
    validate();
}

QToolButton *FilterBar::typeButton(const QString &type) const
{
    for (QToolButton *b : m_typeButtons) {
        if (b->property("envelopeType").toString() == type)
            return b;
    }
    return nullptr;
}

void FilterBar::setFilterText(const QString &text)
{
    m_edit->setText(text);
    m_debounce->stop();
    apply();
}

void FilterBar::focusFilter()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void FilterBar::validate()
{
    const QString text = m_edit->text();
    if (text.trimmed().isEmpty()) {
        m_validity = Validity::Empty;
        m_error.clear();
    } else if (const auto error = EnvelopeFilter::check(text)) {
        m_validity = Validity::Invalid;
        m_error = tr("Column %1: %2").arg(error->position + 1).arg(error->message);
    } else {
        m_validity = Validity::Valid;
        m_error.clear();
    }
    m_edit->setToolTip(m_validity == Validity::Invalid ? m_error
                                                      : tr("type:… user:… channel:… command:… event:… text:\"…\" "
                                                           "ack>ms ack<=ms retry dup unacked acked; ! negates"));
    updateColours();
}

void FilterBar::updateColours()
{
    QPalette p = QPalette();
    if (m_validity == Validity::Valid)
        p.setColor(QPalette::Base, tintedBase(p, QColor(0x43, 0xa0, 0x47), 0.22));
    else if (m_validity == Validity::Invalid)
        p.setColor(QPalette::Base, tintedBase(p, QColor(0xe5, 0x39, 0x35), 0.28));
    m_edit->setPalette(p);
}

void FilterBar::apply()
{
    validate();
    if (m_validity == Validity::Invalid)
        return; // keep showing the last valid filter's rows
    auto parsed = EnvelopeFilter::parse(m_edit->text());
    if (!parsed.ok())
        return;
    EnvelopeFilter filter = std::move(parsed).value();
    QSet<QString> types;
    bool all = true;
    for (QToolButton *b : std::as_const(m_typeButtons)) {
        if (b->isChecked())
            types.insert(b->property("envelopeType").toString());
        else
            all = false;
    }
    if (!all)
        filter.setTypeRestriction(types);
    if (filter == m_current)
        return;
    m_current = filter;
    Q_EMIT filterChanged(m_current);
}

QStringList FilterBar::savedFilters() const
{
    return QSettings().value(kSavedKey).toStringList();
}

void FilterBar::saveCurrentFilter()
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty() || m_validity != Validity::Valid)
        return;
    QStringList saved = savedFilters();
    saved.removeAll(text);
    saved.prepend(text);
    QSettings().setValue(kSavedKey, saved.mid(0, 30));
}

void FilterBar::removeSavedFilter(const QString &text)
{
    QStringList saved = savedFilters();
    saved.removeAll(text);
    QSettings().setValue(kSavedKey, saved);
}

void FilterBar::showSavedMenu()
{
    QMenu menu(this);
    QAction *save = menu.addAction(QIcon(QStringLiteral(":/icons/bookmark.svg")), tr("Save current filter"));
    save->setEnabled(m_validity == Validity::Valid);
    connect(save, &QAction::triggered, this, &FilterBar::saveCurrentFilter);
    const QStringList saved = savedFilters();
    if (!saved.isEmpty())
        menu.addSeparator();
    for (const QString &text : saved) {
        QAction *a = menu.addAction(text);
        connect(a, &QAction::triggered, this, [this, text] { setFilterText(text); });
    }
    if (!saved.isEmpty()) {
        menu.addSeparator();
        QMenu *remove = menu.addMenu(tr("Remove"));
        for (const QString &text : saved) {
            QAction *a = remove->addAction(text);
            connect(a, &QAction::triggered, this, [this, text] { removeSavedFilter(text); });
        }
    }
    menu.exec(m_saved->mapToGlobal(QPoint(0, m_saved->height())));
    m_saved->setDown(false);
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && !m_edit->text().isEmpty()) {
            setFilterText(QString());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FilterBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        updateColours();
}

} // namespace socketscope
