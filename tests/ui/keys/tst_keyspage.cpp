// KeysPage, KeysModel, KeysFilterModel and SecretClipboard under the offscreen platform.

#include "support/TestMain.h"

#include "core/keys/KeyManager.h"
#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "ui/ConsoleContext.h"
#include "ui/keys/IssueKeyDialog.h"
#include "ui/keys/KeysFilterModel.h"
#include "ui/keys/KeysModel.h"
#include "ui/keys/KeysPage.h"
#include "ui/keys/SecretClipboard.h"
#include "ui/widgets/ErrorBanner.h"

#include <QApplication>
#include <QBrush>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTimer>

#include <memory>

using namespace raysec;
using namespace raysec::ui;

class TestKeysPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        raysec::test::failOnWarnings();
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db);
        m_db = std::make_unique<Database>(std::move(*db));
        m_context = std::make_unique<ConsoleContext>(*m_db, m_keychain);
        m_keys = std::make_unique<KeyManager>(*m_db, QStringLiteral("tester"));
        QVERIFY(m_keys->migrate());
    }

    void cleanup()
    {
        m_keys.reset();
        m_context.reset();
        m_db.reset();
    }

    void tableShowsStatusColoursFiltersAndWarnings()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto soon = m_keys->issue(request(QStringLiteral("ml"), now.addDays(3)), now);
        auto later = m_keys->issue(request(QStringLiteral("web"), now.addDays(200)), now);
        QVERIFY(soon && later);
        QVERIFY(m_keys->revoke(later->record.id, QStringLiteral("left"), now));

        KeysPage page(*m_context);
        QCOMPARE(page.model()->rowCount(), 2);
        QVERIFY(page.warning()->message().contains(QStringLiteral("1 key")));
        const int revokedRow = page.model()->record(0)->id == later->record.id ? 0 : 1;
        const QBrush brush = page.model()
                                 ->index(revokedRow, KeysModel::Status)
                                 .data(Qt::ForegroundRole)
                                 .value<QBrush>();
        QCOMPARE(brush.color(), QColor(0xc6, 0x28, 0x28));

        page.teamFilter()->setCurrentIndex(page.teamFilter()->findData(QStringLiteral("ml")));
        QCOMPARE(page.filter()->rowCount(), 1);
        page.teamFilter()->setCurrentIndex(0);
        page.statusFilter()->setCurrentIndex(
            page.statusFilter()->findData(int(KeyStatus::Revoked)));
        QCOMPARE(page.filter()->rowCount(), 1);
        page.table()->setCurrentIndex(page.filter()->index(0, 0));
        QVERIFY(page.details()->text().contains(QStringLiteral("left")));
        QVERIFY(!page.details()->text().contains(QStringLiteral("rsk_")));
    }

    void issueShowsTheSecretOnce()
    {
        KeysPage page(*m_context);
        QString shown;
        connect(&page, &KeysPage::keyIssued, this, [&shown] {
            auto* dialog = QApplication::activeModalWidget();
            if (auto* edit = dialog ? dialog->findChild<QLineEdit*>() : nullptr) {
                shown = edit->text();
            }
            if (dialog) {
                dialog->close();
            }
        });
        QTimer::singleShot(0, this, [] {
            auto* dialog = qobject_cast<IssueKeyDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->ownerEdit()->setText(QStringLiteral("alice"));
            dialog->teamEdit()->setCurrentText(QStringLiteral("ml"));
            dialog->scopeBox(0)->setChecked(true);
            dialog->accept();
        });
        page.issueButton()->click();
        QCOMPARE(page.model()->rowCount(), 1);
        QVERIFY2(shown.startsWith(QStringLiteral("rsk_") + page.model()->record(0)->id),
                 qPrintable(shown));
    }

    void clipboardIsMarkedSecretAndCleared()
    {
        SecretClipboard clipboard;
        clipboard.setClearDelay(100);
        QSignalSpy cleared(&clipboard, &SecretClipboard::cleared);
        clipboard.copy(QStringLiteral("rsk_example"));
        const QMimeData* mime = QApplication::clipboard()->mimeData();
        QVERIFY(mime);
        QCOMPARE(mime->text(), QStringLiteral("rsk_example"));
        QCOMPARE(mime->data(QString::fromLatin1(SecretClipboard::HintMimeType)),
                 QByteArray("secret"));
        QTRY_COMPARE_WITH_TIMEOUT(cleared.size(), 1, 5000);
        QVERIFY(QApplication::clipboard()->text().isEmpty());

        // Something copied since is left alone.
        clipboard.copy(QStringLiteral("rsk_other"));
        QApplication::clipboard()->setText(QStringLiteral("not ours"));
        QTRY_COMPARE_WITH_TIMEOUT(cleared.size(), 2, 5000);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("not ours"));
    }

private:
    static KeyRequest request(const QString& team, const QDateTime& expires)
    {
        KeyRequest r;
        r.owner = QStringLiteral("someone");
        r.team = team;
        r.scopes = {QStringLiteral("jobs:read")};
        r.expires = expires;
        return r;
    }

    std::unique_ptr<Database> m_db;
    Keychain m_keychain;
    std::unique_ptr<ConsoleContext> m_context;
    std::unique_ptr<KeyManager> m_keys;
};

QTEST_MAIN(TestKeysPage)
#include "tst_keyspage.moc"
