// raysec-sim's write paths and state-API rules over real TLS: the browser guard by Ray version,
// job submission with Ray's validation, stop and delete, state-API limits, truncation, detail
// and filters.

#include "SimHttp.h"
#include "support/SimProcess.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using raysec::test::SimAnswer;
using raysec::test::SimHttp;
using raysec::test::SimProcess;

namespace {

const QByteArray kToken = "api-test-token-7f3a9c";

QJsonObject listResult(const SimAnswer& answer)
{
    return answer.json()
        .object()
        .value(QStringLiteral("data"))
        .toObject()
        .value(QStringLiteral("result"))
        .toObject();
}

} // namespace

class TestSimulatorApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { raysec::test::failOnWarnings(); }

    void browserGuardByVersion_data();
    void browserGuardByVersion();
    void submitCreatesPendingJobThatRuns();
    void submitNeedsToken();
    void submitRejectsBadBodies_data();
    void submitRejectsBadBodies();
    void submitRejectsDuplicateSubmissionId();
    void stopAndDeleteFollowRayRules();
    void unknownJobIs404();
    void limitDefaultsTo100AndCapsAt10000_data();
    void limitDefaultsTo100AndCapsAt10000();
    void detailAddsFields_data();
    void detailAddsFields();
    void filtersByJobAndState_data();
    void filtersByJobAndState();
    void badFiltersAre400_data();
    void badFiltersAre400();

private:
    SimProcess m_sim;
    std::unique_ptr<SimHttp> m_http;
};

void TestSimulatorApi::initTestCase()
{
    SimProcess::Options options;
    options.token = kToken;
    options.extraArgs = {QStringLiteral("--tasks"), QStringLiteral("250"),
                         QStringLiteral("--tick-ms"), QStringLiteral("0")};
    QString error;
    QVERIFY2(m_sim.start(options, &error), qPrintable(error));
    m_http = std::make_unique<SimHttp>(m_sim);
}

void TestSimulatorApi::browserGuardByVersion_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("blocked");
    QTest::newRow("2.53 POST mozilla") << "2.53.0" << QByteArray("POST") << QByteArray("User-Agent")
                                       << QByteArray("Mozilla/5.0 (X11)") << true;
    QTest::newRow("2.53 POST origin") << "2.53.0" << QByteArray("POST") << QByteArray("Origin")
                                      << QByteArray("https://evil.example") << true;
    QTest::newRow("2.53 PUT referer") << "2.53.0" << QByteArray("PUT") << QByteArray("Referer")
                                      << QByteArray("https://evil.example/") << true;
    QTest::newRow("2.53 POST sec-fetch")
        << "2.53.0" << QByteArray("POST") << QByteArray("Sec-Fetch-Mode") << QByteArray("cors")
        << true;
    QTest::newRow("2.53 POST preflight")
        << "2.53.0" << QByteArray("POST") << QByteArray("Access-Control-Request-Method")
        << QByteArray("POST") << true;
    QTest::newRow("2.53 DELETE origin") << "2.53.0" << QByteArray("DELETE") << QByteArray("Origin")
                                        << QByteArray("https://e.x") << false;
    QTest::newRow("2.54 DELETE origin") << "2.54.0" << QByteArray("DELETE") << QByteArray("Origin")
                                        << QByteArray("https://e.x") << true;
    QTest::newRow("2.54 GET origin") << "2.54.0" << QByteArray("GET") << QByteArray("Origin")
                                     << QByteArray("https://e.x") << false;
    QTest::newRow("2.53 POST curl") << "2.53.0" << QByteArray("POST") << QByteArray("User-Agent")
                                    << QByteArray("curl/7.88") << false;
    QTest::newRow("2.51 POST mozilla") << "2.51.0" << QByteArray("POST") << QByteArray("User-Agent")
                                       << QByteArray("Mozilla/5.0") << false;
}

void TestSimulatorApi::browserGuardByVersion()
{
    QFETCH(QString, version);
    QFETCH(QByteArray, verb);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QFETCH(bool, blocked);

    SimProcess sim;
    SimProcess::Options options;
    options.rayVersion = version;
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    SimHttp http(sim);
    const SimAnswer answer =
        http.send(verb, QStringLiteral("/api/jobs/raysubmit_nothere"), {}, {{header, value}});
    if (blocked) {
        QCOMPARE(answer.status, 405);
        QCOMPARE(answer.body, QByteArray("Method Not Allowed for browser traffic."));
    } else {
        QVERIFY2(answer.status != 405 || answer.body != "Method Not Allowed for browser traffic.",
                 answer.body.constData());
    }
}

