// raysec-sim's basics over real TLS: the ready line, the envelopes and shapes of the endpoints
// the console reads, token auth (texts, exempt paths, the three ways to present a token) and a
// request log without secrets.

#include "SimHttp.h"
#include "support/SimProcess.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using raysec::test::SimAnswer;
using raysec::test::SimHttp;
using raysec::test::SimProcess;

namespace {
const QByteArray kToken = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
}

class TestSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { raysec::test::failOnWarnings(); }

    void readyLineNamesUrlAndCa();
    void versionIsPlainSnakeCase();
    void authenticationModeSaysToken();
    void refusesWithoutOrWithWrongToken_data();
    void refusesWithoutOrWithWrongToken();
    void exemptPathsNeedNoToken_data();
    void exemptPathsNeedNoToken();
    void acceptsTokenInEveryPlaceRayReads_data();
    void acceptsTokenInEveryPlaceRayReads();
    void clusterStatusIsCamelCaseEnvelope();
    void clusterStatusTextFormat();
    void nodesListIsSnakeCaseStateEnvelope();
    void jobsListIsPlainArray();
    void taskSummaryCountsByFunction();
    void unknownPathIsPlainText404();
    void requestLogHasNoTokenValue();
    void exitsCleanlyOnSigterm();

private:
    SimProcess m_sim;
    std::unique_ptr<SimHttp> m_http;
};

void TestSimulator::initTestCase()
{
    SimProcess::Options options;
    options.token = kToken;
    QString error;
    QVERIFY2(m_sim.start(options, &error), qPrintable(error));
    m_http = std::make_unique<SimHttp>(m_sim);
}

void TestSimulator::readyLineNamesUrlAndCa()
{
    QCOMPARE(m_sim.url().scheme(), QStringLiteral("https"));
    QCOMPARE(m_sim.url().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(m_sim.url().port(), int(m_sim.port()));
    QVERIFY(QFile::exists(m_sim.caFile()));
    QVERIFY(m_sim.caFile().startsWith(m_sim.stateDir()));
    QVERIFY(raysec::test::readFile(m_sim.caFile()).startsWith("-----BEGIN CERTIFICATE-----"));
}

void TestSimulator::versionIsPlainSnakeCase()
{
    const SimAnswer answer = m_http->get(QStringLiteral("/api/version"), SimHttp::bearer(kToken));
    QCOMPARE(answer.error, QNetworkReply::NoError);
    QCOMPARE(answer.status, 200);
    const QJsonObject version = answer.json().object();
    QCOMPARE(version.value(QStringLiteral("version")).toString(), QStringLiteral("4"));
    QCOMPARE(version.value(QStringLiteral("ray_version")).toString(), QStringLiteral("2.53.0"));
    QCOMPARE(version.value(QStringLiteral("ray_commit")).toString().size(), 40);
    QVERIFY(version.value(QStringLiteral("session_name"))
                .toString()
                .startsWith(QStringLiteral("session_")));
    QVERIFY(!version.contains(QStringLiteral("result")));
}

void TestSimulator::authenticationModeSaysToken()
{
    const SimAnswer answer = m_http->get(QStringLiteral("/api/authentication_mode"));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().object().value(QStringLiteral("authentication_mode")).toString(),
             QStringLiteral("token"));
}

void TestSimulator::refusesWithoutOrWithWrongToken_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("text");
    const QByteArray missing = "Unauthorized: Missing authentication token";
    const QByteArray wrong = "Forbidden: Invalid authentication token";
    QTest::newRow("version, none")
        << "/api/version" << QByteArray() << QByteArray() << 401 << missing;
    QTest::newRow("jobs, none") << "/api/jobs/" << QByteArray() << QByteArray() << 401 << missing;
    QTest::newRow("nodes, wrong") << "/api/v0/nodes" << QByteArray("Authorization")
                                  << QByteArray("Bearer nope") << 403 << wrong;
    QTest::newRow("status, wrong x-ray")
        << "/api/cluster_status" << QByteArray("X-Ray-Authorization")
        << QByteArray("Bearer " + kToken.left(63) + "0") << 403 << wrong;
    QTest::newRow("jobs, not bearer") << "/api/jobs/" << QByteArray("Authorization")
                                      << QByteArray("Basic " + kToken) << 403 << wrong;
    QTest::newRow("unknown path, none")
        << "/api/nothing" << QByteArray() << QByteArray() << 401 << missing;
}

void TestSimulator::refusesWithoutOrWithWrongToken()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QFETCH(int, status);
    QFETCH(QByteArray, text);
    SimHttp::Headers headers;
    if (!header.isEmpty()) {
        headers.append({header, value});
    }
    const SimAnswer answer = m_http->get(path, headers);
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.body, text);
    QVERIFY(answer.contentType.startsWith("text/plain"));
}

