#pragma once

#include "core/common/Error.h"
#include "core/tls/Certificate.h"
#include "core/tls/KeyType.h"
#include "core/tls/PrivateKey.h"

namespace raysec::tls {

// What a new CA looks like: a self-signed root and, optionally, an intermediate below it that
// signs the node certificates so the root key can stay offline.
struct CaOptions
{
    QString commonName = QStringLiteral("Ray cluster CA");
    KeyType keyType = KeyType::EcdsaP256;
    int validityDays = 3650;
    bool withIntermediate = false;
    int intermediateDays = 1825;
};

// A certificate authority that signs node certificates: the chain from the signing CA up to
// the root, the signing key, and the root key when Raysec made the root itself.
class CertificateAuthority
{
public:
    static Result<CertificateAuthority> create(const CaOptions& options);
    // Imports a PEM chain (signing CA first, root last) and the signing CA's key. Checks that
    // the key matches, that each certificate is a CA issued by the next, and that the root is
    // self-signed and every certificate is within its validity.
    static Result<CertificateAuthority> import(std::string_view chainPem, std::string_view keyPem,
                                               const SecretBuffer* passphrase);

    const Certificate& signer() const { return m_chain.first(); }
    const Certificate& root() const { return m_chain.last(); }
    const PrivateKey& signingKey() const { return m_signingKey; }
    // The root's key, when it is held apart from the signing key (a created intermediate).
    const PrivateKey& rootKey() const { return m_rootKey; }
    // Signing CA first, root last.
    const QList<Certificate>& chain() const { return m_chain; }
    // The certificates a leaf sends above itself: every CA in the chain except the root.
    QList<Certificate> intermediates() const;

    // Keeps the root's key next to the signing key (when loading a stored CA).
    void setRootKey(PrivateKey key) { m_rootKey = std::move(key); }

private:
    QList<Certificate> m_chain;
    PrivateKey m_signingKey;
    PrivateKey m_rootKey;
};

} // namespace raysec::tls
