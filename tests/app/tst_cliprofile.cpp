#include "core/store/Keychain.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <optional>

using namespace raysec;

namespace {

using Run = test::ProcessResult;

Run runCli(const QStringList& args, const QByteArray& input = {})
{
    return test::runProgram(test::builtProgram(QStringLiteral("raysec-cli")), args, input);
}

QByteArray storeBytes(const test::ScopedDataDir& dir)
{
    QByteArray all;
    for (const QString& name : QDir(dir.path()).entryList(QDir::Files)) {
        all += test::readFile(dir.filePath(name));
    }
    return all;
}

} // namespace

// raysec-cli profile add/list/remove end to end, with the token in the real keychain.
class TestCliProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(test::secretServiceAvailable(),
                 "No Secret Service on the session bus; run under scripts/test.sh");
    }

    void init() { test::failOnWarnings(); }

    void tokenGoesToKeychainNeverToStoreOrOutput()
    {
        test::ScopedDataDir data;
        const QByteArray token = "c0ffee00deadbeefc0ffee00deadbeefc0ffee00deadbeefc0ffee00deadbeef";
        const Run added =
            runCli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("cli-test"),
                    QStringLiteral("--url"), QStringLiteral("https://127.0.0.1:8443"),
                    QStringLiteral("--auth"), QStringLiteral("ray-token")},
                   token + "\n");
        QCOMPARE(added.exitCode, 0);
        QVERIFY(!added.out.contains(token) && !added.err.contains(token));
        QVERIFY(!storeBytes(data).contains(token));
        QVERIFY(!storeBytes(data).isEmpty());

        const Run listed =
            runCli({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray profiles = QJsonDocument::fromJson(listed.out).array();
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles.first()[QStringLiteral("auth")].toString(), QStringLiteral("ray-token"));

        Keychain keychain;
        std::optional<Result<SecretBuffer>> loaded;
        keychain.read(Keychain::profileService(QStringLiteral("cli-test")), QStringLiteral("token"),
                      this, [&](Result<SecretBuffer> r) { loaded = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 10000);
        QVERIFY(loaded->has_value());
        QCOMPARE((*loaded)->view(), std::string_view(token.constData(), token.size()));

        const Run removed = runCli(
            {QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("cli-test")});
        QCOMPARE(removed.exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("profile"), QStringLiteral("list")}).out, QByteArray());
    }

    void missingTokenChangesNothing()
    {
        test::ScopedDataDir data;
        const Run added =
            runCli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("no-token"),
                    QStringLiteral("--url"), QStringLiteral("https://127.0.0.1:8443"),
                    QStringLiteral("--auth"), QStringLiteral("ray-token")});
        QCOMPARE(added.exitCode, 1);
        QVERIFY(added.err.contains("No Ray token was given"));
        QCOMPARE(runCli({QStringLiteral("profile"), QStringLiteral("list")}).out, QByteArray());
    }

    void invalidProfileNamesTheProblem()
    {
        test::ScopedDataDir data;
        const Run added =
            runCli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("remote"),
                    QStringLiteral("--url"), QStringLiteral("http://10.1.2.3:8265")});
        QCOMPARE(added.exitCode, 1);
        QVERIFY(added.err.contains("Plain http is only allowed"));
    }

    void tokenIsNotAcceptedFromArguments()
    {
        const Run added =
            runCli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("x"),
                    QStringLiteral("--token"), QStringLiteral("abc")});
        QCOMPARE(added.exitCode, 2);
        QVERIFY(added.err.contains("Unknown option"));
    }
};

QTEST_GUILESS_MAIN(TestCliProfile)
#include "tst_cliprofile.moc"
