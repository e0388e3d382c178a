#include "GatewayFixture.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace raysec::test;

namespace {

using Run = ProcessResult;

Run openssl(const QStringList& arguments, const QByteArray& input = {})
{
    return runProgram(QStringLiteral("openssl"), arguments, input);
}

QStringList newKey(const QString& keyFile)
{
    return {QStringLiteral("-newkey"),
            QStringLiteral("ec"),
            QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:P-256"),
            QStringLiteral("-nodes"),
            QStringLiteral("-keyout"),
            keyFile};
}

} // namespace

// Client-certificate authentication with Debian's openssl as the client: the gateway is set to
// require a certificate from its client CA, then asked over TLS 1.3 and 1.2 with such a
// certificate, without one, and with one from another CA.
class TestGatewayClientCert : public QObject
{
    Q_OBJECT

private:
    GatewayFixture m_fx;
    QByteArray m_reader;

    // Makes a CA (prefix.crt, prefix.key) and a client certificate it signs
    // (prefix-client.crt, prefix-client.key).
    bool makeCa(const QString& prefix, QString* error)
    {
        const QString d = m_fx.dir(prefix);
        Run ca = openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} +
                         newKey(d + QStringLiteral(".key")) +
                         QStringList{QStringLiteral("-out"), d + QStringLiteral(".crt"),
                                     QStringLiteral("-days"), QStringLiteral("2"),
                                     QStringLiteral("-subj"), QStringLiteral("/CN=") + prefix});
        Run request =
            openssl(QStringList{QStringLiteral("req")} + newKey(d + QStringLiteral("-client.key")) +
                    QStringList{QStringLiteral("-out"), d + QStringLiteral("-client.csr"),
                                QStringLiteral("-subj"), QStringLiteral("/CN=alice")});
        Run sign = openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                            d + QStringLiteral("-client.csr"), QStringLiteral("-CA"),
                            d + QStringLiteral(".crt"), QStringLiteral("-CAkey"),
                            d + QStringLiteral(".key"), QStringLiteral("-CAcreateserial"),
                            QStringLiteral("-out"), d + QStringLiteral("-client.crt"),
                            QStringLiteral("-days"), QStringLiteral("2")});
        for (const Run* run : {&ca, &request, &sign}) {
            if (run->exitCode != 0) {
                *error = QString::fromUtf8(run->err);
                return false;
            }
        }
        return true;
    }

    // One request through openssl s_client; the gateway's answer, if any, is in out.
    Run ask(const QString& version, const QString& certificatePrefix)
    {
        QStringList arguments = {QStringLiteral("s_client"),
                                 QStringLiteral("-connect"),
                                 QStringLiteral("127.0.0.1:%1").arg(m_fx.port()),
                                 QStringLiteral("-CAfile"),
                                 m_fx.dir(QStringLiteral("tls.crt")),
                                 QStringLiteral("-verify_return_error"),
                                 version,
                                 QStringLiteral("-quiet")};
        if (!certificatePrefix.isEmpty()) {
            arguments << QStringLiteral("-cert")
                      << m_fx.dir(certificatePrefix + QStringLiteral("-client.crt"))
                      << QStringLiteral("-key")
                      << m_fx.dir(certificatePrefix + QStringLiteral("-client.key"));
        }
        return openssl(arguments, "GET /api/version HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                  "Authorization: Bearer " +
                                      m_reader + "\r\nConnection: close\r\n\r\n");
    }

private Q_SLOTS:
    void initTestCase()
    {
        raysec::test::failOnWarnings();
        QString error;
        QVERIFY2(makeCa(QStringLiteral("trusted"), &error), qPrintable(error));
        QVERIFY2(makeCa(QStringLiteral("rogue"), &error), qPrintable(error));
        m_reader = m_fx.addKey(QStringLiteral("reader"), QStringLiteral("ml"),
                               {QStringLiteral("cluster:read"), QStringLiteral("jobs:read")});
        m_fx.requireClientCertificate(m_fx.dir(QStringLiteral("trusted.crt")));
        QVERIFY2(m_fx.start(&error), qPrintable(error));
    }

    void certificateFromTheClientCaIsServed_data()
    {
        QTest::addColumn<QString>("version");
        QTest::newRow("TLS 1.3") << QStringLiteral("-tls1_3");
        QTest::newRow("TLS 1.2") << QStringLiteral("-tls1_2");
    }

    void certificateFromTheClientCaIsServed()
    {
        QFETCH(QString, version);
        const Run run = ask(version, QStringLiteral("trusted"));
        QVERIFY2(run.out.startsWith("HTTP/1.1 200"), run.out.left(300) + run.err.left(300));
        QVERIFY(run.out.contains("ray_version"));
    }

    void noCertificateIsRefused_data() { certificateFromTheClientCaIsServed_data(); }

    void noCertificateIsRefused()
    {
        QFETCH(QString, version);
        const Run run = ask(version, {});
        QVERIFY2(!run.out.contains("HTTP/1.1"), run.out.left(300).constData());
        // The gateway says why in a TLS alert.
        QVERIFY2(run.err.contains("alert"), run.err.left(500).constData());
    }

    void certificateFromAnotherCaIsRefused_data() { certificateFromTheClientCaIsServed_data(); }

    void certificateFromAnotherCaIsRefused()
    {
        QFETCH(QString, version);
        const Run run = ask(version, QStringLiteral("rogue"));
        QVERIFY2(!run.out.contains("HTTP/1.1"), run.out.left(300).constData());
        QVERIFY2(run.err.contains("alert"), run.err.left(500).constData());
        // Refusals cost the gateway nothing: the trusted client is still served.
        QVERIFY(ask(version, QStringLiteral("trusted")).out.startsWith("HTTP/1.1 200"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayClientCert)
#include "tst_gateway_clientcert.moc"
