#include "AuditFixtures.h"
#include "core/audit/AuditReport.h"
#include "core/audit/CheckCatalog.h"
#include "core/audit/SarifReport.h"
#include "support/TestMain.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace raysec;

// Validates Raysec's SARIF output against the published SARIF 2.1.0 JSON schema with ajv,
// both from npm (tests/core/audit/sarif/package-lock.json, installed into the build folder).
class TstSarifSchema : public QObject
{
    Q_OBJECT

    QString validate(const QByteArray& sarif)
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("report.sarif")));
        if (!file.open(QIODevice::WriteOnly) || file.write(sarif) != sarif.size()) {
            return QStringLiteral("cannot write the report");
        }
        file.close();
        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NODE_PATH"), QStringLiteral(RAYSEC_NODE_MODULES));
        node.setProcessEnvironment(env);
        node.start(QStringLiteral(RAYSEC_NODE),
                   {QStringLiteral(RAYSEC_SOURCE_DIR "/tests/core/audit/sarif/validate-sarif.js"),
                    QStringLiteral(RAYSEC_NODE_MODULES
                                   "/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"),
                    file.fileName()});
        if (!node.waitForFinished(60000) || node.exitStatus() != QProcess::NormalExit) {
            return QStringLiteral("node did not finish");
        }
        return node.exitCode() == 0 ? QString() : QString::fromUtf8(node.readAllStandardError());
    }

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void reportValidates()
    {
        auto catalog = CheckCatalog::builtIn();
        QVERIFY(catalog);
        const QDateTime when(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
        AuditReport report = AuditReport::fromRun(
            test::makeRun(when, {{QStringLiteral("RAY-1.1"), CheckOutcome::Fail},
                                 {QStringLiteral("RAY-9.1"), CheckOutcome::Fail}}),
            *catalog);
        report.findings[1].status = FindingStatus::Suppressed;
        report.findings[1].suppression = Suppression{QStringLiteral("why"), when.addDays(2), when};
        const QString problem = validate(SarifReport::render(report));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void invalidLogIsRejected()
    {
        // The validator must be able to fail: a level SARIF does not define.
        const QString problem = validate(R"({"version":"2.1.0","runs":[{"tool":{"driver":)"
                                         R"({"name":"x"}},"results":[{"message":{"text":"m"},)"
                                         R"("level":"fatal"}]}]})");
        QVERIFY(!problem.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstSarifSchema)
#include "tst_sarifschema.moc"
