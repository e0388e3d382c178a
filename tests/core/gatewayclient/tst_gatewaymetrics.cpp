#include "core/gatewayclient/GatewayMetrics.h"
#include "core/gatewayclient/PrometheusParser.h"
#include "support/TestMain.h"

#include <QTest>

#include <limits>

using raysec::GatewayMetrics;
using raysec::PrometheusScrape;

namespace {

const QDateTime start = QDateTime(QDate(2026, 12, 3), QTime(18, 0), Qt::UTC);

PrometheusScrape scrape(const QByteArray& text, int secondsAfterStart)
{
    auto parsed = raysec::PrometheusParser::parse(text);
    if (!parsed) {
        qFatal("test scrape does not parse: %s", qPrintable(parsed.error().message));
    }
    parsed->takenAt = start.addSecs(secondsAfterStart);
    return *parsed;
}

const QByteArray before = R"(# TYPE raysec_gateway_requests_total counter
raysec_gateway_requests_total{route="jobs-read",key="k_a",status="200"} 100
raysec_gateway_requests_total{route="jobs-read",key="k_b",status="200"} 10
raysec_gateway_requests_total{route="logs-read",key="k_c",status="200"} 80
raysec_gateway_requests_total{route="jobs-read",key="k_d",status="200"} 7
raysec_gateway_rate_limited_total{policy="key",shadow="false"} 5
raysec_gateway_request_duration_seconds_bucket{le="0.01"} 10
raysec_gateway_request_duration_seconds_bucket{le="0.1"} 10
raysec_gateway_request_duration_seconds_bucket{le="1"} 10
raysec_gateway_request_duration_seconds_bucket{le="+Inf"} 10
raysec_gateway_bundle_version{bundle="registry"} 3
)";

// Ten seconds later: k_a made 200 requests, k_b 20 plus 50 refused with 429, k_c's counter went
// down (the gateway restarted) so its 5 are new, k_d did nothing.
const QByteArray after = R"(# TYPE raysec_gateway_requests_total counter
raysec_gateway_requests_total{route="jobs-read",key="k_a",status="200"} 300
raysec_gateway_requests_total{route="jobs-read",key="k_b",status="200"} 30
raysec_gateway_requests_total{route="jobs-submit",key="k_b",status="429"} 50
raysec_gateway_requests_total{route="logs-read",key="k_c",status="200"} 5
raysec_gateway_requests_total{route="jobs-read",key="k_d",status="200"} 7
raysec_gateway_rate_limited_total{policy="key",shadow="false"} 55
raysec_gateway_rate_limited_total{policy="address",shadow="true"} 30
raysec_gateway_request_duration_seconds_bucket{le="0.01"} 60
raysec_gateway_request_duration_seconds_bucket{le="0.1"} 100
raysec_gateway_request_duration_seconds_bucket{le="1"} 110
raysec_gateway_request_duration_seconds_bucket{le="+Inf"} 110
raysec_gateway_bundle_version{bundle="registry"} 4
raysec_gateway_bundle_version{bundle="policy"} 1
)";

} // namespace

class TestGatewayMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void ratesFromTwoScrapes()
    {
        auto rates = GatewayMetrics::rates(scrape(before, 0), scrape(after, 10));
        QVERIFY(rates.has_value());
        QCOMPARE(rates->seconds, 10.0);
        QCOMPARE(rates->requestsPerSecond, 27.5);
        QCOMPARE(rates->requestsPerKey.at(QStringLiteral("k_a")), 20.0);
        QCOMPARE(rates->requestsPerKey.at(QStringLiteral("k_b")), 7.0);
        QCOMPARE(rates->requestsPerKey.at(QStringLiteral("k_c")), 0.5);
        QCOMPARE(rates->requestsPerKey.at(QStringLiteral("k_d")), 0.0);
        QCOMPARE(rates->routes.at(QStringLiteral("jobs-read")).requestsPerSecond, 22.0);
        QCOMPARE(rates->routes.at(QStringLiteral("jobs-submit")).requestsPerSecond, 5.0);
        QCOMPARE(rates->routes.at(QStringLiteral("jobs-submit")).tooManyPerSecond, 5.0);
        QCOMPARE(rates->routes.at(QStringLiteral("jobs-read")).tooManyPerSecond, 0.0);
        QCOMPARE(rates->routes.at(QStringLiteral("logs-read")).requestsPerSecond, 0.5);
        QCOMPARE(rates->tooManyPerSecond, 5.0);
        QCOMPARE(rates->tooManyPerKey.at(QStringLiteral("k_b")), 5.0);
        QVERIFY(!rates->tooManyPerKey.contains(QStringLiteral("k_a")));
        QCOMPARE(rates->shadowLimitedPerSecond, 3.0);
    }

    void percentilesFromTheHistogramDeltas()
    {
        auto rates = GatewayMetrics::rates(scrape(before, 0), scrape(after, 10));
        QVERIFY(rates.has_value());
        // Deltas: 50 requests <= 10 ms, 90 <= 100 ms, 100 <= 1 s.
        QCOMPARE(rates->p50.value(), 0.01);
        QCOMPARE(rates->p95.value(), 0.55);
        QCOMPARE(rates->p99.value(), 0.91);
    }

    // A histogram per route: percentiles per route, and overall from the buckets added up.
    void percentilesPerRoute()
    {
        const QByteArray first =
            "raysec_gateway_request_duration_seconds_bucket{route=\"jobs-read\",le=\"0.01\"} 0\n"
            "raysec_gateway_request_duration_seconds_bucket{route=\"jobs-read\",le=\"+Inf\"} 0\n"
            "raysec_gateway_request_duration_seconds_bucket{route=\"jobs-submit\",le=\"0.01\"} 0\n"
            "raysec_gateway_request_duration_seconds_bucket{route=\"jobs-submit\",le=\"+Inf\"} 0\n";
        // jobs-read: 100 requests all within 10 ms; jobs-submit: 100, all slower than 10 ms.
        const QByteArray second =
            "raysec_gateway_request_duration_seconds_bucket{route=\"jobs-read\",le=\"0.01\"} 100\n"
            "raysec_gateway_request_duration_seconds_bucket{route=\"jobs-read\",le=\"+Inf\"} 100\n"
            "raysec_gateway_request_duration_seconds_bucket{route=\"jobs-submit\",le=\"0.01\"} 0\n"
            "raysec_gateway_request_duration_seconds_bucket{route=\"jobs-submit\",le=\"+Inf\"} "
            "100\n";
        auto rates = GatewayMetrics::rates(scrape(first, 0), scrape(second, 10));
        QVERIFY(rates.has_value());
        QCOMPARE(rates->routes.at(QStringLiteral("jobs-read")).latency.p99.value(), 0.0099);
        QCOMPARE(rates->routes.at(QStringLiteral("jobs-submit")).latency.p50.value(), 0.01);
        // Overall, half the 200 requests were within 10 ms.
        QCOMPARE(rates->p50.value(), 0.01);
        QCOMPARE(rates->p99.value(), 0.01);
    }

    // A second histogram per API key: the busiest keys carry their own percentiles.
    void percentilesPerKey()
    {
        const QByteArray first =
            "raysec_gateway_requests_total{route=\"jobs-read\",key=\"k_a\",status=\"200\"} 0\n"
            "raysec_gateway_requests_total{route=\"jobs-read\",key=\"k_b\",status=\"200\"} 0\n"
            "raysec_gateway_key_request_duration_seconds_bucket{key=\"k_a\",le=\"0.01\"} 0\n"
            "raysec_gateway_key_request_duration_seconds_bucket{key=\"k_a\",le=\"0.1\"} 0\n"
            "raysec_gateway_key_request_duration_seconds_bucket{key=\"k_a\",le=\"+Inf\"} 0\n";
        // k_a: 100 requests, 50 within 10 ms and 50 within 100 ms. k_b: 10 requests and no
        // histogram of its own (an older gateway).
        const QByteArray second =
            "raysec_gateway_requests_total{route=\"jobs-read\",key=\"k_a\",status=\"200\"} 100\n"
            "raysec_gateway_requests_total{route=\"jobs-read\",key=\"k_b\",status=\"200\"} 10\n"
            "raysec_gateway_key_request_duration_seconds_bucket{key=\"k_a\",le=\"0.01\"} 50\n"
            "raysec_gateway_key_request_duration_seconds_bucket{key=\"k_a\",le=\"0.1\"} 100\n"
            "raysec_gateway_key_request_duration_seconds_bucket{key=\"k_a\",le=\"+Inf\"} 100\n";
        auto rates = GatewayMetrics::rates(scrape(first, 0), scrape(second, 10));
        QVERIFY(rates.has_value());
        QCOMPARE(rates->latencyPerKey.at(QStringLiteral("k_a")).p50.value(), 0.01);
        QCOMPARE(rates->latencyPerKey.at(QStringLiteral("k_a")).p99.value(), 0.0982);
        QVERIFY(!rates->latencyPerKey.contains(QStringLiteral("k_b")));
        QCOMPARE(rates->topTalkers.size(), std::size_t(2));
        QCOMPARE(rates->topTalkers[0].key, QStringLiteral("k_a"));
        QCOMPARE(rates->topTalkers[0].latency.p99.value(), 0.0982);
        QVERIFY(!rates->topTalkers[1].latency.p99.has_value());
        // The per-key histogram is not counted again in the overall figures.
        QVERIFY(!rates->p99.has_value());
    }

    void badPerKeyBucketIsAnError()
    {
        const QByteArray bad =
            "raysec_gateway_key_request_duration_seconds_bucket{key=\"k_a\",le=\"soon\"} 1\n";
        auto rates = GatewayMetrics::rates(scrape(before, 0), scrape(bad, 10));
        QVERIFY(!rates.has_value());
        QCOMPARE(rates.error().code, QStringLiteral("gateway.metrics-histogram"));
    }

    void topTalkersBusiestFirst()
    {
        auto rates = GatewayMetrics::rates(scrape(before, 0), scrape(after, 10), 2);
        QVERIFY(rates.has_value());
        QCOMPARE(rates->topTalkers.size(), std::size_t(2));
        QCOMPARE(rates->topTalkers[0].key, QStringLiteral("k_a"));
        QCOMPARE(rates->topTalkers[0].tooManyPerSecond, 0.0);
        QCOMPARE(rates->topTalkers[1].key, QStringLiteral("k_b"));
        QCOMPARE(rates->topTalkers[1].tooManyPerSecond, 5.0);
    }

    void noTrafficHasNoPercentiles()
    {
        auto rates = GatewayMetrics::rates(scrape(before, 0), scrape(before, 5));
        QVERIFY(rates.has_value());
        QCOMPARE(rates->requestsPerSecond, 0.0);
        QVERIFY(!rates->p50.has_value());
        QVERIFY(rates->topTalkers.empty());
    }

    void scrapesOutOfOrderAreRefused()
    {
        auto rates = GatewayMetrics::rates(scrape(after, 10), scrape(before, 10));
        QVERIFY(!rates.has_value());
        QCOMPARE(rates.error().code, QStringLiteral("gateway.metrics-interval"));
    }

    void badHistogramBoundIsRefused()
    {
        const QByteArray text = "raysec_gateway_request_duration_seconds_bucket{le=\"fast\"} 1\n";
        auto rates = GatewayMetrics::rates(scrape(text, 0), scrape(text, 1));
        QVERIFY(!rates.has_value());
        QCOMPARE(rates.error().code, QStringLiteral("gateway.metrics-histogram"));
    }

    void quantiles_data()
    {
        QTest::addColumn<double>("q");
        QTest::addColumn<QList<double>>("counts"); // cumulative at 0.1, 0.5, 2, +Inf
        QTest::addColumn<double>("expected");
        QTest::newRow("median in first bucket") << 0.5 << QList<double>{10, 10, 10, 10} << 0.05;
        QTest::newRow("middle bucket") << 0.5 << QList<double>{0, 10, 10, 10} << 0.3;
        QTest::newRow("skips empty buckets") << 0.9 << QList<double>{5, 5, 10, 10} << 1.7;
        QTest::newRow("slowest bucket gives its lower edge")
            << 0.99 << QList<double>{0, 0, 0, 4} << 2.0;
        QTest::newRow("zero quantile") << 0.0 << QList<double>{0, 4, 4, 4} << 0.1;
    }

    void quantiles()
    {
        QFETCH(double, q);
        QFETCH(QList<double>, counts);
        QFETCH(double, expected);
        const std::map<double, double> buckets = {
            {0.1, counts[0]},
            {0.5, counts[1]},
            {2, counts[2]},
            {std::numeric_limits<double>::infinity(), counts[3]}};
        QCOMPARE(GatewayMetrics::quantile(q, buckets).value(), expected);
    }

    void quantileNeedsAnInfBucketAndRequests()
    {
        QVERIFY(!GatewayMetrics::quantile(0.5, {{0.1, 3}}).has_value());
        QVERIFY(!GatewayMetrics::quantile(0.5, {}).has_value());
        QVERIFY(!GatewayMetrics::quantile(0.5, {{std::numeric_limits<double>::infinity(), 0}})
                     .has_value());
    }

    void bundleVersionsAndLastUse()
    {
        QCOMPARE(GatewayMetrics::bundleVersions(scrape(after, 0)),
                 (std::map<QString, qint64>{{QStringLiteral("policy"), 1},
                                            {QStringLiteral("registry"), 4}}));
        GatewayMetrics metrics;
        auto first = metrics.add(scrape(before, 0));
        QVERIFY(first.has_value());
        QVERIFY(!first->has_value());
        QVERIFY(metrics.lastUsed().empty());

        auto second = metrics.add(scrape(after, 10));
        QVERIFY(second.has_value() && second->has_value());
        QCOMPARE((*second)->requestsPerSecond, 27.5);
        QCOMPARE(metrics.lastUsed().size(), std::size_t(3));
        QCOMPARE(metrics.lastUsed().at(QStringLiteral("k_a")), start.addSecs(10));
        QVERIFY(!metrics.lastUsed().contains(QStringLiteral("k_d")));
    }
};

QTEST_GUILESS_MAIN(TestGatewayMetrics)
#include "tst_gatewaymetrics.moc"
