// raysec-sim's switches: certificate shapes checked by a real OpenSSL client, TLS floor, plain
// HTTP, Ray versions and scenarios, the quota-known numbers from docs/simulator.md, hostile
// text, malformed answers, injected errors, latency, decoy ports, seeds and large clusters.

#include "SimHttp.h"
#include "support/SimProcess.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using raysec::test::SimAnswer;
using raysec::test::SimHttp;
using raysec::test::SimProcess;

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

QStringList extra(std::initializer_list<const char*> args)
{
    QStringList list;
    for (const char* arg : args) {
        list << QString::fromLatin1(arg);
    }
    return list;
}

QJsonObject data(const SimAnswer& answer)
{
    return answer.json().object().value(QStringLiteral("data")).toObject();
}

QJsonObject usageOf(const SimAnswer& answer)
{
    return data(answer)
        .value(QStringLiteral("clusterStatus"))
        .toObject()
        .value(QStringLiteral("loadMetricsReport"))
        .toObject()
        .value(QStringLiteral("usage"))
        .toObject();
}

// Runs `openssl s_client` against the simulator; true when the handshake and verification
// succeeded.
bool opensslAccepts(const SimProcess& sim, const QStringList& more = {})
{
    QProcess client;
    client.start(QStringLiteral("openssl"),
                 QStringList{QStringLiteral("s_client"), QStringLiteral("-connect"),
                             QStringLiteral("127.0.0.1:%1").arg(sim.port()),
                             QStringLiteral("-CAfile"), sim.caFile(),
                             QStringLiteral("-verify_return_error"), QStringLiteral("-verify_ip"),
                             QStringLiteral("127.0.0.1")} +
                     more);
    client.closeWriteChannel();
    if (!client.waitForFinished(20000)) {
        client.kill();
        return false;
    }
    return client.exitStatus() == QProcess::NormalExit && client.exitCode() == 0;
}

} // namespace

class TestSimulatorModes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void opensslVerifiesOnlyTheValidCertificate_data();
    void opensslVerifiesOnlyTheValidCertificate();
    void qtRefusesBadCertificates_data();
    void qtRefusesBadCertificates();
    void tlsFloorCanBe13();
    void plainHttpHasNoCa();
    void versionDrivesAuthenticationMode_data();
    void versionDrivesAuthenticationMode();
    void tokenNeedsRay252();
    void scenariosSetTheirFacts_data();
    void scenariosSetTheirFacts();
    void quotaKnownClusterUsage();
    void quotaKnownPerJobUsage();
    void hostileTextArrivesIntact();
    void malformedAnswersAreBroken_data();
    void malformedAnswersAreBroken();
    void errorRateGives500Tracebacks();
    void latencyDelaysAnswers();
    void openPortsAcceptConnections();
    void seedMakesTheSameCluster();
    void largeClusterIsTruncatedAt10000();
};

void TestSimulatorModes::opensslVerifiesOnlyTheValidCertificate_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("valid") << "valid" << true;
    QTest::newRow("expired") << "expired" << false;
    QTest::newRow("wrong-host") << "wrong-host" << false;
    QTest::newRow("self-signed") << "self-signed" << false;
}

void TestSimulatorModes::opensslVerifiesOnlyTheValidCertificate()
{
    QFETCH(QString, mode);
    QFETCH(bool, accepted);
    SimProcess sim;
    SimProcess::Options options;
    options.tlsMode = mode;
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    QCOMPARE(opensslAccepts(sim), accepted);
}

void TestSimulatorModes::qtRefusesBadCertificates_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("sslError");
    QTest::newRow("expired") << "expired" << int(QSslError::CertificateExpired);
    QTest::newRow("wrong-host") << "wrong-host" << int(QSslError::HostNameMismatch);
    QTest::newRow("self-signed") << "self-signed" << int(QSslError::SelfSignedCertificate);
}

