#pragma once

#include "core/quotas/QuotaConfig.h"
#include "core/quotas/UsageReport.h"
#include "core/quotas/WhatIf.h"

#include <nlohmann/json.hpp>

namespace raysec {

// JSON forms of usage reports and what-if answers, for `raysec-cli quotas --json`, the alert
// webhook and exports. Amounts keep Ray's units (memory in bytes).
class UsageJson
{
public:
    static nlohmann::json resources(const ResourceSet& set);
    static nlohmann::json report(const UsageReport& report, const QuotaConfig& config);
    static nlohmann::json whatIf(const WhatIfAnswer& answer);
    static QuotaLimits parseLimits(const QString& text, QString* error);
};

} // namespace raysec
