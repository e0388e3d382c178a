#include "QuotaFixtures.h"

#include "core/quotas/AlertLog.h"
#include "core/quotas/QuotaRepository.h"
#include "core/quotas/UsageHistory.h"
#include "core/store/Database.h"
#include "support/TestMain.h"

using namespace raysec;

class TestQuotaStore : public QObject
{
    Q_OBJECT

private:
    static Database openStore()
    {
        auto db = Database::open(QStringLiteral(":memory:"));
        if (!db || !QuotaRepository::migrate(*db)) {
            qFatal("store did not open");
        }
        return std::move(*db);
    }

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void savesAndLoadsTheConfiguration()
    {
        Database db = openStore();
        QuotaRepository repo(db);
        QCOMPARE(repo.load()->policies.size(), 0); // defaults before anything is saved
        QCOMPARE(repo.load()->alerts.thresholds, (QList<double>{0.8, 1.0}));
        const QuotaConfig config = test::fixtureConfig();
        QVERIFY(repo.save(config));
        const auto loaded = repo.load();
        QVERIFY(loaded);
        QCOMPARE(loaded->toJson(), config.toJson());
        const QuotaPolicy* ml = loaded->find(QuotaSubject::Team, QStringLiteral("ml"));
        QVERIFY(ml);
        QCOMPARE(*ml->hard.concurrentJobs, 3);
        QCOMPARE(*ml->soft.cpu, 8.0);
        QCOMPARE(loaded->keyTeams.value(QStringLiteral("k_etl")), QStringLiteral("data"));
        QCOMPARE(loaded->rules.size(), 1);
    }

    void refusesInvalidConfigurationsAndKeepsTheOldOne_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not json") << QByteArray("{teams:");
        QTest::newRow("wrong version") << QByteArray("{\"version\": 2}");
        QTest::newRow("negative cpu")
            << QByteArray("{\"teams\": {\"ml\": {\"hard\": {\"CPU\": -1}}}}");
        QTest::newRow("soft above hard") << QByteArray(
            "{\"teams\": {\"ml\": {\"soft\": {\"GPU\": 5}, \"hard\": {\"GPU\": 4}}}}");
        QTest::newRow("cpu as text")
            << QByteArray("{\"teams\": {\"ml\": {\"hard\": {\"CPU\": \"8\"}}}}");
        QTest::newRow("bad rule") << QByteArray(
            "{\"mapping\": {\"rules\": [{\"field\": \"entrypoint\", \"pattern\": \"(\", \"team\": "
            "\"x\"}]}}");
        QTest::newRow("bad rule field")
            << QByteArray("{\"mapping\": {\"rules\": [{\"field\": \"name\", \"pattern\": \"a\", "
                          "\"team\": \"x\"}]}}");
        QTest::newRow("bad threshold") << QByteArray("{\"alerts\": {\"thresholds\": [0]}}");
        QTest::newRow("bad webhook")
            << QByteArray("{\"alerts\": {\"webhook\": \"file:///etc/x\"}}");
        QTest::newRow("relative command")
            << QByteArray("{\"alerts\": {\"command\": [\"notify\"]}}");
    }

    void refusesInvalidConfigurationsAndKeepsTheOldOne()
    {
        QFETCH(QByteArray, json);
        const auto parsed = QuotaConfig::fromJson(json);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, QStringLiteral("quotas.invalid-config"));

        Database db = openStore();
        QuotaRepository repo(db);
        QVERIFY(repo.save(test::fixtureConfig()));
        QuotaConfig bad = test::fixtureConfig();
        bad.policies.first().hard.cpu = -5;
        QVERIFY(!repo.save(bad));
        QCOMPARE(repo.load()->toJson(), test::fixtureConfig().toJson());
    }

    void keepsAlertsUntilAcknowledged()
    {
        Database db = openStore();
        AlertLog log(db);
        const QDateTime at = test::fixtureNow();
        AlertTransition up{AlertTransition::Kind::Raised,
                           QStringLiteral("team:ml"),
                           QStringLiteral("CPU"),
                           0.8,
                           8.5,
                           10,
                           at};
        QCOMPARE(log.record({up})->size(), 1);
        QCOMPARE(*log.openKeys(), QSet<QString>{up.alertKey()});
        auto alerts = log.list();
        QCOMPARE(alerts->size(), 1);
        const qint64 id = alerts->first().id;
        QVERIFY(!alerts->first().acknowledgedAt);
        QVERIFY(log.acknowledge(id, at));
        QVERIFY(log.list()->first().acknowledgedAt.has_value());
        QCOMPARE(log.acknowledge(id, at).error().code, QStringLiteral("quotas.no-such-alert"));

        AlertTransition down = up;
        down.kind = AlertTransition::Kind::Cleared;
        QVERIFY(log.record({down}));
        QVERIFY(log.openKeys()->isEmpty());
        QVERIFY(log.list()->first().clearedAt.has_value());
    }

    void keepsHistoryWithRetentionAndDownsampling()
    {
        Database db = openStore();
        UsageHistory history(db);
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1764720000000, Qt::UTC); // whole hour
        UsageReport report;
        for (int minutes : {40 * 24 * 60, 30 * 60 + 10, 30 * 60 + 20, 30, 0}) {
            report.at = now.addSecs(-60 * minutes);
            report.teams[QStringLiteral("ml")].used.cpu = minutes == 30 * 60 + 20 ? 4 : 2;
            QVERIFY(history.record(report));
        }
        QVERIFY(history.maintain(now, 30, 24));
        const auto series =
            history.series(QStringLiteral("team:ml"), QStringLiteral("CPU"), now.addDays(-60));
        QVERIFY(series);
        // The 40-day-old sample is gone; the two from 30 h ago became one hourly mean of 3.
        QCOMPARE(series->size(), 3);
        QCOMPARE(series->at(0).value, 3.0);
        QCOMPARE(series->at(0).at.toMSecsSinceEpoch() % (3600 * 1000), 0);
        QCOMPARE(series->at(2).value, 2.0);
        QVERIFY(history.maintain(now, 30, 24)); // a second pass changes nothing
        QCOMPARE(history.series(QStringLiteral("team:ml"), QStringLiteral("CPU"), now.addDays(-60))
                     ->size(),
                 3);
        QVERIFY(!history.series(QStringLiteral("cluster"), QStringLiteral("CPU"), now.addDays(-60))
                     ->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestQuotaStore)
#include "tst_quotastore.moc"
