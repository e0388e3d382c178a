#include "core/audit/Redactor.h"
#include "support/TestMain.h"

#include <QTest>

using namespace raysec;

class TstRedactor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void secretsAreRedacted_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("secret");
        const QByteArray hex(64, 'e');
        QTest::newRow("bearer") << QByteArray("Authorization: Bearer s3cr3t-value")
                                << QStringLiteral("s3cr3t");
        QTest::newRow("ray token")
            << QByteArray("token file holds ") + hex << QString::fromLatin1(hex);
        QTest::newRow("json token")
            << QByteArray(R"({"auth_token": "abc123xyz"})") << QStringLiteral("abc123xyz");
        QTest::newRow("password") << QByteArray("redis_password=hunter2 next")
                                  << QStringLiteral("hunter2");
        QTest::newRow("api key") << QByteArray("key rsk_ab12CD34ef56GH78 used")
                                 << QStringLiteral("rsk_ab12");
        QTest::newRow("private key")
            << QByteArray("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN\n-----END PRIVATE KEY-----")
            << QStringLiteral("MIIEvQ");
    }

    void secretsAreRedacted()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, secret);
        const QString excerpt = Redactor::excerpt(body);
        QVERIFY2(!excerpt.contains(secret), qPrintable(excerpt));
        QVERIFY(excerpt.contains(QStringLiteral("[redacted]")));
    }

    void ordinaryTextSurvives()
    {
        const QString excerpt =
            Redactor::excerpt(R"({"ray_version": "2.52.0", "job_id": "02000000"})");
        QVERIFY(excerpt.contains(QStringLiteral("2.52.0")));
        QVERIFY(excerpt.contains(QStringLiteral("02000000")));
    }

    void excerptIsBoundedAndControlFree()
    {
        const QString excerpt = Redactor::excerpt(QByteArray(10000, 'x') + "\x1b[31m", 400);
        QCOMPARE(excerpt.size(), 402);
        QVERIFY(!Redactor::excerpt("a\x1b[31mb\x07").contains(QChar(0x1b)));
    }
};

QTEST_GUILESS_MAIN(TstRedactor)
#include "tst_redactor.moc"
