// UserAccounts, UserStore and PolicyRepository on a real SQLite file: policy round trip,
// imported blocklists, users with roles, and no password in the store or the logs.

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/passwords/PasswordHasher.h"
#include "core/passwords/UserAccounts.h"
#include "core/passwords/UserBundle.h"
#include "core/store/Database.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>

#include <nlohmann/json.hpp>

using namespace raysec;

namespace {

SecretBuffer secret(const char* text)
{
    return SecretBuffer(text, std::strlen(text));
}

QStringList captured;

void capture(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    captured.append(QString::fromLatin1(context.category) + QLatin1Char(' ') + message);
}

// Everything the store wrote: the database and its WAL and shared-memory files.
QByteArray storeBytes(const QString& dir)
{
    QByteArray all;
    for (const QString& name : QDir(dir).entryList(QDir::Files)) {
        all += raysec::test::readFile(QDir(dir).filePath(name));
    }
    return all;
}

const char* const alicePassword = "glacier-copper-lantern-fjord-77";
const char* const bobPassword = "Ünïcödé pässwörd fór böb 🔥";

} // namespace

class TestUserAccounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void policyRoundTripsThroughTheStore()
    {
        raysec::test::ScopedDataDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("store.db")));
        QVERIFY(db);
        PolicyRepository repo(*db);
        QVERIFY(repo.migrate());
        QVERIFY(repo.migrate()); // idempotent
        auto fresh = repo.load();
        QVERIFY(fresh);
        QCOMPARE(fresh->preset, PolicyPreset::Nist);

        PasswordPolicy p = PasswordPolicy::forPreset(PolicyPreset::Organisation);
        p.contextWords = {QStringLiteral("rayprod")};
        p.hashing.opsLimit = 4;
        QVERIFY(repo.save(p));
        auto back = repo.load();
        QVERIFY(back);
        QCOMPARE(back->toJson().dump(), p.toJson().dump());

        PasswordPolicy bad = p;
        bad.minScore = 9;
        QVERIFY(!repo.save(bad));
        QCOMPARE(repo.load()->toJson().dump(), p.toJson().dump());
    }

    void importedBlocklistIsUsed()
    {
        raysec::test::ScopedDataDir dir;
        const QString list = dir.filePath(QStringLiteral("site.txt"));
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("RayClusterSummer2026!\n\n#!comment ignored\nanother-site-password-x\n");
        file.close();

        auto db = Database::open(dir.filePath(QStringLiteral("store.db")));
        QVERIFY(db);
        UserAccounts accounts(*db);
        QVERIFY(accounts.migrate());
        QCOMPARE(accounts.policies().importBlocklist(list).value_or(-1), 2);
        auto checker = accounts.checker();
        QVERIFY(checker);
        QVERIFY(checker->check(secret("rayclustersummer2026!"))
                    .hasReason(QStringLiteral("password.blocklisted")));

        QVERIFY(!accounts.policies().importBlocklist(dir.filePath(QStringLiteral("none.txt"))));
        QFile binary(dir.filePath(QStringLiteral("bad.txt")));
        QVERIFY(binary.open(QIODevice::WriteOnly));
        binary.write("\xFF\xFE\x00garbage", 10);
        binary.close();
        QVERIFY(!accounts.policies().importBlocklist(binary.fileName()));
        QCOMPARE(accounts.policies().importedBlocklist()->size(), std::size_t(2));
        QVERIFY(accounts.policies().clearImportedBlocklist());
        QCOMPARE(accounts.policies().importedBlocklist()->size(), std::size_t(0));
    }

    void usersLifecycle()
    {
        raysec::test::ScopedDataDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("store.db")));
        QVERIFY(db);
        UserAccounts accounts(*db);
        QVERIFY(accounts.migrate());
        PasswordPolicy fast = PasswordPolicy::forPreset(PolicyPreset::Nist);
        fast.hashing.memLimitBytes = 19 * HashParameters::MiB;
        QVERIFY(accounts.policies().save(fast));

        auto alice = accounts.add(QStringLiteral("alice"), UserRole::Admin, secret(alicePassword));
        QVERIFY2(alice, qPrintable(alice ? QString() : alice.error().text()));
        QCOMPARE(alice->role, UserRole::Admin);
        QVERIFY(alice->passwordHash.startsWith(QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$")));
        QVERIFY(alice->created.isValid());
        QVERIFY(!alice->disabled);

        QVERIFY(*accounts.verify(QStringLiteral("alice"), secret(alicePassword)));
        QVERIFY(!*accounts.verify(QStringLiteral("alice"), secret("glacier-copper-lantern")));

        QVERIFY(accounts.setDisabled(QStringLiteral("alice"), true));
        QVERIFY(accounts.users().find(QStringLiteral("alice"))->disabled);
        QVERIFY(!*accounts.verify(QStringLiteral("alice"), secret(alicePassword)));

        QVERIFY(accounts.resetPassword(QStringLiteral("alice"), secret(bobPassword)));
        QVERIFY(accounts.setDisabled(QStringLiteral("alice"), false));
        QVERIFY(*accounts.verify(QStringLiteral("alice"), secret(bobPassword)));
        QVERIFY(!accounts.setDisabled(QStringLiteral("nobody"), true));
    }

    void refusalsChangeNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QString>("code");
        QTest::newRow("short") << "carol" << QByteArray("short") << "password.refused";
        QTest::newRow("user name inside")
            << "carol" << QByteArray("carol-has-a-long-password-9") << "password.refused";
        QTest::newRow("bad name") << "car ol" << QByteArray(alicePassword) << "users.bad-name";
        QTest::newRow("hostile name")
            << "'; DROP TABLE dashboard_users;--" << QByteArray(alicePassword) << "users.bad-name";
        QTest::newRow("taken") << "dave" << QByteArray(alicePassword) << "users.exists";
    }

    void refusalsChangeNothing()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, password);
        QFETCH(QString, code);
        raysec::test::ScopedDataDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("store.db")));
        QVERIFY(db);
        UserAccounts accounts(*db);
        QVERIFY(accounts.migrate());
        PasswordPolicy fast = PasswordPolicy::forPreset(PolicyPreset::Nist);
        fast.hashing.memLimitBytes = 19 * HashParameters::MiB;
        QVERIFY(accounts.policies().save(fast));
        QVERIFY(accounts.add(QStringLiteral("dave"), UserRole::Viewer, secret(bobPassword)));

        const auto added =
            accounts.add(name, UserRole::Operator,
                         SecretBuffer(password.constData(), std::size_t(password.size())));
        QVERIFY(!added);
        QCOMPARE(added.error().code, code);
        QVERIFY(!added.error().hint.isEmpty());
        QCOMPARE(accounts.users().list()->size(), 1);
    }

    void noPasswordInStoreOrLogs()
    {
        raysec::test::ScopedDataDir dir;
        captured.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("raysec.*=true"));
        const QtMessageHandler previous = qInstallMessageHandler(capture);
        {
            auto db = Database::open(dir.filePath(QStringLiteral("store.db")));
            QVERIFY(db);
            UserAccounts accounts(*db);
            QVERIFY(accounts.migrate());
            QVERIFY(
                accounts.add(QStringLiteral("erin"), UserRole::Operator, secret(alicePassword)));
            QVERIFY(accounts.add(QStringLiteral("frank"), UserRole::Viewer, secret(bobPassword)));
            QVERIFY(accounts.resetPassword(QStringLiteral("erin"), secret(bobPassword)));
            QVERIFY(!accounts.add(QStringLiteral("gina"), UserRole::Viewer, secret("password123")));
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());

        QVERIFY2(!captured.isEmpty(), "the user actions must log their identifiers");
        QVERIFY(captured.join(u'\n').contains(QStringLiteral("erin")));
        const QByteArray bytes = storeBytes(dir.path());
        QVERIFY(bytes.contains("erin"));
        for (const char* password : {alicePassword, bobPassword, "password123"}) {
            const QByteArray needle(password);
            QVERIFY2(!bytes.contains(needle), password);
            QVERIFY2(!bytes.contains(QString::fromUtf8(needle).toUtf8().toBase64()), password);
            QVERIFY2(!captured.join(u'\n').toUtf8().contains(needle), password);
        }
    }

    void bundleDocument()
    {
        DashboardUser u;
        u.name = QStringLiteral("alice");
        u.role = UserRole::Operator;
        u.passwordHash = QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA");
        u.created = u.changed = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        const auto doc = nlohmann::json::parse(
            UserBundle::document({u}, HashParameters(), QDateTime::currentDateTimeUtc()));
        QVERIFY(doc.at("format") == "raysec-dashboard-users");
        QCOMPARE(doc.at("users").size(), std::size_t(1));
        QVERIFY(doc.at("users")[0].at("role") == "operator");
        QVERIFY(doc.at("users")[0].at("passwordHash") == u.passwordHash.toStdString());
        QVERIFY(doc.at("users")[0].at("created") == "2026-01-01T00:00:00Z");
    }
};

QTEST_GUILESS_MAIN(TestUserAccounts)
#include "tst_useraccounts.moc"
