#include "GatewayFixture.h"
#include "support/TestMain.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace raysec::test;

namespace {

QJsonObject errorObject(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
}

// The status code and body of a raw HTTP answer.
std::pair<int, QByteArray> splitAnswer(const QByteArray& answer)
{
    const qsizetype headerEnd = answer.indexOf("\r\n\r\n");
    const QList<QByteArray> statusLine = answer.left(answer.indexOf("\r\n")).split(' ');
    const int status = statusLine.size() >= 2 ? statusLine[1].toInt() : 0;
    return {status, headerEnd < 0 ? QByteArray() : answer.mid(headerEnd + 4)};
}

// How many requests for a log tail raysec-sim has logged.
qsizetype tailRequests(const QByteArray& requestLog)
{
    return requestLog.count("/logs/tail\"");
}

// Opens a WebSocket to a job's log tail through the gateway, with `key` if there is one.
void openTail(QWebSocket& socket, const GatewayFixture& fx, const QString& id,
              const QByteArray& key)
{
    socket.setSslConfiguration(fx.clientTls());
    QUrl url = fx.urlFor(QStringLiteral("/api/jobs/%1/logs/tail").arg(id));
    url.setScheme(QStringLiteral("wss"));
    QNetworkRequest request(url);
    if (!key.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + key);
    }
    socket.open(request);
}

// The audit log's last tunnel-closed event, once the writer has written it.
QJsonObject lastTunnelClosed(const GatewayFixture& fx)
{
    QJsonObject found;
    QFile audit(fx.dir(QStringLiteral("audit.jsonl")));
    if (!audit.open(QIODevice::ReadOnly)) {
        return found;
    }
    for (const QByteArray& line : audit.readAll().split('\n')) {
        const QJsonObject event =
            QJsonDocument::fromJson(line).object().value(QStringLiteral("event")).toObject();
        if (event.value(QStringLiteral("type")).toString() == QLatin1String("tunnel-closed")) {
            found = event;
        }
    }
    return found;
}

} // namespace

// raysec-gateway's traffic with Ray beyond one request and one answer: a job's log tail as a
// WebSocket through the gateway to raysec-sim, and a Ray dashboard too slow to answer.
class TestGatewayUpstream : public QObject
{
    Q_OBJECT

private:
    GatewayFixture m_fx;
    QByteArray m_tailer, m_jobsOnly;

    // A job of the submission type that is still running, as listed through the gateway.
    QString runningJob() { return runningJob(m_fx, m_tailer); }
    static QString runningJob(GatewayFixture& fx, const QByteArray& key)
    {
        const auto jobs = fx.get(QStringLiteral("/api/jobs/"), key);
        for (const QJsonValue& job : QJsonDocument::fromJson(jobs.body).array()) {
            const QJsonObject detail = job.toObject();
            if (detail.value(QStringLiteral("type")).toString() == QLatin1String("SUBMISSION") &&
                detail.value(QStringLiteral("status")).toString() == QLatin1String("RUNNING")) {
                return detail.value(QStringLiteral("submission_id")).toString();
            }
        }
        return {};
    }

