#pragma once

#include "core/ratelimit/RateLimiter.h"

#include <string>
#include <utility>
#include <vector>

namespace raysec::ratelimit {

// The response header fields for a decision: RateLimit-Policy and RateLimit as structured
// fields (IETF httpapi ratelimit-headers draft), plus Retry-After on a refusal.
std::vector<std::pair<std::string, std::string>> rateLimitHeaders(const RateDecision& decision);

// The same RateLimit-Policy and RateLimit fields of an allowed request as header lines
// ("Name: value\r\n"), appended to `out`: the gateway adds them to every answer it forwards,
// and one string costs less there than a list of name and value pairs.
void appendRateLimitFields(const RateDecision& decision, std::string& out);

} // namespace raysec::ratelimit
