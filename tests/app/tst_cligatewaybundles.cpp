// raysec-cli gateway config --bundles and gateway bundles end to end: the signing key in the
// real keychain (gnome-keyring), the signatures checked with Debian's minisign.

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

namespace {

int minisignVerify(const QString& publicKey, const QString& file)
{
    QProcess minisign;
    minisign.start(QStringLiteral("minisign"), {QStringLiteral("-V"), QStringLiteral("-p"),
                                                publicKey, QStringLiteral("-m"), file});
    return minisign.waitForFinished(30000) ? minisign.exitCode() : -1;
}

// raysec-cli keys export, which also makes the signing key when there is none yet.
int exportRegistry(const QString& folder)
{
    return raysec::test::runCli(
        {QStringLiteral("keys"), QStringLiteral("export"), QStringLiteral("--out"), folder});
}

QStringList configArgs(const QString& folder)
{
    return {QStringLiteral("gateway"),        QStringLiteral("config"),
            QStringLiteral("--out"),          folder,
            QStringLiteral("--certificate"),  QStringLiteral("/etc/raysec-gateway/tls.crt"),
            QStringLiteral("--key"),          QStringLiteral("/etc/raysec-gateway/tls.key"),
            QStringLiteral("--public-key"),   QStringLiteral("/etc/raysec-gateway/console.pub"),
            QStringLiteral("--key-registry"), QStringLiteral("/etc/raysec-gateway/registry.json"),
            QStringLiteral("--user-store"),   QStringLiteral("/etc/raysec-gateway/users.json"),
            QStringLiteral("--policy"),       QStringLiteral("/etc/raysec-gateway/policy.json"),
            QStringLiteral("--audit-log"),    QStringLiteral("/var/log/raysec-gateway/audit.jsonl"),
            QStringLiteral("--bundles"),      QStringLiteral("--json")};
}

} // namespace

