// raysec-sim's job log tail over real TLS: a WebSocket that sends the job's log in text frames
// and closes normally when the job ends, and the HTTP refusals Ray gives before the upgrade.

#include "SimHttp.h"
#include "support/SimProcess.h"
#include "support/TestMain.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTest>
#include <QWebSocket>

using raysec::test::SimAnswer;
using raysec::test::SimHttp;
using raysec::test::SimProcess;

namespace {

const QByteArray kToken = "tail-test-token-5e21b8";

} // namespace

class TestSimulatorLogTail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { raysec::test::failOnWarnings(); }

    void tailSendsTheLogAndClosesWhenTheJobEnds();
    void refusalsComeBeforeTheUpgrade_data();
    void refusalsComeBeforeTheUpgrade();

private:
    // The first job of this type and status in the listing ({} for any status).
    QString findJob(const QString& type, const QString& status = {});
    // Sends raw bytes over TLS; returns what came back until the connection closed or the
    // header of a 101 had arrived.
    QByteArray exchange(const QByteArray& bytes);

    SimProcess m_sim;
    std::unique_ptr<SimHttp> m_http;
};

void TestSimulatorLogTail::initTestCase()
{
    SimProcess::Options options;
    options.token = kToken;
    options.extraArgs = {QStringLiteral("--tick-ms"), QStringLiteral("300")};
    QString error;
    QVERIFY2(m_sim.start(options, &error), qPrintable(error));
    m_http = std::make_unique<SimHttp>(m_sim);
}

QString TestSimulatorLogTail::findJob(const QString& type, const QString& status)
{
    const SimAnswer jobs = m_http->get(QStringLiteral("/api/jobs/"), SimHttp::bearer(kToken));
    for (const QJsonValue& job : jobs.json().array()) {
        const QJsonObject detail = job.toObject();
        if (detail.value(QStringLiteral("type")).toString() == type &&
            (status.isEmpty() || detail.value(QStringLiteral("status")).toString() == status)) {
            const QString key = type == QLatin1String("DRIVER") ? QStringLiteral("job_id")
                                                                : QStringLiteral("submission_id");
            return detail.value(key).toString();
        }
    }
    return {};
}

QByteArray TestSimulatorLogTail::exchange(const QByteArray& bytes)
{
    QSslSocket socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_sim.caFile()));
    socket.setSslConfiguration(tls);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_sim.port());
    if (!socket.waitForEncrypted(5000)) {
        return "no TLS session: " + socket.errorString().toUtf8();
    }
    socket.write(bytes);
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000 && socket.state() == QAbstractSocket::ConnectedState) {
        if (answer.startsWith("HTTP/1.1 101") && answer.contains("\r\n\r\n")) {
            break;
        }
        socket.waitForReadyRead(200);
        answer += socket.readAll();
    }
    return answer + socket.readAll();
}

void TestSimulatorLogTail::tailSendsTheLogAndClosesWhenTheJobEnds()
{
    QString id;
    QTRY_VERIFY_WITH_TIMEOUT(
        !(id = findJob(QStringLiteral("SUBMISSION"), QStringLiteral("RUNNING"))).isEmpty(), 20000);

    QWebSocket socket;
    QStringList frames;
    connect(&socket, &QWebSocket::textMessageReceived, this,
            [&frames](const QString& frame) { frames.append(frame); });
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_sim.caFile()));
    socket.setSslConfiguration(tls);
    QUrl url = m_sim.url();
    url.setScheme(QStringLiteral("wss"));
    url.setPath(QStringLiteral("/api/jobs/%1/logs/tail").arg(id));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + kToken);
    socket.open(request);

    // The clock ticks every 300 ms, so the job ends within a few seconds by itself.
    QVERIFY2(disconnected.wait(15000), qPrintable(socket.errorString()));
    QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodeNormal);
    QVERIFY(!frames.isEmpty());
    for (const QString& frame : frames) {
        QVERIFY2(frame.endsWith(QLatin1Char('\n')), qPrintable(frame)); // whole lines
    }
    const SimAnswer job =
        m_http->get(QStringLiteral("/api/jobs/%1").arg(id), SimHttp::bearer(kToken));
    const QString status = job.json().object().value(QStringLiteral("status")).toString();
    QVERIFY2(status == QLatin1String("SUCCEEDED") || status == QLatin1String("FAILED"),
             qPrintable(status));
    const SimAnswer logs =
        m_http->get(QStringLiteral("/api/jobs/%1/logs").arg(id), SimHttp::bearer(kToken));
    QCOMPARE(frames.join(QString()), logs.json().object().value(QStringLiteral("logs")).toString());
}

void TestSimulatorLogTail::refusalsComeBeforeTheUpgrade_data()
{
    QTest::addColumn<QString>("job");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<bool>("upgrade");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    const QByteArray bearer = "Authorization: Bearer " + kToken + "\r\n";
    QTest::newRow("no token") << "running" << QByteArray() << true << 401
                              << QByteArray("Unauthorized: Missing authentication token");
    QTest::newRow("wrong token") << "running" << QByteArray("Authorization: Bearer nope\r\n")
                                 << true << 403
                                 << QByteArray("Forbidden: Invalid authentication token");
    QTest::newRow("unknown job") << "raysubmit_none" << bearer << true << 404
                                 << QByteArray("Job raysubmit_none does not exist");
    QTest::newRow("driver job") << "driver" << bearer << true << 400
                                << QByteArray("Can only get logs of submission type jobs");
    QTest::newRow("no upgrade") << "running" << bearer << false << 400
                                << QByteArray("No WebSocket UPGRADE hdr: None\n Can \"Upgrade\" "
                                              "only to \"WebSocket\".");
    // Ray's browser guard covers POST, PUT and DELETE only: a page's upgrade (a GET) passes.
    QTest::newRow("browser origin") << "running" << bearer + "Origin: https://evil.example\r\n"
                                    << true << 101 << QByteArray();
}

void TestSimulatorLogTail::refusalsComeBeforeTheUpgrade()
{
    QFETCH(QString, job);
    QFETCH(QByteArray, headers);
    QFETCH(bool, upgrade);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    if (job == QLatin1String("running")) {
        QTRY_VERIFY_WITH_TIMEOUT(
            !(job = findJob(QStringLiteral("SUBMISSION"), QStringLiteral("RUNNING"))).isEmpty(),
            20000);
    } else if (job == QLatin1String("driver")) {
        job = findJob(QStringLiteral("DRIVER"));
        QVERIFY(!job.isEmpty());
    }

    QByteArray request = "GET /api/jobs/" + job.toUtf8() + "/logs/tail HTTP/1.1\r\n" +
                         "Host: 127.0.0.1\r\nUser-Agent: raysec-tests/1\r\n" + headers;
    if (upgrade) {
        request += "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    } else {
        request += "Connection: close\r\n";
    }
    const QByteArray answer = exchange(request + "\r\n");
    const QByteArray statusLine = answer.left(answer.indexOf("\r\n"));
    QVERIFY2(statusLine.startsWith("HTTP/1.1 " + QByteArray::number(status) + ' '),
             answer.left(300).constData());
    if (!body.isEmpty()) {
        QCOMPARE(answer.mid(answer.indexOf("\r\n\r\n") + 4), body);
    }
}

QTEST_GUILESS_MAIN(TestSimulatorLogTail)
#include "tst_simulator_logtail.moc"