void TestSimulatorApi::submitCreatesPendingJobThatRuns()
{
    SimProcess sim; // its clock ticks every 100 ms
    SimProcess::Options options;
    options.token = kToken;
    options.extraArgs = {QStringLiteral("--tick-ms"), QStringLiteral("100")};
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    SimHttp http(sim);

    const QByteArray body = R"({"entrypoint": "python -c 'print(1)'", "metadata": {"team": "qa"},
        "submission_id": "raysubmit_testSubmit01", "entrypoint_num_cpus": 1.5,
        "entrypoint_memory": 1048576, "entrypoint_resources": {"tpu": 1}})";
    const SimAnswer created =
        http.send("POST", QStringLiteral("/api/jobs/"), body, SimHttp::bearer(kToken));
    QCOMPARE(created.status, 200);
    QCOMPARE(created.json().object().value(QStringLiteral("submission_id")).toString(),
             QStringLiteral("raysubmit_testSubmit01"));
    QCOMPARE(created.json().object().value(QStringLiteral("job_id")).toString(),
             QStringLiteral("raysubmit_testSubmit01"));

    const QString path = QStringLiteral("/api/jobs/raysubmit_testSubmit01");
    SimAnswer job = http.get(path, SimHttp::bearer(kToken));
    QCOMPARE(job.status, 200);
    QCOMPARE(job.json().object().value(QStringLiteral("type")).toString(),
             QStringLiteral("SUBMISSION"));
    QCOMPARE(job.json().object().value(QStringLiteral("entrypoint_num_cpus")).toDouble(), 1.5);
    QCOMPARE(job.json().object().value(QStringLiteral("metadata")).toObject(),
             QJsonObject({{QStringLiteral("team"), QStringLiteral("qa")}}));

    // PENDING, then RUNNING, then a terminal state as the clock ticks.
    QTRY_VERIFY_WITH_TIMEOUT(QStringList({QStringLiteral("SUCCEEDED"), QStringLiteral("FAILED")})
                                 .contains(http.get(path, SimHttp::bearer(kToken))
                                               .json()
                                               .object()
                                               .value(QStringLiteral("status"))
                                               .toString()),
                             15000);
    job = http.get(path, SimHttp::bearer(kToken));
    QVERIFY(!job.json().object().value(QStringLiteral("job_id")).isNull());
    QVERIFY(job.json().object().value(QStringLiteral("end_time")).toDouble() > 0);
    const SimAnswer logs = http.get(path + QStringLiteral("/logs"), SimHttp::bearer(kToken));
    QVERIFY(logs.json()
                .object()
                .value(QStringLiteral("logs"))
                .toString()
                .contains(QStringLiteral("print(1)")));
}

void TestSimulatorApi::submitNeedsToken()
{
    const SimAnswer answer =
        m_http->send("POST", QStringLiteral("/api/jobs/"), R"({"entrypoint": "ls"})");
    QCOMPARE(answer.status, 401);
    const SimAnswer jobs = m_http->get(QStringLiteral("/api/jobs/"), SimHttp::bearer(kToken));
    for (const QJsonValue& job : jobs.json().array()) {
        QVERIFY(job.toObject().value(QStringLiteral("entrypoint")).toString() !=
                QStringLiteral("ls"));
    }
}

void TestSimulatorApi::submitRejectsBadBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("exception");
    QTest::newRow("not json") << QByteArray("{entrypoint") << QByteArray("JSONDecodeError");
    QTest::newRow("array") << QByteArray("[1]") << QByteArray("must be a mapping, not list");
    QTest::newRow("no entrypoint")
        << QByteArray("{}") << QByteArray("missing 1 required positional argument");
    QTest::newRow("entrypoint int") << QByteArray(R"({"entrypoint": 5})")
                                    << QByteArray("entrypoint must be a string, got <class 'int'>");
    QTest::newRow("unknown field") << QByteArray(R"({"entrypoint": "ls", "cmd": "x"})")
                                   << QByteArray("unexpected keyword argument 'cmd'");
    QTest::newRow("metadata list") << QByteArray(R"({"entrypoint": "ls", "metadata": []})")
                                   << QByteArray("metadata must be a dict");
    QTest::newRow("metadata int value")
        << QByteArray(R"({"entrypoint": "ls", "metadata": {"a": 1}})")
        << QByteArray("metadata values must be strings");
    QTest::newRow("negative cpus")
        << QByteArray(R"({"entrypoint": "ls", "entrypoint_num_cpus": -1})")
        << QByteArray("entrypoint_num_cpus must be non-negative");
    QTest::newRow("memory float") << QByteArray(R"({"entrypoint": "ls", "entrypoint_memory": 1.5})")
                                  << QByteArray("entrypoint_memory must be an integer");
    QTest::newRow("runtime_env string")
        << QByteArray(R"({"entrypoint": "ls", "runtime_env": "pip"})")
        << QByteArray("runtime_env must be a dict");
    QTest::newRow("huge body") << QByteArray(R"({"entrypoint": ")") + QByteArray(2 << 20, 'a') +
                                      QByteArray(R"("})")
                               << QByteArray("413");
}