    QByteArray jobLogs(const QString& id)
    {
        const auto reply = m_fx.get(QStringLiteral("/api/jobs/%1/logs").arg(id), m_tailer);
        return QJsonDocument::fromJson(reply.body)
            .object()
            .value(QStringLiteral("logs"))
            .toString()
            .toUtf8();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_tailer = m_fx.addKey(QStringLiteral("tailer"), QStringLiteral("ml"),
                               {QStringLiteral("logs:read"), QStringLiteral("jobs:read"),
                                QStringLiteral("jobs:stop")});
        m_jobsOnly = m_fx.addKey(QStringLiteral("lister"), QStringLiteral("ml"),
                                 {QStringLiteral("jobs:read")});
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(error));
    }

    void init() { failOnWarnings(); }

    void logTailStreamsThroughTheGateway()
    {
        QString id;
        QTRY_VERIFY_WITH_TIMEOUT(!(id = runningJob()).isEmpty(), 20000);
        const QByteArray logsBefore = jobLogs(id);
        QVERIFY(!logsBefore.isEmpty());

        QWebSocket socket;
        QStringList frames;
        connect(&socket, &QWebSocket::textMessageReceived, this,
                [&frames](const QString& frame) { frames.append(frame); });
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        openTail(socket, m_fx, id, m_tailer);
        QVERIFY2(connected.wait(10000), qPrintable(socket.errorString()));

        // First what the job has logged so far, then the line its stop adds, then a normal
        // close once the job has ended.
        QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), 10000);
        QVERIFY2(frames.first().toUtf8().startsWith(logsBefore), qPrintable(frames.first()));
        const auto stop = m_fx.post(QStringLiteral("/api/jobs/%1/stop").arg(id), {}, m_tailer);
        QCOMPARE(stop.status, 200);
        const bool stopped =
            QJsonDocument::fromJson(stop.body).object().value(QStringLiteral("stopped")).toBool();
        QVERIFY(disconnected.count() > 0 || disconnected.wait(10000));
        QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodeNormal);
        if (stopped) {
            QCOMPARE(frames.last(), QStringLiteral("Received SIGTERM, stopping.\n"));
        }
        QCOMPARE(frames.join(QString()).toUtf8(), jobLogs(id));

        // The tunnel's end is audited: Ray closed it, and the log's bytes came from Ray.
        QJsonObject closed;
        QTRY_VERIFY_WITH_TIMEOUT(!(closed = lastTunnelClosed(m_fx)).isEmpty(), 5000);
        QCOMPARE(closed.value(QStringLiteral("ended")).toString(), QStringLiteral("closed"));
        QVERIFY(closed.value(QStringLiteral("bytesFromRay")).toDouble() >=
                double(frames.join(QString()).toUtf8().size()));
        QVERIFY(!closed.value(QStringLiteral("key")).toString().isEmpty());

        // The upgrade reached raysec-sim, which switched protocols.
        const QByteArray simLog = m_fx.upstreamRequestLog();
        QVERIFY(simLog.contains("/api/jobs/" + id.toUtf8() + "/logs/tail\""));
        QVERIFY(simLog.contains("\"status\":101"));
    }

    void logTailUpgradeNeedsTheScope_data()
    {
        QTest::addColumn<QByteArray>("which");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("no key") << QByteArray() << 401 << QStringLiteral("credentials-missing");
        QTest::newRow("jobs:read only")
            << QByteArray("jobs-only") << 403 << QStringLiteral("forbidden");
    }

    void logTailUpgradeNeedsTheScope()
    {
        QFETCH(QByteArray, which);
        QFETCH(int, status);
        QFETCH(QString, code);
        QString id;
        QTRY_VERIFY_WITH_TIMEOUT(!(id = runningJob()).isEmpty(), 20000);
        const qsizetype tailsBefore = tailRequests(m_fx.upstreamRequestLog());

        // Written by hand so that the test sees the gateway's status line and JSON body, which
        // QWebSocket reports only as an error text.
        QByteArray upgrade = "GET /api/jobs/" + id.toUtf8() +
                             "/logs/tail HTTP/1.1\r\n"
                             "Host: 127.0.0.1\r\n"
                             "Connection: Upgrade, close\r\n"
                             "Upgrade: websocket\r\n"
                             "Sec-WebSocket-Version: 13\r\n"
                             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        if (which == "jobs-only") {
            upgrade += "Authorization: Bearer " + m_jobsOnly + "\r\n";
        }
        upgrade += "\r\n";
        bool closed = false;
        const auto [answered, body] = splitAnswer(m_fx.rawExchange(upgrade, 5000, &closed));
        QCOMPARE(answered, status);
        QCOMPARE(errorObject(body).value(QStringLiteral("code")).toString(), code);

        // A real client is refused the same way and never receives a frame.
        QWebSocket socket;
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy failed(&socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
        openTail(socket, m_fx, id, which == "jobs-only" ? m_jobsOnly : QByteArray());
        QVERIFY(failed.wait(10000));
        QCOMPARE(connected.count(), 0);
        QVERIFY2(socket.errorString().contains(QString::number(status)),
                 qPrintable(socket.errorString()));

        // Neither upgrade went past the gateway.
        QCOMPARE(tailRequests(m_fx.upstreamRequestLog()), tailsBefore);
    }

    void quietTunnelIsClosedAfterItsIdleLimit()
    {
        // Tunnels idle for 2 s are closed; the client's timeout (3 s) does not apply to them.
        GatewayFixture quiet;
        const QByteArray tailer =
            quiet.addKey(QStringLiteral("tailer"), QStringLiteral("ml"),
                         {QStringLiteral("logs:read"), QStringLiteral("jobs:read")});
        quiet.setTunnelIdle(2);
        // A frozen cluster: the job neither ends nor logs, so only the gateway closes the tail.
        quiet.setSimArguments({QStringLiteral("--tick-ms"), QStringLiteral("0")});
        QString error;
        QVERIFY2(quiet.start(&error), qPrintable(error));
        QString id;
        QTRY_VERIFY_WITH_TIMEOUT(!(id = runningJob(quiet, tailer)).isEmpty(), 20000);

        QWebSocket socket;
        int frames = 0;
        connect(&socket, &QWebSocket::textMessageReceived, this, [&frames] { ++frames; });
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        QSignalSpy pongs(&socket, &QWebSocket::pong);
        openTail(socket, quiet, id, tailer);
        QVERIFY2(connected.wait(10000), qPrintable(socket.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(frames > 0, 10000);

        // Pings every 0.5 s for 4 s (past both limits): traffic keeps the tunnel open, and
        // raysec-sim's pongs come back through it.
        QElapsedTimer sinceLastPing;
        for (int i = 0; i < 8; ++i) {
            socket.ping();
            sinceLastPing.start();
            QTest::qWait(500);
            QCOMPARE(disconnected.count(), 0);
        }
        QVERIFY(pongs.count() >= 6);

        // Then silence: the gateway closes the tunnel about 2 s after the last traffic, the
        // last ping and its pong (not 2 s after this wait starts, half a second later).
        QVERIFY(disconnected.wait(6000));
        const qint64 elapsed = sinceLastPing.elapsed();
        QVERIFY2(elapsed >= 1500 && elapsed < 5000, qPrintable(QString::number(elapsed)));
        QJsonObject closed;
        QTRY_VERIFY_WITH_TIMEOUT(!(closed = lastTunnelClosed(quiet)).isEmpty(), 5000);
        QCOMPARE(closed.value(QStringLiteral("ended")).toString(), QStringLiteral("idle"));
        QVERIFY(closed.value(QStringLiteral("seconds")).toDouble() >= 5.5);
        // The pings went one way and their pongs the other.
        QVERIFY(closed.value(QStringLiteral("bytesFromClient")).toDouble() >= 8 * 6);
        QVERIFY(closed.value(QStringLiteral("bytesFromRay")).toDouble() >= 6 * 2);
        QCOMPARE(runningJob(quiet, tailer), id);
    }

    void slowUpstreamIs504AndTheGatewayRecovers()
    {
        // Ray answers after 3 s, the gateway waits 1 s.
        GatewayFixture slow;
        const QByteArray reader = slow.addKey(QStringLiteral("reader"), QStringLiteral("ml"),
                                              {QStringLiteral("cluster:read")});
        slow.setUpstreamTimeout(1);
        slow.setSimArguments({QStringLiteral("--latency-ms"), QStringLiteral("3000")});
        QString error;
        QVERIFY2(slow.start(&error), qPrintable(error));

        for (int attempt = 0; attempt < 2; ++attempt) {
            QElapsedTimer timer;
            timer.start();
            const auto reply = slow.get(QStringLiteral("/api/version"), reader);
            const qint64 elapsed = timer.elapsed();
            QCOMPARE(reply.status, 504);
            QVERIFY(reply.header("Content-Type").startsWith("application/json"));
            const QJsonObject answer = errorObject(reply.body);
            QCOMPARE(answer.value(QStringLiteral("code")).toString(),
                     QStringLiteral("upstream-timeout"));
            QCOMPARE(answer.value(QStringLiteral("status")).toInt(), 504);
            QVERIFY(!answer.value(QStringLiteral("message")).toString().isEmpty());
            // The gateway's own timeout decided, not the simulator's delay.
            QVERIFY2(elapsed >= 900 && elapsed < 2800, qPrintable(QString::number(elapsed)));
        }

        // Both are counted as the gateway's refusals for that reason.
        QVERIFY(slow.adminMetrics().contains(
            "raysec_gateway_decisions_total{reason=\"upstream-timeout\"} 2"));

        // Ray is quick again: the same gateway answers from it.
        QVERIFY2(slow.restartUpstream({}, &error), qPrintable(error));
        const auto recovered = slow.get(QStringLiteral("/api/version"), reader);
        QCOMPARE(recovered.status, 200);
        QVERIFY(recovered.body.contains("ray_version"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayUpstream)
#include "tst_gateway_upstream.moc"
