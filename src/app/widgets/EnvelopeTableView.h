#pragma once

#include <QTableView>

namespace socketscope {

class EnvelopeTableModel;

// The envelope list view: follows the tail only while scrolled to the bottom, asks the model for
// older history when scrolled to the top, and keeps the viewport still when rows come or go above it.
class EnvelopeTableView : public QTableView
{
    Q_OBJECT
public:
    explicit EnvelopeTableView(QWidget *parent = nullptr);
    void setEnvelopeModel(EnvelopeTableModel *model);
    bool isFollowingTail() const { return m_follow; }
    void selectRelative(int delta); // J/K: next/previous envelope

    void setEmptyText(const QString &text);

protected:
    void verticalScrollbarValueChanged(int value) override;
    void paintEvent(QPaintEvent *event) override;

private:
    EnvelopeTableModel *m_model = nullptr;
    bool m_follow = true;
    int m_removedAbove = 0;
    QString m_emptyText;
};

} // namespace socketscope
