// Batch issuance off the calling thread: progress, results, cancel, and bad batches that
// write nothing.

#include "TlsTestSupport.h"

#include "support/TestMain.h"

#include "core/tls/IssueJob.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace raysec;
using namespace raysec::test;

namespace {

QList<tls::NodeEntry> nodes(int count)
{
    QList<tls::NodeEntry> list;
    for (int i = 0; i < count; ++i) {
        list.append({QStringLiteral("node-%1").arg(i),
                     QStringLiteral("10.1.%1.%2").arg(i / 250).arg(i % 250 + 1),
                     {},
                     i == 0});
    }
    return list;
}

} // namespace

class TestIssueJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { failOnWarnings(); }

    void issuesOffThread()
    {
        QTemporaryDir dir;
        tls::IssueJob job;
        QSignalSpy progress(&job, &tls::IssueJob::progressed);
        QSignalSpy finished(&job, &tls::IssueJob::finished);
        job.start(makeCa(), nodes(20), {}, dir.path(), {});
        QVERIFY(finished.wait(30000));
        QVERIFY(job.result().succeeded());
        QCOMPARE(job.result().issued.size(), 20);
        QCOMPARE(job.result().filesWritten, 80);
        QCOMPARE(progress.size(), 20);
        QCOMPARE(progress.last().at(0).toInt(), 20);
        QCOMPARE(progress.last().at(1).toInt(), 20);
        // Reports arrive in order from the worker threads: 1, 2, ... 20.
        for (qsizetype i = 0; i < progress.size(); ++i) {
            QCOMPARE(progress.at(i).at(0).toInt(), int(i) + 1);
        }
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("node-19/tls.key"))));
    }

    void cancelStopsTheBatch()
    {
        QTemporaryDir dir;
        tls::IssueJob job;
        QSignalSpy finished(&job, &tls::IssueJob::finished);
        // Cancel as soon as the first certificate is reported; RSA keeps each step slow.
        connect(&job, &tls::IssueJob::progressed, &job, [&job] { job.cancel(); });
        tls::IssueSettings settings;
        settings.keyType = tls::KeyType::Rsa3072;
        job.start(makeCa(), nodes(200), settings, dir.path(), {});
        QVERIFY(finished.wait(60000));
        QVERIFY(job.result().cancelled);
        QVERIFY(!job.result().error);
        QVERIFY(job.result().issued.size() < 200);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("node-199"))));
    }

    void badBatchWritesNothing_data()
    {
        QTest::addColumn<QList<tls::NodeEntry>>("list");
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("code");
        auto duplicate = nodes(3);
        duplicate[2].name = duplicate[0].name;
        auto badIp = nodes(3);
        badIp[2].ip = QStringLiteral("10.0.0");
        QTest::newRow("duplicate") << duplicate << 365 << QStringLiteral("tls.node-duplicate");
        QTest::newRow("bad ip in the last node") << badIp << 365 << QStringLiteral("tls.node-ip");
        QTest::newRow("empty") << QList<tls::NodeEntry>() << 365
                               << QStringLiteral("tls.nodes-empty");
        QTest::newRow("validity") << nodes(3) << 99999 << QStringLiteral("tls.validity");
    }

    void badBatchWritesNothing()
    {
        QFETCH(QList<tls::NodeEntry>, list);
        QFETCH(int, days);
        QFETCH(QString, code);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out"));
        tls::IssueSettings settings;
        settings.validityDays = days;
        const auto result = tls::BatchIssuer::run(makeCa(), list, settings, out, {});
        QVERIFY(result.error);
        QCOMPARE(result.error->code, code);
        QVERIFY(result.issued.isEmpty());
        QVERIFY(!QDir(out).exists());
    }
};

QTEST_GUILESS_MAIN(TestIssueJob)
#include "tst_issuejob.moc"
