// ClusterMonitor and `raysec-cli status` end to end: against the fixtures served over HTTPS by
// Python's ssl module, and against raysec-sim with token auth.

#include "TestPki.h"

#include "core/cluster/ClusterMonitor.h"
#include "core/cluster/RayClient.h"
#include "core/cluster/RayParsers.h"
#include "support/SimProcess.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace raysec;

class TestClusterMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void monitorPublishesSnapshot();
    void monitorReportsUntrustedCertificate();
    void simulatorAcceptsToken();
    void simulatorMissingToken();
    void simulatorWrongToken();
    void simulatorSeesNoBrowserHeaders();
    void monitorOverPlainHttpFlagsIt();
    void cliStatusJson();
    void cliStatusUnknownCa();

private:
    ClusterProfile fixtureProfile(quint16 port) const;
    Result<QByteArray> fetchVersion(const test::SimProcess& sim, const char* token);

    test::TestPki m_pki;
};

namespace {

const QByteArray simToken = "f00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeed";

// fixture_server.py: the six dashboard endpoints from tests/core/cluster/fixtures over HTTPS.
class FixtureServer
{
public:
    ~FixtureServer()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    bool start(const QString& cert, const QString& key)
    {
        const QString dir = QStringLiteral(RAYSEC_SOURCE_DIR "/tests/core/cluster");
        m_process.start(QStringLiteral("/usr/bin/python3"),
                        {dir + QStringLiteral("/fixture_server.py"),
                         dir + QStringLiteral("/fixtures"), cert, key});
        if (!m_process.waitForReadyRead(20000)) {
            return false;
        }
        m_port = quint16(m_process.readLine().trimmed().toUInt());
        return m_port != 0;
    }
    quint16 port() const { return m_port; }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

ClusterProfile simProfile(const test::SimProcess& sim)
{
    ClusterProfile p;
    p.name = QStringLiteral("sim");
    p.dashboardUrl = sim.url();
    p.trust = TrustMode::CaBundle;
    p.caBundlePath = sim.caFile();
    return p;
}

} // namespace

void TestClusterMonitor::initTestCase()
{
    QString error;
    QVERIFY2(m_pki.create(&error), qPrintable(error));
}

void TestClusterMonitor::init()
{
    test::failOnWarnings();
}

ClusterProfile TestClusterMonitor::fixtureProfile(quint16 port) const
{
    ClusterProfile p;
    p.name = QStringLiteral("fixtures");
    p.dashboardUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port));
    p.trust = TrustMode::CaBundle;
    p.caBundlePath = m_pki.crt(QStringLiteral("ca"));
    return p;
}

void TestClusterMonitor::monitorPublishesSnapshot()
{
    FixtureServer server;
    QVERIFY(server.start(m_pki.crt(QStringLiteral("valid")), m_pki.key(QStringLiteral("valid"))));
    ClusterMonitor monitor(fixtureProfile(server.port()), nullptr);
    QSignalSpy ready(&monitor, &ClusterMonitor::snapshotReady);
    QSignalSpy failed(&monitor, &ClusterMonitor::failed);
    monitor.start();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size() + failed.size(), 1, 20000);
    QCOMPARE(failed.size(), 0);

    const auto snapshot = ready.first().first().value<ClusterSnapshot>();
    QCOMPARE(snapshot.rayVersion, QStringLiteral("2.52.1"));
    QCOMPARE(int(snapshot.authMode), int(AuthModeSeen::Token));
    QCOMPARE(snapshot.nodesAlive, 2);
    QCOMPARE(snapshot.nodesDead, 1);
    QCOMPARE(snapshot.resources.value(QStringLiteral("CPU")).total, 24.0);
    QVERIFY(!snapshot.resources.contains(QStringLiteral("node:10.0.0.1")));
    QCOMPARE(snapshot.jobs.size(), 4);
    QCOMPARE(snapshot.jobs.first().entrypoint, QStringLiteral("<img src=x onerror=alert(1)>"));
    QCOMPARE(snapshot.totalTasks, 49);
    QVERIFY(!snapshot.plainHttp);
    QVERIFY(snapshot.fetchedAt.isValid());
    monitor.stop();
}

