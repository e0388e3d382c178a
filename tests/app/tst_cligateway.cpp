#include "core/gatewayclient/FakeGatewayAdmin.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using raysec::test::FakeGatewayAdmin;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs raysec-cli without blocking the event loop, so the fake admin listener can answer it.
Run runCli(const QStringList& args)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(raysec::test::builtProgram(QStringLiteral("raysec-cli")), args);
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QStringList configArgs(const QString& folder)
{
    return {QStringLiteral("gateway"),        QStringLiteral("config"),
            QStringLiteral("--out"),          folder,
            QStringLiteral("--certificate"),  QStringLiteral("/etc/raysec-gateway/tls.crt"),
            QStringLiteral("--key"),          QStringLiteral("/etc/raysec-gateway/tls.key"),
            QStringLiteral("--public-key"),   QStringLiteral("/etc/raysec-gateway/console.pub"),
            QStringLiteral("--key-registry"), QStringLiteral("/etc/raysec-gateway/registry.json"),
            QStringLiteral("--audit-log"),    QStringLiteral("/var/log/raysec-gateway/audit.jsonl"),
            QStringLiteral("--tier"),         QStringLiteral("batch:logs=0.5/2")};
}

const QByteArray before = "raysec_gateway_requests_total{route=\"jobs-read\",key=\"k_a\","
                          "status=\"200\"} 100\n"
                          "raysec_gateway_requests_total{route=\"jobs-read\",key=\"k_b\","
                          "status=\"200\"} 10\n"
                          "raysec_gateway_request_duration_seconds_bucket{le=\"0.01\"} 0\n"
                          "raysec_gateway_request_duration_seconds_bucket{le=\"0.1\"} 0\n"
                          "raysec_gateway_request_duration_seconds_bucket{le=\"1\"} 0\n"
                          "raysec_gateway_request_duration_seconds_bucket{le=\"+Inf\"} 0\n"
                          "raysec_gateway_bundle_version{bundle=\"registry\"} 12\n"
                          "raysec_gateway_connections 1\n";

const QByteArray after = "raysec_gateway_requests_total{route=\"jobs-read\",key=\"k_a\","
                         "status=\"200\"} 300\n"
                         "raysec_gateway_requests_total{route=\"jobs-read\",key=\"k_b\","
                         "status=\"200\"} 30\n"
                         "raysec_gateway_requests_total{route=\"jobs-submit\",key=\"k_b\","
                         "status=\"429\"} 20\n"
                         "raysec_gateway_request_duration_seconds_bucket{le=\"0.01\"} 50\n"
                         "raysec_gateway_request_duration_seconds_bucket{le=\"0.1\"} 90\n"
                         "raysec_gateway_request_duration_seconds_bucket{le=\"1\"} 100\n"
                         "raysec_gateway_request_duration_seconds_bucket{le=\"+Inf\"} 100\n"
                         "raysec_gateway_bundle_version{bundle=\"registry\"} 12\n"
                         "raysec_gateway_connections 1\n";

} // namespace

