#pragma once

#include "core/ratelimit/RateLimiter.h"

#include <string>
#include <utility>
#include <vector>

namespace raysec::ratelimit {

// The response header fields for a decision: RateLimit-Policy and RateLimit as structured
// fields (IETF httpapi ratelimit-headers draft), plus Retry-After on a refusal.
std::vector<std::pair<std::string, std::string>> rateLimitHeaders(const RateDecision& decision);

} // namespace raysec::ratelimit
