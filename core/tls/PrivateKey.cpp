#include "core/tls/PrivateKey.h"

#include <QCoreApplication>

#include <openssl/core_names.h>
#include <openssl/pem.h>

#include <cstring>

namespace raysec::tls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::tls::PrivateKey)
};

Error keygenError()
{
    return openSslError(QStringLiteral("tls.keygen"), Text::tr("Generating the key failed"));
}

Result<PrivateKey> generateWith(const char* algorithm, KeyType type)
{
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, algorithm, nullptr));
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) <= 0) {
        return std::unexpected(keygenError());
    }
    int ok = 1;
    if (type == KeyType::EcdsaP256 || type == KeyType::EcdsaP384) {
        ok = EVP_PKEY_CTX_set_group_name(ctx.get(), type == KeyType::EcdsaP256 ? "P-256" : "P-384");
    } else if (type != KeyType::Ed25519) {
        const unsigned bits = type == KeyType::Rsa2048   ? 2048
                              : type == KeyType::Rsa3072 ? 3072
                                                         : 4096;
        ok = EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), int(bits));
    }
    EVP_PKEY* raw = nullptr;
    if (ok <= 0 || EVP_PKEY_generate(ctx.get(), &raw) <= 0) {
        return std::unexpected(keygenError());
    }
    return PrivateKey(PkeyPtr(raw));
}

struct PassphraseRequest
{
    const SecretBuffer* passphrase = nullptr;
    bool asked = false;
};

int passphraseCallback(char* buffer, int size, int, void* userData)
{
    auto* request = static_cast<PassphraseRequest*>(userData);
    request->asked = true;
    if (!request->passphrase || request->passphrase->isEmpty() ||
        request->passphrase->size() > std::size_t(size)) {
        return -1;
    }
    std::memcpy(buffer, request->passphrase->data(), request->passphrase->size());
    return int(request->passphrase->size());
}

} // namespace

PrivateKey::PrivateKey(PkeyPtr key)
    : m_key(std::move(key))
{
}

PrivateKey::PrivateKey(const PrivateKey& other)
{
    *this = other;
}

PrivateKey& PrivateKey::operator=(const PrivateKey& other)
{
    if (this != &other) {
        if (other.m_key) {
            EVP_PKEY_up_ref(other.m_key.get());
        }
        m_key.reset(other.m_key.get());
    }
    return *this;
}

Result<PrivateKey> PrivateKey::generate(KeyType type)
{
    switch (type) {
    case KeyType::EcdsaP256:
    case KeyType::EcdsaP384:
        return generateWith("EC", type);
    case KeyType::Ed25519:
        return generateWith("ED25519", type);
    default:
        return generateWith("RSA", type);
    }
}

bool PrivateKey::isEncryptedPem(std::string_view pem)
{
    return pem.find("-----BEGIN ENCRYPTED PRIVATE KEY-----") != std::string_view::npos ||
           pem.find("Proc-Type: 4,ENCRYPTED") != std::string_view::npos;
}

Result<PrivateKey> PrivateKey::fromPem(std::string_view pem, const SecretBuffer* passphrase)
{
    const bool encrypted = isEncryptedPem(pem);
    if (encrypted && (!passphrase || passphrase->isEmpty())) {
        return fail(QStringLiteral("tls.key-encrypted"), Text::tr("The private key is encrypted."),
                    Text::tr("Give the key's passphrase."));
    }
    BioPtr bio = readBio(pem);
    PassphraseRequest request{passphrase};
    EVP_PKEY* raw = PEM_read_bio_PrivateKey(bio.get(), nullptr, passphraseCallback, &request);
    if (!raw && encrypted) {
        clearOpenSslErrors();
        return fail(QStringLiteral("tls.key-passphrase"),
                    Text::tr("The private key could not be decrypted with this passphrase."),
                    Text::tr("Check the passphrase and try again."));
    }
    if (!raw) {
        return std::unexpected(
            openSslError(QStringLiteral("tls.key-pem"),
                         Text::tr("The file does not hold a readable private key"),
                         Text::tr("Give a PEM private key (-----BEGIN PRIVATE KEY-----).")));
    }
    return PrivateKey(PkeyPtr(raw));
}

std::optional<KeyType> PrivateKey::type() const
{
    if (!m_key) {
        return std::nullopt;
    }
    if (EVP_PKEY_is_a(m_key.get(), "ED25519")) {
        return KeyType::Ed25519;
    }
    if (EVP_PKEY_is_a(m_key.get(), "EC")) {
        char group[64] = {};
        std::size_t length = 0;
        EVP_PKEY_get_group_name(m_key.get(), group, sizeof group, &length);
        if (std::strcmp(group, "prime256v1") == 0 || std::strcmp(group, "P-256") == 0) {
            return KeyType::EcdsaP256;
        }
        if (std::strcmp(group, "secp384r1") == 0 || std::strcmp(group, "P-384") == 0) {
            return KeyType::EcdsaP384;
        }
        return std::nullopt;
    }
    if (EVP_PKEY_is_a(m_key.get(), "RSA")) {
        switch (EVP_PKEY_get_bits(m_key.get())) {
        case 2048:
            return KeyType::Rsa2048;
        case 3072:
            return KeyType::Rsa3072;
        case 4096:
            return KeyType::Rsa4096;
        default:
            return std::nullopt;
        }
    }
    return std::nullopt;
}

QString PrivateKey::description() const
{
    if (!m_key) {
        return {};
    }
    return QStringLiteral("%1 %2")
        .arg(QString::fromLatin1(EVP_PKEY_get0_type_name(m_key.get())))
        .arg(EVP_PKEY_get_bits(m_key.get()));
}

Result<SecretBuffer> PrivateKey::toPem() const
{
    BioPtr bio = writeBio(true);
    if (!PEM_write_bio_PKCS8PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr,
                                       nullptr)) {
        return std::unexpected(openSslError(QStringLiteral("tls.key-write"),
                                            Text::tr("Encoding the private key failed")));
    }
    return SecretBuffer::fromView(bioContents(bio.get()));
}

Result<SecretBuffer> PrivateKey::toEncryptedPem(const SecretBuffer& passphrase) const
{
    if (passphrase.isEmpty()) {
        return fail(QStringLiteral("tls.passphrase-empty"), Text::tr("The passphrase is empty."),
                    Text::tr("Give a passphrase to protect the key."));
    }
    BioPtr bio = writeBio(true);
    if (!PEM_write_bio_PKCS8PrivateKey(bio.get(), m_key.get(), EVP_aes_256_cbc(), passphrase.data(),
                                       int(passphrase.size()), nullptr, nullptr)) {
        return std::unexpected(openSslError(QStringLiteral("tls.key-write"),
                                            Text::tr("Encrypting the private key failed")));
    }
    return SecretBuffer::fromView(bioContents(bio.get()));
}

const EVP_MD* signatureDigest(const PrivateKey& signer)
{
    const auto type = signer.type();
    if (type == KeyType::Ed25519) {
        return nullptr;
    }
    if (type == KeyType::EcdsaP384) {
        return EVP_sha384();
    }
    return EVP_sha256();
}

} // namespace raysec::tls
