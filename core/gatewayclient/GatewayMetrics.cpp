#include "core/gatewayclient/GatewayMetrics.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::GatewayMetrics)
};

const QString requestsName = QStringLiteral("raysec_gateway_requests_total");
const QString limitedName = QStringLiteral("raysec_gateway_rate_limited_total");
const QString bucketName = QStringLiteral("raysec_gateway_request_duration_seconds_bucket");
const QString keyBucketName = QStringLiteral("raysec_gateway_key_request_duration_seconds_bucket");
const QString bundleName = QStringLiteral("raysec_gateway_bundle_version");

using SeriesKey = std::pair<QString, std::map<QString, QString>>;

// How much a counter grew between the scrapes. A series that is new or went down belongs to a
// gateway that started counting after `before`, so its whole value is new.
class CounterDeltas
{
public:
    explicit CounterDeltas(const PrometheusScrape& before)
    {
        for (const PrometheusSample& sample : before.samples) {
            m_before.emplace(SeriesKey{sample.name, sample.labels}, sample.value);
        }
    }

    double delta(const PrometheusSample& after) const
    {
        const auto it = m_before.find(SeriesKey{after.name, after.labels});
        if (it == m_before.end() || after.value < it->second) {
            return after.value;
        }
        return after.value - it->second;
    }

private:
    std::map<SeriesKey, double> m_before;
};

std::optional<double> bucketBound(const QString& le)
{
    if (le == QLatin1String("+Inf")) {
        return std::numeric_limits<double>::infinity();
    }
    bool ok = false;
    const double bound = le.toDouble(&ok);
    return ok ? std::optional(bound) : std::nullopt;
}

GatewayLatency percentiles(const std::map<double, double>& buckets)
{
    return {GatewayMetrics::quantile(0.50, buckets), GatewayMetrics::quantile(0.95, buckets),
            GatewayMetrics::quantile(0.99, buckets)};
}

// Bucket deltas of one histogram family, grouped by the value of `labelName` (an empty
// value when the series has no such label). Buckets map upper bounds to cumulative counts.
Result<std::map<QString, std::map<double, double>>> bucketDeltas(const CounterDeltas& deltas,
                                                                 const PrometheusScrape& after,
                                                                 const QString& family,
                                                                 const QString& labelName)
{
    std::map<QString, std::map<double, double>> grouped;
    for (const PrometheusSample* sample : after.named(family)) {
        const auto bound = bucketBound(sample->label(QStringLiteral("le")));
        if (!bound) {
            return fail(QStringLiteral("gateway.metrics-histogram"),
                        Text::tr("The latency histogram has a bucket without a numeric bound."),
                        Text::tr("Check that the address is the gateway's admin listener."));
        }
        grouped[sample->label(labelName)][*bound] += deltas.delta(*sample);
    }
    return grouped;
}

// The histogram has a series per route class (none on gateways that predate the label): the
// overall percentiles come from the buckets added up across routes. A second histogram has a
// series per API key.
Result<void> addLatency(const CounterDeltas& deltas, const PrometheusScrape& after,
                        GatewayRates& rates)
{
    auto byRoute = bucketDeltas(deltas, after, bucketName, QStringLiteral("route"));
    if (!byRoute) {
        return std::unexpected(byRoute.error());
    }
    std::map<double, double> all;
    for (const auto& [route, buckets] : *byRoute) {
        for (const auto& [bound, count] : buckets) {
            all[bound] += count;
        }
        if (!route.isEmpty()) {
            rates.routes[route].latency = percentiles(buckets);
        }
    }
    const GatewayLatency overall = percentiles(all);
    rates.p50 = overall.p50;
    rates.p95 = overall.p95;
    rates.p99 = overall.p99;
    auto byKey = bucketDeltas(deltas, after, keyBucketName, QStringLiteral("key"));
    if (!byKey) {
        return std::unexpected(byKey.error());
    }
    for (const auto& [key, buckets] : *byKey) {
        if (!key.isEmpty()) {
            rates.latencyPerKey[key] = percentiles(buckets);
        }
    }
    return {};
}

