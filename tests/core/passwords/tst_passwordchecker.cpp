// PasswordChecker: every rule of every preset, Unicode normalisation, boundary lengths,
// blocklists, context words and the offline HIBP file.

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/passwords/PasswordChecker.h"
#include "core/passwords/PasswordText.h"

#include <QCryptographicHash>
#include <QTemporaryDir>

using namespace raysec;

namespace {

SecretBuffer secret(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    return SecretBuffer(utf8.constData(), std::size_t(utf8.size()));
}

// A strong random-looking base so that only the rule under test can refuse.
const QString strong = QStringLiteral("vq7Rk#2mWz!pL9xT");

} // namespace

class TestPasswordChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void rules_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QStringList>("expected"); // reason codes; empty: accepted

        const QStringList ok;
        QTest::newRow("nist strong") << "nist" << strong << ok;
        QTest::newRow("nist no classes needed")
            << "nist" << QStringLiteral("glacier copper lantern fjord") << ok;
        QTest::newRow("nist short") << "nist" << QStringLiteral("Xk9#vQ2!mz")
                                    << QStringList{QStringLiteral("password.too-short")};
        QTest::newRow("nist blocklisted")
            << "nist" << QStringLiteral("PASSWORD")
            << QStringList{QStringLiteral("password.too-short"),
                           QStringLiteral("password.blocklisted"), QStringLiteral("password.weak")};
        QTest::newRow("nist weak repeat") << "nist" << QStringLiteral("aaaaaaaaaaaaaaaaaaaa")
                                          << QStringList{QStringLiteral("password.weak")};
        QTest::newRow("nist weak keyboard") << "nist" << QStringLiteral("qwertyuiopasdfgh")
                                            << QStringList{QStringLiteral("password.weak")};
        QTest::newRow("nist context word") << "nist" << QStringLiteral("vq7Rk#RAYPROD2mWz!pL9xT")
                                           << QStringList{QStringLiteral("password.context-word")};
        QTest::newRow("mfa 8 ok") << "nist-mfa" << QStringLiteral("Zq8#vK2!") << ok;
        QTest::newRow("mfa 7 short") << "nist-mfa" << QStringLiteral("Zq8#vK2")
                                     << QStringList{QStringLiteral("password.too-short")};
        QTest::newRow("org all classes") << "organisation" << strong << ok;
        QTest::newRow("org no upper") << "organisation" << strong.toLower()
                                      << QStringList{QStringLiteral("password.missing-upper")};
        QTest::newRow("org no lower") << "organisation" << strong.toUpper()
                                      << QStringList{QStringLiteral("password.missing-lower")};
        QTest::newRow("org no digit") << "organisation" << QStringLiteral("vqXRk#bmWz!pLgxT")
                                      << QStringList{QStringLiteral("password.missing-digit")};
        QTest::newRow("org no symbol") << "organisation" << QStringLiteral("vq7Rk42mWzqpL9xT")
                                       << QStringList{QStringLiteral("password.missing-symbol")};
        QTest::newRow("org space is a symbol")
            << "organisation" << QStringLiteral("vq7Rk 2mWzqpL9xT") << ok;
        QTest::newRow("org everything missing")
            << "organisation" << QStringLiteral("1234")
            << QStringList{QStringLiteral("password.too-short"),
                           QStringLiteral("password.missing-lower"),
                           QStringLiteral("password.missing-upper"),
                           QStringLiteral("password.missing-symbol"),
                           QStringLiteral("password.blocklisted"),
                           QStringLiteral("password.weak")};
    }

    void rules()
    {
        QFETCH(QString, preset);
        QFETCH(QString, password);
        QFETCH(QStringList, expected);
        PasswordPolicy policy =
            PasswordPolicy::forPreset(*PasswordPolicy::presetFromName(preset.section(u'-', 0, 0)),
                                      preset == QStringLiteral("nist-mfa"));
        policy.contextWords = {QStringLiteral("rayprod")};
        const PasswordVerdict result = PasswordChecker(policy).check(secret(password));
        QStringList codes;
        for (const RefusalReason& r : result.reasons) {
            codes.append(r.code);
            QVERIFY(!r.message.isEmpty());
            QVERIFY2(!r.message.contains(password), "a reason must not echo the password");
        }
        QCOMPARE(codes, expected);
        QCOMPARE(result.accepted(), expected.isEmpty());
    }

    void boundaryLengths_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("codePoints");
        QTest::addColumn<bool>("tooShort");
        QTest::addColumn<bool>("tooLong");
        const QString base = QStringLiteral("Xq7#vK2!mz9Lp4Wt8Rb3Nf6Hc5Jd1Gs0Yk");
        const QString long64 = (base + base).left(64);
        QTest::newRow("14") << base.left(14) << 14 << true << false;
        QTest::newRow("15") << base.left(15) << 15 << false << false;
        QTest::newRow("64") << long64 << 64 << false << false;
        QTest::newRow("65") << long64 + QStringLiteral("Q") << 65 << false << true;
        // é as e + U+0301 is two code points before NFKC and one after.
        QTest::newRow("14 with combining marks")
            << base.left(13) + QStringLiteral("e\u0301") << 14 << true << false;
        QTest::newRow("15 with combining marks")
            << base.left(14) + QStringLiteral("e\u0301") << 15 << false << false;
        // Each emoji is one code point (two UTF-16 units, four UTF-8 bytes).
        QTest::newRow("15 emoji")
            << QString::fromUtf8("🔥🐍🚀🌵🎲🧊🦊🍉🛶🎻🧭🪐🦉🌋🎈")
            << 15 << false << false;
        QTest::newRow("14 emoji") << QString::fromUtf8(
                                         "🔥🐍🚀🌵🎲🧊🦊🍉🛶🎻🧭🪐🦉🌋")
                                  << 14 << true << false;
        // NFKC turns the ligature ﬁ into two letters: 14 typed, 15 counted.
        QTest::newRow("ligature expands")
            << base.left(13) + QStringLiteral("\uFB01") << 15 << false << false;
    }

    void boundaryLengths()
    {
        QFETCH(QString, password);
        QFETCH(int, codePoints);
        QFETCH(bool, tooShort);
        QFETCH(bool, tooLong);
        PasswordPolicy policy = PasswordPolicy::forPreset(PolicyPreset::Nist);
        policy.maxLength = 64;
        policy.minScore = 0;
        const PasswordVerdict result = PasswordChecker(policy).check(secret(password));
        QCOMPARE(result.codePoints, codePoints);
        QCOMPARE(result.hasReason(QStringLiteral("password.too-short")), tooShort);
        QCOMPARE(result.hasReason(QStringLiteral("password.too-long")), tooLong);
    }

    void normalisationMakesFormsEqual()
    {
        const auto composed = PasswordText::normalized(secret(QStringLiteral("Caf\u00E9")));
        const auto decomposed = PasswordText::normalized(secret(QStringLiteral("Cafe\u0301")));
        const auto fullwidth = PasswordText::normalized(secret(QStringLiteral("\uFF23af\u00E9")));
        QVERIFY(composed && decomposed && fullwidth);
        QVERIFY(composed->equals(*decomposed));
        QVERIFY(composed->equals(*fullwidth));
        QCOMPARE(composed->view(), std::string_view("Caf\xC3\xA9"));
    }

    void invalidUtf8IsRefused()
    {
        const SecretBuffer bad("abc\xFF\xFE"
                               "defghijklmnopq",
                               19);
        const PasswordVerdict result =
            PasswordChecker(PasswordPolicy::forPreset(PolicyPreset::Nist)).check(bad);
        QVERIFY(result.hasReason(QStringLiteral("password.invalid-utf8")));
    }

    void blocklistIsCaseInsensitiveAndUnicode()
    {
        PasswordPolicy policy = PasswordPolicy::forPreset(PolicyPreset::Custom);
        policy.minLength = 1;
        policy.minScore = 0;
        QVERIFY(Blocklist::bundled().size() > 3000);
        auto imported = Blocklist::parse(QByteArrayLiteral("#!comment: test\nStraße-Sommer-2024\n"
                                                           "correct horse battery staple\n"));
        QVERIFY(imported);
        const PasswordChecker checker(policy, std::move(*imported));
        const QString blocked = QStringLiteral("password.blocklisted");
        QVERIFY(checker.check(secret(QStringLiteral("PassWord1"))).hasReason(blocked));
        QVERIFY(checker.check(secret(QStringLiteral("STRASSE-SOMMER-2024"))).hasReason(blocked));
        QVERIFY(checker.check(secret(QStringLiteral("Correct Horse Battery Staple")))
                    .hasReason(blocked));
        QVERIFY(!checker.check(secret(QStringLiteral("correct horse battery"))).hasReason(blocked));

        policy.importedBlocklist = false;
        QVERIFY(!PasswordChecker(policy)
                     .check(secret(QStringLiteral("STRASSE-SOMMER-2024")))
                     .hasReason(blocked));
    }

    void contextWords_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("refused");
        QTest::newRow("cluster name, other case") << "my-RayProd-cluster-pass" << true;
        QTest::newRow("user name") << "zq8#ALICE#vK2!mz9Lp" << true;
        QTest::newRow("organisation, unicode case") << "zq8#ÅKERLUND#vK2!m" << true;
        QTest::newRow("no context") << "zq8#vK2!mz9Lp4Wt8" << false;
    }

    void contextWords()
    {
        QFETCH(QString, password);
        QFETCH(bool, refused);
        PasswordPolicy policy = PasswordPolicy::forPreset(PolicyPreset::Nist);
        policy.contextWords = {QStringLiteral("rayprod"), QStringLiteral("Åkerlund"),
                               QStringLiteral("ab")};
        const PasswordVerdict result =
            PasswordChecker(policy).check(secret(password), {QStringLiteral("alice")});
        QCOMPARE(result.hasReason(QStringLiteral("password.context-word")), refused);
    }

    void hibpFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pwned.txt"));
        const QStringList breached = {QStringLiteral("hunter2-but-longer!"),
                                      QStringLiteral("Tr0ub4dor&3-xkcd-936")};
        QStringList lines;
        for (int i = 0; i < 500; ++i) {
            lines.append(QString::fromLatin1(QCryptographicHash::hash(QByteArray::number(i),
                                                                      QCryptographicHash::Sha1)
                                                 .toHex()
                                                 .toUpper()) +
                         QStringLiteral(":%1").arg(i + 1));
        }
        for (const QString& b : breached) {
            lines.append(
                QString::fromLatin1(QCryptographicHash::hash(b.toUtf8(), QCryptographicHash::Sha1)
                                        .toHex()
                                        .toUpper()) +
                QStringLiteral(":42"));
        }
        lines.sort();
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(lines.join(QStringLiteral("\r\n")).toLatin1());
        file.close();

        PasswordPolicy policy = PasswordPolicy::forPreset(PolicyPreset::Nist);
        policy.hibpFile = path;
        policy.minScore = 0;
        const PasswordChecker checker(policy);
        for (const QString& b : breached) {
            const PasswordVerdict result = checker.check(secret(b));
            QVERIFY(result.hasReason(QStringLiteral("password.breached")));
            QCOMPARE(result.breachCount, 42);
        }
        const PasswordVerdict clean = checker.check(secret(strong));
        QVERIFY(clean.accepted());
        QCOMPARE(clean.breachCount, 0);
        // A number from the filler lines: its hash is present, with count 8.
        QCOMPARE(checker.check(secret(QStringLiteral("7"))).breachCount, 8);

        policy.hibpFile = dir.filePath(QStringLiteral("missing.txt"));
        QVERIFY(PasswordChecker(policy)
                    .check(secret(strong))
                    .hasReason(QStringLiteral("password.hibp-unavailable")));
    }

    void strengthScoreMapping()
    {
        QCOMPARE(StrengthEstimator::scoreForGuesses(10), 0);
        QCOMPARE(StrengthEstimator::scoreForGuesses(1e5), 1);
        QCOMPARE(StrengthEstimator::scoreForGuesses(1e7), 2);
        QCOMPARE(StrengthEstimator::scoreForGuesses(1e9), 3);
        QCOMPARE(StrengthEstimator::scoreForGuesses(1e12), 4);
        const Strength weak = StrengthEstimator::estimate(secret(QStringLiteral("password")));
        const Strength good = StrengthEstimator::estimate(secret(strong));
        QCOMPARE(weak.score, 0);
        QVERIFY(!weak.patterns.isEmpty());
        QCOMPARE(good.score, 4);
        QVERIFY(good.guesses > weak.guesses);
    }
};

QTEST_GUILESS_MAIN(TestPasswordChecker)
#include "tst_passwordchecker.moc"
