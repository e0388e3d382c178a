// ClusterMonitor reading the profile's Ray token from the real keychain (Secret Service under
// dbus-run-session) and polling raysec-sim with token auth on.

#include "core/cluster/ClusterMonitor.h"
#include "core/store/Keychain.h"
#include "support/SimProcess.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace raysec;

class TestClusterMonitorKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void tokenFromKeychain();
    void missingTokenReported();
};

namespace {

const QByteArray simToken = "5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed";

ClusterProfile tokenProfile(const test::SimProcess& sim, const QString& name)
{
    ClusterProfile p;
    p.name = name;
    p.dashboardUrl = sim.url();
    p.trust = TrustMode::CaBundle;
    p.caBundlePath = sim.caFile();
    p.auth = AuthMode::RayToken;
    p.refreshSeconds = 1;
    return p;
}

} // namespace

void TestClusterMonitorKeychain::init()
{
    test::failOnWarnings();
    QVERIFY2(test::secretServiceAvailable(),
             "needs a Secret Service: run under dbus-run-session with gnome-keyring");
}

void TestClusterMonitorKeychain::tokenFromKeychain()
{
    test::SimProcess sim;
    QString error;
    test::SimProcess::Options options;
    options.token = simToken;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    const ClusterProfile profile = tokenProfile(sim, QStringLiteral("monitor-keychain-test"));

    Keychain keychain;
    std::optional<Result<void>> stored;
    keychain.write(profile.keychainService(), QString::fromLatin1(ClusterProfile::tokenEntry),
                   SecretBuffer::fromView(simToken.toStdString()), this,
                   [&stored](Result<void> r) { stored = r; });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 20000);
    QVERIFY2(*stored, qPrintable(stored->has_value() ? QString() : stored->error().text()));

    ClusterMonitor monitor(profile, &keychain);
    QSignalSpy ready(&monitor, &ClusterMonitor::snapshotReady);
    QSignalSpy failed(&monitor, &ClusterMonitor::failed);
    monitor.start();
    // Two rounds: the first at once, the second from the 1 s refresh timer.
    QTRY_VERIFY_WITH_TIMEOUT(ready.size() >= 2 || !failed.isEmpty(), 30000);
    QVERIFY2(
        failed.isEmpty(),
        qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<Error>().text()));
    const auto snapshot = ready.last().first().value<ClusterSnapshot>();
    QCOMPARE(int(snapshot.authMode), int(AuthModeSeen::Token));
    QVERIFY(snapshot.nodesAlive > 0);
    monitor.stop();

    std::optional<Result<void>> removed;
    keychain.remove(profile.keychainService(), QString::fromLatin1(ClusterProfile::tokenEntry),
                    this, [&removed](Result<void> r) { removed = r; });
    QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20000);
}

void TestClusterMonitorKeychain::missingTokenReported()
{
    test::SimProcess sim;
    QString error;
    test::SimProcess::Options options;
    options.token = simToken;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    Keychain keychain;
    ClusterMonitor monitor(tokenProfile(sim, QStringLiteral("monitor-no-token-test")), &keychain);
    QSignalSpy ready(&monitor, &ClusterMonitor::snapshotReady);
    QSignalSpy failed(&monitor, &ClusterMonitor::failed);
    monitor.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QCOMPARE(failed.first().first().value<Error>().code, QStringLiteral("keychain.not-found"));
    QCOMPARE(ready.size(), 0);
}

QTEST_GUILESS_MAIN(TestClusterMonitorKeychain)
#include "tst_clustermonitorkeychain.moc"
