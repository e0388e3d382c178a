// PasswordPolicy: presets, validation of every field, JSON round trips and hostile JSON.

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/passwords/PasswordPolicy.h"
#include "core/passwords/PasswordText.h"

using namespace raysec;

class TestPasswordPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void nistPresetFollowsSp80063B4()
    {
        const PasswordPolicy p = PasswordPolicy::forPreset(PolicyPreset::Nist);
        QCOMPARE(p.minLength, 15);
        QVERIFY(p.maxLength >= 64);
        QCOMPARE(p.requiredClasses, 0u);
        QVERIFY(p.bundledBlocklist);
        QCOMPARE(p.maxAgeDays, 0);
        QVERIFY(p.hashing.memLimitBytes >= HashParameters::minimumMemory);
        QVERIFY(p.validated());
        QVERIFY(p.maxAgeNote().contains(QStringLiteral("NIST")));

        const PasswordPolicy mfa = PasswordPolicy::forPreset(PolicyPreset::Nist, true);
        QCOMPARE(mfa.minLength, 8);
        QVERIFY(mfa.validated());
    }

    void organisationPresetRequiresClasses()
    {
        const PasswordPolicy p = PasswordPolicy::forPreset(PolicyPreset::Organisation);
        QCOMPARE(p.requiredClasses, unsigned(PasswordText::Lower | PasswordText::Upper |
                                             PasswordText::Digit | PasswordText::Symbol));
        QVERIFY(p.validated());
    }

    void invalidPolicies_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("value");
        QTest::newRow("nist min 14") << "nistMin" << 14;
        QTest::newRow("nist max 63") << "nistMax" << 63;
        QTest::newRow("nist classes") << "nistClasses" << 1;
        QTest::newRow("nist no blocklist") << "nistBlocklist" << 0;
        QTest::newRow("nist max age") << "nistAge" << 90;
        QTest::newRow("min 0") << "min" << 0;
        QTest::newRow("min above max") << "min" << 200;
        QTest::newRow("max above hard limit") << "max" << 5000;
        QTest::newRow("score 5") << "score" << 5;
        QTest::newRow("score -1") << "score" << -1;
        QTest::newRow("age -1") << "age" << -1;
        QTest::newRow("memory 18 MiB") << "memoryMiB" << 18;
        QTest::newRow("one pass at 19 MiB") << "ops19" << 1;
        QTest::newRow("empty context word") << "context" << 0;
    }

    void invalidPolicies()
    {
        QFETCH(QString, field);
        QFETCH(int, value);
        PasswordPolicy p = PasswordPolicy::forPreset(
            field.startsWith(QStringLiteral("nist")) ? PolicyPreset::Nist : PolicyPreset::Custom);
        if (field == QStringLiteral("nistMin") || field == QStringLiteral("min")) {
            p.minLength = value;
        } else if (field == QStringLiteral("nistMax") || field == QStringLiteral("max")) {
            p.maxLength = value;
        } else if (field == QStringLiteral("nistClasses")) {
            p.requiredClasses = unsigned(value);
        } else if (field == QStringLiteral("nistBlocklist")) {
            p.bundledBlocklist = value != 0;
        } else if (field == QStringLiteral("nistAge") || field == QStringLiteral("age")) {
            p.maxAgeDays = value;
        } else if (field == QStringLiteral("score")) {
            p.minScore = value;
        } else if (field == QStringLiteral("memoryMiB")) {
            p.hashing.memLimitBytes = std::size_t(value) * HashParameters::MiB;
        } else if (field == QStringLiteral("ops19")) {
            p.hashing.memLimitBytes = 19 * HashParameters::MiB;
            p.hashing.opsLimit = unsigned(value);
        } else if (field == QStringLiteral("context")) {
            p.contextWords = {QStringLiteral("  ")};
        }
        const auto ok = p.validated();
        QVERIFY(!ok);
        QVERIFY(!ok.error().message.isEmpty());
        QVERIFY(!ok.error().hint.isEmpty());
    }

    void customMayDepartFromNist()
    {
        PasswordPolicy p = PasswordPolicy::forPreset(PolicyPreset::Custom);
        p.minLength = 10;
        p.maxAgeDays = 90;
        p.requiredClasses = PasswordText::Digit;
        QVERIFY(p.validated());
        QVERIFY(p.maxAgeNote().contains(QStringLiteral("90")));
    }

    void jsonRoundTrip()
    {
        PasswordPolicy p = PasswordPolicy::forPreset(PolicyPreset::Organisation);
        p.contextWords = {QStringLiteral("raycluster"), QStringLiteral("Acmé")};
        p.hibpFile = QStringLiteral("/srv/pwned.txt");
        p.hashing.opsLimit = 3;
        p.hashing.memLimitBytes = 46 * HashParameters::MiB;
        p.hashing.targetMs = 500;
        p.hashing.measuredMs = 480.5;
        p.hashing.calibratedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);

        const QByteArray text = QByteArray::fromStdString(p.toJson().dump());
        const auto back = PasswordPolicy::fromJsonText(text);
        QVERIFY2(back, qPrintable(back ? QString() : back.error().text()));
        QCOMPARE(back->toJson().dump(), p.toJson().dump());
        QCOMPARE(back->contextWords, p.contextWords);
        QCOMPARE(back->hashing, p.hashing);
    }

    void hostileJson_data()
    {
        QTest::addColumn<QByteArray>("text");
        const QByteArray good = QByteArray::fromStdString(
            PasswordPolicy::forPreset(PolicyPreset::Nist).toJson().dump());
        QTest::newRow("not json") << QByteArray("{not json");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("wrong format")
            << QByteArray(good).replace("raysec-password-policy", "something-else");
        QTest::newRow("wrong type")
            << QByteArray(good).replace("\"minLength\":15", "\"minLength\":\"15\"");
        QTest::newRow("unknown preset") << QByteArray(good).replace("\"nist\"", "\"lax\"");
        QTest::newRow("nist too short")
            << QByteArray(good).replace("\"minLength\":15", "\"minLength\":6");
        QTest::newRow("tiny memory")
            << QByteArray(good).replace("\"memoryKiB\":65536", "\"memoryKiB\":1024");
        QTest::newRow("huge memory")
            << QByteArray(good).replace("\"memoryKiB\":65536", "\"memoryKiB\":18014398509481984");
        QTest::newRow("negative ops")
            << QByteArray(good).replace("\"opsLimit\":2", "\"opsLimit\":-2");
        QTest::newRow("several lanes")
            << QByteArray(good).replace("\"parallelism\":1", "\"parallelism\":4");
    }

    void hostileJson()
    {
        QFETCH(QByteArray, text);
        const auto p = PasswordPolicy::fromJsonText(text);
        QVERIFY(!p);
        QVERIFY(!p.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPasswordPolicy)
#include "tst_passwordpolicy.moc"