void TestSimulatorApi::submitRejectsBadBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, exception);
    const int before =
        m_http->get(QStringLiteral("/api/jobs/"), SimHttp::bearer(kToken)).json().array().size();
    const SimAnswer answer =
        m_http->send("POST", QStringLiteral("/api/jobs/"), body, SimHttp::bearer(kToken));
    QVERIFY2(answer.status == 400 || answer.status == 413, answer.body.left(400).constData());
    QVERIFY2(answer.body.contains(exception), answer.body.left(400).constData());
    QVERIFY(answer.contentType.startsWith("text/plain"));
    if (answer.status == 400) {
        QVERIFY(answer.body.startsWith("Traceback (most recent call last):"));
    }
    const int after =
        m_http->get(QStringLiteral("/api/jobs/"), SimHttp::bearer(kToken)).json().array().size();
    QCOMPARE(after, before);
}

void TestSimulatorApi::submitRejectsDuplicateSubmissionId()
{
    const QByteArray body = R"({"entrypoint": "ls", "submission_id": "raysubmit_dup"})";
    QCOMPARE(
        m_http->send("POST", QStringLiteral("/api/jobs/"), body, SimHttp::bearer(kToken)).status,
        200);
    const SimAnswer again =
        m_http->send("POST", QStringLiteral("/api/jobs/"), body, SimHttp::bearer(kToken));
    QCOMPARE(again.status, 400);
    QVERIFY(again.body.contains("Job with submission_id raysubmit_dup already exists"));
}

void TestSimulatorApi::stopAndDeleteFollowRayRules()
{
    SimProcess sim; // a frozen clock, so the job stays where it is put
    SimProcess::Options options;
    options.extraArgs = {QStringLiteral("--tick-ms"), QStringLiteral("0")};
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    SimHttp http(sim);
    QCOMPARE(http.send("POST", QStringLiteral("/api/jobs/"),
                       R"({"entrypoint": "sleep 60", "submission_id": "raysubmit_stopme"})")
                 .status,
             200);
    const QString path = QStringLiteral("/api/jobs/raysubmit_stopme");

    const SimAnswer early = http.send("DELETE", path, {});
    QCOMPARE(early.status, 400);
    QVERIFY(early.body.contains("non-terminal state PENDING"));

    const SimAnswer stopped = http.send("POST", path + QStringLiteral("/stop"), {});
    QCOMPARE(stopped.json().object().value(QStringLiteral("stopped")).toBool(), true);
    QCOMPARE(http.get(path).json().object().value(QStringLiteral("status")).toString(),
             QStringLiteral("STOPPED"));
    const SimAnswer again = http.send("POST", path + QStringLiteral("/stop"), {});
    QCOMPARE(again.json().object().value(QStringLiteral("stopped")).toBool(), false);

    const SimAnswer deleted = http.send("DELETE", path, {});
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.json().object().value(QStringLiteral("deleted")).toBool(), true);
    QCOMPARE(http.get(path).status, 404);
}

void TestSimulatorApi::unknownJobIs404()
{
    const SimAnswer answer =
        m_http->get(QStringLiteral("/api/jobs/raysubmit_none"), SimHttp::bearer(kToken));
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.body, QByteArray("Job raysubmit_none does not exist"));
    const SimAnswer wrongMethod =
        m_http->send("PUT", QStringLiteral("/api/v0/nodes"), "{}", SimHttp::bearer(kToken));
    QCOMPARE(wrongMethod.status, 405);
}

void TestSimulatorApi::limitDefaultsTo100AndCapsAt10000_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("afterTruncation");
    QTest::newRow("default") << QString() << 200 << 100 << 100;
    QTest::newRow("limit 10") << "?limit=10" << 200 << 10 << 10;
    QTest::newRow("limit 10000") << "?limit=10000" << 200 << 250 << 250;
    QTest::newRow("limit 10001") << "?limit=10001" << 400 << 0 << 0;
    QTest::newRow("limit abc") << "?limit=abc" << 400 << 0 << 0;
}

void TestSimulatorApi::limitDefaultsTo100AndCapsAt10000()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(int, rows);
    QFETCH(int, afterTruncation);
    const SimAnswer answer =
        m_http->get(QStringLiteral("/api/v0/tasks") + query, SimHttp::bearer(kToken));
    QCOMPARE(answer.status, status);
    if (status != 200) {
        QVERIFY(answer.contentType.startsWith("text/plain"));
        return;
    }
    const QJsonObject result = listResult(answer);
    QCOMPARE(result.value(QStringLiteral("total")).toInt(), 250);
    QCOMPARE(result.value(QStringLiteral("num_after_truncation")).toInt(), afterTruncation);
    QCOMPARE(result.value(QStringLiteral("result")).toArray().size(), rows);
    QCOMPARE(result.value(QStringLiteral("warnings")).isNull(), afterTruncation == 250);
}

