#include "core/audit/CheckCatalog.h"
#include "support/TestMain.h"

#include <QTest>

using namespace raysec;

class TstCheckCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void builtInLoadsEveryCheck()
    {
        auto catalog = CheckCatalog::builtIn();
        QVERIFY2(catalog, qPrintable(catalog ? QString() : catalog.error().message));
        QCOMPARE(catalog->checks().size(), 14);
        const Check* open = catalog->find(QStringLiteral("RAY-1.1"));
        QVERIFY(open);
        QCOMPARE(open->severity, Severity::Critical);
        QCOMPARE(open->mitigation, QStringLiteral("M1"));
        QCOMPARE(open->fixKind, QStringLiteral("gateway-config"));
        const Check* ports = catalog->find(QStringLiteral("RAY-5.2"));
        QVERIFY(ports);
        QCOMPARE(ports->params.at("ports").size(), 4u);
    }

    void malformedIsRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        const QByteArray head = R"({"format":"raysec-audit-checks","formatVersion":1,"checks":[)";
        const QByteArray good =
            R"("title":"t","mitigation":"M1","severity":"high","probe":"rate-limit",)"
            R"("pass":"p","fail":"f","remediation":"r","references":["x"],)"
            R"("fix":{"kind":"manual","description":"d"}})";
        QTest::newRow("not json") << QByteArray("{oops") << QStringLiteral("not a JSON object");
        QTest::newRow("wrong format")
            << QByteArray(R"({"format":"x","formatVersion":1})") << QStringLiteral("\"format\"");
        QTest::newRow("future version")
            << QByteArray(R"({"format":"raysec-audit-checks","formatVersion":9,"checks":[]})")
            << QStringLiteral("version 9");
        QTest::newRow("no checks") << head + "]}" << QStringLiteral("\"checks\"");
        QTest::newRow("bad id") << head + R"({"id":"X-1",)" + good + "]}"
                                << QStringLiteral("RAY-<n>.<n>");
        QTest::newRow("bad mitigation")
            << head + R"({"id":"RAY-1.1",)" + QByteArray(good).replace("M1", "M10") + "]}"
            << QStringLiteral("mitigation");
        QTest::newRow("bad severity")
            << head + R"({"id":"RAY-1.1",)" + QByteArray(good).replace("high", "urgent") + "]}"
            << QStringLiteral("severity");
        QTest::newRow("unknown probe")
            << head + R"({"id":"RAY-1.1",)" + QByteArray(good).replace("rate-limit", "post") + "]}"
            << QStringLiteral("probe");
        QTest::newRow("title number")
            << head + R"({"id":"RAY-1.1",)" + QByteArray(good).replace(R"("t")", "5") + "]}"
            << QStringLiteral("title");
        QTest::newRow("empty references")
            << head + R"({"id":"RAY-1.1",)" + QByteArray(good).replace(R"(["x"])", "[\"\"]") + "]}"
            << QStringLiteral("references");
        QTest::newRow("unknown fix")
            << head + R"({"id":"RAY-1.1",)" + QByteArray(good).replace("manual", "magic") + "]}"
            << QStringLiteral("kind");
        QTest::newRow("duplicate")
            << head + R"({"id":"RAY-1.1",)" + good + R"(,{"id":"RAY-1.1",)" + good + "]}"
            << QStringLiteral("twice");
    }

    void malformedIsRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        auto catalog = CheckCatalog::parse(json, QStringLiteral("checks.json"));
        QVERIFY(!catalog);
        QCOMPARE(catalog.error().code, QStringLiteral("audit.checks.invalid"));
        QVERIFY2(catalog.error().message.contains(mentions), qPrintable(catalog.error().message));
    }

    void validMinimalFileLoads()
    {
        const QByteArray json =
            R"({"format":"raysec-audit-checks","formatVersion":1,"checks":[{"id":"RAY-9.9",)"
            R"("title":"t","mitigation":"M9","severity":"low","probe":"rate-limit",)"
            R"("pass":"p","fail":"f","remediation":"r","references":["x"],)"
            R"("fix":{"kind":"manual","description":"d"}}]})";
        auto catalog = CheckCatalog::parse(json, QStringLiteral("checks.json"));
        QVERIFY(catalog);
        QCOMPARE(catalog->checks().first().severity, Severity::Low);
    }
};

QTEST_GUILESS_MAIN(TstCheckCatalog)
#include "tst_checkcatalog.moc"
