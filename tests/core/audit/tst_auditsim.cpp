#include "core/audit/AuditRunner.h"
#include "core/audit/QtProbeTransport.h"
#include "core/quotas/QuotaRepository.h"
#include "core/store/Database.h"
#include "support/SimProcess.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace raysec;

namespace {

QStringList outcomes(const AuditRun& run, CheckOutcome wanted)
{
    QStringList ids;
    for (const CheckResult& r : run.results) {
        if (r.outcome == wanted) {
            ids.append(wanted == CheckOutcome::Error ? r.checkId + QStringLiteral(": ") + r.detail
                                                     : r.checkId);
        }
    }
    ids.sort();
    return ids;
}

QStringList ids(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* id : list) {
        out.append(QString::fromLatin1(id));
    }
    return out;
}

// Every request the simulator logged used GET or HEAD.
QString writesIn(const QString& logFile)
{
    QFile file(logFile);
    if (!file.open(QIODevice::ReadOnly)) {
        return QStringLiteral("no request log");
    }
    int lines = 0;
    while (!file.atEnd()) {
        const QJsonObject entry = QJsonDocument::fromJson(file.readLine()).object();
        const QString method = entry.value(QStringLiteral("method")).toString();
        ++lines;
        if (method != QLatin1String("GET") && method != QLatin1String("HEAD")) {
            return method + QLatin1Char(' ') + entry.value(QStringLiteral("path")).toString();
        }
    }
    return lines > 0 ? QString() : QStringLiteral("empty request log");
}

} // namespace

// The audit against raysec-sim's three reference scenarios, through the core runner and the CLI.
class TstAuditSim : public QObject
{
    Q_OBJECT

    std::optional<CheckCatalog> m_catalog;
    std::optional<AdvisoryDatabase> m_advisories;

    AuditRun audit(const test::SimProcess& sim, ProbeSettings settings, const QByteArray& token)
    {
        ClusterProfile profile;
        profile.name = QStringLiteral("sim");
        profile.dashboardUrl = sim.url();
        if (!sim.caFile().isEmpty() && sim.url().scheme() == QLatin1String("https")) {
            profile.trust = TrustMode::CaBundle;
            profile.caBundlePath = sim.caFile();
        }
        auto secret = token.isEmpty() ? nullptr
                                      : std::make_shared<const SecretBuffer>(
                                            token.constData(), std::size_t(token.size()));
        const std::atomic<bool> cancelled = false;
        QtProbeTransport transport(profile, secret, cancelled);
        return AuditRunner::run(*m_catalog, *m_advisories, transport, std::move(settings),
                                cancelled, {});
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_catalog.emplace(*CheckCatalog::builtIn());
        m_advisories.emplace(*AdvisoryDatabase::builtIn());
    }
    void init() { test::failOnWarnings(); }

    void openScenario()
    {
        test::SimProcess sim;
        QString error;
        QVERIFY2(sim.start({false,
                            {},
                            std::nullopt,
                            {},
                            QStringLiteral("open-2.6.3"),
                            {QStringLiteral("--open-ports"), QStringLiteral("0,0"),
                             QStringLiteral("--tick-ms"), QStringLiteral("0")}},
                           &error),
                 qPrintable(error));
        ProbeSettings settings;
        settings.ports = QList<PortSpec>{{sim.openPorts().at(0), QStringLiteral("GCS")},
                                         {sim.openPorts().at(1), QStringLiteral("Ray Client")},
                                         {test::closedPort(), QStringLiteral("metrics")}};
        const AuditRun run = audit(sim, settings, {});
        QCOMPARE(outcomes(run, CheckOutcome::Error), QStringList());
        QCOMPARE(outcomes(run, CheckOutcome::Fail),
                 ids({"RAY-1.1", "RAY-2.1", "RAY-4.1", "RAY-5.1", "RAY-5.2", "RAY-7.1", "RAY-8.1",
                      "RAY-9.1"}));
        QCOMPARE(run.rayVersion, QStringLiteral("2.6.3"));
        QCOMPARE(writesIn(sim.requestLogFile()), QString());
    }