class TestCliGatewayBundles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(raysec::test::secretServiceAvailable(),
                 "no Secret Service: start a D-Bus bus with an unlocked keyring (scripts/test.sh)");
    }

    void init() { raysec::test::failOnWarnings(); }

    void configSignsThePolicyAndTheUsers()
    {
        raysec::test::ScopedDataDir data;
        QCOMPARE(raysec::test::runCli({QStringLiteral("quotas"), QStringLiteral("set"),
                                       QStringLiteral("team"), QStringLiteral("ml"),
                                       QStringLiteral("--soft"), QStringLiteral("CPU=8"),
                                       QStringLiteral("--hard"), QStringLiteral("CPU=12,jobs=3")}),
                 0);
        const QString password = data.filePath(QStringLiteral("password.txt"));
        QVERIFY(raysec::test::writeFile(password, "correct horse battery staple 42\n"));
        QByteArray err;
        QCOMPARE(raysec::test::runCli({QStringLiteral("users"), QStringLiteral("add"),
                                       QStringLiteral("alice"), QStringLiteral("--role"),
                                       QStringLiteral("operator"),
                                       QStringLiteral("--password-file"), password},
                                      nullptr, &err),
                 0);
        // The key registry's export makes the signing key when there is none yet.
        QTemporaryDir registry;
        QCOMPARE(exportRegistry(registry.path()), 0);

        QTemporaryDir dir;
        QByteArray out;
        QCOMPARE(raysec::test::runCli(configArgs(dir.path()), &out, &err), 0);
        const auto summary = nlohmann::json::parse(out.toStdString(), nullptr, false);
        QVERIFY2(!summary.is_discarded(), out.constData());
        QCOMPARE(summary["written"].size(), std::size_t(6));
        QCOMPARE(summary["bundles"]["quotaPolicies"].get<int>(), 1);
        QCOMPARE(summary["bundles"]["userCount"].get<int>(), 1);
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("policy.json.example"))));

        const QString pub = dir.filePath(QStringLiteral("console.pub"));
        const QString policy = dir.filePath(QStringLiteral("policy.json"));
        QCOMPARE(raysec::test::readFile(pub),
                 raysec::test::readFile(registry.filePath(QStringLiteral("raysec-registry.pub"))));
        QCOMPARE(minisignVerify(pub, policy), 0);
        QCOMPARE(minisignVerify(pub, dir.filePath(QStringLiteral("users.json"))), 0);
        const QByteArray text = raysec::test::readFile(policy);
        const auto doc = nlohmann::json::parse(text.toStdString());
        QCOMPARE(doc["quotas"]["teams"]["ml"]["hard"]["CPU"].get<double>(), 12.0);
        QCOMPARE(doc["quotas"]["teams"]["ml"]["hard"]["concurrentJobs"].get<int>(), 3);
        const auto config = nlohmann::json::parse(
            raysec::test::readFile(dir.filePath(QStringLiteral("gateway.json"))).toStdString());
        QCOMPARE(config["policy"].get<std::string>(),
                 std::string("/etc/raysec-gateway/policy.json"));

        // One changed byte and minisign refuses the bundle.
        QByteArray changed = text;
        const qsizetype at = changed.indexOf("12.0");
        QVERIFY(at > 0);
        changed[at] = '9';
        QVERIFY(raysec::test::writeFile(policy, changed));
        QVERIFY(minisignVerify(pub, policy) != 0);

        // Existing files are kept; --replace signs again.
        QByteArray again;
        QCOMPARE(raysec::test::runCli(configArgs(dir.path()), nullptr, &again), 1);
        QVERIFY2(again.contains("exists already"), again.constData());
        QCOMPARE(raysec::test::readFile(policy), changed);
        QStringList replace = configArgs(dir.path());
        replace << QStringLiteral("--replace");
        QCOMPARE(raysec::test::runCli(replace), 0);
        QCOMPARE(minisignVerify(pub, policy), 0);
    }

    void bundlesCommandAndRefusals()
    {
        raysec::test::ScopedDataDir data;
        QTemporaryDir registry;
        QCOMPARE(exportRegistry(registry.path()), 0);

        // Without users only the policy is signed, from the recommended job policy.
        QTemporaryDir dir;
        QByteArray out;
        QCOMPARE(raysec::test::runCli({QStringLiteral("gateway"), QStringLiteral("bundles"),
                                       QStringLiteral("--out"), dir.path()},
                                      &out),
                 0);
        QVERIFY2(out.contains("No dashboard user"), out.constData());
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("users.json"))));
        QCOMPARE(minisignVerify(dir.filePath(QStringLiteral("raysec-registry.pub")),
                                dir.filePath(QStringLiteral("policy.json"))),
                 0);

        // A job policy file that is not one is refused before anything is written.
        QTemporaryDir empty;
        const QString bad = data.filePath(QStringLiteral("job-policy.json"));
        QVERIFY(raysec::test::writeFile(bad, "{\"format\": \"something else\"}"));
        QByteArray err;
        QCOMPARE(raysec::test::runCli({QStringLiteral("gateway"), QStringLiteral("bundles"),
                                       QStringLiteral("--out"), empty.path(),
                                       QStringLiteral("--job-policy"), bad},
                                      nullptr, &err),
                 1);
        QVERIFY2(err.contains("job policy"), err.constData());
        QVERIFY(QDir(empty.path()).isEmpty());

        // --bundles needs the policy's path; nothing is written.
        QStringList noPolicy = configArgs(empty.path());
        const qsizetype at = noPolicy.indexOf(QStringLiteral("--policy"));
        noPolicy.remove(at, 2);
        QCOMPARE(raysec::test::runCli(noPolicy, nullptr, &err), 2);
        QVERIFY(QDir(empty.path()).isEmpty());
    }

    // The job policy saved with gateway job-policy is the one the bundles carry, until reset.
    void savedJobPolicyIsSigned()
    {
        raysec::test::ScopedDataDir data;
        QTemporaryDir registry;
        QCOMPARE(exportRegistry(registry.path()), 0);
        const QStringList show = {QStringLiteral("gateway"), QStringLiteral("job-policy"),
                                  QStringLiteral("show")};
        QByteArray out, err;
        QCOMPARE(raysec::test::runCli(show, &out, &err), 0);
        QVERIFY2(err.contains("recommended"), err.constData());
        auto policy = nlohmann::json::parse(out.toStdString(), nullptr, false);
        QVERIFY2(!policy.is_discarded(), out.constData());
        QCOMPARE(policy["allowedPrograms"][0].get<std::string>(), std::string("python"));

        // A file that is not a job policy is refused and nothing is saved.
        const QString bad = data.filePath(QStringLiteral("bad.json"));
        QVERIFY(raysec::test::writeFile(
            bad, "{\"format\": \"raysec-job-policy\", \"allowedPrograms\": 3}"));
        QCOMPARE(raysec::test::runCli({QStringLiteral("gateway"), QStringLiteral("job-policy"),
                                       QStringLiteral("set"), bad},
                                      nullptr, &err),
                 1);
        QVERIFY2(err.contains("bad.json"), err.constData());
        QCOMPARE(raysec::test::runCli(show, &out, &err), 0);
        QVERIFY2(err.contains("recommended"), err.constData());

        // The shown policy, edited, saved and signed.
        policy["allowedPrograms"] = {"python3"};
        const QString edited = data.filePath(QStringLiteral("job-policy.json"));
        QVERIFY(raysec::test::writeFile(edited, QByteArray::fromStdString(policy.dump(2))));
        QCOMPARE(raysec::test::runCli({QStringLiteral("gateway"), QStringLiteral("job-policy"),
                                       QStringLiteral("set"), edited},
                                      nullptr, &err),
                 0);
        QTemporaryDir dir;
        const QStringList bundles = {QStringLiteral("gateway"),   QStringLiteral("bundles"),
                                     QStringLiteral("--out"),     dir.path(),
                                     QStringLiteral("--replace"), QStringLiteral("--json")};
        QCOMPARE(raysec::test::runCli(bundles, &out, &err), 0);
        const auto summary = nlohmann::json::parse(out.toStdString(), nullptr, false);
        QVERIFY2(!summary.is_discarded(), out.constData());
        QVERIFY(QByteArray::fromStdString(summary["bundles"]["jobPolicy"].get<std::string>())
                    .contains("saved in the console"));
        const QString signedPolicy = dir.filePath(QStringLiteral("policy.json"));
        QCOMPARE(minisignVerify(dir.filePath(QStringLiteral("raysec-registry.pub")), signedPolicy),
                 0);
        auto doc = nlohmann::json::parse(raysec::test::readFile(signedPolicy).toStdString());
        QVERIFY2(doc["jobPolicy"]["allowedPrograms"] == nlohmann::json::array({"python3"}),
                 doc["jobPolicy"].dump().c_str());

        // Reset: the recommended policy again.
        QCOMPARE(raysec::test::runCli({QStringLiteral("gateway"), QStringLiteral("job-policy"),
                                       QStringLiteral("reset")}),
                 0);
        QCOMPARE(raysec::test::runCli(bundles, &out, &err), 0);
        doc = nlohmann::json::parse(raysec::test::readFile(signedPolicy).toStdString());
        QCOMPARE(doc["jobPolicy"]["allowedPrograms"][0].get<std::string>(), std::string("python"));
    }
};

QTEST_GUILESS_MAIN(TestCliGatewayBundles)
#include "tst_cligatewaybundles.moc"
