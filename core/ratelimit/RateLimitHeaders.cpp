#include "core/ratelimit/RateLimitHeaders.h"

#include <charconv>
#include <cmath>

namespace raysec::ratelimit {

namespace {

void appendNumber(std::string& out, std::int64_t value)
{
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, end);
}

constexpr const char* policyField = "RateLimit-Policy";
constexpr const char* limitField = "RateLimit";

// "\"<policy>\";<first>=<a>;<second>=<b>"
void appendPolicyItem(std::string& out, const std::string& policy, const char* first,
                      std::int64_t a, const char* second, std::int64_t b)
{
    out.push_back('"');
    out += policy;
    out += "\";";
    out += first;
    out.push_back('=');
    appendNumber(out, a);
    out.push_back(';');
    out += second;
    out.push_back('=');
    appendNumber(out, b);
}

std::string policyItem(const std::string& policy, const char* first, std::int64_t a,
                       const char* second, std::int64_t b)
{
    std::string out;
    out.reserve(policy.size() + 48);
    appendPolicyItem(out, policy, first, a, second, b);
    return out;
}

std::int64_t windowOf(const RateDecision& decision)
{
    return std::llround(std::ceil(decision.windowSeconds));
}

} // namespace

std::vector<std::pair<std::string, std::string>> rateLimitHeaders(const RateDecision& decision)
{
    std::vector<std::pair<std::string, std::string>> headers;
    headers.reserve(decision.allowed ? 2 : 3);
    headers.emplace_back(policyField,
                         policyItem(decision.policyName, "q", std::llround(decision.limit), "w",
                                    windowOf(decision)));
    headers.emplace_back(limitField, policyItem(decision.policyName, "r", decision.remaining, "t",
                                                decision.resetSeconds));
    if (!decision.allowed) {
        std::string retry;
        appendNumber(retry, decision.retryAfterSeconds);
        headers.emplace_back("Retry-After", std::move(retry));
    }
    return headers;
}

void appendRateLimitFields(const RateDecision& decision, std::string& out)
{
    out += policyField;
    out += ": ";
    appendPolicyItem(out, decision.policyName, "q", std::llround(decision.limit), "w",
                     windowOf(decision));
    out += "\r\n";
    out += limitField;
    out += ": ";
    appendPolicyItem(out, decision.policyName, "r", decision.remaining, "t", decision.resetSeconds);
    out += "\r\n";
}

} // namespace raysec::ratelimit
