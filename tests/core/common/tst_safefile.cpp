#include "core/common/SafeFile.h"
#include "support/TestMain.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using raysec::SafeFile;

class TestSafeFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void ownerOnlyFilesAreNotReadableByOthers()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/tls.key"));
        QVERIFY(SafeFile::write(path, "key material", SafeFile::Mode::OwnerOnly).has_value());
        const QFileInfo info(path);
        QVERIFY(info.exists());
        QVERIFY(!(info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));
        QCOMPARE(SafeFile::read(path).value(), QByteArray("key material"));
    }

    void publicFilesAreReadable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ca.crt"));
        QVERIFY(SafeFile::write(path, "cert").has_value());
        QVERIFY(QFileInfo(path).permissions() & QFileDevice::ReadOther);
    }

    void unwritableFolderIsReportedAndNothingWritten()
    {
        auto result = SafeFile::write(QStringLiteral("/proc/raysec-test/x"), "data");
        QVERIFY(!result.has_value());
        QVERIFY(!result.error().message.isEmpty());
        QVERIFY(!QFileInfo::exists(QStringLiteral("/proc/raysec-test/x")));
    }

    void oversizedReadIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big"));
        QVERIFY(SafeFile::write(path, std::string(2048, 'a')).has_value());
        auto result = SafeFile::read(path, 1024);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, QStringLiteral("file.too-large"));
    }
};

QTEST_GUILESS_MAIN(TestSafeFile)
#include "tst_safefile.moc"