void TestSimulatorModes::qtRefusesBadCertificates()
{
    QFETCH(QString, mode);
    SimProcess sim;
    SimProcess::Options options;
    options.tlsMode = mode;
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    const SimAnswer answer = SimHttp(sim).get(QStringLiteral("/api/healthz"));
    QCOMPARE(answer.error, QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(answer.status, 0);
}

void TestSimulatorModes::tlsFloorCanBe13()
{
    SimProcess sim;
    SimProcess::Options options;
    options.extraArgs = extra({"--tls-min", "1.3"});
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    QVERIFY(opensslAccepts(sim, {QStringLiteral("-tls1_3")}));
    QVERIFY(!opensslAccepts(sim, {QStringLiteral("-tls1_2")}));

    SimProcess defaults;
    QVERIFY2(defaults.start({}, &error), qPrintable(error));
    QVERIFY(opensslAccepts(defaults, {QStringLiteral("-tls1_2")}));
}

void TestSimulatorModes::plainHttpHasNoCa()
{
    SimProcess sim;
    SimProcess::Options options;
    options.tls = false;
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    QCOMPARE(sim.url().scheme(), QStringLiteral("http"));
    QVERIFY(sim.caFile().isEmpty());
    QCOMPARE(SimHttp(sim).get(QStringLiteral("/api/version")).status, 200);
}

void TestSimulatorModes::versionDrivesAuthenticationMode_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("token");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("mode");
    QTest::newRow("2.51 has none") << "2.51.0" << false << 404 << QString();
    QTest::newRow("2.52 disabled") << "2.52.0" << false << 200 << "disabled";
    QTest::newRow("2.53 token") << "2.53.0" << true << 200 << "token";
}

void TestSimulatorModes::versionDrivesAuthenticationMode()
{
    QFETCH(QString, version);
    QFETCH(bool, token);
    QFETCH(int, status);
    QFETCH(QString, mode);
    SimProcess sim;
    SimProcess::Options options;
    options.rayVersion = version;
    if (token) {
        options.token = QByteArray("t0k3n");
    }
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    const SimAnswer answer = SimHttp(sim).get(QStringLiteral("/api/authentication_mode"));
    QCOMPARE(answer.status, status);
    if (status == 200) {
        QCOMPARE(answer.json().object().value(QStringLiteral("authentication_mode")).toString(),
                 mode);
    }
}

void TestSimulatorModes::tokenNeedsRay252()
{
    SimProcess sim;
    SimProcess::Options options;
    options.rayVersion = QStringLiteral("2.6.3");
    options.token = QByteArray("t0k3n");
    QString error;
    QVERIFY(!sim.start(options, &error));
    QVERIFY2(error.contains(QStringLiteral("no token auth")), qPrintable(error));
}

void TestSimulatorModes::scenariosSetTheirFacts_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<bool>("token");
    QTest::addColumn<QString>("version");
    QTest::addColumn<int>("modeStatus");
    QTest::addColumn<int>("jobsWithoutToken");
    QTest::addColumn<int>("browserDelete");
    QTest::newRow("open-2.6.3") << "open-2.6.3" << false << "2.6.3" << 404 << 200 << 404;
    QTest::newRow("token-off-2.52") << "token-off-2.52" << false << "2.52.0" << 200 << 200 << 404;
    QTest::newRow("hardened-2.60") << "hardened-2.60" << true << "2.60.0" << 200 << 401 << 405;
}

void TestSimulatorModes::scenariosSetTheirFacts()
{
    QFETCH(QString, scenario);
    QFETCH(bool, token);
    QFETCH(QString, version);
    QFETCH(int, modeStatus);
    QFETCH(int, jobsWithoutToken);
    QFETCH(int, browserDelete);
    SimProcess sim;
    SimProcess::Options options;
    options.scenario = scenario;
    options.rayVersion.clear(); // the scenario decides
    if (token) {
        options.token = QByteArray("hardened-token");
    }
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    SimHttp http(sim);
    const SimHttp::Headers auth = token ? SimHttp::bearer("hardened-token") : SimHttp::Headers{};
    QCOMPARE(http.get(QStringLiteral("/api/version"), auth)
                 .json()
                 .object()
                 .value(QStringLiteral("ray_version"))
                 .toString(),
             version);
    QCOMPARE(http.get(QStringLiteral("/api/authentication_mode")).status, modeStatus);
    QCOMPARE(http.get(QStringLiteral("/api/jobs/")).status, jobsWithoutToken);
    SimHttp::Headers browser = auth;
    browser.append(qMakePair(QByteArray("Origin"), QByteArray("https://evil.example")));
    QCOMPARE(http.send("DELETE", QStringLiteral("/api/jobs/raysubmit_none"), {}, browser).status,
             browserDelete);
}

void TestSimulatorModes::quotaKnownClusterUsage()
{
    SimProcess sim;
    SimProcess::Options options;
    options.scenario = QStringLiteral("quota-known");
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    SimHttp http(sim);

    const QJsonObject usage = usageOf(http.get(QStringLiteral("/api/cluster_status")));
    auto pair = [&](const char* key) {
        const QJsonArray value = usage.value(QLatin1String(key)).toArray();
        return std::make_pair(value[0].toDouble(), value[1].toDouble());
    };
    QCOMPARE(pair("CPU"), std::make_pair(18.0, 40.0));
    QCOMPARE(pair("GPU"), std::make_pair(2.0, 2.0));
    QCOMPARE(pair("memory"), std::make_pair(3 * kGiB, 160 * kGiB));
    QCOMPARE(pair("objectStoreMemory"), std::make_pair(3 * kGiB, 40 * kGiB));
    QCOMPARE(pair("CPUGroup111111111111111111111111111111111111"), std::make_pair(3.0, 4.0));
    QCOMPARE(pair("node:InternalHead"), std::make_pair(0.0, 1.0));
}

