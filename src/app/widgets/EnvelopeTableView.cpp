#include "widgets/EnvelopeTableView.h"

#include "models/EnvelopeTableModel.h"

#include <QHeaderView>
#include <QPainter>
#include <QScrollBar>

namespace socketscope {

EnvelopeTableView::EnvelopeTableView(QWidget *parent) : QTableView(parent)
{
    setObjectName(QStringLiteral("envelopeTable"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(false); // row colours carry meaning
    setShowGrid(false);
    setWordWrap(false);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionsMovable(true);
}

void EnvelopeTableView::setEnvelopeModel(EnvelopeTableModel *model)
{
    m_model = model;
    setModel(model);
    auto *bar = verticalScrollBar();
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this, bar] { m_follow = bar->value() >= bar->maximum() - 2; });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this, bar](const QModelIndex &, int first, int last) {
        if (first == 0 && m_model->rowCount() > last + 1 && !m_follow) {
            // History prepended above: keep the rows on screen where they were.
            bar->setValue(bar->value() + (last - first + 1) * verticalHeader()->defaultSectionSize());
        } else if (m_follow) {
            scrollToBottom();
        }
    });
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this, bar](const QModelIndex &, int first, int last) {
        m_follow = bar->value() >= bar->maximum() - 2;
        m_removedAbove = first == 0 ? last - first + 1 : 0;
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this, bar] {
        if (m_follow)
            scrollToBottom();
        else if (m_removedAbove > 0)
            bar->setValue(std::max(0, bar->value() - m_removedAbove * verticalHeader()->defaultSectionSize()));
        m_removedAbove = 0;
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_follow = true;
        scrollToBottom();
    });
}

void EnvelopeTableView::verticalScrollbarValueChanged(int value)
{
    QTableView::verticalScrollbarValueChanged(value);
    auto *bar = verticalScrollBar();
    m_follow = value >= bar->maximum() - 2;
    if (m_model && value == bar->minimum() && bar->maximum() > bar->minimum() && m_model->hasOlder()) {
        m_model->requestOlder();
        m_model->fetchMore(QModelIndex());
    }
}

void EnvelopeTableView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    viewport()->update();
}

void EnvelopeTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (m_model && m_model->rowCount() == 0 && !m_emptyText.isEmpty()) {
        QPainter p(viewport());
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(viewport()->rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
    }
}

void EnvelopeTableView::selectRelative(int delta)
{
    if (!m_model || m_model->rowCount() == 0)
        return;
    const QModelIndex current = currentIndex();
    int row = current.isValid() ? current.row() + delta : (delta > 0 ? 0 : m_model->rowCount() - 1);
    row = std::clamp(row, 0, m_model->rowCount() - 1);
    const QModelIndex target = m_model->index(row, current.isValid() ? current.column() : 0);
    setCurrentIndex(target);
    selectionModel()->select(target, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(target);
}

} // namespace socketscope
