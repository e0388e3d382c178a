// raysec-cli keys and token, end to end through QProcess with the real Secret Service.

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/common/Paths.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>

using namespace raysec;

namespace {

using Run = raysec::test::ProcessResult;

Run cli(const QStringList& args, const QByteArray& input = {})
{
    return raysec::test::runProgram(raysec::test::builtProgram(QStringLiteral("raysec-cli")), args,
                                    input);
}

const QRegularExpression keyPattern(QStringLiteral("^rsk_[0-9A-Za-z]{12}_[0-9A-Za-z]{39}$"));

} // namespace

class TestKeysCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(raysec::test::secretServiceAvailable(),
                 "run under dbus-run-session with gnome-keyring (see .ci/run)");
        QVERIFY(QFileInfo::exists(raysec::test::builtProgram(QStringLiteral("raysec-cli"))));
    }

    void init()
    {
        raysec::test::failOnWarnings();
        m_data = std::make_unique<raysec::test::ScopedDataDir>();
    }

    void cleanup() { m_data.reset(); }

    void issueListExportVerify()
    {
        Run issued =
            cli({QStringLiteral("keys"), QStringLiteral("issue"), QStringLiteral("--owner"),
                 QStringLiteral("alice"), QStringLiteral("--team"), QStringLiteral("ml"),
                 QStringLiteral("--scopes"), QStringLiteral("jobs:read,logs:read"),
                 QStringLiteral("--days"), QStringLiteral("30")});
        QCOMPARE(issued.exitCode, 0);
        const QByteArray secret = issued.out.trimmed();
        QVERIFY2(keyPattern.match(QString::fromLatin1(secret)).hasMatch(), issued.out.constData());
        const QByteArray secretPart = secret.mid(17);

        Run listed =
            cli({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray keys = QJsonDocument::fromJson(listed.out).array();
        QCOMPARE(keys.size(), 1);
        QCOMPARE(keys[0][QStringLiteral("owner")].toString(), QStringLiteral("alice"));
        QVERIFY(!listed.out.contains(secretPart));

        const QString out = m_data->filePath(QStringLiteral("export"));
        QVERIFY(QDir().mkpath(out));
        Run exported =
            cli({QStringLiteral("keys"), QStringLiteral("export"), QStringLiteral("--out"), out});
        QCOMPARE(exported.exitCode, 0);
        const QString bundle = out + QStringLiteral("/registry.json");
        const QString pub = out + QStringLiteral("/raysec-registry.pub");
        QCOMPARE(QProcess::execute(QStringLiteral("minisign"),
                                   {QStringLiteral("-Vq"), QStringLiteral("-p"), pub,
                                    QStringLiteral("-m"), bundle}),
                 0);

        // No secret anywhere but the one output that was asked for.
        for (const QString& path :
             {bundle, bundle + QStringLiteral(".minisig"), pub, Paths::storeFile(),
              Paths::storeFile() + QStringLiteral("-wal")}) {
            QVERIFY2(!raysec::test::readFile(path).contains(secretPart), qPrintable(path));
        }
        QVERIFY(!exported.out.contains(secretPart) && !exported.err.contains(secretPart));
        QVERIFY(!issued.err.contains(secretPart));

        Run verified = cli({QStringLiteral("keys"), QStringLiteral("verify"), bundle,
                            QStringLiteral("--public-key"), pub});
        QCOMPARE(verified.exitCode, 0);

        QByteArray changed = raysec::test::readFile(bundle);
        changed[changed.indexOf("alice")] = 'A';
        QFile f(bundle);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(changed);
        f.close();
        Run refused = cli({QStringLiteral("keys"), QStringLiteral("verify"), bundle,
                           QStringLiteral("--public-key"), pub});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains("does not match"));
        QCOMPARE(QProcess::execute(QStringLiteral("minisign"),
                                   {QStringLiteral("-Vq"), QStringLiteral("-p"), pub,
                                    QStringLiteral("-m"), bundle}),
                 1);
    }

    void auditTamperingIsReported()
    {
        for (const char* owner : {"bob", "carol"}) {
            QCOMPARE(
                cli({QStringLiteral("keys"), QStringLiteral("issue"), QStringLiteral("--owner"),
                     QString::fromLatin1(owner), QStringLiteral("--team"), QStringLiteral("web"),
                     QStringLiteral("--scopes"), QStringLiteral("admin")})
                    .exitCode,
                0);
        }
        QCOMPARE(cli({QStringLiteral("keys"), QStringLiteral("verify"), QStringLiteral("--audit")})
                     .exitCode,
                 0);
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
            db.setDatabaseName(Paths::storeFile());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE key_audit SET actor = 'mallory' WHERE seq = 1")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("edit"));
        Run checked =
            cli({QStringLiteral("keys"), QStringLiteral("verify"), QStringLiteral("--audit")});
        QCOMPARE(checked.exitCode, 1);
        QVERIFY2(checked.err.contains("row 1"), checked.err.constData());
    }

    void sealAndOpen()
    {
        Run me = cli({QStringLiteral("keys"), QStringLiteral("recipient")});
        QCOMPARE(me.exitCode, 0);
        const QString recipient = m_data->filePath(QStringLiteral("me.pub"));
        QFile f(recipient);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(me.out);
        f.close();
        Run issued =
            cli({QStringLiteral("keys"), QStringLiteral("issue"), QStringLiteral("--owner"),
                 QStringLiteral("dan"), QStringLiteral("--team"), QStringLiteral("ops"),
                 QStringLiteral("--scopes"), QStringLiteral("cluster:read")});
        QCOMPARE(issued.exitCode, 0);
        const QString sealed = m_data->filePath(QStringLiteral("dan.sealed"));
        // The key comes on standard input, never as an argument.
        QCOMPARE(cli({QStringLiteral("keys"), QStringLiteral("seal"), QStringLiteral("--recipient"),
                      recipient, QStringLiteral("--out"), sealed},
                     issued.out)
                     .exitCode,
                 0);
        QVERIFY(!raysec::test::readFile(sealed).contains(issued.out.trimmed().mid(17)));
        Run opened = cli({QStringLiteral("keys"), QStringLiteral("open"), sealed});
        QCOMPARE(opened.exitCode, 0);
        QCOMPARE(opened.out.trimmed(), issued.out.trimmed());
    }

    void rayTokenExports()
    {
        QCOMPARE(cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("lab"),
                      QStringLiteral("--url"), QStringLiteral("https://ray.example:8265"),
                      // Empty, not absent: the profile store refuses NULL paths.
                      QStringLiteral("--ca-bundle="), QStringLiteral("--pin="),
                      QStringLiteral("--client-cert="), QStringLiteral("--client-key=")})
                     .exitCode,
                 0);
        Run generated = cli({QStringLiteral("token"), QStringLiteral("generate"),
                             QStringLiteral("lab"), QStringLiteral("--replace")});
        QCOMPARE(generated.exitCode, 0);
        QVERIFY(generated.out.contains("ray stop"));
        const QString tokenFile = m_data->filePath(QStringLiteral("auth_token"));
        const QString envFile = m_data->filePath(QStringLiteral("ray.env"));
        const QString kube = m_data->filePath(QStringLiteral("secret.yaml"));
        Run exported =
            cli({QStringLiteral("token"), QStringLiteral("export"), QStringLiteral("lab"),
                 QStringLiteral("--token-file"), tokenFile, QStringLiteral("--env-file"), envFile,
                 QStringLiteral("--kubernetes"), kube});
        QCOMPARE(exported.exitCode, 0);
        const QByteArray token = raysec::test::readFile(tokenFile);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$"))
                    .match(QString::fromLatin1(token))
                    .hasMatch());
        QCOMPARE(QFileInfo(tokenFile).permissions() & 0xF0FF,
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QByteArray env = raysec::test::readFile(envFile);
        QVERIFY(env.contains("RAY_AUTH_MODE=token\n"));
        QVERIFY(env.contains("RAY_AUTH_TOKEN_PATH=" + tokenFile.toUtf8()));
        QVERIFY(!env.contains(token));
        QVERIFY(raysec::test::readFile(kube).contains(token.toBase64()));
        QVERIFY(!exported.out.contains(token) &&
                !raysec::test::readFile(Paths::storeFile()).contains(token));
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::newRow("unknown scope")
            << QStringList{QStringLiteral("keys"),     QStringLiteral("issue"),
                           QStringLiteral("--owner"),  QStringLiteral("x"),
                           QStringLiteral("--team"),   QStringLiteral("t"),
                           QStringLiteral("--scopes"), QStringLiteral("root")}
            << 1;
        QTest::newRow("secret in argv")
            << QStringList{QStringLiteral("keys"), QStringLiteral("seal"),
                           QStringLiteral(
                               "rsk_AAAAAAAAAAAA_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB")}
            << 2;
        QTest::newRow("revoke without reason")
            << QStringList{QStringLiteral("keys"), QStringLiteral("revoke"),
                           QStringLiteral("AAAAAAAAAAAA")}
            << 1;
        QTest::newRow("bad date")
            << QStringList{QStringLiteral("keys"),      QStringLiteral("issue"),
                           QStringLiteral("--owner"),   QStringLiteral("x"),
                           QStringLiteral("--team"),    QStringLiteral("t"),
                           QStringLiteral("--scopes"),  QStringLiteral("admin"),
                           QStringLiteral("--expires"), QStringLiteral("tomorrow")}
            << 1;
        QTest::newRow("token for missing profile")
            << QStringList{QStringLiteral("token"), QStringLiteral("generate"),
                           QStringLiteral("nosuch")}
            << 1;
    }

    void badInputIsRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        Run run = cli(args);
        QCOMPARE(run.exitCode, code);
        QVERIFY(!run.err.isEmpty());
    }

private:
    std::unique_ptr<raysec::test::ScopedDataDir> m_data;
};

QTEST_GUILESS_MAIN(TestKeysCli)
#include "tst_keyscli.moc"
