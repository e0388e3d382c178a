#include "core/gatewayclient/GatewayConfig.h"
#include "core/gatewayclient/GatewayConfigWriter.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using raysec::GatewayConfig;
using raysec::GatewayConfigWriter;
using Edit = std::function<void(GatewayConfig&)>;
Q_DECLARE_METATYPE(Edit)

namespace {

GatewayConfig goodConfig()
{
    GatewayConfig c;
    c.certificate = QStringLiteral("/etc/raysec-gateway/tls.crt");
    c.key = QStringLiteral("/etc/raysec-gateway/tls.key");
    c.upstreamTokenFile = QStringLiteral("/etc/raysec-gateway/ray-token");
    c.publicKey = QStringLiteral("/etc/raysec-gateway/console.pub");
    c.keyRegistry = QStringLiteral("/etc/raysec-gateway/registry.json");
    c.userStore = QStringLiteral("/etc/raysec-gateway/users.json");
    c.policy = QStringLiteral("/etc/raysec-gateway/policy.json");
    c.auditLog = QStringLiteral("/var/log/raysec-gateway/audit.jsonl");
    c.rateLimits = GatewayConfig::defaultRateLimits();
    return c;
}

} // namespace

class TestGatewayConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void writtenFileRoundTrips()
    {
        QTemporaryDir dir;
        GatewayConfig config = goodConfig();
        config.rateLimits.shadow = true;
        config.rateLimits.tiers[QStringLiteral("batch")][QStringLiteral("logs")] = {0.5, 2};
        auto written = GatewayConfigWriter::write(config, dir.path());
        QVERIFY2(written.has_value(), qPrintable(written ? QString() : written.error().text()));
        QCOMPARE(written->size(), 2);

        const QByteArray text =
            raysec::test::readFile(dir.filePath(QStringLiteral("gateway.json")));
        const auto json = nlohmann::json::parse(text.toStdString());
        QCOMPARE(json["admin"].get<std::string>(), std::string("127.0.0.1:9464"));
        QCOMPARE(json["rateLimits"]["tiers"]["default"]["submit"]["rate"].get<double>(), 0.2);
        QCOMPARE(json["rateLimits"]["tiers"]["batch"]["logs"]["burst"].get<double>(), 2.0);
        auto reread = GatewayConfig::fromJson(json);
        QVERIFY2(reread.has_value(), qPrintable(reread ? QString() : reread.error().text()));
        QVERIFY(*reread == config);

        const auto policy = nlohmann::json::parse(
            raysec::test::readFile(dir.filePath(QStringLiteral("policy.json.example")))
                .toStdString());
        QCOMPARE(policy["format"].get<std::string>(), std::string("raysec-gateway-policy"));
        QCOMPARE(policy["version"].get<int>(), 1);
        QVERIFY(policy["jobPolicy"].is_object());
        QVERIFY(policy["quotas"].is_object());
    }

    void readsTheGatewaysExample()
    {
        // The example shipped with the gateway, field for field.
        const auto json = nlohmann::json::parse(R"({
          "listen": "0.0.0.0:8443", "certificate": "/etc/raysec-gateway/tls.crt",
          "key": "/etc/raysec-gateway/tls.key", "clientCa": "", "requireClientCertificate": false,
          "upstream": "127.0.0.1:8265", "upstreamTokenFile": "/etc/raysec-gateway/ray-token",
          "upstreamTimeoutSeconds": 30, "admin": "127.0.0.1:9464",
          "publicKey": "/etc/raysec-gateway/console.pub",
          "keyRegistry": "/etc/raysec-gateway/registry.json",
          "userStore": "/etc/raysec-gateway/users.json",
          "policy": "/etc/raysec-gateway/policy.json",
          "auditLog": "/var/log/raysec-gateway/audit.jsonl", "threads": 0,
          "maxBodyBytes": 1048576, "maxHeaderBytes": 16384, "clientTimeoutSeconds": 30,
          "sessionIdleSeconds": 900, "sessionAbsoluteSeconds": 28800,
          "rateLimits": {"shadow": false, "perAddress": {"rate": 50, "burst": 100},
            "tiers": {
              "default": {"*": {"rate": 10, "burst": 20}, "submit": {"rate": 0.2, "burst": 3}},
              "service": {"*": {"rate": 100, "burst": 200}, "submit": {"rate": 1, "burst": 10}}}}
        })");
        auto config = GatewayConfig::fromJson(json);
        QVERIFY2(config.has_value(), qPrintable(config ? QString() : config.error().text()));
        QVERIFY(*config == goodConfig());
    }

    void refusesBadFields_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QString>("field");
        QTest::newRow("upstream not loopback")
            << Edit([](GatewayConfig& c) { c.upstream = QStringLiteral("10.0.0.5:8265"); })
            << QStringLiteral("upstream");
        QTest::newRow("upstream host name")
            << Edit([](GatewayConfig& c) { c.upstream = QStringLiteral("localhost:8265"); })
            << QStringLiteral("upstream");
        QTest::newRow("admin on all addresses")
            << Edit([](GatewayConfig& c) { c.admin = QStringLiteral("0.0.0.0:9464"); })
            << QStringLiteral("admin");
        QTest::newRow("admin without port")
            << Edit([](GatewayConfig& c) { c.admin = QStringLiteral("127.0.0.1"); })
            << QStringLiteral("admin");
        QTest::newRow("listen port out of range")
            << Edit([](GatewayConfig& c) { c.listen = QStringLiteral("0.0.0.0:70000"); })
            << QStringLiteral("listen");
        QTest::newRow("plain http on a public address")
            << Edit([](GatewayConfig& c) { c.plainHttp = true; }) << QStringLiteral("plainHttp");
        QTest::newRow("certificate missing")
            << Edit([](GatewayConfig& c) { c.certificate.clear(); })
            << QStringLiteral("certificate");
        QTest::newRow("relative key path")
            << Edit([](GatewayConfig& c) { c.key = QStringLiteral("tls.key"); })
            << QStringLiteral("key");
        QTest::newRow("newline in a path")
            << Edit([](GatewayConfig& c) { c.auditLog = QStringLiteral("/var/log/a\nb"); })
            << QStringLiteral("auditLog");
        QTest::newRow("client certificates without a CA")
            << Edit([](GatewayConfig& c) { c.requireClientCertificate = true; })
            << QStringLiteral("clientCa");
        QTest::newRow("no public key")
            << Edit([](GatewayConfig& c) { c.publicKey.clear(); }) << QStringLiteral("publicKey");
        QTest::newRow("zero rate") << Edit([](GatewayConfig& c) {
            c.rateLimits.tiers[QStringLiteral("default")][QStringLiteral("*")].rate = 0;
        }) << QStringLiteral("rateLimits.tiers.default.*");
        QTest::newRow("burst below one")
            << Edit([](GatewayConfig& c) { c.rateLimits.perAddress.burst = 0.5; })
            << QStringLiteral("rateLimits.perAddress");
        QTest::newRow("unknown route class") << Edit([](GatewayConfig& c) {
            c.rateLimits.tiers[QStringLiteral("default")][QStringLiteral("jobs")] = {};
        }) << QStringLiteral("rateLimits.tiers.default.jobs");
        QTest::newRow("hostile tier name") << Edit([](GatewayConfig& c) {
            c.rateLimits.tiers[QStringLiteral("a b\"")][QStringLiteral("*")] = {};
        }) << QStringLiteral("rateLimits.tiers");
        QTest::newRow("timeout zero") << Edit([](GatewayConfig& c) { c.clientTimeoutSeconds = 0; })
                                      << QStringLiteral("clientTimeoutSeconds");
        QTest::newRow("tunnel idle over a week")
            << Edit([](GatewayConfig& c) { c.tunnelIdleSeconds = 8 * 24 * 3600; })
            << QStringLiteral("tunnelIdleSeconds");
        QTest::newRow("body too large")
            << Edit([](GatewayConfig& c) { c.maxBodyBytes = 65 * 1024 * 1024; })
            << QStringLiteral("maxBodyBytes");
    }

    void refusesBadFields()
    {
        QFETCH(Edit, edit);
        QFETCH(QString, field);
        GatewayConfig config = goodConfig();
        edit(config);
        QTemporaryDir dir;
        auto written = GatewayConfigWriter::write(config, dir.path());
        QVERIFY(!written.has_value());
        QCOMPARE(written.error().code, QStringLiteral("gateway.config-field"));
        QVERIFY2(written.error().message.startsWith(field + QLatin1Char(':')),
                 qPrintable(written.error().message));
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    void refusesBadJson_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("unknown field") << QByteArray(R"({"listne": "0.0.0.0:1"})");
        QTest::newRow("port as number") << QByteArray(R"({"admin": 9464})");
        QTest::newRow("threads as string") << QByteArray(R"({"threads": "4"})");
        QTest::newRow("negative threads") << QByteArray(R"({"threads": -1})");
        QTest::newRow("huge timeout wraps")
            << QByteArray(R"({"clientTimeoutSeconds": 4294967326})");
        QTest::newRow("bucket missing burst")
            << QByteArray(R"({"rateLimits": {"perAddress": {"rate": 5}}})");
        QTest::newRow("shadow as string") << QByteArray(R"({"rateLimits": {"shadow": "yes"}})");
        QTest::newRow("valid json, invalid config") << QByteArray(R"({"certificate": ""})");
    }

    void refusesBadJson()
    {
        QFETCH(QByteArray, text);
        auto config = GatewayConfig::fromJson(nlohmann::json::parse(text.toStdString()));
        QVERIFY(!config.has_value());
        QVERIFY(!config.error().message.isEmpty());
        QVERIFY(!config.error().hint.isEmpty());
    }

    void keepsExistingFilesUnlessAsked()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gateway.json"));
        QFile existing(path);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("{}");
        existing.close();
        auto refused = GatewayConfigWriter::write(goodConfig(), dir.path());
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().code, QStringLiteral("gateway.config-exists"));
        QCOMPARE(raysec::test::readFile(path), QByteArray("{}"));
        QVERIFY(GatewayConfigWriter::write(goodConfig(), dir.path(), true).has_value());
        QVERIFY(raysec::test::readFile(path).contains("127.0.0.1:8265"));
    }

    void tierSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("submit") << QStringLiteral("default:submit=0.5/4") << true;
        QTest::newRow("star") << QStringLiteral("batch:*=5/10") << true;
        QTest::newRow("no class") << QStringLiteral("default=1/2") << false;
        QTest::newRow("empty class") << QStringLiteral("default:=1/2") << false;
        QTest::newRow("no burst") << QStringLiteral("default:read=1") << false;
        QTest::newRow("words") << QStringLiteral("default:read=fast/big") << false;
        QTest::newRow("three parts") << QStringLiteral("default:read=1/2/3") << false;
    }

    void tierSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(bool, accepted);
        GatewayConfig config = goodConfig();
        auto set = config.setTier(spec);
        QCOMPARE(set.has_value(), accepted);
        if (accepted) {
            QVERIFY(config != goodConfig());
            QVERIFY(config.validated().has_value());
        } else {
            QCOMPARE(set.error().code, QStringLiteral("gateway.config-bucket"));
        }
    }

    void missingFolderIsReported()
    {
        auto written = GatewayConfigWriter::write(goodConfig(), QStringLiteral("/nonexistent/x"));
        QVERIFY(!written.has_value());
        QCOMPARE(written.error().code, QStringLiteral("gateway.config-folder"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayConfig)
#include "tst_gatewayconfig.moc"
