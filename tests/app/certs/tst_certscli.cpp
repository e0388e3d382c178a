// raysec-cli certs end to end: issue from CA files and from a stored CA, sign a CSR, preflight,
// rotation runbooks, and bad input that must change nothing.

#include "core/tls/TlsTestSupport.h"

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

using namespace raysec;
using namespace raysec::test;
using namespace Qt::StringLiterals;

namespace {

ProcessResult cli(const QStringList& args, const QByteArray& input = {})
{
    return runProgram(builtProgram(QStringLiteral("raysec-cli")),
                      QStringList{QStringLiteral("certs")} + args, input);
}

void writeText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

nlohmann::json parse(const QByteArray& bytes)
{
    return nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr,
                                 false);
}

} // namespace

class TestCertsCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(builtProgram(QStringLiteral("raysec-cli"))));
        // A CA made by openssl, with an encrypted key, as an admin might already have.
        QVERIFY(openssl({"req"_L1,      "-x509"_L1,
                         "-newkey"_L1,  "ec"_L1,
                         "-pkeyopt"_L1, "ec_paramgen_curve:P-256"_L1,
                         "-keyout"_L1,  path("ca.key"_L1),
                         "-passout"_L1, "pass:an imported ca key"_L1,
                         "-out"_L1,     path("ca.crt"_L1),
                         "-subj"_L1,    "/CN=Imported CA"_L1,
                         "-days"_L1,    "3650"_L1,
                         "-addext"_L1,  "basicConstraints=critical,CA:TRUE"_L1,
                         "-addext"_L1,  "keyUsage=critical,keyCertSign,cRLSign"_L1})
                    .ok());
        writeText(path("ca.pass"_L1), "an imported ca key\n");
        writeText(path("nodes.txt"_L1), "head 10.0.0.1 ray-head.local role=head\n"
                                        "w1 10.0.0.2\nw2 10.0.0.3 w2.local\n");
    }

    void init() { failOnWarnings(); }

    void issuesFromCaFiles()
    {
        ScopedDataDir data;
        const QString out = data.filePath(QStringLiteral("bundles"));
        const ProcessResult r =
            cli({"issue"_L1, "--ca-cert"_L1, path("ca.crt"_L1), "--ca-key"_L1, path("ca.key"_L1),
                 "--ca-passphrase-file"_L1, path("ca.pass"_L1), "--nodes"_L1, path("nodes.txt"_L1),
                 "--out"_L1, out, "--head-name"_L1, "ray.example.com"_L1, "--json"_L1});
        QVERIFY2(r.ok(), r.err);
        const auto json = parse(r.out);
        QCOMPARE(json["issued"].get<int>(), 3);
        QCOMPARE(json["files"].get<int>(), 12);
        for (const char* node : {"head", "w1", "w2"}) {
            const QString bundle = QDir(out).filePath(QLatin1String(node));
            const ProcessResult v =
                openssl({"verify"_L1, "-CAfile"_L1, bundle + "/ca.crt"_L1, bundle + "/tls.crt"_L1});
            QVERIFY2(v.ok(), v.out + v.err);
        }
        const ProcessResult preflight =
            cli({"preflight"_L1, "--nodes"_L1, path("nodes.txt"_L1), "--bundles"_L1, out,
                 "--head-name"_L1, "ray.example.com"_L1});
        QVERIFY2(preflight.ok(), preflight.out);
        const ProcessResult gap =
            cli({"preflight"_L1, "--nodes"_L1, path("nodes.txt"_L1), "--bundles"_L1, out,
                 "--head-name"_L1, "other.example.com"_L1, "--json"_L1});
        QCOMPARE(gap.exitCode, 1);
        QCOMPARE(parse(gap.out)["findings"][0]["address"].get<std::string>(),
                 std::string("other.example.com"));

        const ProcessResult list = cli({"list"_L1, "--json"_L1});
        QVERIFY(list.ok());
        QCOMPARE(parse(list.out).size(), std::size_t(3));
        const ProcessResult inspect =
            cli({"inspect"_L1, QDir(out).filePath(QStringLiteral("head/tls.crt")), "--json"_L1});
        QVERIFY(inspect.ok());
        QVERIFY(parse(inspect.out)[0]["serverAndClientAuth"].get<bool>());
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        writeText(path("bad-nodes.txt"_L1), "head 10.0.0.1\nw1 10.0.0\n");
        writeText(path("bad.pem"_L1), "-----BEGIN CERTIFICATE-----\nnot base64\n"
                                      "-----END CERTIFICATE-----\n");
        writeText(path("bad.csr"_L1), "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n"
                                      "-----END CERTIFICATE REQUEST-----\n");
        writeText(path("wrong.pass"_L1), "not the passphrase\n");
        const QStringList ca{"--ca-cert"_L1,    path("ca.crt"_L1),         "--ca-key"_L1,
                             path("ca.key"_L1), "--ca-passphrase-file"_L1, path("ca.pass"_L1)};
        const QStringList out{"--out"_L1, "OUT"_L1};
        QTest::newRow("malformed node list")
            << QStringList{"issue"_L1, "--nodes"_L1, path("bad-nodes.txt"_L1)} + ca + out
            << QStringLiteral("Line 2");
        QTest::newRow("hostile typed node")
            << QStringList{"issue"_L1, "--node"_L1, "../x,10.0.0.1"_L1} + ca + out
            << QStringLiteral("node name");
        QTest::newRow("malformed CA certificate")
            << QStringList{"issue"_L1,           "--nodes"_L1,
                           path("nodes.txt"_L1), "--ca-cert"_L1,
                           path("bad.pem"_L1),   "--ca-key"_L1,
                           path("ca.key"_L1),    "--ca-passphrase-file"_L1,
                           path("ca.pass"_L1)} +
                   out
            << QStringLiteral("PEM certificate");
        QTest::newRow("wrong CA passphrase")
            << QStringList{"issue"_L1,           "--nodes"_L1,
                           path("nodes.txt"_L1), "--ca-cert"_L1,
                           path("ca.crt"_L1),    "--ca-key"_L1,
                           path("ca.key"_L1),    "--ca-passphrase-file"_L1,
                           path("wrong.pass"_L1)} +
                   out
            << QStringLiteral("passphrase");
        QTest::newRow("days out of range")
            << QStringList{"issue"_L1, "--nodes"_L1, path("nodes.txt"_L1), "--days"_L1, "0"_L1} +
                   ca + out
            << QStringLiteral("outside 1 to");
        writeText(path("weak.pass"_L1), "abc\n");
        QTest::newRow("weak p12 passphrase")
            << QStringList{"issue"_L1, "--nodes"_L1, path("nodes.txt"_L1),
                           "--p12-passphrase-file"_L1, path("weak.pass"_L1)} +
                   ca + out
            << QStringLiteral("shorter than");
        QTest::newRow("malformed CSR") << QStringList{"sign-csr"_L1, "--csr"_L1, path("bad.csr"_L1),
                                                      "--node"_L1, "w1,10.0.0.2"_L1} +
                                              ca + out
                                       << QStringLiteral("CSR");
    }

    void badInputChangesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        ScopedDataDir data;
        const QString out = data.filePath(QStringLiteral("out"));
        args.replaceInStrings(QRegularExpression(QStringLiteral("^OUT$")), out);
        const ProcessResult r = cli(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err);
        QVERIFY(!QDir(out).exists());
        QCOMPARE(QDir(data.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
                 QStringList());
    }

    void signsCsr()
    {
        ScopedDataDir data;
        const ProcessResult command =
            cli({"sign-csr"_L1, "--node"_L1, "w9,10.0.0.9"_L1, "--print-command"_L1});
        QVERIFY(command.ok());
        QVERIFY(command.out.contains("openssl req -new"));
        // Run the printed command as the node would.
        QTemporaryDir node;
        const ProcessResult made = runProgram(
            QStringLiteral("sh"), {"-c"_L1, "cd '"_L1 + node.path() + "' && "_L1 +
                                                QString::fromUtf8(command.out.trimmed())});
        QVERIFY2(made.ok(), made.err);
        const ProcessResult r =
            cli({"sign-csr"_L1, "--csr"_L1, node.filePath(QStringLiteral("w9.csr")), "--node"_L1,
                 "w9,10.0.0.9"_L1, "--ca-cert"_L1, path("ca.crt"_L1), "--ca-key"_L1,
                 path("ca.key"_L1), "--ca-passphrase-file"_L1, path("ca.pass"_L1), "--out"_L1,
                 data.filePath(QStringLiteral("w9"))});
        QVERIFY2(r.ok(), r.err);
        QVERIFY(!QFile::exists(data.filePath(QStringLiteral("w9/tls.key"))));
        const ProcessResult v =
            openssl({"verify"_L1, "-CAfile"_L1, data.filePath(QStringLiteral("w9/ca.crt")),
                     data.filePath(QStringLiteral("w9/tls.crt"))});
        QVERIFY2(v.ok(), v.err);
    }

    void writesARunbook()
    {
        const QString md = path("runbook.md"_L1);
        const ProcessResult r =
            cli({"plan-rotation"_L1, "--nodes"_L1, path("nodes.txt"_L1), "--ca"_L1, "prod"_L1,
                 "--new-ca"_L1, "prod-2"_L1, "--markdown"_L1, md});
        QVERIFY2(r.ok(), r.err);
        const QByteArray text = readFile(md);
        QVERIFY(text.startsWith("# Ray TLS rotation runbook"));
        QVERIFY(text.contains("--trust-ca 'prod-2'"));
        QCOMPARE(cli({"plan-rotation"_L1, "--nodes"_L1, path("nodes.txt"_L1), "--ca"_L1, "prod"_L1,
                      "--ssh-user"_L1, "x;rm"_L1})
                     .exitCode,
                 2);
    }

    void storedCaWithKeychain()
    {
        QVERIFY2(secretServiceAvailable(),
                 "This test needs a Secret Service: run it under dbus-run-session with "
                 "gnome-keyring unlocked, as .ci/run does.");
        ScopedDataDir data;
        const QString name = QStringLiteral("cli-%1").arg(QDateTime::currentMSecsSinceEpoch());
        const ProcessResult created =
            cli({"ca"_L1, "create"_L1, name, "--intermediate"_L1, "--json"_L1});
        QVERIFY2(created.ok(), created.err);
        QCOMPARE(parse(created.out)["chain"].size(), std::size_t(2));
        QCOMPARE(cli({"ca"_L1, "create"_L1, name}).exitCode, 1); // never overwritten

        const QString out = data.filePath(QStringLiteral("bundles"));
        const ProcessResult issued =
            cli({"issue"_L1, "--ca"_L1, name, "--nodes"_L1, path("nodes.txt"_L1), "--out"_L1, out});
        QVERIFY2(issued.ok(), issued.err);
        const QString bundle = QDir(out).filePath(QStringLiteral("w1"));
        const ProcessResult v =
            openssl({"verify"_L1, "-CAfile"_L1, bundle + "/ca.crt"_L1, "-untrusted"_L1,
                     bundle + "/tls.crt"_L1, bundle + "/tls.crt"_L1});
        QVERIFY2(v.ok(), v.out + v.err);

        const QString key = data.filePath(QStringLiteral("exported.key"));
        QCOMPARE(cli({"ca"_L1, "export-key"_L1, name, "--out"_L1, key}).exitCode, 2);
        const ProcessResult exported =
            cli({"ca"_L1, "export-key"_L1, name, "--out"_L1, key, "--plaintext"_L1});
        QVERIFY2(exported.ok(), exported.err);
        QVERIFY(readFile(key).startsWith("-----BEGIN PRIVATE KEY-----"));
        QCOMPARE(QFile::permissions(key) & QFileDevice::Permissions(0x0077),
                 QFileDevice::Permissions());
    }
};

QTEST_GUILESS_MAIN(TestCertsCli)
#include "tst_certscli.moc"