void TestSimulator::exemptPathsNeedNoToken_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("index") << "/" << QByteArray("<!doctype html>");
    QTest::newRow("api healthz") << "/api/healthz" << QByteArray("success");
    QTest::newRow("serve healthz") << "/-/healthz" << QByteArray("success");
    QTest::newRow("gcs healthz") << "/api/gcs_healthz" << QByteArray("success");
    QTest::newRow("raylet healthz") << "/api/local_raylet_healthz" << QByteArray("success");
    QTest::newRow("auth mode") << "/api/authentication_mode" << QByteArray("{\"authentication");
}

void TestSimulator::exemptPathsNeedNoToken()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    const SimAnswer answer = m_http->get(path);
    QCOMPARE(answer.status, 200);
    QVERIFY2(answer.body.startsWith(body), answer.body.constData());
}

void TestSimulator::acceptsTokenInEveryPlaceRayReads_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("authorization") << QByteArray("Authorization") << "Bearer " + kToken;
    QTest::newRow("x-ray-authorization") << QByteArray("X-Ray-Authorization") << "Bearer " + kToken;
    QTest::newRow("cookie") << QByteArray("Cookie")
                            << "theme=dark; ray-authentication-token=" + kToken;
}

void TestSimulator::acceptsTokenInEveryPlaceRayReads()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    const SimAnswer answer = m_http->get(QStringLiteral("/api/jobs/"), {{header, value}});
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.json().isArray());
}

void TestSimulator::clusterStatusIsCamelCaseEnvelope()
{
    const SimAnswer answer =
        m_http->get(QStringLiteral("/api/cluster_status"), SimHttp::bearer(kToken));
    QCOMPARE(answer.status, 200);
    const QJsonObject envelope = answer.json().object();
    QCOMPARE(envelope.value(QStringLiteral("result")).toBool(), true);
    QVERIFY(envelope.value(QStringLiteral("msg")).isString());
    const QJsonObject status = envelope.value(QStringLiteral("data"))
                                   .toObject()
                                   .value(QStringLiteral("clusterStatus"))
                                   .toObject();
    const QJsonObject usage = status.value(QStringLiteral("loadMetricsReport"))
                                  .toObject()
                                  .value(QStringLiteral("usage"))
                                  .toObject();
    for (const char* key : {"CPU", "GPU", "memory", "objectStoreMemory", "node:10.0.0.1"}) {
        const QJsonArray pair = usage.value(QLatin1String(key)).toArray();
        QVERIFY2(pair.size() == 2 && pair[0].isDouble() && pair[1].isDouble(), key);
        QVERIFY(pair[0].toDouble() <= pair[1].toDouble());
    }
    QVERIFY(!usage.contains(QStringLiteral("object_store_memory")));
    QCOMPARE(usage.value(QStringLiteral("CPU")).toArray()[1].toDouble(), 8.0 + 7 * 16.0);
    // Ray's camelCase turns CPU_group_<pgid> into CPUGroup<Pgid>; clients must skip them.
    const QStringList keys = usage.keys();
    QVERIFY(std::any_of(keys.begin(), keys.end(), [](const QString& key) {
        return key.startsWith(QLatin1String("CPUGroup"));
    }));

    const QJsonObject autoscaler = status.value(QStringLiteral("autoscalerReport")).toObject();
    QCOMPARE(autoscaler.value(QStringLiteral("activeNodes"))
                 .toObject()
                 .value(QStringLiteral("ray.worker.default"))
                 .toInt(),
             7);
    QVERIFY(autoscaler.value(QStringLiteral("pendingNodes")).isArray());
    QVERIFY(autoscaler.value(QStringLiteral("failedNodes")).isArray());
}

void TestSimulator::clusterStatusTextFormat()
{
    const SimAnswer answer =
        m_http->get(QStringLiteral("/api/cluster_status?format=1"), SimHttp::bearer(kToken));
    QCOMPARE(answer.status, 200);
    const QString text = answer.json()
                             .object()
                             .value(QStringLiteral("data"))
                             .toObject()
                             .value(QStringLiteral("clusterStatus"))
                             .toString();
    QVERIFY2(text.contains(QStringLiteral("Autoscaler status")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("/120.0 CPU")));
}

