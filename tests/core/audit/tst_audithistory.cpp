#include "AuditFixtures.h"
#include "core/audit/AuditHistory.h"
#include "core/audit/CheckCatalog.h"
#include "core/audit/HardeningScore.h"
#include "core/audit/RunDiff.h"
#include "core/store/Database.h"
#include "support/TestMain.h"

#include <QTest>

using namespace raysec;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 11, 1), QTime(10, 0), Qt::UTC);
const QString open11 = QStringLiteral("RAY-1.1");
const QString token21 = QStringLiteral("RAY-2.1");
const QString https71 = QStringLiteral("RAY-7.1");

} // namespace

class TstAuditHistory : public QObject
{
    Q_OBJECT

    std::optional<Database> m_db;
    std::optional<CheckCatalog> m_catalog;

    const Finding* find(const QList<Finding>& list, const QString& id)
    {
        for (const Finding& f : list) {
            if (f.checkId == id) {
                return &f;
            }
        }
        return nullptr;
    }

    void recordTwoRuns(AuditHistory& history)
    {
        QVERIFY(history.record(test::makeRun(t0, {{open11, CheckOutcome::Fail},
                                                  {token21, CheckOutcome::Fail},
                                                  {https71, CheckOutcome::Pass}})));
        QVERIFY(history.record(test::makeRun(t0.addDays(1), {{open11, CheckOutcome::Pass},
                                                             {token21, CheckOutcome::Fail},
                                                             {https71, CheckOutcome::Error}})));
    }

private Q_SLOTS:
    void init()
    {
        test::failOnWarnings();
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db);
        m_db.emplace(std::move(*db));
        m_catalog.emplace(*CheckCatalog::builtIn());
        QVERIFY(AuditHistory(*m_db).migrate());
    }

    void findingsTrackFirstAndLastSeen()
    {
        AuditHistory history(*m_db);
        recordTwoRuns(history);
        auto findings = history.findings(QStringLiteral("lab"), *m_catalog, t0.addDays(1));
        QVERIFY(findings);
        QCOMPARE(findings->size(), 2);
        const Finding* fixed = find(*findings, open11);
        QVERIFY(fixed);
        QCOMPARE(fixed->status, FindingStatus::Fixed);
        QCOMPARE(fixed->firstSeen, t0);
        QCOMPARE(fixed->lastSeen, t0);
        const Finding* open = find(*findings, token21);
        QVERIFY(open);
        QCOMPARE(open->status, FindingStatus::Open);
        QCOMPARE(open->firstSeen, t0);
        QCOMPARE(open->lastSeen, t0.addDays(1));
        QCOMPARE(open->evidence.size(), 1);
        QVERIFY(!find(*findings, https71));
    }

    void cancelledRunDoesNotMoveFindings()
    {
        AuditHistory history(*m_db);
        recordTwoRuns(history);
        AuditRun cancelled = test::makeRun(t0.addDays(2), {{token21, CheckOutcome::Pass}});
        cancelled.cancelled = true;
        QVERIFY(history.record(cancelled));
        auto findings = history.findings(QStringLiteral("lab"), *m_catalog, t0.addDays(2));
        QCOMPARE(find(*findings, token21)->status, FindingStatus::Open);
        QCOMPARE(history.runs(QStringLiteral("lab"))->size(), 3);
    }

    void suppressionsExpire()
    {
        AuditHistory history(*m_db);
        recordTwoRuns(history);
        const QDateTime now = t0.addDays(1);
        QVERIFY(history.suppress(QStringLiteral("lab"), token21, QStringLiteral("lab only"),
                                 now.addDays(7), now));
        auto during = history.findings(QStringLiteral("lab"), *m_catalog, now.addDays(6));
        QCOMPARE(find(*during, token21)->status, FindingStatus::Suppressed);
        QCOMPARE(find(*during, token21)->suppression->reason, QStringLiteral("lab only"));
        auto after = history.findings(QStringLiteral("lab"), *m_catalog, now.addDays(8));
        QCOMPARE(find(*after, token21)->status, FindingStatus::Open);
        QVERIFY(history.unsuppress(QStringLiteral("lab"), token21));
        auto removed = history.findings(QStringLiteral("lab"), *m_catalog, now.addDays(6));
        QCOMPARE(find(*removed, token21)->status, FindingStatus::Open);
    }

    void suppressionNeedsReasonAndFutureExpiry()
    {
        AuditHistory history(*m_db);
        auto noReason = history.suppress(QStringLiteral("lab"), token21, QStringLiteral("  "),
                                         t0.addDays(1), t0);
        QVERIFY(!noReason);
        QCOMPARE(noReason.error().code, QStringLiteral("audit.suppress.reason"));
        auto past = history.suppress(QStringLiteral("lab"), token21, QStringLiteral("why"),
                                     t0.addSecs(-1), t0);
        QVERIFY(!past);
        QCOMPARE(past.error().code, QStringLiteral("audit.suppress.expiry"));
    }

    void diffOfTwoRuns()
    {
        const AuditRun before = test::makeRun(t0, {{open11, CheckOutcome::Fail},
                                                   {token21, CheckOutcome::Fail},
                                                   {https71, CheckOutcome::Pass}});
        const AuditRun after =
            test::makeRun(t0, {{open11, CheckOutcome::Pass},
                               {token21, CheckOutcome::Fail},
                               {https71, CheckOutcome::Fail},
                               {QStringLiteral("RAY-9.1"), CheckOutcome::NotApplicable}});
        const RunDiff diff = RunDiff::between(before, after);
        QCOMPARE(diff.nowPassing, QStringList{open11});
        QCOMPARE(diff.stillFailing, QStringList{token21});
        QCOMPARE(diff.newlyFailing, QStringList{https71});
        QCOMPARE(diff.undecided, QStringList{QStringLiteral("RAY-9.1")});
        QVERIFY(!diff.improved());
    }

    void scoreWeighsSeverity()
    {
        // RAY-1.1 critical (10) fails, RAY-2.1 high (6) and RAY-9.1 medium (3) pass: 9 of 19.
        const AuditRun run = test::makeRun(t0, {{open11, CheckOutcome::Fail},
                                                {token21, CheckOutcome::Pass},
                                                {QStringLiteral("RAY-9.1"), CheckOutcome::Pass},
                                                {https71, CheckOutcome::Error}});
        const HardeningScore score = HardeningScore::of(run, *m_catalog);
        QCOMPARE(score.score, 47);
        QCOMPARE(score.passed, 2);
        QCOMPARE(score.failed, 1);
        QCOMPARE(score.undecided, 1);
        QCOMPARE(HardeningScore::of(run, *m_catalog, {open11}).score, 100);
    }
};

QTEST_GUILESS_MAIN(TstAuditHistory)
#include "tst_audithistory.moc"
