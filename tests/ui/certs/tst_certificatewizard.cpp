// CertificateWizard offscreen: a new CA and three typed nodes through every page, issued on a
// worker thread and exported; the bundles verify with openssl. Inline validation keeps Next
// disabled with the reason shown, and Cancel stops a large batch.

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/CoreInfo.h"
#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "core/tls/CertificateInventory.h"
#include "ui/ConsoleContext.h"
#include "ui/certs/CaPage.h"
#include "ui/certs/CertDraft.h"
#include "ui/certs/CertificateWizard.h"
#include "ui/certs/ExportPage.h"
#include "ui/certs/IssuePage.h"
#include "ui/certs/KeyTypeLabels.h"
#include "ui/certs/KeyTypePage.h"
#include "ui/certs/NodesPage.h"
#include "ui/certs/ReviewPage.h"
#include "ui/widgets/SecretLineEdit.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace raysec;
using namespace raysec::ui;

namespace {

QString runOpenSsl(const QStringList& arguments, int* exitCode)
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"), arguments);
    if (!openssl.waitForFinished(30000)) {
        *exitCode = -1;
        return QStringLiteral("openssl did not finish");
    }
    *exitCode = openssl.exitStatus() == QProcess::NormalExit ? openssl.exitCode() : -1;
    return QString::fromUtf8(openssl.readAll());
}

bool reasonShown(const QLabel* label)
{
    return !label->isHidden() && !label->text().isEmpty();
}

} // namespace

class TestCertificateWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionIsKnown() { QVERIFY(!raysec::versionString().isEmpty()); }

    void initTestCase()
    {
        QVERIFY2(raysec::test::secretServiceAvailable(),
                 "run under dbus-run-session with gnome-keyring (see docs/certificates.md)");
        auto db = Database::open(m_dir.filePath(QStringLiteral("store.db")));
        QVERIFY(db);
        m_db = std::make_unique<Database>(std::move(*db));
        m_context = std::make_unique<ConsoleContext>(*m_db, m_keychain);
    }

    void init() { raysec::test::failOnWarnings(); }

    void newCaThreeNodesIssueAndExport()
    {
        CertificateWizard wizard(*m_context);
        wizard.show();
        fillCaPage(wizard, QStringLiteral("prod"));
        QVERIFY(next(wizard));
        QCOMPARE(wizard.currentId(), int(CertificateWizard::KeyType));
        QCOMPARE(selectedKeyType(wizard.keyTypePage()->keyTypeBox()), tls::KeyType::EcdsaP256);
        QVERIFY(next(wizard));

        NodesPage* nodes = wizard.nodesPage();
        QVERIFY(!nextButton(wizard)->isEnabled());
        // Typed line by line: QTest::keyClicks has no key for a newline character.
        const QStringList typed = {QStringLiteral("head 10.0.0.1 ray-head.internal role=head"),
                                   QStringLiteral("worker-1 10.0.0.2"),
                                   QStringLiteral("worker-2 10.0.0.3 w2.internal")};
        for (const QString& line : typed) {
            if (line != typed.first()) {
                QTest::keyClick(nodes->editor(), Qt::Key_Return);
            }
            QTest::keyClicks(nodes->editor(), line);
        }
        QTest::keyClicks(nodes->headNamesField(), QStringLiteral("ray-head.ray.svc.cluster.local"));
        QVERIFY2(nextButton(wizard)->isEnabled(), qPrintable(nodes->nodesReason()->text()));
        QVERIFY(next(wizard));

        ReviewPage* review = wizard.reviewPage();
        QCOMPARE(review->table()->rowCount(), 3);
        QVERIFY(review->table()->item(0, 2)->text().contains(
            QStringLiteral("DNS:ray-head.ray.svc.cluster.local")));
        QVERIFY(!review->table()->item(1, 2)->text().contains(QStringLiteral("ray-head.ray")));
        QVERIFY(review->preflight()->text().contains(QStringLiteral("covered")));
        QSignalSpy issued(wizard.issuePage(), &IssuePage::issueFinished);
        QVERIFY(next(wizard));
        QVERIFY(issued.wait(30000));
        QVERIFY2(wizard.issuePage()->isComplete(),
                 qPrintable(wizard.issuePage()->status()->text()));
        QCOMPARE(wizard.draft().issued.size(), 3);
        IssuePage* issue = wizard.issuePage();
        QCOMPARE(issue->progressBar()->maximum(), 3);
        QCOMPARE(issue->progressBar()->value(), 3);
        QVERIFY(!issue->cancelButton()->isEnabled());
        QVERIFY(issue->retryButton()->isHidden());
        QVERIFY2(issue->status()->text().contains(QStringLiteral("found no gaps")),
                 qPrintable(issue->status()->text()));
        QVERIFY(next(wizard));

        exportAndVerify(wizard);
    }

    void inlineValidationKeepsNextDisabled()
    {
        CertificateWizard wizard(*m_context);
        wizard.show();
        CaPage* ca = wizard.caPage();
        QTest::keyClicks(ca->nameField(), QStringLiteral("bad/name"));
        QVERIFY(reasonShown(ca->findChild<QLabel*>(QStringLiteral("caNameReason"))));
        QVERIFY(!nextButton(wizard)->isEnabled());
        ca->nameField()->setText(QStringLiteral("prod")); // taken by the first test
        QVERIFY(ca->findChild<QLabel*>(QStringLiteral("caNameReason"))
                    ->text()
                    .contains(QStringLiteral("already stored")));
        QVERIFY(!nextButton(wizard)->isEnabled());
        fillCaPage(wizard, QStringLiteral("validation"));
        for (const QString& days : {QStringLiteral("99999"), QStringLiteral("0"),
                                    QStringLiteral("-5"), QStringLiteral("ten")}) {
            ca->daysField()->setText(days);
            QVERIFY2(reasonShown(ca->findChild<QLabel*>(QStringLiteral("caDaysReason"))),
                     qPrintable(days));
            QVERIFY(!nextButton(wizard)->isEnabled());
        }
        ca->daysField()->setText(QStringLiteral("3650"));
        QVERIFY(next(wizard));

        KeyTypePage* keys = wizard.keyTypePage();
        keys->daysField()->setText(QStringLiteral("4000"));
        QVERIFY(reasonShown(keys->daysReason()));
        QVERIFY(keys->daysReason()->text().contains(QStringLiteral("3650")));
        QVERIFY(!nextButton(wizard)->isEnabled());
        keys->daysField()->setText(QStringLiteral("abc"));
        QVERIFY(reasonShown(keys->daysReason()));
        QVERIFY(!nextButton(wizard)->isEnabled());
        keys->daysField()->setText(QStringLiteral("0"));
        QVERIFY(reasonShown(keys->daysReason()));
        QVERIFY(!nextButton(wizard)->isEnabled());
        keys->daysField()->setText(QStringLiteral("365"));
        QVERIFY(!reasonShown(keys->daysReason()));
        QVERIFY(keys->warningLabel()->isHidden());
        keys->keyTypeBox()->setCurrentIndex(
            keys->keyTypeBox()->findData(int(tls::KeyType::Ed25519)));
        QVERIFY(!keys->warningLabel()->isHidden());
        QVERIFY(keys->warningLabel()->text().contains(QStringLiteral("Ed25519")));
        QVERIFY(next(wizard));

        NodesPage* nodes = wizard.nodesPage();
        nodes->editor()->setPlainText(QStringLiteral("w1 10.0.0.300"));
        QVERIFY(reasonShown(nodes->nodesReason()));
        QVERIFY2(nodes->nodesReason()->text().contains(QStringLiteral("not an IP address")),
                 qPrintable(nodes->nodesReason()->text()));
        QVERIFY(!nextButton(wizard)->isEnabled());
        nodes->editor()->setPlainText(QStringLiteral("w1 10.0.0.3 bad_host!.example"));
        QVERIFY2(nodes->nodesReason()->text().contains(QStringLiteral("DNS name")),
                 qPrintable(nodes->nodesReason()->text()));
        QVERIFY(!nextButton(wizard)->isEnabled());
        nodes->editor()->setPlainText(QStringLiteral("w1 10.0.0.3 w1.example"));
        QVERIFY(!reasonShown(nodes->nodesReason()));
        QVERIFY(nextButton(wizard)->isEnabled());
        nodes->headNamesField()->setText(QStringLiteral("ray..head"));
        QVERIFY(reasonShown(nodes->headNamesReason()));
        QVERIFY(!nextButton(wizard)->isEnabled());
        nodes->headNamesField()->clear();
        QVERIFY(nextButton(wizard)->isEnabled());
    }

    void leafOutlivingTheCaIsRefused()
    {
        CertificateWizard wizard(*m_context);
        wizard.show();
        fillCaPage(wizard, QStringLiteral("short-lived"));
        wizard.caPage()->daysField()->setText(QStringLiteral("100"));
        QVERIFY(next(wizard));
        KeyTypePage* keys = wizard.keyTypePage();
        QCOMPARE(keys->daysField()->text(), QStringLiteral("365"));
        QVERIFY(reasonShown(keys->daysReason()));
        QVERIFY2(keys->daysReason()->text().contains(QStringLiteral("CA expires")),
                 qPrintable(keys->daysReason()->text()));
        QVERIFY(!nextButton(wizard)->isEnabled());
        keys->daysField()->setText(QStringLiteral("90"));
        QVERIFY(!reasonShown(keys->daysReason()));
        QVERIFY(next(wizard));
    }

    void badNodeFileChangesNothing()
    {
        CertificateWizard wizard(*m_context);
        NodesPage* nodes = wizard.nodesPage();
        nodes->editor()->setPlainText(QStringLiteral("w1 10.0.0.3"));
        QTemporaryDir dir;
        QFile list(dir.filePath(QStringLiteral("nodes.csv")));
        QVERIFY(list.open(QIODevice::WriteOnly));
        list.write("name,ip,hostnames,role\nh,10.1.0.1,h.example,head\nw,10.1.0.x,,worker\n");
        list.close();
        nodes->loadFile(list.fileName());
        QCOMPARE(nodes->editor()->toPlainText(), QStringLiteral("w1 10.0.0.3"));
        QVERIFY(nodes->status()->text().contains(QStringLiteral("Line 3")));

        QVERIFY(list.open(QIODevice::WriteOnly | QIODevice::Truncate));
        list.write("name,ip,hostnames,role\nh,10.1.0.1,h.example;h2.example,head\nw,10.1.0.2\n");
        list.close();
        nodes->loadFile(list.fileName());
        QCOMPARE(nodes->editor()->toPlainText(),
                 QStringLiteral("h 10.1.0.1 h.example h2.example role=head\nw 10.1.0.2"));
    }

    void cancelStopsALargeBatch()
    {
        CertificateWizard wizard(*m_context);
        wizard.show();
        fillCaPage(wizard, QStringLiteral("large"));
        QVERIFY(next(wizard));
        KeyTypePage* keys = wizard.keyTypePage();
        keys->keyTypeBox()->setCurrentIndex(
            keys->keyTypeBox()->findData(int(tls::KeyType::Rsa4096)));
        QVERIFY(next(wizard));
        QStringList lines;
        const int total = 200;
        for (int i = 0; i < total; ++i) {
            lines << QStringLiteral("n%1 10.2.%2.%3").arg(i).arg(i / 200).arg(i % 200 + 1);
        }
        wizard.nodesPage()->editor()->setPlainText(lines.join(u'\n'));
        QVERIFY(next(wizard));
        QVERIFY(next(wizard));

        IssuePage* issue = wizard.issuePage();
        QSignalSpy finished(issue, &IssuePage::issueFinished);
        QTRY_VERIFY_WITH_TIMEOUT(issue->progressBar()->value() >= 1 || !finished.isEmpty(), 60000);
        QVERIFY(issue->isRunning());
        QVERIFY(issue->cancelButton()->isEnabled());
        QTest::mouseClick(issue->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(120000) || !finished.isEmpty());
        QVERIFY(issue->status()->text().contains(QStringLiteral("Cancelled")));
        QVERIFY(issue->progressBar()->value() < total);
        QVERIFY(wizard.draft().issued.isEmpty());
        QVERIFY(!nextButton(wizard)->isEnabled());
        QVERIFY(!issue->retryButton()->isHidden());
    }

