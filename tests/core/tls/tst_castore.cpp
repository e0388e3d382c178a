// The CA store with the real keychain (gnome-keyring on a private session bus): keys on disk
// are encrypted PKCS#8, the passphrase lives only in the keychain, and a stored CA loads back.

#include "TlsTestSupport.h"

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/store/Keychain.h"
#include "core/tls/CaStore.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace raysec;
using namespace Qt::StringLiterals;
using namespace raysec::test;

class TestCaStore : public QObject
{
    Q_OBJECT

private:
    Result<void> save(tls::CaStore& store, const QString& name, const tls::CertificateAuthority& ca)
    {
        std::optional<Result<void>> outcome;
        store.save(name, ca, this, [&outcome](Result<void> r) { outcome = std::move(r); });
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 20000)) {
            return fail(QStringLiteral("test.timeout"), QStringLiteral("save timed out"));
        }
        return *outcome;
    }

    Result<tls::CertificateAuthority> load(tls::CaStore& store, const QString& name)
    {
        std::optional<Result<tls::CertificateAuthority>> outcome;
        store.load(name, this,
                   [&outcome](Result<tls::CertificateAuthority> r) { outcome = std::move(r); });
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 20000)) {
            return fail(QStringLiteral("test.timeout"), QStringLiteral("load timed out"));
        }
        return *outcome;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(secretServiceAvailable(),
                 "This test needs a Secret Service: run it under dbus-run-session with "
                 "gnome-keyring unlocked, as .ci/run does.");
    }

    void init() { failOnWarnings(); }

    void storesEncryptedAndLoadsBack()
    {
        QTemporaryDir dir;
        Keychain keychain;
        tls::CaStore store(keychain, dir.path());
        const QString name = QStringLiteral("test-%1").arg(QDateTime::currentMSecsSinceEpoch());
        const auto ca = makeCa(tls::KeyType::EcdsaP256, true);
        QVERIFY(save(store, name, ca));
        QVERIFY(store.contains(name));
        QCOMPARE(store.names(), QStringList{name});

        // Owner read and write, nothing for the group or others (Qt adds the "User" bits).
        const auto ownerOnlyMask = QFileDevice::Permissions(0x7777);
        const auto ownerOnlyBits = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                   QFileDevice::ReadUser | QFileDevice::WriteUser;
        for (const char* file : {"signing.key", "root.key"}) {
            const QString path = QDir(store.folder(name)).filePath(QLatin1String(file));
            QVERIFY(readFile(path).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
            QCOMPARE(QFileInfo(path).permissions() & ownerOnlyMask, ownerOnlyBits);
            // Without the keychain's passphrase the key does not open.
            const ProcessResult r =
                openssl({"pkey"_L1, "-in"_L1, path, "-noout"_L1, "-passin"_L1, "pass:guess"_L1});
            QVERIFY(!r.ok());
        }

        auto loaded = load(store, name);
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().text()));
        QCOMPARE(loaded->signer().sha256Fingerprint(), ca.signer().sha256Fingerprint());
        QVERIFY(loaded->signer().matchesKey(loaded->signingKey()));
        QVERIFY(loaded->root().matchesKey(loaded->rootKey()));

        // A stored CA is never overwritten.
        auto again = save(store, name, makeCa());
        QVERIFY(!again);
        QCOMPARE(again.error().code, "tls.ca-exists"_L1);

        std::optional<Result<void>> removed;
        keychain.remove(tls::CaStore::keychainService(name),
                        QString::fromLatin1(tls::CaStore::passphraseEntry), this,
                        [&removed](Result<void> r) { removed = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20000);
        auto orphan = load(store, name);
        QVERIFY(!orphan);
        QCOMPARE(orphan.error().code, "keychain.not-found"_L1);
    }

    void refusesBadNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("path") << QStringLiteral("../x");
        QTest::newRow("empty") << QString();
        QTest::newRow("slash") << QStringLiteral("a/b");
    }

    void refusesBadNames()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        Keychain keychain;
        tls::CaStore store(keychain, dir.path());
        auto saved = save(store, name, makeCa());
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, "tls.ca-name"_L1);
        QVERIFY(QDir(dir.path()).isEmpty());
        auto loaded = load(store, name);
        QCOMPARE(loaded.error().code, "tls.ca-not-found"_L1);
    }
};

QTEST_GUILESS_MAIN(TestCaStore)
#include "tst_castore.moc"
