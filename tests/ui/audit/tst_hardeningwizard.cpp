// The hardening wizard under the offscreen platform, driven like an admin would: scan
// raysec-sim's token-off-2.52 cluster, keep the default fixes, generate, write, apply the
// console changes into the real keychain, follow the runbook by restarting the simulator with
// the generated token, TLS and the fixed Ray version, then rescan and compare.

#include "support/SimProcess.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/audit/RunDiff.h"
#include "core/audit/fixes/RayTokenFix.h"
#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "core/store/ProfileRepository.h"
#include "ui/ConsoleContext.h"
#include "ui/audit/AuditPage.h"
#include "ui/audit/AuditScan.h"
#include "ui/audit/hardening/HardeningDraft.h"
#include "ui/audit/hardening/HardeningFixesPage.h"
#include "ui/audit/hardening/HardeningPreviewPage.h"
#include "ui/audit/hardening/HardeningRunbookPage.h"
#include "ui/audit/hardening/HardeningScanPage.h"
#include "ui/audit/hardening/HardeningVerifyPage.h"
#include "ui/audit/hardening/HardeningWizard.h"
#include "ui/audit/hardening/HardeningWritePage.h"
#include "ui/widgets/ErrorBanner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <memory>

using namespace raysec;
using namespace raysec::ui;

