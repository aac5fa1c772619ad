#include "widgets/DetailPane.h"

#include "models/DeliveryTableModel.h"
#include "models/JsonTreeModel.h"
#include "nautobot/SlackHttpForm.h"
#include "widgets/JsonHighlighter.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace socketscope {

namespace {

QString fmtTime(qint64 us)
{
    if (us <= 0)
        return QObject::tr("—");
    return QDateTime::fromMSecsSinceEpoch(us / 1000).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
           + QStringLiteral("%1").arg(us % 1000, 3, 10, QLatin1Char('0'));
}

QString fmtMs(qint64 us)
{
    return us < 0 ? QObject::tr("—") : QStringLiteral("%1 ms").arg(double(us) / 1000.0, 0, 'f', 3);
}

QToolButton *toolButton(QWidget *parent, const QString &icon, const QString &text, const QString &name)
{
    auto *b = new QToolButton(parent);
    b->setIcon(QIcon(icon));
    b->setText(text);
    b->setToolTip(text);
    b->setObjectName(name);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(true);
    return b;
}

} // namespace

DetailPane::DetailPane(QWidget *parent)
    : QTabWidget(parent), m_treeModel(new JsonTreeModel(this)), m_timing(new QLabel(this)),
      m_http(new QPlainTextEdit(this)), m_httpNote(new QLabel(this)), m_link(new QLabel(this)),
      m_deliveries(new DeliveryTableModel(this))
{
    setObjectName(QStringLiteral("detailPane"));
    setDocumentMode(true);
    addTab(buildTreeTab(), tr("JSON tree"));
    addTab(buildRawTab(), tr("Raw JSON"));

    m_timing->setObjectName(QStringLiteral("timingText"));
    m_timing->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timing->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_timing->setMargin(8);
    m_timing->setWordWrap(true);
    addTab(m_timing, tr("Timing"));

    auto *http = new QWidget(this);
    auto *httpLayout = new QVBoxLayout(http);
    httpLayout->setContentsMargins(0, 0, 0, 0);
    m_httpNote->setWordWrap(true);
    m_httpNote->setMargin(4);
    m_httpNote->setText(tr("What Slack would have POSTed to Nautobot ChatOps over HTTP (unsigned: signed "
                           "re-delivery adds X-Slack-Request-Timestamp and X-Slack-Signature over this body)."));
    m_http->setObjectName(QStringLiteral("httpText"));
    m_http->setReadOnly(true);
    m_http->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_http->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    httpLayout->addWidget(m_httpNote);
    httpLayout->addWidget(m_http, 1);
    addTab(http, tr("HTTP form"));

    m_link->setObjectName(QStringLiteral("linkText"));
    m_link->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_link->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_link->setMargin(8);
    m_link->setWordWrap(true);
    auto *linkScroll = new QScrollArea(this);
    linkScroll->setWidget(m_link);
    linkScroll->setWidgetResizable(true);
    linkScroll->setFrameShape(QFrame::NoFrame);
    addTab(linkScroll, tr("Link"));

    auto *deliveries = new QWidget(this);
    auto *deliveriesLayout = new QVBoxLayout(deliveries);
    deliveriesLayout->setContentsMargins(0, 0, 0, 0);
    m_deliveriesEmpty = new QLabel(deliveries);
    m_deliveriesEmpty->setObjectName(QStringLiteral("deliveriesEmpty"));
    m_deliveriesEmpty->setMargin(6);
    m_deliveriesEmpty->setWordWrap(true);
    m_deliveriesView = new QTableView(deliveries);
    m_deliveriesView->setObjectName(QStringLiteral("deliveriesView"));
    m_deliveriesView->setModel(m_deliveries);
    m_deliveriesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_deliveriesView->setAlternatingRowColors(true);
    m_deliveriesView->verticalHeader()->hide();
    m_deliveriesView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_deliveriesView->horizontalHeader()->setStretchLastSection(true);
    const int widths[] = {110, 160, 220, 60, 80};
    for (int c = 0; c < DeliveryTableModel::Outcome; ++c)
        m_deliveriesView->horizontalHeader()->resizeSection(c, widths[c]);
    deliveriesLayout->addWidget(m_deliveriesEmpty);
    deliveriesLayout->addWidget(m_deliveriesView, 1);
    addTab(deliveries, tr("Deliveries"));
    clearEnvelope();
}

