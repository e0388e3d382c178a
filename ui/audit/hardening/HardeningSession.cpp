#include "ui/audit/hardening/HardeningSession.h"

Q_LOGGING_CATEGORY(lcUiHardening, "raysec.ui.audit.hardening")
