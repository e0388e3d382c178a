#pragma once

#include <QLoggingCategory>

// One logging category per area of the console. Log identifiers (profile names, page ids),
// never secrets or cluster-supplied text.
Q_DECLARE_LOGGING_CATEGORY(lcUiMain)
Q_DECLARE_LOGGING_CATEGORY(lcUiOverview)
Q_DECLARE_LOGGING_CATEGORY(lcUiProfiles)
Q_DECLARE_LOGGING_CATEGORY(lcUiDemo)