void TestClusterMonitor::monitorReportsUntrustedCertificate()
{
    FixtureServer server;
    QVERIFY(
        server.start(m_pki.crt(QStringLiteral("unknown")), m_pki.key(QStringLiteral("unknown"))));
    ClusterMonitor monitor(fixtureProfile(server.port()), nullptr);
    QSignalSpy untrusted(&monitor, &ClusterMonitor::certificateUntrusted);
    QSignalSpy failed(&monitor, &ClusterMonitor::failed);
    monitor.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QCOMPARE(failed.first().first().value<Error>().code, QStringLiteral("tls.unknown-ca"));
    QCOMPARE(untrusted.size(), 1);
    QCOMPARE(untrusted.first().at(1).toString(),
             m_pki.opensslFingerprint(QStringLiteral("unknown")));
    QCOMPARE(untrusted.first().at(2).toString(), m_pki.opensslSpkiPin(QStringLiteral("unknown")));
    monitor.stop();
}

Result<QByteArray> TestClusterMonitor::fetchVersion(const test::SimProcess& sim, const char* token)
{
    RayClient client(simProfile(sim));
    if (auto ok = client.configure(); !ok) {
        return std::unexpected(ok.error());
    }
    if (token) {
        client.setToken(SecretBuffer::fromView(token));
    }
    std::optional<Result<QByteArray>> outcome;
    QObject context;
    client.getVersion(&context, [&outcome](Result<QByteArray> r) { outcome = std::move(r); });
    const QDeadlineTimer deadline(20000);
    while (!outcome && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    if (!outcome) {
        return fail(QStringLiteral("test.no-answer"), QStringLiteral("no answer"));
    }
    return *outcome;
}

void TestClusterMonitor::simulatorAcceptsToken()
{
    test::SimProcess sim;
    QString error;
    test::SimProcess::Options options;
    options.token = simToken;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    auto body = fetchVersion(sim, simToken.constData());
    QVERIFY2(body, qPrintable(body ? QString() : body.error().text()));
    auto version = RayParsers::parseVersion(*body);
    QVERIFY(version);
    QCOMPARE(version->rayVersion, QStringLiteral("2.53.0"));
}

void TestClusterMonitor::simulatorMissingToken()
{
    test::SimProcess sim;
    QString error;
    test::SimProcess::Options options;
    options.token = simToken;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    auto body = fetchVersion(sim, nullptr);
    QVERIFY(!body);
    QCOMPARE(body.error().code, QStringLiteral("http.401"));
}

void TestClusterMonitor::simulatorWrongToken()
{
    test::SimProcess sim;
    QString error;
    test::SimProcess::Options options;
    options.token = simToken;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    auto body =
        fetchVersion(sim, "0000000000000000000000000000000000000000000000000000000000000000");
    QVERIFY(!body);
    QCOMPARE(body.error().code, QStringLiteral("http.403"));
    QVERIFY(body.error().hint.contains(QLatin1String("token")));
}

void TestClusterMonitor::simulatorSeesNoBrowserHeaders()
{
    test::SimProcess sim;
    QString error;
    test::SimProcess::Options options;
    options.token = simToken;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    QVERIFY(fetchVersion(sim, simToken.constData()));

    // The simulator logs the header names of every request (never their values).
    const QByteArray log = test::readFile(sim.requestLogFile());
    QVERIFY2(!log.isEmpty(), "no request log");
    bool sawVersion = false;
    for (const QByteArray& line : log.split('\n')) {
        if (line.trimmed().isEmpty()) {
            continue;
        }
        const auto entry = nlohmann::json::parse(line.toStdString());
        if (entry.value("path", "") != "/api/version") {
            continue;
        }
        sawVersion = true;
        const auto& headers = entry.at("headers");
        auto has = [&headers](const std::string& name) {
            return std::find(headers.begin(), headers.end(), name) != headers.end();
        };
        QVERIFY(has("user-agent"));
        QVERIFY(has("authorization"));
        for (const auto& h : headers) {
            const std::string name = h.get<std::string>();
            QVERIFY2(name != "origin" && name != "referer" && !name.starts_with("sec-fetch-"),
                     name.c_str());
        }
        QCOMPARE(entry.value("status", 0), 200);
    }
    QVERIFY(sawVersion);
}

void TestClusterMonitor::monitorOverPlainHttpFlagsIt()
{
    test::SimProcess sim;
    QString error;
    test::SimProcess::Options options;
    options.tls = false;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    ClusterProfile p;
    p.name = QStringLiteral("plain");
    p.dashboardUrl = sim.url();
    QVERIFY(p.isPlainHttp());
    ClusterMonitor monitor(p, nullptr);
    QSignalSpy ready(&monitor, &ClusterMonitor::snapshotReady);
    QSignalSpy failed(&monitor, &ClusterMonitor::failed);
    monitor.start();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size() + failed.size(), 1, 30000);
    QVERIFY2(
        failed.isEmpty(),
        qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<Error>().text()));
    const auto snapshot = ready.first().first().value<ClusterSnapshot>();
    QVERIFY(snapshot.plainHttp);
    QCOMPARE(snapshot.rayVersion, QStringLiteral("2.53.0"));
    QVERIFY(snapshot.nodesAlive > 0);
    QVERIFY(!snapshot.jobs.isEmpty());
    monitor.stop();
}

