// RayClusterToken: Ray-shaped tokens and their exports.

#include "support/TestMain.h"

#include "core/keys/RayClusterToken.h"

#include <QRegularExpression>

using namespace raysec;

class TestRayClusterToken : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void generatesRayShapedTokens()
    {
        const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
        const SecretBuffer a = RayClusterToken::generate();
        const SecretBuffer b = RayClusterToken::generate();
        QVERIFY(hex.match(QString::fromLatin1(a.data(), qsizetype(a.size()))).hasMatch());
        QVERIFY(!a.equals(b));
        QVERIFY(RayClusterToken::check(a));
        QVERIFY(!RayClusterToken::check(SecretBuffer::fromView("rsk_notatoken")));
    }

    void envFileNamesTheTokenFileOnly()
    {
        const std::string env = RayClusterToken::envFile(QStringLiteral("/etc/ray/auth_token"));
        QVERIFY(env.find("RAY_AUTH_MODE=token\n") != std::string::npos);
        QVERIFY(env.find("RAY_AUTH_TOKEN_PATH=/etc/ray/auth_token\n") != std::string::npos);
        QVERIFY(env.find("RAY_AUTH_TOKEN=") == std::string::npos);
    }

    void kubernetesSecretCarriesTheToken()
    {
        const SecretBuffer token = RayClusterToken::generate();
        auto manifest = RayClusterToken::kubernetesSecret(token, QStringLiteral("ray-token"),
                                                          QStringLiteral("ray"));
        QVERIFY(manifest);
        const QByteArray text(manifest->data(), qsizetype(manifest->size()));
        QVERIFY(text.contains("kind: Secret\n"));
        QVERIFY(text.contains("namespace: ray\n"));
        const QByteArray encoded = QByteArray(token.data(), qsizetype(token.size())).toBase64();
        QVERIFY(text.contains("auth_token: " + encoded + "\n"));
        QVERIFY(!RayClusterToken::kubernetesSecret(token, QStringLiteral("Bad Name"),
                                                   QStringLiteral("ray")));
    }

    void rotationStepsMentionRestart()
    {
        const QStringList steps =
            RayClusterToken::rotationSteps(QStringLiteral("prod"), QStringLiteral("/t"));
        QVERIFY(steps.size() >= 4);
        QVERIFY(steps.join(u' ').contains(QStringLiteral("ray stop")));
    }
};

QTEST_GUILESS_MAIN(TestRayClusterToken)
#include "tst_rayclustertoken.moc"
