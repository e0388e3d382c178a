// The hardening wizard's core: the plan, every generator, the runbook's order, the writer and
// the console changes, without widgets.

#include "core/audit/AuditRunner.h"
#include "core/audit/fixes/ArtefactWriter.h"
#include "core/audit/fixes/BeforeAfterReport.h"
#include "core/audit/fixes/ConsoleApplier.h"
#include "core/audit/fixes/GatewayConfigFix.h"
#include "core/audit/fixes/HardeningGenerator.h"
#include "core/audit/fixes/HardeningJob.h"
#include "core/audit/fixes/JobPolicyFix.h"
#include "core/audit/fixes/QuotaPolicyFix.h"
#include "core/audit/fixes/RayTokenFix.h"
#include "core/audit/fixes/TlsBundleFix.h"
#include "core/gatewayclient/GatewayConfig.h"
#include "core/keys/RayClusterToken.h"
#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "core/store/ProfileRepository.h"
#include "core/validation/JobPolicy.h"
#include "support/TestMain.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace raysec;

namespace {

QStringList g_log;

void captureLog(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_log.append(message);
}

AuditRun failing(const QStringList& ids)
{
    AuditRun run;
    run.profile = QStringLiteral("lab");
    run.rayVersion = QStringLiteral("2.52.0");
    for (const QString& id : ids) {
        run.results.append(CheckResult{id, CheckOutcome::Fail, {}, {}});
    }
    return run;
}

const QStringList tokenOffFailures = {QStringLiteral("RAY-1.1"), QStringLiteral("RAY-2.1"),
                                      QStringLiteral("RAY-4.1"), QStringLiteral("RAY-5.1"),
                                      QStringLiteral("RAY-7.1"), QStringLiteral("RAY-8.1"),
                                      QStringLiteral("RAY-9.1")};

QString contentOf(const HardeningOutput& out, const char* path)
{
    const FixArtefact* a = out.find(QString::fromLatin1(path));
    return a ? QString::fromUtf8(a->content)
             : QStringLiteral("<missing %1>").arg(QString::fromLatin1(path));
}

} // namespace

class TstHardeningFixes : public QObject
{
    Q_OBJECT

    std::optional<CheckCatalog> m_catalog;
    std::optional<AdvisoryDatabase> m_advisories;

    HardeningInputs inputs() const
    {
        HardeningInputs in;
        in.profile = QStringLiteral("lab");
        in.headAddress = QStringLiteral("10.0.0.5");
        in.headHostnames = {QStringLiteral("ray-head.example.com")};
        in.rayVersion = QStringLiteral("2.52.0");
        in.targetRayVersion = HardeningInputs::minimumFixedVersion(*m_advisories, in.rayVersion);
        return in;
    }

    HardeningOutput generateAll(const QStringList& failures)
    {
        const HardeningPlan plan = HardeningPlan::fromRun(failing(failures), *m_catalog);
        auto out = HardeningGenerator::generate(plan, inputs());
        if (!out) {
            qWarning("generation failed: %s", qPrintable(out.error().text()));
            return {};
        }
        return std::move(*out);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_catalog.emplace(*CheckCatalog::builtIn());
        m_advisories.emplace(*AdvisoryDatabase::builtIn());
    }
    void init() { test::failOnWarnings(); }

    void planOffersOptionsPerFinding()
    {
        HardeningPlan plan = HardeningPlan::fromRun(failing(tokenOffFailures), *m_catalog);
        QCOMPARE(plan.fixes().size(), tokenOffFailures.size());
        QCOMPARE(plan.find(QStringLiteral("RAY-2.1"))->fixKind, QStringLiteral("ray-token"));
        QCOMPARE(plan.find(QStringLiteral("RAY-8.1"))->chosen, QStringLiteral("apply"));
        QCOMPARE(plan.chosenKinds(),
                 QStringLiteral("ray-token gateway-config rate-limit-policy quota-policy upgrade")
                     .split(u' '));
        QVERIFY(!plan.choose(QStringLiteral("RAY-2.1"), QStringLiteral("no-such-option")));
        QVERIFY(!plan.choose(QStringLiteral("RAY-3.1"), QStringLiteral("skip")));
        QCOMPARE(plan.find(QStringLiteral("RAY-2.1"))->chosen, QStringLiteral("generate"));
        for (const PlannedFix& f : plan.fixes()) {
            QVERIFY(plan.choose(f.checkId, QStringLiteral("skip")));
        }
        QVERIFY(plan.isEmpty());
        auto out = HardeningGenerator::generate(plan, inputs());
        QVERIFY(!out);
        QCOMPARE(out.error().code, QStringLiteral("hardening.nothing"));
    }