QWidget *DetailPane::buildTreeTab()
{
    auto *w = new QWidget(this);
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QHBoxLayout;
    auto *expand = toolButton(w, QStringLiteral(":/icons/expand.svg"), tr("Expand all"), QStringLiteral("expandAll"));
    auto *collapse = toolButton(w, QStringLiteral(":/icons/collapse.svg"), tr("Collapse all"), QStringLiteral("collapseAll"));
    auto *copyValue = toolButton(w, QStringLiteral(":/icons/copy.svg"), tr("Copy value"), QStringLiteral("copyValue"));
    auto *copyPath = toolButton(w, QStringLiteral(":/icons/copy.svg"), tr("Copy path"), QStringLiteral("copyPath"));
    for (auto *b : {expand, collapse, copyValue, copyPath})
        bar->addWidget(b);
    bar->addStretch(1);
    layout->addLayout(bar);
    m_tree = new QTreeView(w);
    m_tree->setObjectName(QStringLiteral("jsonTree"));
    m_tree->setModel(m_treeModel);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::Key, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::Value, QHeaderView::Stretch);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *actValue = new QAction(tr("Copy value"), m_tree);
    auto *actPath = new QAction(tr("Copy path"), m_tree);
    m_tree->addAction(actValue);
    m_tree->addAction(actPath);
    layout->addWidget(m_tree, 1);
    connect(expand, &QToolButton::clicked, m_tree, &QTreeView::expandAll);
    connect(collapse, &QToolButton::clicked, m_tree, &QTreeView::collapseAll);
    connect(copyValue, &QToolButton::clicked, this, &DetailPane::copySelectedValue);
    connect(copyPath, &QToolButton::clicked, this, &DetailPane::copySelectedPath);
    connect(actValue, &QAction::triggered, this, &DetailPane::copySelectedValue);
    connect(actPath, &QAction::triggered, this, &DetailPane::copySelectedPath);
    return w;
}

QWidget *DetailPane::buildRawTab()
{
    auto *w = new QWidget(this);
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *bar = new QHBoxLayout;
    m_rawSearch = new QLineEdit(w);
    m_rawSearch->setObjectName(QStringLiteral("rawSearch"));
    m_rawSearch->setPlaceholderText(tr("Find in raw JSON (Enter: next, Shift+Enter: previous)"));
    m_rawSearch->setClearButtonEnabled(true);
    m_rawStatus = new QLabel(w);
    bar->addWidget(m_rawSearch, 1);
    bar->addWidget(m_rawStatus);
    layout->addLayout(bar);
    m_raw = new QPlainTextEdit(w);
    m_raw->setObjectName(QStringLiteral("rawText"));
    m_raw->setReadOnly(true);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter = new JsonHighlighter(m_raw->document());
    layout->addWidget(m_raw, 1);
    connect(m_rawSearch, &QLineEdit::returnPressed, this, [this] {
        const bool back = QApplication::keyboardModifiers() & Qt::ShiftModifier;
        findInRaw(m_rawSearch->text(), back);
    });
    connect(m_rawSearch, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_raw->moveCursor(QTextCursor::Start);
        findInRaw(text);
    });
    return w;
}

bool DetailPane::findInRaw(const QString &text, bool backwards)
{
    if (text.isEmpty()) {
        m_rawStatus->clear();
        return false;
    }
    QTextDocument::FindFlags flags;
    if (backwards)
        flags |= QTextDocument::FindBackward;
    bool found = m_raw->find(text, flags);
    if (!found) { // wrap around
        m_raw->moveCursor(backwards ? QTextCursor::End : QTextCursor::Start);
        found = m_raw->find(text, flags);
    }
    m_rawStatus->setText(found ? QString() : tr("not found"));
    return found;
}

void DetailPane::clearEnvelope()
{
    m_has = false;
    m_envelope = Envelope();
    m_treeModel->clear();
    m_raw->setPlainText(QString());
    m_timing->setText(tr("Select an envelope to see its timing."));
    m_http->setPlainText(QString());
    m_link->setText(QString());
    setDeliveries({});
}

void DetailPane::setDeliveries(const QVector<DeliveryRecord> &deliveries)
{
    m_deliveries->setDeliveries(deliveries);
    m_deliveriesEmpty->setText(!m_has ? tr("Select an envelope to see its deliveries and answers.")
                                      : deliveries.isEmpty()
                                            ? tr("Not delivered or answered yet. Replay it (Ctrl+R), answer it "
                                                 "(Ctrl+Shift+A), or connect in Bridge mode.")
                                            : tr("%n delivery/answer attempt(s).", nullptr,
                                                 static_cast<int>(deliveries.size())));
    setTabText(DeliveriesTab, deliveries.isEmpty() ? tr("Deliveries")
                                                   : tr("Deliveries (%1)").arg(deliveries.size()));
}

