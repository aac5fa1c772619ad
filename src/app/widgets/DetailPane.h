#pragma once

#include "capture/CaptureStore.h"
#include "slack/Envelope.h"

#include <QTabWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class QTreeView;

namespace socketscope {

class DeliveryTableModel;
class JsonHighlighter;
class JsonTreeModel;

// The selected envelope: JSON tree, raw JSON, timing, the HTTP request Slack would have POSTed,
// and the link it arrived on.
class DetailPane : public QTabWidget
{
    Q_OBJECT
public:
    enum Tab { TreeTab, RawTab, TimingTab, HttpTab, LinkTab, DeliveriesTab };

    explicit DetailPane(QWidget *parent = nullptr);

    void setEnvelope(const Envelope &envelope, const QVector<LinkEvent> &linkEvents);
    void clearEnvelope();
    bool hasEnvelope() const { return m_has; }
    const Envelope &envelope() const { return m_envelope; }

    JsonTreeModel *treeModel() const { return m_treeModel; }
    QTreeView *treeView() const { return m_tree; }
    QString rawText() const;
    QString timingText() const;
    QString httpText() const;
    QString linkText() const;

    // Deliveries and answers of the shown envelope (CaptureStore::deliveries), oldest first.
    void setDeliveries(const QVector<DeliveryRecord> &deliveries);
    DeliveryTableModel *deliveriesModel() const { return m_deliveries; }
    QTableView *deliveriesView() const { return m_deliveriesView; }

    void copySelectedValue();
    void copySelectedPath();
    bool findInRaw(const QString &text, bool backwards = false);

Q_SIGNALS:
    void status(const QString &message);

private:
    QWidget *buildTreeTab();
    QWidget *buildRawTab();
    void changeEvent(QEvent *event) override;

    Envelope m_envelope;
    bool m_has = false;
    JsonTreeModel *m_treeModel;
    QTreeView *m_tree = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    JsonHighlighter *m_highlighter = nullptr;
    QLineEdit *m_rawSearch = nullptr;
    QLabel *m_rawStatus = nullptr;
    QLabel *m_timing;
    QPlainTextEdit *m_http;
    QLabel *m_httpNote;
    QLabel *m_link;
    DeliveryTableModel *m_deliveries;
    QTableView *m_deliveriesView = nullptr;
    QLabel *m_deliveriesEmpty = nullptr;
};

} // namespace socketscope
