#pragma once

#include "core/common/Error.h"
#include "core/gatewayclient/PrometheusScrape.h"

#include <QDateTime>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace raysec {

// Latency percentiles in seconds; empty when no request finished between the scrapes.
struct GatewayLatency
{
    std::optional<double> p50;
    std::optional<double> p95;
    std::optional<double> p99;
};

// Traffic of one API key between two scrapes. The latency is empty for gateways that keep no
// histogram per key.
struct GatewayTalker
{
    QString key;
    double requestsPerSecond = 0;
    double tooManyPerSecond = 0;
    GatewayLatency latency;
};

// Traffic of one route class ("jobs-submit", ...) between two scrapes.
struct GatewayRouteRates
{
    double requestsPerSecond = 0;
    double tooManyPerSecond = 0;
    GatewayLatency latency;
};

// What happened at the gateway between two scrapes: per-second rates and latency percentiles.
struct GatewayRates
{
    double seconds = 0;
    double requestsPerSecond = 0;
    double tooManyPerSecond = 0;       // answers with status 429
    double shadowLimitedPerSecond = 0; // would-be refusals in shadow mode
    std::map<QString, double> requestsPerKey;
    std::map<QString, GatewayRouteRates> routes;
    std::map<QString, double> tooManyPerKey;
    std::map<QString, GatewayLatency> latencyPerKey;
    // Over all routes.
    std::optional<double> p50;
    std::optional<double> p95;
    std::optional<double> p99;
    std::vector<GatewayTalker> topTalkers; // busiest keys first
};

// Turns successive /metrics scrapes of raysec-gateway into rates, and remembers when each API
// key was last seen making a request. Counters that go down (a gateway restart) count from zero.
class GatewayMetrics
{
public:
    static constexpr std::size_t defaultTopTalkers = 10;

    // Rates between two scrapes of the same gateway; `after` must be taken later.
    static Result<GatewayRates> rates(const PrometheusScrape& before, const PrometheusScrape& after,
                                      std::size_t topTalkers = defaultTopTalkers);

    // The `quantile` (0..1) of the requests counted by the histogram deltas, interpolated
    // linearly inside a bucket as Prometheus' histogram_quantile() does. `buckets` maps upper
    // bounds (+Inf last) to cumulative counts.
    static std::optional<double> quantile(double quantile, const std::map<double, double>& buckets);

    // Bundle name -> version from raysec_gateway_bundle_version.
    static std::map<QString, qint64> bundleVersions(const PrometheusScrape& scrape);

    // Feeds the next scrape; returns the rates since the previous one (none for the first).
    Result<std::optional<GatewayRates>> add(PrometheusScrape scrape);
    // When each key id was last seen with new requests (the time of the scrape that showed it).
    const std::map<QString, QDateTime>& lastUsed() const { return m_lastUsed; }

private:
    std::optional<PrometheusScrape> m_previous;
    std::map<QString, QDateTime> m_lastUsed;
};

} // namespace raysec
