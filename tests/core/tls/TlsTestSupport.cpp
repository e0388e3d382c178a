#include "TlsTestSupport.h"

#include <QDir>
#include <QTest>

namespace raysec::test {

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
