#include "widgets/JsonHighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace socketscope {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document),
      m_token(QStringLiteral(R"(("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b)"))
{
    updateFormats();
}

void JsonHighlighter::updateFormats()
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightnessF() < 0.5;
    m_key.setForeground(dark ? QColor(0x82, 0xb1, 0xff) : QColor(0x1a, 0x4f, 0xb0));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(dark ? QColor(0xa5, 0xd6, 0xa7) : QColor(0x2e, 0x7d, 0x32));
    m_number.setForeground(dark ? QColor(0xff, 0xcc, 0x80) : QColor(0xb2, 0x55, 0x00));
    m_literal.setForeground(dark ? QColor(0xce, 0x93, 0xd8) : QColor(0x8e, 0x24, 0xaa));
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    auto it = m_token.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedLength(1) > 0)
            setFormat(m.capturedStart(1), m.capturedLength(1), m.capturedLength(2) > 0 ? m_key : m_string);
        else if (m.capturedLength(3) > 0)
            setFormat(m.capturedStart(3), m.capturedLength(3), m_number);
        else if (m.capturedLength(4) > 0)
            setFormat(m.capturedStart(4), m.capturedLength(4), m_literal);
    }
}

} // namespace socketscope