// The documented per-job figures follow from the state API rows by the documented rule.
void TestSimulatorModes::quotaKnownPerJobUsage()
{
    SimProcess sim;
    SimProcess::Options options;
    options.scenario = QStringLiteral("quota-known");
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    SimHttp http(sim);

    const QJsonObject tasks =
        data(http.get(QStringLiteral("/api/v0/tasks?limit=10000&detail=true")))
            .value(QStringLiteral("result"))
            .toObject();
    QCOMPARE(tasks.value(QStringLiteral("total")).toInt(), 10016);
    QCOMPARE(tasks.value(QStringLiteral("num_after_truncation")).toInt(), 10000);

    // Per-job CPU by the documented rule: running tasks and alive actors outside created
    // placement groups, plus created groups' bundles, plus entrypoint reservations.
    std::map<QString, double> cpu;
    std::map<QString, double> gpu;
    for (const QJsonValue& row : tasks.value(QStringLiteral("result")).toArray()) {
        const QJsonObject task = row.toObject();
        if (task.value(QStringLiteral("state")).toString() == QLatin1String("RUNNING") &&
            task.value(QStringLiteral("placement_group_id")).isNull()) {
            const QJsonObject needs = task.value(QStringLiteral("required_resources")).toObject();
            const QString job = task.value(QStringLiteral("job_id")).toString();
            cpu[job] += needs.value(QStringLiteral("CPU")).toDouble();
            gpu[job] += needs.value(QStringLiteral("GPU")).toDouble();
        }
    }
    QCOMPARE(gpu[QStringLiteral("02000000")], 2.0);
    const QJsonArray actors = data(http.get(QStringLiteral("/api/v0/actors?detail=true")))
                                  .value(QStringLiteral("result"))
                                  .toObject()
                                  .value(QStringLiteral("result"))
                                  .toArray();
    QCOMPARE(actors.size(), 5);
    for (const QJsonValue& row : actors) {
        const QJsonObject actor = row.toObject();
        if (actor.value(QStringLiteral("state")).toString() == QLatin1String("ALIVE") &&
            actor.value(QStringLiteral("placement_group_id")).isNull()) {
            cpu[actor.value(QStringLiteral("job_id")).toString()] +=
                actor.value(QStringLiteral("required_resources"))
                    .toObject()
                    .value(QStringLiteral("CPU"))
                    .toDouble();
        }
    }
    cpu[QStringLiteral("01000000")] += 4 + 1; // alpha-pg bundles + entrypoint
    cpu[QStringLiteral("02000000")] += 0.5;   // entrypoint
    QCOMPARE(cpu[QStringLiteral("01000000")], 9.0);
    QCOMPARE(cpu[QStringLiteral("02000000")], 6.0);
    QCOMPARE(cpu[QStringLiteral("03000000")], 3.0);
    QCOMPARE(cpu[QStringLiteral("04000000")], 0.0);
}

void TestSimulatorModes::hostileTextArrivesIntact()
{
    SimProcess sim;
    SimProcess::Options options;
    options.extraArgs = extra({"--hostile", "--jobs", "20"});
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    const SimAnswer answer = SimHttp(sim).get(QStringLiteral("/api/jobs/"));
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.body.size() > 70000);
    QVERIFY2(!answer.body.contains("\x1b"), "JSON escapes control characters");
    QString all;
    for (const QJsonValue& job : answer.json().array()) {
        all += job.toObject().value(QStringLiteral("entrypoint")).toString();
        all += job.toObject().value(QStringLiteral("message")).toString();
    }
    QVERIFY(all.contains(QStringLiteral("<img src=x onerror=alert(1)>")));
    QVERIFY(all.contains(QStringLiteral("<b>x</b>")));
    QVERIFY(all.contains(QChar(0x202E)));
    QVERIFY(all.contains(QChar(0x1b)));
    QVERIFY(all.contains(QString(70000, QLatin1Char('A'))));
}

void TestSimulatorModes::malformedAnswersAreBroken_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("truncated") << "truncated";
    QTest::newRow("wrong-types") << "wrong-types";
    QTest::newRow("oversized") << "oversized";
    QTest::newRow("not-json") << "not-json";
}

