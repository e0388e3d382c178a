#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"
#include "core/tls/KeyType.h"
#include "core/tls/OpenSsl.h"

#include <optional>

namespace raysec::tls {

// A private key (EVP_PKEY) with PKCS#8 PEM input and output. The PEM text of a key only ever
// lives in SecretBuffers and OpenSSL's secure heap. Copies share the one OpenSSL object.
class PrivateKey
{
public:
    PrivateKey() = default;
    explicit PrivateKey(PkeyPtr key);
    PrivateKey(const PrivateKey& other);
    PrivateKey& operator=(const PrivateKey& other);
    PrivateKey(PrivateKey&&) noexcept = default;
    PrivateKey& operator=(PrivateKey&&) noexcept = default;

    static Result<PrivateKey> generate(KeyType type);
    // Reads a PEM private key (PKCS#8, encrypted PKCS#8 or a traditional format). An encrypted
    // key needs its passphrase; a wrong one gives "tls.key-passphrase".
    static Result<PrivateKey> fromPem(std::string_view pem,
                                      const SecretBuffer* passphrase = nullptr);
    static bool isEncryptedPem(std::string_view pem);

    bool isNull() const { return !m_key; }
    EVP_PKEY* get() const { return m_key.get(); }
    std::optional<KeyType> type() const;
    // A short description for people: "ECDSA P-256", "RSA 3072", "Ed25519".
    QString description() const;

    // Plain PKCS#8 ("PRIVATE KEY").
    Result<SecretBuffer> toPem() const;
    // PKCS#8 encrypted with AES-256-CBC under a PBKDF2-derived key ("ENCRYPTED PRIVATE KEY").
    Result<SecretBuffer> toEncryptedPem(const SecretBuffer& passphrase) const;

private:
    PkeyPtr m_key;
};

// The digest a certificate signed by `signer` uses; null for Ed25519, which hashes itself.
const EVP_MD* signatureDigest(const PrivateKey& signer);

} // namespace raysec::tls
