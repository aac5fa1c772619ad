#pragma once

#include <QWidget>

namespace socketscope {

// The colouring rules as swatches with names; the description is in each swatch's tooltip.
class ColorLegend : public QWidget
{
    Q_OBJECT
public:
    explicit ColorLegend(QWidget *parent = nullptr);

private:
    void rebuild();
    void changeEvent(QEvent *event) override;
};

} // namespace socketscope
