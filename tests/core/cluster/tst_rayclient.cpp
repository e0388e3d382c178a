// RayClient over real TLS against `openssl s_server` peers, and over plain http to a loopback
// listener that records exactly what the client sends.

#include "OpenSslServer.h"
#include "TestPki.h"

#include "core/cluster/RayClient.h"
#include "core/cluster/RayParsers.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace raysec;
using raysec::test::OpenSslServer;

class TestRayClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void caBundleSuccess();
    void unknownCaCarriesFingerprintAndPin();
    void hostnameMismatch();
    void expiredCertificate();
    void pinMatchAcceptsUnknownIssuer();
    void pinMismatchRefused();
    void pinStillChecksHostname();
    void oldTlsPeerRefused();
    void bodyTooLarge();
    void connectionRefused();
    void connectTimeout();
    void cancelledCallDeliversNothing();
    void headersAndToken();
    void httpStatusErrors_data();
    void httpStatusErrors();
    void plainHttpOnlyToLoopback();

private:
    ClusterProfile profile(quint16 port, TrustMode trust) const;
    Result<QByteArray> fetch(RayClient& client, const QString& path, int timeoutMs = 20000);
    Result<QByteArray> fetchFrom(const QString& leaf, const ClusterProfile& p,
                                 const QStringList& serverArgs = {});

    test::TestPki m_pki;
    QTemporaryDir m_www;
};

namespace {

// A one-shot plain HTTP listener on 127.0.0.1: records the request head and answers `reply`,
// or stays silent when reply is empty.
class RecordingServer : public QObject
{
public:
    explicit RecordingServer(QByteArray reply)
        : m_reply(std::move(reply))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket* socket = m_server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                m_request += socket->readAll();
                if (m_request.contains("\r\n\r\n") && !m_reply.isEmpty()) {
                    socket->write(m_reply);
                    socket->disconnectFromHost();
                }
            });
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    const QByteArray& request() const { return m_request; }

private:
    QTcpServer m_server;
    QByteArray m_reply;
    QByteArray m_request;
};

QByteArray httpReply(int status, const QByteArray& reason, const QByteArray& body,
                     const QByteArray& extraHeaders = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
           "\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" +
           body;
}

} // namespace

