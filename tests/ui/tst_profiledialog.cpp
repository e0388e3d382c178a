#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "core/store/ProfileRepository.h"
#include "ui/profiles/ProfileDialog.h"
#include "ui/widgets/SecretLineEdit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace raysec;
using namespace raysec::ui;

namespace {

struct Form
{
    QLineEdit* name = nullptr;
    QLineEdit* url = nullptr;
    QComboBox* trust = nullptr;
    QLineEdit* caBundle = nullptr;
    QLineEdit* pin = nullptr;
    QComboBox* auth = nullptr;
    SecretLineEdit* token = nullptr;
    QPushButton* save = nullptr;
};

Form formOf(ProfileDialog& dialog)
{
    Form form;
    form.name = dialog.findChild<QLineEdit*>(QStringLiteral("nameEdit"));
    form.url = dialog.findChild<QLineEdit*>(QStringLiteral("urlEdit"));
    form.trust = dialog.findChild<QComboBox*>(QStringLiteral("trustCombo"));
    form.caBundle = dialog.findChild<QLineEdit*>(QStringLiteral("caBundleEdit"));
    form.pin = dialog.findChild<QLineEdit*>(QStringLiteral("pinEdit"));
    form.auth = dialog.findChild<QComboBox*>(QStringLiteral("authCombo"));
    form.token = dialog.findChild<SecretLineEdit*>(QStringLiteral("tokenEdit"));
    form.save = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
    return form;
}

void type(QLineEdit* edit, const QString& text)
{
    edit->clear();
    QTest::keyClicks(edit, text);
}

} // namespace

class ProfileDialogTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Database> m_db;
    Keychain m_keychain;
    QTemporaryDir m_files;

