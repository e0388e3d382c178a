// The SAN preflight: every address a peer dials must be covered by the node's certificate.

#include "TlsTestSupport.h"

#include "support/TestMain.h"

#include "core/tls/CertificateBuilder.h"
#include "core/tls/SanPreflight.h"

#include <QTemporaryDir>

using namespace raysec;
using namespace Qt::StringLiterals;
using namespace raysec::test;
using Kind = tls::PreflightFinding::Kind;

class TestSanPreflight : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { failOnWarnings(); }

    void coversMatches_data()
    {
        QTest::addColumn<QStringList>("sans");
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("covered");
        const QStringList sans{"IP:10.0.0.1"_L1, "DNS:Head.Example.com"_L1, "DNS:*.svc.local"_L1,
                               "IP:fd00::1"_L1};
        QTest::newRow("ip") << sans << QStringLiteral("10.0.0.1") << true;
        QTest::newRow("other ip") << sans << QStringLiteral("10.0.0.2") << false;
        QTest::newRow("ip not as dns")
            << QStringList{"DNS:10.0.0.1"_L1} << QStringLiteral("10.0.0.1") << false;
        QTest::newRow("dns any case") << sans << QStringLiteral("head.example.COM") << true;
        QTest::newRow("wildcard one label") << sans << QStringLiteral("ray.svc.local") << true;
        QTest::newRow("wildcard two labels") << sans << QStringLiteral("a.ray.svc.local") << false;
        QTest::newRow("wildcard bare") << sans << QStringLiteral("svc.local") << false;
        QTest::newRow("ipv6 long form") << sans << QStringLiteral("fd00:0:0:0:0:0:0:1") << true;
    }

    void coversMatches()
    {
        QFETCH(QStringList, sans);
        QFETCH(QString, address);
        QFETCH(bool, covered);
        QCOMPARE(tls::SanPreflight::covers(sans, address), covered);
    }

    void findsEveryGap()
    {
        QTemporaryDir dir;
        const auto ca = makeCa();
        const tls::NodeEntry head{QStringLiteral("head"),
                                  QStringLiteral("10.0.0.1"),
                                  {QStringLiteral("head.internal")},
                                  true};
        const tls::NodeEntry w1{QStringLiteral("w1"), QStringLiteral("10.0.0.2"), {}, false};
        const tls::NodeEntry w2{QStringLiteral("w2"), QStringLiteral("10.0.0.3"), {}, false};
        const tls::NodeEntry w3{QStringLiteral("w3"), QStringLiteral("10.0.0.4"), {}, false};
        issueInto(dir.path(), ca, head);
        issueInto(dir.path(), ca, w1);
        // w2's certificate was made by hand without the loopback names.
        auto key = tls::PrivateKey::generate(tls::KeyType::EcdsaP256);
        tls::CertificateSpec spec{QStringLiteral("w2"), {"IP:10.0.0.3"_L1}, false, -1, {}, 30};
        auto cert = tls::CertificateBuilder::sign(spec, key->get(), &ca.signer(), ca.signingKey());
        QVERIFY(cert);
        writeBundle(dir.path(), ca, {w2, *cert, *key});

        const auto certs = tls::SanPreflight::loadBundles(dir.path(), {head, w1, w2, w3});
        QCOMPARE(certs.size(), 3);
        const auto findings = tls::SanPreflight::check({head, w1, w2, w3}, certs,
                                                       {QStringLiteral("ray.example.com")});
        QCOMPARE(findings.size(), 4);
        QCOMPARE(findings.at(0).node, "head"_L1);
        QCOMPARE(findings.at(0).address, "ray.example.com"_L1);
        QVERIFY(findings.at(0).message.contains(
            "Peer name ray.example.com is not in peer certificate"_L1));
        QCOMPARE(findings.at(1).address, "127.0.0.1"_L1);
        QCOMPARE(findings.at(2).address, "localhost"_L1);
        QCOMPARE(findings.at(3).kind, Kind::NoCertificate);
        QCOMPARE(findings.at(3).node, "w3"_L1);

        // Issued with the head names, nothing is missing.
        tls::IssueSettings settings;
        settings.headNames = {QStringLiteral("ray.example.com")};
        issueInto(dir.path(), ca, head, settings);
        const auto again = tls::SanPreflight::check(
            {head, w1}, tls::SanPreflight::loadBundles(dir.path(), {head, w1}),
            {QStringLiteral("ray.example.com")});
        QVERIFY(again.isEmpty());
    }

    void reportsExpiry()
    {
        const auto ca = makeCa();
        const tls::NodeEntry node{QStringLiteral("n"), QStringLiteral("10.0.0.9"), {}, false};
        tls::IssueSettings settings;
        settings.notBefore = QDateTime::currentDateTimeUtc().addDays(-10);
        settings.validityDays = 2;
        auto old = tls::NodeIssuer::issue(ca, node, settings);
        QVERIFY(old);
        const auto findings = tls::SanPreflight::check({node}, {{node.name, old->certificate}}, {});
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().kind, Kind::Expired);
    }
};

QTEST_GUILESS_MAIN(TestSanPreflight)
#include "tst_sanpreflight.moc"