void TestSimulatorModes::malformedAnswersAreBroken()
{
    QFETCH(QString, kind);
    SimProcess sim;
    SimProcess::Options options;
    options.extraArgs = QStringList{QStringLiteral("--malformed"), kind};
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    SimHttp http(sim);
    const SimAnswer answer = http.get(QStringLiteral("/api/jobs/"));
    QCOMPARE(answer.status, 200);
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(answer.body, &parse);
    if (kind == QLatin1String("truncated") || kind == QLatin1String("not-json")) {
        QVERIFY(parse.error != QJsonParseError::NoError);
    } else if (kind == QLatin1String("wrong-types")) {
        QCOMPARE(parse.error, QJsonParseError::NoError);
        const QJsonObject job = document.array().first().toObject();
        QVERIFY(job.value(QStringLiteral("status")).isDouble());
        QVERIFY(job.value(QStringLiteral("start_time")).isString());
    } else {
        QVERIFY(answer.body.size() > 64 * 1024 * 1024);
        QVERIFY(answer.body.startsWith("[\"xxxx"));
    }
    QCOMPARE(http.get(QStringLiteral("/api/healthz")).body, QByteArray("success"));
}

void TestSimulatorModes::errorRateGives500Tracebacks()
{
    SimProcess sim;
    SimProcess::Options options;
    options.extraArgs = extra({"--error-rate", "1"});
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    SimHttp http(sim);
    const SimAnswer answer = http.get(QStringLiteral("/api/jobs/"));
    QCOMPARE(answer.status, 500);
    QVERIFY(answer.body.startsWith("Traceback (most recent call last):"));
    QCOMPARE(http.get(QStringLiteral("/api/healthz")).status, 200);
}

void TestSimulatorModes::latencyDelaysAnswers()
{
    SimProcess sim;
    SimProcess::Options options;
    options.extraArgs = extra({"--latency-ms", "400"});
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    SimHttp http(sim);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(http.get(QStringLiteral("/api/version")).status, 200);
    QVERIFY(timer.elapsed() >= 400);
}

void TestSimulatorModes::openPortsAcceptConnections()
{
    QTcpServer probe; // find a free port, then hand it to the simulator
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    SimProcess sim;
    SimProcess::Options options;
    options.extraArgs =
        QStringList{QStringLiteral("--open-ports"), QString::number(port) + QStringLiteral(",0")};
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    QCOMPARE(sim.openPorts().size(), 2);
    QCOMPARE(sim.openPorts().first(), port);
    QVERIFY(sim.openPorts().last() != 0);
    for (const quint16 open : sim.openPorts()) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, open);
        QVERIFY(socket.waitForConnected(5000));
    }
}

void TestSimulatorModes::seedMakesTheSameCluster()
{
    auto nodeIds = [](const char* seed) {
        SimProcess sim;
        SimProcess::Options options;
        options.extraArgs = extra({"--seed", seed, "--tick-ms", "0"});
        QString error;
        if (!sim.start(options, &error)) {
            return QByteArray();
        }
        return SimHttp(sim).get(QStringLiteral("/api/v0/nodes")).body;
    };
    const QByteArray first = nodeIds("7");
    QVERIFY(!first.isEmpty());
    QCOMPARE(nodeIds("7"), first);
    QVERIFY(nodeIds("8") != first);
}

void TestSimulatorModes::largeClusterIsTruncatedAt10000()
{
    SimProcess sim;
    SimProcess::Options options;
    options.extraArgs = extra({"--nodes", "2000", "--jobs", "2000", "--tasks", "20000", "--actors",
                               "5000", "--placement-groups", "1000"});
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    SimHttp http(sim);
    const QJsonObject nodes = data(http.get(QStringLiteral("/api/v0/nodes?limit=10000")))
                                  .value(QStringLiteral("result"))
                                  .toObject();
    QCOMPARE(nodes.value(QStringLiteral("total")).toInt(), 2000);
    QCOMPARE(nodes.value(QStringLiteral("result")).toArray().size(), 2000);
    const QJsonObject tasks = data(http.get(QStringLiteral("/api/v0/tasks?limit=10000")))
                                  .value(QStringLiteral("result"))
                                  .toObject();
    QCOMPARE(tasks.value(QStringLiteral("total")).toInt(), 20000);
    QCOMPARE(tasks.value(QStringLiteral("num_after_truncation")).toInt(), 10000);
    QCOMPARE(tasks.value(QStringLiteral("result")).toArray().size(), 10000);
    QCOMPARE(http.get(QStringLiteral("/api/jobs/")).json().array().size(), 2000);
}

QTEST_GUILESS_MAIN(TestSimulatorModes)
#include "tst_simulator_modes.moc"
