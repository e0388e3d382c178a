#include "core/gatewayclient/PrometheusParser.h"
#include "support/TestMain.h"

#include <QTest>

#include <cmath>

using raysec::PrometheusParser;

class TestPrometheusParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void readsTheGatewaysExposition()
    {
        const QByteArray text =
            "# HELP raysec_gateway_requests_total Requests by route class, API key and status.\n"
            "# TYPE raysec_gateway_requests_total counter\n"
            "raysec_gateway_requests_total{route=\"jobs-read\",key=\"k_1\",status=\"200\"} 12\n"
            "raysec_gateway_requests_total{route=\"invalid\",key=\"\",status=\"400\"} 3\n"
            "# TYPE raysec_gateway_request_duration_seconds histogram\n"
            "raysec_gateway_request_duration_seconds_bucket{le=\"0.005\"} 4\n"
            "raysec_gateway_request_duration_seconds_bucket{le=\"+Inf\"} 15\n"
            "raysec_gateway_request_duration_seconds_sum 1.5e-1\n"
            "raysec_gateway_request_duration_seconds_count 15\n"
            "raysec_gateway_bundle_version{bundle=\"registry\"} 7 1700000000000\n"
            "weird{path=\"a\\\\b \\\"q\\\"\\nx\",} NaN\n"
            "# a plain comment\n"
            "\n"
            "raysec_gateway_connections 2";
        auto scrape = PrometheusParser::parse(text);
        QVERIFY2(scrape.has_value(), qPrintable(scrape ? QString() : scrape.error().message));
        QCOMPARE(scrape->samples.size(), std::size_t(9));
        QCOMPARE(scrape->types.at(QStringLiteral("raysec_gateway_request_duration_seconds")),
                 QStringLiteral("histogram"));
        const auto& first = scrape->samples.front();
        QCOMPARE(first.name, QStringLiteral("raysec_gateway_requests_total"));
        QCOMPARE(first.label(QStringLiteral("route")), QStringLiteral("jobs-read"));
        QCOMPARE(first.label(QStringLiteral("key")), QStringLiteral("k_1"));
        QCOMPARE(first.value, 12.0);
        QCOMPARE(scrape->samples[1].label(QStringLiteral("key")), QString());
        QCOMPARE(scrape->samples[3].label(QStringLiteral("le")), QStringLiteral("+Inf"));
        QCOMPARE(scrape->samples[3].value, 15.0);
        QCOMPARE(scrape->samples[4].value, 0.15);
        QCOMPARE(scrape->value(QStringLiteral("raysec_gateway_bundle_version"),
                               {{QStringLiteral("bundle"), QStringLiteral("registry")}}),
                 std::optional(7.0));
        QCOMPARE(scrape->samples[7].label(QStringLiteral("path")), QStringLiteral("a\\b \"q\"\nx"));
        QVERIFY(std::isnan(scrape->samples[7].value));
        QCOMPARE(scrape->value(QStringLiteral("raysec_gateway_connections")), std::optional(2.0));
        QVERIFY(scrape->takenAt.isValid());
    }

    void readsSpecialValues()
    {
        auto scrape = PrometheusParser::parse("a +Inf\nb -Inf\nc +1.5\nd -2e3\n");
        QVERIFY(scrape.has_value());
        QVERIFY(std::isinf(scrape->samples[0].value) && scrape->samples[0].value > 0);
        QVERIFY(std::isinf(scrape->samples[1].value) && scrape->samples[1].value < 0);
        QCOMPARE(scrape->samples[2].value, 1.5);
        QCOMPARE(scrape->samples[3].value, -2000.0);
    }

    void refusesMalformedText_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("line");
        const QString bad = QStringLiteral("prometheus.malformed");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("prometheus.empty") << 0;
        QTest::newRow("only comments")
            << QByteArray("# HELP x y\n\n") << QStringLiteral("prometheus.empty") << 0;
        QTest::newRow("html error page")
            << QByteArray("<html><body>502</body></html>\n") << bad << 1;
        QTest::newRow("no value") << QByteArray("a 1\nmetric\n") << bad << 2;
        QTest::newRow("value only spaces") << QByteArray("metric   ") << bad << 1;
        QTest::newRow("value not a number") << QByteArray("metric one") << bad << 1;
        QTest::newRow("hex value") << QByteArray("metric 0x10") << bad << 1;
        QTest::newRow("trailing junk") << QByteArray("metric 1 2 3") << bad << 1;
        QTest::newRow("bad timestamp") << QByteArray("metric 1 soon") << bad << 1;
        QTest::newRow("name starts with digit") << QByteArray("1metric 1") << bad << 1;
        QTest::newRow("unclosed labels") << QByteArray("m{a=\"1\" 1") << bad << 1;
        QTest::newRow("unquoted label") << QByteArray("m{a=1} 1") << bad << 1;
        QTest::newRow("unclosed quote") << QByteArray("m{a=\"1} 1") << bad << 1;
        QTest::newRow("bad escape") << QByteArray("m{a=\"\\t\"} 1") << bad << 1;
        QTest::newRow("label with colon") << QByteArray("m{a:b=\"1\"} 1") << bad << 1;
        QTest::newRow("duplicate label") << QByteArray("m{a=\"1\",a=\"2\"} 1") << bad << 1;
        QTest::newRow("missing comma") << QByteArray("m{a=\"1\" b=\"2\"} 1") << bad << 1;
        QTest::newRow("duplicate series") << QByteArray("m{a=\"1\"} 1\nm{a=\"1\"} 2\n") << bad << 2;
        QTest::newRow("unknown type") << QByteArray("# TYPE m meter\nm 1") << bad << 1;
        QTest::newRow("type declared twice")
            << QByteArray("# TYPE m gauge\n# TYPE m counter\nm 1") << bad << 2;
        QTest::newRow("carriage return") << QByteArray("m 1\r\n") << bad << 1;
        QTest::newRow("nul byte") << QByteArray("m 1\nn\0 2", 8) << bad << 2;
        QTest::newRow("no space before value") << QByteArray("m{a=\"1\"}1") << bad << 1;
    }

    void refusesMalformedText()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, code);
        QFETCH(int, line);
        auto scrape = PrometheusParser::parse(text);
        QVERIFY(!scrape.has_value());
        QCOMPARE(scrape.error().code, code);
        QVERIFY(!scrape.error().hint.isEmpty());
        if (line > 0) {
            QVERIFY2(scrape.error().message.contains(QStringLiteral("Line %1 ").arg(line)),
                     qPrintable(scrape.error().message));
        }
    }

    void refusesAnswersOverTheSizeCap()
    {
        QByteArray text;
        for (int i = 0; i < 100; ++i) {
            text += "m{i=\"" + QByteArray::number(i) + "\"} 1\n";
        }
        QVERIFY(PrometheusParser::parse(text, text.size()).has_value());
        auto tooLarge = PrometheusParser::parse(text, text.size() - 1);
        QVERIFY(!tooLarge.has_value());
        QCOMPARE(tooLarge.error().code, QStringLiteral("prometheus.too-large"));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusParser)
#include "tst_prometheusparser.moc"
