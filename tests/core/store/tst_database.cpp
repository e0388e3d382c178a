#include "core/store/Database.h"
#include "core/store/Transaction.h"
#include "support/TestMain.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace raysec;

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void migrationsRunOnceInOrder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.sqlite"));
        const QStringList steps = {
            QStringLiteral("CREATE TABLE t (a INTEGER)"),
            QStringLiteral("ALTER TABLE t ADD COLUMN b TEXT; INSERT INTO t(a, b) VALUES (1, 'x')"),
        };
        {
            auto db = Database::open(path);
            QVERIFY(db.has_value());
            QVERIFY(db->migrate(QStringLiteral("demo"), steps).has_value());
            QCOMPARE(db->schemaVersion(QStringLiteral("demo")), 2);
        }
        // Reopening runs nothing again: the row is still single.
        auto db = Database::open(path);
        QVERIFY(db->migrate(QStringLiteral("demo"), steps).has_value());
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM t")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void failedMigrationStepChangesNothing()
    {
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db.has_value());
        QVERIFY(db->migrate(QStringLiteral("m"), {QStringLiteral("CREATE TABLE t (a INTEGER)")}));
        auto result = db->migrate(QStringLiteral("m"),
                                  {QStringLiteral("CREATE TABLE t (a INTEGER)"),
                                   QStringLiteral("INSERT INTO t VALUES (1); SELECT * FROM nope")});
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, QStringLiteral("store.sql"));
        QCOMPARE(db->schemaVersion(QStringLiteral("m")), 1);
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM t")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void modulesHaveIndependentVersions()
    {
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db->migrate(QStringLiteral("a"), {QStringLiteral("CREATE TABLE a1 (x)")}));
        QVERIFY(db->migrate(QStringLiteral("b"), {QStringLiteral("CREATE TABLE b1 (x)"),
                                                  QStringLiteral("CREATE TABLE b2 (x)")}));
        QCOMPARE(db->schemaVersion(QStringLiteral("a")), 1);
        QCOMPARE(db->schemaVersion(QStringLiteral("b")), 2);
    }

    void transactionRollsBackWithoutCommit()
    {
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t (a)")));
        {
            Transaction tx(*db);
            QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES (?)"), {42}));
        }
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM t")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void unwritableLocationIsReported()
    {
        auto db = Database::open(QStringLiteral("/proc/raysec/none/store.sqlite"));
        QVERIFY(!db.has_value());
        QVERIFY(!db.error().hint.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
