#pragma once

#include "capture/CaptureStore.h"
#include "capture/EnvelopeFilter.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace socketscope {

// Export to JSONL: choose selected or filtered envelopes, redaction on by default, and a preview of
// exactly what leaves the machine. Writing runs in a worker thread on its own read-only connection.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(CaptureStore *store, const EnvelopeFilter &filter, const QVector<qint64> &selected,
                 QWidget *parent = nullptr);

    QString resultText() const { return m_result; }
    QString previewText() const;
    bool redactionChecked() const;

    // One JSONL line per envelope in JsonlExport's format (so JsonlImport and the CLI read it back).
    static QByteArray jsonlLine(const Envelope &envelope, bool redact);

private:
    void updatePreview();
    void startExport();

    CaptureStore *m_store;
    EnvelopeFilter m_filter;
    QVector<qint64> m_selected;
    QRadioButton *m_onlySelected;
    QRadioButton *m_allFiltered;
    QCheckBox *m_redact;
    QLabel *m_warning;
    QPlainTextEdit *m_preview;
    QPushButton *m_export;
    QString m_result;
};

} // namespace socketscope