    void tokenOffScenario()
    {
        test::SimProcess sim;
        QString error;
        QVERIFY2(sim.start({false,
                            {},
                            std::nullopt,
                            {},
                            QStringLiteral("token-off-2.52"),
                            {QStringLiteral("--tick-ms"), QStringLiteral("0")}},
                           &error),
                 qPrintable(error));
        ProbeSettings settings;
        settings.ports = QList<PortSpec>{{test::closedPort(), QStringLiteral("GCS")}};
        const AuditRun run = audit(sim, settings, {});
        QCOMPARE(outcomes(run, CheckOutcome::Error), QStringList());
        QCOMPARE(outcomes(run, CheckOutcome::Fail), ids({"RAY-1.1", "RAY-2.1", "RAY-4.1", "RAY-5.1",
                                                         "RAY-7.1", "RAY-8.1", "RAY-9.1"}));
        QCOMPARE(writesIn(sim.requestLogFile()), QString());
    }

    void hardenedScenario()
    {
        const QByteArray token(64, 'c');
        test::SimProcess sim;
        QString error;
        QVERIFY2(sim.start({true,
                            QStringLiteral("valid"),
                            token,
                            {},
                            QStringLiteral("hardened-2.60"),
                            {QStringLiteral("--tick-ms"), QStringLiteral("0")}},
                           &error),
                 qPrintable(error));
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db);
        QVERIFY(QuotaRepository::migrate(*db));
        QuotaConfig quotas;
        QuotaPolicy teamA;
        teamA.name = QStringLiteral("team-a");
        teamA.hard.cpu = 16;
        quotas.policies.append(teamA);
        QVERIFY(QuotaRepository(*db).save(quotas));
        ProbeSettings settings;
        settings.ports = QList<PortSpec>{{test::closedPort(), QStringLiteral("GCS")}};
        AuditRunner::prepare(settings, *m_catalog, &*db);
        const AuditRun run = audit(sim, settings, token);
        QCOMPARE(outcomes(run, CheckOutcome::Error), QStringList());
        // Ray has no rate limiting of its own; only a gateway in front adds it. The simulator's
        // leaf certificate lives 30 days, inside the 30-day renewal warning.
        QCOMPARE(outcomes(run, CheckOutcome::Fail), ids({"RAY-7.4", "RAY-9.1"}));
        QVERIFY(run.result(QStringLiteral("RAY-7.4"))->detail.contains(QStringLiteral("30 days")));
        QCOMPARE(run.rayVersion, QStringLiteral("2.60.0"));
        QCOMPARE(writesIn(sim.requestLogFile()), QString());
    }

    void cliFailsOnSeverityAndHonoursSuppressions()
    {
        test::ScopedDataDir data;
        test::SimProcess sim;
        QString error;
        QVERIFY2(sim.start({false,
                            {},
                            std::nullopt,
                            {},
                            QStringLiteral("token-off-2.52"),
                            {QStringLiteral("--tick-ms"), QStringLiteral("0")}},
                           &error),
                 qPrintable(error));
        QCOMPARE(
            test::runCli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("lab"),
                          QStringLiteral("--url"), sim.url().toString()}),
            0);
        const QString port = QString::number(test::closedPort());
        const QStringList scan{QStringLiteral("audit"),
                               QStringLiteral("--profile"),
                               QStringLiteral("lab"),
                               QStringLiteral("--ports"),
                               port,
                               QStringLiteral("--fail-on"),
                               QStringLiteral("critical"),
                               QStringLiteral("--format"),
                               QStringLiteral("sarif")};
        QByteArray out;
        QCOMPARE(test::runCli(scan, &out), 3);
        const auto sarif = nlohmann::json::parse(out.toStdString(), nullptr, false);
        QVERIFY(!sarif.is_discarded());
        QCOMPARE(sarif["runs"][0]["results"].size(), std::size_t(7));
        for (const char* check : {"RAY-1.1", "RAY-5.1"}) {
            QCOMPARE(
                test::runCli({QStringLiteral("audit"), QStringLiteral("suppress"),
                              QStringLiteral("--profile"), QStringLiteral("lab"),
                              QStringLiteral("--check"), QString::fromLatin1(check),
                              QStringLiteral("--reason"), QStringLiteral("isolated lab network"),
                              QStringLiteral("--until"),
                              QDate::currentDate().addDays(30).toString(Qt::ISODate)}),
                0);
        }
        QCOMPARE(test::runCli(scan), 0);
        QCOMPARE(test::runCli(QStringList(scan).replaceInStrings(QStringLiteral("critical"),
                                                                 QStringLiteral("high"))),
                 3);
        QCOMPARE(writesIn(sim.requestLogFile()), QString());
    }
};

QTEST_GUILESS_MAIN(TstAuditSim)
#include "tst_auditsim.moc"