void DetailPane::setEnvelope(const Envelope &e, const QVector<LinkEvent> &linkEvents)
{
    m_has = true;
    m_envelope = e;
    m_treeModel->setJson(e.raw);
    m_tree->expandToDepth(1);

    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(e.raw, &error);
    if (error.error == QJsonParseError::NoError)
        m_raw->setPlainText(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
    else
        m_raw->setPlainText(tr("// not JSON: %1 at offset %2\n").arg(error.errorString()).arg(error.offset)
                            + QString::fromUtf8(e.raw));
    if (m_rawSearch && !m_rawSearch->text().isEmpty())
        findInRaw(m_rawSearch->text());

    const qint64 ack = e.ackLatencyUs();
    const qint64 commit = e.committedUs > 0 ? e.committedUs - e.receivedUs : -1;
    const qint64 commitToAck = e.ackedUs > 0 && e.committedUs > 0 ? e.ackedUs - e.committedUs : -1;
    QString verdict;
    if (ack < 0)
        verdict = tr("<b>not acked</b>: Slack retries events_api envelopes after 3 s; commands and interactions fail for the user");
    else if (ack >= 3'000'000)
        verdict = tr("<b>over the 3 s deadline</b> by %1").arg(fmtMs(ack - 3'000'000));
    else
        verdict = tr("%1 % of the 3 s deadline used; %2 to spare")
                      .arg(double(ack) / 30'000.0, 0, 'f', 2)
                      .arg(fmtMs(3'000'000 - ack));
    m_timing->setText(tr("<table cellspacing=4>"
                         "<tr><td>Received</td><td>%1</td></tr>"
                         "<tr><td>Committed</td><td>%2</td><td>(+%3)</td></tr>"
                         "<tr><td>Acked</td><td>%4</td><td>(+%5 after commit)</td></tr>"
                         "<tr><td><b>Ack latency</b></td><td><b>%6</b></td></tr>"
                         "<tr><td>Deadline</td><td colspan=2>%7</td></tr>"
                         "<tr><td>Retry</td><td>%8</td></tr>"
                         "<tr><td>Duplicate</td><td>%9</td></tr>"
                         "</table>")
                          .arg(fmtTime(e.receivedUs), fmtTime(e.committedUs), fmtMs(commit), fmtTime(e.ackedUs),
                               fmtMs(commitToAck), fmtMs(ack), verdict,
                               e.retryAttempt > 0 ? tr("attempt %1 (%2)").arg(e.retryAttempt).arg(e.retryReason)
                                                  : tr("first delivery"),
                               e.duplicate ? tr("yes: same event_id or envelope_id seen before") : tr("no")));

    const auto request = SlackHttpForm::fromEnvelope(e);
    if (request.ok()) {
        m_http->setPlainText(request->toDisplayText());
        m_httpNote->setText(tr("What Slack would have POSTed to Nautobot ChatOps over HTTP (unsigned: signed "
                               "re-delivery adds X-Slack-Request-Timestamp and X-Slack-Signature over this body).")
                            + (request->note.isEmpty() ? QString() : QStringLiteral("\n") + request->note));
    } else {
        m_http->setPlainText(request.error().message);
    }

    QString link = tr("<b>Link %1</b> of session %2<br>").arg(e.linkId).arg(e.sessionId);
    link += tr("Envelope id: %1<br>accepts_response_payload: %2<br><br>")
                .arg(e.envelopeId.toHtmlEscaped(), e.acceptsResponsePayload ? tr("true") : tr("false"));
    link += tr("<table cellspacing=3><tr><th align=left>Time</th><th align=left>Event</th><th align=left>Detail</th></tr>");
    int shown = 0;
    for (const LinkEvent &event : linkEvents) {
        if (event.linkId != e.linkId || (e.sessionId && event.sessionId && event.sessionId != e.sessionId))
            continue;
        link += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(fmtTime(event.atUs), event.kind.toHtmlEscaped(),
                         event.detail.toHtmlEscaped());
        ++shown;
    }
    link += QStringLiteral("</table>");
    if (shown == 0)
        link += tr("No lifecycle events recorded for this link.");
    m_link->setText(link);
}

QString DetailPane::rawText() const
{
    return m_raw->toPlainText();
}

QString DetailPane::timingText() const
{
    QTextDocument doc;
    doc.setHtml(m_timing->text());
    return doc.toPlainText();
}

QString DetailPane::httpText() const
{
    return m_http->toPlainText();
}

QString DetailPane::linkText() const
{
    QTextDocument doc;
    doc.setHtml(m_link->text());
    return doc.toPlainText();
}

void DetailPane::copySelectedValue()
{
    const QModelIndex index = m_tree->currentIndex();
    if (!index.isValid())
        return;
    QApplication::clipboard()->setText(m_treeModel->valueTextOf(index));
    Q_EMIT status(tr("Copied the value of %1").arg(m_treeModel->pathOf(index)));
}

void DetailPane::copySelectedPath()
{
    const QModelIndex index = m_tree->currentIndex();
    if (!index.isValid())
        return;
    QApplication::clipboard()->setText(m_treeModel->pathOf(index));
    Q_EMIT status(tr("Copied path %1").arg(m_treeModel->pathOf(index)));
}

void DetailPane::changeEvent(QEvent *event)
{
    QTabWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange && m_highlighter)
        m_highlighter->updateFormats();
}

} // namespace socketscope
