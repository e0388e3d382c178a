// raysec-cli audit fix against raysec-sim's token-off-2.52 cluster: the same files and runbook
// as the hardening wizard, refusals that change nothing, and the JSON summary.

#include "support/SimProcess.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace raysec;

class TstAuditFixCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void writesTheFixesAndRefusesToOverwrite()
    {
        test::ScopedDataDir data;
        test::SimProcess sim;
        QString error;
        QVERIFY2(sim.start({false,
                            {},
                            std::nullopt,
                            {},
                            QStringLiteral("token-off-2.52"),
                            {QStringLiteral("--tick-ms"), QStringLiteral("0")}},
                           &error),
                 qPrintable(error));
        QCOMPARE(
            test::runCli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("lab"),
                          QStringLiteral("--url"), sim.url().toString()}),
            0);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("fixes"));
        const QStringList fix = {QStringLiteral("audit"),     QStringLiteral("fix"),
                                 QStringLiteral("--profile"), QStringLiteral("lab"),
                                 QStringLiteral("--out"),     out,
                                 QStringLiteral("--ports"),   QString::number(test::closedPort()),
                                 QStringLiteral("--skip"),    QStringLiteral("RAY-9.1"),
                                 QStringLiteral("--json")};
        QCOMPARE(test::runCli({QStringLiteral("audit"), QStringLiteral("fix"),
                               QStringLiteral("--profile"), QStringLiteral("lab")}),
                 2);
        QVERIFY(!QFileInfo::exists(out));

        QByteArray stdoutText;
        QByteArray stderrText;
        QCOMPARE(test::runCli(fix, &stdoutText, &stderrText), 0);
        const auto summary = nlohmann::json::parse(stdoutText.toStdString(), nullptr, false);
        QVERIFY2(!summary.is_discarded(), stdoutText.constData());
        QCOMPARE(summary["folder"].get<std::string>(), out.toStdString());
        int secrets = 0;
        for (const auto& file : summary["files"]) {
            const QString path = QDir(out).filePath(QString::fromStdString(file["path"]));
            QVERIFY2(QFileInfo::exists(path), qPrintable(path));
            if (file["secret"].get<bool>()) {
                ++secrets;
                QCOMPARE(QFileInfo(path).permissions() & 0x0077, QFileDevice::Permissions());
            }
        }
        QCOMPARE(secrets, 5);
        QVERIFY(!QFileInfo::exists(QDir(out).filePath(QStringLiteral("gateway/rate-limits.json"))));
        const QByteArray token =
            test::readFile(QDir(out).filePath(QStringLiteral("ray/auth_token")));
        QCOMPARE(token.trimmed().size(), 64);
        const QByteArray runbook = test::readFile(QDir(out).filePath(QStringLiteral("RUNBOOK.md")));
        QVERIFY(runbook.contains("pip install --upgrade \"ray[default]==2.61.0\""));
        QVERIFY(!runbook.contains(token.trimmed()));
        QVERIFY(!stdoutText.contains(token.trimmed()));
        QVERIFY(!stderrText.contains(token.trimmed()));

        // A second run into the same folder is refused and leaves the token as it was.
        QByteArray again;
        QByteArray againErr;
        QCOMPARE(test::runCli(fix, &again, &againErr), 1);
        QVERIFY2((again + againErr).contains("already holds"), (again + againErr).constData());
        QCOMPARE(test::readFile(QDir(out).filePath(QStringLiteral("ray/auth_token"))), token);

        // --apply makes the console changes too (the keychain is gnome-keyring here).
        QVERIFY2(test::secretServiceAvailable(), "needs an unlocked keyring on a D-Bus bus");
        const QString applied = dir.filePath(QStringLiteral("applied"));
        QStringList withApply = fix;
        withApply.replace(withApply.indexOf(out), applied);
        withApply << QStringLiteral("--apply");
        QByteArray appliedText;
        QCOMPARE(test::runCli(withApply, &appliedText), 0);
        const auto result = nlohmann::json::parse(appliedText.toStdString(), nullptr, false);
        QVERIFY2(!result.is_discarded(), appliedText.constData());
        const nlohmann::json expected =
            nlohmann::json::array({"store-ray-token", "use-ray-token-auth", "publish-key-registry",
                                   "publish-gateway-bundles", "save-quota-policy"});
        QVERIFY2(result["applied"] == expected, appliedText.constData());
        QVERIFY(QFileInfo::exists(QDir(applied).filePath(QStringLiteral("gateway/registry.json"))));
        // The policy bundle carries the quota policy --apply saved, signed with the registry's key.
        const QString gateway = QDir(applied).filePath(QStringLiteral("gateway/"));
        const auto policy = nlohmann::json::parse(
            test::readFile(gateway + QStringLiteral("policy.json")).toStdString(), nullptr, false);
        QVERIFY(!policy.is_discarded());
        QCOMPARE(policy["quotas"]["teams"]["default"]["hard"]["concurrentJobs"].get<int>(), 16);
        QVERIFY(result["bundles"].get<std::string>().find("policy.json") != std::string::npos);
        QProcess minisign;
        minisign.start(QStringLiteral("minisign"),
                       {QStringLiteral("-V"), QStringLiteral("-p"),
                        gateway + QStringLiteral("raysec-registry.pub"), QStringLiteral("-m"),
                        gateway + QStringLiteral("policy.json")});
        QVERIFY(minisign.waitForFinished(30000));
        QCOMPARE(minisign.exitCode(), 0);
        QByteArray list;
        QCOMPARE(test::runCli(
                     {QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")},
                     &list),
                 0);
        QVERIFY2(list.contains("ray-token"), list.constData());
    }
};

QTEST_GUILESS_MAIN(TstAuditFixCli)
#include "tst_auditfixcli.moc"
