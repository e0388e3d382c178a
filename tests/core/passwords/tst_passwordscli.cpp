// raysec-cli passwords and users, run as a person would: passwords on standard input only,
// --json output, exit codes, and a signed user bundle that minisign verifies.

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/keys/SigningKeyStore.h"
#include "core/passwords/PasswordHasher.h"

#include <QProcess>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <optional>

using namespace raysec;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
    nlohmann::json json() const { return nlohmann::json::parse(out, nullptr, false); }
};

Run cli(const QStringList& args, const QByteArray& input = {})
{
    QProcess process;
    process.start(raysec::test::builtProgram(QStringLiteral("raysec-cli")), args);
    Run run;
    if (!process.waitForStarted(10000)) {
        return run;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        return run;
    }
    run.code = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

const QByteArray goodPassword = "glacier copper lantern fjord 77";

} // namespace

class TestPasswordsCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void initTestCase()
    {
        // Fast hashing for the tests: the OWASP floor.
        const Run calibrated =
            cli({QStringLiteral("passwords"), QStringLiteral("calibrate"),
                 QStringLiteral("--target-ms"), QStringLiteral("50"),
                 QStringLiteral("--memory-mib"), QStringLiteral("19"), QStringLiteral("--json")});
        QVERIFY2(calibrated.code == 0, calibrated.err.constData());
        QVERIFY(calibrated.json().at("hashing").at("memoryKiB") == 19456);
    }

    void checkReadsStdin_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<int>("code");
        QTest::addColumn<QStringList>("reasons");
        QTest::newRow("good") << goodPassword << 0 << QStringList();
        QTest::newRow("common") << QByteArray("password1\n") << 1
                                << QStringList{QStringLiteral("password.too-short"),
                                               QStringLiteral("password.blocklisted"),
                                               QStringLiteral("password.weak")};
        QTest::newRow("user name") << QByteArray("zq8#alice#vK2!mz9Lp\n") << 1
                                   << QStringList{QStringLiteral("password.context-word")};
    }

    void checkReadsStdin()
    {
        QFETCH(QByteArray, password);
        QFETCH(int, code);
        QFETCH(QStringList, reasons);
        const Run run =
            cli({QStringLiteral("passwords"), QStringLiteral("check"), QStringLiteral("--user"),
                 QStringLiteral("alice"), QStringLiteral("--json")},
                password);
        QCOMPARE(run.code, code);
        const auto json = run.json();
        QStringList codes;
        for (const auto& r : json.at("reasons")) {
            codes.append(QString::fromStdString(r.at("code")));
        }
        QCOMPARE(codes, reasons);
        QVERIFY(!run.out.contains(password.trimmed()));
    }

    void policySetAndShow()
    {
        Run run = cli({QStringLiteral("passwords"), QStringLiteral("policy"), QStringLiteral("set"),
                       QStringLiteral("--preset"), QStringLiteral("organisation"),
                       QStringLiteral("--context"), QStringLiteral("rayprod,acme"),
                       QStringLiteral("--json")});
        QVERIFY2(run.code == 0, run.err.constData());
        run = cli({QStringLiteral("passwords"), QStringLiteral("policy"), QStringLiteral("show"),
                   QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        auto json = run.json();
        QVERIFY(json.at("preset") == "organisation");
        QCOMPARE(json.at("requiredClasses").size(), std::size_t(4));
        QVERIFY(json.at("contextWords")[1] == "acme");
        QVERIFY(json.at("hashing").at("memoryKiB") == 19456); // calibration kept

        // A NIST policy with composition rules is refused and the stored one stays.
        run = cli({QStringLiteral("passwords"), QStringLiteral("policy"), QStringLiteral("set"),
                   QStringLiteral("--preset"), QStringLiteral("nist"), QStringLiteral("--require"),
                   QStringLiteral("digit")});
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains("composition"));
        run = cli({QStringLiteral("passwords"), QStringLiteral("policy"), QStringLiteral("show"),
                   QStringLiteral("--json")});
        QVERIFY(run.json().at("preset") == "organisation");

        run = cli({QStringLiteral("passwords"), QStringLiteral("policy"), QStringLiteral("set"),
                   QStringLiteral("--preset"), QStringLiteral("nist")});
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY(run.out.contains("NIST SP 800-63B-4 forbids periodic changes"));
    }

    void hashVerifiesAndRefusesWeak()
    {
        Run run =
            cli({QStringLiteral("passwords"), QStringLiteral("hash"), QStringLiteral("--json")},
                goodPassword);
        QVERIFY2(run.code == 0, run.err.constData());
        const QString phc = QString::fromStdString(run.json().at("hash"));
        QVERIFY(PasswordHasher::verify(phc, SecretBuffer::fromView(goodPassword.toStdString())));
        QVERIFY(!PasswordHasher::verify(phc, SecretBuffer::fromView("glacier copper")));

        run = cli({QStringLiteral("passwords"), QStringLiteral("hash")}, "letmein\n");
        QCOMPARE(run.code, 1);
        QVERIFY(!run.out.contains("argon2"));
    }

    void generate()
    {
        const Run run =
            cli({QStringLiteral("passwords"), QStringLiteral("generate"),
                 QStringLiteral("--passphrase"), QStringLiteral("--count"), QStringLiteral("3")});
        QCOMPARE(run.code, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        for (const QByteArray& line : lines) {
            const Run check = cli({QStringLiteral("passwords"), QStringLiteral("check")}, line);
            QVERIFY2(check.code == 0, check.out.constData());
        }
    }

    void passwordsNeverComeFromArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString pw = QString::fromLatin1(goodPassword);
        QTest::newRow("users add --password")
            << QStringList{QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("x1"),
                           QStringLiteral("--password"), pw};
        QTest::newRow("users add extra positional") << QStringList{
            QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("x2"), pw};
        QTest::newRow("check --password") << QStringList{
            QStringLiteral("passwords"), QStringLiteral("check"), QStringLiteral("--password"), pw};
    }

    void passwordsNeverComeFromArguments()
    {
        QFETCH(QStringList, args);
        const Run run = cli(args, goodPassword);
        QCOMPARE(run.code, 2);
        QCOMPARE(cli({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--json")})
                     .json()
                     .size(),
                 std::size_t(0));
    }

    void usersAddListDisableExport()
    {
        QVERIFY2(raysec::test::secretServiceAvailable(),
                 "run under dbus-run-session with gnome-keyring (see .ci/run)");
        Run run = cli({QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("alice"),
                       QStringLiteral("--role"), QStringLiteral("admin")},
                      goodPassword);
        QVERIFY2(run.code == 0, run.err.constData());
        run = cli({QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("bob")},
                  "bob-short\n");
        QCOMPARE(run.code, 1);
        run = cli({QStringLiteral("users"), QStringLiteral("disable"), QStringLiteral("alice")});
        QCOMPARE(run.code, 0);
        run = cli({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--json")});
        auto list = run.json();
        QCOMPARE(list.size(), std::size_t(1));
        QVERIFY(list[0].at("role") == "admin");
        QVERIFY(list[0].at("disabled") == true);

        QTemporaryDir out;
        const QString bundle = out.filePath(QStringLiteral("users.json"));
        run = cli(
            {QStringLiteral("users"), QStringLiteral("export"), bundle, QStringLiteral("--json")});
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(QFile::permissions(bundle) & 0x0077, QFileDevice::Permissions());
        const auto doc = nlohmann::json::parse(raysec::test::readFile(bundle).toStdString());
        QVERIFY(doc.at("users")[0].at("name") == "alice");
        QVERIFY(!raysec::test::readFile(bundle).contains(goodPassword));

        verifyWithMinisign(bundle);
    }

private:
    void verifyWithMinisign(const QString& bundle)
    {
        Keychain keychain;
        SigningKeyStore store(keychain);
        std::optional<Result<MinisignKeyPair>> key;
        store.loadExisting(this, [&key](Result<MinisignKeyPair> k) { key = std::move(k); });
        QTRY_VERIFY_WITH_TIMEOUT(key.has_value(), 10000);
        QVERIFY(*key);
        const QString pub = bundle + QStringLiteral(".pub");
        QFile pubFile(pub);
        QVERIFY(pubFile.open(QIODevice::WriteOnly));
        pubFile.write(QByteArray::fromStdString((*key)->publicKeyFile()));
        pubFile.close();

        QProcess minisign;
        minisign.start(QStringLiteral("minisign"), {QStringLiteral("-V"), QStringLiteral("-p"), pub,
                                                    QStringLiteral("-m"), bundle});
        QVERIFY(minisign.waitForFinished(30000));
        QVERIFY2(minisign.exitCode() == 0, minisign.readAllStandardError().constData());

        QFile tampered(bundle);
        QVERIFY(tampered.open(QIODevice::Append));
        tampered.write(" ");
        tampered.close();
        minisign.start(QStringLiteral("minisign"), {QStringLiteral("-V"), QStringLiteral("-p"), pub,
                                                    QStringLiteral("-m"), bundle});
        QVERIFY(minisign.waitForFinished(30000));
        QVERIFY(minisign.exitCode() != 0);
    }

    raysec::test::ScopedDataDir m_dataDir;
};

QTEST_GUILESS_MAIN(TestPasswordsCli)
#include "tst_passwordscli.moc"
