// Rotation plans: the order of the steps and the commands of the runbook.

#include "support/TestMain.h"

#include "core/tls/RotationPlan.h"

using namespace raysec;
using namespace Qt::StringLiterals;

class TestRotationPlan : public QObject
{
    Q_OBJECT

private:
    tls::RotationInput input(tls::RotationKind kind) const
    {
        tls::RotationInput in;
        in.kind = kind;
        in.caName = QStringLiteral("prod");
        in.newCaName = QStringLiteral("prod-2027");
        in.nodes = {{QStringLiteral("w1"), QStringLiteral("10.0.0.2"), {}, false},
                    {QStringLiteral("head"), QStringLiteral("10.0.0.1"), {}, true},
                    {QStringLiteral("w2"), QStringLiteral("fd00::3"), {}, false}};
        return in;
    }

    static int indexOf(const QList<tls::RotationStep>& steps, const QString& title, int from = 0)
    {
        for (int i = from; i < steps.size(); ++i) {
            if (steps.at(i).title.startsWith(title)) {
                return i;
            }
        }
        return -1;
    }

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void renewalOrder()
    {
        const auto plan = tls::RotationPlan::make(input(tls::RotationKind::RenewLeaves));
        const auto& steps = plan.steps();
        const int issue = indexOf(steps, QStringLiteral("Issue"));
        const int check = indexOf(steps, QStringLiteral("Check"));
        const int copy = indexOf(steps, QStringLiteral("Copy"));
        const int workers = indexOf(steps, QStringLiteral("Restart the workers"));
        const int head = indexOf(steps, QStringLiteral("Restart the head"));
        const int verify = indexOf(steps, QStringLiteral("Verify"));
        QVERIFY(issue == 0 && issue < check && check < copy && copy < workers && workers < head &&
                head < verify);
        QCOMPARE(steps.at(copy).commands.size(), 3);
        QCOMPARE(steps.at(copy).commands.at(2),
                 "rsync -a --chmod=D700,F600 'bundles/w2'/ ray@[fd00::3]:'/etc/ray/tls'/"_L1);
        QCOMPARE(steps.at(workers).commands.size(), 2);
        QVERIFY(steps.at(workers).commands.at(0).contains("ray start --address=10.0.0.1:6379"_L1));
        QVERIFY(steps.at(head).commands.at(0).startsWith("ssh ray@10.0.0.1 "_L1));
        QVERIFY(steps.at(head).commands.at(0).contains("ray start --head"_L1));
        QVERIFY(steps.at(head).detail.contains("GCS fault tolerance is off"_L1));
    }

    void newCaGoesThroughADoubleTrust()
    {
        auto in = input(tls::RotationKind::NewCa);
        in.gcsFaultTolerance = true;
        const auto plan = tls::RotationPlan::make(in);
        const auto& steps = plan.steps();
        QVERIFY(steps.first().commands.first().contains("certs ca create 'prod-2027'"_L1));
        const int bridge = indexOf(steps, QStringLiteral("Issue certificates from CA prod"));
        QVERIFY(steps.at(bridge).commands.first().contains("--trust-ca 'prod-2027'"_L1));
        const int move = indexOf(steps, QStringLiteral("Issue certificates from CA prod-2027"));
        QVERIFY(move > bridge);
        QVERIFY(steps.at(move).commands.first().contains("--trust-ca 'prod'"_L1));
        const int retire =
            indexOf(steps, QStringLiteral("Issue certificates from CA prod-2027"), move + 1);
        QVERIFY(retire > move);
        QVERIFY(!steps.at(retire).commands.first().contains("--trust-ca"_L1));
        QVERIFY(indexOf(steps, QStringLiteral("Restart the head"), retire) > retire);
        QVERIFY(steps.at(indexOf(steps, QStringLiteral("Restart the head")))
                    .detail.contains("GCS fault tolerance is on"_L1));
    }

    void markdownIsAChecklist()
    {
        const auto plan = tls::RotationPlan::make(input(tls::RotationKind::RenewLeaves));
        const QString md = plan.toMarkdown();
        QVERIFY(md.startsWith("# Ray TLS rotation runbook"_L1));
        QCOMPARE(md.count("- [ ] **"_L1), plan.steps().size());
        QCOMPARE(md.count("```sh"_L1), plan.steps().size());
        QVERIFY(md.contains("raysec-cli certs issue --ca 'prod' --nodes 'nodes.txt'"_L1));
    }

    void quotesHostileValues()
    {
        auto in = input(tls::RotationKind::RenewLeaves);
        in.bundleDir = QStringLiteral("b'; rm -rf /; '");
        const auto plan = tls::RotationPlan::make(in);
        QVERIFY(
            plan.steps().first().commands.first().contains("--out 'b'\\''; rm -rf /; '\\'''"_L1));
    }
};

QTEST_GUILESS_MAIN(TestRotationPlan)
#include "tst_rotationplan.moc"
