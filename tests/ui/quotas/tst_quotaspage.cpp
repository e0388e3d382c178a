// The Quotas page under the offscreen platform against raysec-sim's quota-known scenario (real
// TLS, real state API answers): bars against the hard quota, drill-down, cluster totals, top
// jobs, the truncation notice, alerts with acknowledge, the history chart, the refresh
// interval, policy changes reaching the live view, what-if, and backoff when Ray refuses.

#include "core/quotas/AlertLog.h"
#include "core/quotas/QuotaRepository.h"
#include "core/quotas/UsageEngine.h"
#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "support/SimProcess.h"
#include "support/TestMain.h"
#include "ui/ConsoleContext.h"
#include "ui/PageRegistry.h"
#include "ui/quotas/AlertsPanel.h"
#include "ui/quotas/QuotaEditor.h"
#include "ui/quotas/TeamUsageTree.h"
#include "ui/quotas/TopJobsTable.h"
#include "ui/quotas/UsageChart.h"
#include "ui/quotas/WhatIfPanel.h"

#include <QChart>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>

#include <memory>

using namespace raysec;
using namespace raysec::ui;

namespace {

QTreeWidgetItem* findItem(QTreeWidget* tree, const QString& text)
{
    const auto found = tree->findItems(text, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? nullptr : found.first();
}

QString barText(TeamUsageTree* tree, const QString& team, int column)
{
    QTreeWidgetItem* item = findItem(tree, team);
    auto* bar = item ? qobject_cast<QProgressBar*>(tree->itemWidget(item, column)) : nullptr;
    return bar ? bar->text() : QString();
}

} // namespace

class TestQuotasPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<Database> m_db;
    Keychain m_keychain;
    std::unique_ptr<ConsoleContext> m_context;

    std::unique_ptr<QWidget> createPage()
    {
        for (const PageFactory& page : PageRegistry::pages()) {
            if (page.id == QLatin1String("quotas")) {
                return std::unique_ptr<QWidget>(page.create(*m_context, nullptr));
            }
        }
        return {};
    }

    bool startSim(test::SimProcess& sim, const QStringList& extra)
    {
        test::SimProcess::Options options;
        options.scenario = QStringLiteral("quota-known");
        options.extraArgs = extra;
        QString error;
        if (!sim.start(options, &error)) {
            qWarning("raysec-sim did not start: %s", qPrintable(error));
            return false;
        }
        return true;
    }

    void selectSim(const test::SimProcess& sim)
    {
        ClusterProfile profile;
        profile.name = QStringLiteral("sim");
        profile.dashboardUrl = sim.url();
        profile.trust = TrustMode::CaBundle;
        profile.caBundlePath = sim.caFile();
        m_context->setCurrentProfile(profile);
    }

    static void ask(QWidget* page, const QString& json)
    {
        auto* panel = page->findChild<WhatIfPanel*>();
        panel->findChild<QPlainTextEdit*>()->setPlainText(json);
        panel->findChild<QPushButton*>(QStringLiteral("askWhatIf"))->click();
    }

