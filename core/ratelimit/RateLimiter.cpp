#include "core/ratelimit/RateLimiter.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace raysec::ratelimit {

namespace {

constexpr std::size_t sweepThreshold = 4096;

} // namespace

const BucketSpec& RateLimitSettings::specFor(std::string_view tier,
                                             std::string_view routeClass) const
{
    static const BucketSpec fallback;
    auto t = tiers.find(tier);
    if (t == tiers.end()) {
        t = tiers.find(std::string_view("default"));
    }
    if (t == tiers.end()) {
        return fallback;
    }
    if (auto r = t->second.find(std::string(routeClass)); r != t->second.end()) {
        return r->second;
    }
    if (auto r = t->second.find("*"); r != t->second.end()) {
        return r->second;
    }
    return fallback;
}

RateLimiter::RateLimiter(RateLimitSettings settings)
    : m_settings(std::move(settings))
{
}

RateDecision RateLimiter::checkAddress(std::string_view address, Clock::time_point now)
{
    std::string key = "a|";
    key.append(address);
    return take(key, m_settings.perAddress, "address", now);
}

RateDecision RateLimiter::checkKey(std::string_view keyId, std::string_view tier,
                                   std::string_view routeClass, Clock::time_point now)
{
    std::string key = "k|";
    key.append(keyId).append("|").append(routeClass);
    std::string policy(tier);
    policy.append("-").append(routeClass);
    return take(key, m_settings.specFor(tier, routeClass), policy, now);
}

RateDecision RateLimiter::take(const std::string& key, const BucketSpec& spec,
                               std::string_view policy, Clock::time_point now)
{
    Shard& shard = m_shards[std::hash<std::string>{}(key) % m_shards.size()];
    const double rate = std::max(spec.ratePerSecond, 1e-9);

    RateDecision decision;
    decision.policyName = std::string(policy);
    decision.limit = spec.burst;
    decision.windowSeconds = spec.burst / rate;

    std::lock_guard lock(shard.mutex);
    auto [it, inserted] = shard.buckets.try_emplace(key, Bucket{spec.burst, now});
    Bucket& bucket = it->second;
    if (!inserted) {
        const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
        bucket.tokens = std::min(spec.burst, bucket.tokens + std::max(0.0, elapsed) * rate);
        bucket.updated = now;
    }

    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
    } else if (m_settings.shadow) {
        decision.shadowRefused = true;
    } else {
        decision.allowed = false;
        decision.retryAfterSeconds =
            std::max<std::int64_t>(1, std::int64_t(std::ceil((1.0 - bucket.tokens) / rate)));
    }
    decision.remaining = std::int64_t(std::floor(bucket.tokens));
    decision.resetSeconds = std::int64_t(std::ceil((spec.burst - bucket.tokens) / rate));

    if (inserted && shard.buckets.size() > sweepThreshold) {
        sweep(shard, spec, now);
    }
    return decision;
}

void RateLimiter::sweep(Shard& shard, const BucketSpec& spec, Clock::time_point now)
{
    // A bucket that would be full by now carries no state worth keeping.
    const double rate = std::max(spec.ratePerSecond, 1e-9);
    std::erase_if(shard.buckets, [&](const auto& entry) {
        const double elapsed = std::chrono::duration<double>(now - entry.second.updated).count();
        return entry.second.tokens + elapsed * rate >= spec.burst;
    });
}

std::size_t RateLimiter::bucketCount() const
{
    std::size_t n = 0;
    for (const Shard& shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        n += shard.buckets.size();
    }
    return n;
}

} // namespace raysec::ratelimit
