// The console and the gateway together: raysec-cli issues a key, adds a dashboard user and sets
// a team's hard quota in its own store (signing key in the real keychain), exports the key
// registry and signs the gateway's bundles, and a real raysec-gateway runs on exactly those
// files in front of raysec-sim.

#include "GatewayFixture.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace raysec::test;

namespace {

QByteArray cpuHardLimit(const QByteArray& metrics)
{
    const QByteArray name = "raysec_gateway_quota_hard_limit{team=\"ml\",resource=\"CPU\"} ";
    const qsizetype at = metrics.indexOf(name);
    if (at < 0) {
        return {};
    }
    const qsizetype start = at + name.size();
    return metrics.mid(start, metrics.indexOf('\n', start) - start);
}

const QByteArray submission = "{\"entrypoint\": \"python train.py\", \"entrypoint_num_cpus\": 1}";

int setHardCpu(const QString& cpus)
{
    return runCli({QStringLiteral("quotas"), QStringLiteral("set"), QStringLiteral("team"),
                   QStringLiteral("ml"), QStringLiteral("--hard"),
                   QStringLiteral("CPU=%1,jobs=3").arg(cpus)});
}

int signBundles(const QString& folder, bool replace)
{
    QStringList args = {QStringLiteral("gateway"), QStringLiteral("bundles"),
                        QStringLiteral("--out"), folder};
    if (replace) {
        args << QStringLiteral("--replace");
    }
    return runCli(args);
}

} // namespace

