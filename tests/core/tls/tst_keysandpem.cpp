// Private keys, PEM input and CA import: encrypted keys open only with the right passphrase,
// and malformed input gives a clear error.

#include "TlsTestSupport.h"

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/tls/PassphrasePolicy.h"

#include <QTemporaryDir>

using namespace raysec;
using namespace Qt::StringLiterals;
using namespace raysec::test;

namespace {

std::string_view view(const QByteArray& bytes)
{
    return {bytes.constData(), std::size_t(bytes.size())};
}

} // namespace

class TestKeysAndPem : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { failOnWarnings(); }

    void encryptedKeyOpensOnlyWithItsPassphrase_data()
    {
        QTest::addColumn<tls::KeyType>("type");
        QTest::newRow("ecdsa-p256") << tls::KeyType::EcdsaP256;
        QTest::newRow("rsa-2048") << tls::KeyType::Rsa2048;
        QTest::newRow("ed25519") << tls::KeyType::Ed25519;
    }

    void encryptedKeyOpensOnlyWithItsPassphrase()
    {
        QFETCH(tls::KeyType, type);
        auto key = tls::PrivateKey::generate(type);
        QVERIFY(key);
        const SecretBuffer right = SecretBuffer::fromView("a long enough passphrase");
        const SecretBuffer wrong = SecretBuffer::fromView("a long enough passphrasE");
        auto pem = key->toEncryptedPem(right);
        QVERIFY(pem);
        QVERIFY(pem->view().starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        QVERIFY(tls::PrivateKey::isEncryptedPem(pem->view()));

        auto opened = tls::PrivateKey::fromPem(pem->view(), &right);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().text()));
        QCOMPARE(opened->type(), type);
        QCOMPARE(tls::PrivateKey::fromPem(pem->view(), &wrong).error().code,
                 "tls.key-passphrase"_L1);
        QCOMPARE(tls::PrivateKey::fromPem(pem->view()).error().code, "tls.key-encrypted"_L1);

        // openssl agrees: the right passphrase opens it, a wrong one does not.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("k.pem"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(pem->data(), qint64(pem->size()));
        out.close();
        const QStringList args{QStringLiteral("pkey"), QStringLiteral("-in"), file,
                               QStringLiteral("-noout"), QStringLiteral("-passin")};
        QVERIFY(openssl(args + QStringList{QStringLiteral("pass:a long enough passphrase")}).ok());
        QVERIFY(!openssl(args + QStringList{QStringLiteral("pass:a long enough passphrasE")}).ok());
    }

    void readsKeysMadeByOpenssl()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("k.pem"));
        QVERIFY(
            openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                     QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-384"),
                     QStringLiteral("-aes256"), QStringLiteral("-pass"),
                     QStringLiteral("pass:openssl made this"), QStringLiteral("-out"), file})
                .ok());
        const QByteArray pem = readFile(file);
        const SecretBuffer pass = SecretBuffer::fromView("openssl made this");
        auto key = tls::PrivateKey::fromPem(view(pem), &pass);
        QVERIFY(key);
        QCOMPARE(key->type(), tls::KeyType::EcdsaP384);
    }

    void malformedPemIsRefused_data()
    {
        QTest::addColumn<QByteArray>("pem");
        const auto ca = makeCa();
        const QByteArray good = ca.root().toPem();
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("hello world\n");
        QTest::newRow("truncated") << good.left(good.size() / 2);
        QByteArray damaged = good;
        damaged[good.indexOf('\n') + 10] = '*';
        QTest::newRow("bad base64") << damaged;
        QTest::newRow("good then damaged") << good + damaged;
        QTest::newRow("a key, not a certificate")
            << QByteArray("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        QTest::newRow("binary") << QByteArray("\x30\x82\x01\x00\xff\xfe", 6);
    }

    void malformedPemIsRefused()
    {
        QFETCH(QByteArray, pem);
        auto certs = tls::Certificate::listFromPem(view(pem));
        QVERIFY(!certs);
        QCOMPARE(certs.error().code, "tls.cert-pem"_L1);
        QVERIFY(!certs.error().hint.isEmpty());
        auto key = tls::PrivateKey::fromPem(view(pem));
        QVERIFY(!key);
        QCOMPARE(key.error().code, "tls.key-pem"_L1);
        const auto ca = makeCa();
        auto signedCsr = tls::NodeIssuer::signCsr(
            ca, view(pem), {QStringLiteral("n"), QStringLiteral("10.0.0.1"), {}, false}, {});
        QVERIFY(!signedCsr);
        QCOMPARE(signedCsr.error().code, "tls.csr-pem"_L1);
    }

    void readsAChainInOrder()
    {
        const auto ca = makeCa(tls::KeyType::EcdsaP256, true);
        const QByteArray pem = tls::certificatesToPem(ca.chain());
        auto certs = tls::Certificate::listFromPem(view(pem));
        QVERIFY(certs);
        QCOMPARE(certs->size(), 2);
        QCOMPARE(certs->at(0).sha256Fingerprint(), ca.signer().sha256Fingerprint());
        QVERIFY(certs->at(1).isSelfSigned());
    }

    void importsAChainWithItsKey()
    {
        const auto ca = makeCa(tls::KeyType::EcdsaP256, true);
        const QByteArray chain = tls::certificatesToPem(ca.chain());
        const SecretBuffer pass = SecretBuffer::fromView("import passphrase");
        auto key = ca.signingKey().toEncryptedPem(pass);
        QVERIFY(key);
        auto imported = tls::CertificateAuthority::import(view(chain), key->view(), &pass);
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().text()));
        QCOMPARE(imported->signer().sha256Fingerprint(), ca.signer().sha256Fingerprint());
        QCOMPARE(imported->intermediates().size(), 1);
    }

    void importRefusesBadCas()
    {
        const auto ca = makeCa();
        const auto other = makeCa();
        const QByteArray chain = ca.root().toPem();
        auto otherKey = other.signingKey().toPem();
        auto wrongKey = tls::CertificateAuthority::import(view(chain), otherKey->view(), nullptr);
        QVERIFY(!wrongKey);
        QVERIFY(wrongKey.error().message.contains("does not belong"_L1));

        // A node certificate is not a CA.
        const auto node = tls::NodeIssuer::issue(
            ca, {QStringLiteral("n"), QStringLiteral("10.0.0.1"), {}, false}, {});
        QVERIFY(node);
        auto nodeKey = node->key.toPem();
        auto notCa = tls::CertificateAuthority::import(view(node->certificate.toPem()),
                                                       nodeKey->view(), nullptr);
        QVERIFY(!notCa);
        QCOMPARE(notCa.error().code, "tls.ca-import"_L1);

        // An intermediate without its root.
        const auto layered = makeCa(tls::KeyType::EcdsaP256, true);
        auto layeredKey = layered.signingKey().toPem();
        auto noRoot = tls::CertificateAuthority::import(view(layered.signer().toPem()),
                                                        layeredKey->view(), nullptr);
        QVERIFY(!noRoot);
        QVERIFY(noRoot.error().message.contains("self-signed root"_L1));
    }

    void passphrasePolicy_data()
    {
        QTest::addColumn<QByteArray>("passphrase");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("short") << QByteArray("abc123") << false;
        QTest::newRow("repetitive") << QByteArray("aaaaaaaaaaaaaaaa") << false;
        QTest::newRow("words") << QByteArray("correct horse battery") << true;
    }

    void passphrasePolicy()
    {
        QFETCH(QByteArray, passphrase);
        QFETCH(bool, accepted);
        QCOMPARE(bool(tls::checkPassphrase(SecretBuffer::fromView(view(passphrase)))), accepted);
    }
};

QTEST_GUILESS_MAIN(TestKeysAndPem)
#include "tst_keysandpem.moc"
