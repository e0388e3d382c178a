#include "QuotaFixtures.h"

#include "core/quotas/UsageEngine.h"
#include "support/TestMain.h"

#include <QSignalSpy>

using namespace raysec;

namespace {

// Serves the fixture files by path, or a chosen body or error for the task list.
class FixtureSource : public StateSource
{
public:
    std::optional<Result<QByteArray>> tasksAnswer;
    QStringList queries;

    void get(const QString& path, const QUrlQuery& query, Done done) override
    {
        queries.append(path + QLatin1Char('?') + query.toString());
        const QString name = path.section(QLatin1Char('/'), -1, -1);
        Result<QByteArray> body = test::readFile(test::fixture(
            (name.isEmpty() ? QStringLiteral("jobs") : name) + QStringLiteral(".json")));
        if (name == QLatin1String("tasks") && tasksAnswer) {
            body = *tasksAnswer;
        }
        QMetaObject::invokeMethod(
            &m_context, [done, body] { done(body); }, Qt::QueuedConnection);
    }
    void cancelAll() override {}

private:
    QObject m_context;
};

} // namespace

class TestUsageEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void aMalformedAnswerKeepsTheLastReport()
    {
        FixtureSource source;
        UsageEngine engine(source);
        engine.setConfig(test::fixtureConfig());
        QSignalSpy ready(&engine, &UsageEngine::reportReady);
        QSignalSpy failed(&engine, &UsageEngine::failed);
        engine.start();
        QVERIFY(ready.wait(10000));
        QCOMPARE(engine.lastReport()->clusterUsed.cpu, 10.5);
        const QString tasksQuery = source.queries.filter(QStringLiteral("/api/v0/tasks?")).value(0);
        for (const char* part :
             {"detail=true", "limit=10000", "filter_keys=state", "filter_values=RUNNING"}) {
            QVERIFY2(tasksQuery.contains(QLatin1String(part)), qPrintable(tasksQuery));
        }

        source.tasksAnswer =
            QByteArray("{\"result\": true, \"data\": {\"result\": {\"result\": 5}}}");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refresh failed")));
        engine.refreshNow();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<Error>().code, QStringLiteral("quotas.malformed"));
        QCOMPARE(engine.lastReport()->clusterUsed.cpu, 10.5);
        QCOMPARE(ready.size(), 1);
        engine.stop();
    }

    void backsOffWhenRayRejectsRequests()
    {
        FixtureSource source;
        source.tasksAnswer = Result<QByteArray>(
            std::unexpected(Error{QStringLiteral("http.429"), QStringLiteral("busy"), {}}));
        UsageEngine engine(source);
        engine.setIntervalSeconds(2);
        QSignalSpy failed(&engine, &UsageEngine::failed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refresh failed")));
        engine.start();
        QVERIFY(failed.wait(10000));
        QCOMPARE(engine.currentDelayMs(), 4000);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refresh failed")));
        engine.refreshNow();
        QVERIFY(failed.wait(10000));
        QCOMPARE(engine.currentDelayMs(), 8000);

        source.tasksAnswer.reset();
        QSignalSpy ready(&engine, &UsageEngine::reportReady);
        engine.refreshNow();
        QVERIFY(ready.wait(10000));
        QCOMPARE(engine.currentDelayMs(), 2000); // back to the chosen interval
        engine.stop();
    }
};

QTEST_GUILESS_MAIN(TestUsageEngine)
#include "tst_usageengine.moc"
