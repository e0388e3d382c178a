// The German translation is found at run time: texts made in core and ui come out in German once
// raysec_de.qm is installed, so the context each one is looked up under is the one lupdate
// filed it under in translations/raysec_de.ts.

#include "core/audit/AuditRunner.h"
#include "core/audit/fixes/HardeningGenerator.h"
#include "core/gatewayclient/GatewayBundleWriter.h"
#include "core/tls/PassphrasePolicy.h"
#include "support/TestMain.h"
#include "ui/certs/KeyTypeLabels.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

#include <functional>

using namespace raysec;

namespace {

// Every finding a generator fixes, so that the runbook holds every fix's steps.
const QStringList allFixableFailures = {QStringLiteral("RAY-1.1"), QStringLiteral("RAY-2.1"),
                                        QStringLiteral("RAY-4.1"), QStringLiteral("RAY-5.1"),
                                        QStringLiteral("RAY-7.1"), QStringLiteral("RAY-7.3"),
                                        QStringLiteral("RAY-8.1"), QStringLiteral("RAY-9.1")};

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

WrittenGatewayBundles writtenBundles(qsizetype users)
{
    WrittenGatewayBundles written;
    written.policyPath = QStringLiteral("/tmp/gw/policy.json");
    written.usersPath = users > 0 ? QStringLiteral("/tmp/gw/users.json") : QString();
    written.signingKeyId = QStringLiteral("0123456789ABCDEF");
    written.jobPolicySource = QStringLiteral("job-policy.json");
    written.quotaPolicies = 2;
    written.users = users;
    return written;
}

// The runbook's step titles, notes included, for every fixable finding.
QStringList runbookTexts()
{
    const CheckCatalog catalog = *CheckCatalog::builtIn();
    const AdvisoryDatabase advisories = *AdvisoryDatabase::builtIn();
    HardeningInputs in;
    in.profile = QStringLiteral("lab");
    in.headAddress = QStringLiteral("10.0.0.5");
    in.headHostnames = {QStringLiteral("ray-head.example.com")};
    in.rayVersion = QStringLiteral("2.52.0");
    in.targetRayVersion = HardeningInputs::minimumFixedVersion(advisories, in.rayVersion);
    auto out = HardeningGenerator::generate(
        HardeningPlan::fromRun(failing(allFixableFailures), catalog), in);
    if (!out) {
        qWarning("generation failed: %s", qPrintable(out.error().text()));
        return {};
    }
    QStringList texts;
    for (const RunbookStep& step : out->runbook.ordered()) {
        texts << step.title;
        if (!step.note.isEmpty()) {
            texts << step.note;
        }
    }
    return texts;
}

} // namespace

class TstTranslationLookup : public QObject
{
    Q_OBJECT

    QTranslator m_german;

    // What make() gives in English and then with the German translation installed.
    std::pair<QStringList, QStringList> englishAndGerman(const std::function<QStringList()>& make)
    {
        const QStringList english = make();
        QCoreApplication::installTranslator(&m_german);
        const QStringList german = make();
        QCoreApplication::removeTranslator(&m_german);
        return {english, german};
    }

    // Fails naming every text that stayed English.
    void verifyAllGerman(const std::function<QStringList()>& make)
    {
        const auto [english, german] = englishAndGerman(make);
        QVERIFY(!english.isEmpty());
        QCOMPARE(german.size(), english.size());
        QStringList untranslated;
        for (qsizetype i = 0; i < english.size(); ++i) {
            if (german.at(i) == english.at(i)) {
                untranslated << english.at(i);
            }
        }
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char('\n'))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString qm = QStringLiteral(RAYSEC_BINARY_DIR "/translations/raysec_de.qm");
        QVERIFY2(m_german.load(qm), qPrintable(qm));
    }
    void init() { test::failOnWarnings(); }

    void gatewayBundleSummary_data()
    {
        QTest::addColumn<qsizetype>("users");
        QTest::newRow("with users") << qsizetype(3);
        QTest::newRow("no user yet") << qsizetype(0);
    }
    void gatewayBundleSummary()
    {
        QFETCH(qsizetype, users);
        verifyAllGerman([users] { return QStringList{writtenBundles(users).summary()}; });
    }

    void runbookSteps() { verifyAllGerman(runbookTexts); }

    void passphraseAdvice()
    {
        verifyAllGerman([] {
            const auto checked = tls::checkPassphrase(SecretBuffer("short", 5));
            return checked ? QStringList{}
                           : QStringList{checked.error().message, checked.error().hint};
        });
    }

    // The other key types are names that German keeps as they are.
    void keyTypeLabel()
    {
        verifyAllGerman([] { return QStringList{ui::keyTypeLabel(tls::KeyType::EcdsaP256)}; });
    }
};

QTEST_GUILESS_MAIN(TstTranslationLookup)
#include "tst_translationlookup.moc"
