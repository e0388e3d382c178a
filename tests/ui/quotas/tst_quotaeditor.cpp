// The quota policy editor: limits typed as NAME=NUMBER lists are checked whole before they
// reach the store, a refused change says why and leaves the stored configuration as it was.

#include "core/quotas/QuotaRepository.h"
#include "core/store/Database.h"
#include "support/TestMain.h"
#include "ui/quotas/QuotaEditor.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>

#include <memory>

using namespace raysec;
using namespace raysec::ui;

class TestQuotaEditor : public QObject
{
    Q_OBJECT

    std::unique_ptr<Database> m_db;
    std::unique_ptr<QuotaEditor> m_editor;

    QLineEdit* field(int index) const
    {
        static const char* const names[] = {"policyName", "softLimits", "hardLimits", "thresholds",
                                            "hysteresis"};
        return m_editor->findChild<QLineEdit*>(QLatin1String(names[index]));
    }

    void click(const char* name) const
    {
        auto* button = m_editor->findChild<QPushButton*>(QLatin1String(name));
        QVERIFY(button);
        button->click();
    }

    QString message() const
    {
        auto* label = m_editor->findChild<QLabel*>(QStringLiteral("editorMessage"));
        return label != nullptr && label->isVisibleTo(m_editor.get()) ? label->text() : QString();
    }

    QByteArray stored() const { return QuotaRepository(*m_db).load()->toJson(); }

private Q_SLOTS:
    void init()
    {
        test::failOnWarnings();
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db);
        m_db = std::make_unique<Database>(std::move(*db));
        QVERIFY(QuotaRepository::migrate(*m_db));
        QuotaConfig config;
        QuotaPolicy ml;
        ml.name = QStringLiteral("ml");
        ml.soft.cpu = 8;
        ml.hard.cpu = 10;
        config.policies.append(ml);
        QVERIFY(QuotaRepository(*m_db).save(config));
        m_editor = std::make_unique<QuotaEditor>(*m_db);
        m_editor->setConfig(*QuotaRepository(*m_db).load());
    }

    void cleanup()
    {
        m_editor.reset();
        m_db.reset();
    }

    void showsStoredPolicies()
    {
        auto* table = m_editor->findChild<QTableWidget*>();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("ml"));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("CPU=10"));
        table->selectRow(0);
        QCOMPARE(field(0)->text(), QStringLiteral("ml"));
        QCOMPARE(field(1)->text(), QStringLiteral("CPU=8"));
        QCOMPARE(field(3)->text(), QStringLiteral("80, 100"));
    }

    void refusesBadInputAndKeepsTheStore_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("soft");
        QTest::addColumn<QString>("hard");
        QTest::addColumn<QString>("says");
        QTest::newRow("no name") << ""
                                 << ""
                                 << "CPU=4"
                                 << "Name the team";
        QTest::newRow("not a number") << "ml"
                                      << ""
                                      << "CPU=abc"
                                      << "NAME=NUMBER";
        QTest::newRow("shadow resource") << "ml"
                                         << ""
                                         << "CPU_group_x=1"
                                         << "NAME=NUMBER";
        QTest::newRow("soft above hard") << "ml"
                                         << "CPU=12"
                                         << "CPU=10"
                                         << "above its hard";
        QTest::newRow("negative") << "ml"
                                  << ""
                                  << "GPU=-1"
                                  << "Not saved";
    }

    void refusesBadInputAndKeepsTheStore()
    {
        QFETCH(QString, name);
        QFETCH(QString, soft);
        QFETCH(QString, hard);
        QFETCH(QString, says);
        const QByteArray before = stored();
        QSignalSpy saved(m_editor.get(), &QuotaEditor::configSaved);
        field(0)->setText(name);
        field(1)->setText(soft);
        field(2)->setText(hard);
        click("savePolicy");
        QVERIFY2(message().contains(says), qPrintable(message()));
        QCOMPARE(saved.count(), 0);
        QCOMPARE(stored(), before);
    }

    void savesAndRemovesAPolicy()
    {
        QSignalSpy saved(m_editor.get(), &QuotaEditor::configSaved);
        m_editor->findChild<QComboBox*>()->setCurrentIndex(1); // API key
        field(0)->setText(QStringLiteral("k_etl"));
        field(1)->setText(QStringLiteral("CPU=1"));
        field(2)->setText(QStringLiteral("CPU=2,jobs=3,submissions/h=20,TPU=4"));
        click("savePolicy");
        QCOMPARE(saved.count(), 1);
        const QuotaConfig config = *QuotaRepository(*m_db).load();
        const QuotaPolicy* key = config.find(QuotaSubject::Key, QStringLiteral("k_etl"));
        QVERIFY(key);
        QCOMPARE(*key->hard.cpu, 2.0);
        QCOMPARE(*key->hard.concurrentJobs, 3);
        QCOMPARE(*key->hard.submissionsPerHour, 20);
        QCOMPARE(key->hard.custom.value(QStringLiteral("TPU")), 4.0);
        QCOMPARE(m_editor->findChild<QTableWidget*>()->rowCount(), 2);

        click("removePolicy");
        QCOMPARE(saved.count(), 2);
        QVERIFY(!QuotaRepository(*m_db).load()->find(QuotaSubject::Key, QStringLiteral("k_etl")));
        click("removePolicy");
        QVERIFY2(message().contains(QStringLiteral("no policy")), qPrintable(message()));
    }

    void editsAlertSettings()
    {
        const QByteArray before = stored();
        field(3)->setText(QStringLiteral("80, lots"));
        click("saveAlerts");
        QVERIFY2(message().contains(QStringLiteral("\"lots\"")), qPrintable(message()));
        field(3)->setText(QStringLiteral("80, 100"));
        field(4)->setText(QStringLiteral("60"));
        click("saveAlerts");
        QVERIFY2(message().contains(QStringLiteral("hysteresis")), qPrintable(message()));
        QCOMPARE(stored(), before);

        field(3)->setText(QStringLiteral("70, 90"));
        field(4)->setText(QStringLiteral("3"));
        click("saveAlerts");
        const AlertSettings alerts = QuotaRepository(*m_db).load()->alerts;
        QCOMPARE(alerts.thresholds, QList<double>({0.7, 0.9}));
        QCOMPARE(alerts.hysteresis, 0.03);
    }
};

QTEST_MAIN(TestQuotaEditor)
#include "tst_quotaeditor.moc"
