#include "core/keys/MinisignKeyPair.h"

#include "core/keys/MinisignFormat.h"

#include <QCoreApplication>

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::MinisignKeyPair)
};

} // namespace

MinisignKeyPair MinisignKeyPair::generate()
{
    static_assert(PublicKeySize == crypto_sign_PUBLICKEYBYTES);
    static_assert(SecretKeySize == crypto_sign_SECRETKEYBYTES);
    if (sodium_init() < 0) {
        qFatal("libsodium could not be initialised");
    }
    MinisignKeyPair pair;
    pair.m_secretKey = SecretBuffer(SecretKeySize);
    crypto_sign_keypair(pair.m_publicKey.data(), pair.m_secretKey.bytes().data());
    randombytes_buf(pair.m_keyId.data(), pair.m_keyId.size());
    return pair;
}

Result<MinisignKeyPair> MinisignKeyPair::fromSecretMaterial(const SecretBuffer& material)
{
    if (material.size() != SecretMaterialSize) {
        return fail(QStringLiteral("minisign.secret-size"),
                    Text::tr("The signing key has %1 bytes instead of %2.")
                        .arg(material.size())
                        .arg(SecretMaterialSize),
                    Text::tr("Restore the signing key from its backup file."));
    }
    MinisignKeyPair pair;
    const auto bytes = material.bytes();
    std::copy_n(bytes.begin(), KeyIdSize, pair.m_keyId.begin());
    pair.m_secretKey = SecretBuffer(material.data() + KeyIdSize, SecretKeySize);

    // An Ed25519 secret key carries its public half; check it still matches the seed.
    SecretBuffer seed(crypto_sign_SEEDBYTES);
    SecretBuffer rebuilt(SecretKeySize);
    PublicKey derived{};
    crypto_sign_ed25519_sk_to_seed(seed.bytes().data(), pair.m_secretKey.bytes().data());
    crypto_sign_seed_keypair(derived.data(), rebuilt.bytes().data(), seed.bytes().data());
    if (!rebuilt.equals(pair.m_secretKey)) {
        return fail(QStringLiteral("minisign.secret-damaged"),
                    Text::tr("The signing key is damaged: its public half does not match."),
                    Text::tr("Restore the signing key from its backup file."));
    }
    pair.m_publicKey = derived;
    return pair;
}

SecretBuffer MinisignKeyPair::secretMaterial() const
{
    SecretBuffer material(SecretMaterialSize);
    std::memcpy(material.data(), m_keyId.data(), KeyIdSize);
    std::memcpy(material.data() + KeyIdSize, m_secretKey.data(), SecretKeySize);
    return material;
}

QString MinisignKeyPair::keyIdHex() const
{
    return minisign::keyIdHex(m_keyId);
}

std::string MinisignKeyPair::publicKeyBase64() const
{
    std::array<unsigned char, 2 + KeyIdSize + PublicKeySize> blob{};
    std::memcpy(blob.data(), minisign::KeyAlgorithm.data(), 2);
    std::memcpy(blob.data() + 2, m_keyId.data(), KeyIdSize);
    std::memcpy(blob.data() + 2 + KeyIdSize, m_publicKey.data(), PublicKeySize);
    return minisign::toBase64(blob);
}

std::string MinisignKeyPair::publicKeyFile() const
{
    // Appended piece by piece: GCC 12 misreports a chain of operator+ on a temporary as an
    // out-of-bounds copy (-Warray-bounds).
    std::string file(minisign::UntrustedPrefix);
    file.append("minisign public key ").append(keyIdHex().toStdString()).append("\n");
    file.append(publicKeyBase64()).append("\n");
    return file;
}

} // namespace raysec
