// MinisignKeyPair, MinisignSigner and MinisignVerifier against Debian's real minisign.

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/keys/MinisignKeyPair.h"
#include "core/keys/MinisignPublicKey.h"
#include "core/keys/MinisignSigner.h"
#include "core/keys/MinisignVerifier.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace raysec;

namespace {

void writeFile(const QString& path, const std::string& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes.data(), qint64(bytes.size())), qint64(bytes.size()));
}

// Runs `minisign -V` and returns its exit code (or -1 when it did not run).
int minisignVerify(const QString& pub, const QString& file, const QString& sig)
{
    QProcess minisign;
    minisign.start(QStringLiteral("minisign"),
                   {QStringLiteral("-V"), QStringLiteral("-p"), pub, QStringLiteral("-m"), file,
                    QStringLiteral("-x"), sig});
    if (!minisign.waitForFinished(30000) || minisign.exitStatus() != QProcess::NormalExit) {
        return -1;
    }
    return minisign.exitCode();
}

std::string toStd(const QByteArray& bytes)
{
    return bytes.toStdString();
}

} // namespace

class TestMinisign : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void publicKeyFileHasMinisignLayout()
    {
        const auto pair = MinisignKeyPair::generate();
        const std::string pub = pair.publicKeyFile();
        QVERIFY(pub.starts_with("untrusted comment: minisign public key "));
        QVERIFY(pub.find("\nRW") != std::string::npos);
        auto parsed = MinisignPublicKey::parse(pub);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().text()));
        QCOMPARE(parsed->keyId, pair.keyId());
        QCOMPARE(parsed->key, pair.publicKey());
        QCOMPARE(parsed->keyIdHex(), pair.keyIdHex());
        QCOMPARE(pair.keyIdHex().size(), 16);
    }

    void secretMaterialRoundTrip()
    {
        const auto pair = MinisignKeyPair::generate();
        auto restored = MinisignKeyPair::fromSecretMaterial(pair.secretMaterial());
        QVERIFY(restored);
        QCOMPARE(restored->publicKeyFile(), pair.publicKeyFile());

        SecretBuffer damaged = pair.secretMaterial();
        damaged.data()[MinisignKeyPair::KeyIdSize + 40] ^= 1; // inside the public half
        auto refused = MinisignKeyPair::fromSecretMaterial(damaged);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("minisign.secret-damaged"));
        QVERIFY(!MinisignKeyPair::fromSecretMaterial(SecretBuffer(10)));
    }

    void minisignAcceptsOurSignature()
    {
        QTemporaryDir dir;
        const auto pair = MinisignKeyPair::generate();
        const std::string message = "{\"keys\":[]}\n";
        auto sig = MinisignSigner::sign(pair, message, "timestamp:1\tfile:registry.json");
        QVERIFY(sig);
        writeFile(dir.filePath(QStringLiteral("key.pub")), pair.publicKeyFile());
        writeFile(dir.filePath(QStringLiteral("registry.json")), message);
        writeFile(dir.filePath(QStringLiteral("registry.json.minisig")), *sig);

        QCOMPARE(minisignVerify(dir.filePath(QStringLiteral("key.pub")),
                                dir.filePath(QStringLiteral("registry.json")),
                                dir.filePath(QStringLiteral("registry.json.minisig"))),
                 0);
        QVERIFY(MinisignVerifier::verify(pair.publicKeyFile(), message, *sig));
    }

    void oneByteChangeFails()
    {
        QTemporaryDir dir;
        const auto pair = MinisignKeyPair::generate();
        std::string message = "{\"keys\":[{\"id\":\"abc\"}]}\n";
        auto sig = MinisignSigner::sign(pair, message, "trusted");
        QVERIFY(sig);
        message[5] ^= 0x01;
        writeFile(dir.filePath(QStringLiteral("key.pub")), pair.publicKeyFile());
        writeFile(dir.filePath(QStringLiteral("m")), message);
        writeFile(dir.filePath(QStringLiteral("m.minisig")), *sig);

        QCOMPARE(minisignVerify(dir.filePath(QStringLiteral("key.pub")),
                                dir.filePath(QStringLiteral("m")),
                                dir.filePath(QStringLiteral("m.minisig"))),
                 1);
        auto ours = MinisignVerifier::verify(pair.publicKeyFile(), message, *sig);
        QVERIFY(!ours);
        QCOMPARE(ours.error().code, QStringLiteral("minisign.bad-signature"));
    }

    void weVerifyMinisignsSignature()
    {
        QTemporaryDir dir;
        const QString pub = dir.filePath(QStringLiteral("k.pub"));
        const QString sec = dir.filePath(QStringLiteral("k.key"));
        const QString file = dir.filePath(QStringLiteral("data"));
        writeFile(file, "payload from minisign\n");
        QProcess gen;
        gen.start(QStringLiteral("minisign"),
                  {QStringLiteral("-G"), QStringLiteral("-W"), QStringLiteral("-p"), pub,
                   QStringLiteral("-s"), sec});
        QVERIFY(gen.waitForFinished(30000));
        QCOMPARE(gen.exitCode(), 0);
        QProcess sign;
        sign.start(QStringLiteral("minisign"),
                   {QStringLiteral("-S"), QStringLiteral("-s"), sec, QStringLiteral("-m"), file,
                    QStringLiteral("-t"), QStringLiteral("made by minisign")});
        QVERIFY(sign.waitForFinished(30000));
        QCOMPARE(sign.exitCode(), 0);

        auto key = MinisignPublicKey::parse(toStd(raysec::test::readFile(pub)));
        QVERIFY(key);
        auto comment = MinisignVerifier::verifiedComment(
            *key, "payload from minisign\n",
            toStd(raysec::test::readFile(file + QStringLiteral(".minisig"))));
        QVERIFY2(comment, qPrintable(comment ? QString() : comment.error().text()));
        QCOMPARE(*comment, QStringLiteral("made by minisign"));
    }

    void tamperedSignatureIsNamed_data()
    {
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("replacement");
        QTest::addColumn<QString>("code");
        QTest::newRow("trusted comment changed") << 2 << QStringLiteral("trusted comment: admin")
                                                 << QStringLiteral("minisign.bad-comment");
        QTest::newRow("missing prefix")
            << 0 << QStringLiteral("comment: x") << QStringLiteral("minisign.sig-layout");
        QTest::newRow("signature not base64")
            << 1 << QStringLiteral("RU***") << QStringLiteral("minisign.base64");
        QTest::newRow("signature too short")
            << 1 << QStringLiteral("RUQAAAAA") << QStringLiteral("minisign.sig-size");
        QTest::newRow("global signature short")
            << 3 << QStringLiteral("AAAA") << QStringLiteral("minisign.global-size");
        QTest::newRow("trusted line missing")
            << 2 << QStringLiteral("untrusted comment: x") << QStringLiteral("minisign.sig-layout");
    }

    void tamperedSignatureIsNamed()
    {
        QFETCH(int, line);
        QFETCH(QString, replacement);
        QFETCH(QString, code);
        const auto pair = MinisignKeyPair::generate();
        auto sig = MinisignSigner::sign(pair, "data", "trusted");
        QVERIFY(sig);
        QStringList lines = QString::fromStdString(*sig).split(QLatin1Char('\n'));
        lines[line] = replacement;
        auto result = MinisignVerifier::verify(pair.publicKeyFile(), "data",
                                               lines.join(QLatin1Char('\n')).toStdString());
        QVERIFY(!result);
        QCOMPARE(result.error().code, code);
        QVERIFY(!result.error().hint.isEmpty());
    }

    void otherKeyIsNamed()
    {
        const auto signer = MinisignKeyPair::generate();
        const auto other = MinisignKeyPair::generate();
        auto sig = MinisignSigner::sign(signer, "data", "trusted");
        QVERIFY(sig);
        auto result = MinisignVerifier::verify(other.publicKeyFile(), "data", *sig);
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("minisign.key-mismatch"));
        QVERIFY(result.error().message.contains(signer.keyIdHex()));
    }

    void multiLineCommentRefused()
    {
        const auto pair = MinisignKeyPair::generate();
        QVERIFY(!MinisignSigner::sign(pair, "data", "line\ninjected"));
        QVERIFY(!MinisignSigner::sign(pair, "data", "ok", "bad\r"));
    }
};

QTEST_GUILESS_MAIN(TestMinisign)
#include "tst_minisign.moc"
