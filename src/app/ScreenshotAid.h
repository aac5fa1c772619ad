#pragma once

#include <QString>

class QWidget;

namespace socketscope {

// scripts/screenshots.sh only: SOCKETSCOPE_SCREENSHOT=wizard-slack | wizard-doctor | doctor shows the
// setup wizard's Slack tokens page, its doctor page, or the Doctor window, against the built-in Slack
// and Nautobot simulators started in-process. Returns false when the variable names nothing.
bool startScreenshotAid(const QString &what, QWidget *parent);

} // namespace socketscope
