// CA creation, node certificates, CSR signing and bundle files, checked with the openssl
// command: every chain must verify and the extensions must read back as issued.

#include "TlsTestSupport.h"

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/tls/BundleWriter.h"
#include "core/tls/NodeIssuer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace raysec;
using namespace Qt::StringLiterals;
using namespace raysec::test;

class TestCertificateIssuance : public QObject
{
    Q_OBJECT

private:
    tls::NodeEntry head() const
    {
        return {QStringLiteral("head"),
                QStringLiteral("10.0.0.1"),
                {QStringLiteral("ray-head.ray.svc.cluster.local")},
                true};
    }

    void verifyChain(const QString& bundle)
    {
        for (const QString& purpose : {QStringLiteral("sslserver"), QStringLiteral("sslclient")}) {
            const ProcessResult r =
                openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), bundle + "/ca.crt"_L1,
                         QStringLiteral("-untrusted"), bundle + "/tls.crt"_L1,
                         QStringLiteral("-purpose"), purpose, bundle + "/tls.crt"_L1});
            QVERIFY2(r.ok() && r.out.contains(": OK"), r.out + r.err);
        }
    }

private Q_SLOTS:
    void init() { failOnWarnings(); }

    void chainVerifies_data()
    {
        QTest::addColumn<tls::KeyType>("type");
        QTest::addColumn<bool>("intermediate");
        for (tls::KeyType type : tls::allKeyTypes()) {
            for (bool intermediate : {false, true}) {
                const QString name = tls::keyTypeName(type) +
                                     (intermediate ? QStringLiteral("+intermediate") : QString());
                QTest::newRow(qPrintable(name)) << type << intermediate;
            }
        }
    }

    void chainVerifies()
    {
        QFETCH(tls::KeyType, type);
        QFETCH(bool, intermediate);
        QTemporaryDir dir;
        const auto ca = makeCa(type, intermediate);
        tls::IssueSettings settings;
        settings.keyType = type;
        settings.headNames = {QStringLiteral("ray.example.com")};
        const auto issued = issueInto(dir.path(), ca, head(), settings);
        QCOMPARE(issued.key.type(), type);
        QCOMPARE(ca.chain().size(), intermediate ? 2 : 1);
        verifyChain(dir.filePath(QStringLiteral("head")));

        const QString leaf = certificateText(dir.filePath(QStringLiteral("head/tls.crt")));
        QVERIFY(leaf.contains("X509v3 Basic Constraints: critical\n                CA:FALSE"_L1));
        QVERIFY(leaf.contains("TLS Web Server Authentication, TLS Web Client Authentication"_L1));
        QVERIFY(leaf.contains("X509v3 Key Usage: critical\n                Digital Signature"_L1));
        QVERIFY(leaf.contains("X509v3 Subject Key Identifier"_L1));
        QVERIFY(leaf.contains("X509v3 Authority Key Identifier"_L1));
        QVERIFY2(leaf.contains("IP Address:127.0.0.1, DNS:localhost, IP Address:10.0.0.1, "
                               "DNS:ray-head.ray.svc.cluster.local, DNS:ray.example.com"_L1),
                 qPrintable(leaf));

        QFile chainFile(dir.filePath(QStringLiteral("root.crt")));
        QVERIFY(chainFile.open(QIODevice::WriteOnly));
        chainFile.write(ca.root().toPem());
        chainFile.close();
        const QString root = certificateText(chainFile.fileName());
        QVERIFY(root.contains("X509v3 Basic Constraints: critical\n                CA:TRUE"_L1));
        QVERIFY(root.contains("Certificate Sign, CRL Sign"_L1));
        QVERIFY(!root.contains("TLS Web Server Authentication"_L1));
    }

    void serialsAreLargeAndRandom()
    {
        const auto ca = makeCa();
        const auto a = tls::NodeIssuer::issue(ca, head(), {});
        const auto b = tls::NodeIssuer::issue(ca, head(), {});
        QVERIFY(a && b);
        QVERIFY(a->certificate.serialBits() > 100);
        QVERIFY(a->certificate.serialHex() != b->certificate.serialHex());
        QVERIFY(ca.root().serialBits() > 100);
    }

    void bundleFilesAndModes()
    {
        QTemporaryDir dir;
        const auto ca = makeCa(tls::KeyType::EcdsaP256, true);
        auto issued = tls::NodeIssuer::issue(ca, head(), {});
        QVERIFY(issued);
        const SecretBuffer passphrase = SecretBuffer::fromView("correct horse battery");
        tls::BundleOptions options;
        options.remoteDir = QStringLiteral("/opt/ray/tls/");
        options.kubernetesNamespace = QStringLiteral("ray-system");
        options.pkcs12Passphrase = &passphrase;
        const auto written = tls::BundleWriter::writeNodeBundle(dir.path(), ca, *issued, options);
        QVERIFY2(written, written ? "" : qPrintable(written.error().text()));
        QCOMPARE(written->size(), 6);
        // Owner read and write, nothing for the group or others (Qt adds the "User" bits).
        const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                               QFileDevice::ReadUser | QFileDevice::WriteUser;
        for (const char* name : {"tls.key", "secret.yaml", "tls.p12"}) {
            QCOMPARE(QFile::permissions(dir.filePath(QLatin1String(name))) &
                         QFileDevice::Permissions(0x7777),
                     ownerOnly);
        }
        QVERIFY(!(QFile::permissions(dir.filePath(QStringLiteral("ca.crt"))) &
                  QFileDevice::WriteOther));
        const QByteArray env = readFile(dir.filePath(QStringLiteral("tls.env")));
        QVERIFY(env.contains("RAY_USE_TLS=1\n"));
        QVERIFY(env.contains("RAY_TLS_SERVER_CERT=/opt/ray/tls/tls.crt\n"));
        QVERIFY(env.contains("RAY_TLS_SERVER_KEY=/opt/ray/tls/tls.key\n"));
        QVERIFY(env.contains("RAY_TLS_CA_CERT=/opt/ray/tls/ca.crt\n"));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("tls.crt"))).count("BEGIN CERTIFICATE"), 2);
        QCOMPARE(readFile(dir.filePath(QStringLiteral("ca.crt"))).count("BEGIN CERTIFICATE"), 1);
        QVERIFY(readFile(dir.filePath(QStringLiteral("tls.key")))
                    .startsWith("-----BEGIN PRIVATE KEY-----"));

        // The Secret carries exactly the bundle's files.
        const QList<QByteArray> lines =
            readFile(dir.filePath(QStringLiteral("secret.yaml"))).split('\n');
        QVERIFY(lines.contains("type: kubernetes.io/tls"));
        QVERIFY(lines.contains("  namespace: ray-system"));
        QVERIFY(lines.contains("  name: ray-tls-head"));
        for (const QByteArray& line : lines) {
            if (line.startsWith("  tls.key: ")) {
                QCOMPARE(QByteArray::fromBase64(line.mid(11)),
                         readFile(dir.filePath(QStringLiteral("tls.key"))));
            }
        }

        // PKCS#12 opens with its passphrase only.
        QFile pass(dir.filePath(QStringLiteral("pass")));
        QVERIFY(pass.open(QIODevice::WriteOnly));
        pass.write("correct horse battery\n");
        pass.close();
        const QStringList p12 = {QStringLiteral("pkcs12"), QStringLiteral("-in"),
                                 dir.filePath(QStringLiteral("tls.p12")), QStringLiteral("-noout"),
                                 QStringLiteral("-passin")};
        QVERIFY(openssl(p12 + QStringList{"file:"_L1 + pass.fileName()}).ok());
        QVERIFY(!openssl(p12 + QStringList{QStringLiteral("pass:wrong passphrase")}).ok());
    }

    void signsCsrWithTheNodesNames()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("node.key"));
        const QString csr = dir.filePath(QStringLiteral("node.csr"));
        QVERIFY(openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"),
                         QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-out"), key})
                    .ok());
        // The CSR asks for a name the admin did not list; it must not be granted.
        QVERIFY(
            openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"), key,
                     QStringLiteral("-subj"), QStringLiteral("/CN=w1"), QStringLiteral("-addext"),
                     QStringLiteral("subjectAltName=DNS:evil.example.com"), QStringLiteral("-out"),
                     csr})
                .ok());
        const auto ca = makeCa();
        const tls::NodeEntry node{QStringLiteral("w1"), QStringLiteral("10.0.0.2"), {}, false};
        const QByteArray pem = readFile(csr);
        auto issued =
            tls::NodeIssuer::signCsr(ca, {pem.constData(), std::size_t(pem.size())}, node, {});
        QVERIFY2(issued, issued ? "" : qPrintable(issued.error().text()));
        QVERIFY(issued->key.isNull());
        QCOMPARE(issued->certificate.subjectAltNames(),
                 QStringList({"IP:127.0.0.1"_L1, "DNS:localhost"_L1, "IP:10.0.0.2"_L1}));
        writeBundle(dir.path(), ca, *issued);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("w1/tls.key"))));
        verifyChain(dir.filePath(QStringLiteral("w1")));
        // The certificate belongs to the node's own key.
        const ProcessResult modCert =
            openssl({QStringLiteral("x509"), QStringLiteral("-in"),
                     dir.filePath(QStringLiteral("w1/tls.crt")), QStringLiteral("-noout"),
                     QStringLiteral("-pubkey")});
        const ProcessResult modKey = openssl(
            {QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-pubout")});
        QCOMPARE(modCert.out, modKey.out);
        QVERIFY(tls::NodeIssuer::csrCommand(node, tls::KeyType::EcdsaP256)
                    .contains("ec_paramgen_curve:P-256"_L1));
    }

    void refusesTamperedCsr()
    {
        QTemporaryDir dir;
        const QString csr = dir.filePath(QStringLiteral("node.csr"));
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                         QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                         QStringLiteral("-keyout"), dir.filePath(QStringLiteral("k")),
                         QStringLiteral("-subj"), QStringLiteral("/CN=aaaa"),
                         QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
                         csr})
                    .ok());
        QByteArray der = readFile(csr);
        const qsizetype at = der.indexOf("aaaa");
        QVERIFY(at > 0);
        der[at] = 'b'; // the subject changes, the signature no longer matches
        const QByteArray pem = "-----BEGIN CERTIFICATE REQUEST-----\n" + der.toBase64() +
                               "\n-----END CERTIFICATE REQUEST-----\n";
        const auto ca = makeCa();
        auto issued =
            tls::NodeIssuer::signCsr(ca, {pem.constData(), std::size_t(pem.size())}, head(), {});
        QVERIFY(!issued);
        QCOMPARE(issued.error().code, "tls.csr-signature"_L1);
    }

    void refusesValidityOutsideRangeOrBeyondCa()
    {
        tls::CaOptions options;
        options.validityDays = 30;
        auto ca = tls::CertificateAuthority::create(options);
        QVERIFY(ca);
        tls::IssueSettings settings;
        settings.validityDays = 365;
        auto beyond = tls::NodeIssuer::issue(*ca, head(), settings);
        QVERIFY(!beyond);
        QCOMPARE(beyond.error().code, "tls.validity-beyond-ca"_L1);
        settings.validityDays = 0;
        QCOMPARE(tls::NodeIssuer::issue(*ca, head(), settings).error().code, "tls.validity"_L1);
        settings.validityDays = 10;
        settings.headNames = {QStringLiteral("bad name")};
        QCOMPARE(tls::NodeIssuer::issue(*ca, head(), settings).error().code, "tls.head-name"_L1);
    }

    void warnsAboutEd25519()
    {
        QVERIFY(!tls::keyTypeWarning(tls::KeyType::Ed25519).isEmpty());
        QVERIFY(tls::keyTypeWarning(tls::KeyType::EcdsaP256).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCertificateIssuance)
#include "tst_certificateissuance.moc"
