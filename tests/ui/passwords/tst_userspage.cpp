// UsersPage offscreen: add (hashing on a worker thread), refuse a weak password with the
// reasons in the banner, disable, reset, and export a bundle that minisign verifies.

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/CoreInfo.h"
#include "core/keys/SigningKeyStore.h"
#include "core/passwords/PolicyRepository.h"
#include "core/passwords/UserAccounts.h"
#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "ui/ConsoleContext.h"
#include "ui/passwords/UserPasswordDialog.h"
#include "ui/passwords/UsersPage.h"
#include "ui/widgets/ErrorBanner.h"
#include "ui/widgets/SecretLineEdit.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include <optional>

using namespace raysec;
using namespace raysec::ui;

namespace {

SecretBuffer secret(const char* text)
{
    return SecretBuffer(text, std::strlen(text));
}

} // namespace

class TestUsersPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Referencing CoreInfo makes the linker take raysec_core's CoreInfo.o before the cluster
    // library that needs it (raysec_core_cluster uses userAgent() without linking raysec_core).
    void versionIsKnown() { QVERIFY(!raysec::versionString().isEmpty()); }

    void init() { raysec::test::failOnWarnings(); }

    void initTestCase()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("store.db")));
        QVERIFY(db);
        m_db = std::make_unique<Database>(std::move(*db));
        PolicyRepository repo(*m_db);
        QVERIFY(repo.migrate());
        PasswordPolicy fast = PasswordPolicy::forPreset(PolicyPreset::Nist);
        fast.hashing.memLimitBytes = 19 * HashParameters::MiB;
        QVERIFY(repo.save(fast));
        m_context = std::make_unique<ConsoleContext>(*m_db, m_keychain);
    }

    void dialogChecksWhileTyping()
    {
        UserAccounts accounts(*m_db);
        UserPasswordDialog dialog(*accounts.checker(), QString());
        QPushButton* ok = dialog.buttons()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(dialog.nameField(), QStringLiteral("carol"));
        QTest::keyClicks(dialog.passwordField(), QStringLiteral("carol-and-some-more-words"));
        QTest::keyClicks(dialog.repeatField(), QStringLiteral("carol-and-some-more-words"));
        QVERIFY(dialog.feedback()->text().contains(QStringLiteral("carol")));
        QVERIFY(!ok->isEnabled());
        dialog.passwordField()->clearSecret();
        dialog.repeatField()->clearSecret();
        QTest::keyClicks(dialog.passwordField(), QStringLiteral("glacier copper lantern fjord"));
        QVERIFY(!ok->isEnabled()); // the repeat differs
        QTest::keyClicks(dialog.repeatField(), QStringLiteral("glacier copper lantern fjord"));
        QVERIFY2(ok->isEnabled(), qPrintable(dialog.feedback()->text()));
        QCOMPARE(dialog.takePassword().view(), std::string_view("glacier copper lantern fjord"));
    }

    void addDisableResetExport()
    {
        QVERIFY2(raysec::test::secretServiceAvailable(),
                 "run under dbus-run-session with gnome-keyring (see .ci/run)");
        UsersPage page(*m_context);
        page.show();
        QSignalSpy changed(&page, &UsersPage::usersChanged);

        page.addUser(QStringLiteral("alice"), UserRole::Admin,
                     secret("glacier copper lantern fjord 77"));
        QVERIFY(page.isBusy());
        QVERIFY(!page.isEnabled());
        QVERIFY(changed.wait(30000));
        QCOMPARE(page.table()->rowCount(), 1);
        QCOMPARE(page.table()->item(0, 1)->text(), QStringLiteral("admin"));

        page.addUser(QStringLiteral("bob"), UserRole::Viewer, secret("password"));
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 30000);
        QVERIFY(page.banner()->message().contains(QStringLiteral("does not meet")));
        QCOMPARE(page.table()->rowCount(), 1);

        page.table()->selectRow(0);
        page.toggleDisabled();
        QCOMPARE(page.table()->item(0, 2)->text(), QStringLiteral("disabled"));

        page.resetPassword(QStringLiteral("alice"), secret("another long passphrase here"));
        QVERIFY(changed.wait(30000));
        UserAccounts accounts(*m_db);
        QVERIFY(accounts.setDisabled(QStringLiteral("alice"), false));
        QVERIFY(*accounts.verify(QStringLiteral("alice"), secret("another long passphrase here")));

        const QString bundle = m_dir.filePath(QStringLiteral("users.json"));
        QSignalSpy exported(&page, &UsersPage::exportFinished);
        page.exportBundle(bundle);
        QVERIFY(exported.wait(30000));
        QVERIFY2(exported.first().first().toBool(), qPrintable(page.banner()->message()));
        verifyWithMinisign(bundle);
    }

private:
    void verifyWithMinisign(const QString& bundle)
    {
        SigningKeyStore store(m_keychain);
        std::optional<Result<MinisignKeyPair>> key;
        store.loadExisting(this, [&key](Result<MinisignKeyPair> k) { key = std::move(k); });
        QTRY_VERIFY_WITH_TIMEOUT(key.has_value(), 10000);
        QVERIFY(*key);
        QFile pub(bundle + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::WriteOnly));
        pub.write(QByteArray::fromStdString((*key)->publicKeyFile()));
        pub.close();
        QProcess minisign;
        minisign.start(QStringLiteral("minisign"), {QStringLiteral("-V"), QStringLiteral("-p"),
                                                    pub.fileName(), QStringLiteral("-m"), bundle});
        QVERIFY(minisign.waitForFinished(30000));
        QVERIFY2(minisign.exitCode() == 0, minisign.readAllStandardError().constData());
    }

    raysec::test::ScopedDataDir m_dir;
    Keychain m_keychain;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConsoleContext> m_context;
};

QTEST_MAIN(TestUsersPage)
#include "tst_userspage.moc"
