#include "gateway/Metrics.h"

#include <functional>
#include <set>
#include <sstream>
#include <thread>

namespace raysec::gateway {

namespace {

// Label values come from key ids and route names; escape them as the text format requires.
std::string label(std::string_view value)
{
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\' || c == '"') {
            out.push_back('\\');
            out.push_back(c);
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out.push_back(c);
        }
    }
    return out;
}

template <typename Histograms>
void observe(Histograms& histograms, std::string_view name, std::size_t bucket, double seconds)
{
    auto it = histograms.find(name);
    if (it == histograms.end()) {
        it = histograms.emplace(std::string(name), typename Histograms::mapped_type{}).first;
    }
    ++it->second.buckets[bucket];
    it->second.sum += seconds;
    ++it->second.count;
}

template <typename Histograms>
void addUp(Histograms& total, const Histograms& shard)
{
    for (const auto& [name, h] : shard) {
        auto& sum = total[name];
        for (std::size_t i = 0; i < h.buckets.size(); ++i) {
            sum.buckets[i] += h.buckets[i];
        }
        sum.sum += h.sum;
        sum.count += h.count;
    }
}

// One histogram family with a series per value of `labelName`.
template <typename Histograms, typename Bounds>
void writeHistograms(std::ostringstream& out, std::string_view family, std::string_view help,
                     std::string_view labelName, const Histograms& histograms, const Bounds& bounds)
{
    out << "# HELP " << family << " " << help << "\n# TYPE " << family << " histogram\n";
    for (const auto& [name, h] : histograms) {
        const std::string series = std::string(labelName) + "=\"" + label(name) + "\"";
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < bounds.size(); ++i) {
            cumulative += h.buckets[i];
            out << family << "_bucket{" << series << ",le=\"" << bounds[i] << "\"} " << cumulative
                << "\n";
        }
        out << family << "_bucket{" << series << ",le=\"+Inf\"} " << h.count << "\n"
            << family << "_sum{" << series << "} " << h.sum << "\n"
            << family << "_count{" << series << "} " << h.count << "\n";
    }
}

} // namespace

Metrics::Shard& Metrics::shard()
{
    static thread_local const std::size_t index =
        std::hash<std::thread::id>{}(std::this_thread::get_id()) % 8;
    return m_shards[index];
}

void Metrics::recordRequest(std::string_view routeClass, std::string_view keyId, int status,
                            std::chrono::microseconds latency)
{
    Shard& s = shard();
    const double seconds = double(latency.count()) / 1e6;
    std::lock_guard lock(s.mutex);
    // Looked up by views first: the strings are made only for a combination not seen before.
    const auto it = s.requests.find(std::tuple(routeClass, keyId, status));
    if (it != s.requests.end()) {
        ++it->second;
    } else {
        s.requests.emplace(RequestKey(std::string(routeClass), std::string(keyId), status), 1);
    }
    std::size_t bucket = 0;
    while (bucket < latencyBuckets.size() && seconds > latencyBuckets[bucket]) {
        ++bucket;
    }
    observe(s.latency, routeClass, bucket, seconds);
    if (!keyId.empty()) {
        observe(s.keyLatency, keyId, bucket, seconds);
    }
}

std::size_t Metrics::forgetKeys(const std::function<bool(std::string_view)>& keep)
{
    std::set<std::string, std::less<>> dropped;
    for (Shard& s : m_shards) {
        std::lock_guard lock(s.mutex);
        for (auto it = s.keyLatency.begin(); it != s.keyLatency.end();) {
            if (keep(it->first)) {
                ++it;
            } else {
                dropped.insert(it->first);
                it = s.keyLatency.erase(it);
            }
        }
        for (auto it = s.requests.begin(); it != s.requests.end();) {
            const std::string& keyId = std::get<1>(it->first);
            if (keyId.empty() || keep(keyId)) {
                ++it;
            } else {
                dropped.insert(keyId);
                it = s.requests.erase(it);
            }
        }
    }
    return dropped.size();
}

void Metrics::recordRateLimited(std::string_view policy, bool shadow)
{
    Shard& s = shard();
    std::lock_guard lock(s.mutex);
    ++s.rateLimited[{std::string(policy), shadow}];
}

void Metrics::recordDecision(std::string_view reason)
{
    Shard& s = shard();
    std::lock_guard lock(s.mutex);
    ++s.decisions[std::string(reason)];
}

