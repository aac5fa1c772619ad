#include "doctor/DoctorTable.h"

#include <QEvent>
#include <QHeaderView>
#include <QPainter>
#include <QPixmap>

namespace socketscope {

namespace {
constexpr int kIdRole = Qt::UserRole;
constexpr int kStateRole = Qt::UserRole + 1; // "waiting" | "running" | checkStatusName()

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}
} // namespace

DoctorTable::DoctorTable(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("doctorTable"));
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Status"), tr("Check"), tr("Detail"), tr("Fix"), tr("Time")});
    setRootIsDecorated(false);
    setUniformRowHeights(false);
    setWordWrap(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(TitleColumn, QHeaderView::Interactive);
    header()->setSectionResizeMode(DetailColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(FixColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(DurationColumn, QHeaderView::ResizeToContents);
    header()->resizeSection(TitleColumn, 260);
    setTextElideMode(Qt::ElideRight);
}

QColor DoctorTable::statusColor(CheckStatus status, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (status) {
    case CheckStatus::Pass:
        return dark ? QColor(0x6c, 0xd0, 0x7a) : QColor(0x1b, 0x7a, 0x2e);
    case CheckStatus::Warn:
        return dark ? QColor(0xf2, 0xc0, 0x4c) : QColor(0x9a, 0x62, 0x00);
    case CheckStatus::Fail:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
    case CheckStatus::Skipped:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::Text);
}

QIcon DoctorTable::statusIcon(CheckStatus status, const QPalette &palette)
{
    // Shape and colour both carry the status, so it reads without colour vision too.
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor colour = statusColor(status, palette);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    if (status == CheckStatus::Warn) {
        const QPointF tri[] = {{16, 2}, {30, 29}, {2, 29}};
        p.drawPolygon(tri, 3);
    } else {
        p.drawEllipse(QRectF(2, 2, 28, 28));
    }
    QPen mark(isDark(palette) ? QColor(0x1e, 0x1f, 0x22) : QColor(Qt::white), 4, Qt::SolidLine, Qt::RoundCap,
              Qt::RoundJoin);
    p.setPen(mark);
    p.setBrush(Qt::NoBrush);
    switch (status) {
    case CheckStatus::Pass:
        p.drawPolyline(QPolygonF({{9, 16.5}, {14, 21.5}, {23, 11}}));
        break;
    case CheckStatus::Fail:
        p.drawLine(QPointF(11, 11), QPointF(21, 21));
        p.drawLine(QPointF(21, 11), QPointF(11, 21));
        break;
    case CheckStatus::Warn:
        p.drawLine(QPointF(16, 12), QPointF(16, 19));
        p.drawPoint(QPointF(16, 24.5));
        break;
    case CheckStatus::Skipped:
        p.drawLine(QPointF(10, 16), QPointF(22, 16));
        break;
    }
    return QIcon(pixmap);
}

void DoctorTable::setChecks(const QVector<Doctor::CheckInfo> &checks)
{
    clear();
    for (const Doctor::CheckInfo &info : checks) {
        auto *item = new QTreeWidgetItem(this);
        item->setData(StatusColumn, kIdRole, info.id);
        item->setData(StatusColumn, kStateRole, QStringLiteral("waiting"));
        item->setText(TitleColumn, info.title);
        item->setToolTip(TitleColumn, info.id);
        paintRow(item);
    }
}

QTreeWidgetItem *DoctorTable::rowFor(const QString &id) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->data(StatusColumn, kIdRole).toString() == id)
            return topLevelItem(i);
    }
    return nullptr;
}

QString DoctorTable::statusOf(const QString &id) const
{
    const QTreeWidgetItem *item = rowFor(id);
    return item ? item->data(StatusColumn, kStateRole).toString() : QString();
}

void DoctorTable::markRunning(const QString &id)
{
    if (QTreeWidgetItem *item = rowFor(id)) {
        item->setData(StatusColumn, kStateRole, QStringLiteral("running"));
        paintRow(item);
        scrollToItem(item);
    }
}

void DoctorTable::setResult(const CheckResult &result)
{
    QTreeWidgetItem *item = rowFor(result.id);
    if (!item) {
        item = new QTreeWidgetItem(this);
        item->setData(StatusColumn, kIdRole, result.id);
    }
    item->setData(StatusColumn, kStateRole, checkStatusName(result.status));
    item->setText(TitleColumn, result.title);
    item->setText(DetailColumn, result.detail);
    item->setToolTip(DetailColumn, result.detail);
    item->setText(FixColumn, result.fix);
    item->setToolTip(FixColumn, result.fix);
    item->setText(DurationColumn, QStringLiteral("%1 ms").arg(result.durationMs));
    item->setTextAlignment(DurationColumn, Qt::AlignRight | Qt::AlignVCenter);
    paintRow(item);
}

void DoctorTable::markUnfinished(const QString &text)
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = topLevelItem(i);
        const QString state = item->data(StatusColumn, kStateRole).toString();
        if (state == QLatin1String("waiting") || state == QLatin1String("running")) {
            item->setData(StatusColumn, kStateRole, checkStatusName(CheckStatus::Skipped));
            item->setText(DetailColumn, text);
            paintRow(item);
        }
    }
}

void DoctorTable::paintRow(QTreeWidgetItem *item)
{
    const QString state = item->data(StatusColumn, kStateRole).toString();
    const QPalette pal = palette();
    if (state == QLatin1String("waiting") || state == QLatin1String("running")) {
        item->setIcon(StatusColumn, QIcon());
        item->setText(StatusColumn, state == QLatin1String("running") ? tr("Running…") : tr("Waiting"));
        item->setForeground(StatusColumn, pal.color(QPalette::Disabled, QPalette::Text));
        return;
    }
    CheckStatus status = CheckStatus::Skipped;
    QString word = tr("Skipped");
    if (state == QLatin1String("pass")) {
        status = CheckStatus::Pass;
        word = tr("Pass");
    } else if (state == QLatin1String("warn")) {
        status = CheckStatus::Warn;
        word = tr("Warning");
    } else if (state == QLatin1String("fail")) {
        status = CheckStatus::Fail;
        word = tr("Fail");
    }
    item->setIcon(StatusColumn, statusIcon(status, pal));
    item->setText(StatusColumn, word);
    item->setForeground(StatusColumn, statusColor(status, pal));
    QFont bold = font();
    bold.setBold(status == CheckStatus::Fail);
    item->setFont(StatusColumn, bold);
}

void DoctorTable::changeEvent(QEvent *event)
{
    QTreeWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        for (int i = 0; i < topLevelItemCount(); ++i)
            paintRow(topLevelItem(i));
    }
}

} // namespace socketscope
