#include "gateway/Metrics.h"
#include "support/TestMain.h"

#include <QTest>

#include <thread>

using namespace raysec::gateway;

// The Prometheus text of the gateway's metrics: per-key histograms, dropping the series of
// keys that went away, and the quota gauges.
class TestGatewayServerMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    // Requests with a key also go into a histogram per key; requests without one do not.
    void latencyHistogramPerKey()
    {
        Metrics metrics;
        metrics.recordRequest("jobs-read", "rsk_a", 200, std::chrono::microseconds(300));
        metrics.recordRequest("jobs-read", "rsk_a", 200, std::chrono::microseconds(20000));
        metrics.recordRequest("health", "", 200, std::chrono::microseconds(100));
        const QString text = QString::fromStdString(metrics.prometheusText());
        const QString family = QStringLiteral("raysec_gateway_key_request_duration_seconds");
        QVERIFY(text.contains(QStringLiteral("# TYPE %1 histogram\n").arg(family)));
        QVERIFY(text.contains(family + QStringLiteral("_bucket{key=\"rsk_a\",le=\"0.0005\"} 1\n")));
        QVERIFY(text.contains(family + QStringLiteral("_bucket{key=\"rsk_a\",le=\"0.025\"} 2\n")));
        QVERIFY(text.contains(family + QStringLiteral("_count{key=\"rsk_a\"} 2\n")));
        QVERIFY(!text.contains(family + QStringLiteral("_count{key=\"\"}")));
        // The per-route histogram still counts all three.
        QVERIFY(text.contains(QStringLiteral(
            "raysec_gateway_request_duration_seconds_count{route=\"jobs-read\"} 2\n")));
        QVERIFY(text.contains(
            QStringLiteral("raysec_gateway_request_duration_seconds_count{route=\"health\"} 1\n")));
    }

    // When a new registry drops or revokes a key, its series go; series without a key stay.
    void metricsOfDroppedKeysAreForgotten()
    {
        Metrics metrics;
        metrics.recordRequest("jobs-read", "rsk_a", 200, std::chrono::microseconds(300));
        metrics.recordRequest("jobs-read", "rsk_b", 429, std::chrono::microseconds(300));
        metrics.recordRequest("health", "", 200, std::chrono::microseconds(100));
        // Another thread writes to another shard.
        std::thread([&] {
            metrics.recordRequest("jobs-submit", "rsk_b", 200, std::chrono::microseconds(900));
            metrics.recordRequest("jobs-submit", "rsk_a", 200, std::chrono::microseconds(900));
        }).join();
        QCOMPARE(metrics.forgetKeys([](std::string_view id) { return id == "rsk_a"; }),
                 std::size_t(1));
        const QString text = QString::fromStdString(metrics.prometheusText());
        QVERIFY(!text.contains(QStringLiteral("rsk_b")));
        QVERIFY(text.contains(QStringLiteral("raysec_gateway_requests_total{route=\"jobs-read\","
                                             "key=\"rsk_a\",status=\"200\"} 1\n")));
        QVERIFY(text.contains(QStringLiteral("raysec_gateway_requests_total{route=\"jobs-submit\","
                                             "key=\"rsk_a\",status=\"200\"} 1\n")));
        QVERIFY(text.contains(QStringLiteral(
            "raysec_gateway_key_request_duration_seconds_count{key=\"rsk_a\"} 2\n")));
        QVERIFY(text.contains(QStringLiteral("route=\"health\"")));
        // The per-route histograms keep every request, the dropped key's too.
        QVERIFY(text.contains(QStringLiteral(
            "raysec_gateway_request_duration_seconds_count{route=\"jobs-read\"} 2\n")));
        QCOMPARE(metrics.forgetKeys([](std::string_view) { return true; }), std::size_t(0));
    }

    void quotaGaugesCarryTheHardLimitWhenSet()
    {
        Metrics metrics;
        metrics.setQuotaUsage("ml", "CPU", 12, 16.0);
        metrics.setQuotaUsage("ml", "GPU", 1, std::nullopt);
        const QString text = QString::fromStdString(metrics.prometheusText());
        QVERIFY(text.contains(
            QStringLiteral("raysec_gateway_quota_used{team=\"ml\",resource=\"CPU\"} 12\n")));
        QVERIFY(text.contains(
            QStringLiteral("raysec_gateway_quota_hard_limit{team=\"ml\",resource=\"CPU\"} 16\n")));
        QVERIFY(text.contains(
            QStringLiteral("raysec_gateway_quota_used{team=\"ml\",resource=\"GPU\"} 1\n")));
        QVERIFY(!text.contains(
            QStringLiteral("raysec_gateway_quota_hard_limit{team=\"ml\",resource=\"GPU\"}")));
        // Each family's samples follow its own TYPE line.
        const qsizetype type =
            text.indexOf(QStringLiteral("# TYPE raysec_gateway_quota_hard_limit"));
        QVERIFY(type > text.lastIndexOf(QStringLiteral("raysec_gateway_quota_used{")));
        QVERIFY(type < text.indexOf(QStringLiteral("raysec_gateway_quota_hard_limit{")));
    }
};

QTEST_GUILESS_MAIN(TestGatewayServerMetrics)
#include "tst_gateway_metrics.moc"