void Metrics::setBundleVersion(std::string_view bundle, std::int64_t version)
{
    std::lock_guard lock(m_gaugeMutex);
    m_bundleVersions[std::string(bundle)] = version;
}

void Metrics::setQuotaUsage(std::string_view team, std::string_view resource, double used,
                            std::optional<double> hardLimit)
{
    std::lock_guard lock(m_gaugeMutex);
    m_quota[{std::string(team), std::string(resource)}] = {used, hardLimit};
}

void Metrics::setActiveConnections(std::int64_t delta)
{
    m_connections.fetch_add(delta, std::memory_order_relaxed);
}

std::string Metrics::prometheusText() const
{
    std::map<RequestKey, std::uint64_t> requests;
    std::map<std::pair<std::string, bool>, std::uint64_t> limited;
    std::map<std::string, std::uint64_t> decisions;
    Histograms latency;
    Histograms keyLatency;
    for (const Shard& s : m_shards) {
        std::lock_guard lock(s.mutex);
        for (const auto& [k, v] : s.requests) {
            requests[k] += v;
        }
        for (const auto& [k, v] : s.rateLimited) {
            limited[k] += v;
        }
        for (const auto& [k, v] : s.decisions) {
            decisions[k] += v;
        }
        addUp(latency, s.latency);
        addUp(keyLatency, s.keyLatency);
    }

    std::ostringstream out;
    out << "# HELP raysec_gateway_requests_total Requests by route class, API key and status.\n"
           "# TYPE raysec_gateway_requests_total counter\n";
    for (const auto& [k, v] : requests) {
        out << "raysec_gateway_requests_total{route=\"" << label(std::get<0>(k)) << "\",key=\""
            << label(std::get<1>(k)) << "\",status=\"" << std::get<2>(k) << "\"} " << v << "\n";
    }
    out << "# HELP raysec_gateway_rate_limited_total Requests over a rate limit.\n"
           "# TYPE raysec_gateway_rate_limited_total counter\n";
    for (const auto& [k, v] : limited) {
        out << "raysec_gateway_rate_limited_total{policy=\"" << label(k.first) << "\",shadow=\""
            << (k.second ? "true" : "false") << "\"} " << v << "\n";
    }
    out << "# HELP raysec_gateway_decisions_total Refusals by reason.\n"
           "# TYPE raysec_gateway_decisions_total counter\n";
    for (const auto& [k, v] : decisions) {
        out << "raysec_gateway_decisions_total{reason=\"" << label(k) << "\"} " << v << "\n";
    }
    writeHistograms(out, "raysec_gateway_request_duration_seconds",
                    "Time from request to response, by route class.", "route", latency,
                    latencyBuckets);
    writeHistograms(out, "raysec_gateway_key_request_duration_seconds",
                    "Time from request to response, by API key.", "key", keyLatency,
                    latencyBuckets);

    std::lock_guard lock(m_gaugeMutex);
    out << "# HELP raysec_gateway_bundle_version Version of each loaded signed bundle.\n"
           "# TYPE raysec_gateway_bundle_version gauge\n";
    for (const auto& [k, v] : m_bundleVersions) {
        out << "raysec_gateway_bundle_version{bundle=\"" << label(k) << "\"} " << v << "\n";
    }
    out << "# HELP raysec_gateway_quota_used Current usage per team and resource.\n"
           "# TYPE raysec_gateway_quota_used gauge\n";
    for (const auto& [k, v] : m_quota) {
        out << "raysec_gateway_quota_used{team=\"" << label(k.first) << "\",resource=\""
            << label(k.second) << "\"} " << v.first << "\n";
    }
    // A family's samples stay together, as the text format asks; unset limits are left out.
    out << "# HELP raysec_gateway_quota_hard_limit Hard quota per team and resource.\n"
           "# TYPE raysec_gateway_quota_hard_limit gauge\n";
    for (const auto& [k, v] : m_quota) {
        if (v.second) {
            out << "raysec_gateway_quota_hard_limit{team=\"" << label(k.first) << "\",resource=\""
                << label(k.second) << "\"} " << *v.second << "\n";
        }
    }
    out << "# TYPE raysec_gateway_connections gauge\nraysec_gateway_connections "
        << m_connections.load(std::memory_order_relaxed) << "\n";
    return out.str();
}

} // namespace raysec::gateway
