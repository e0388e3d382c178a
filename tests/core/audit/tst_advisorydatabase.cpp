#include "core/audit/AdvisoryDatabase.h"
#include "support/TestMain.h"

#include <QTest>

using namespace raysec;

namespace {

QStringList ids(const QList<Advisory>& list)
{
    QStringList out;
    for (const Advisory& a : list) {
        out.append(a.id);
    }
    out.sort();
    return out;
}

RayVersion v(const char* text)
{
    return *RayVersion::parse(QString::fromLatin1(text));
}

} // namespace

class TstAdvisoryDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void versionsOrder()
    {
        QVERIFY(v("2.6.3") < v("2.8.1"));
        QVERIFY(v("2.10.0") > v("2.9.3"));
        QVERIFY(v("2.52.0rc1") < v("2.52.0"));
        QVERIFY(v("2.52") == v("2.52.0"));
        QVERIFY(!RayVersion::parse(QStringLiteral("2")));
        QVERIFY(!RayVersion::parse(QStringLiteral("latest")));
        QVERIFY(!RayVersion::parse(QStringLiteral("2.5.0; rm -rf /")));
    }

    void applicableByVersion_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("token");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("2.6.3 open")
            << QStringLiteral("2.6.3") << false
            << QStringList{
                   QStringLiteral("CVE-2023-48022"), QStringLiteral("CVE-2023-48023"),
                   QStringLiteral("CVE-2023-6019"),  QStringLiteral("CVE-2023-6020"),
                   QStringLiteral("CVE-2023-6021"),  QStringLiteral("CVE-2025-1979"),
                   QStringLiteral("CVE-2025-62593"), QStringLiteral("CVE-2026-27482"),
                   QStringLiteral("CVE-2026-57516"),
               };
        QTest::newRow("2.52 token off")
            << QStringLiteral("2.52.0") << false
            << QStringList{QStringLiteral("CVE-2023-48022"), QStringLiteral("CVE-2025-34351"),
                           QStringLiteral("CVE-2026-27482"), QStringLiteral("CVE-2026-57516")};
        QTest::newRow("2.52 token on")
            << QStringLiteral("2.52.0") << true
            << QStringList{QStringLiteral("CVE-2026-27482"), QStringLiteral("CVE-2026-57516")};
        QTest::newRow("2.60 token on") << QStringLiteral("2.60.0") << true << QStringList{};
        QTest::newRow("2.61 token off")
            << QStringLiteral("2.61.0") << false << QStringList{QStringLiteral("CVE-2023-48022")};
    }

    void applicableByVersion()
    {
        QFETCH(QString, version);
        QFETCH(bool, token);
        QFETCH(QStringList, expected);
        auto db = AdvisoryDatabase::builtIn();
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        QCOMPARE(db->advisories().size(), 10);
        QCOMPARE(ids(db->applicable(*RayVersion::parse(version), token)), expected);
    }

    void malformedIsRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        const QByteArray head =
            R"({"format":"raysec-advisories","formatVersion":1,"sequence":2,"advisories":[)";
        const QByteArray good = R"("summary":"s","severity":"high","affected":{"before":"2.8.1"},)"
                                R"("fixedIn":"2.8.1","remediation":"r","references":["x"]})";
        QTest::newRow("no sequence")
            << QByteArray(R"({"format":"raysec-advisories","formatVersion":1,"advisories":[]})")
            << QStringLiteral("sequence");
        QTest::newRow("bad id") << head + R"({"id":"CVE-1",)" + good + "]}"
                                << QStringLiteral("CVE or GHSA");
        QTest::newRow("bad bound") << head + R"({"id":"CVE-2023-1234",)" +
                                          QByteArray(good).replace("\"2.8.1\"}", "\"x\"}") + "]}"
                                   << QStringLiteral("before");
        QTest::newRow("reversed range")
            << head + R"({"id":"CVE-2023-1234",)" +
                   QByteArray(good).replace(R"({"before")", R"({"from":"2.9.0","before")") + "]}"
            << QStringLiteral("later than");
        QTest::newRow("unknown mitigation")
            << head + R"({"id":"CVE-2023-1234","mitigatedBy":"prayer",)" + good + "]}"
            << QStringLiteral("mitigatedBy");
        QTest::newRow("disputed string")
            << head + R"({"id":"CVE-2023-1234","disputed":"yes",)" + good + "]}"
            << QStringLiteral("disputed");
    }

    void malformedIsRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        auto db = AdvisoryDatabase::parse(json, QStringLiteral("advisories.json"));
        QVERIFY(!db);
        QCOMPARE(db.error().code, QStringLiteral("audit.advisories.invalid"));
        QVERIFY2(db.error().message.contains(mentions), qPrintable(db.error().message));
    }

    void unsignedReplacementRefused()
    {
        auto db = AdvisoryDatabase::loadSigned(QStringLiteral("/tmp/none.json"), QString());
        QVERIFY(!db);
        QCOMPARE(db.error().code, QStringLiteral("audit.advisories.unverifiable"));
    }
};

QTEST_GUILESS_MAIN(TstAdvisoryDatabase)
#include "tst_advisorydatabase.moc"
