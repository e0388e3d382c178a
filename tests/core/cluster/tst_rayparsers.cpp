// The dashboard parsers against fixtures shaped exactly as RAY.md describes, and against bad
// input: wrong types, missing fields, truncated JSON, huge and negative numbers.

#include "core/cluster/RayParsers.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace raysec;

class TestRayParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void version();
    void authMode_data();
    void authMode();
    void clusterStatus();
    void nodes();
    void jobs();
    void singleJob();
    void taskSummary();
    void hostileStringsKeptVerbatim();
    void badInput_data();
    void badInput();
    void toleratedInput_data();
    void toleratedInput();
    void derivedResources_data();
    void derivedResources();
};

namespace {

QByteArray fixture(const char* name)
{
    const QString path = QStringLiteral(RAYSEC_SOURCE_DIR "/tests/core/cluster/fixtures/") +
                         QString::fromLatin1(name);
    const QByteArray bytes = test::readFile(path);
    if (bytes.isEmpty()) {
        qFatal("missing fixture %s", name);
    }
    return bytes;
}

QByteArray stateList(const QByteArray& rows, const QByteArray& total = "1")
{
    return R"({"result": true, "msg": "", "data": {"result": {"total": )" + total +
           R"(, "num_after_truncation": 1, "num_filtered": 1, "result": )" + rows +
           R"(, "partial_failure_warning": null, "warnings": null}}})";
}

QByteArray nodeRow(const QByteArray& fields)
{
    return stateList(R"([{"node_id": "ab", "state": "ALIVE")" +
                     (fields.isEmpty() ? QByteArray() : ", " + fields) + "}]");
}

QByteArray usage(const QByteArray& pair)
{
    return R"({"result": true, "msg": "", "data": {"clusterStatus": {"loadMetricsReport":
              {"usage": {"CPU": )" +
           pair + "}}}}}";
}

QByteArray summary(const QByteArray& row, const QByteArray& totals = R"("total_tasks": 1)")
{
    return R"({"result": true, "msg": "", "data": {"result": {"total": 1,
              "num_after_truncation": 1, "result": {"node_id_to_summary": {"cluster":
              {"summary": {"f": )" +
           row + "}, " + totals + "}}}}}}";
}

QByteArray job(const QByteArray& fields)
{
    return R"([{"submission_id": "raysubmit_1")" +
           (fields.isEmpty() ? QByteArray() : ", " + fields) + "}]";
}

// Runs the parser for `endpoint` and returns its error, or nothing on success.
std::optional<Error> parse(const QString& endpoint, const QByteArray& body)
{
    auto errorOf = [](const auto& result) -> std::optional<Error> {
        return result ? std::nullopt : std::optional<Error>(result.error());
    };
    if (endpoint == QLatin1String("version")) {
        return errorOf(RayParsers::parseVersion(body));
    }
    if (endpoint == QLatin1String("auth")) {
        return errorOf(RayParsers::parseAuthMode(body));
    }
    if (endpoint == QLatin1String("status")) {
        return errorOf(RayParsers::parseClusterStatus(body));
    }
    if (endpoint == QLatin1String("nodes")) {
        return errorOf(RayParsers::parseNodes(body));
    }
    if (endpoint == QLatin1String("jobs")) {
        return errorOf(RayParsers::parseJobs(body));
    }
    if (endpoint == QLatin1String("job")) {
        return errorOf(RayParsers::parseJob(body));
    }
    if (endpoint == QLatin1String("tasks")) {
        return errorOf(RayParsers::parseTaskSummary(body));
    }
    qFatal("unknown endpoint");
}

} // namespace

void TestRayParsers::init()
{
    test::failOnWarnings();
}

void TestRayParsers::version()
{
    auto v = RayParsers::parseVersion(fixture("version.json"));
    QVERIFY2(v, qPrintable(v ? QString() : v.error().text()));
    QCOMPARE(v->apiVersion, QStringLiteral("4"));
    QCOMPARE(v->rayVersion, QStringLiteral("2.52.1"));
    QCOMPARE(v->sessionName, QStringLiteral("session_2026-12-03_10-00-00_123456_1"));
}

void TestRayParsers::authMode_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("mode");
    QTest::newRow("fixture") << fixture("authentication_mode.json") << int(AuthModeSeen::Token);
    QTest::newRow("disabled") << QByteArray(R"({"authentication_mode": "disabled"})")
                              << int(AuthModeSeen::Disabled);
    QTest::newRow("future mode") << QByteArray(R"({"authentication_mode": "k8s"})")
                                 << int(AuthModeSeen::Unknown);
}

void TestRayParsers::authMode()
{
    QFETCH(QByteArray, body);
    QFETCH(int, mode);
    auto m = RayParsers::parseAuthMode(body);
    QVERIFY(m);
    QCOMPARE(int(*m), mode);
}

void TestRayParsers::clusterStatus()
{
    auto s = RayParsers::parseClusterStatus(fixture("cluster_status.json"));
    QVERIFY2(s, qPrintable(s ? QString() : s.error().text()));
    QVERIFY(s->hasLoadMetrics);
    // node:<ip>, node:__internal_head__ and the placement-group entries (camelCased by the
    // dashboard) are not capacity; objectStoreMemory gets its usual name back.
    const QStringList expected = {QStringLiteral("CPU"), QStringLiteral("GPU"),
                                  QStringLiteral("acceleratorType:A100"), QStringLiteral("memory"),
                                  QStringLiteral("object_store_memory")};
    QCOMPARE(s->usage.keys(), expected);
    QCOMPARE(s->usage.value(QStringLiteral("CPU")).used, 6.0);
    QCOMPARE(s->usage.value(QStringLiteral("CPU")).total, 24.0);
    QCOMPARE(s->usage.value(QStringLiteral("object_store_memory")).total, 20000000000.0);
    QCOMPARE(s->activeNodes, 3);
    QCOMPARE(s->pendingNodes, 2); // one setting up, one launch requested
    QCOMPARE(s->failedNodes, 1);
}

void TestRayParsers::nodes()
{
    auto n = RayParsers::parseNodes(fixture("nodes.json"));
    QVERIFY2(n, qPrintable(n ? QString() : n.error().text()));
    QCOMPARE(n->nodes.size(), 3);
    QCOMPARE(n->meta.total, 3);
    QVERIFY(!n->meta.truncated());
    const NodeInfo& head = n->nodes.at(0);
    QVERIFY(head.isHeadNode);
    QCOMPARE(head.state, QStringLiteral("ALIVE"));
    QCOMPARE(head.nodeIp, QStringLiteral("10.0.0.1"));
    QCOMPARE(head.nodeId.size(), 56);
    QCOMPARE(head.resourcesTotal.keys(),
             QStringList({QStringLiteral("CPU"), QStringLiteral("memory"),
                          QStringLiteral("object_store_memory")}));
    QCOMPARE(head.labels.value(QStringLiteral("ray.io/node_id")), head.nodeId);
    QCOMPARE(n->nodes.at(1).resourcesTotal.value(QStringLiteral("GPU")), 2.0);
    QCOMPARE(n->nodes.at(2).state, QStringLiteral("DEAD"));
}

void TestRayParsers::jobs()
{
    auto jobs = RayParsers::parseJobs(fixture("jobs.json"));
    QVERIFY2(jobs, qPrintable(jobs ? QString() : jobs.error().text()));
    QCOMPARE(jobs->size(), 4);

    const JobInfo& running = jobs->at(0);
    QCOMPARE(running.type, QStringLiteral("SUBMISSION"));
    QCOMPARE(running.status, QStringLiteral("RUNNING"));
    QCOMPARE(running.entrypoint, QStringLiteral("<img src=x onerror=alert(1)>"));
    QCOMPARE(running.metadata.value(QStringLiteral("owner")), QStringLiteral("<b>x</b>"));
    QCOMPARE(running.startTime->toMSecsSinceEpoch(), 1764756100000);
    QVERIFY(!running.endTime);
    QVERIFY(!running.isTerminal());

    const JobInfo& driver = jobs->at(1);
    QCOMPARE(driver.type, QStringLiteral("DRIVER"));
    QVERIFY(driver.submissionId.isEmpty());
    QVERIFY(driver.isTerminal());

    const JobInfo& failedJob = jobs->at(2);
    QCOMPARE(failedJob.message, QStringLiteral("Job failed:\a\x1b[31m <script>alert(2)</script>"));
    QCOMPARE(failedJob.errorType, QStringLiteral("JOB_SUPERVISOR_ACTOR_DIED"));
    QCOMPARE(failedJob.driverExitCode, std::optional<qint64>(1));

    const JobInfo& pending = jobs->at(3);
    QVERIFY(pending.jobId.isEmpty());
    QVERIFY(!pending.startTime); // Ray reports 0 before the job starts
}

void TestRayParsers::singleJob()
{
    auto j = RayParsers::parseJob(fixture("job.json"));
    QVERIFY2(j, qPrintable(j ? QString() : j.error().text()));
    QCOMPARE(j->submissionId, QStringLiteral("raysubmit_WTcE1iF2zYnmA3qp"));
}

void TestRayParsers::taskSummary()
{
    auto t = RayParsers::parseTaskSummary(fixture("task_summary.json"));
    QVERIFY2(t, qPrintable(t ? QString() : t.error().text()));
    QCOMPARE(t->rows.size(), 3);
    QCOMPARE(t->totalTasks, 44);
    QCOMPARE(t->totalActorTasks, 3);
    QCOMPARE(t->totalActorScheduled, 2);
    QCOMPARE(t->meta.total, 49);
    const TaskSummaryRow& train = t->rows.at(0);
    QCOMPARE(train.funcOrClassName, QStringLiteral("train_step"));
    QCOMPARE(train.type, QStringLiteral("NORMAL_TASK"));
    QCOMPARE(train.stateCounts.value(QStringLiteral("FINISHED")), 40);
}

void TestRayParsers::hostileStringsKeptVerbatim()
{
    // A NUL, a right-to-left override and an escaped quote survive unchanged.
    auto jobs = RayParsers::parseJobs(
        job(R"("entrypoint": "a\u0000b\u202e\"<i>", "message": "\ud83d\ude00")"));
    QVERIFY(jobs);
    QCOMPARE(jobs->at(0).entrypoint, QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b") +
                                             QChar(0x202e) + QStringLiteral("\"<i>")));
    QCOMPARE(jobs->at(0).message, QString::fromUtf8("\xF0\x9F\x98\x80"));
}

void TestRayParsers::badInput_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions"); // the field the message must name

    const QString malformed = QStringLiteral("response.malformed");
    auto row = [&](const char* name, const char* endpoint, const QByteArray& body,
                   const QString& code, const char* mentions) {
        QTest::newRow(name) << QString::fromLatin1(endpoint) << body << code
                            << QString::fromLatin1(mentions);
    };

    row("version: not JSON", "version", "<html>nginx</html>", malformed, "not JSON");
    row("version: array", "version", "[]", malformed, "the document");
    row("version: number", "version", R"({"ray_version": 2.52})", malformed, "ray_version");
    row("version: missing", "version", R"({"version": "4"})", malformed, "ray_version");
    row("version: null", "version", R"({"ray_version": null})", malformed, "ray_version");
    row("version: truncated", "version", R"({"ray_version": "2.5)", malformed, "not JSON");
    row("version: too long", "version", R"({"ray_version": ")" + QByteArray(300, '9') + "\"}",
        malformed, "ray_version");
    row("auth: number", "auth", R"({"authentication_mode": 1})", malformed, "authentication_mode");
    row("auth: missing", "auth", "{}", malformed, "authentication_mode");

    row("status: ray failure", "status", R"({"result": false, "msg": "boom", "data": {}})",
        QStringLiteral("response.ray-error"), "boom");
    row("status: result string", "status", R"({"result": "yes", "data": {}})", malformed, "result");
    row("status: no data", "status", R"({"result": true, "msg": ""})", malformed, "data");
    row("status: pair too short", "status", usage("[1]"), malformed,
        "data.clusterStatus.loadMetricsReport.usage.CPU");
    row("status: pair too long", "status", usage("[1, 2, 3]"), malformed, "usage.CPU");
    row("status: negative", "status", usage("[-1, 2]"), malformed, "usage.CPU[0]");
    row("status: string amount", "status", usage(R"(["1", 2])"), malformed, "usage.CPU[0]");
    row("status: huge", "status", usage("[1e400, 2]"), malformed, "usage.CPU[0]");
    row("status: truncated", "status", usage("[1, 2]").chopped(3), malformed, "JSON");
    row("status: negative node count", "status",
        R"({"result": true, "data": {"clusterStatus": {"autoscalerReport":
            {"activeNodes": {"worker": -1}}}}})",
        malformed, "activeNodes.worker");

    row("nodes: state number", "nodes", stateList(R"([{"node_id": "ab", "state": 5}])"), malformed,
        "data.result.result[0].state");
    row("nodes: no id", "nodes", stateList(R"([{"state": "ALIVE"}])"), malformed,
        "result[0].node_id");
    row("nodes: cpu string", "nodes", nodeRow(R"("resources_total": {"CPU": "8"})"), malformed,
        "result[0].resources_total.CPU");
    row("nodes: cpu negative", "nodes", nodeRow(R"("resources_total": {"CPU": -8})"), malformed,
        "resources_total.CPU");
    row("nodes: head flag string", "nodes", nodeRow(R"("is_head_node": "yes")"), malformed,
        "is_head_node");
    row("nodes: label number", "nodes", nodeRow(R"("labels": {"zone": 3})"), malformed,
        "labels.zone");
    row("nodes: negative total", "nodes", stateList("[]", "-1"), malformed, "total");
    row("nodes: huge total", "nodes", stateList("[]", "18446744073709551616"), malformed, "total");
    row("nodes: rows not a list", "nodes", stateList("{}"), malformed, "data.result.result");
    row("nodes: row not object", "nodes", stateList("[7]"), malformed, "result[0]");
    row("nodes: truncated", "nodes", stateList("[]").left(40), malformed, "JSON");
    row("nodes: no total", "nodes",
        R"({"result": true, "msg": "", "data": {"result": {"result": []}}})", malformed, "total");

    row("jobs: object", "jobs", "{}", malformed, "a list of jobs");
    row("jobs: negative start", "jobs", job(R"("start_time": -5)"), malformed, "[0].start_time");
    row("jobs: start beyond 9999", "jobs", job(R"("start_time": 99999999999999999)"), malformed,
        "[0].start_time");
    row("jobs: start out of int64", "jobs", job(R"("start_time": 99999999999999999999)"), malformed,
        "[0].start_time");
    row("jobs: start fraction", "jobs", job(R"("start_time": 1.5)"), malformed, "start_time");
    row("jobs: entrypoint number", "jobs", job(R"("entrypoint": 42)"), malformed, "[0].entrypoint");
    row("jobs: metadata value", "jobs", job(R"("metadata": {"a": 1})"), malformed,
        "[0].metadata.a");
    row("jobs: no ids", "jobs", R"([{"status": "RUNNING"}])", malformed, "[0].job_id");
    row("jobs: truncated", "jobs", R"([{"job_id": "01")", malformed, "JSON");
    row("jobs: trailing", "jobs", "[] x", malformed, "JSON");
    row("job: array", "job", "[]", malformed, "a job");

    row("tasks: negative count", "tasks",
        summary(R"({"func_or_class_name": "f", "state_counts": {"RUNNING": -1}})"), malformed,
        "summary.f.state_counts.RUNNING");
    row("tasks: count string", "tasks",
        summary(R"({"func_or_class_name": "f", "state_counts": {"RUNNING": "1"}})"), malformed,
        "state_counts.RUNNING");
    row("tasks: name null", "tasks", summary(R"({"func_or_class_name": null})"), malformed,
        "func_or_class_name");
    row("tasks: negative total", "tasks",
        summary(R"({"func_or_class_name": "f"})", R"("total_tasks": -3)"), malformed,
        "total_tasks");
    row("tasks: no cluster", "tasks",
        R"({"result": true, "msg": "", "data": {"result": {"total": 0, "result":
           {"node_id_to_summary": {}}}}})",
        malformed, "node_id_to_summary.cluster");
}

