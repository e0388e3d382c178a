#include "core/ratelimit/RateLimitHeaders.h"

#include <cmath>

namespace raysec::ratelimit {

std::vector<std::pair<std::string, std::string>> rateLimitHeaders(const RateDecision& decision)
{
    const std::string name = "\"" + decision.policyName + "\"";
    std::vector<std::pair<std::string, std::string>> headers;
    headers.emplace_back("RateLimit-Policy",
                         name + ";q=" + std::to_string(std::llround(decision.limit)) + ";w=" +
                             std::to_string(std::llround(std::ceil(decision.windowSeconds))));
    headers.emplace_back("RateLimit", name + ";r=" + std::to_string(decision.remaining) +
                                          ";t=" + std::to_string(decision.resetSeconds));
    if (!decision.allowed) {
        headers.emplace_back("Retry-After", std::to_string(decision.retryAfterSeconds));
    }
    return headers;
}

} // namespace raysec::ratelimit
