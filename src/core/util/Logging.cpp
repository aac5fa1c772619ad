#include "util/Logging.h"

Q_LOGGING_CATEGORY(lcSlack, "socketscope.slack", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCapture, "socketscope.capture", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNautobot, "socketscope.nautobot", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "socketscope.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProfile, "socketscope.profile", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDoctor, "socketscope.doctor", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSim, "socketscope.sim", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAnswers, "socketscope.answers", QtInfoMsg)