void TestRayParsers::badInput()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, mentions);
    const std::optional<Error> error = parse(endpoint, body);
    QVERIFY2(error, "bad input was accepted");
    QCOMPARE(error->code, code);
    QVERIFY2(error->message.contains(mentions), qPrintable(error->message));
    QVERIFY(!error->hint.isEmpty());
}

// Nulls and omissions that Ray really sends must not fail.
void TestRayParsers::toleratedInput_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("body");
    auto row = [](const char* name, const char* endpoint, const QByteArray& body) {
        QTest::newRow(name) << QString::fromLatin1(endpoint) << body;
    };
    row("version: null session", "version",
        R"({"version": "4", "ray_version": "2.50.0", "session_name": null})");
    row("status: no cluster status", "status",
        R"({"result": true, "msg": "", "data": {"clusterStatus": null}})");
    row("status: no load metrics", "status",
        R"({"result": true, "msg": "", "data": {"clusterStatus":
            {"loadMetricsReport": null, "autoscalerReport": null}}})");
    row("nodes: nulls", "nodes", nodeRow(R"("node_name": null, "node_ip": null, "labels": null,
                   "resources_total": null, "is_head_node": null)"));
    row("nodes: empty", "nodes", stateList("[]", "0"));
    row("jobs: all null", "jobs",
        job(R"("type": null, "job_id": null, "status": null, "entrypoint": null,
               "message": null, "error_type": null, "start_time": null, "end_time": null,
               "metadata": null, "runtime_env": null, "driver_info": null,
               "driver_exit_code": null)"));
    row("jobs: empty", "jobs", "[]");
    row("tasks: type null", "tasks", summary(R"({"func_or_class_name": "f", "type": null,
                                                 "state_counts": {}})"));
}

void TestRayParsers::toleratedInput()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, body);
    const std::optional<Error> error = parse(endpoint, body);
    QVERIFY2(!error, qPrintable(error ? error->text() : QString()));
}

