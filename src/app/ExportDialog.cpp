#include "ExportDialog.h"

#include "Redaction.h"
#include "capture/JsonlExport.h"
#include "models/CaptureStorePager.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QThread>
#include <QVBoxLayout>

namespace socketscope {

QByteArray ExportDialog::jsonlLine(const Envelope &e, bool redact)
{
    return JsonlExport::toLine(e, redact) + '\n';
}

ExportDialog::ExportDialog(CaptureStore *store, const EnvelopeFilter &filter, const QVector<qint64> &selected,
                           QWidget *parent)
    : QDialog(parent), m_store(store), m_filter(filter), m_selected(selected),
      m_onlySelected(new QRadioButton(tr("Selected envelopes (%1)").arg(selected.size()), this)),
      m_allFiltered(new QRadioButton(filter.isEmpty() ? tr("All envelopes in the capture")
                                                      : tr("All envelopes matching the filter: %1").arg(filter.text()),
                                     this)),
      m_redact(new QCheckBox(tr("Redact secrets (response_url, trigger_id, tokens)"), this)), m_warning(new QLabel(this)),
      m_preview(new QPlainTextEdit(this)), m_export(nullptr)
{
    setWindowTitle(tr("Export to JSONL"));
    resize(720, 480);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_onlySelected);
    layout->addWidget(m_allFiltered);
    m_onlySelected->setEnabled(!selected.isEmpty());
    (selected.isEmpty() ? m_allFiltered : m_onlySelected)->setChecked(true);
    m_redact->setChecked(true);
    layout->addWidget(m_redact);
    m_warning->setWordWrap(true);
    layout->addWidget(m_warning);
    layout->addWidget(new QLabel(tr("Preview of what leaves this machine (first envelopes):"), this));
    m_preview->setObjectName(QStringLiteral("exportPreview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_preview, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_export = buttons->addButton(tr("Export…"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    for (auto *b : {m_onlySelected, m_allFiltered})
        connect(b, &QRadioButton::toggled, this, &ExportDialog::updatePreview);
    connect(m_redact, &QCheckBox::toggled, this, &ExportDialog::updatePreview);
    updatePreview();
}

bool ExportDialog::redactionChecked() const
{
    return m_redact->isChecked();
}

QString ExportDialog::previewText() const
{
    return m_preview->toPlainText();
}

void ExportDialog::updatePreview()
{
    const bool redact = m_redact->isChecked();
    if (redact && !Redaction::isAvailable()) {
        m_warning->setText(tr("Redaction is not available in this build yet, so a redacted export cannot be made. "
                              "Untick it only if the file stays with people allowed to see these secrets."));
        m_export->setEnabled(false);
    } else if (!redact) {
        m_warning->setText(tr("⚠ Unredacted: the file will contain response_url and trigger_id values that let "
                              "anyone post as the app for 30 minutes, plus any tokens in the payloads."));
        m_export->setEnabled(true);
    } else {
        m_warning->clear();
        m_export->setEnabled(true);
    }
    QString text;
    int shown = 0;
    auto add = [&](const Envelope &e) {
        text += QString::fromUtf8(jsonlLine(e, redact));
        return ++shown < 3;
    };
    if (m_onlySelected->isChecked()) {
        for (qint64 id : std::as_const(m_selected)) {
            auto e = m_store->envelope(id);
            if (e.ok() && !add(e.value()))
                break;
        }
    } else {
        // The pager, as the table uses: it also matches text in rows the search index does not hold yet.
        CaptureStorePager pager(m_store);
        auto page = pager.olderThan(m_filter, 0, 3);
        if (page.ok()) {
            for (auto it = page->rows.crbegin(); it != page->rows.crend(); ++it)
                if (!add(*it))
                    break;
        }
    }
    if (redact && !Redaction::isAvailable())
        text = tr("(no preview: redaction unavailable)");
    m_preview->setPlainText(text);
}

void ExportDialog::startExport()
{
    const QString out = QFileDialog::getSaveFileName(this, tr("Export to JSONL"), QStringLiteral("envelopes.jsonl"),
                                                     tr("JSON Lines (*.jsonl)"));
    if (out.isEmpty())
        return;
    const bool redact = m_redact->isChecked();
    const QString capture = m_store->path();
    const EnvelopeFilter filter = m_filter;
    const QVector<qint64> ids = m_onlySelected->isChecked() ? m_selected : QVector<qint64>();
    m_export->setEnabled(false);
    // A separate read-only connection in a worker thread: the export may stream a million rows.
    QThread *thread = QThread::create([this, out, redact, capture, filter, ids] {
        QString result;
        auto store = CaptureStore::open(capture, CaptureStore::Mode::ReadOnly);
        QSaveFile file(out);
        if (!store.ok()) {
            result = store.error().toString();
        } else if (!file.open(QIODevice::WriteOnly)) {
            result = tr("Could not write %1: %2").arg(out, file.errorString());
        } else {
            int written = 0;
            auto write = [&](const Envelope &e) {
                file.write(jsonlLine(e, redact));
                ++written;
                return true;
            };
            Result<void> r;
            if (!ids.isEmpty()) {
                for (qint64 id : ids) {
                    auto e = store.value()->envelope(id);
                    if (e.ok() && !write(e.value()))
                        break;
                }
            } else {
                r = store.value()->forEachEnvelope([&](const Envelope &e) { return !filter.matches(e) || write(e); });
            }
            if (!r.ok())
                result = r.error().toString();
            else if (!file.commit())
                result = tr("Could not write %1: %2").arg(out, file.errorString());
            else
                result = tr("Exported %1 envelope(s) to %2%3").arg(written).arg(out, redact ? tr(" (redacted)") : tr(" (unredacted)"));
        }
        QMetaObject::invokeMethod(this, [this, result] {
            m_result = result;
            accept();
        });
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace socketscope
