#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>

namespace raysec::gateway {

// Counters and latency histograms per route class and per API key in Prometheus' text format,
// for the loopback admin listener. Writes go to one of several shards picked by thread, so worker
// threads do not contend; a scrape adds the shards up.
class Metrics
{
public:
    void recordRequest(std::string_view routeClass, std::string_view keyId, int status,
                       std::chrono::microseconds latency);
    void recordRateLimited(std::string_view policy, bool shadow);
    void recordDecision(std::string_view reason);
    void setBundleVersion(std::string_view bundle, std::int64_t version);
    // hardLimit is empty when the team's policy sets no hard limit for the resource.
    void setQuotaUsage(std::string_view team, std::string_view resource, double used,
                       std::optional<double> hardLimit);
    void setActiveConnections(std::int64_t delta);
    // Drops every series of the API keys for which keep() is false (requests and latency by
    // key); series without a key stay. Returns how many keys were dropped.
    std::size_t forgetKeys(const std::function<bool(std::string_view)>& keep);

    std::string prometheusText() const;

    static constexpr std::array<double, 12> latencyBuckets = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5};

private:
    using RequestKey = std::tuple<std::string, std::string, int>;
    struct Histogram
    {
        std::array<std::uint64_t, latencyBuckets.size() + 1> buckets{}; // not cumulative
        double sum = 0;
        std::uint64_t count = 0;
    };
    struct Shard
    {
        mutable std::mutex mutex;
        std::map<RequestKey, std::uint64_t, std::less<>> requests;
        std::map<std::pair<std::string, bool>, std::uint64_t> rateLimited;
        std::map<std::string, std::uint64_t> decisions;
        std::map<std::string, Histogram, std::less<>> latency;    // by route class
        std::map<std::string, Histogram, std::less<>> keyLatency; // by API key id
    };
    using Histograms = std::map<std::string, Histogram, std::less<>>;

    Shard& shard();

    std::array<Shard, 8> m_shards;
    mutable std::mutex m_gaugeMutex;
    std::map<std::string, std::int64_t> m_bundleVersions;
    std::map<std::pair<std::string, std::string>, std::pair<double, std::optional<double>>> m_quota;
    std::atomic<std::int64_t> m_connections{0};
};

} // namespace raysec::gateway
