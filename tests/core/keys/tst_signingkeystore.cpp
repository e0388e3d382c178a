// SigningKeyStore with the real Secret Service, and SigningKeyBackup round trips.

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/keys/MinisignFormat.h"
#include "core/keys/SigningKeyBackup.h"
#include "core/keys/SigningKeyStore.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QUuid>

#include <optional>

using namespace raysec;

class TestSigningKeyStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void initTestCase()
    {
        QVERIFY2(raysec::test::secretServiceAvailable(),
                 "run under dbus-run-session with gnome-keyring (see .ci/run)");
        m_service = QStringLiteral("raysec-test/signing/") +
                    QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    void cleanupTestCase()
    {
        bool done = false;
        m_keychain.remove(m_service, QString::fromLatin1(SigningKeyStore::Entry), this,
                          [&done](Result<void>) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }

    void firstUseCreatesThenReloadsSameKey()
    {
        SigningKeyStore store(m_keychain, m_service);
        std::optional<Result<MinisignKeyPair>> missing;
        store.loadExisting(this, [&missing](Result<MinisignKeyPair> p) { missing = std::move(p); });
        QTRY_VERIFY_WITH_TIMEOUT(missing.has_value(), 10000);
        QVERIFY(!*missing);
        QCOMPARE(missing->error().code, QStringLiteral("keychain.not-found"));

        std::optional<Result<MinisignKeyPair>> first;
        store.load(this, [&first](Result<MinisignKeyPair> p) { first = std::move(p); });
        QTRY_VERIFY_WITH_TIMEOUT(first.has_value(), 10000);
        QVERIFY2(*first, qPrintable(*first ? QString() : first->error().text()));

        std::optional<Result<MinisignKeyPair>> second;
        store.load(this, [&second](Result<MinisignKeyPair> p) { second = std::move(p); });
        QTRY_VERIFY_WITH_TIMEOUT(second.has_value(), 10000);
        QVERIFY(*second);
        QCOMPARE((*second)->publicKeyFile(), (*first)->publicKeyFile());
    }

    void replaceInstallsRestoredKey()
    {
        SigningKeyStore store(m_keychain, m_service);
        const auto fresh = MinisignKeyPair::generate();
        std::optional<Result<void>> stored;
        store.replace(fresh, this, [&stored](Result<void> r) { stored = r; });
        QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 10000);
        QVERIFY(*stored);

        std::optional<Result<MinisignKeyPair>> loaded;
        store.load(this, [&loaded](Result<MinisignKeyPair> p) { loaded = std::move(p); });
        QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 10000);
        QVERIFY(*loaded);
        QCOMPARE((*loaded)->keyId(), fresh.keyId());
    }

    void backupRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("signing.backup"));
        const auto pair = MinisignKeyPair::generate();
        const auto passphrase = SecretBuffer::fromView("correct horse battery staple");
        QVERIFY(SigningKeyBackup::exportTo(path, pair, passphrase));
        QCOMPARE(QFileInfo(path).permissions() & 0xF0FF,
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);

        // Neither the raw secret nor its base64 appears in the file.
        const QByteArray file = raysec::test::readFile(path);
        const SecretBuffer material = pair.secretMaterial();
        QVERIFY(!file.contains(QByteArray(material.data() + 8, 32)));
        QVERIFY(!file.contains(
            QByteArray::fromStdString(minisign::toBase64(material.bytes().subspan(8, 32)))));

        auto restored = SigningKeyBackup::importFrom(path, passphrase);
        QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().text()));
        QCOMPARE(restored->publicKeyFile(), pair.publicKeyFile());

        auto wrong = SigningKeyBackup::importFrom(path, SecretBuffer::fromView("wrong horse "
                                                                               "battery"));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, QStringLiteral("backup.wrong-passphrase"));
    }

    void badBackupsAreNamed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("code");
        QTest::newRow("not json") << QByteArray("hello") << QStringLiteral("backup.malformed");
        QTest::newRow("other format")
            << QByteArray(R"({"format":"x","version":1})") << QStringLiteral("backup.malformed");
        QTest::newRow("huge memlimit")
            << QByteArray(R"({"format":"raysec-signing-key-backup","version":1,"opslimit":3,)"
                          R"("memlimit":99999999999999})")
            << QStringLiteral("backup.malformed");
        QTest::newRow("missing salt")
            << QByteArray(R"({"format":"raysec-signing-key-backup","version":1,"opslimit":3,)"
                          R"("memlimit":8192})")
            << QStringLiteral("backup.malformed");
    }

    void badBackupsAreNamed()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, code);
        auto result =
            SigningKeyBackup::open(text.toStdString(), SecretBuffer::fromView("a long passphrase"));
        QVERIFY(!result);
        QCOMPARE(result.error().code, code);
    }

    void shortPassphraseRefused()
    {
        auto result =
            SigningKeyBackup::seal(MinisignKeyPair::generate(), SecretBuffer::fromView("short"));
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("backup.passphrase-short"));
    }

private:
    Keychain m_keychain;
    QString m_service;
};

QTEST_GUILESS_MAIN(TestSigningKeyStore)
#include "tst_signingkeystore.moc"
