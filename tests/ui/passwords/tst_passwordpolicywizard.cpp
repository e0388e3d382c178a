// PasswordPolicyWizard offscreen: preset, live validation, live password checks while typing,
// calibration off the GUI thread with cancel, save to the store and export.

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/CoreInfo.h"
#include "core/passwords/PolicyRepository.h"
#include "core/store/Database.h"
#include "ui/passwords/AdjustPage.h"
#include "ui/passwords/CalibratePage.h"
#include "ui/passwords/PasswordPolicyWizard.h"
#include "ui/passwords/PolicyDraft.h"
#include "ui/passwords/PresetPage.h"
#include "ui/passwords/SavePage.h"
#include "ui/passwords/TryPasswordsPage.h"
#include "ui/widgets/ErrorBanner.h"
#include "ui/widgets/SecretLineEdit.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QCheckBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace raysec;
using namespace raysec::ui;

class TestPasswordPolicyWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Referencing CoreInfo makes the linker take raysec_core's CoreInfo.o before the cluster
    // library that needs it (raysec_core_cluster uses userAgent() without linking raysec_core).
    void versionIsKnown() { QVERIFY(!raysec::versionString().isEmpty()); }

    void init()
    {
        raysec::test::failOnWarnings();
        m_dir = std::make_unique<raysec::test::ScopedDataDir>();
        auto db = Database::open(m_dir->filePath(QStringLiteral("store.db")));
        QVERIFY(db);
        m_db = std::make_unique<Database>(std::move(*db));
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void walkThroughAndSave()
    {
        PasswordPolicyWizard wizard(*m_db);
        wizard.show();
        QCOMPARE(wizard.currentId(), int(PasswordPolicyWizard::Preset));
        QVERIFY(wizard.presetPage()->choices()->checkedButton() != nullptr);
        wizard.presetPage()->choices()->button(2)->setChecked(true); // organisation
        wizard.next();
        QCOMPARE(wizard.draft().policy().preset, PolicyPreset::Organisation);
        QCOMPARE(wizard.adjustPage()->minLength()->value(), 12);
        wizard.adjustPage()->minLength()->setValue(14);
        QCOMPARE(wizard.draft().policy().minLength, 14);
        wizard.next();
        wizard.next();
        QCOMPARE(wizard.currentId(), int(PasswordPolicyWizard::Calibrate));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(PasswordPolicyWizard::Save));
        QVERIFY(wizard.savePage()->summary()->text().contains(QStringLiteral("14 to 128")));
        QVERIFY(wizard.validateCurrentPage());

        PolicyRepository repo(*m_db);
        const auto stored = repo.load();
        QVERIFY(stored);
        QCOMPARE(stored->preset, PolicyPreset::Organisation);
        QCOMPARE(stored->minLength, 14);

        const QString path = m_dir->filePath(QStringLiteral("policy.json"));
        QVERIFY(wizard.savePage()->exportTo(path));
        QVERIFY(PasswordPolicy::fromJsonText(raysec::test::readFile(path)));
    }

    void nistRejectsCompositionRules()
    {
        PasswordPolicyWizard wizard(*m_db);
        wizard.show();
        wizard.next();
        AdjustPage* page = wizard.adjustPage();
        QVERIFY(page->isComplete());
        page->classBox(2)->setChecked(true);
        QVERIFY(!page->isComplete());
        QVERIFY(page->banner()->message().contains(QStringLiteral("composition")));
        QCOMPARE(wizard.draft().policy().requiredClasses, 0u); // the draft stays valid
        page->classBox(2)->setChecked(false);
        QVERIFY(page->isComplete());
        QVERIFY(page->banner()->message().isEmpty());
    }

    void checksWhileTyping()
    {
        PasswordPolicyWizard wizard(*m_db);
        wizard.show();
        wizard.next();
        wizard.next();
        TryPasswordsPage* page = wizard.tryPage();
        QTest::keyClicks(page->field(), QStringLiteral("passw"));
        QVERIFY(page->verdict()->text().startsWith(QStringLiteral("Refused")));
        QVERIFY(page->reasons()->text().contains(QStringLiteral("at least 15")));
        QTest::keyClicks(page->field(), QStringLiteral("ord"));
        QVERIFY(page->reasons()->text().contains(QStringLiteral("common")));
        page->field()->clearSecret();
        QTest::keyClicks(page->field(), QStringLiteral("glacier copper lantern fjord 77"));
        QVERIFY2(page->verdict()->text().startsWith(QStringLiteral("Accepted")),
                 qPrintable(page->reasons()->text()));
        QVERIFY(page->strength()->value() >= 3);
        QVERIFY(!page->reasons()->text().contains(QStringLiteral("glacier")));
    }

    void calibratesOffTheGuiThread()
    {
        PasswordPolicyWizard wizard(*m_db);
        wizard.show();
        for (int i = 0; i < 3; ++i) {
            wizard.next();
        }
        CalibratePage* page = wizard.calibratePage();
        page->memoryMiB()->setValue(19);
        page->targetMs()->setValue(60);
        QSignalSpy finished(page, &CalibratePage::calibrationFinished);
        page->startButton()->click();
        QVERIFY(page->isRunning());
        QVERIFY(!page->isComplete()); // cannot leave the page while measuring
        QVERIFY(finished.wait(60000));
        QVERIFY(!page->isRunning());
        const HashParameters& p = wizard.draft().policy().hashing;
        QCOMPARE(p.memLimitBytes, 19 * HashParameters::MiB);
        QCOMPARE(p.targetMs, 60);
        QVERIFY(p.calibratedAt.isValid());

        const HashParameters before = p;
        page->memoryMiB()->setValue(256);
        page->startButton()->click();
        page->cancelButton()->click();
        QVERIFY(finished.wait(60000));
        QVERIFY(page->result()->text().contains(QStringLiteral("Cancelled")));
        QCOMPARE(wizard.draft().policy().hashing, before);
    }

private:
    std::unique_ptr<raysec::test::ScopedDataDir> m_dir;
    std::unique_ptr<Database> m_db;
};

QTEST_MAIN(TestPasswordPolicyWizard)
#include "tst_passwordpolicywizard.moc"
