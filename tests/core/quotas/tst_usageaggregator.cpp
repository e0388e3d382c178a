#include "QuotaFixtures.h"

#include "support/TestMain.h"

using namespace raysec;

class TestUsageAggregator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void parsesTheFixtureLists()
    {
        const auto input = test::fixtureInput();
        QCOMPARE(input->tasks.rows.size(), 7);
        QCOMPARE(input->tasks.total, 7);
        QVERIFY(!input->tasks.truncated());
        QCOMPARE(input->actors.rows.size(), 6);
        QVERIFY(!input->actors.rows.at(5).required.has_value()); // no detail for a6
        QCOMPARE(input->placementGroups.rows.at(0).bundles.size(), 2);
        QCOMPARE(input->jobs.size(), 5);
        QVERIFY(input->jobs.at(0).hasReservationFields);
        QCOMPARE(input->jobs.at(0).entrypointReservation.cpu, 1.0);
        QVERIFY(!input->jobs.at(1).hasReservationFields);
        QCOMPARE(input->jobs.at(4).jobId, QString());
        QCOMPARE(input->nodes->size(), 3);
    }

    void countsPlacementGroupsOnceWithTheirTasks()
    {
        const UsageReport r = UsageAggregator::aggregate(test::fixtureInput(),
                                                         test::fixtureConfig(), test::fixtureNow());
        const JobUsage ml = r.jobs.value(QStringLiteral("01000000"));
        // entrypoint 1 CPU + task t1 (2 CPU, 1 GPU) + pgA bundles (4 CPU, 2 GPU); t2 and a2
        // run inside pgA and are not counted again; a1 is a default actor (0 CPU).
        QCOMPARE(ml.used.cpu, 7.0);
        QCOMPARE(ml.used.gpu, 3.0);
        QCOMPARE(ml.runningTasks, 2);
        QCOMPARE(ml.aliveActors, 2);
        QCOMPARE(ml.placementGroups, 1);
        QCOMPARE(ml.team, QStringLiteral("ml"));
        QVERIFY(ml.used.custom.isEmpty()); // the "bundle" shadow resource is not summed
    }

    void skipsActorTasksNodeMarkersAndEndedWork()
    {
        const UsageReport r = UsageAggregator::aggregate(test::fixtureInput(),
                                                         test::fixtureConfig(), test::fixtureNow());
        const JobUsage etl = r.jobs.value(QStringLiteral("02000000"));
        // t4 (1 CPU, 1 GiB) + a3 (1 CPU, 1 GPU); t5 is an actor task, a4 is dead, pgB removed.
        QCOMPARE(etl.used.cpu, 2.0);
        QCOMPARE(etl.used.gpu, 1.0);
        QCOMPARE(etl.used.memory, 1073741824.0);
        QVERIFY(etl.used.custom.isEmpty());
        QCOMPARE(etl.team, QStringLiteral("data")); // through the key's team
        QCOMPARE(etl.keyId, QStringLiteral("k_etl"));
        QCOMPARE(r.keys.value(QStringLiteral("k_etl")).used.cpu, 2.0);
    }

    void defaultActorsHoldNothingWhileAlive()
    {
        const UsageReport r = UsageAggregator::aggregate(test::fixtureInput(),
                                                         test::fixtureConfig(), test::fixtureNow());
        const JobUsage reports = r.jobs.value(QStringLiteral("03000000"));
        // t7 only: a6 (alive, no required_resources) holds 0; a5 is still pending; pgC pending.
        QCOMPARE(reports.used.cpu, 0.5);
        QCOMPARE(reports.used.custom.value(QStringLiteral("custom_accel")), 2.0);
        QCOMPARE(reports.aliveActors, 1);
        QCOMPARE(reports.team, QStringLiteral("reports")); // entrypoint rule
    }

    void workOfUnknownJobsIsUnassigned()
    {
        const UsageReport r = UsageAggregator::aggregate(test::fixtureInput(),
                                                         test::fixtureConfig(), test::fixtureNow());
        const JobUsage orphan = r.jobs.value(QStringLiteral("05000000"));
        QCOMPARE(orphan.used.cpu, 1.0); // a task without required_resources holds Ray's 1 CPU
        QCOMPARE(orphan.team, QStringLiteral("unassigned"));
        QCOMPARE(r.teams.value(QStringLiteral("unassigned")).used.cpu, 1.0);
    }

    void sumsTeamsAndCluster()
    {
        const UsageReport r = UsageAggregator::aggregate(test::fixtureInput(),
                                                         test::fixtureConfig(), test::fixtureNow());
        QCOMPARE(r.teams.value(QStringLiteral("ml")).used.cpu, 7.0);
        QCOMPARE(r.teams.value(QStringLiteral("ml")).activeJobs, 2); // running + pending
        QCOMPARE(r.teams.value(QStringLiteral("ml")).submissionsLastHour, 2);
        QCOMPARE(r.teams.value(QStringLiteral("data")).activeJobs, 1);
        QCOMPARE(r.teams.value(QStringLiteral("reports")).submissionsLastHour, 0);
        QCOMPARE(r.clusterUsed.cpu, 10.5);
        QCOMPARE(r.clusterUsed.gpu, 4.0);
        QVERIFY(r.clusterCapacity.has_value());
        QCOMPARE(r.clusterCapacity->cpu, 16.0); // the dead node does not count
        QCOMPARE(r.clusterCapacity->gpu, 4.0);
        QVERIFY(!r.truncated);
        QVERIFY(r.notes.isEmpty());
        QCOMPARE(r.topJobs(1).first().jobId, QStringLiteral("01000000"));
        QCOMPARE(r.tasksOf(QStringLiteral("01000000")).size(), 2);
        QCOMPARE(r.actorsOf(QStringLiteral("01000000")).size(), 2);
    }

    void saysWhenAListWasTruncated()
    {
        const auto input = test::fixtureInput(QStringLiteral("tasks_truncated.json"));
        QVERIFY(input->tasks.truncated());
        QCOMPARE(input->tasks.total, 25000);
        QCOMPARE(input->tasks.numAfterTruncation, 10000);
        QCOMPARE(input->tasks.warnings,
                 QStringList{QStringLiteral("Some nodes did not answer in time.")});
        const UsageReport r =
            UsageAggregator::aggregate(input, test::fixtureConfig(), test::fixtureNow());
        QVERIFY(r.truncated);
        QCOMPARE(r.notes.size(), 1);
        QVERIFY(r.notes.first().contains(QStringLiteral("25000")));
        QVERIFY(r.notes.first().contains(QStringLiteral("10000")));
    }
};

QTEST_GUILESS_MAIN(TestUsageAggregator)
#include "tst_usageaggregator.moc"