void TestRayParsers::derivedResources_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("derived");
    QTest::newRow("cpu") << QStringLiteral("CPU") << false;
    QTest::newRow("custom") << QStringLiteral("accelerator_type:A100") << false;
    QTest::newRow("my_group") << QStringLiteral("my_group_label") << false;
    QTest::newRow("node") << QStringLiteral("node:10.0.0.1") << true;
    QTest::newRow("head") << QStringLiteral("node:__internal_head__") << true;
    QTest::newRow("pg") << QStringLiteral("CPU_group_4b1bf2c0a6c5e1d2f3a4b5c6d7e8f90a1b2c") << true;
    QTest::newRow("pg bundle") << QStringLiteral("GPU_group_1_4b1bf2c0a6c5e1d2f3a4b5c6d7e8f90a1b2c")
                               << true;
    QTest::newRow("pg camel") << QStringLiteral("CPUGroup4B1Bf2C0A6C5E1D2F3A4B5C6D7E8F90A1B2C")
                              << true;
}

void TestRayParsers::derivedResources()
{
    QFETCH(QString, name);
    QFETCH(bool, derived);
    const QByteArray utf8 = name.toUtf8();
    QCOMPARE(RayParsers::isDerivedResource(std::string_view(utf8.constData(), utf8.size())),
             derived);
}

QTEST_GUILESS_MAIN(TestRayParsers)
#include "tst_rayparsers.moc"
