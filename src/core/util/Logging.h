#pragma once

#include <QLoggingCategory>

// One category per module; enable with QT_LOGGING_RULES="socketscope.slack.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcSlack)
Q_DECLARE_LOGGING_CATEGORY(lcCapture)
Q_DECLARE_LOGGING_CATEGORY(lcNautobot)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcProfile)
Q_DECLARE_LOGGING_CATEGORY(lcDoctor)
Q_DECLARE_LOGGING_CATEGORY(lcSim)
Q_DECLARE_LOGGING_CATEGORY(lcAnswers)
