#include "QuotaFixtures.h"

#include "core/quotas/WhatIf.h"
#include "support/TestMain.h"

using namespace raysec;

class TestWhatIf : public QObject
{
    Q_OBJECT

private:
    static WhatIfAnswer ask(const QByteArray& body)
    {
        const UsageReport usage = UsageAggregator::aggregate(
            test::fixtureInput(), test::fixtureConfig(), test::fixtureNow());
        auto submission = JobSubmission::fromJson(body);
        if (!submission) {
            qFatal("submission did not parse");
        }
        return WhatIf::evaluate(*submission, usage, test::fixtureConfig());
    }

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void fitsWithASoftWarning()
    {
        // ml holds 7 CPU; 2 more stay under the hard 10 but pass the soft 8.
        const WhatIfAnswer a = ask(R"({"entrypoint": "python train.py", "entrypoint_num_cpus": 2,
                                      "metadata": {"raysec.team": "ml"}})");
        QVERIFY(a.fits);
        QCOMPARE(a.team, QStringLiteral("ml"));
        QVERIFY(a.clusterChecked);
        QCOMPARE(a.softWarnings.size(), 1);
        QCOMPARE(a.softWarnings.first().metric, QStringLiteral("CPU"));
    }

    void namesTheHardLimitThatWouldBreak()
    {
        const WhatIfAnswer a = ask(R"({"entrypoint": "python train.py", "entrypoint_num_cpus": 4,
                                      "metadata": {"raysec.team": "ml"}})");
        QVERIFY(!a.fits);
        QCOMPARE(a.reasons.size(), 1);
        const WhatIfReason r = a.reasons.first();
        QCOMPARE(r.scope, QStringLiteral("team:ml"));
        QCOMPARE(r.metric, QStringLiteral("CPU"));
        QCOMPARE(r.current, 7.0);
        QCOMPARE(r.requested, 4.0);
        QCOMPARE(r.limit, 10.0);
        QVERIFY(r.text.contains(QStringLiteral("10")));
    }

    void checksTheClustersFreeResources()
    {
        // All 4 GPUs are in use; the ml team itself may still take a fourth (3 + 1 <= 4).
        const WhatIfAnswer a = ask(R"({"entrypoint": "python train.py", "entrypoint_num_gpus": 1,
                                      "metadata": {"raysec.team": "ml"}})");
        QVERIFY(!a.fits);
        QCOMPARE(a.reasons.size(), 1);
        QCOMPARE(a.reasons.first().scope, QStringLiteral("cluster"));
        QCOMPARE(a.reasons.first().metric, QStringLiteral("GPU"));
        QCOMPARE(a.reasons.first().current, 4.0);
        QCOMPARE(a.reasons.first().limit, 4.0);
    }

    void checksTheKeysQuotaAndConcurrentJobs()
    {
        // data (through k_etl) holds 2 CPU: the key's hard 2 breaks, the team's hard 4 holds.
        const WhatIfAnswer a = ask(R"({"entrypoint": "python etl.py", "entrypoint_num_cpus": 1,
                                      "metadata": {"raysec.key_id": "k_etl"}})");
        QVERIFY(!a.fits);
        QCOMPARE(a.team, QStringLiteral("data"));
        QCOMPARE(a.reasons.size(), 1);
        QCOMPARE(a.reasons.first().scope, QStringLiteral("key:k_etl"));
    }

    void unassignedJobsAreOnlyLimitedByTheCluster()
    {
        const WhatIfAnswer a = ask(R"({"entrypoint": "bash run.sh", "entrypoint_num_cpus": 5})");
        QCOMPARE(a.team, QStringLiteral("unassigned"));
        QVERIFY(a.fits); // 10.5 + 5 <= 16
        const WhatIfAnswer b = ask(R"({"entrypoint": "bash run.sh", "entrypoint_num_cpus": 6})");
        QVERIFY(!b.fits);
    }

    void refusesBadSubmissions_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not json") << QByteArray("entrypoint=python");
        QTest::newRow("no entrypoint") << QByteArray(R"({"entrypoint_num_cpus": 1})");
        QTest::newRow("blank entrypoint") << QByteArray(R"({"entrypoint": "  "})");
        QTest::newRow("negative cpus")
            << QByteArray(R"({"entrypoint": "x", "entrypoint_num_cpus": -2})");
        QTest::newRow("cpus as text")
            << QByteArray(R"({"entrypoint": "x", "entrypoint_num_cpus": "2"})");
        QTest::newRow("metadata not text")
            << QByteArray(R"({"entrypoint": "x", "metadata": {"a": 1}})");
    }

    void refusesBadSubmissions()
    {
        QFETCH(QByteArray, body);
        const auto s = JobSubmission::fromJson(body);
        QVERIFY(!s);
        QCOMPARE(s.error().code, QStringLiteral("quotas.invalid-submission"));
    }
};

QTEST_GUILESS_MAIN(TestWhatIf)
#include "tst_whatif.moc"
