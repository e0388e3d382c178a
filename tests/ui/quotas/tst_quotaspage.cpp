#include "core/quotas/AlertLog.h"
#include "core/quotas/QuotaRepository.h"
#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"
#include "ui/ConsoleContext.h"
#include "ui/PageRegistry.h"

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>

using namespace raysec;

class TestQuotasPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void listsAndAcknowledgesAlertsAndAnswersWhatIf()
    {
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db && QuotaRepository::migrate(*db));
        AlertTransition up{AlertTransition::Kind::Raised, QStringLiteral("team:ml"),
                           QStringLiteral("CPU"), 0.8, 8.5, 10, QDateTime::currentDateTimeUtc()};
        QVERIFY(AlertLog(*db).record({up}));
        Keychain keychain;
        ui::ConsoleContext context(*db, keychain);

        const ui::PageFactory* factory = nullptr;
        for (const ui::PageFactory& page : ui::PageRegistry::pages()) {
            factory = page.id == QLatin1String("quotas") ? &page : factory;
        }
        QVERIFY(factory);
        std::unique_ptr<QWidget> page(factory->create(context, nullptr));
        auto* alerts = page->findChild<QListWidget*>();
        QVERIFY(alerts);
        QCOMPARE(alerts->count(), 1);
        QVERIFY(alerts->item(0)->text().contains(QStringLiteral("team:ml")));
        alerts->setCurrentRow(0);
        QPushButton* ack = nullptr;
        for (QPushButton* b : page->findChildren<QPushButton*>()) {
            ack = b->text() == QLatin1String("Acknowledge") ? b : ack;
        }
        QVERIFY(ack);
        ack->click();
        QVERIFY(AlertLog(*db).list()->first().acknowledgedAt.has_value());

        page->findChild<QPlainTextEdit*>()->setPlainText(QStringLiteral("{\"entrypoint\": 3}"));
        for (QPushButton* b : page->findChildren<QPushButton*>()) {
            if (b != ack) {
                b->click();
            }
        }
        bool explained = false;
        for (QLabel* label : page->findChildren<QLabel*>()) {
            explained = explained || label->text().contains(QStringLiteral("not valid"));
        }
        QVERIFY(explained);
    }
};

QTEST_MAIN(TestQuotasPage)
#include "tst_quotaspage.moc"
