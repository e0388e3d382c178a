#include "QuotaFixtures.h"

#include "support/TestMain.h"

using namespace raysec;

class TestStateListParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void refusesMalformedAnswers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");

        auto wrap = [](const char* rows) {
            return QByteArray(
                       "{\"result\": true, \"msg\": \"\", \"data\": {\"result\": {\"total\": 1, "
                       "\"num_after_truncation\": 1, \"result\": ") +
                   rows + "}}}";
        };
        QTest::newRow("empty") << QByteArray() << "quotas.empty-answer"
                               << "empty";
        QTest::newRow("not json") << QByteArray("<html>Bad Gateway</html>") << "quotas.malformed"
                                  << "document";
        QTest::newRow("cut off") << QByteArray("{\"result\": true, \"data\": {\"result\": {\"res")
                                 << "quotas.malformed"
                                 << "";
        QTest::newRow("refused") << QByteArray(
                                        "{\"result\": false, \"msg\": \"timeout\", \"data\": {}}")
                                 << "quotas.ray-refused"
                                 << "timeout";
        QTest::newRow("no rows") << QByteArray("{\"result\": true, \"msg\": \"\", \"data\": {}}")
                                 << "quotas.malformed"
                                 << "data.result.result";
        QTest::newRow("rows not a list") << wrap("{\"task_id\": \"t\"}") << "quotas.malformed"
                                         << "data.result.result";
        QTest::newRow("row not an object") << wrap("[\"t1\"]") << "quotas.malformed"
                                           << "data.result.result[]";
        QTest::newRow("cpu as text")
            << wrap("[{\"task_id\": \"t\", \"required_resources\": {\"CPU\": \"2\"}}]")
            << "quotas.malformed"
            << "required_resources";
        QTest::newRow("negative cpu")
            << wrap("[{\"task_id\": \"t\", \"required_resources\": {\"CPU\": -1}}]")
            << "quotas.malformed"
            << "negative";
        QTest::newRow("state as number")
            << wrap("[{\"task_id\": \"t\", \"state\": 3}]") << "quotas.malformed"
            << "state";
        QTest::newRow("total as text") << QByteArray("{\"result\": true, \"data\": {\"result\": "
                                                     "{\"total\": \"many\", \"result\": []}}}")
                                       << "quotas.malformed"
                                       << "total";
        QTest::newRow("hostile key")
            << wrap("[{\"task_id\": \"t\", \"required_resources\": {\"\\u0000<script>\": \"x\"}}]")
            << "quotas.malformed"
            << "required_resources";
    }

    void refusesMalformedAnswers()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        const auto tasks = StateListParser::parseTasks(body);
        QVERIFY(!tasks.has_value());
        QCOMPARE(tasks.error().code, code);
        QVERIFY2(tasks.error().message.contains(mentions), qPrintable(tasks.error().message));
        QVERIFY(!tasks.error().hint.isEmpty());
    }

    void refusesMalformedJobListings_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("object") << QByteArray("{\"jobs\": []}");
        QTest::newRow("metadata list")
            << QByteArray("[{\"job_id\": \"01\", \"metadata\": [\"a\"]}]");
        QTest::newRow("start as text")
            << QByteArray("[{\"job_id\": \"01\", \"start_time\": \"now\"}]");
        QTest::newRow("cpus as text") << QByteArray("[{\"entrypoint_num_cpus\": \"one\"}]");
    }

    void refusesMalformedJobListings()
    {
        QFETCH(QByteArray, body);
        const auto jobs = JobListParser::parseJobs(body);
        QVERIFY(!jobs.has_value());
        QCOMPARE(jobs.error().code, QStringLiteral("quotas.malformed"));
    }

    void aMalformedListChangesNoUsage()
    {
        // The engine only aggregates whole parsed lists: a bad answer leaves the last report.
        auto input = test::fixtureInput();
        const UsageReport before =
            UsageAggregator::aggregate(input, test::fixtureConfig(), test::fixtureNow());
        const auto bad = StateListParser::parseTasks(QByteArray("{\"result\": true, \"data\": "));
        QVERIFY(!bad);
        const UsageReport after =
            UsageAggregator::aggregate(input, test::fixtureConfig(), test::fixtureNow());
        QCOMPARE(after.clusterUsed.cpu, before.clusterUsed.cpu);
    }

    void toleratesMissingOptionalFields()
    {
        const QByteArray body =
            "{\"result\": true, \"msg\": \"\", \"data\": {\"result\": {\"result\": [\n"
            "            {\"task_id\": \"t\", \"state\": \"RUNNING\", \"job_id\": null, \"type\": "
            "null,\n"
            "             \"required_resources\": null, \"extra\": {\"nested\": [1, 2]}}]}}}";
        const auto tasks = StateListParser::parseTasks(body);
        QVERIFY2(tasks.has_value(), qPrintable(tasks ? QString() : tasks.error().text()));
        QCOMPARE(tasks->rows.size(), 1);
        QCOMPARE(tasks->total, 1); // absent counts fall back to the rows sent
        QVERIFY(tasks->rows.first().required->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStateListParser)
#include "tst_statelistparser.moc"
