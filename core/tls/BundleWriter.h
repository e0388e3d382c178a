#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"
#include "core/tls/CertificateAuthority.h"
#include "core/tls/NodeIssuer.h"

namespace raysec::tls {

// Which files go into each node's bundle folder besides ca.crt, tls.crt, tls.key and tls.env.
struct BundleOptions
{
    QString remoteDir = QStringLiteral("/etc/ray/tls"); // where the files live on the node
    QString kubernetesNamespace;                        // non-empty: also write secret.yaml
    const SecretBuffer* pkcs12Passphrase = nullptr;     // non-null: also write tls.p12
    QList<Certificate> extraTrust; // further CA roots in ca.crt, e.g. during a CA rotation
};

// Writes what a node needs for Ray's mutual TLS. Files holding a private key are written
// owner-only (0600) from their first byte; every file is replaced atomically.
class BundleWriter
{
public:
    // Writes <dir>/ca.crt, tls.crt (leaf and intermediates), tls.key, tls.env and the optional
    // exports. Returns the paths written.
    static Result<QStringList> writeNodeBundle(const QString& dir, const CertificateAuthority& ca,
                                               const IssuedNode& issued,
                                               const BundleOptions& options);

    // The environment file that turns on TLS for Ray with files under `remoteDir`.
    static QByteArray envFile(const QString& remoteDir);
    // A kubernetes.io/tls Secret carrying ca.crt, tls.crt and tls.key.
    static Result<SecretBuffer> kubernetesSecret(const QString& nodeName, const QString& nameSpace,
                                                 const QByteArray& caPem, const QByteArray& certPem,
                                                 const SecretBuffer& keyPem);
    // PKCS#12 (AES-256, PBKDF2) holding the key, the leaf and the CA chain.
    static Result<SecretBuffer> pkcs12(const CertificateAuthority& ca, const IssuedNode& issued,
                                       const SecretBuffer& passphrase);
    // A truststore-only export: the CA certificates, no key.
    static Result<void> writeTruststore(const QString& path, const QList<Certificate>& roots);

    // The ca.crt text: the CA's root and any extra trusted roots.
    static QByteArray trustPem(const CertificateAuthority& ca, const QList<Certificate>& extra);
};

} // namespace raysec::tls
