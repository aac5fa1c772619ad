#include "widgets/ColorLegend.h"

#include "models/EnvelopeColoring.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace socketscope {

ColorLegend::ColorLegend(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("colorLegend"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    rebuild();
}

void ColorLegend::rebuild()
{
    auto *layout = static_cast<QHBoxLayout *>(this->layout());
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    auto *title = new QLabel(tr("Colours:"), this);
    layout->addWidget(title);
    for (const auto &rule : EnvelopeColoring::rules()) {
        auto *label = new QLabel(rule.name, this);
        label->setAutoFillBackground(true);
        QPalette p = label->palette();
        p.setColor(QPalette::Window, EnvelopeColoring::background(rule.state, QPalette()));
        p.setColor(QPalette::WindowText, QPalette().color(QPalette::Text));
        label->setPalette(p);
        label->setMargin(2);
        label->setToolTip(rule.description);
        layout->addWidget(label);
    }
    layout->addStretch(1);
}

void ColorLegend::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        rebuild();
}

} // namespace socketscope