void TestClusterMonitor::cliStatusJson()
{
    test::ScopedDataDir data;
    FixtureServer server;
    QVERIFY(server.start(m_pki.crt(QStringLiteral("valid")), m_pki.key(QStringLiteral("valid"))));

    QProcess add;
    add.start(test::builtProgram(QStringLiteral("raysec-cli")),
              {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("fixtures"),
               QStringLiteral("--url"), QStringLiteral("https://127.0.0.1:%1").arg(server.port()),
               QStringLiteral("--trust"), QStringLiteral("ca-bundle"),
               QStringLiteral("--ca-bundle"), m_pki.crt(QStringLiteral("ca"))});
    QVERIFY(add.waitForFinished(30000));
    QVERIFY2(add.exitCode() == 0, add.readAllStandardError().constData());

    QProcess status;
    status.start(test::builtProgram(QStringLiteral("raysec-cli")),
                 {QStringLiteral("status"), QStringLiteral("--profile"), QStringLiteral("fixtures"),
                  QStringLiteral("--json"), QStringLiteral("--timeout"), QStringLiteral("20")});
    QVERIFY(status.waitForFinished(30000));
    QVERIFY2(status.exitCode() == 0, status.readAllStandardError().constData());
    const auto json = nlohmann::json::parse(status.readAllStandardOutput().toStdString());
    QCOMPARE(json.at("rayVersion").get<std::string>(), std::string("2.52.1"));
    QCOMPARE(json.at("authMode").get<std::string>(), std::string("token"));
    QCOMPARE(json.at("nodesAlive").get<int>(), 2);
    QCOMPARE(json.at("resources").at("GPU").at("used").get<double>(), 1.0);
    QCOMPARE(json.at("jobs").size(), std::size_t(4));
    QCOMPARE(json.at("jobs").at(2).at("message").get<std::string>(),
             std::string("Job failed:\a\x1b[31m <script>alert(2)</script>"));
    QCOMPARE(json.at("plainHttp").get<bool>(), false);
}

void TestClusterMonitor::cliStatusUnknownCa()
{
    test::ScopedDataDir data;
    FixtureServer server;
    QVERIFY(
        server.start(m_pki.crt(QStringLiteral("unknown")), m_pki.key(QStringLiteral("unknown"))));
    QProcess add;
    add.start(test::builtProgram(QStringLiteral("raysec-cli")),
              {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("fixtures"),
               QStringLiteral("--url"), QStringLiteral("https://127.0.0.1:%1").arg(server.port()),
               QStringLiteral("--trust"), QStringLiteral("ca-bundle"),
               QStringLiteral("--ca-bundle"), m_pki.crt(QStringLiteral("ca"))});
    QVERIFY(add.waitForFinished(30000));
    QCOMPARE(add.exitCode(), 0);

    QProcess status;
    status.start(
        test::builtProgram(QStringLiteral("raysec-cli")),
        {QStringLiteral("status"), QStringLiteral("--profile"), QStringLiteral("fixtures")});
    QVERIFY(status.waitForFinished(30000));
    QCOMPARE(status.exitCode(), 1);
    const QString err = QString::fromUtf8(status.readAllStandardError());
    QVERIFY2(err.contains(m_pki.opensslFingerprint(QStringLiteral("unknown"))), qPrintable(err));
    QVERIFY2(err.contains(m_pki.opensslSpkiPin(QStringLiteral("unknown"))), qPrintable(err));
    QVERIFY(status.readAllStandardOutput().isEmpty());
}

QTEST_GUILESS_MAIN(TestClusterMonitor)
#include "tst_clustermonitor.moc"