void addRequests(const CounterDeltas& deltas, const PrometheusScrape& after, GatewayRates& rates)
{
    for (const PrometheusSample* sample : after.named(requestsName)) {
        const double perSecond = deltas.delta(*sample) / rates.seconds;
        const QString key = sample->label(QStringLiteral("key"));
        rates.requestsPerSecond += perSecond;
        rates.requestsPerKey[key] += perSecond;
        GatewayRouteRates& route = rates.routes[sample->label(QStringLiteral("route"))];
        route.requestsPerSecond += perSecond;
        if (sample->label(QStringLiteral("status")) == QLatin1String("429")) {
            rates.tooManyPerSecond += perSecond;
            rates.tooManyPerKey[key] += perSecond;
            route.tooManyPerSecond += perSecond;
        }
    }
    for (const PrometheusSample* sample : after.named(limitedName)) {
        if (sample->label(QStringLiteral("shadow")) == QLatin1String("true")) {
            rates.shadowLimitedPerSecond += deltas.delta(*sample) / rates.seconds;
        }
    }
}

std::vector<GatewayTalker> topTalkers(const GatewayRates& rates, std::size_t count)
{
    std::vector<GatewayTalker> talkers;
    for (const auto& [key, perSecond] : rates.requestsPerKey) {
        if (perSecond > 0) {
            const auto limited = rates.tooManyPerKey.find(key);
            const auto latency = rates.latencyPerKey.find(key);
            talkers.push_back(
                {key, perSecond, limited == rates.tooManyPerKey.end() ? 0.0 : limited->second,
                 latency == rates.latencyPerKey.end() ? GatewayLatency() : latency->second});
        }
    }
    std::stable_sort(talkers.begin(), talkers.end(), [](const auto& a, const auto& b) {
        return a.requestsPerSecond > b.requestsPerSecond;
    });
    if (talkers.size() > count) {
        talkers.resize(count);
    }
    return talkers;
}

} // namespace

Result<GatewayRates> GatewayMetrics::rates(const PrometheusScrape& before,
                                           const PrometheusScrape& after, std::size_t count)
{
    GatewayRates rates;
    rates.seconds = double(before.takenAt.msecsTo(after.takenAt)) / 1000.0;
    if (!before.takenAt.isValid() || !after.takenAt.isValid() || rates.seconds <= 0) {
        return fail(QStringLiteral("gateway.metrics-interval"),
                    Text::tr("The two metrics scrapes were not taken one after the other."),
                    Text::tr("Scrape again after a pause of at least a second."));
    }
    const CounterDeltas deltas(before);
    addRequests(deltas, after, rates);
    if (auto ok = addLatency(deltas, after, rates); !ok) {
        return std::unexpected(ok.error());
    }
    rates.topTalkers = topTalkers(rates, count);
    return rates;
}

std::optional<double> GatewayMetrics::quantile(double q, const std::map<double, double>& buckets)
{
    if (buckets.empty() || !std::isinf(buckets.rbegin()->first)) {
        return std::nullopt;
    }
    const double total = buckets.rbegin()->second;
    if (!(total > 0) || q < 0 || q > 1) {
        return std::nullopt;
    }
    const double rank = q * total;
    double lowerBound = 0;
    double lowerCount = 0;
    for (const auto& [bound, cumulative] : buckets) {
        if (cumulative >= rank && cumulative > lowerCount) {
            // The slowest bucket has no upper edge: its lower edge is the best answer there is.
            if (std::isinf(bound)) {
                return lowerBound;
            }
            return lowerBound +
                   (bound - lowerBound) * (rank - lowerCount) / (cumulative - lowerCount);
        }
        lowerBound = bound;
        lowerCount = cumulative;
    }
    return lowerBound;
}

std::map<QString, qint64> GatewayMetrics::bundleVersions(const PrometheusScrape& scrape)
{
    std::map<QString, qint64> versions;
    for (const PrometheusSample* sample : scrape.named(bundleName)) {
        versions[sample->label(QStringLiteral("bundle"))] = qint64(sample->value);
    }
    return versions;
}

Result<std::optional<GatewayRates>> GatewayMetrics::add(PrometheusScrape scrape)
{
    std::optional<GatewayRates> result;
    if (m_previous) {
        auto computed = rates(*m_previous, scrape);
        if (!computed) {
            return std::unexpected(computed.error());
        }
        for (const auto& [key, perSecond] : computed->requestsPerKey) {
            if (perSecond > 0 && !key.isEmpty()) {
                m_lastUsed[key] = scrape.takenAt;
            }
        }
        result = std::move(*computed);
    }
    m_previous = std::move(scrape);
    return result;
}

} // namespace raysec
