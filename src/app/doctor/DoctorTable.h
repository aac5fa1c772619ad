#pragma once

#include "doctor/Doctor.h"

#include <QTreeWidget>

namespace socketscope {

// One row per doctor check: status (icon + word, coloured for the current palette), title, detail,
// fix, duration. Filled from Doctor::checks() before a run, then updated from its signals.
class DoctorTable : public QTreeWidget
{
    Q_OBJECT
public:
    enum Column { StatusColumn, TitleColumn, DetailColumn, FixColumn, DurationColumn, ColumnCount };

    explicit DoctorTable(QWidget *parent = nullptr);

    void setChecks(const QVector<Doctor::CheckInfo> &checks);
    void markRunning(const QString &id);
    void setResult(const CheckResult &result);
    // Checks that were still waiting or running when a run was cancelled.
    void markUnfinished(const QString &text);

    // For tests and the summary: "waiting" | "running" | "pass" | "warn" | "fail" | "skipped".
    QString statusOf(const QString &id) const;
    QTreeWidgetItem *rowFor(const QString &id) const;

    // Readable on light and dark palettes: darker tones on a light base, lighter ones on a dark base.
    static QColor statusColor(CheckStatus status, const QPalette &palette);
    static QIcon statusIcon(CheckStatus status, const QPalette &palette);

protected:
    void changeEvent(QEvent *event) override;

private:
    void paintRow(QTreeWidgetItem *item);
};

} // namespace socketscope
