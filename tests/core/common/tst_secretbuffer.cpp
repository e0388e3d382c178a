#include "core/common/SecretBuffer.h"
#include "support/TestMain.h"

#include <QBuffer>
#include <QTest>

using raysec::SecretBuffer;

class TestSecretBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void holdsBytes()
    {
        SecretBuffer secret = SecretBuffer::fromView("s3cret");
        QCOMPARE(secret.size(), std::size_t(6));
        QCOMPARE(secret.view(), std::string_view("s3cret"));
    }

    void moveLeavesSourceEmpty()
    {
        SecretBuffer a = SecretBuffer::fromView("token");
        SecretBuffer b = std::move(a);
        QVERIFY(a.isEmpty()); // NOLINT(bugprone-use-after-move): the point of the test
        QCOMPARE(a.data(), nullptr);
        QCOMPARE(b.view(), std::string_view("token"));
    }

    void appendGrowsAcrossBlocks()
    {
        SecretBuffer secret;
        std::string expected;
        for (int i = 0; i < 5000; ++i) {
            const char c = char('a' + i % 26);
            secret.append(&c, 1);
            expected.push_back(c);
        }
        QCOMPARE(secret.view(), std::string_view(expected));
    }

    void truncateAndClear()
    {
        SecretBuffer secret = SecretBuffer::fromView("abcdef");
        secret.truncate(3);
        QCOMPARE(secret.view(), std::string_view("abc"));
        secret.clear();
        QVERIFY(secret.isEmpty());
    }

    void equalsComparesContentAndLength_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("same") << QByteArray("abc") << QByteArray("abc") << true;
        QTest::newRow("differs") << QByteArray("abc") << QByteArray("abd") << false;
        QTest::newRow("prefix") << QByteArray("abc") << QByteArray("ab") << false;
        QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    }

    void equalsComparesContentAndLength()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        const SecretBuffer x(a.constData(), std::size_t(a.size()));
        const SecretBuffer y(b.constData(), std::size_t(b.size()));
        QCOMPARE(x.equals(y), equal);
    }

    void readLineStopsAtNewlineAndStripsCr_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("lf") << QByteArray("pass\nrest") << QByteArray("pass");
        QTest::newRow("crlf") << QByteArray("pass\r\n") << QByteArray("pass");
        QTest::newRow("no newline") << QByteArray("pass") << QByteArray("pass");
        QTest::newRow("empty") << QByteArray("\n") << QByteArray();
    }

    void readLineStopsAtNewlineAndStripsCr()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QBuffer device(&input);
        QVERIFY(device.open(QIODevice::ReadOnly));
        const SecretBuffer secret = SecretBuffer::readLine(device);
        QCOMPARE(QByteArray(secret.data(), qsizetype(secret.size())), expected);
    }

    void readLineHonoursMaximum()
    {
        QByteArray input(1000, 'x');
        QBuffer device(&input);
        QVERIFY(device.open(QIODevice::ReadOnly));
        QCOMPARE(SecretBuffer::readLine(device, 10).size(), std::size_t(10));
    }
};

QTEST_GUILESS_MAIN(TestSecretBuffer)
#include "tst_secretbuffer.moc"
