#pragma once

#include "capture/EnvelopeFilter.h"

#include <QWidget>

class QLineEdit;
class QToolButton;
class QTimer;

namespace socketscope {

// Type toggles, the filter expression with live validation (green valid, red invalid with the error
// in the tooltip) and saved filters (QSettings "filters/saved"). Emits filterChanged only for a
// valid, different filter.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    enum class Validity { Empty, Valid, Invalid };

    explicit FilterBar(QWidget *parent = nullptr);

    QLineEdit *lineEdit() const { return m_edit; }
    QToolButton *typeButton(const QString &type) const;
    Validity validity() const { return m_validity; }
    QString errorText() const { return m_error; }
    EnvelopeFilter currentFilter() const { return m_current; }
    void setFilterText(const QString &text); // applies at once
    void focusFilter();

    QStringList savedFilters() const;
    void saveCurrentFilter();
    void removeSavedFilter(const QString &text);

Q_SIGNALS:
    void filterChanged(const socketscope::EnvelopeFilter &filter);

private:
    void validate();
    void apply();
    void updateColours();
    void showSavedMenu();
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

    QLineEdit *m_edit;
    QVector<QToolButton *> m_typeButtons;
    QToolButton *m_saved;
    QTimer *m_debounce;
    Validity m_validity = Validity::Empty;
    QString m_error;
    EnvelopeFilter m_current;
};

} // namespace socketscope
