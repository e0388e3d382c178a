// PasswordHasher and HashCalibrator: Argon2id PHC strings checked both ways against an
// independent implementation (Debian's python3-argon2), wrong passwords, needs-rehash.

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/passwords/HashCalibrator.h"
#include "core/passwords/PasswordHasher.h"
#include "core/passwords/PasswordText.h"

#include <QProcess>

using namespace raysec;

namespace {

SecretBuffer secret(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    return SecretBuffer(utf8.constData(), std::size_t(utf8.size()));
}

HashParameters fastParameters()
{
    HashParameters p;
    p.memLimitBytes = 19 * HashParameters::MiB;
    p.opsLimit = 2;
    return p;
}

// Runs a Python snippet with Debian's interpreter; the password goes on standard input, never
// on the command line. Returns {exit code, standard output}.
std::pair<int, QByteArray> python(const QString& script, const QStringList& args,
                                  const QByteArray& input)
{
    QProcess process;
    process.start(QStringLiteral("/usr/bin/python3"),
                  QStringList{QStringLiteral("-c"), script} + args);
    if (!process.waitForStarted(10000)) {
        return {-1, {}};
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        return {-1, {}};
    }
    return {process.exitCode(), process.readAllStandardOutput().trimmed()};
}

const QString verifyScript =
    QStringLiteral("import sys, argon2\n"
                   "try:\n"
                   "    argon2.PasswordHasher().verify(sys.argv[1], sys.stdin.buffer.read())\n"
                   "except argon2.exceptions.VerifyMismatchError:\n"
                   "    sys.exit(3)\n");

const QString hashScript =
    QStringLiteral("import sys, argon2\n"
                   "t, m, p = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])\n"
                   "h = argon2.PasswordHasher(time_cost=t, memory_cost=m, parallelism=p)\n"
                   "print(h.hash(sys.stdin.buffer.read()))\n");

// 1 or 0 for a yes or no, -1 for an error.
int outcome(const Result<bool>& r)
{
    return r ? int(*r) : -1;
}

} // namespace

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void raysecHashVerifiesInPython_data() { addPasswords(); }
    void pythonHashVerifiesInRaysec_data() { addPasswords(); }

    void raysecHashVerifiesInPython()
    {
        QFETCH(QString, password);
        const auto normal = PasswordText::normalized(secret(password));
        QVERIFY(normal);
        const auto phc = PasswordHasher::hash(*normal, fastParameters());
        QVERIFY2(phc, qPrintable(phc ? QString() : phc.error().text()));
        QVERIFY(phc->startsWith(QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$")));

        const QByteArray bytes(normal->data(), qsizetype(normal->size()));
        QCOMPARE(python(verifyScript, {*phc}, bytes).first, 0);
        QCOMPARE(python(verifyScript, {*phc}, bytes + "x").first, 3);
    }

    void pythonHashVerifiesInRaysec()
    {
        QFETCH(QString, password);
        const auto normal = PasswordText::normalized(secret(password));
        QVERIFY(normal);
        const QByteArray bytes(normal->data(), qsizetype(normal->size()));
        for (const QStringList& params :
             {QStringList{QStringLiteral("2"), QStringLiteral("19456"), QStringLiteral("1")},
              QStringList{QStringLiteral("3"), QStringLiteral("65536"), QStringLiteral("4")}}) {
            const auto [code, phc] = python(hashScript, params, bytes);
            QCOMPARE(code, 0);
            const QString hash = QString::fromLatin1(phc);
            QVERIFY(hash.startsWith(QStringLiteral("$argon2id$")));
            QVERIFY(PasswordHasher::verify(hash, *normal));
            QVERIFY(!PasswordHasher::verify(hash, secret(password + QStringLiteral("!"))));
        }
    }

    void decomposedInputVerifiesAfterNormalising()
    {
        const auto typedComposed =
            PasswordText::normalized(secret(QStringLiteral("Ré\u00E9sumé-2026-garçon")));
        const auto typedDecomposed = PasswordText::normalized(
            secret(QStringLiteral("Re\u0301e\u0301sume\u0301-2026-garc\u0327on")));
        QVERIFY(typedComposed && typedDecomposed);
        const auto phc = PasswordHasher::hash(*typedComposed, fastParameters());
        QVERIFY(phc);
        QVERIFY(PasswordHasher::verify(*phc, *typedDecomposed));
    }

    void wrongPasswordsFail_data()
    {
        QTest::addColumn<QString>("wrong");
        QTest::newRow("empty") << QString();
        QTest::newRow("case") << QStringLiteral("Correct horse battery staple");
        QTest::newRow("prefix") << QStringLiteral("correct horse battery stapl");
        QTest::newRow("longer") << QStringLiteral("correct horse battery staple ");
    }

    void wrongPasswordsFail()
    {
        QFETCH(QString, wrong);
        const auto phc = PasswordHasher::hash(
            secret(QStringLiteral("correct horse battery staple")), fastParameters());
        QVERIFY(phc);
        QVERIFY(!PasswordHasher::verify(*phc, secret(wrong)));
    }

    void malformedHashesFail_data()
    {
        QTest::addColumn<QString>("phc");
        QTest::newRow("empty") << QString();
        QTest::newRow("bcrypt") << QStringLiteral("$2b$12$abcdefghijklmnopqrstuuOqRsdhWbdKjXd");
        QTest::newRow("truncated") << QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA");
        QTest::newRow("huge") << QStringLiteral("$argon2id$") + QString(500, u'A');
    }

    void malformedHashesFail()
    {
        QFETCH(QString, phc);
        QVERIFY(!PasswordHasher::verify(phc, secret(QStringLiteral("anything at all"))));
    }

    void needsRehash()
    {
        const HashParameters current = fastParameters();
        const auto phc = PasswordHasher::hash(secret(QStringLiteral("a long passphrase")), current);
        QVERIFY(phc);
        QCOMPARE(outcome(PasswordHasher::needsRehash(*phc, current)), 0);

        HashParameters stronger = current;
        stronger.opsLimit = 3;
        QCOMPARE(outcome(PasswordHasher::needsRehash(*phc, stronger)), 1);
        stronger = current;
        stronger.memLimitBytes = 46 * HashParameters::MiB;
        QCOMPARE(outcome(PasswordHasher::needsRehash(*phc, stronger)), 1);

        const auto [code, pythonHash] =
            python(hashScript, {QStringLiteral("2"), QStringLiteral("19456"), QStringLiteral("4")},
                   "a long passphrase");
        QCOMPARE(code, 0);
        QCOMPARE(outcome(PasswordHasher::needsRehash(QString::fromLatin1(pythonHash), current)), 1);
        QVERIFY(!PasswordHasher::needsRehash(QStringLiteral("$2b$12$nonsense"), current));
    }

    void refusesParametersBelowOwaspFloor()
    {
        HashParameters weak;
        weak.memLimitBytes = 8 * HashParameters::MiB;
        weak.opsLimit = 2;
        QVERIFY(!PasswordHasher::hash(secret(QStringLiteral("x")), weak));
    }

    void calibrationReachesTargetAtFloorMemory()
    {
        std::vector<int> progress;
        const auto result = HashCalibrator::calibrate(
            100, 19 * HashParameters::MiB, [&progress](int p) { progress.push_back(p); });
        QVERIFY2(result, qPrintable(result ? QString() : result.error().text()));
        QVERIFY(!result->cancelled);
        const HashParameters& p = result->parameters;
        QCOMPARE(p.memLimitBytes, 19 * HashParameters::MiB);
        QVERIFY(p.opsLimit >= 2);
        QVERIFY(p.validated());
        QCOMPARE(p.targetMs, 100);
        QVERIFY(p.measuredMs > 0);
        QVERIFY(p.calibratedAt.isValid());
        QVERIFY(!progress.empty());
        QCOMPARE(progress.back(), 100);
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));
    }

    void calibrationCancelIsNotAnError()
    {
        std::stop_source stop;
        stop.request_stop();
        const auto result =
            HashCalibrator::calibrate(500, 64 * HashParameters::MiB, {}, stop.get_token());
        QVERIFY(result);
        QVERIFY(result->cancelled);
        QVERIFY(!HashCalibrator::calibrate(5, 64 * HashParameters::MiB));
        QVERIFY(!HashCalibrator::calibrate(500, 4 * HashParameters::MiB));
    }

private:
    void addPasswords()
    {
        QTest::addColumn<QString>("password");
        QTest::newRow("ascii") << QStringLiteral("correct horse battery staple");
        QTest::newRow("accents") << QStringLiteral("Crème brûlée à la française!");
        QTest::newRow("emoji") << QString::fromUtf8("🔥🐍 dragons & snakes 🚀");
        QTest::newRow("cjk") << QStringLiteral("パスワードは長いほうがいい");
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
