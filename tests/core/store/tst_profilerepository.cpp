#include "core/store/Database.h"
#include "core/store/ProfileRepository.h"
#include "support/TestMain.h"

#include <QTemporaryDir>
#include <QTest>

using namespace raysec;

namespace {

ClusterProfile sampleProfile()
{
    ClusterProfile p;
    p.name = QStringLiteral("prod");
    p.dashboardUrl = QUrl(QStringLiteral("https://ray.example.org:8443"));
    p.trust = TrustMode::PinnedSpki;
    p.pinnedSpkiSha256 = QString::fromLatin1(QByteArray(32, '\x07').toBase64());
    p.auth = AuthMode::RayToken;
    p.refreshSeconds = 10;
    return p;
}

} // namespace

class TestProfileRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void saveFindListRemove()
    {
        auto db = Database::open(QStringLiteral(":memory:"));
        ProfileRepository repo(*db);
        QVERIFY(repo.migrate());
        auto saved0 = repo.save(sampleProfile());
        QVERIFY2(saved0.has_value(), qPrintable(saved0 ? QString() : saved0.error().text()));

        auto found = repo.find(QStringLiteral("prod"));
        QVERIFY(found.has_value());
        QCOMPARE(found->dashboardUrl, QUrl(QStringLiteral("https://ray.example.org:8443")));
        QCOMPARE(found->trust, TrustMode::PinnedSpki);
        QCOMPARE(found->auth, AuthMode::RayToken);
        QCOMPARE(found->refreshSeconds, 10);
        QCOMPARE(repo.list()->size(), 1);

        QVERIFY(repo.remove(QStringLiteral("prod")));
        QCOMPARE(repo.find(QStringLiteral("prod")).error().code,
                 QStringLiteral("profile.not-found"));
    }

    void renameReplacesInOneStep()
    {
        auto db = Database::open(QStringLiteral(":memory:"));
        ProfileRepository repo(*db);
        QVERIFY(repo.migrate());
        auto saved0 = repo.save(sampleProfile());
        QVERIFY2(saved0.has_value(), qPrintable(saved0 ? QString() : saved0.error().text()));
        ClusterProfile renamed = sampleProfile();
        renamed.name = QStringLiteral("production");
        QVERIFY(repo.replace(QStringLiteral("prod"), renamed));
        QCOMPARE(repo.list()->size(), 1);
        QVERIFY(repo.find(QStringLiteral("production")).has_value());
    }

    void invalidProfilesAreRefusedAndNothingChanges_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("empty name") << "name"
                                    << "";
        QTest::newRow("name with slash") << "name"
                                         << "a/b";
        QTest::newRow("plain http to remote host") << "url"
                                                   << "http://10.0.0.5:8265";
        QTest::newRow("ftp") << "url"
                             << "ftp://ray.example.org";
        QTest::newRow("credentials in url") << "url"
                                            << "https://u:p@ray.example.org";
        QTest::newRow("no host") << "url"
                                 << "https://";
        QTest::newRow("short pin") << "pin"
                                   << "AAAA";
        QTest::newRow("pin not base64") << "pin"
                                        << "not*base64*at*all*not*base64*at*all*xxxxxxx=";
    }

    void invalidProfilesAreRefusedAndNothingChanges()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        ClusterProfile p = sampleProfile();
        if (field == QLatin1String("name")) {
            p.name = value;
        } else if (field == QLatin1String("url")) {
            p.dashboardUrl = QUrl(value);
        } else {
            p.pinnedSpkiSha256 = value;
        }

        auto db = Database::open(QStringLiteral(":memory:"));
        ProfileRepository repo(*db);
        QVERIFY(repo.migrate());
        QVERIFY(!p.validate().isEmpty());
        QCOMPARE(p.validate().first().field, field == QLatin1String("pin") ? field : field);
        auto saved = repo.save(p);
        QVERIFY(!saved.has_value());
        QCOMPARE(saved.error().code, QStringLiteral("profile.invalid"));
        QCOMPARE(repo.list()->size(), 0);
    }

    void plainHttpToLoopbackIsAllowed_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("ipv4") << "http://127.0.0.1:8265";
        QTest::newRow("localhost") << "http://localhost:8265";
        QTest::newRow("ipv6") << "http://[::1]:8265";
    }

    void plainHttpToLoopbackIsAllowed()
    {
        QFETCH(QString, url);
        ClusterProfile p = sampleProfile();
        p.dashboardUrl = QUrl(url);
        QVERIFY(p.validate().isEmpty());
        QVERIFY(p.isPlainHttp());
    }
};

QTEST_GUILESS_MAIN(TestProfileRepository)
#include "tst_profilerepository.moc"
