// The certificate inventory in the store: records, expiry levels, kept keys.

#include "TlsTestSupport.h"

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/store/Database.h"
#include "core/tls/CertificateInventory.h"

using namespace raysec;
using namespace Qt::StringLiterals;
using namespace raysec::test;

class TestCertificateInventory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { failOnWarnings(); }

    void expiryLevels_data()
    {
        QTest::addColumn<int>("hoursLeft");
        QTest::addColumn<tls::ExpiryLevel>("level");
        QTest::newRow("expired") << -1 << tls::ExpiryLevel::Expired;
        QTest::newRow("6 days") << 6 * 24 << tls::ExpiryLevel::Within7Days;
        QTest::newRow("7 days") << 7 * 24 << tls::ExpiryLevel::Within7Days;
        QTest::newRow("8 days") << 8 * 24 << tls::ExpiryLevel::Within30Days;
        QTest::newRow("30 days") << 30 * 24 << tls::ExpiryLevel::Within30Days;
        QTest::newRow("31 days") << 31 * 24 << tls::ExpiryLevel::Ok;
    }

    void expiryLevels()
    {
        QFETCH(int, hoursLeft);
        QFETCH(tls::ExpiryLevel, level);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(tls::CertificateInventory::expiryLevel(now.addSecs(qint64(hoursLeft) * 3600), now),
                 level);
    }

    void recordsAndLists()
    {
        ScopedDataDir data;
        auto db = Database::open(data.filePath(QStringLiteral("store.db")));
        QVERIFY(db);
        tls::CertificateInventory inventory(*db);
        QVERIFY(inventory.migrate());
        QVERIFY(inventory.migrate()); // idempotent

        const auto ca = makeCa();
        tls::IssueSettings soon;
        soon.validityDays = 5;
        const tls::NodeEntry node{QStringLiteral("w1"), QStringLiteral("10.0.0.2"), {}, false};
        auto shortLived = tls::NodeIssuer::issue(ca, node, soon);
        auto longLived = tls::NodeIssuer::issue(ca, node, {});
        QVERIFY(shortLived && longLived);
        const QList<tls::InventoryEntry> entries{
            tls::CertificateInventory::entryFor(ca.root(), QStringLiteral("prod"), {}, {}),
            tls::CertificateInventory::entryFor(shortLived->certificate, QStringLiteral("prod"),
                                                node.name, QStringLiteral("/b/w1")),
            tls::CertificateInventory::entryFor(longLived->certificate, QStringLiteral("prod"),
                                                node.name, QStringLiteral("/b/w1"))};
        auto recorded = inventory.record(entries);
        QVERIFY2(recorded, recorded ? "" : qPrintable(recorded.error().text()));
        QVERIFY(inventory.record(entries)); // recording again updates, never duplicates

        auto listed = inventory.list();
        QVERIFY(listed);
        QCOMPARE(listed->size(), 3);
        QCOMPARE(listed->first().fingerprint, shortLived->certificate.sha256Fingerprint());
        QCOMPARE(listed->first().expiryLevel(), tls::ExpiryLevel::Within7Days);
        QCOMPARE(listed->first().subjectAltNames, shortLived->certificate.subjectAltNames());
        QVERIFY(listed->last().isCa);
        QCOMPARE(listed->last().expiryLevel(), tls::ExpiryLevel::Ok);

        auto found = inventory.find(longLived->certificate.sha256Fingerprint());
        QVERIFY(found);
        QCOMPARE(found->certificatePem, longLived->certificate.toPem());
        QCOMPARE(inventory.find(QStringLiteral("nope")).error().code, "tls.inventory-not-found"_L1);
    }

    void keepsOnlyEncryptedKeys()
    {
        ScopedDataDir data;
        auto db = Database::open(data.filePath(QStringLiteral("store.db")));
        QVERIFY(db);
        tls::CertificateInventory inventory(*db);
        QVERIFY(inventory.migrate());
        const auto ca = makeCa();
        auto issued = tls::NodeIssuer::issue(
            ca, {QStringLiteral("w1"), QStringLiteral("10.0.0.2"), {}, false}, {});
        const QString fp = issued->certificate.sha256Fingerprint();
        QVERIFY(inventory.record(
            {tls::CertificateInventory::entryFor(issued->certificate, {}, {}, {})}));
        auto plain = issued->key.toPem();
        QVERIFY(
            !inventory.storeEncryptedKey(fp, QByteArray(plain->data(), qsizetype(plain->size()))));
        QVERIFY(!inventory.encryptedKey(fp));
        const SecretBuffer pass = SecretBuffer::fromView("keep these keys safe");
        auto encrypted = issued->key.toEncryptedPem(pass);
        QVERIFY(inventory.storeEncryptedKey(
            fp, QByteArray(encrypted->data(), qsizetype(encrypted->size()))));
        auto kept = inventory.encryptedKey(fp);
        QVERIFY(kept);
        auto opened =
            tls::PrivateKey::fromPem({kept->constData(), std::size_t(kept->size())}, &pass);
        QVERIFY(opened);
        QVERIFY(issued->certificate.matchesKey(*opened));
        QVERIFY(inventory.find(fp)->hasEncryptedKey);
    }
};

QTEST_GUILESS_MAIN(TestCertificateInventory)
#include "tst_certificateinventory.moc"
