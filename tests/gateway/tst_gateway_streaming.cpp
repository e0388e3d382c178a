#include "GatewayFixture.h"
#include "support/TestMain.h"

#include <QCryptographicHash>
#include <QTest>

using namespace raysec::test;

namespace {

// The bytes bulk_upstream.py sends for a body of `size` bytes.
QByteArray expectedHash(qint64 size)
{
    QByteArray block(65536, Qt::Uninitialized);
    for (int i = 0; i < block.size(); ++i) {
        block[i] = char((i * 31 + 7) & 255);
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (qint64 left = size; left > 0; left -= block.size()) {
        hash.addData(QByteArrayView(block).first(qsizetype(std::min<qint64>(left, block.size()))));
    }
    return hash.result();
}

// A raw answer split into its header block (lower-cased) and body.
std::pair<QByteArray, QByteArray> splitRaw(const QByteArray& answer)
{
    const qsizetype end = answer.indexOf("\r\n\r\n");
    if (end < 0) {
        return {};
    }
    return {answer.left(end).toLower(), answer.mid(end + 4)};
}

// Undoes chunked framing; empty if the framing is broken or the last chunk is missing.
QByteArray unchunk(const QByteArray& body)
{
    QByteArray out;
    qsizetype at = 0;
    for (;;) {
        const qsizetype lineEnd = body.indexOf("\r\n", at);
        if (lineEnd < 0) {
            return {};
        }
        bool ok = false;
        const qsizetype size = body.mid(at, lineEnd - at).toLongLong(&ok, 16);
        if (!ok || lineEnd + 2 + size + 2 > body.size()) {
            return {};
        }
        if (size == 0) {
            return out;
        }
        out += body.mid(lineEnd + 2, size);
        at = lineEnd + 2 + size + 2;
    }
}

} // namespace

// Bodies from Ray that are large or have no length are relayed as they arrive rather than read
// whole: larger than the gateway's 64 MiB limit for whole answers, chunked, ended by closing,
// and cut off by Ray halfway. The upstream is bulk_upstream.py on raysec-sim's port.
class TestGatewayStreaming : public QObject
{
    Q_OBJECT

private:
    GatewayFixture m_fx;
    QByteArray m_reader;
    QProcess m_bulk;

    GatewayFixture::Reply logs(qint64 bytes, const char* framing)
    {
        return m_fx.get(QStringLiteral("/api/jobs/raysubmit_bulk/logs?bytes=%1&framing=%2")
                            .arg(bytes)
                            .arg(QLatin1String(framing)),
                        m_reader);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_reader = m_fx.addKey(QStringLiteral("reader"), QStringLiteral("ml"),
                               {QStringLiteral("logs:read"), QStringLiteral("jobs:read")});
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(error));
        const quint16 port = m_fx.upstreamPort();
        m_fx.stopUpstream();
        m_bulk.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_bulk.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(RAYSEC_TEST_SOURCE_DIR "/bulk_upstream.py"),
                      QString::number(port), m_fx.dir(QStringLiteral("ray-token"))});
        QVERIFY(m_bulk.waitForReadyRead(20000));
        QCOMPARE(m_bulk.readLine().trimmed(), QByteArray("ready"));
    }

    void cleanupTestCase()
    {
        m_bulk.kill();
        m_bulk.waitForFinished(5000);
    }

    void init() { failOnWarnings(); }

    void bodiesArriveWhole_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QByteArray>("framing");
        QTest::newRow("small, read whole") << qint64(1000) << QByteArray("length");
        QTest::newRow("70 MiB with a length") << qint64(70) * 1024 * 1024 << QByteArray("length");
        QTest::newRow("3 MiB chunked") << qint64(3) * 1024 * 1024 + 17 << QByteArray("chunked");
        QTest::newRow("small chunked") << qint64(5000) << QByteArray("chunked");
        QTest::newRow("2 MiB ended by closing")
            << qint64(2) * 1024 * 1024 + 5 << QByteArray("close");
    }

    void bodiesArriveWhole()
    {
        QFETCH(qint64, bytes);
        QFETCH(QByteArray, framing);
        const auto reply = logs(bytes, framing.constData());
        QCOMPARE(reply.status, 200);
        QCOMPARE(qint64(reply.body.size()), bytes);
        QCOMPARE(QCryptographicHash::hash(reply.body, QCryptographicHash::Sha256),
                 expectedHash(bytes));
        QCOMPARE(reply.header("content-type"), QByteArray("text/plain"));
        // The connection is still good for the next request.
        QCOMPARE(logs(10, "length").status, 200);
    }

    // What the client is sent for an answer Ray chunked: chunks again for HTTP/1.1, and for
    // HTTP/1.0, which has no chunks, the bytes as they are, ended by closing the connection.
    void framingFollowsTheClientsVersion_data()
    {
        QTest::addColumn<QByteArray>("version");
        QTest::newRow("HTTP/1.1") << QByteArray("HTTP/1.1");
        QTest::newRow("HTTP/1.0") << QByteArray("HTTP/1.0");
    }
    void framingFollowsTheClientsVersion()
    {
        QFETCH(QByteArray, version);
        const qint64 bytes = qint64(2) * 1024 * 1024 + 3;
        const QByteArray request =
            "GET /api/jobs/raysubmit_bulk/logs?bytes=" + QByteArray::number(bytes) +
            "&framing=chunked " + version + "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
            m_reader + "\r\nConnection: close\r\n\r\n";
        bool closed = false;
        const auto [headers, body] = splitRaw(m_fx.rawExchange(request, 20000, &closed));
        QVERIFY(closed);
        // A server names its own version in the status line, whatever the client's.
        QVERIFY2(headers.startsWith("http/1.1 200"), headers.constData());
        QVERIFY(!headers.contains("content-length"));
        const bool chunked = headers.contains("\r\ntransfer-encoding: chunked");
        QCOMPARE(chunked, version == "HTTP/1.1");
        const QByteArray received = chunked ? unchunk(body) : body;
        QCOMPARE(qint64(received.size()), bytes);
        QCOMPARE(QCryptographicHash::hash(received, QCryptographicHash::Sha256),
                 expectedHash(bytes));
    }

    void anAnswerCutOffByRayIsNotPassedOffAsComplete()
    {
        const qint64 bytes = qint64(4) * 1024 * 1024;
        const auto reply = logs(bytes, "cut");
        QVERIFY2(reply.body.size() < bytes, QByteArray::number(reply.body.size()).constData());
        QCOMPARE(logs(1000, "length").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestGatewayStreaming)
#include "tst_gateway_streaming.moc"
