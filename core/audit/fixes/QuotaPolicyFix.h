#pragma once

#include "core/audit/fixes/HardeningInputs.h"
#include "core/audit/fixes/HardeningOutput.h"

namespace raysec {

// quota-policy: a default per-team quota (concurrent jobs and submissions per hour, which need
// no knowledge of the cluster's size) as a quota configuration file; with the "apply" option
// the console also saves it in its store, which is what the quota check reads.
class QuotaPolicyFix
{
public:
    static constexpr auto configFile = "quotas/quota-config.json";

    static QuotaConfig defaultConfig();
    static Result<void> generate(const HardeningInputs& inputs, const QStringList& checks,
                                 bool apply, HardeningOutput& out);
};

} // namespace raysec
