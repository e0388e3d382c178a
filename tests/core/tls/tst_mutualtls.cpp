// Real mutual TLS with Raysec's bundles: openssl s_server -Verify against s_client, and a gRPC
// call through Debian's python3-grpcio with require_client_auth, as Ray runs it. Certificates
// without the dialed name, expired ones and ones from another CA must be refused.

#include "TlsTestSupport.h"

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/tls/CertificateBuilder.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace raysec;
using namespace Qt::StringLiterals;
using namespace raysec::test;

class TestMutualTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString bundle(const QString& name) const { return m_dir.filePath(name); }

    // Makes the bundles of one CA and key type: "server" and "client", plus the bad ones.
    void makeBundles(tls::KeyType type)
    {
        const auto ca = makeCa(type, type == tls::KeyType::EcdsaP384);
        const auto other = makeCa(type, false, QStringLiteral("Other CA"));
        tls::IssueSettings settings;
        settings.keyType = type;
        issueInto(m_dir.path(), ca, {"server"_L1, "10.0.0.1"_L1, {}, true}, settings);
        issueInto(m_dir.path(), ca, {"client"_L1, "10.0.0.2"_L1, {}, false}, settings);
        issueInto(m_dir.path(), other, {"foreign"_L1, "10.0.0.3"_L1, {}, false}, settings);
        tls::IssueSettings old = settings;
        old.notBefore = QDateTime::currentDateTimeUtc().addDays(-10);
        old.validityDays = 2;
        issueInto(m_dir.path(), ca, {"expired"_L1, "10.0.0.4"_L1, {}, false}, old);

        // A certificate Raysec would never make: no loopback names at all.
        auto key = tls::PrivateKey::generate(type);
        QVERIFY(key);
        tls::CertificateSpec spec{
            "nosan"_L1, {"DNS:elsewhere.example"_L1, "IP:10.0.0.5"_L1}, false, -1, {}, 30};
        auto cert = tls::CertificateBuilder::sign(spec, key->get(), &ca.signer(), ca.signingKey());
        QVERIFY(cert);
        writeBundle(m_dir.path(), ca, {{"nosan"_L1, "10.0.0.5"_L1, {}, false}, *cert, *key});
    }

    // One handshake between s_server (requiring a client certificate) and s_client.
    bool opensslHandshake(const QString& server, const QString& client, QByteArray* log)
    {
        QProcess s;
        s.start(QStringLiteral("openssl"),
                {"s_server"_L1, "-accept"_L1, "0"_L1, "-naccept"_L1, "1"_L1, "-Verify"_L1, "2"_L1,
                 "-verify_return_error"_L1, "-www"_L1, "-cert"_L1, server + "/tls.crt"_L1,
                 "-cert_chain"_L1, server + "/tls.crt"_L1, "-key"_L1, server + "/tls.key"_L1,
                 "-CAfile"_L1, server + "/ca.crt"_L1});
        QRegularExpression accept(QStringLiteral("ACCEPT .*:(\\d+)"));
        QByteArray out;
        while (!accept.match(QString::fromUtf8(out)).hasMatch() && s.waitForReadyRead(10000)) {
            out += s.readAllStandardOutput();
        }
        const QString port = accept.match(QString::fromUtf8(out)).captured(1);
        if (port.isEmpty()) {
            *log = out + s.readAllStandardError();
            return false;
        }
        const ProcessResult c =
            runProgram(QStringLiteral("openssl"),
                       {"s_client"_L1, "-connect"_L1, "127.0.0.1:"_L1 + port, "-cert"_L1,
                        client + "/tls.crt"_L1, "-cert_chain"_L1, client + "/tls.crt"_L1, "-key"_L1,
                        client + "/tls.key"_L1, "-CAfile"_L1, client + "/ca.crt"_L1,
                        "-verify_return_error"_L1, "-verify_ip"_L1, "127.0.0.1"_L1, "-ign_eof"_L1},
                       "GET / HTTP/1.0\r\n\r\n");
        s.kill();
        s.waitForFinished();
        *log = c.out + c.err + s.readAll();
        // The client verified the server, and only a server that accepted the client's
        // certificate answers the request (with TLS 1.3 the client's side of the handshake
        // ends before the server has checked the client).
        return c.ok() && c.out.contains("Verify return code: 0 (ok)") &&
               c.out.contains("HTTP/1.0 200 ok");
    }

    ProcessResult grpcCall(const QString& server, const QString& client, const QString& host)
    {
        return runProgram(QStringLiteral("/usr/bin/python3"),
                          {QStringLiteral(RAYSEC_SOURCE_DIR "/tests/core/tls/grpc_echo.py"),
                           bundle(server), bundle(client), host});
    }

private Q_SLOTS:
    void init() { failOnWarnings(); }

    void initTestCase()
    {
        const ProcessResult grpc =
            runProgram(QStringLiteral("/usr/bin/python3"), {"-c"_L1, "import grpc"_L1});
        QVERIFY2(grpc.ok(), "python3-grpcio is required for this test: " + grpc.err);
    }

    void handshakes_data()
    {
        QTest::addColumn<tls::KeyType>("type");
        QTest::newRow("ecdsa-p256") << tls::KeyType::EcdsaP256;
        QTest::newRow("ecdsa-p384 via intermediate") << tls::KeyType::EcdsaP384;
        QTest::newRow("rsa-2048") << tls::KeyType::Rsa2048;
    }

    void handshakes()
    {
        QFETCH(tls::KeyType, type);
        makeBundles(type);
        QByteArray log;
        QVERIFY2(opensslHandshake(bundle("server"_L1), bundle("client"_L1), &log), log);
        QVERIFY2(!opensslHandshake(bundle("server"_L1), bundle("foreign"_L1), &log),
                 "a client from another CA was accepted");
        QVERIFY2(!opensslHandshake(bundle("server"_L1), bundle("expired"_L1), &log),
                 "an expired client was accepted");
        QVERIFY2(!opensslHandshake(bundle("nosan"_L1), bundle("client"_L1), &log),
                 "a server without the IP SAN was accepted");

        for (const QString& host : {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")}) {
            const ProcessResult ok = grpcCall("server"_L1, "client"_L1, host);
            QVERIFY2(ok.ok() && ok.out.contains("echo ok"), ok.out + ok.err);

            const ProcessResult noSan = grpcCall("nosan"_L1, "client"_L1, host);
            QVERIFY2(!noSan.ok() && noSan.out.contains("UNAVAILABLE"), noSan.out + noSan.err);
            const ProcessResult expired = grpcCall("expired"_L1, "client"_L1, host);
            QVERIFY2(!expired.ok() && expired.out.contains("rpc failed"), expired.out);
            const ProcessResult foreignServer = grpcCall("foreign"_L1, "client"_L1, host);
            QVERIFY2(!foreignServer.ok() && foreignServer.out.contains("rpc failed"),
                     foreignServer.out);
            // require_client_auth: the server refuses a client from another CA or expired.
            const ProcessResult foreignClient = grpcCall("server"_L1, "foreign"_L1, host);
            QVERIFY2(!foreignClient.ok() && foreignClient.out.contains("rpc failed"),
                     foreignClient.out);
            const ProcessResult expiredClient = grpcCall("server"_L1, "expired"_L1, host);
            QVERIFY2(!expiredClient.ok() && expiredClient.out.contains("rpc failed"),
                     expiredClient.out);
        }
    }
};

QTEST_GUILESS_MAIN(TestMutualTls)
#include "tst_mutualtls.moc"
