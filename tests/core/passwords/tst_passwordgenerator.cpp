// PasswordGenerator: random passwords and passphrases that the policy accepts.

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/passwords/PasswordGenerator.h"
#include "core/passwords/PasswordText.h"

#include <set>

using namespace raysec;

using Kind = PasswordGenerator::Kind;

class TestPasswordGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void bundledWordList()
    {
        const QStringList& words = PasswordGenerator::wordList();
        QVERIFY(words.size() > 20000);
        for (const QString& w : words) {
            QVERIFY(w.size() >= 4 && w.size() <= 7);
        }
    }

    void meetsEveryPreset_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<bool>("passphrase");
        for (const char* preset : {"nist", "organisation", "custom"}) {
            QTest::addRow("%s random", preset) << QString::fromLatin1(preset) << false;
            QTest::addRow("%s passphrase", preset) << QString::fromLatin1(preset) << true;
        }
    }

    void meetsEveryPreset()
    {
        QFETCH(QString, preset);
        QFETCH(bool, passphrase);
        PasswordPolicy policy = PasswordPolicy::forPreset(*PasswordPolicy::presetFromName(preset));
        if (preset == QStringLiteral("custom")) {
            policy.minLength = 40;
            policy.requiredClasses = PasswordText::Digit | PasswordText::Upper;
        }
        const PasswordChecker checker(policy);
        const PasswordGenerator generator(checker);
        PasswordGenerator::Options options;
        options.kind = passphrase ? Kind::Passphrase : Kind::Random;
        std::set<std::string> seen;
        for (int i = 0; i < 20; ++i) {
            const auto generated = generator.generate(options);
            QVERIFY2(generated, qPrintable(generated ? QString() : generated.error().text()));
            QVERIFY(checker.check(*generated).accepted());
            QVERIFY(PasswordText::codePointCount(generated->view()) >= policy.minLength);
            seen.insert(std::string(generated->view()));
        }
        QCOMPARE(seen.size(), std::size_t(20));
        QVERIFY(generator.entropyBits(options) >= 80);
    }

    void honoursRequestedSizes()
    {
        const PasswordChecker checker(PasswordPolicy::forPreset(PolicyPreset::Nist));
        const PasswordGenerator generator(checker);
        auto random = generator.generate({Kind::Random, 32, 0});
        QVERIFY(random);
        QCOMPARE(random->size(), std::size_t(32));
        auto phrase = generator.generate({Kind::Passphrase, 0, 8});
        QVERIFY(phrase);
        QCOMPARE(std::count(phrase->view().begin(), phrase->view().end(), '-'), 7);
    }

    void refusesImpossibleRequests_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("words");
        QTest::addColumn<QString>("code");
        QTest::newRow("negative length") << -1 << 0 << "passwords.generator-options";
        QTest::newRow("huge length") << 100000 << 0 << "passwords.generator-options";
        QTest::newRow("too many words") << 0 << 1000 << "passwords.generator-options";
        QTest::newRow("one word cannot reach 15") << 0 << 1 << "passwords.generator-policy";
    }

    void refusesImpossibleRequests()
    {
        QFETCH(int, length);
        QFETCH(int, words);
        QFETCH(QString, code);
        const PasswordChecker checker(PasswordPolicy::forPreset(PolicyPreset::Nist));
        const PasswordGenerator generator(checker);
        const auto kind = words != 0 ? Kind::Passphrase : Kind::Random;
        const auto generated = generator.generate({kind, length, words});
        QVERIFY(!generated);
        QCOMPARE(generated.error().code, code);
    }
};

QTEST_GUILESS_MAIN(TestPasswordGenerator)
#include "tst_passwordgenerator.moc"