private Q_SLOTS:
    void init()
    {
        raysec::test::failOnWarnings();
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db);
        m_db = std::make_unique<Database>(std::move(*db));
        QVERIFY(ProfileRepository(*m_db).migrate());
    }

    void invalidFieldsShowReasonsAndSaveNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("trust");
        QTest::addColumn<QString>("extra"); // CA bundle path or pin
        QTest::addColumn<int>("auth");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reason");
        const int system = 0, bundle = 1, pinned = 2, none = 0, token = 1;
        QTest::newRow("empty name") << ""
                                    << "https://ray:8443" << system << "" << none << "name"
                                    << "letters, digits";
        QTest::newRow("name with markup") << "<b>x</b>"
                                          << "https://ray:8443" << system << "" << none << "name"
                                          << "letters, digits";
        QTest::newRow("no address") << "lab"
                                    << "" << system << "" << none << "url"
                                    << "dashboard address";
        QTest::newRow("ftp") << "lab"
                             << "ftp://ray:21" << system << "" << none << "url"
                             << "https://";
        QTest::newRow("remote plain http")
            << "lab"
            << "http://10.0.0.5:8265" << system << "" << none << "url"
            << "only allowed to this machine";
        QTest::newRow("credentials in url")
            << "lab"
            << "https://u:p@ray:8443" << system << "" << none << "url"
            << "credentials";
        QTest::newRow("missing CA bundle")
            << "lab"
            << "https://ray:8443" << bundle << "/nonexistent/ca.pem" << none << "caBundle"
            << "readable CA bundle";
        QTest::newRow("bad pin") << "lab"
                                 << "https://ray:8443" << pinned << "not-a-pin" << none << "pin"
                                 << "base64 SHA-256";
        QTest::newRow("token missing") << "lab"
                                       << "https://ray:8443" << system << "" << token << "token"
                                       << "Enter the cluster's token";
    }
    void invalidFieldsShowReasonsAndSaveNothing()
    {
        QFETCH(QString, name);
        QFETCH(QString, url);
        QFETCH(int, trust);
        QFETCH(QString, extra);
        QFETCH(int, auth);
        QFETCH(QString, field);
        QFETCH(QString, reason);

        ProfileDialog dialog(*m_db, m_keychain, std::nullopt);
        dialog.show();
        Form form = formOf(dialog);
        type(form.name, name);
        type(form.url, url);
        form.trust->setCurrentIndex(trust);
        if (trust == 1) {
            form.caBundle->setText(extra);
        } else if (trust == 2) {
            type(form.pin, extra);
        }
        form.auth->setCurrentIndex(auth);

        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(form.save, Qt::LeftButton);
        QVERIFY2(dialog.fieldError(field).contains(reason), qPrintable(dialog.fieldError(field)));
        QVERIFY(dialog.bannerText().contains(QLatin1String("nothing was saved")));
        QCOMPARE(accepted.count(), 0);
        QVERIFY(dialog.isVisible());
        QVERIFY(ProfileRepository(*m_db).list()->isEmpty());
    }

    void errorsAppearWhileTyping()
    {
        ProfileDialog dialog(*m_db, m_keychain, std::nullopt);
        dialog.show();
        Form form = formOf(dialog);
        QVERIFY(dialog.fieldError(QStringLiteral("url")).isEmpty()); // untouched: no nagging
        type(form.url, QStringLiteral("http://192.0.2.1:8265"));
        QVERIFY(!dialog.fieldError(QStringLiteral("url")).isEmpty());
        type(form.url, QStringLiteral("https://192.0.2.1:8265"));
        QVERIFY(dialog.fieldError(QStringLiteral("url")).isEmpty());
    }

    void plainHttpToLoopbackWarns()
    {
        ProfileDialog dialog(*m_db, m_keychain, std::nullopt);
        dialog.show();
        Form form = formOf(dialog);
        type(form.url, QStringLiteral("https://127.0.0.1:8265"));
        QVERIFY(!dialog.plainHttpWarningShown());
        type(form.url, QStringLiteral("http://127.0.0.1:8265"));
        QVERIFY(dialog.plainHttpWarningShown());
        QVERIFY(dialog.fieldError(QStringLiteral("url")).isEmpty());
    }

    void duplicateNameIsRefused()
    {
        ClusterProfile existing;
        existing.name = QStringLiteral("lab");
        existing.dashboardUrl = QUrl(QStringLiteral("https://ray:8443"));
        QVERIFY(ProfileRepository(*m_db).save(existing));

        ProfileDialog dialog(*m_db, m_keychain, std::nullopt);
        dialog.show();
        Form form = formOf(dialog);
        type(form.name, QStringLiteral("lab"));
        type(form.url, QStringLiteral("https://other:8443"));
        QTest::mouseClick(form.save, Qt::LeftButton);
        QVERIFY(dialog.fieldError(QStringLiteral("name")).contains(QLatin1String("exists")));
        QCOMPARE(ProfileRepository(*m_db).find(QStringLiteral("lab"))->dashboardUrl,
                 existing.dashboardUrl);
    }

    void savesTokenInKeychainThenProfile()
    {
        QVERIFY2(raysec::test::secretServiceAvailable(),
                 "needs a Secret Service: run under dbus-run-session with gnome-keyring");
        const QString name =
            QStringLiteral("dialog-test-%1").arg(QCoreApplication::applicationPid());
        ProfileDialog dialog(*m_db, m_keychain, std::nullopt);
        dialog.show();
        Form form = formOf(dialog);
        type(form.name, name);
        type(form.url, QStringLiteral("https://ray-head.example:8443"));
        form.auth->setCurrentIndex(1);
        QTest::keyClicks(form.token, QStringLiteral("0123456789abcdef"));

        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(form.save, Qt::LeftButton);
        QVERIFY(accepted.wait(10000));
        QVERIFY(form.token->secret().isEmpty());

        auto stored = ProfileRepository(*m_db).find(name);
        QVERIFY(stored);
        QCOMPARE(stored->auth, AuthMode::RayToken);
        QCOMPARE(dialog.savedProfile().name, name);

        std::optional<Result<SecretBuffer>> loaded;
        m_keychain.read(stored->keychainService(), QStringLiteral("token"), this,
                        [&loaded](Result<SecretBuffer> r) { loaded = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 10000);
        QVERIFY(loaded->has_value());
        QCOMPARE((*loaded)->view(), std::string_view("0123456789abcdef"));

        bool removed = false;
        m_keychain.remove(stored->keychainService(), QStringLiteral("token"), this,
                          [&removed](Result<void> r) { removed = r.has_value(); });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 10000);
    }
};

QTEST_MAIN(ProfileDialogTest)
#include "tst_profiledialog.moc"
