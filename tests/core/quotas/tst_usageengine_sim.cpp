#include "core/cluster/RayClient.h"
#include "core/quotas/UsageEngine.h"
#include "support/SimProcess.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QSignalSpy>

using namespace raysec;

// The usage engine against raysec-sim's quota-known scenario, over real TLS. The expected
// numbers follow from the scenario's fixed cluster (sim/QuotaKnownCluster.cpp).
class TestUsageEngineSim : public QObject
{
    Q_OBJECT

private:
    static constexpr double gib = 1024.0 * 1024 * 1024;

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void aggregatesTheQuotaKnownCluster()
    {
        test::SimProcess sim;
        test::SimProcess::Options options;
        options.scenario = QStringLiteral("quota-known");
        QString error;
        QVERIFY2(sim.start(options, &error), qPrintable(error));

        ClusterProfile profile;
        profile.name = QStringLiteral("sim");
        profile.dashboardUrl = sim.url();
        profile.trust = TrustMode::CaBundle;
        profile.caBundlePath = sim.caFile();
        RayClient client(profile);
        const auto configured = client.configure();
        QVERIFY2(configured, qPrintable(configured ? QString() : configured.error().text()));

        QuotaConfig config;
        config.teamMetadataKey = QStringLiteral("team"); // the scenario's jobs use "team"
        QuotaPolicy vision;
        vision.name = QStringLiteral("vision");
        vision.hard.cpu = 10;
        config.policies.append(vision);

        UsageEngine engine(StateSource::fromRayClient(client));
        engine.setConfig(config);
        QSignalSpy ready(&engine, &UsageEngine::reportReady);
        QSignalSpy failed(&engine, &UsageEngine::failed);
        engine.start();
        QVERIFY(ready.wait(60000) || !failed.isEmpty());
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString()
                                             : failed.first().first().value<Error>().text()));
        const UsageReport r = *engine.lastReport();
        engine.stop();

        // Alpha: entrypoint 1 + four running tasks + a 4-CPU placement group whose two tasks
        // and Trainer actor are not counted again; ParameterServer is a default actor.
        QCOMPARE(r.jobs.value(QStringLiteral("01000000")).used.cpu, 9.0);
        // Beta: entrypoint 0.5 CPU + 1 GiB, 2 x embed (2 CPU, 1 GPU), tokenize (0.5 CPU,
        // 2 GiB), Predictor 1 CPU; the dead actor and removed group do not count.
        const JobUsage beta = r.jobs.value(QStringLiteral("02000000"));
        QCOMPARE(beta.used.cpu, 6.0);
        QCOMPARE(beta.used.gpu, 2.0);
        QCOMPARE(beta.used.memory, 3 * gib);
        // The driver job names no team.
        QCOMPARE(r.jobs.value(QStringLiteral("03000000")).team, QStringLiteral("unassigned"));
        QCOMPARE(r.teams.value(QStringLiteral("unassigned")).used.cpu, 3.0);
        QCOMPARE(r.teams.value(QStringLiteral("vision")).used.cpu, 9.0);
        QCOMPARE(r.teams.value(QStringLiteral("nlp")).activeJobs, 2); // running + pending
        QCOMPARE(r.clusterUsed.cpu, 18.0);
        QCOMPARE(r.clusterCapacity->cpu, 40.0); // the dead node is left out
        // The task list is longer than 10,000 rows, and the per-job split cannot shorten it.
        QVERIFY(r.truncated);
        QVERIFY(!r.notes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUsageEngineSim)
#include "tst_usageengine_sim.moc"