    static QString answer(QWidget* page)
    {
        return page->findChild<QLabel*>(QStringLiteral("whatIfAnswer"))->text();
    }

private Q_SLOTS:
    void init()
    {
        // Refused rounds are logged as warnings on purpose; everywhere else a warning fails.
        if (QLatin1String(QTest::currentTestFunction()) != QLatin1String("showsBackoff")) {
            test::failOnWarnings();
        }
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db);
        m_db = std::make_unique<Database>(std::move(*db));
        QVERIFY(QuotaRepository::migrate(*m_db));
        QuotaConfig config;
        config.teamMetadataKey = QStringLiteral("team"); // the scenario's jobs use "team"
        QuotaPolicy vision;
        vision.name = QStringLiteral("vision");
        vision.hard.cpu = 10;
        vision.hard.concurrentJobs = 2;
        config.policies.append(vision);
        QVERIFY(QuotaRepository(*m_db).save(config));
        m_context = std::make_unique<ConsoleContext>(*m_db, m_keychain);
    }

    void cleanup()
    {
        m_context.reset();
        m_db.reset();
    }

    void showsLiveUsageAgainstQuotas()
    {
        test::SimProcess sim;
        QVERIFY(startSim(sim, {}));
        auto page = createPage();
        QVERIFY(page);
        selectSim(sim);
        auto* tree = page->findChild<TeamUsageTree*>();
        QTRY_VERIFY_WITH_TIMEOUT(tree->topLevelItemCount() == 3, 60000);

        // vision: alpha's 9 CPU against a hard quota of 10; one active job of two allowed
        QCOMPARE(barText(tree, QStringLiteral("vision"), TeamUsageTree::CpuColumn),
                 QStringLiteral("9 of 10"));
        QCOMPARE(barText(tree, QStringLiteral("vision"), TeamUsageTree::JobsColumn),
                 QStringLiteral("1 of 2"));
        // nlp has no policy: plain amounts, no bar
        QTreeWidgetItem* nlp = findItem(tree, QStringLiteral("nlp"));
        QVERIFY(nlp && !tree->itemWidget(nlp, TeamUsageTree::CpuColumn));
        QCOMPARE(nlp->text(TeamUsageTree::CpuColumn), QStringLiteral("6"));
        QCOMPARE(nlp->text(TeamUsageTree::JobsColumn), QStringLiteral("2"));

        // drill-down: team -> job -> its running tasks and alive actors
        QTreeWidgetItem* alpha = findItem(tree, QStringLiteral("raysubmit_quotaAlpha0000001"));
        QVERIFY(alpha);
        QCOMPARE(alpha->parent()->text(0), QStringLiteral("vision"));
        QCOMPARE(alpha->childCount(), 0);
        alpha->parent()->setExpanded(true);
        alpha->setExpanded(true);
        QStringList work;
        for (int i = 0; i < alpha->childCount(); ++i) {
            work.append(alpha->child(i)->text(0));
        }
        QVERIFY2(work.contains(QStringLiteral("actor ParameterServer")),
                 qPrintable(work.join(QLatin1Char(','))));
        QVERIFY2(work.contains(QStringLiteral("actor Trainer")),
                 qPrintable(work.join(QLatin1Char(','))));

        // cluster totals, top jobs and the truncation notice
        const QString totals = page->findChild<QLabel*>(QStringLiteral("clusterTotals"))->text();
        QVERIFY2(totals.contains(QStringLiteral("18 of 40 CPU")), qPrintable(totals));
        auto* top = page->findChild<TopJobsTable*>();
        QCOMPARE(top->item(0, 0)->text(), QStringLiteral("raysubmit_quotaAlpha0000001"));
        QCOMPARE(top->item(1, 0)->text(), QStringLiteral("raysubmit_quotaBeta00000002"));
        auto* notice = page->findChild<QLabel*>(QStringLiteral("quotaNotice"));
        QVERIFY(notice->isVisibleTo(page.get()));
        QVERIFY2(notice->text().contains(QStringLiteral("lower bound")),
                 qPrintable(notice->text()));

        // 9 of 10 CPU passes the 80% threshold: one alert, in the store and in the list
        auto alerts = AlertLog(*m_db).list();
        QVERIFY(alerts && alerts->size() == 1);
        QCOMPARE(alerts->first().alertKey(), QStringLiteral("team:vision|CPU|0.8"));
        auto* list = page->findChild<AlertsPanel*>()->findChild<QListWidget*>();
        QCOMPARE(list->count(), 1);
        list->setCurrentRow(0);
        auto* acknowledge = page->findChild<AlertsPanel*>()->findChild<QPushButton*>();
        QVERIFY(acknowledge->isEnabled());
        acknowledge->click();
        QVERIFY(AlertLog(*m_db).list()->first().acknowledgedAt.has_value());
        QVERIFY(!acknowledge->isEnabled());

        // the refresh was recorded and drawn: one line per team
        QChart* chart = page->findChild<UsageChart*>()->chart();
        QCOMPARE(chart->series().size(), 3);
        bool visionDrawn = false;
        for (QAbstractSeries* series : chart->series()) {
            auto* line = qobject_cast<QLineSeries*>(series);
            if (line && line->name() == QLatin1String("vision")) {
                visionDrawn = line->count() >= 1 && line->at(line->count() - 1).y() == 9.0;
            }
        }
        QVERIFY(visionDrawn);
    }

    void followsIntervalPolicyChangesAndAnswersWhatIf()
    {
        test::SimProcess sim;
        QVERIFY(startSim(sim, {}));
        auto page = createPage();
        QVERIFY(page);
        selectSim(sim);
        auto* tree = page->findChild<TeamUsageTree*>();
        QTRY_VERIFY_WITH_TIMEOUT(tree->topLevelItemCount() == 3, 60000);

        auto* engine = page->findChild<UsageEngine*>();
        QVERIFY(engine);
        QCOMPARE(engine->currentDelayMs(), 10000);
        auto* interval = page->findChild<QComboBox*>(QStringLiteral("refreshInterval"));
        interval->setCurrentIndex(interval->findData(60));
        QCOMPARE(engine->currentDelayMs(), 60000);

        // 9 CPU in use + 2 requested breaks vision's hard quota of 10; + 1 fits exactly
        ask(page.get(), QStringLiteral(R"({"entrypoint": "python more.py",
            "entrypoint_num_cpus": 2, "metadata": {"team": "vision"}})"));
        QVERIFY2(answer(page.get()).startsWith(QStringLiteral("Does not fit (team vision)")),
                 qPrintable(answer(page.get())));
        QVERIFY2(answer(page.get()).contains(QStringLiteral("CPU")),
                 qPrintable(answer(page.get())));
        ask(page.get(), QStringLiteral(R"({"entrypoint": "python tiny.py",
            "entrypoint_num_cpus": 1, "metadata": {"team": "vision"}})"));
        // one more job also hits the concurrent jobs limit of 2 exactly, which still fits
        QVERIFY2(answer(page.get()).startsWith(QStringLiteral("Fits (team vision)")),
                 qPrintable(answer(page.get())));

        // raising the quota in the editor reaches the bars at the next refresh
        auto* editor = page->findChild<QuotaEditor*>();
        editor->findChild<QLineEdit*>(QStringLiteral("policyName"))
            ->setText(QStringLiteral("vision"));
        editor->findChild<QLineEdit*>(QStringLiteral("hardLimits"))
            ->setText(QStringLiteral("CPU=20"));
        editor->findChild<QPushButton*>(QStringLiteral("savePolicy"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(barText(tree, QStringLiteral("vision"), TeamUsageTree::CpuColumn),
                                  QStringLiteral("9 of 20"), 60000);
        ask(page.get(), QStringLiteral(R"({"entrypoint": "python more.py",
            "entrypoint_num_cpus": 2, "metadata": {"team": "vision"}})"));
        QVERIFY2(answer(page.get()).startsWith(QStringLiteral("Fits")),
                 qPrintable(answer(page.get())));
    }

    void showsBackoff()
    {
        test::SimProcess sim;
        QVERIFY(startSim(sim, {QStringLiteral("--error-rate"), QStringLiteral("1")}));
        auto page = createPage();
        QVERIFY(page);
        auto* interval = page->findChild<QComboBox*>(QStringLiteral("refreshInterval"));
        interval->setCurrentIndex(interval->findData(5));
        selectSim(sim);
        auto* notice = page->findChild<QLabel*>(QStringLiteral("quotaNotice"));
        QTRY_VERIFY_WITH_TIMEOUT(notice->text().contains(QStringLiteral("Backing off")), 60000);
        QVERIFY2(notice->text().contains(QStringLiteral("next try in 10 second")),
                 qPrintable(notice->text()));
        QVERIFY(notice->isVisibleTo(page.get()));

        // a second refused round doubles the wait again
        page->findChild<QPushButton*>(QStringLiteral("refreshNow"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(notice->text().contains(QStringLiteral("next try in 20 second")),
                                 60000);
        QCOMPARE(page->findChild<TeamUsageTree*>()->topLevelItemCount(), 0);
    }
};

QTEST_MAIN(TestQuotasPage)
#include "tst_quotaspage.moc"