class TestGatewayConsoleBundles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(secretServiceAvailable(),
                 "no Secret Service: start a D-Bus bus with an unlocked keyring (scripts/test.sh)");
    }

    void init() { failOnWarnings(); }

    void gatewayEnforcesWhatTheConsoleSigned()
    {

        ScopedDataDir data;
        QByteArray out, err;
        QCOMPARE(runCli({QStringLiteral("keys"), QStringLiteral("issue"), QStringLiteral("--owner"),
                         QStringLiteral("ada"), QStringLiteral("--team"), QStringLiteral("ml"),
                         QStringLiteral("--scopes"),
                         QStringLiteral("cluster:read,jobs:read,jobs:submit"),
                         QStringLiteral("--days"), QStringLiteral("30"), QStringLiteral("--json")},
                        &out, &err),
                 0);
        const QByteArray key = QJsonDocument::fromJson(out)
                                   .object()
                                   .value(QStringLiteral("secret"))
                                   .toString()
                                   .toLatin1();
        QVERIFY2(!key.isEmpty(), err.constData());
        const QByteArray keyId = QJsonDocument::fromJson(out)
                                     .object()
                                     .value(QStringLiteral("key"))
                                     .toObject()
                                     .value(QStringLiteral("id"))
                                     .toString()
                                     .toLatin1();
        QVERIFY(!keyId.isEmpty());
        QCOMPARE(setHardCpu(QStringLiteral("12")), 0);
        const QString password = data.filePath(QStringLiteral("password.txt"));
        QVERIFY(writeFile(password, "correct horse battery staple 42\n"));
        QCOMPARE(runCli({QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("alice"),
                         QStringLiteral("--role"), QStringLiteral("operator"),
                         QStringLiteral("--password-file"), password},
                        nullptr, &err),
                 0);
        QTemporaryDir console;
        QCOMPARE(runCli({QStringLiteral("keys"), QStringLiteral("export"), QStringLiteral("--out"),
                         console.path()}),
                 0);
        QCOMPARE(signBundles(console.path(), false), 0);

        GatewayFixture fx;
        fx.useConsoleBundles(console.path());
        QString error;
        QVERIFY2(fx.start(&error), qPrintable(error));
        // On failure, what the gateway said and reported.
        const auto explain = qScopeGuard([&fx] {
            if (QTest::currentTestFailed()) {
                qInfo("gateway log:\n%s\nmetrics:\n%s", fx.gatewayLog().constData(),
                      fx.adminMetrics().constData());
            }
        });
        const QByteArray log = fx.gatewayLog();
        QVERIFY2(log.contains("loaded key registry") && log.contains("loaded user store") &&
                     log.contains("loaded policy"),
                 log.constData());

        // The console's key, with its scopes.
        QCOMPARE(fx.get(QStringLiteral("/api/version"), key).status, 200);
        QCOMPARE(fx.get(QStringLiteral("/api/jobs/"), key).status, 200);
        // The console's job policy: a downloader in the entrypoint is refused.
        QCOMPARE(
            fx.post(QStringLiteral("/api/jobs/"), "{\"entrypoint\": \"curl http://x | sh\"}", key)
                .status,
            422);
        // The console's user, with the password set there.
        const auto wrong = fx.post(QStringLiteral("/-/raysec/login"), "user=alice&password=wrong",
                                   {}, {}, "application/x-www-form-urlencoded");
        QCOMPARE(wrong.status, 401);
        const auto login = fx.post(QStringLiteral("/-/raysec/login"),
                                   "user=alice&password=correct+horse+battery+staple+42", {}, {},
                                   "application/x-www-form-urlencoded");
        QCOMPARE(login.status, 303);
        const QByteArray cookie = login.header("Set-Cookie").split(';').first();
        QCOMPARE(fx.get(QStringLiteral("/api/jobs/"), {}, cookie).status, 200);
        // The console's quota policy: once the first usage report is in, a job within the
        // team's limits goes to Ray stamped with the key's team, and the team's usage and hard
        // limit are reported.
        // Submitted once the gateway has read the usage (each try is a real submission, so
        // QTRY, which evaluates its condition more than once, is not used).
        GatewayFixture::Reply submitted;
        for (QDeadlineTimer deadline(15000); !deadline.hasExpired(); QTest::qWait(200)) {
            submitted = fx.post(QStringLiteral("/api/jobs/"), submission, key);
            if (submitted.status != 403 || !submitted.body.contains("has not read")) {
                break;
            }
        }
        QVERIFY2(submitted.status == 200, submitted.body.constData());
        const auto big =
            fx.post(QStringLiteral("/api/jobs/"),
                    "{\"entrypoint\": \"python big.py\", \"entrypoint_num_cpus\": 13}", key);
        QCOMPARE(big.status, 403);
        QVERIFY2(big.body.contains("quota"), big.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(cpuHardLimit(fx.adminMetrics()), QByteArray("12"), 10000);
        // Ray's own error answers are not the gateway's refusals.
        QCOMPARE(fx.get(QStringLiteral("/api/jobs/raysubmit_none"), key).status, 404);
        // Refusals are counted against the key and the route they were for.
        const QByteArray metrics = fx.adminMetrics();
        QVERIFY(metrics.contains("raysec_gateway_requests_total{route=\"jobs-read\",key=\"" +
                                 keyId + "\",status=\"404\"} 1"));
        QVERIFY(!metrics.contains("reason=\"allowed\""));
        for (const char* status : {"200", "403", "422"}) {
            const QByteArray series = "raysec_gateway_requests_total{route=\"jobs-submit\",key=\"" +
                                      keyId + "\",status=\"" + status + "\"}";
            QVERIFY2(metrics.contains(series), series.constData());
        }

        // A policy changed after signing is refused on reload; the last good one stays.
        QFile policy(fx.dir(QStringLiteral("policy.json")));
        QVERIFY(policy.open(QIODevice::ReadWrite));
        QByteArray text = policy.readAll();
        const qsizetype at = text.indexOf("\"CPU\": 12");
        QVERIFY2(at > 0, text.constData());
        text.replace(at, 9, "\"CPU\": 99");
        policy.resize(0);
        policy.write(text);
        policy.close();
        QVERIFY(fx.reload());
        QTRY_VERIFY_WITH_TIMEOUT(fx.gatewayLog().contains("refused policy"), 10000);
        QCOMPARE(cpuHardLimit(fx.adminMetrics()), QByteArray("12"));

        // A new limit set and signed in the console takes effect on the next reload.
        QCOMPARE(setHardCpu(QStringLiteral("16")), 0);
        QCOMPARE(signBundles(console.path(), true), 0);
        QVERIFY2(fx.copyConsoleBundles(&error), qPrintable(error));
        QVERIFY(fx.reload());
        QTRY_COMPARE_WITH_TIMEOUT(cpuHardLimit(fx.adminMetrics()), QByteArray("16"), 10000);
        QCOMPARE(fx.get(QStringLiteral("/api/version"), key).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestGatewayConsoleBundles)
#include "tst_gateway_consolebundles.moc"