    void minimumFixedVersionCoversEveryAdvisory()
    {
        QCOMPARE(HardeningInputs::minimumFixedVersion(*m_advisories, QStringLiteral("2.52.0")),
                 QStringLiteral("2.61.0"));
        QCOMPARE(HardeningInputs::minimumFixedVersion(*m_advisories, QStringLiteral("2.61.0")),
                 QString());
    }

    void badInputsAreRefusedWithTheField()
    {
        HardeningInputs in = inputs();
        in.headAddress = QStringLiteral("ray head");
        in.tokenPath = QStringLiteral("relative/token");
        const QStringList problems = in.problems();
        QCOMPARE(problems.size(), 2);
        QVERIFY(problems.at(0).startsWith(QStringLiteral("Head address")));
        QVERIFY(problems.at(1).startsWith(QStringLiteral("Token file on the nodes")));
        const HardeningPlan plan = HardeningPlan::fromRun(failing(tokenOffFailures), *m_catalog);
        QVERIFY(!HardeningGenerator::generate(plan, in));
    }

    void tokenFixTurnsOnTokenAuth()
    {
        HardeningOutput out;
        QVERIFY(RayTokenFix::generate(inputs(), {QStringLiteral("RAY-2.1")}, out));
        QVERIFY(RayClusterToken::check(out.rayToken));
        QCOMPARE(out.rayToken.size(), std::size_t(64));
        const QString env = contentOf(out, RayTokenFix::envFile);
        QVERIFY2(env.contains(QStringLiteral("\nRAY_AUTH_MODE=token\n")), qPrintable(env));
        QVERIFY2(env.contains(QStringLiteral("\nRAY_AUTH_TOKEN_PATH=/etc/ray/auth_token\n")),
                 qPrintable(env));
        const FixArtefact* file = out.find(QString::fromLatin1(RayTokenFix::tokenFile));
        QVERIFY(file && file->holdsSecret());
        QCOMPARE(file->secret.view(), std::string(out.rayToken.view()) + "\n");
        QVERIFY(file->mode() == SafeFile::Mode::OwnerOnly);
        QVERIFY(out.find(QString::fromLatin1(RayTokenFix::secretFile))->holdsSecret());
        QVERIFY(out.has(ConsoleChange::StoreRayToken));
        QVERIFY(out.has(ConsoleChange::UseRayTokenAuth));
    }

