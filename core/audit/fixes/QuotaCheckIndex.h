#pragma once

#include "core/common/Error.h"
#include "core/quotas/QuotaConfig.h"

namespace raysec {

class Database;

// The audit's quota check (RAY-8.1) counts the rows of the quota_policies table named in the
// check data, while the quota module keeps its configuration as one document in quota_config.
// This index keeps quota_policies in step with a saved configuration: one row per policy.
class QuotaCheckIndex
{
public:
    static constexpr auto table = "quota_policies";

    static Result<void> sync(Database& db, const QuotaConfig& config);
};

} // namespace raysec
