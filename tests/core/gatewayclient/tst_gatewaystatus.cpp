#include "core/gatewayclient/FakeGatewayAdmin.h"
#include "core/gatewayclient/GatewayStatus.h"
#include "support/TestMain.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <map>

using raysec::GatewayStatus;
using raysec::GatewayStatusReport;
using FakeAdmin = raysec::test::FakeGatewayAdmin;

namespace {

const QByteArray metrics = "# TYPE raysec_gateway_bundle_version gauge\n"
                           "raysec_gateway_bundle_version{bundle=\"registry\"} 12\n"
                           "raysec_gateway_bundle_version{bundle=\"policy\"} 2\n"
                           "raysec_gateway_connections 3\n";

} // namespace

class TestGatewayStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void fetchesHealthAndMetrics()
    {
        FakeAdmin admin;
        admin.set("/-/healthz", {{200, "ok\n"}});
        admin.set("/metrics", {{200, metrics}});
        GatewayStatus status;
        QSignalSpy fetched(&status, &GatewayStatus::fetched);
        QSignalSpy failed(&status, &GatewayStatus::failed);
        QVERIFY(status.fetch(admin.address()).has_value());
        QVERIFY(status.busy());
        QVERIFY(fetched.wait(5000));
        QCOMPARE(failed.count(), 0);
        const auto report = fetched.at(0).at(0).value<GatewayStatusReport>();
        QVERIFY(report.healthy);
        QCOMPARE(report.health, QStringLiteral("ok"));
        QCOMPARE(report.bundleVersions.at(QStringLiteral("registry")), 12);
        QCOMPARE(report.bundleVersions.at(QStringLiteral("policy")), 2);
        QCOMPARE(report.connections, 3.0);
        QCOMPARE(report.metrics.samples.size(), std::size_t(3));
        QVERIFY(!status.busy());
    }

    void unhealthyGatewayStillReportsMetrics()
    {
        FakeAdmin admin;
        admin.set("/-/healthz", {{503, "starting"}});
        admin.set("/metrics", {{200, metrics}});
        GatewayStatus status;
        QSignalSpy fetched(&status, &GatewayStatus::fetched);
        QVERIFY(status.fetch(admin.address()).has_value());
        QVERIFY(fetched.wait(5000));
        const auto report = fetched.at(0).at(0).value<GatewayStatusReport>();
        QVERIFY(!report.healthy);
        QVERIFY(report.health.contains(QStringLiteral("503")));
    }

    void badAnswersFail_data()
    {
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("not found")
            << 404 << QByteArray("{}") << QStringLiteral("gateway.metrics-http");
        QTest::newRow("html") << 200 << QByteArray("<html>proxy error</html>")
                              << QStringLiteral("prometheus.malformed");
        QTest::newRow("empty") << 200 << QByteArray() << QStringLiteral("prometheus.empty");
        QTest::newRow("too large")
            << 200 << QByteArray("m 1\n").repeated(int(GatewayStatus::maxMetricsBytes / 4 + 1024))
            << QStringLiteral("prometheus.too-large");
    }

    void badAnswersFail()
    {
        QFETCH(int, httpStatus);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        FakeAdmin admin;
        admin.set("/-/healthz", {{200, "ok"}});
        admin.set("/metrics", {{httpStatus, body}});
        GatewayStatus status;
        QSignalSpy fetched(&status, &GatewayStatus::fetched);
        QSignalSpy failed(&status, &GatewayStatus::failed);
        QVERIFY(status.fetch(admin.address()).has_value());
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.at(0).at(0).value<raysec::Error>().code, code);
        QTest::qWait(50);
        QCOMPARE(fetched.count(), 0);
        QCOMPARE(failed.count(), 1);
    }

    void silentListenerTimesOut()
    {
        FakeAdmin admin; // accepts connections, never answers
        GatewayStatus status;
        status.setTimeout(std::chrono::milliseconds(300));
        QSignalSpy failed(&status, &GatewayStatus::failed);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(status.fetch(admin.address()).has_value());
        QVERIFY(failed.wait(5000));
        QVERIFY(timer.elapsed() < 3000);
        QCOMPARE(failed.at(0).at(0).value<raysec::Error>().code,
                 QStringLiteral("gateway.unreachable"));
        QVERIFY(!status.busy());
    }

    void closedPortIsUnreachable()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString address = QStringLiteral("127.0.0.1:%1").arg(probe.serverPort());
        probe.close();
        GatewayStatus status;
        QSignalSpy failed(&status, &GatewayStatus::failed);
        QVERIFY(status.fetch(address).has_value());
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(0).value<raysec::Error>().code,
                 QStringLiteral("gateway.unreachable"));
    }

    void onlyLoopbackAddresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("ipv4 loopback") << QStringLiteral("127.0.0.1:9464") << true;
        QTest::newRow("other loopback") << QStringLiteral("127.8.0.1:9464") << true;
        QTest::newRow("ipv6 loopback") << QStringLiteral("[::1]:9464") << true;
        QTest::newRow("private network") << QStringLiteral("192.168.1.10:9464") << false;
        QTest::newRow("all addresses") << QStringLiteral("0.0.0.0:9464") << false;
        QTest::newRow("host name") << QStringLiteral("localhost:9464") << false;
        QTest::newRow("url") << QStringLiteral("http://127.0.0.1:9464") << false;
        QTest::newRow("no port") << QStringLiteral("127.0.0.1") << false;
        QTest::newRow("port zero") << QStringLiteral("127.0.0.1:0") << false;
        QTest::newRow("path") << QStringLiteral("127.0.0.1:9464/x") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void onlyLoopbackAddresses()
    {
        QFETCH(QString, address);
        QFETCH(bool, accepted);
        auto url = GatewayStatus::adminUrl(address);
        QCOMPARE(url.has_value(), accepted);
        if (accepted) {
            QCOMPARE(url->scheme(), QStringLiteral("http"));
            QVERIFY(url->port() == 9464);
        } else {
            QCOMPARE(url.error().code, QStringLiteral("gateway.admin-not-loopback"));
            GatewayStatus status;
            QVERIFY(!status.fetch(address).has_value());
            QVERIFY(!status.busy());
        }
    }
};

QTEST_GUILESS_MAIN(TestGatewayStatus)
#include "tst_gatewaystatus.moc"
