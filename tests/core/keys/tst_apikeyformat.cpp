// ApiKeyFormat and ApiKeyHash: round trips, the scanner regex, and mistyped keys.

#include "support/TestMain.h"

#include "core/keys/ApiKeyFormat.h"
#include "core/keys/ApiKeyHash.h"

#include <QRegularExpression>
#include <QSet>

using namespace raysec;

namespace {

std::string fresh()
{
    return std::string(ApiKeyFormat::generate().view());
}

} // namespace

class TestApiKeyFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void generatedKeysRoundTrip()
    {
        const QRegularExpression scanner(QStringLiteral("^") + ApiKeyFormat::regex() +
                                         QStringLiteral("$"));
        QSet<QString> ids;
        for (int i = 0; i < 2000; ++i) {
            const SecretBuffer key = ApiKeyFormat::generate();
            QCOMPARE(key.size(), ApiKeyFormat::Length);
            auto parts = ApiKeyFormat::parse(key.view());
            QVERIFY2(parts, qPrintable(parts ? QString() : parts.error().text()));
            QCOMPARE(parts->id.size(), ApiKeyFormat::IdLength);
            QCOMPARE(parts->secret.size(), ApiKeyFormat::SecretLength);
            QVERIFY(
                scanner.match(QString::fromLatin1(key.data(), qsizetype(key.size()))).hasMatch());
            ids.insert(QString::fromLatin1(parts->id.data(), qsizetype(parts->id.size())));
        }
        QCOMPARE(ids.size(), 2000);
    }

    void secretHasAtLeast192Bits()
    {
        QVERIFY(double(ApiKeyFormat::SecretLength) * std::log2(62.0) >= 192.0);
    }

    void hashIsStableAndSeparatesKeys()
    {
        const std::string a = fresh();
        const std::string b = fresh();
        const auto pa = *ApiKeyFormat::parse(a);
        const auto pb = *ApiKeyFormat::parse(b);
        QVERIFY(ApiKeyHash::equal(ApiKeyHash::of(pa.body), ApiKeyHash::of(pa.body)));
        QVERIFY(!ApiKeyHash::equal(ApiKeyHash::of(pa.body), ApiKeyHash::of(pb.body)));
        const auto digest = ApiKeyHash::of(pa.body);
        QCOMPARE(*ApiKeyHash::fromHex(ApiKeyHash::toHex(digest).toStdString()), digest);
        QVERIFY(!ApiKeyHash::fromHex("zz"));
    }

    void badKeysAreNamed_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("code");
        const std::string good = fresh();
        auto changed = [&good](std::size_t at, char c) {
            std::string k = good;
            k[at] = k[at] == c ? char(c + 1) : c;
            return QByteArray::fromStdString(k);
        };
        QTest::newRow("empty") << QByteArray() << QStringLiteral("apikey.empty");
        QTest::newRow("trailing newline")
            << QByteArray::fromStdString(good + "\n") << QStringLiteral("apikey.whitespace");
        QTest::newRow("leading space")
            << QByteArray::fromStdString(" " + good) << QStringLiteral("apikey.whitespace");
        QTest::newRow("ray token") << QByteArray(64, 'a') << QStringLiteral("apikey.ray-token");
        QTest::newRow("other prefix") << QByteArray::fromStdString("ghp_" + good.substr(4))
                                      << QStringLiteral("apikey.prefix");
        QTest::newRow("upper-case prefix") << QByteArray::fromStdString("RSK_" + good.substr(4))
                                           << QStringLiteral("apikey.prefix");
        QTest::newRow("cut short")
            << QByteArray::fromStdString(good.substr(0, 50)) << QStringLiteral("apikey.length");
        QTest::newRow("doubled character")
            << QByteArray::fromStdString(good + "x") << QStringLiteral("apikey.length");
        QTest::newRow("separator replaced")
            << changed(16, 'x') << QStringLiteral("apikey.separator");
        QTest::newRow("dash in secret") << changed(20, '-') << QStringLiteral("apikey.character");
        QTest::newRow("quote in id") << changed(5, '"') << QStringLiteral("apikey.character");
        QTest::newRow("one letter mistyped")
            << changed(30, 'Q') << QStringLiteral("apikey.checksum");
        QTest::newRow("id mistyped") << changed(6, '7') << QStringLiteral("apikey.checksum");
        QTest::newRow("checksum mistyped")
            << changed(ApiKeyFormat::Length - 1, 'z') << QStringLiteral("apikey.checksum");
        std::string swapped = good;
        std::swap(swapped[20], swapped[21]);
        if (swapped[20] != swapped[21]) {
            QTest::newRow("two characters swapped")
                << QByteArray::fromStdString(swapped) << QStringLiteral("apikey.checksum");
        }
    }

    void badKeysAreNamed()
    {
        QFETCH(QByteArray, key);
        QFETCH(QString, code);
        auto parts = ApiKeyFormat::parse(std::string_view(key.constData(), key.size()));
        QVERIFY(!parts);
        QCOMPARE(parts.error().code, code);
        QVERIFY(!parts.error().message.isEmpty());
        QVERIFY(!parts.error().hint.isEmpty());
    }

    void characterErrorNamesPosition()
    {
        std::string key = fresh();
        key[9] = '!';
        auto parts = ApiKeyFormat::parse(key);
        QVERIFY(!parts);
        QVERIFY(parts.error().message.contains(QStringLiteral("10")));
    }
};

QTEST_GUILESS_MAIN(TestApiKeyFormat)
#include "tst_apikeyformat.moc"
