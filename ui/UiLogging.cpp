#include "ui/UiLogging.h"

Q_LOGGING_CATEGORY(lcUiMain, "raysec.ui.main")
Q_LOGGING_CATEGORY(lcUiOverview, "raysec.ui.overview")
Q_LOGGING_CATEGORY(lcUiProfiles, "raysec.ui.profiles")
Q_LOGGING_CATEGORY(lcUiDemo, "raysec.ui.demo")