private:
    static QAbstractButton* nextButton(CertificateWizard& wizard)
    {
        return wizard.button(QWizard::NextButton);
    }

    static bool next(CertificateWizard& wizard)
    {
        const int before = wizard.currentId();
        if (!nextButton(wizard)->isEnabled()) {
            return false;
        }
        QTest::mouseClick(nextButton(wizard), Qt::LeftButton);
        return wizard.currentId() != before;
    }

    static void fillCaPage(CertificateWizard& wizard, const QString& name)
    {
        CaPage* ca = wizard.caPage();
        QVERIFY(ca->newChoice()->isChecked());
        ca->nameField()->setText(name);
        QVERIFY2(nextButton(wizard)->isEnabled(),
                 qPrintable(ca->findChild<QLabel*>(QStringLiteral("caNameReason"))->text()));
    }

    void exportAndVerify(CertificateWizard& wizard)
    {
        ExportPage* page = wizard.exportPage();
        QTemporaryDir out;
        QVERIFY(!page->exportButton()->isEnabled()); // no folder yet
        page->folderField()->setText(out.filePath(QStringLiteral("bundles")));
        page->kubernetesBox()->setChecked(true);
        page->pkcs12Box()->setChecked(true);
        QVERIFY(reasonShown(page->passphraseReason())); // PKCS#12 on, no passphrase yet
        QVERIFY(!page->exportButton()->isEnabled());
        QTest::keyClicks(page->passphraseField(), QStringLiteral("aaaaaaaaaaaaaaaa"));
        QVERIFY(reasonShown(page->passphraseReason()));
        QVERIFY2(page->passphraseReason()->text().contains(QStringLiteral("different characters")),
                 qPrintable(page->passphraseReason()->text()));
        QVERIFY(!page->exportButton()->isEnabled());
        page->passphraseField()->clearSecret();
        QTest::keyClicks(page->passphraseField(), QStringLiteral("short"));
        QVERIFY(reasonShown(page->passphraseReason()));
        QVERIFY2(page->passphraseReason()->text().contains(QStringLiteral("shorter than 12")),
                 qPrintable(page->passphraseReason()->text()));
        QVERIFY(!page->exportButton()->isEnabled());
        QTest::keyClicks(page->passphraseField(), QStringLiteral(" glacier copper lantern"));
        QVERIFY(!reasonShown(page->passphraseReason()));
        page->namespaceField()->setText(QStringLiteral("Ray_NS"));
        QVERIFY(reasonShown(page->findChild<QLabel*>(QStringLiteral("namespaceReason"))));
        QVERIFY(!page->exportButton()->isEnabled());
        page->namespaceField()->setText(QStringLiteral("ray"));
        page->truststoreField()->setText(out.path());
        QVERIFY(reasonShown(page->findChild<QLabel*>(QStringLiteral("truststoreReason"))));
        QVERIFY(!page->exportButton()->isEnabled());
        page->truststoreField()->setText(out.filePath(QStringLiteral("trust.pem")));
        QVERIFY(page->exportButton()->isEnabled());
        const QString folder = page->folderField()->text();
        QFile plain(out.filePath(QStringLiteral("a-file")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        page->folderField()->setText(plain.fileName());
        QVERIFY(reasonShown(page->findChild<QLabel*>(QStringLiteral("folderReason"))));
        QVERIFY(!page->exportButton()->isEnabled());
        page->folderField()->setText(folder);
        QVERIFY(page->exportButton()->isEnabled());

        QSignalSpy exported(page, &ExportPage::exported);
        QTest::mouseClick(page->exportButton(), Qt::LeftButton);
        QVERIFY(exported.wait(30000));
        QVERIFY2(page->status()->text().contains(QStringLiteral("Wrote")),
                 qPrintable(page->status()->text()));
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());

        for (const QString& node :
             {QStringLiteral("head"), QStringLiteral("worker-1"), QStringLiteral("worker-2")}) {
            verifyBundle(QDir(out.filePath(QStringLiteral("bundles"))).filePath(node));
        }
        int code = 0;
        const QString trust = runOpenSsl({QStringLiteral("x509"), QStringLiteral("-in"),
                                          out.filePath(QStringLiteral("trust.pem")),
                                          QStringLiteral("-noout"), QStringLiteral("-subject")},
                                         &code);
        QCOMPARE(code, 0);
        QVERIFY2(trust.contains(QStringLiteral("Ray cluster CA")), qPrintable(trust));

        tls::CertificateInventory inventory(*m_db);
        auto entries = inventory.list();
        QVERIFY(entries);
        QCOMPARE(entries->size(), 4); // the CA and three nodes
    }

    void verifyBundle(const QString& dir)
    {
        const QDir bundle(dir);
        int code = 0;
        const QString verify = runOpenSsl({QStringLiteral("verify"), QStringLiteral("-CAfile"),
                                           bundle.filePath(QStringLiteral("ca.crt")),
                                           bundle.filePath(QStringLiteral("tls.crt"))},
                                          &code);
        QVERIFY2(code == 0, qPrintable(verify));
        QVERIFY2(verify.contains(QStringLiteral(": OK")), qPrintable(verify));
        // Owner read and write, nothing for group and others (Qt adds the *User bits for us).
        const QFileDevice::Permissions mode =
            QFile::permissions(bundle.filePath(QStringLiteral("tls.key")));
        QCOMPARE(mode & (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(mode & QFileDevice::Permissions(0x0077), QFileDevice::Permissions());
        const QString keyCheck =
            runOpenSsl({QStringLiteral("pkey"), QStringLiteral("-in"),
                        bundle.filePath(QStringLiteral("tls.key")), QStringLiteral("-noout")},
                       &code);
        QVERIFY2(code == 0, qPrintable(keyCheck));
        QVERIFY(QFile::exists(bundle.filePath(QStringLiteral("tls.env"))));
        QVERIFY(QFile::exists(bundle.filePath(QStringLiteral("secret.yaml"))));
        const QString p12 =
            runOpenSsl({QStringLiteral("pkcs12"), QStringLiteral("-in"),
                        bundle.filePath(QStringLiteral("tls.p12")), QStringLiteral("-passin"),
                        QStringLiteral("pass:short glacier copper lantern"),
                        QStringLiteral("-nokeys"), QStringLiteral("-noout")},
                       &code);
        QVERIFY2(code == 0, qPrintable(p12));
    }

    raysec::test::ScopedDataDir m_dir;
    Keychain m_keychain;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConsoleContext> m_context;
};

QTEST_MAIN(TestCertificateWizard)
#include "tst_certificatewizard.moc"
