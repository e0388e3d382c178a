#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "core/store/ProfileRepository.h"
#include "ui/ConsoleContext.h"
#include "ui/main/ClusterListPanel.h"
#include "ui/main/MainWindow.h"
#include "ui/profiles/ProfileDialog.h"
#include "ui/widgets/ConfirmationPrompt.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace raysec;
using namespace raysec::ui;

namespace {

ClusterProfile localProfile(const QString& name)
{
    // Port 1 on loopback refuses at once, so a monitor started by a selection fails quickly.
    ClusterProfile p;
    p.name = name;
    p.dashboardUrl = QUrl(QStringLiteral("https://127.0.0.1:1"));
    return p;
}

} // namespace

class MainWindowTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Database> m_db;
    Keychain m_keychain;
    QList<ConfirmationPrompt::Question> m_asked;

    void answerWith(bool answer)
    {
        ConfirmationPrompt::setAnswerer([this, answer](const ConfirmationPrompt::Question& q) {
            m_asked.append(q);
            return answer;
        });
    }

private Q_SLOTS:
    void init()
    {
        raysec::test::failOnWarnings();
        QVERIFY2(raysec::test::secretServiceAvailable(),
                 "needs a Secret Service: run under dbus-run-session with gnome-keyring");
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db);
        m_db = std::make_unique<Database>(std::move(*db));
        QVERIFY(ProfileRepository(*m_db).migrate());
        m_asked.clear();
    }
    void cleanup() { ConfirmationPrompt::setAnswerer({}); }

    void listsProfilesAndPages()
    {
        QVERIFY(ProfileRepository(*m_db).save(localProfile(QStringLiteral("beta"))));
        QVERIFY(ProfileRepository(*m_db).save(localProfile(QStringLiteral("alpha"))));
        MainWindow window(*m_db, m_keychain);
        window.show();
        QCOMPARE(window.clusterList()->list()->count(), 2);
        QCOMPARE(window.clusterList()->selectedName(), QStringLiteral("alpha"));
        QCOMPARE(window.context().currentProfile()->name, QStringLiteral("alpha"));
        QVERIFY(window.page(QStringLiteral("overview")));
        QCOMPARE(window.navigation()->item(0)->text(), QStringLiteral("Overview"));
    }

    void removeAsksFirst()
    {
        QVERIFY(ProfileRepository(*m_db).save(localProfile(QStringLiteral("keep-me"))));
        MainWindow window(*m_db, m_keychain);
        window.show();

        answerWith(false);
        QTest::mouseClick(window.clusterList()->removeButton(), Qt::LeftButton);
        QCOMPARE(m_asked.size(), 1);
        QVERIFY(m_asked.first().text.contains(QLatin1String("keep-me")));
        QVERIFY(ProfileRepository(*m_db).find(QStringLiteral("keep-me")));
        QCOMPARE(window.clusterList()->list()->count(), 1);

        answerWith(true);
        QTest::mouseClick(window.clusterList()->removeButton(), Qt::LeftButton);
        QCOMPARE(m_asked.size(), 2);
        QVERIFY(!ProfileRepository(*m_db).find(QStringLiteral("keep-me")));
        QCOMPARE(window.clusterList()->list()->count(), 0);
        QVERIFY(!window.context().currentProfile());
    }

    void addsAProfileThroughTheDialog()
    {
        MainWindow window(*m_db, m_keychain);
        window.show();
        QTest::mouseClick(window.clusterList()->addButton(), Qt::LeftButton);
        auto* dialog = window.findChild<ProfileDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());

        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit")),
                         QStringLiteral("new cluster"));
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("urlEdit")),
                         QStringLiteral("https://127.0.0.1:1"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save),
                          Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(window.clusterList()->list()->count(), 1, 10000);
        QCOMPARE(window.clusterList()->selectedName(), QStringLiteral("new cluster"));
        QCOMPARE(window.context().currentProfile()->name, QStringLiteral("new cluster"));
        QVERIFY(ProfileRepository(*m_db).find(QStringLiteral("new cluster")));
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
