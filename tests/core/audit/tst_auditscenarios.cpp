#include "ScenarioServer.h"
#include "core/audit/AuditRunner.h"
#include "core/audit/PassiveGuard.h"
#include "core/audit/QtProbeTransport.h"
#include "core/quotas/QuotaRepository.h"
#include "core/store/Database.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace raysec;

namespace {

bool openssl(const QStringList& args, const QString& dir)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("openssl"), args);
    return p.waitForFinished(60000) && p.exitCode() == 0;
}

// A CA and a 2048-bit RSA leaf for 127.0.0.1/localhost, made with the openssl tool.
bool makePki(const QString& dir)
{
    const QString ext = dir + QStringLiteral("/ext.cnf");
    QFile f(ext);
    if (!f.open(QIODevice::WriteOnly)) {
        return false;
    }
    f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
    f.close();
    const auto s = [](const char* t) { return QString::fromLatin1(t); };
    return openssl({s("req"), s("-x509"), s("-newkey"), s("rsa:2048"), s("-nodes"), s("-keyout"),
                    s("ca.key"), s("-out"), s("ca.crt"), s("-days"), s("3650"), s("-subj"),
                    s("/CN=Test Ray CA")},
                   dir) &&
           openssl({s("req"), s("-newkey"), s("rsa:2048"), s("-nodes"), s("-keyout"), s("tls.key"),
                    s("-out"), s("tls.csr"), s("-subj"), s("/CN=127.0.0.1")},
                   dir) &&
           openssl({s("x509"), s("-req"), s("-in"), s("tls.csr"), s("-CA"), s("ca.crt"),
                    s("-CAkey"), s("ca.key"), s("-CAcreateserial"), s("-out"), s("tls.crt"),
                    s("-days"), s("365"), s("-extfile"), ext},
                   dir);
}

QStringList failing(const AuditRun& run)
{
    QStringList ids;
    for (const CheckResult& r : run.results) {
        if (r.outcome == CheckOutcome::Fail) {
            ids.append(r.checkId);
        }
    }
    ids.sort();
    return ids;
}

QStringList undecided(const AuditRun& run)
{
    QStringList ids;
    for (const CheckResult& r : run.results) {
        if (r.outcome == CheckOutcome::Error) {
            ids.append(r.checkId + QStringLiteral(": ") + r.detail);
        }
    }
    return ids;
}

// Records calls instead of sending them, to show what the guard lets through.
class RecordingTransport : public ProbeTransport
{
public:
    QStringList calls;
    QUrl baseUrl() const override { return QUrl(QStringLiteral("http://10.0.0.5:8265")); }
    HttpExchange fetch(const QByteArray& method, const QString& path, bool) override
    {
        calls.append(QString::fromLatin1(method) + QLatin1Char(' ') + path);
        return HttpExchange{200, {}, {}, {}};
    }
    bool tcpConnect(const QString& host, quint16 port, int) override
    {
        calls.append(QStringLiteral("TCP %1:%2").arg(host).arg(port));
        return false;
    }
    TlsSnapshot inspectTls() override { return {}; }
};

} // namespace

class TstAuditScenarios : public QObject
{
    Q_OBJECT

    std::optional<CheckCatalog> m_catalog;
    std::optional<AdvisoryDatabase> m_advisories;
    QTemporaryDir m_pki;
    QString m_tokenFile;
    std::shared_ptr<const SecretBuffer> m_token;

    AuditRun audit(const ClusterProfile& profile, ProbeSettings settings, bool withToken)
    {
        const std::atomic<bool> cancelled = false;
        QtProbeTransport transport(profile, withToken ? m_token : nullptr, cancelled);
        return AuditRunner::run(*m_catalog, *m_advisories, transport, std::move(settings),
                                cancelled, {});
    }

    void verifyOnlyReads(const test::ScenarioServer& server)
    {
        const QStringList log = server.requestLog();
        QVERIFY(!log.isEmpty());
        for (const QString& line : log) {
            QVERIFY2(line.startsWith(QLatin1String("GET ")) ||
                         line.startsWith(QLatin1String("HEAD ")),
                     qPrintable(line));
        }
    }

