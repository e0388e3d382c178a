#include "core/quotas/AlertEvaluator.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

using namespace raysec;

class TestAlertEvaluator : public QObject
{
    Q_OBJECT

private:
    static QuotaConfig config()
    {
        QuotaConfig c;
        QuotaPolicy ml;
        ml.name = QStringLiteral("ml");
        ml.hard.cpu = 10;
        c.policies.append(ml);
        return c;
    }

    static UsageReport usage(double cpu)
    {
        UsageReport r;
        r.at = QDateTime::currentDateTimeUtc();
        r.teams[QStringLiteral("ml")].used.cpu = cpu;
        return r;
    }

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void doesNotFlapAroundAThreshold()
    {
        AlertEvaluator evaluator; // 80% and 100%, hysteresis 5 points
        const QuotaConfig c = config();
        const QList<double> series{7.9, 8.0, 7.9, 8.1, 7.6, 8.0, 7.5, 7.4, 7.9, 8.0};
        QStringList seen;
        for (double cpu : series) {
            for (const AlertTransition& t : evaluator.evaluate(usage(cpu), c)) {
                seen.append(QStringLiteral("%1@%2:%3")
                                .arg(t.kind == AlertTransition::Kind::Raised
                                         ? QLatin1String("up")
                                         : QLatin1String("down"))
                                .arg(cpu)
                                .arg(t.threshold));
            }
        }
        // Raised at 8.0, held through 7.9/8.1/7.6/8.0/7.5 (7.5 is not below 7.5), cleared at 7.4,
        // raised again at 8.0.
        QCOMPARE(seen, (QStringList{QStringLiteral("up@8:0.8"), QStringLiteral("down@7.4:0.8"),
                                    QStringLiteral("up@8:0.8")}));
    }

    void raisesEveryThresholdReached()
    {
        AlertEvaluator evaluator;
        const auto up = evaluator.evaluate(usage(10.5), config());
        QCOMPARE(up.size(), 2);
        QCOMPARE(up.at(1).threshold, 1.0);
        QCOMPARE(up.at(1).value, 10.5);
        QCOMPARE(up.at(1).limit, 10.0);
        QCOMPARE(up.at(1).subject, QStringLiteral("team:ml"));
        QVERIFY(evaluator.evaluate(usage(10.5), config()).isEmpty());
        const auto down = evaluator.evaluate(usage(9.0), config());
        QCOMPARE(down.size(), 1); // below 95%, still above 80%
        QCOMPARE(down.first().kind, AlertTransition::Kind::Cleared);
    }

    void usesTheSoftLimitAndCustomThresholds()
    {
        AlertSettings settings;
        settings.thresholds = {0.5};
        settings.hysteresis = 0.1;
        AlertEvaluator evaluator(settings);
        QuotaConfig c = config();
        c.policies.first().soft.cpu = 4;
        QCOMPARE(evaluator.evaluate(usage(1.9), c).size(), 0);
        QCOMPARE(evaluator.evaluate(usage(2.0), c).size(), 1);
        QCOMPARE(evaluator.evaluate(usage(1.7), c).size(), 0);
        QCOMPARE(evaluator.evaluate(usage(1.5), c).size(), 1);
    }

    void restoredAlertsAreNotRaisedTwice()
    {
        AlertEvaluator evaluator;
        evaluator.restoreRaised({QStringLiteral("team:ml|CPU|0.8")});
        QVERIFY(evaluator.evaluate(usage(8.5), config()).isEmpty());
    }

    void removedPoliciesClearTheirAlerts()
    {
        AlertEvaluator evaluator;
        QCOMPARE(evaluator.evaluate(usage(8.5), config()).size(), 1);
        const auto cleared = evaluator.evaluate(usage(8.5), QuotaConfig{});
        QCOMPARE(cleared.size(), 1);
        QCOMPARE(cleared.first().kind, AlertTransition::Kind::Cleared);
        QVERIFY(evaluator.raised().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAlertEvaluator)
#include "tst_alertevaluator.moc"