    void tlsBundleVerifiesWithOpenssl()
    {
        HardeningOutput out;
        QVERIFY(TlsBundleFix::generate(inputs(), {QStringLiteral("RAY-7.3")}, out));
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("out"));
        auto written = ArtefactWriter::write(folder, out.artefacts);
        QVERIFY2(written, written ? "" : qPrintable(written.error().text()));
        QProcess openssl;
        openssl.setWorkingDirectory(folder);
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("verify"), QStringLiteral("-CAfile"),
                       QStringLiteral("tls/ca.crt"), QStringLiteral("-verify_ip"),
                       QStringLiteral("10.0.0.5"), QStringLiteral("tls/head/tls.crt")});
        QVERIFY(openssl.waitForFinished(30000));
        const QByteArray said = openssl.readAllStandardOutput() + openssl.readAllStandardError();
        QCOMPARE(openssl.exitCode(), 0);
        QVERIFY2(said.contains("tls/head/tls.crt: OK"), said.constData());
        const auto keyMode = QFileInfo(folder + QStringLiteral("/tls/head/tls.key")).permissions();
        QCOMPARE(keyMode, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                              QFileDevice::WriteUser);
        const QString env = contentOf(out, TlsBundleFix::headEnvFile);
        QVERIFY(env.contains(QStringLiteral("RAY_USE_TLS=1")));
        QVERIFY(env.contains(QStringLiteral("RAY_TLS_SERVER_KEY=/etc/ray/tls/tls.key")));
    }

    void gatewayAndPoliciesReadBack()
    {
        HardeningOutput out;
        QVERIFY(GatewayConfigFix::generate(inputs(), {QStringLiteral("RAY-1.1")}, true, out));
        const auto json =
            nlohmann::json::parse(contentOf(out, GatewayConfigFix::configFile).toStdString());
        auto config = GatewayConfig::fromJson(json);
        QVERIFY2(config, config ? "" : qPrintable(config.error().text()));
        QVERIFY(config->validated());
        QCOMPARE(config->upstreamTokenFile, QStringLiteral("/etc/ray/auth_token"));
        QCOMPARE(config->upstream, QStringLiteral("127.0.0.1:8265"));
        QVERIFY(!config->rateLimits.tiers.empty());

        QVERIFY(JobPolicy::parse(JobPolicyFix::defaultPolicyJson(), QStringLiteral("p.json")));
        QVERIFY(QuotaConfig::fromJson(QuotaPolicyFix::defaultConfig().toJson()));
    }

    void runbookRestartsAfterDistribution()
    {
        const HardeningOutput out = generateAll(tokenOffFailures);
        QVERIFY(!out.artefacts.empty());
        const QList<RunbookStep> steps = out.runbook.ordered();
        int lastDistribute = -1;
        int firstStop = -1;
        int firstStart = -1;
        int upgrade = -1;
        int gateway = -1;
        for (int i = 0; i < steps.size(); ++i) {
            const RunbookPhase p = steps.at(i).phase;
            lastDistribute = p == RunbookPhase::Distribute ? i : lastDistribute;
            firstStop = p == RunbookPhase::Stop && firstStop < 0 ? i : firstStop;
            firstStart = p == RunbookPhase::Start && firstStart < 0 ? i : firstStart;
            upgrade = p == RunbookPhase::Upgrade ? i : upgrade;
            gateway = p == RunbookPhase::Gateway ? i : gateway;
        }
        QVERIFY(lastDistribute >= 0);
        QVERIFY(lastDistribute < firstStop);
        QVERIFY(firstStop < upgrade);
        QVERIFY(upgrade < firstStart);
        QVERIFY(firstStart < gateway);
        const QString md = contentOf(out, HardeningOutput::runbookFileName);
        QVERIFY(md.indexOf(QStringLiteral("## Copy the files to the nodes")) <
                md.indexOf(QStringLiteral("## Stop Ray")));
        QVERIFY(md.contains(QStringLiteral("pip install --upgrade \"ray[default]==2.61.0\"")));
        QVERIFY(md.contains(QStringLiteral("sudo install -D -m 0600 -o ray /tmp/auth_token "
                                           "/etc/ray/auth_token")));
    }

    void noSecretInRunbookPreviewOrLog()
    {
        g_log.clear();
        const auto previous = qInstallMessageHandler(captureLog);
        QLoggingCategory::setFilterRules(QStringLiteral("raysec.*=true"));
        HardeningOutput out = generateAll(tokenOffFailures);
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(!out.rayToken.isEmpty());
        QVERIFY(!g_log.isEmpty()); // the generator logs what it made, by name
        const QString token = QString::fromLatin1(out.rayToken.view());
        const QString keyMarker = QStringLiteral("PRIVATE KEY");
        for (const QString& line : g_log) {
            QVERIFY(!line.contains(token));
        }
        int secrets = 0;
        for (const FixArtefact& a : out.artefacts) {
            QVERIFY2(!a.previewText().contains(token), qPrintable(a.path));
            QVERIFY2(!a.previewText().contains(keyMarker), qPrintable(a.path));
            QVERIFY2(!a.content.contains(out.rayToken.view().data()), qPrintable(a.path));
            secrets += a.holdsSecret() ? 1 : 0;
        }
        QCOMPARE(secrets, 5); // token, token Secret, CA key, head key, TLS Secret
    }

    void writerRefusesAndChangesNothing()
    {
        const HardeningOutput out = generateAll({QStringLiteral("RAY-2.1")});
        QTemporaryDir dir;
        QVERIFY(!ArtefactWriter::write(QStringLiteral("relative/out"), out.artefacts));
        QVERIFY(ArtefactWriter::write(dir.path(), out.artefacts));
        const QString tokenPath = dir.filePath(QString::fromLatin1(RayTokenFix::tokenFile));
        QCOMPARE(QFileInfo(tokenPath).permissions() & 0x0077, QFileDevice::Permissions());
        const QDateTime written = QFileInfo(tokenPath).lastModified();
        auto again = ArtefactWriter::write(dir.path(), out.artefacts);
        QVERIFY(!again);
        QVERIFY(again.error().message.contains(QStringLiteral("already holds")));
        QCOMPARE(QFileInfo(tokenPath).lastModified(), written);
    }

    void applyingQuotaAndProfileMakesTheQuotaCheckPass()
    {
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db);
        ClusterProfile profile;
        profile.name = QStringLiteral("lab");
        profile.dashboardUrl = QUrl(QStringLiteral("http://127.0.0.1:8265"));
        Keychain keychain;
        ConsoleApplier applier(keychain, *db);
        std::optional<Result<AppliedChanges>> done;
        applier.apply(profile, {ConsoleChange::PublishKeyRegistry}, SecretBuffer(), std::nullopt,
                      QString(), [&done](Result<AppliedChanges> r) { done = std::move(r); });
        QVERIFY(done && !*done); // the keys go into a written folder: none yet
        QCOMPARE(ProfileRepository(*db).migrate().has_value(), true);
        QVERIFY(!ProfileRepository(*db).find(QStringLiteral("lab")));
        done.reset();
        applier.apply(profile, {ConsoleChange::UseRayTokenAuth, ConsoleChange::SaveQuotaPolicy},
                      SecretBuffer(), QuotaPolicyFix::defaultConfig(), QString(),
                      [&done](Result<AppliedChanges> r) { done = std::move(r); });
        QVERIFY(done && *done);
        QCOMPARE((*done)->profile.auth, AuthMode::RayToken);
        ProfileRepository profiles(*db);
        QCOMPARE(profiles.find(QStringLiteral("lab"))->auth, AuthMode::RayToken);
        ProbeSettings settings;
        AuditRunner::prepare(settings, *m_catalog, &*db);
        QCOMPARE(settings.quotaPolicies, std::optional<qint64>(1));
    }

    void generationRunsOnAWorkerAndCanBeCancelled()
    {
        const HardeningPlan plan = HardeningPlan::fromRun(failing(tokenOffFailures), *m_catalog);
        const std::atomic<bool> cancelled = true;
        auto stopped = HardeningGenerator::generate(plan, inputs(), &cancelled);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().code, QStringLiteral("hardening.cancelled"));

        HardeningJob job;
        QVERIFY(!job.takeResult());
        QSignalSpy finished(&job, &HardeningJob::finished);
        job.start(plan, inputs());
        QVERIFY(job.isRunning());
        QVERIFY(finished.wait(30000));
        QVERIFY(!job.isRunning());
        auto out = job.takeResult();
        QVERIFY2(out, out ? "" : qPrintable(out.error().text()));
        QVERIFY(out->find(QString::fromLatin1(HardeningOutput::runbookFileName)));
        QVERIFY(!job.takeResult()); // taken once
    }

    void beforeAfterListsFixedAndOpen()
    {
        const AuditRun before = failing(tokenOffFailures);
        AuditRun after = before;
        for (CheckResult& r : after.results) {
            if (r.checkId != QLatin1String("RAY-9.1")) {
                r.outcome = CheckOutcome::Pass;
            }
        }
        const BeforeAfterReport report = BeforeAfterReport::of(before, after, *m_catalog);
        QCOMPARE(report.diff.stillFailing, QStringList{QStringLiteral("RAY-9.1")});
        QCOMPARE(report.diff.nowPassing.size(), 6);
        QVERIFY(report.after.score > report.before.score);
        const QString md = QString::fromUtf8(report.markdown(*m_catalog));
        QVERIFY(md.contains(QStringLiteral("## Still open\n\n- RAY-9.1")));
    }
};

QTEST_GUILESS_MAIN(TstHardeningFixes)
#include "tst_hardeningfixes.moc"