// raysec-cli gateway config|status|metrics end to end, against a crafted admin listener.
class TestCliGateway : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void configWritesTheFolder()
    {
        QTemporaryDir dir;
        QStringList args = configArgs(dir.path());
        args << QStringLiteral("--json");
        const Run run = runCli(args);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto out = nlohmann::json::parse(run.out.toStdString());
        QCOMPARE(out["written"].size(), std::size_t(2));
        const auto config = nlohmann::json::parse(
            raysec::test::readFile(dir.filePath(QStringLiteral("gateway.json"))).toStdString());
        QCOMPARE(config["keyRegistry"].get<std::string>(),
                 std::string("/etc/raysec-gateway/registry.json"));
        QCOMPARE(config["rateLimits"]["tiers"]["batch"]["logs"]["rate"].get<double>(), 0.5);
        QCOMPARE(config["rateLimits"]["tiers"]["default"]["submit"]["burst"].get<double>(), 3.0);
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("policy.json.example"))));

        // A second run keeps the files it would overwrite.
        const Run again = runCli(configArgs(dir.path()));
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains("exists already"));
    }

    void configRefusesBadFields()
    {
        QTemporaryDir dir;
        QStringList args = configArgs(dir.path());
        args << QStringLiteral("--upstream") << QStringLiteral("10.1.2.3:8265");
        const Run run = runCli(args);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("upstream"), run.err.constData());
        QVERIFY(QDir(dir.path()).isEmpty());

        QStringList tier = configArgs(dir.path());
        tier << QStringLiteral("--tier") << QStringLiteral("default:read=fast");
        QCOMPARE(runCli(tier).exitCode, 1);
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    void statusPrintsHealthAndBundles()
    {
        FakeGatewayAdmin admin;
        admin.set("/-/healthz", {{200, "ok\n"}});
        admin.set("/metrics", {{200, before}});
        const Run run = runCli({QStringLiteral("gateway"), QStringLiteral("status"),
                                QStringLiteral("--admin"), admin.address()});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("registry version 12"), run.out.constData());
        QVERIFY(run.out.contains("healthy"));

        const Run json =
            runCli({QStringLiteral("gateway"), QStringLiteral("status"), QStringLiteral("--admin"),
                    admin.address(), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const auto out = nlohmann::json::parse(json.out.toStdString());
        QCOMPARE(out["healthy"].get<bool>(), true);
        QCOMPARE(out["bundles"]["registry"].get<int>(), 12);
    }

    void statusFailsWhenUnhealthyOrRefused()
    {
        FakeGatewayAdmin admin;
        admin.set("/-/healthz", {{503, "reloading"}});
        admin.set("/metrics", {{200, before}});
        const Run unhealthy = runCli({QStringLiteral("gateway"), QStringLiteral("status"),
                                      QStringLiteral("--admin"), admin.address()});
        QCOMPARE(unhealthy.exitCode, 1);
        QVERIFY(unhealthy.out.contains("NOT healthy"));

        const Run remote = runCli({QStringLiteral("gateway"), QStringLiteral("status"),
                                   QStringLiteral("--admin"), QStringLiteral("192.0.2.1:9464")});
        QCOMPARE(remote.exitCode, 1);
        QVERIFY(remote.err.contains("loopback"));
    }

    void metricsFromTwoScrapes()
    {
        FakeGatewayAdmin admin;
        admin.set("/-/healthz", {{200, "ok"}});
        admin.set("/metrics", {{200, before}, {200, after}});
        const Run run =
            runCli({QStringLiteral("gateway"), QStringLiteral("metrics"), QStringLiteral("--admin"),
                    admin.address(), QStringLiteral("--interval"), QStringLiteral("1"),
                    QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(admin.served("/metrics"), 2);
        const auto out = nlohmann::json::parse(run.out.toStdString());
        const double seconds = out["seconds"].get<double>();
        QVERIFY(seconds >= 1.0 && seconds < 30);
        QCOMPARE(out["perKey"]["k_a"].get<double>() * seconds, 200.0);
        QCOMPARE(out["perKey"]["k_b"].get<double>() * seconds, 40.0);
        QCOMPARE(out["tooManyPerKey"]["k_b"].get<double>() * seconds, 20.0);
        QCOMPARE(out["latencySeconds"]["p95"].get<double>(), 0.55);
        QCOMPARE(out["topTalkers"][0]["key"].get<std::string>(), std::string("k_a"));
    }

    void metricsAsText()
    {
        FakeGatewayAdmin admin;
        admin.set("/-/healthz", {{200, "ok"}});
        admin.set("/metrics", {{200, before}, {200, after}});
        const Run run =
            runCli({QStringLiteral("gateway"), QStringLiteral("metrics"), QStringLiteral("--admin"),
                    admin.address(), QStringLiteral("--interval"), QStringLiteral("1")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("jobs-submit"));
        QVERIFY(run.out.contains("k_a"));
        QVERIFY(run.out.contains("p95 550.0 ms"));
    }
};

QTEST_GUILESS_MAIN(TestCliGateway)
#include "tst_cligateway.moc"