void TestSimulatorApi::detailAddsFields_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("detailFields");
    QTest::newRow("tasks") << "/api/v0/tasks"
                           << QStringList{QStringLiteral("required_resources"),
                                          QStringLiteral("placement_group_id"),
                                          QStringLiteral("start_time_ms"),
                                          QStringLiteral("end_time_ms"),
                                          QStringLiteral("error_message")};
    QTest::newRow("actors") << "/api/v0/actors"
                            << QStringList{QStringLiteral("required_resources"),
                                           QStringLiteral("placement_group_id")};
    QTest::newRow("placement groups")
        << "/api/v0/placement_groups" << QStringList{QStringLiteral("bundles")};
}

void TestSimulatorApi::detailAddsFields()
{
    QFETCH(QString, path);
    QFETCH(QStringList, detailFields);
    const QJsonObject plain = listResult(m_http->get(path, SimHttp::bearer(kToken)))
                                  .value(QStringLiteral("result"))
                                  .toArray()
                                  .first()
                                  .toObject();
    const QJsonObject detailed =
        listResult(m_http->get(path + QStringLiteral("?detail=true"), SimHttp::bearer(kToken)))
            .value(QStringLiteral("result"))
            .toArray()
            .first()
            .toObject();
    for (const QString& field : detailFields) {
        QVERIFY2(!plain.contains(field), qPrintable(field));
        QVERIFY2(detailed.contains(field), qPrintable(field));
    }
}

void TestSimulatorApi::filtersByJobAndState_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("predicate");
    QTest::addColumn<QString>("value");
    QTest::newRow("state = RUNNING") << "state"
                                     << "="
                                     << "RUNNING";
    QTest::newRow("state = running") << "state"
                                     << "="
                                     << "running";
    QTest::newRow("state != FINISHED") << "state"
                                       << "!="
                                       << "FINISHED";
    QTest::newRow("job_id = 01000000") << "job_id"
                                       << "="
                                       << "01000000";
    QTest::newRow("job_id != 01000000") << "job_id"
                                        << "!="
                                        << "01000000";
}

void TestSimulatorApi::filtersByJobAndState()
{
    QFETCH(QString, key);
    QFETCH(QString, predicate);
    QFETCH(QString, value);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("10000"));
    query.addQueryItem(QStringLiteral("filter_keys"), key);
    query.addQueryItem(QStringLiteral("filter_predicates"),
                       QString::fromLatin1(QUrl::toPercentEncoding(predicate)));
    query.addQueryItem(QStringLiteral("filter_values"), value);
    const QJsonObject all = listResult(
        m_http->get(QStringLiteral("/api/v0/tasks?limit=10000"), SimHttp::bearer(kToken)));
    const QJsonObject filtered = listResult(
        m_http->get(QStringLiteral("/api/v0/tasks?") + query.toString(QUrl::FullyEncoded),
                    SimHttp::bearer(kToken)));
    const QJsonArray rows = filtered.value(QStringLiteral("result")).toArray();
    QCOMPARE(filtered.value(QStringLiteral("num_filtered")).toInt(), rows.size());
    int expected = 0;
    for (const QJsonValue& row : all.value(QStringLiteral("result")).toArray()) {
        const bool same =
            row.toObject().value(key).toString().compare(value, Qt::CaseInsensitive) == 0;
        expected += (same == (predicate == QLatin1String("="))) ? 1 : 0;
    }
    QVERIFY(expected > 0);
    QVERIFY(expected < 250);
    QCOMPARE(rows.size(), expected);
    for (const QJsonValue& row : rows) {
        const bool same =
            row.toObject().value(key).toString().compare(value, Qt::CaseInsensitive) == 0;
        QCOMPARE(same, predicate == QLatin1String("="));
    }
}

void TestSimulatorApi::badFiltersAre400_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("predicate >") << "filter_keys=state&filter_predicates=%3E&filter_values=x";
    QTest::newRow("unequal lists") << "filter_keys=state&filter_keys=job_id"
                                      "&filter_predicates=%3D&filter_values=x";
    QTest::newRow("unknown column") << "filter_keys=secret&filter_predicates=%3D&filter_values=x";
}

void TestSimulatorApi::badFiltersAre400()
{
    QFETCH(QString, query);
    const SimAnswer answer =
        m_http->get(QStringLiteral("/api/v0/tasks?") + query, SimHttp::bearer(kToken));
    QCOMPARE(answer.status, 400);
    QVERIFY(!answer.body.isEmpty());
}

QTEST_GUILESS_MAIN(TestSimulatorApi)
#include "tst_simulator_api.moc"
