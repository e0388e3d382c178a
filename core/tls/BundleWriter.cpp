#include "core/tls/BundleWriter.h"

#include "core/common/SafeFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

#include <sodium.h>

namespace raysec::tls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::tls::BundleWriter)
};

// Base64 into guarded memory, so an encoded key never sits in a QByteArray.
SecretBuffer base64(std::string_view bytes)
{
    const std::size_t size =
        sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    SecretBuffer out(size);
    sodium_bin2base64(out.data(), size, reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.truncate(size - 1); // the terminating zero
    return out;
}

QString secretName(const QString& nodeName)
{
    QString name = nodeName.toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9-]")), QStringLiteral("-"));
    return QStringLiteral("ray-tls-") + name;
}

Result<void> writeFile(QStringList& written, const QString& path, std::string_view bytes,
                       SafeFile::Mode mode)
{
    if (auto ok = SafeFile::write(path, bytes, mode); !ok) {
        return ok;
    }
    written.append(path);
    return {};
}

std::string_view view(const QByteArray& bytes)
{
    return {bytes.constData(), std::size_t(bytes.size())};
}

Result<void> writeKeyExports(QStringList& written, const QDir& dir, const CertificateAuthority& ca,
                             const IssuedNode& issued, const BundleOptions& options,
                             const QByteArray& caPem, const QByteArray& certPem)
{
    auto keyPem = issued.key.toPem();
    if (!keyPem) {
        return std::unexpected(keyPem.error());
    }
    const auto ownerOnly = SafeFile::Mode::OwnerOnly;
    auto ok =
        writeFile(written, dir.filePath(QStringLiteral("tls.key")), keyPem->view(), ownerOnly);
    if (ok && !options.kubernetesNamespace.isEmpty()) {
        auto secret = BundleWriter::kubernetesSecret(issued.node.name, options.kubernetesNamespace,
                                                     caPem, certPem, *keyPem);
        ok = secret ? writeFile(written, dir.filePath(QStringLiteral("secret.yaml")),
                                secret->view(), ownerOnly)
                    : Result<void>(std::unexpected(secret.error()));
    }
    if (ok && options.pkcs12Passphrase) {
        auto p12 = BundleWriter::pkcs12(ca, issued, *options.pkcs12Passphrase);
        ok = p12 ? writeFile(written, dir.filePath(QStringLiteral("tls.p12")), p12->view(),
                             ownerOnly)
                 : Result<void>(std::unexpected(p12.error()));
    }
    return ok;
}

} // namespace

QByteArray BundleWriter::trustPem(const CertificateAuthority& ca, const QList<Certificate>& extra)
{
    return certificatesToPem(QList<Certificate>{ca.root()} + extra);
}

Result<QStringList> BundleWriter::writeNodeBundle(const QString& dir,
                                                  const CertificateAuthority& ca,
                                                  const IssuedNode& issued,
                                                  const BundleOptions& options)
{
    const QDir folder(dir);
    const QByteArray caPem = trustPem(ca, options.extraTrust);
    const QByteArray certPem =
        certificatesToPem(QList<Certificate>{issued.certificate} + ca.intermediates());
    QStringList written;
    const auto pub = SafeFile::Mode::Public;
    auto ok = writeFile(written, folder.filePath(QStringLiteral("ca.crt")), view(caPem), pub);
    ok = ok ? writeFile(written, folder.filePath(QStringLiteral("tls.crt")), view(certPem), pub)
            : ok;
    ok = ok ? writeFile(written, folder.filePath(QStringLiteral("tls.env")),
                        view(envFile(options.remoteDir)), pub)
            : ok;
    if (ok && !issued.key.isNull()) {
        ok = writeKeyExports(written, folder, ca, issued, options, caPem, certPem);
    }
    if (!ok) {
        return std::unexpected(ok.error());
    }
    return written;
}

QByteArray BundleWriter::envFile(const QString& remoteDir)
{
    const QByteArray dir = QDir::cleanPath(remoteDir).toUtf8();
    return "# Ray reads these only when a process starts: restart after changing them.\n"
           "RAY_USE_TLS=1\n"
           "RAY_TLS_SERVER_CERT=" +
           dir +
           "/tls.crt\n"
           "RAY_TLS_SERVER_KEY=" +
           dir +
           "/tls.key\n"
           "RAY_TLS_CA_CERT=" +
           dir + "/ca.crt\n";
}

Result<SecretBuffer> BundleWriter::kubernetesSecret(const QString& nodeName,
                                                    const QString& nameSpace,
                                                    const QByteArray& caPem,
                                                    const QByteArray& certPem,
                                                    const SecretBuffer& keyPem)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"));
    if (!label.match(nameSpace).hasMatch()) {
        return fail(QStringLiteral("tls.k8s-namespace"),
                    Text::tr("\"%1\" is not a valid Kubernetes namespace.").arg(nameSpace),
                    Text::tr("Use lower-case letters, digits and dashes, such as ray-system."));
    }
    const QByteArray head =
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + secretName(nodeName).toUtf8() +
        "\n  namespace: " + nameSpace.toUtf8() + "\ntype: kubernetes.io/tls\ndata:\n";
    SecretBuffer yaml;
    yaml.append(view(head));
    yaml.append("  ca.crt: ");
    yaml.append(base64(view(caPem)).view());
    yaml.append("\n  tls.crt: ");
    yaml.append(base64(view(certPem)).view());
    yaml.append("\n  tls.key: ");
    yaml.append(base64(keyPem.view()).view());
    yaml.append("\n");
    return yaml;
}

Result<SecretBuffer> BundleWriter::pkcs12(const CertificateAuthority& ca, const IssuedNode& issued,
                                          const SecretBuffer& passphrase)
{
    if (passphrase.isEmpty() || issued.key.isNull()) {
        return fail(QStringLiteral("tls.pkcs12"),
                    Text::tr("A PKCS#12 file needs a key and a passphrase."),
                    Text::tr("Give a passphrase for the PKCS#12 file."));
    }
    SecretBuffer terminated = passphrase.clone();
    terminated.append("\0", 1);
    X509StackPtr chain(sk_X509_new_null());
    for (const Certificate& cert : ca.chain()) {
        X509_up_ref(cert.get());
        sk_X509_push(chain.get(), cert.get());
    }
    const QByteArray name = issued.node.name.toUtf8();
    Pkcs12Ptr p12(PKCS12_create(terminated.data(), name.constData(), issued.key.get(),
                                issued.certificate.get(), chain.get(), 0, 0, 0, 0, 0));
    BioPtr bio = writeBio(true);
    if (!p12 || i2d_PKCS12_bio(bio.get(), p12.get()) != 1) {
        return std::unexpected(openSslError(QStringLiteral("tls.pkcs12"),
                                            Text::tr("Building the PKCS#12 file failed")));
    }
    return SecretBuffer::fromView(bioContents(bio.get()));
}

Result<void> BundleWriter::writeTruststore(const QString& path, const QList<Certificate>& roots)
{
    return SafeFile::write(path, view(certificatesToPem(roots)), SafeFile::Mode::Public);
}

} // namespace raysec::tls
