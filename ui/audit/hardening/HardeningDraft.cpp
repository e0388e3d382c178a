#include "ui/audit/hardening/HardeningDraft.h"

Q_LOGGING_CATEGORY(lcUiHardening, "raysec.ui.audit.hardening")
