#pragma once

#include "core/audit/fixes/HardeningInputs.h"
#include "core/audit/fixes/HardeningOutput.h"

namespace raysec {

// rate-limit-policy: the gateway's rate limits (per address before authentication, per key and
// route class after), as the rateLimits section of gateway.json. Ray itself has none, so the
// finding stays open until the gateway runs in front of the dashboard.
class RateLimitFix
{
public:
    static constexpr auto limitsFile = "gateway/rate-limits.json";

    static Result<void> generate(const HardeningInputs& inputs, const QStringList& checks,
                                 HardeningOutput& out);
};

} // namespace raysec
