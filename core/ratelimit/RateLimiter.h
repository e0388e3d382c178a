#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace raysec::ratelimit {

// A token bucket: `burst` requests at once, refilled at `ratePerSecond`.
struct BucketSpec
{
    double ratePerSecond = 10;
    double burst = 20;
};

// Rate-limit policy: per client address before authentication, and per API key by the key's
// tier and the route's class ("read", "submit", ...; "*" is the tier's default).
struct RateLimitSettings
{
    bool shadow = false; // count would-be refusals, refuse nothing
    BucketSpec perAddress{50, 100};
    std::map<std::string, std::map<std::string, BucketSpec>, std::less<>> tiers{
        {"default", {{"*", {10, 20}}}}};

    const BucketSpec& specFor(std::string_view tier, std::string_view routeClass) const;
};

// What one check decided, with the numbers the RateLimit header fields need.
struct RateDecision
{
    bool allowed = true;
    bool shadowRefused = false; // shadow mode: would have been refused
    std::string policyName;
    double limit = 0;                   // bucket size (q)
    double windowSeconds = 0;           // time to refill an empty bucket (w)
    std::int64_t remaining = 0;         // whole tokens left (r)
    std::int64_t resetSeconds = 0;      // until the bucket is full again (t)
    std::int64_t retryAfterSeconds = 0; // until one token is available, when refused
};

// Thread-safe token buckets keyed by a string, sharded so that worker threads rarely contend.
// Buckets that have refilled completely are dropped when a shard grows large.
class RateLimiter
{
public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(RateLimitSettings settings = {});

    RateDecision checkAddress(std::string_view address, Clock::time_point now = Clock::now());
    RateDecision checkKey(std::string_view keyId, std::string_view tier,
                          std::string_view routeClass, Clock::time_point now = Clock::now());

    const RateLimitSettings& settings() const { return m_settings; }
    std::size_t bucketCount() const;

private:
    struct Bucket
    {
        double tokens = 0;
        Clock::time_point updated;
    };
    struct Shard
    {
        mutable std::mutex mutex;
        std::unordered_map<std::string, Bucket> buckets;
    };

    RateDecision take(const std::string& key, const BucketSpec& spec, std::string_view policy,
                      Clock::time_point now);
    void sweep(Shard& shard, const BucketSpec& spec, Clock::time_point now);

    RateLimitSettings m_settings;
    std::array<Shard, 64> m_shards;
};

} // namespace raysec::ratelimit
