// KeyHandover and HandoverIdentity: sealed-box round trip and refusal for another recipient.

#include "support/TestMain.h"

#include "core/keys/ApiKeyFormat.h"
#include "core/keys/HandoverIdentity.h"
#include "core/keys/KeyHandover.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace raysec;

class TestKeyHandover : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void roundTrip()
    {
        const auto recipient = HandoverIdentity::generate();
        const SecretBuffer key = ApiKeyFormat::generate();
        auto sealed = KeyHandover::seal(key, recipient.publicKeyText(), QStringLiteral("someid"));
        QVERIFY(sealed);
        QVERIFY(sealed->find(key.view()) == std::string::npos);

        auto restored = HandoverIdentity::fromMaterial(recipient.material());
        QVERIFY(restored);
        auto opened = KeyHandover::open(*sealed, *restored);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().text()));
        QVERIFY(opened->equals(key));
    }

    void wrongRecipientFails()
    {
        const auto alice = HandoverIdentity::generate();
        const auto mallory = HandoverIdentity::generate();
        const SecretBuffer key = ApiKeyFormat::generate();
        auto sealed = KeyHandover::seal(key, alice.publicKeyText(), QStringLiteral("id"));
        QVERIFY(sealed);
        auto opened = KeyHandover::open(*sealed, mallory);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("handover.wrong-recipient"));

        // Relabelled for mallory, the box itself still refuses to open.
        QJsonObject doc = QJsonDocument::fromJson(QByteArray::fromStdString(*sealed)).object();
        doc[QStringLiteral("recipient")] = QString::fromStdString(mallory.publicKeyText());
        auto relabelled = KeyHandover::open(QJsonDocument(doc).toJson().toStdString(), mallory);
        QVERIFY(!relabelled);
        QCOMPARE(relabelled.error().code, QStringLiteral("handover.open-failed"));
    }

    void badInputIsNamed_data()
    {
        QTest::addColumn<QByteArray>("recipient");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("handover.recipient");
        QTest::newRow("minisign key")
            << QByteArray("RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3")
            << QStringLiteral("handover.recipient");
        QTest::newRow("short") << QByteArray("raysec-recipient-v1:AAAA")
                               << QStringLiteral("handover.recipient");
    }

    void badInputIsNamed()
    {
        QFETCH(QByteArray, recipient);
        QFETCH(QString, code);
        auto sealed = KeyHandover::seal(SecretBuffer::fromView("x"), recipient.toStdString(), {});
        QVERIFY(!sealed);
        QCOMPARE(sealed.error().code, code);
    }

    void garbageSealedFileIsNamed()
    {
        auto opened = KeyHandover::open("{\"format\":1}", HandoverIdentity::generate());
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("handover.malformed"));
    }
};

QTEST_GUILESS_MAIN(TestKeyHandover)
#include "tst_keyhandover.moc"