void TestSimulator::nodesListIsSnakeCaseStateEnvelope()
{
    const SimAnswer answer = m_http->get(QStringLiteral("/api/v0/nodes"), SimHttp::bearer(kToken));
    QCOMPARE(answer.status, 200);
    const QJsonObject envelope = answer.json().object();
    QCOMPARE(envelope.value(QStringLiteral("result")).toBool(), true);
    const QJsonObject result = envelope.value(QStringLiteral("data"))
                                   .toObject()
                                   .value(QStringLiteral("result"))
                                   .toObject();
    QCOMPARE(result.value(QStringLiteral("total")).toInt(), 8);
    QCOMPARE(result.value(QStringLiteral("num_after_truncation")).toInt(), 8);
    QCOMPARE(result.value(QStringLiteral("num_filtered")).toInt(), 8);
    const QJsonArray rows = result.value(QStringLiteral("result")).toArray();
    QCOMPARE(rows.size(), 8);
    const QJsonObject head = rows[0].toObject();
    QCOMPARE(head.value(QStringLiteral("is_head_node")).toBool(), true);
    QCOMPARE(head.value(QStringLiteral("state")).toString(), QStringLiteral("ALIVE"));
    QCOMPARE(head.value(QStringLiteral("node_id")).toString().size(), 56);
    QCOMPARE(head.value(QStringLiteral("resources_total"))
                 .toObject()
                 .value(QStringLiteral("object_store_memory"))
                 .toDouble(),
             8.0 * 1024 * 1024 * 1024);
    QVERIFY(head.value(QStringLiteral("labels")).isObject());
}

void TestSimulator::jobsListIsPlainArray()
{
    const SimAnswer answer = m_http->get(QStringLiteral("/api/jobs/"), SimHttp::bearer(kToken));
    QCOMPARE(answer.status, 200);
    const QJsonArray jobs = answer.json().array();
    QCOMPARE(jobs.size(), 12);
    for (const QJsonValue& value : jobs) {
        const QJsonObject job = value.toObject();
        for (const char* key :
             {"type", "job_id", "submission_id", "driver_info", "status", "entrypoint", "message",
              "error_type", "start_time", "end_time", "metadata", "runtime_env",
              "driver_agent_http_address", "driver_node_id", "driver_exit_code"}) {
            QVERIFY2(job.contains(QLatin1String(key)), key);
        }
        const QString status = job.value(QStringLiteral("status")).toString();
        QVERIFY(QStringList({QStringLiteral("PENDING"), QStringLiteral("RUNNING"),
                             QStringLiteral("STOPPED"), QStringLiteral("SUCCEEDED"),
                             QStringLiteral("FAILED")})
                    .contains(status));
    }
}

void TestSimulator::taskSummaryCountsByFunction()
{
    const SimAnswer answer =
        m_http->get(QStringLiteral("/api/v0/tasks/summarize"), SimHttp::bearer(kToken));
    QCOMPARE(answer.status, 200);
    const QJsonObject cluster = answer.json()
                                    .object()
                                    .value(QStringLiteral("data"))
                                    .toObject()
                                    .value(QStringLiteral("result"))
                                    .toObject()
                                    .value(QStringLiteral("result"))
                                    .toObject()
                                    .value(QStringLiteral("node_id_to_summary"))
                                    .toObject()
                                    .value(QStringLiteral("cluster"))
                                    .toObject();
    const QJsonObject summary = cluster.value(QStringLiteral("summary")).toObject();
    int counted = 0;
    for (const QJsonValue& entry : summary) {
        const QJsonObject counts =
            entry.toObject().value(QStringLiteral("state_counts")).toObject();
        for (const QJsonValue& count : counts) {
            counted += count.toInt();
        }
    }
    QCOMPARE(counted, 200);
    QCOMPARE(cluster.value(QStringLiteral("total_tasks")).toInt(), 200);
}

void TestSimulator::unknownPathIsPlainText404()
{
    const SimAnswer answer =
        m_http->get(QStringLiteral("/api/does_not_exist"), SimHttp::bearer(kToken));
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.body, QByteArray("404: Not Found"));
}

void TestSimulator::requestLogHasNoTokenValue()
{
    m_http->get(QStringLiteral("/api/version"), SimHttp::bearer(kToken));
    const QByteArray log = raysec::test::readFile(m_sim.requestLogFile());
    QVERIFY(log.contains("\"path\":\"/api/version\""));
    QVERIFY(log.contains("\"authorization\""));
    QVERIFY(log.contains("\"status\":401"));
    QVERIFY(!log.contains(kToken));
    QVERIFY(!log.contains(kToken.left(16)));
    QVERIFY(!log.contains("Bearer"));
}

void TestSimulator::exitsCleanlyOnSigterm()
{
    SimProcess sim;
    QString error;
    QVERIFY2(sim.start({}, &error), qPrintable(error));
    QVERIFY(sim.stop());
}

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
