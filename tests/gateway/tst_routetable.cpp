#include "gateway/RouteTable.h"
#include "support/TestMain.h"

#include <QTest>

using namespace raysec::gateway;

Q_DECLARE_METATYPE(RouteClass)

class TestRouteTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void classifies_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<RouteClass>("expected");
        QTest::addColumn<bool>("webSocket");
        const auto row = [](const char* name, const char* m, const char* p, RouteClass c,
                            bool ws = false) {
            QTest::newRow(name) << QByteArray(m) << QByteArray(p) << c << ws;
        };
        row("health", "GET", "/-/healthz", RouteClass::Health);
        row("api health", "GET", "/api/gcs_healthz", RouteClass::Health);
        row("version", "GET", "/api/version", RouteClass::ClusterRead);
        row("cluster status", "GET", "/api/cluster_status", RouteClass::ClusterRead);
        row("state api", "GET", "/api/v0/tasks", RouteClass::ClusterRead);
        row("state logs", "GET", "/api/v0/logs/file", RouteClass::LogsRead);
        row("list jobs", "GET", "/api/jobs/", RouteClass::JobsRead);
        row("get job", "GET", "/api/jobs/raysubmit_123", RouteClass::JobsRead);
        row("submit", "POST", "/api/jobs/", RouteClass::JobsSubmit);
        row("stop", "POST", "/api/jobs/raysubmit_1/stop", RouteClass::JobsStop);
        row("delete", "DELETE", "/api/jobs/raysubmit_1", RouteClass::JobsStop);
        row("logs", "GET", "/api/jobs/raysubmit_1/logs", RouteClass::LogsRead);
        row("log tail", "GET", "/api/jobs/raysubmit_1/logs/tail", RouteClass::LogsRead, true);
        row("put job", "PUT", "/api/jobs/raysubmit_1", RouteClass::Admin);
        row("ui root", "GET", "/", RouteClass::Ui);
        row("static", "GET", "/static/js/main.js", RouteClass::Ui);
        row("cpu profile", "GET", "/worker/cpu_profile", RouteClass::Admin);
        row("unknown post", "POST", "/api/actors/kill", RouteClass::Admin);
        row("serve put", "PUT", "/api/serve/applications/", RouteClass::Admin);
        row("log proxy", "GET", "/log_proxy", RouteClass::Closed);
        row("traversal", "GET", "/static/../../etc/passwd", RouteClass::Closed);
        row("encoded traversal", "GET", "/static/%2e%2e/%2e%2e/etc/passwd", RouteClass::Closed);
        row("encoded slash", "GET", "/static/..%2fsecret", RouteClass::Closed);
        row("backslash", "GET", "/static/..\\x", RouteClass::Closed);
        row("double slash", "GET", "//etc/passwd", RouteClass::Closed);
        row("bad escape", "GET", "/api/%zz", RouteClass::Closed);
        row("nul", "GET", "/api/version%00", RouteClass::Closed);
        row("relative", "GET", "api/version", RouteClass::Closed);
        row("login", "POST", "/-/raysec/login", RouteClass::Login);
    }

    void classifies()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(RouteClass, expected);
        QFETCH(bool, webSocket);
        const Route route = classifyRoute(method.toStdString(), path.toStdString());
        QCOMPARE(route.routeClass, expected);
        QCOMPARE(route.webSocket, webSocket);
    }

    void scopesAndRoles()
    {
        QCOMPARE(requiredScope(RouteClass::JobsSubmit), std::string_view("jobs:submit"));
        QCOMPARE(requiredScope(RouteClass::Admin), std::string_view("admin"));
        QVERIFY(requiredScope(RouteClass::Closed).empty());
        QVERIFY(roleAllows("viewer", RouteClass::JobsRead));
        QVERIFY(!roleAllows("viewer", RouteClass::JobsSubmit));
        QVERIFY(roleAllows("operator", RouteClass::JobsStop));
        QVERIFY(!roleAllows("operator", RouteClass::Admin));
        QVERIFY(roleAllows("admin", RouteClass::Admin));
        QVERIFY(!roleAllows("admin", RouteClass::Closed));
        QVERIFY(!roleAllows("root", RouteClass::JobsRead));
    }
};

QTEST_GUILESS_MAIN(TestRouteTable)
#include "tst_routetable.moc"