void TestRayClient::initTestCase()
{
    QString error;
    QVERIFY2(m_pki.create(&error), qPrintable(error));

    // The document root for s_server -HTTP, whose files are whole HTTP responses: Qt waits
    // in vain for the end of -WWW's length-less HTTP/1.0 answers, so /api/version carries a
    // Content-Length. /big has none, so the size cap must stop it while it streams.
    QVERIFY(QDir(m_www.path()).mkpath(QStringLiteral("api")));
    const QByteArray version = test::readFile(
        QStringLiteral(RAYSEC_SOURCE_DIR "/tests/core/cluster/fixtures/version.json"));
    QVERIFY(!version.isEmpty());
    QFile versionFile(m_www.filePath(QStringLiteral("api/version")));
    QVERIFY(versionFile.open(QIODevice::WriteOnly));
    versionFile.write("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(version.size()) + "\r\n\r\n" + version);
    QFile big(m_www.filePath(QStringLiteral("big")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n");
    big.write(QByteArray(2 * 1024 * 1024, 'x'));
}

void TestRayClient::init()
{
    test::failOnWarnings();
}

ClusterProfile TestRayClient::profile(quint16 port, TrustMode trust) const
{
    ClusterProfile p;
    p.name = QStringLiteral("test");
    p.dashboardUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port));
    p.trust = trust;
    p.caBundlePath = m_pki.crt(QStringLiteral("ca"));
    return p;
}

Result<QByteArray> TestRayClient::fetch(RayClient& client, const QString& path, int timeoutMs)
{
    std::optional<Result<QByteArray>> outcome;
    QObject context;
    client.get(path, {}, &context, [&outcome](Result<QByteArray> r) { outcome = std::move(r); });
    const QDeadlineTimer deadline(timeoutMs);
    while (!outcome && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    if (!outcome) {
        return fail(QStringLiteral("test.no-answer"), QStringLiteral("no answer in time"));
    }
    return *outcome;
}

Result<QByteArray> TestRayClient::fetchFrom(const QString& leaf, const ClusterProfile& p,
                                            const QStringList& serverArgs)
{
    OpenSslServer server;
    QString error;
    if (!server.start(m_www.path(), m_pki.crt(leaf), m_pki.key(leaf), &error, serverArgs)) {
        return fail(QStringLiteral("test.server"), error);
    }
    ClusterProfile withPort = p;
    withPort.dashboardUrl.setPort(server.port());
    RayClient client(withPort);
    if (auto ok = client.configure(); !ok) {
        return std::unexpected(ok.error());
    }
    return fetch(client, QStringLiteral("/api/version"));
}

void TestRayClient::caBundleSuccess()
{
    auto body = fetchFrom(QStringLiteral("valid"), profile(0, TrustMode::CaBundle));
    QVERIFY2(body, qPrintable(body ? QString() : body.error().text()));
    auto version = RayParsers::parseVersion(*body);
    QVERIFY(version);
    QCOMPARE(version->rayVersion, QStringLiteral("2.52.1"));
}

void TestRayClient::unknownCaCarriesFingerprintAndPin()
{
    OpenSslServer server;
    QString error;
    QVERIFY2(server.start(m_www.path(), m_pki.crt(QStringLiteral("unknown")),
                          m_pki.key(QStringLiteral("unknown")), &error),
             qPrintable(error));
    RayClient client(profile(server.port(), TrustMode::CaBundle));
    QVERIFY(client.configure());
    QStringList untrusted;
    connect(&client, &RayClient::certificateUntrusted, this,
            [&untrusted](const QString&, const QString& fingerprint, const QString& pin) {
                untrusted = {fingerprint, pin};
            });

    auto body = fetch(client, QStringLiteral("/api/version"));
    QVERIFY(!body);
    QCOMPARE(body.error().code, QStringLiteral("tls.unknown-ca"));
    const QString fingerprint = m_pki.opensslFingerprint(QStringLiteral("unknown"));
    const QString pin = m_pki.opensslSpkiPin(QStringLiteral("unknown"));
    QCOMPARE(fingerprint.size(), 95);
    QCOMPARE(pin.size(), 44);
    QVERIFY2(body.error().message.contains(fingerprint), qPrintable(body.error().message));
    QVERIFY2(body.error().message.contains(pin), qPrintable(body.error().message));
    QCOMPARE(untrusted, QStringList({fingerprint, pin}));
}

void TestRayClient::hostnameMismatch()
{
    auto body = fetchFrom(QStringLiteral("wronghost"), profile(0, TrustMode::CaBundle));
    QVERIFY(!body);
    QCOMPARE(body.error().code, QStringLiteral("tls.hostname-mismatch"));
    QVERIFY2(body.error().message.contains(QLatin1String("other.example")),
             qPrintable(body.error().message));
}

void TestRayClient::expiredCertificate()
{
    auto body = fetchFrom(QStringLiteral("expired"), profile(0, TrustMode::CaBundle));
    QVERIFY(!body);
    QCOMPARE(body.error().code, QStringLiteral("tls.expired"));
}

void TestRayClient::pinMatchAcceptsUnknownIssuer()
{
    ClusterProfile p = profile(0, TrustMode::PinnedSpki);
    p.pinnedSpkiSha256 = m_pki.opensslSpkiPin(QStringLiteral("unknown"));
    auto body = fetchFrom(QStringLiteral("unknown"), p);
    QVERIFY2(body, qPrintable(body ? QString() : body.error().text()));
    QVERIFY(body->contains("2.52.1"));
}

void TestRayClient::pinMismatchRefused()
{
    // Even a certificate from the trusted CA is refused when its key is not the pinned one.
    ClusterProfile p = profile(0, TrustMode::PinnedSpki);
    p.pinnedSpkiSha256 = m_pki.opensslSpkiPin(QStringLiteral("unknown"));
    auto body = fetchFrom(QStringLiteral("valid"), p);
    QVERIFY(!body);
    QCOMPARE(body.error().code, QStringLiteral("tls.pin-mismatch"));
    QVERIFY(body.error().message.contains(m_pki.opensslSpkiPin(QStringLiteral("valid"))));
}

void TestRayClient::pinStillChecksHostname()
{
    ClusterProfile p = profile(0, TrustMode::PinnedSpki);
    p.pinnedSpkiSha256 = m_pki.opensslSpkiPin(QStringLiteral("wronghost"));
    auto body = fetchFrom(QStringLiteral("wronghost"), p);
    QVERIFY(!body);
    QCOMPARE(body.error().code, QStringLiteral("tls.hostname-mismatch"));
}

void TestRayClient::oldTlsPeerRefused()
{
    // Debian's OpenSSL only offers TLS 1.1 at security level 0.
    auto body = fetchFrom(QStringLiteral("valid"), profile(0, TrustMode::CaBundle),
                          {QStringLiteral("-tls1_1"), QStringLiteral("-cipher"),
                           QStringLiteral("DEFAULT@SECLEVEL=0")});
    QVERIFY(!body);
    QCOMPARE(body.error().code, QStringLiteral("tls.version"));
}

void TestRayClient::bodyTooLarge()
{
    OpenSslServer server;
    QString error;
    QVERIFY2(server.start(m_www.path(), m_pki.crt(QStringLiteral("valid")),
                          m_pki.key(QStringLiteral("valid")), &error),
             qPrintable(error));
    RayClient client(profile(server.port(), TrustMode::CaBundle));
    QVERIFY(client.configure());
    RayClientLimits limits;
    limits.maxResponseBytes = 100 * 1024;
    client.setLimits(limits);
    auto body = fetch(client, QStringLiteral("/big"));
    QVERIFY(!body);
    QCOMPARE(body.error().code, QStringLiteral("response.too-large"));
}

void TestRayClient::connectionRefused()
{
    ClusterProfile p = profile(test::freeLoopbackPort(), TrustMode::CaBundle);
    RayClient client(p);
    QVERIFY(client.configure());
    auto body = fetch(client, QStringLiteral("/api/version"));
    QVERIFY(!body);
    QCOMPARE(body.error().code, QStringLiteral("net.refused"));
}

void TestRayClient::connectTimeout()
{
    RecordingServer silent({}); // accepts, never speaks TLS
    RayClient client(profile(silent.port(), TrustMode::CaBundle));
    QVERIFY(client.configure());
    RayClientLimits limits;
    limits.connectTimeoutMs = 500;
    client.setLimits(limits);
    QElapsedTimer clock;
    clock.start();
    auto body = fetch(client, QStringLiteral("/api/version"));
    QVERIFY(!body);
    QCOMPARE(body.error().code, QStringLiteral("net.timeout"));
    QVERIFY(clock.elapsed() < 10000);
}

void TestRayClient::cancelledCallDeliversNothing()
{
    RecordingServer silent({});
    RayClient client(profile(silent.port(), TrustMode::CaBundle));
    QVERIFY(client.configure());
    bool called = false;
    QObject context;
    QPointer<RayCall> call = client.get(QStringLiteral("/api/version"), {}, &context,
                                        [&called](Result<QByteArray>) { called = true; });
    QVERIFY(call);
    call->cancel();
    QTRY_VERIFY(!call); // deleted once finished
    QTest::qWait(200);
    QVERIFY(!called);
}

void TestRayClient::headersAndToken()
{
    RecordingServer server(httpReply(200, "OK", R"({"ok": true})"));
    ClusterProfile p;
    p.name = QStringLiteral("plain");
    p.dashboardUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
    RayClient client(p);
    QVERIFY(client.configure());
    client.setToken(SecretBuffer::fromView("0123456789abcdef"));
    auto body = fetch(client, QStringLiteral("/api/version"));
    QVERIFY2(body, qPrintable(body ? QString() : body.error().text()));
    QCOMPARE(*body, QByteArray(R"({"ok": true})"));

    const QByteArray request = server.request().toLower();
    QVERIFY2(request.startsWith("get /api/version http/1.1\r\n"), request.constData());
    QVERIFY(request.contains("\r\nuser-agent: raysec/"));
    QVERIFY(request.contains("\r\nauthorization: bearer 0123456789abcdef\r\n"));
    for (const char* header :
         {"\r\norigin:", "\r\nreferer:", "\r\nsec-fetch-", "mozilla", "\r\ncookie:"}) {
        QVERIFY2(!request.contains(header), header);
    }
}

void TestRayClient::httpStatusErrors_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QString>("code");
    QTest::newRow("401") << httpReply(401, "Unauthorized",
                                      "Unauthorized: Missing authentication token")
                         << QStringLiteral("http.401");
    QTest::newRow("403") << httpReply(403, "Forbidden", "Forbidden: Invalid authentication token")
                         << QStringLiteral("http.403");
    QTest::newRow("405") << httpReply(405, "Method Not Allowed",
                                      "Method Not Allowed for browser traffic.")
                         << QStringLiteral("http.405");
    QTest::newRow("500") << httpReply(500, "Internal Server Error", "Traceback ...")
                         << QStringLiteral("http.500");
    QTest::newRow("redirect") << httpReply(302, "Found", {}, "Location: http://evil.example/\r\n")
                              << QStringLiteral("http.redirect");
}

void TestRayClient::httpStatusErrors()
{
    QFETCH(QByteArray, reply);
    QFETCH(QString, code);
    RecordingServer server(reply);
    ClusterProfile p;
    p.name = QStringLiteral("plain");
    p.dashboardUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
    RayClient client(p);
    QVERIFY(client.configure());
    auto body = fetch(client, QStringLiteral("/api/version"));
    QVERIFY(!body);
    QCOMPARE(body.error().code, code);
    QVERIFY(!body.error().hint.isEmpty());
}

void TestRayClient::plainHttpOnlyToLoopback()
{
    ClusterProfile p;
    p.name = QStringLiteral("remote");
    p.dashboardUrl = QUrl(QStringLiteral("http://ray.example:8265"));
    RayClient client(p);
    auto ok = client.configure();
    QVERIFY(!ok);
    QCOMPARE(ok.error().code, QStringLiteral("profile.invalid"));
}

QTEST_GUILESS_MAIN(TestRayClient)
#include "tst_rayclient.moc"
