#include "TlsTestSupport.h"

#include <QDir>
#include <QProcess>
#include <QTest>

namespace raysec::test {

ProcessResult runProgram(const QString& program, const QStringList& args, const QByteArray& input)
{
    QProcess process;
    process.start(program, args);
    ProcessResult result;
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

ProcessResult openssl(const QStringList& args)
{
    return runProgram(QStringLiteral("openssl"), args);
}

tls::CertificateAuthority makeCa(tls::KeyType type, bool intermediate, const QString& name)
{
    tls::CaOptions options;
    options.commonName = name;
    options.keyType = type;
    options.withIntermediate = intermediate;
    auto ca = tls::CertificateAuthority::create(options);
    if (!ca) {
        QTest::qFail(qPrintable(ca.error().text()), __FILE__, __LINE__);
        return {};
    }
    return *ca;
}

void writeBundle(const QString& dir, const tls::CertificateAuthority& ca,
                 const tls::IssuedNode& issued)
{
    auto written =
        tls::BundleWriter::writeNodeBundle(QDir(dir).filePath(issued.node.name), ca, issued, {});
    if (!written) {
        QTest::qFail(qPrintable(written.error().text()), __FILE__, __LINE__);
    }
}

tls::IssuedNode issueInto(const QString& dir, const tls::CertificateAuthority& ca,
                          const tls::NodeEntry& node, const tls::IssueSettings& settings)
{
    auto issued = tls::NodeIssuer::issue(ca, node, settings);
    if (!issued) {
        QTest::qFail(qPrintable(issued.error().text()), __FILE__, __LINE__);
        return {};
    }
    writeBundle(dir, ca, *issued);
    return *issued;
}

QString certificateText(const QString& pemFile)
{
    const ProcessResult r = openssl({QStringLiteral("x509"), QStringLiteral("-in"), pemFile,
                                     QStringLiteral("-noout"), QStringLiteral("-text")});
    return QString::fromUtf8(r.out);
}

} // namespace raysec::test
