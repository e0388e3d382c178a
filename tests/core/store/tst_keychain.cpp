#include "core/store/Keychain.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QTest>

#include <optional>

using namespace raysec;

// Runs against the real Secret Service (gnome-keyring in a private D-Bus session, as
// scripts/test.sh starts it). Without one the test fails: a keychain that silently falls
// back to something else is exactly what this guards against.
class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(test::secretServiceAvailable(),
                 "No Secret Service on the session bus; run under scripts/test.sh");
    }

    void init() { test::failOnWarnings(); }

    void writeReadRemoveRoundTrip()
    {
        Keychain keychain;
        const QString service = QStringLiteral("raysec-test/roundtrip");
        const SecretBuffer secret = SecretBuffer::fromView("0123456789abcdef-secret\x01\xff");

        std::optional<Result<void>> written;
        keychain.write(service, QStringLiteral("token"), secret, this,
                       [&](Result<void> r) { written = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 10000);
        QVERIFY2(written->has_value(), qPrintable(written->error().text()));

        std::optional<Result<SecretBuffer>> loaded;
        keychain.read(service, QStringLiteral("token"), this,
                      [&](Result<SecretBuffer> r) { loaded = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 10000);
        QVERIFY(loaded->has_value());
        QVERIFY((*loaded)->equals(secret));

        std::optional<Result<void>> removed;
        keychain.remove(service, QStringLiteral("token"), this,
                        [&](Result<void> r) { removed = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 10000);
        QVERIFY(removed->has_value());

        std::optional<Result<SecretBuffer>> again;
        keychain.read(service, QStringLiteral("token"), this,
                      [&](Result<SecretBuffer> r) { again = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(again.has_value(), 10000);
        QVERIFY(!again->has_value());
        QCOMPARE(again->error().code, QStringLiteral("keychain.not-found"));
    }

    void callbackIsDroppedWhenContextIsGone()
    {
        Keychain keychain;
        bool called = false;
        auto* context = new QObject;
        keychain.read(QStringLiteral("raysec-test/none"), QStringLiteral("x"), context,
                      [&](Result<SecretBuffer>) { called = true; });
        delete context;
        QTest::qWait(500);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