namespace {

QStringList ids(const char* spaceSeparated)
{
    return QString::fromLatin1(spaceSeparated).split(u' ', Qt::SkipEmptyParts);
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestHardeningWizard : public QObject
{
    Q_OBJECT

    std::unique_ptr<Database> m_db;
    Keychain m_keychain;
    std::unique_ptr<ConsoleContext> m_context;
    QString m_profile;

    static bool startSim(test::SimProcess& sim, test::SimProcess::Options options)
    {
        options.scenario = QStringLiteral("token-off-2.52");
        options.extraArgs = {QStringLiteral("--tick-ms"), QStringLiteral("0")};
        QString error;
        const bool ok = sim.start(options, &error);
        if (!ok) {
            qWarning("raysec-sim did not start: %s", qPrintable(error));
        }
        return ok;
    }

    std::optional<Result<SecretBuffer>> keychainToken()
    {
        std::optional<Result<SecretBuffer>> out;
        m_keychain.read(Keychain::profileService(m_profile),
                        QString::fromLatin1(ClusterProfile::tokenEntry), this,
                        [&out](Result<SecretBuffer> r) { out = std::move(r); });
        QDeadlineTimer deadline(20000);
        while (!out && !deadline.hasExpired()) {
            QTest::qWait(20);
        }
        return out;
    }

    // Scan, choose, generate, write and apply: the wizard's first four pages.
    void hardenUpToRunbook(HardeningWizard& wizard, const QString& folder)
    {
        wizard.scan()->setPorts(QList<PortSpec>{{test::closedPort(), QStringLiteral("GCS")}});
        wizard.show();
        QSignalSpy scanned(wizard.scanPage(), &HardeningScanPage::scanFinished);
        wizard.scanPage()->scanButton()->click();
        QVERIFY(wizard.scanPage()->cancelButton()->isEnabled());
        QVERIFY(scanned.wait(60000));
        QVERIFY2(wizard.draft().before, qPrintable(wizard.scanPage()->banner()->message()));
        QVERIFY(wizard.scanPage()->isComplete());
        wizard.next();

        HardeningFixesPage* fixes = wizard.fixesPage();
        QCOMPARE(wizard.currentPage(), fixes);
        QCOMPARE(fixes->table()->rowCount(), 7);
        QComboBox* quota = fixes->choice(QStringLiteral("RAY-8.1"));
        QVERIFY(quota);
        QCOMPARE(quota->currentData().toString(), QStringLiteral("apply"));
        wizard.next();

        HardeningPreviewPage* preview = wizard.previewPage();
        QCOMPARE(wizard.currentPage(), preview);
        QCOMPARE(preview->headAddress()->text(), QStringLiteral("127.0.0.1"));
        QCOMPARE(preview->targetVersion()->text(), QStringLiteral("2.61.0"));
        // A bad field is named inline and blocks generation; correcting it clears both.
        QTest::keyClicks(preview->headNames(), QStringLiteral("bad name!"));
        QVERIFY(preview->problems()->text().contains(QStringLiteral("Head host names")));
        QVERIFY(!preview->generateButton()->isEnabled());
        preview->headNames()->clear();
        QTest::keyClicks(preview->headNames(), QStringLiteral("localhost"));
        QVERIFY(preview->problems()->text().isEmpty());
        QSignalSpy generated(preview, &HardeningPreviewPage::generated);
        preview->generateButton()->click();
        QVERIFY(generated.wait(60000));
        QVERIFY(preview->isComplete());
        const QList<QListWidgetItem*> token =
            preview->files()->findItems(QStringLiteral("ray/auth_token"), Qt::MatchStartsWith);
        QCOMPARE(token.size(), 1);
        preview->files()->setCurrentItem(token.first());
        const QString shown = preview->preview()->toPlainText();
        QVERIFY(shown.contains(QStringLiteral("not shown")));
        QVERIFY(!shown.contains(QString::fromLatin1(wizard.draft().output->rayToken.view())));
        wizard.next();

        HardeningWritePage* write = wizard.writePage();
        QCOMPARE(wizard.currentPage(), write);
        QVERIFY(!write->isComplete());
        write->folder()->setText(QStringLiteral("relative/folder"));
        QVERIFY(write->folderProblem()->text().contains(QStringLiteral("absolute")));
        QVERIFY(!write->writeButton()->isEnabled());
        write->folder()->setText(folder);
        QVERIFY(write->writeButton()->isEnabled());
        write->writeButton()->click();
        QVERIFY2(write->isComplete(), qPrintable(write->banner()->message()));
        for (ConsoleChange c : {ConsoleChange::StoreRayToken, ConsoleChange::UseRayTokenAuth,
                                ConsoleChange::SaveQuotaPolicy, ConsoleChange::PublishKeyRegistry,
                                ConsoleChange::PublishGatewayBundles}) {
            QVERIFY(write->changeBox(c)->isChecked());
        }
        QSignalSpy applied(write, &HardeningWritePage::applied);
        write->applyButton()->click();
        QVERIFY2(applied.wait(20000), qPrintable(write->banner()->message()));
        QCOMPARE(wizard.draft().profile.auth, AuthMode::RayToken);
        checkGatewayKeys(folder + QStringLiteral("/gateway/"));
        checkGatewayPolicy(folder + QStringLiteral("/gateway/"));
        // The summary says which bundles were written and from what.
        const QString status = write->status()->text();
        QVERIFY2(status.contains(QStringLiteral("policy.json")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("recommended job policy")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("no user store was written")), qPrintable(status));
        wizard.next();
    }

    // The console issued the gateway's admin key and published a registry minisign verifies.
    static void checkGatewayKeys(const QString& gateway)
    {
        const QString secret = gateway + QStringLiteral("admin-api-key");
        QCOMPARE(QFileInfo(secret).permissions() & 0x0077, QFileDevice::Permissions());
        const QByteArray key = test::readFile(secret).trimmed();
        QVERIFY(key.startsWith("rsk_"));
        QProcess minisign;
        minisign.start(QStringLiteral("minisign"),
                       {QStringLiteral("-V"), QStringLiteral("-p"),
                        gateway + QStringLiteral("raysec-registry.pub"), QStringLiteral("-m"),
                        gateway + QStringLiteral("registry.json")});
        QVERIFY(minisign.waitForFinished(30000));
        QCOMPARE(minisign.exitCode(), 0);
        // The registry keeps only the key's hash.
        QVERIFY(!test::readFile(gateway + QStringLiteral("registry.json")).contains(key));
    }

    // The policy bundle holds the quota policy the wizard saved and verifies with the same key.
    static void checkGatewayPolicy(const QString& gateway)
    {
        const QString policy = gateway + QStringLiteral("policy.json");
        QProcess minisign;
        minisign.start(QStringLiteral("minisign"), {QStringLiteral("-V"), QStringLiteral("-p"),
                                                    gateway + QStringLiteral("raysec-registry.pub"),
                                                    QStringLiteral("-m"), policy});
        QVERIFY(minisign.waitForFinished(30000));
        QCOMPARE(minisign.exitCode(), 0);
        const auto doc =
            nlohmann::json::parse(test::readFile(policy).toStdString(), nullptr, false);
        QVERIFY(!doc.is_discarded());
        QCOMPARE(doc["format"].get<std::string>(), std::string("raysec-gateway-policy"));
        QCOMPARE(doc["quotas"]["teams"]["default"]["hard"]["submissionsPerHour"].get<int>(), 120);
        QVERIFY(doc["jobPolicy"]["forbiddenTokens"].size() > 0);
        QVERIFY(!QFileInfo::exists(gateway + QStringLiteral("users.json")));
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
        m_context = std::make_unique<ConsoleContext>(*m_db, m_keychain);
        m_profile = QStringLiteral("wizard-%1")
                        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    }

    void cleanup()
    {
        bool removed = false;
        m_keychain.remove(Keychain::profileService(m_profile),
                          QString::fromLatin1(ClusterProfile::tokenEntry), this,
                          [&removed](Result<void>) { removed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 20000);
        m_context.reset();
        m_db.reset();
    }

    void auditPageOpensTheWizardWithoutBlocking()
    {
        ClusterProfile profile;
        profile.name = m_profile;
        profile.dashboardUrl = QUrl(QStringLiteral("http://127.0.0.1:8265"));
        m_context->setCurrentProfile(profile);
        AuditPage page(*m_context);
        page.show();
        page.wizardButton()->click();
        auto* wizard = page.findChild<HardeningWizard*>();
        QVERIFY(wizard);
        QVERIFY(wizard->isVisible());
        QVERIFY(!wizard->isModal());
        QCOMPARE(wizard->draft().profile.name, m_profile);
        QVERIFY(page.wizardButton()->isEnabled());
        wizard->close(); // deletes itself
        QTRY_VERIFY(!page.findChild<HardeningWizard*>());
    }

    void tokenOffClusterEndsWithACleanRescan()
    {
        test::SimProcess before;
        QVERIFY(startSim(before, {false, {}, std::nullopt, {}, {}, {}}));
        ClusterProfile profile;
        profile.name = m_profile;
        profile.dashboardUrl = before.url();
        m_context->setCurrentProfile(profile);

        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("ray-hardening"));
        HardeningWizard wizard(*m_context);
        hardenUpToRunbook(wizard, folder);
        if (QTest::currentTestFailed()) {
            return;
        }

        // The runbook orders the restarts after the files are distributed.
        QCOMPARE(wizard.currentPage(), wizard.runbookPage());
        const QString runbook = wizard.runbookPage()->text()->toPlainText();
        QVERIFY(runbook.indexOf(QStringLiteral("## Copy the files to the nodes")) <
                runbook.indexOf(QStringLiteral("## Stop Ray")));
        QVERIFY(runbook.indexOf(QStringLiteral("## Stop Ray")) <
                runbook.indexOf(QStringLiteral("## Start Ray again")));

        // The token file is 0600 and holds what the console put in the keychain.
        const QString tokenFile =
            folder + QStringLiteral("/") + QString::fromLatin1(RayTokenFix::tokenFile);
        QCOMPARE(QFileInfo(tokenFile).permissions() & 0x0077, QFileDevice::Permissions());
        const QByteArray token = test::readFile(tokenFile).trimmed();
        QCOMPARE(token.size(), 64);
        QVERIFY(!runbook.contains(QString::fromLatin1(token)));
        const auto stored = keychainToken();
        QVERIFY(stored && *stored);
        QCOMPARE(QByteArray((*stored)->data(), qsizetype((*stored)->size())), token);
        QCOMPARE(ProfileRepository(*m_db).find(m_profile)->auth, AuthMode::RayToken);

        // The admin follows the runbook: Ray restarts with the token, TLS on, upgraded.
        QVERIFY(before.stop());
        test::SimProcess after;
        QVERIFY(startSim(after,
                         {true, QStringLiteral("valid"), token, QStringLiteral("2.61.0"), {}, {}}));
        wizard.next();
        HardeningVerifyPage* verify = wizard.verifyPage();
        QCOMPARE(wizard.currentPage(), verify);
        // Plain http is refused towards anything but loopback.
        verify->dashboardUrl()->setText(QStringLiteral("http://10.0.0.5:8265"));
        QVERIFY(!verify->problems()->text().isEmpty());
        verify->dashboardUrl()->setText(after.url().toString());
        verify->caBundle()->setText(after.caFile());
        QVERIFY2(verify->problems()->text().isEmpty(), qPrintable(verify->problems()->text()));
        QSignalSpy rescanned(verify, &HardeningVerifyPage::rescanFinished);
        verify->rescanButton()->click();
        QVERIFY(rescanned.wait(60000));
        QVERIFY2(wizard.draft().after, qPrintable(verify->banner()->message()));

        const AuditRun& run = *wizard.draft().after;
        QCOMPARE(run.rayVersion, QStringLiteral("2.61.0"));
        const QString report = verify->report()->toPlainText();
        const RunDiff diff = RunDiff::between(*wizard.draft().before, run);
        QCOMPARE(sorted(diff.nowPassing), ids("RAY-1.1 RAY-2.1 RAY-4.1 RAY-5.1 RAY-7.1 RAY-8.1"));
        // Rate limits need the gateway in front; the simulator's own leaf certificate lives 30
        // days, inside the renewal warning, so its expiry check fails once TLS is on.
        QCOMPARE(diff.stillFailing, ids("RAY-9.1"));
        QCOMPARE(diff.newlyFailing, ids("RAY-7.4"));
        QVERIFY(report.contains(QStringLiteral("## Fixed\n\n- RAY-1.1")));
        QVERIFY(report.contains(QStringLiteral("## Still open\n\n- RAY-9.1")));
        QVERIFY(!report.contains(QString::fromLatin1(token)));
        QVERIFY(wizard.verifyPage()->isComplete());
    }
};

QTEST_MAIN(TestHardeningWizard)
#include "tst_hardeningwizard.moc"