    ClusterProfile profile(const QString& url)
    {
        ClusterProfile p;
        p.name = QStringLiteral("lab");
        p.dashboardUrl = QUrl(url);
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_catalog.emplace(*CheckCatalog::builtIn());
        m_advisories.emplace(*AdvisoryDatabase::builtIn());
        QVERIFY(makePki(m_pki.path()));
        const QByteArray token(64, 'a');
        m_tokenFile = m_pki.filePath(QStringLiteral("token"));
        QFile f(m_tokenFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(token);
        f.close();
        m_token = std::make_shared<const SecretBuffer>(token.constData(), std::size_t(64));
    }

    void init() { test::failOnWarnings(); }

    void openClusterYieldsItsFindings()
    {
        test::ScenarioServer server(QStringLiteral("open-2.6.3"), {}, 2);
        QVERIFY(server.port() != 0);
        ProbeSettings settings;
        settings.profile = QStringLiteral("lab");
        settings.ports = QList<PortSpec>{{server.openPorts().at(0), QStringLiteral("GCS")},
                                         {server.openPorts().at(1), QStringLiteral("Ray Client")},
                                         {test::closedPort(), QStringLiteral("metrics")}};
        const AuditRun run = audit(
            profile(QStringLiteral("http://127.0.0.1:%1").arg(server.port())), settings, false);
        QCOMPARE(undecided(run), QStringList());
        QCOMPARE(failing(run), (QStringList{QStringLiteral("RAY-1.1"), QStringLiteral("RAY-2.1"),
                                            QStringLiteral("RAY-3.1"), QStringLiteral("RAY-3.2"),
                                            QStringLiteral("RAY-4.1"), QStringLiteral("RAY-5.1"),
                                            QStringLiteral("RAY-5.2"), QStringLiteral("RAY-7.1"),
                                            QStringLiteral("RAY-8.1"), QStringLiteral("RAY-9.1")}));
        QCOMPARE(run.rayVersion, QStringLiteral("2.6.3"));
        QCOMPARE(run.result(QStringLiteral("RAY-7.3"))->outcome, CheckOutcome::NotApplicable);
        const CheckResult* jobs = run.result(QStringLiteral("RAY-3.1"));
        QVERIFY(jobs->detail.contains(QStringLiteral("raysubmit_bad<script>")));
        QVERIFY(!jobs->detail.contains(QStringLiteral("raysubmit_good")));
        verifyOnlyReads(server);
    }

    void tokenOffClusterYieldsItsFindings()
    {
        test::ScenarioServer server(QStringLiteral("token-off-2.52"), {});
        ProbeSettings settings;
        settings.ports = QList<PortSpec>{{test::closedPort(), QStringLiteral("GCS")}};
        const AuditRun run = audit(
            profile(QStringLiteral("http://127.0.0.1:%1").arg(server.port())), settings, false);
        QCOMPARE(undecided(run), QStringList());
        QCOMPARE(failing(run), (QStringList{QStringLiteral("RAY-1.1"), QStringLiteral("RAY-2.1"),
                                            QStringLiteral("RAY-4.1"), QStringLiteral("RAY-5.1"),
                                            QStringLiteral("RAY-7.1"), QStringLiteral("RAY-8.1"),
                                            QStringLiteral("RAY-9.1")}));
        QVERIFY(run.result(QStringLiteral("RAY-5.1"))
                    ->detail.contains(QStringLiteral("CVE-2025-34351")));
        QVERIFY(run.result(QStringLiteral("RAY-4.1"))->detail.contains(QStringLiteral("DELETE")));
        verifyOnlyReads(server);
    }

    void hardenedClusterPassesEveryCheck()
    {
        test::ScenarioServer server(
            QStringLiteral("hardened-2.60"),
            {QStringLiteral("--cert"), m_pki.filePath(QStringLiteral("tls.crt")),
             QStringLiteral("--key"), m_pki.filePath(QStringLiteral("tls.key")),
             QStringLiteral("--token-file"), m_tokenFile});
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
        ClusterProfile p = profile(QStringLiteral("https://127.0.0.1:%1").arg(server.port()));
        p.trust = TrustMode::CaBundle;
        p.caBundlePath = m_pki.filePath(QStringLiteral("ca.crt"));
        const AuditRun run = audit(p, settings, true);
        QCOMPARE(undecided(run), QStringList());
        QCOMPARE(failing(run), QStringList());
        QCOMPARE(run.results.size(), m_catalog->checks().size());
        QCOMPARE(run.rayVersion, QStringLiteral("2.60.0"));
        for (const CheckResult& r : run.results) {
            for (const Evidence& e : r.evidence) {
                QVERIFY(!e.excerpt.contains(QString(64, QLatin1Char('a'))));
            }
        }
        verifyOnlyReads(server);
    }

    void untrustedCertificateFailsAndSendsNoToken()
    {
        test::ScenarioServer server(
            QStringLiteral("hardened-2.60"),
            {QStringLiteral("--cert"), m_pki.filePath(QStringLiteral("tls.crt")),
             QStringLiteral("--key"), m_pki.filePath(QStringLiteral("tls.key")),
             QStringLiteral("--token-file"), m_tokenFile});
        ProbeSettings settings;
        settings.ports = QList<PortSpec>{{test::closedPort(), QStringLiteral("GCS")}};
        // System trust does not know the test CA.
        const AuditRun run = audit(
            profile(QStringLiteral("https://127.0.0.1:%1").arg(server.port())), settings, true);
        QCOMPARE(run.result(QStringLiteral("RAY-7.3"))->outcome, CheckOutcome::Fail);
        QCOMPARE(run.result(QStringLiteral("RAY-5.1"))->outcome, CheckOutcome::Error);
        QVERIFY(
            !server.requestLog().join(QLatin1Char('\n')).contains(QLatin1String("/api/version")));
    }

    void guardRefusesWritesAndOtherHosts()
    {
        RecordingTransport inner;
        PassiveGuard guard(inner, 3);
        for (const char* method : {"POST", "PUT", "DELETE", "PATCH"}) {
            QVERIFY(!guard.fetch(method, QStringLiteral("/api/jobs/"), false).error.isEmpty());
        }
        QVERIFY(!guard.fetch("GET", QStringLiteral("http://evil/"), false).error.isEmpty());
        QVERIFY(!guard.tcpConnect(QStringLiteral("10.0.0.6"), 6379, 100));
        QVERIFY(guard.fetch("GET", QStringLiteral("/api/version"), false).error.isEmpty());
        QVERIFY(!guard.tcpConnect(QStringLiteral("10.0.0.5"), 6379, 100));
        guard.fetch("HEAD", QStringLiteral("/"), false);
        guard.fetch("GET", QStringLiteral("/"), false);
        QVERIFY(!guard.fetch("GET", QStringLiteral("/"), false).error.isEmpty()); // budget
        QCOMPARE(inner.calls, (QStringList{QStringLiteral("GET /api/version"),
                                           QStringLiteral("TCP 10.0.0.5:6379"),
                                           QStringLiteral("HEAD /"), QStringLiteral("GET /")}));
        QCOMPARE(guard.refusals(), 7);
    }

    void runnerReportsProgressAndCancels()
    {
        test::ScenarioServer server(QStringLiteral("token-off-2.52"), {});
        const ClusterProfile p = profile(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        ProbeSettings settings;
        settings.ports = QList<PortSpec>{{test::closedPort(), QStringLiteral("GCS")}};
        const auto factory = [p](const std::atomic<bool>& cancelled) {
            return std::make_unique<QtProbeTransport>(p, nullptr, cancelled);
        };
        AuditRunner runner(*m_catalog, *m_advisories);
        QSignalSpy progress(&runner, &AuditRunner::progressed);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        runner.start(factory, settings);
        QVERIFY(finished.wait(60000));
        QCOMPARE(progress.last().at(0).toInt(), int(m_catalog->checks().size()));
        QVERIFY(!finished.last().at(0).value<AuditRun>().cancelled);

        runner.start(factory, settings);
        runner.cancel();
        QVERIFY(finished.wait(60000));
        const AuditRun cancelled = finished.last().at(0).value<AuditRun>();
        QVERIFY(cancelled.cancelled);
        QVERIFY(cancelled.results.size() < m_catalog->checks().size());
    }
};

QTEST_GUILESS_MAIN(TstAuditScenarios)
#include "tst_auditscenarios.moc"
